"""The draft-quality benchmark drafts a story of several sources as `draft A B` would, article and full further
sources together, and leaves out what only an excerpt says (an excerpt has no headline or byline to draft from)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import draft_quality  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def test_a_wire_report_and_its_release_are_drafted_together_and_every_quote_of_both_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_quality, "WORK", tmp_path)
    row = draft_quality.compare(CORPUS / "wire-and-release")
    assert row["passes_check"] and row["sources"] == 1 and row["excerpt_items"] == 0
    assert row["quotes_found"] == row["quotes_expected"] == 7, row.get("missed")
    assert row["speakers_right"] == 7


def test_quotes_and_statements_of_an_excerpt_alone_are_not_expected_of_the_draft(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_quality, "WORK", tmp_path)
    row = draft_quality.compare(CORPUS / "council-vote-excerpts")
    assert row["passes_check"] and row["sources"] == 0 and row["excerpt_items"] >= 1
    assert row["quotes_found"] == row["quotes_expected"], row.get("missed")


def test_the_held_out_sets_are_totalled_apart() -> None:
    folders = {folder.name for folder in CORPUS.iterdir() if (folder / "story.yaml").is_file()}
    assert all(set(members) <= folders for members in draft_quality.HELD_OUT.values())
