"""`draft A B C --out DIR` says what kind each further source is from what the source says of itself, with its
evidence in the review marker, and says so where nothing tells: never "news report" for a release or a transcript."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT
from tools.cli import run_cli

from generator.draft.source_kind import UNTOLD, source_kind

FIXTURES = ROOT / "tests" / "fixtures" / "source-kinds"

COLUMN = """Harbour wall: what the repairs mean for the ferries

Portvale Courier, March 11, 2025

The repairs to the harbour wall will close the southern berth until the end of April, the harbour authority said.
"""


def drafted_sources(tmp_path: Path, *names: str) -> dict[str, tuple[str, str]]:
    """Each further source's id, with its kind and the line that gives it, of the draft of the fixtures `names`."""
    (tmp_path / "column.txt").write_text(COLUMN, encoding="utf-8")
    paths = [str(FIXTURES / name) if (FIXTURES / name).is_file() else str(tmp_path / name) for name in names]
    out = tmp_path / "story"
    result = run_cli("draft", *paths, "--out", str(out))
    assert result.code == 0, result.stderr
    checked = run_cli("check", str(out))
    assert checked.code == 0, checked.stderr
    text = (out / "story.yaml").read_text(encoding="utf-8")
    lines = {line.split(": ", 1)[1].split("  #")[0].strip('"'): line for line in text.splitlines()
             if line.strip().startswith("kind: ") and line.startswith("    ")}
    sources = yaml.safe_load(text)["sources"]
    return {source["id"]: (source["kind"], lines[source["kind"]]) for source in sources}


def test_a_release_marked_for_immediate_release_and_a_transcript_are_drafted_as_such(tmp_path: Path) -> None:
    sources = drafted_sources(tmp_path, "harbour-wire.txt", "authority-release.txt", "briefing-transcript.txt")
    assert sources["authority-release"] == (
        "news release", "    kind: \"news release\"  # REVIEW: its text says 'FOR IMMEDIATE RELEASE'")
    assert sources["briefing-transcript"] == (
        "transcript", "    kind: transcript  # REVIEW: 5 of its paragraphs open with a speaker's name and a colon")


def test_a_source_that_says_nothing_of_its_kind_is_marked_with_why(tmp_path: Path) -> None:
    sources = drafted_sources(tmp_path, "harbour-wire.txt", "column.txt")
    kind, line = sources["column"]
    assert kind == "news report" and line.endswith(f"# REVIEW: {UNTOLD}")


def test_a_report_telling_of_a_release_is_not_taken_for_one() -> None:
    text = (FIXTURES / "harbour-wire.txt").read_text(encoding="utf-8").replace(
        "the harbour authority said.", "the harbour authority said in a news release.")
    assert source_kind(text, "Portvale harbour wall repairs begin after storm damage",
                       "https://example.org/wire/harbour", "Fictional Wire").value == "news report"


def test_an_address_on_a_government_site_or_a_newsroom_page_reads_as_a_release_but_marked_as_a_guess() -> None:
    for url, evidence in (("https://www.weather.gov/news/250310-stormready", "a government's site (www.weather.gov)"),
                          ("https://example.com/newsroom/harbour", "a newsroom's page (/newsroom/harbour)")):
        guess = source_kind(COLUMN, "Harbour wall: what the repairs mean", url, "Portvale Courier")
        assert guess.value == "news release" and evidence in guess.why and "a guess" in guess.why
