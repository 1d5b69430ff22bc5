"""A story of several sources: each quote is checked against the source it names, and every rule `check` applies to
the article (quotes verbatim and listed, weekdays) applies to each further source, with located messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import SECOND_STORY
from tools.cli import run_cli
from tools.edits import copy_story, edit, line_of, replace_once

RELEASE = """Northern pier to reopen on Wednesday

Portvale harbour council news release, 3 March 2025

The northern pier will reopen to ferries on Wednesday, the harbour council said on Monday.

“Our engineers have checked every pile and every rail, and the pier is safe,” said council chair Ada Quill.
"""

SOURCES = """sources:
  - id: council-release
    kind: news release
    outlet: Portvale harbour council
    title: Northern pier to reopen on Wednesday
    date: 2025-03-03
    url: https://example.org/portvale/pier-release

takeaways:
"""

QUOTE = """  - id: pier-safe
    text: "Our engineers have checked every pile and every rail, and the pier is safe"
    speaker: ada-quill
    how: said in the council's news release
    source: council-release
    date: 2025-03-03
  - id: rushed
"""


@pytest.fixture
def two_sources(tmp_path: Path) -> Path:
    """The small second story with the council's own news release as a further source, quoted once."""
    story = copy_story(SECOND_STORY, tmp_path / "story")
    (story / "council-release.txt").write_text(RELEASE, encoding="utf-8")
    edit(story, "takeaways:\n", SOURCES)
    edit(story, "  - id: rushed\n", QUOTE)
    return story


def problems(story: Path) -> list[str]:
    result = run_cli("check", str(story))
    assert result.code == 1, result.stdout
    return result.stderr.splitlines()


def test_a_quote_of_a_second_source_is_verified_against_it(two_sources: Path) -> None:
    result = run_cli("check", str(two_sources))
    assert result.code == 0, result.stderr
    assert "3 quotes verified verbatim" in result.stdout
    assert "5 source sentences and 1 further source of 4 sentences." in result.stdout


def test_a_quote_attributed_to_the_wrong_source_names_the_source_that_has_it(two_sources: Path) -> None:
    line = edit(two_sources, "    how: told a news conference\n", "    how: told a news conference\n"
                                                                      "    source: council-release\n") + 1
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: quotes[0].source: is not quoted in " in each
               and "council-release.txt, the source it names, but in " in each
               and "article.txt:7:2 (sentence p4.s1), another source; leave out `source:`" in each
               for each in lines), lines


def test_a_quote_of_a_second_source_left_on_the_article_says_which_source_has_it(two_sources: Path) -> None:
    replace_once(two_sources / "story.yaml", "    source: council-release\n    date: 2025-03-03\n",
                 "    date: 2025-03-03\n")
    line = line_of(two_sources / "story.yaml", '    text: "Our engineers')
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: quotes[1].text: is not quoted in the article, its default source, but in "
               in each and "council-release.txt:7:2 (sentence council-release:p4.s1), another source; give it "
               "`source: council-release`" in each for each in lines), lines


def test_one_character_changed_in_a_quote_of_a_second_source_fails_check(two_sources: Path) -> None:
    line = edit(two_sources, "every rail, and the pier is safe", "every rail, and the pier is safe!")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: quotes[1].text: not found in " in each
               and "council-release.txt, the source it names" in each for each in lines), lines


def test_a_quotation_of_a_second_source_no_quote_lists_is_located_in_its_file(two_sources: Path) -> None:
    with (two_sources / "council-release.txt").open("a", encoding="utf-8") as text:
        text.write("\nThe operators called it “a fair outcome” on Tuesday.\n")
    lines = problems(two_sources)
    assert any('quotes: the source quotes "a fair outcome" at ' in each
               and "council-release.txt:9:26 (sentence council-release:p5.s1) but no quote lists it" in each
               for each in lines), lines


def test_a_sentence_of_an_unknown_source_is_a_located_reference_error(two_sources: Path) -> None:
    line = edit(two_sources, "    cites: [p3.s1]\n", "    cites: [council-releas:p3.s1]\n")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:13: takeaways[0].cites[0]: no source with id 'council-releas' for the sentence "
               "'council-releas:p3.s1'" in each for each in lines), lines


def test_a_sentence_past_the_end_of_a_second_source_names_its_last(two_sources: Path) -> None:
    line = edit(two_sources, "    cites: [p3.s1]\n", "    cites: [council-release:p9.s1]\n")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:13: takeaways[0].cites[0]: no sentence 'council-release:p9.s1' in the source "
               "'council-release' (its last is council-release:p4.s1)" in each for each in lines), lines


def test_a_missing_source_file_is_located_on_the_source(two_sources: Path) -> None:
    (two_sources / "council-release.txt").unlink()
    line = line_of(two_sources / "story.yaml", "  - id: council-release")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: sources[0].id: no file " in each and "council-release.txt" in each
               for each in lines), lines


def test_a_statement_citing_only_a_second_source_names_it(two_sources: Path) -> None:
    line = edit(two_sources, "    gist: The council said the northern pier would reopen to ferries.\n"
                             "    date: 2025-03-03\n    cites: [p3.s1]\n",
                "    gist: The council said the northern pier would reopen to ferries.\n"
                "    date: 2025-03-03\n    cites: [council-release:p3.s1]\n") + 2
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: statements[0].cites: cites only 'council-release', not the article; give the "
               "statement `source: council-release`" in each for each in lines), lines


def test_a_weekday_in_a_second_source_counts_from_its_own_date(two_sources: Path) -> None:
    edit(two_sources, "    gist: The council said the northern pier would reopen to ferries.\n"
                      "    date: 2025-03-03\n    cites: [p3.s1]\n",
         "    gist: The council said the northern pier would reopen to ferries.\n"
         "    source: council-release\n    date: 2025-03-04\n    cites: [council-release:p3.s1]\n")
    lines = problems(two_sources)
    assert any("statements[0].date: 2025-03-04 is a Tuesday, but " in each and "council-release.txt says Monday "
               "(that is 2025-03-03)" in each for each in lines), lines


def test_a_full_source_opens_with_its_title(two_sources: Path) -> None:
    line = edit(two_sources, "    title: Northern pier to reopen on Wednesday\n",
                "    title: Northern pier reopens on Wednesday\n")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: sources[0].title: is not the first paragraph of " in each for each in lines), \
        lines


def test_a_quote_of_a_speakers_own_statement_may_stand_anywhere_in_it_and_is_theirs(two_sources: Path) -> None:
    (two_sources / "chair.txt").write_text("The pier is safe. Ferries will run from Wednesday.\n", encoding="utf-8")
    edit(two_sources, "\ntakeaways:\n", "  - id: chair\n    kind: statement\n    outlet: Portvale harbour council\n"
                                        "    date: 2025-03-03\n    url: https://example.org/portvale/chair\n"
                                        "    excerpt: true\n    speaker: ada-quill\n\ntakeaways:\n")
    edit(two_sources, "  - id: rushed\n", '  - id: chair-ferries\n    text: "Ferries will run from Wednesday"\n'
                                          "    speaker: ada-quill\n    how: said\n    source: chair\n  - id: rushed\n")
    assert run_cli("check", str(two_sources)).code == 0
    line = edit(two_sources, "    speaker: ada-quill\n    how: said\n    source: chair\n",
                "    speaker: operators-association\n    how: said\n    source: chair\n")
    lines = problems(two_sources)
    assert any(f"story.yaml:{line}:5: quotes[2].speaker: the article attributes these words to Ada Quill" in each
               for each in lines), lines


WIRE_MONDAY = """Council approves harbour wall repairs

Fictional Wire, March 3, 2025 4:00 PM GMT

PORTVALE, March 3 (Fictional Wire) - Portvale's harbour council approved repairs to the harbour wall on Monday.

“The wall has protected this town for a century and it will protect it for another,” council chair Ada Quill said on Monday.
"""

RELEASE_A_WEEK_LATER = """Harbour wall repairs begin

Portvale harbour council news release, March 10, 2025

The harbour council said on Monday that repairs to the harbour wall had begun.

“Work starts today and will finish before the autumn storms,” said council chair Ada Quill.
"""


def test_draft_takes_several_sources_each_dated_from_its_own_day_with_one_speaker(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE_MONDAY, encoding="utf-8")
    (tmp_path / "council-release.txt").write_text(RELEASE_A_WEEK_LATER, encoding="utf-8")
    out = tmp_path / "story"
    result = run_cli("draft", str(tmp_path / "wire.txt"), str(tmp_path / "council-release.txt"), "--out", str(out))
    assert result.code == 0, result.stderr
    assert (out / "council-release.txt").read_text(encoding="utf-8") == RELEASE_A_WEEK_LATER
    checked = run_cli("check", str(out))
    assert checked.code == 0, checked.stderr
    assert "2 quotes verified verbatim" in checked.stdout and "1 further source of 4 sentences" in checked.stdout
    story = yaml.safe_load((out / "story.yaml").read_text(encoding="utf-8"))
    assert story["sources"][0]["id"] == "council-release"
    quotes = {quote["text"].split()[1]: quote for quote in story["quotes"]}
    assert quotes["wall"]["date"] == dt.date(2025, 3, 3) and "source" not in quotes["wall"]
    assert quotes["starts"]["date"] == dt.date(2025, 3, 10) and quotes["starts"]["source"] == "council-release"
    assert quotes["wall"]["speaker"] == quotes["starts"]["speaker"]  # Ada Quill in both, one person
    assert [person["name"] for person in story["people"]].count("Ada Quill") == 1
    release_statements = [statement for statement in story["statements"] if statement.get("source")]
    assert release_statements and all(cited.startswith("council-release:p") for statement in release_statements
                                       for cited in statement["cites"])
