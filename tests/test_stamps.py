"""Honest stamps: the explainer's own published and updated dates, apart from its source's, and an "as of" line.

"Published 29 October 2024, 12:00 UTC" on the Kursk overview was the Reuters report's date, not the explainer's.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTENT, ROOT
from tools.cli import run_cli
from tools.edits import copy_story, edit

from generator.content.load import load_story
from generator.pages.render import render_pages
from generator.pages.seo import json_ld, meta_tags

LIBRARY = ROOT / "tests" / "corpus" / "library-hours"


def stamps_of(folder: Path) -> str:
    """The overview's stamps as a reader sees them: the words, without the markup around the dates."""
    overview = render_pages(load_story(folder))["index.md"]
    stamps = re.search(r'<p class="ex-stamps" markdown>(.*?)</p>', overview, re.S)
    assert stamps, "the overview has no stamps"
    return re.sub(r"<[^>]+>|\]\([^)]*\)|\[", "", stamps.group(1)).replace("\n", " ")


def head_of(folder: Path) -> tuple[dict, dict[str, str]]:
    story = load_story(folder).story
    data = json_ld(story, "index.md", "https://example.org/", "https://example.org/", "https://example.org/c.png")
    tags = {name: value for _, name, value in meta_tags(story=story, site_name="S", title="T", description="D",
                                                        page_url="https://example.org/", image_url="x")}
    return data, tags


def test_the_kursk_overview_gives_the_explainers_own_dates_apart_from_the_reports() -> None:
    stamps = stamps_of(CONTENT)
    assert stamps.startswith("Published 26 November 2026, 09:08 UTC · Updated 8 December 2026, 00:30 UTC"), stamps
    assert "What we know as of 30 April 2025." in stamps
    assert "republished by Business Recorder on 29 October 2024." in stamps, "the report's day, not its minute"
    assert not re.search(r"(?:Published|Updated) 29 October 2024", stamps)
    data, tags = head_of(CONTENT)
    assert data["datePublished"] == "2026-11-26T09:08:00+00:00" and data["dateModified"] == "2026-12-08T00:30:00+00:00"
    assert data["isBasedOn"]["datePublished"] == "2024-10-29T03:27:00+05:00"
    assert tags["article:published_time"] == "2026-11-26T09:08:00+00:00"


def test_without_stamps_the_pages_say_only_what_is_known(second_story_copy: Path) -> None:
    """No published time and no updates log: no stamp is made up from the source's date, and JSON-LD gives none."""
    folder = without_stamps(second_story_copy)
    stamps = stamps_of(folder)
    assert "Published" not in stamps and "Updated" not in stamps
    # The latest date the story rests on: the ferries running again on 5 March, a background event.
    assert stamps.startswith("What we know as of 5 March 2025. Based on a Fictional Wire report"), stamps
    data, tags = head_of(folder)
    assert "datePublished" not in data and "dateModified" not in data
    assert "article:published_time" not in tags


def test_the_published_stamp_defaults_to_the_updates_logs_first_publication(second_story_copy: Path) -> None:
    edit(second_story_copy, "  published: 2025-03-04T08:00:00+01:00\n", "")
    assert stamps_of(second_story_copy).startswith("Published 4 March 2025, 08:00 UTC+1 · Updated 5 March 2025")


def without_stamps(folder: Path) -> Path:
    """The story with no published time and an empty updates log."""
    path = folder / "story.yaml"
    text = re.sub(r"\n  published: [^\n]*", "", path.read_text(encoding="utf-8"), count=1)
    path.write_text(re.sub(r"\nchanges:\n(?:  .*\n|    .*\n)*", "\nchanges: []\n", text), encoding="utf-8")
    return folder


def test_an_event_the_article_announces_does_not_move_the_as_of_date(tmp_path: Path) -> None:
    """The library "will close on Mondays and Tuesdays from April": a plan, not news yet, on 14 March."""
    folder = without_stamps(copy_story(LIBRARY, tmp_path / "library"))
    assert stamps_of(folder).startswith("What we know as of 14 March 2025. Based on a Millbrook Courier report"), \
        stamps_of(folder)


def test_stamps_that_cannot_be_true_are_refused_with_their_line(second_story_copy: Path) -> None:
    folder = second_story_copy
    published = edit(folder, "  published: 2025-03-04T08:00:00+01:00\n",
                     "  published: 2025-03-03T08:00:00+01:00\n  as_of: 2025-03-09\n")
    result = run_cli("check", str(folder))
    assert result.code == 1
    assert (f"story.yaml:{published}:3: meta.published: 2025-03-03T08:00:00+01:00 is not the first publication the "
            "updates log gives (2025-03-04T08:00:00+01:00, under changes); give one time for both") in result.stderr
    assert (f"story.yaml:{published}:3: meta.published: 2025-03-03T08:00:00+01:00 is before the source was "
            "published (2025-03-03T10:15:00+01:00); the explainer's stamp is its own, never the source's"
            ) in result.stderr
    assert (f"story.yaml:{published + 1}:3: meta.as_of: 2025-03-09 is after the explainer's latest stamp "
            "(2025-03-05T09:30:00+01:00); it cannot speak for a day still to come") in result.stderr
    assert "Traceback" not in result.stderr
