"""Words in quotation marks in the site's own text are found word for word in a source the item cites: a background
item's in the stored text of one of its sources, a takeaway's or an answer's in the article or a source it cites."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT
from tools.cli import run_cli
from tools.edits import copy_story, edit

PESKOV = "the war looked like “another piece of fake news”."


@pytest.fixture
def kursk(tmp_path: Path) -> Path:
    return copy_story(CONTENT, tmp_path / "story")


def problems(story: Path) -> list[str]:
    result = run_cli("check", str(story))
    assert result.code == 1, result.stdout
    return result.stderr.splitlines()


def test_the_kursk_background_quotations_are_each_found_in_a_stored_source(kursk: Path) -> None:
    result = run_cli("check", str(kursk))
    assert result.code == 0, result.stderr
    assert "3 further sources" in result.stdout


def test_an_unverified_quotation_inside_a_background_sentence_fails_check(kursk: Path) -> None:
    line = edit(kursk, "      On 10 October 2024 the Kremlin's spokesman Dmitry Peskov said reports",
                "      On 10 October 2024 the Kremlin's spokesman Dmitry Peskov said “mere rumours” and reports") - 1
    lines = problems(kursk)
    stored = f"{kursk / 'tass-peskov.txt'} or {kursk / 'uawire.txt'}"
    assert any(f"story.yaml:{line}:5: background[" in each and "].text: puts “mere rumours” in quotation marks, so it "
               f"must be a quotation of {stored}" in each and f"they are not in {stored}" in each
               for each in lines), lines


def test_one_word_changed_in_a_background_quotation_fails_check(kursk: Path) -> None:
    edit(kursk, PESKOV, "the war looked like “another piece of false news”.")
    lines = problems(kursk)
    assert any("].text: puts “another piece of false news” in quotation marks" in each for each in lines), lines


def test_a_background_quotation_of_a_source_the_item_does_not_store_fails_check(kursk: Path) -> None:
    edit(kursk, "        stored: tass-peskov\n", "")
    lines = problems(kursk)
    assert any("].text: puts “another piece of fake news” in quotation marks, so it must be a quotation of "
               f"{kursk / 'uawire.txt'} (or" in each for each in lines), lines


def test_a_background_quotation_with_no_stored_source_says_how_to_store_one(kursk: Path) -> None:
    edit(kursk, "Ukraine's parliament appointed Andrii Sybiha foreign minister",
         "Ukraine's parliament appointed Andrii Sybiha, “a career diplomat”, foreign minister")
    lines = problems(kursk)
    assert any("].text: puts “a career diplomat” in quotation marks, so it must be a quotation of a stored source "
               "(or of a background item it cites), word for word: none of its sources is stored: give the one that "
               "has these words `stored:`" in each for each in lines), lines


def test_a_takeaway_quoting_a_further_source_it_does_not_cite_fails_check(kursk: Path) -> None:
    line = edit(kursk, "      Moscow and Pyongyang did not confirm the deployment at the time.",
                "      Dmitry Peskov had called the reports “another piece of fake news”. Nor did Pyongyang confirm them.")
    lines = problems(kursk)
    assert any(f"story.yaml:{line - 1}:5: takeaways[1].text: puts “another piece of fake news” in quotation marks"
               in each for each in lines), lines
    edit(kursk, "    cites: [p9.s2, p10.s1]\n", "    cites: [p9.s2, p10.s1, tass-peskov:p1.s1]\n")
    assert run_cli("check", str(kursk)).code == 0
