"""The overview's pull quotes: the lead quote, then one for each other side (generator/pages/pull_quotes.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import CONTENT, ROOT
from tools.edits import copy_story

from generator.content.load import load_story
from generator.pages.pull_quotes import pull_quotes
from generator.pages.story_index import index_story


def chosen(folder: Path) -> tuple[str | None, list[str]]:
    lead, sides = pull_quotes(index_story(load_story(folder)))
    return (lead.id if lead else None), [quote.id for quote in sides]


def test_the_lead_is_the_first_quote_that_reads_alone_then_one_per_other_side() -> None:
    # "fake news" is the only quote of Russia's side: a phrase stands where a side has nothing else.
    assert chosen(CONTENT) == ("deepening-cooperation", ["lift-restrictions", "fake-news"])


def test_the_council_majority_is_heard_on_the_overview() -> None:
    """The library story's lead is the library's head; the council and the campaigners each get theirs. Her first
    quote, on the children's sessions, is the second takeaway in other words: the lead is her next, on who will
    miss the library (the human stakes an editor found nowhere on the overview)."""
    assert chosen(ROOT / "tests" / "corpus" / "library-hours") == (
        "warm-free-place", ["nobody-came", "poorest-residents"])


def test_a_quote_the_story_marks_leads(tmp_path: Path) -> None:
    folder = copy_story(ROOT / "tests" / "corpus" / "library-hours", tmp_path / "story")
    data = yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))
    for quote in data["quotes"]:
        quote["lead"] = quote["id"] in ("warm-free-place", "false-economy")
    (folder / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert chosen(folder) == ("warm-free-place", ["nobody-came", "false-economy"])
