"""`draft` on quoted words: quotations nested in another or run over paragraphs are listed as the article writes
them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.draft.drafting import draft_story
from generator.load import load_story

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
HEAD = "Harbour plan agreed\n\nTest Wire 2025-03-03T10:15:00+01:00\n\nPORTVALE: "


def draft_article(tmp_path: Path, body: str) -> dict:
    """The story `draft` writes for an article of this body, after checking that it passes `check`."""
    source = tmp_path / "article.txt"
    source.write_text(HEAD + body, encoding="utf-8")
    draft_story(source, tmp_path / "draft", NOW)
    load_story(tmp_path / "draft")
    return yaml.safe_load((tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8"))


def quote_texts(story: dict) -> list[str]:
    return [quote["text"] for quote in story["quotes"]]


def test_a_single_marked_quotation_holding_a_double_marked_one_is_listed_with_it(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "‘We have baked here since 1961,’ said owner Gemma Fenwick.\n\n"
        "‘When the council’s letter called our chimney “wholly unacceptable”, I thought that was the end.’\n"))
    assert quote_texts(story) == [
        "We have baked here since 1961",
        "When the council’s letter called our chimney “wholly unacceptable”, I thought that was the end",
        "wholly unacceptable"]


def test_a_quotation_opened_inside_a_paragraph_and_run_on_into_the_next_is_one_quote(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        '"People tell us this is the only warm place," Ada Quill added. "Closing it will be felt most.\n\n'
        '"We will keep the book drop open."\n'))
    assert quote_texts(story) == ["People tell us this is the only warm place",
                                  'Closing it will be felt most.\n\n"We will keep the book drop open']
    text = (tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8")
    assert "# REVIEW: one quotation over 2 paragraphs" in text
