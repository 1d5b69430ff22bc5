"""`python -m generator check`: passes on the story, and names file, line and field for each mistake.

The mistakes are made in a copy of the small fixture story, found by their text, so that editorial
changes to the real story never move them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, SECOND_STORY
from tools.cli import run_command
from tools.edits import edit, line_of


@pytest.mark.parametrize("folder", [CONTENT, SECOND_STORY], ids=["story", "fixture story"])
def test_check_passes_on_the_story(folder: Path) -> None:
    quotes = yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))["quotes"]
    result = run_command("check", str(folder))
    assert result.code == 0, result.stderr
    assert f"{len(quotes)} quotes verified verbatim" in result.stdout


QUOTES = yaml.safe_load((SECOND_STORY / "story.yaml").read_text(encoding="utf-8"))["quotes"]


def _mutations() -> list[tuple[int, int, str]]:
    """Every quote, one character changed in a few positions each: first, last, and seeded random ones."""
    chosen = []
    rng = random.Random(20241028)
    for index, quote in enumerate(QUOTES):
        positions = {0, len(quote["text"]) - 1, *(rng.randrange(len(quote["text"])) for _ in range(3))}
        for position in sorted(positions):
            original = quote["text"][position]
            replacement = {"’": "'", "“": '"', " ": "\u00a0", "-": "–"}.get(original, "x" if original != "x" else "y")
            chosen.append((index, position, replacement))
    return chosen


@pytest.mark.parametrize(("index", "position", "replacement"), _mutations())
def test_changing_any_character_of_a_quote_fails_with_its_line(second_story_copy: Path, index: int, position: int,
                                                             replacement: str) -> None:
    text = QUOTES[index]["text"]
    mutated = text[:position] + replacement + text[position + 1:]
    line = edit(second_story_copy, f'text: "{text}"', f'text: "{mutated}"')
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    pattern = rf"story\.yaml:{line}:\d+: quotes\[{index}\]\.text: not found in the source; closest passage: \""
    assert re.search(pattern, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_speaker_is_named_with_its_line(second_story_copy: Path) -> None:
    line = edit(second_story_copy, "    speaker: operators-association\n    how: said, of the plan",
                "    speaker: nobody\n    how: said, of the plan")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert f"story.yaml:{line}:5: quotes[1].speaker: no person or organisation with id 'nobody'" in result.stderr


def test_a_sentence_id_that_does_not_exist_is_named(second_story_copy: Path) -> None:
    line = edit(second_story_copy, "    date: 2025-03-03\n    cites: [p3.s1]", "    date: 2025-03-03\n    cites: [p70.s1]")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert re.search(rf"story\.yaml:{line + 1}:\d+: statements\[0\]\.cites\[0\]: no sentence 'p70\.s1' in the article",
                     result.stderr), result.stderr


def test_a_date_on_the_wrong_weekday_is_named(second_story_copy: Path) -> None:
    line = edit(second_story_copy, "    date: 2025-02-28\n    cites: [p5.s1]", "    date: 2025-02-27\n    cites: [p5.s1]")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    expected = (f"story.yaml:{line}:5: statements[1].date: 2025-02-27 is a Thursday, but the article says "
                "Friday (that is 2025-02-28)")
    assert expected in result.stderr, result.stderr


def test_an_event_after_the_article_must_be_marked_next(second_story_copy: Path) -> None:
    edit(second_story_copy, "    background: [storm]\n    next: true\n", "    background: [storm]\n")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert "timeline[2].date: 2025-03-05 is after the article (2025-03-03); mark it `next: true`" in result.stderr


def test_a_quote_the_article_has_but_the_story_lacks_is_reported(second_story_copy: Path) -> None:
    story = second_story_copy / "story.yaml"
    text = story.read_text(encoding="utf-8")
    start, end = text.index("  - id: rushed\n"), text.index("\nstatements:\n")
    story.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    article = second_story_copy / "article.txt"
    line = line_of(article, "“rushed”")
    column = article.read_text(encoding="utf-8").split("\n")[line - 1].index("“rushed”") + 2
    assert f'the article quotes "rushed" at {article}:{line}:{column} (sentence p5.s1) but no quote lists it' \
        in result.stderr


def test_the_same_words_cannot_have_two_speakers(second_story_copy: Path) -> None:
    extra = '  - id: rushed-again\n    text: "rushed"\n    speaker: ada-quill\n    how: said\n'
    edit(second_story_copy, "\nstatements:\n", "\n" + extra + "\nstatements:\n")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert "quotes[2].speaker: the same words are attributed to 'operators-association' in quotes[1]" in result.stderr


def test_all_problems_are_reported_in_one_run(second_story_copy: Path) -> None:
    edit(second_story_copy, "speaker: operators-association\n    how: said, of the plan",
         "speaker: nobody\n    how: said, of the plan")
    edit(second_story_copy, "    status: claimed\n    quotes: [rushed]\n    statements: [not-consulted]\n    cites: [p5.s1]",
         "    status: claimed\n    quotes: [rushed]\n    statements: [not-consulted]\n    cites: [p99.s1]")
    edit(second_story_copy, 'text: "rushed"', 'text: "rushd"')
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    located = [line for line in result.stderr.splitlines() if re.match(r"\S+story\.yaml:\d+:\d+: ", line)]
    # The misspelt quote is reported twice: as not in the source, and as an article quote no longer listed.
    assert len(located) == 4, result.stderr
    assert "4 problems found; nothing was written." in result.stderr


def test_schema_mistakes_do_not_hide_the_checks_against_the_article(second_story_copy: Path) -> None:
    """An unknown field and a bad optional date are reported with the mistakes only the article can show."""
    unknown = edit(second_story_copy, "speaker: operators-association\n    how: said, of the plan",
                   "speaker: operators-association\n    mood: angry\n    how: said, of the plan") + 1
    misspelt = edit(second_story_copy, 'text: "rushed"', 'text: "rushd"')
    dangling = edit(second_story_copy, "    cites: [p5.s1]", "    cites: [p99.s1]")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    lines = result.stderr.splitlines()
    for line, words in ((unknown, "unknown field 'mood'"), (misspelt, "not found in the source"),
                        (dangling, "no sentence 'p99.s1'")):
        assert any(f"story.yaml:{line}:" in each and words in each for each in lines), result.stderr


def test_a_missing_required_field_still_stops_at_the_schema(second_story_copy: Path) -> None:
    edit(second_story_copy, "    speaker: operators-association\n", "")
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert "required field is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_weekday_after_a_time_is_checked_like_on_a_weekday(second_story_copy: Path) -> None:
    """"The first ferry left at 6:10 a.m. GMT Monday." is one sentence, and says Monday."""
    article = second_story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe first ferry left at 6:10 a.m. GMT Monday.\n",
                       encoding="utf-8")
    line = edit(second_story_copy, "    cites: [p3.s1]\n  - id: ferries-run",
                "    cites: [p3.s1]\n  - id: first-ferry\n    date: 2025-03-02\n    text: The first ferry leaves.\n"
                "    basis: article\n    cites: [p6.s1]\n  - id: ferries-run") + 2
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert f"story.yaml:{line}:" in result.stderr
    assert "2025-03-02 is a Sunday, but the article says Monday (that is 2025-03-03)" in result.stderr


def test_a_day_to_come_in_a_quotes_sentence_is_not_the_day_it_was_said(second_story_copy: Path) -> None:
    """“Every ferry will run ... on Wednesday,” said on Monday: Wednesday is the day the ferries run."""
    article = second_story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("timetable from Wednesday", "timetable on Wednesday"),
                       encoding="utf-8")
    edit(second_story_copy, "text: \"Every ferry will run to the normal timetable from Wednesday\"",
         "text: \"Every ferry will run to the normal timetable on Wednesday\"")
    result = run_command("check", str(second_story_copy))
    assert result.code == 0, result.stderr
    line = edit(second_story_copy, "    cites: [p3.s1]\n  - id: ferries-run",
                "    cites: [p3.s1]\n  - id: ferries-back\n    date: 2025-03-06\n    text: Ferries run again.\n"
                "    basis: article\n    cites: [p4.s1]\n    next: true\n  - id: ferries-run") + 2
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    # A day to come is counted forward from the article's date: the Wednesday after Monday 3 March.
    assert (f"story.yaml:{line}:5: timeline[2].date: 2025-03-06 is a Thursday, but the article says Wednesday "
            "(that is 2025-03-05)") in result.stderr, result.stderr


def test_a_day_a_sentence_writes_out_may_fall_on_another_weekday_than_it_names(second_story_copy: Path) -> None:
    article = second_story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8")
                       + "\nThe pier will close again on 15 April for repairs, the council said on Monday.\n",
                       encoding="utf-8")
    edit(second_story_copy, "    cites: [p3.s1]\n  - id: ferries-run",
         "    cites: [p3.s1]\n  - id: pier-closes\n    date: 2025-04-15\n    text: The pier closes again.\n"
         "    basis: article\n    cites: [p6.s1]\n    next: true\n  - id: ferries-run")
    result = run_command("check", str(second_story_copy))
    assert result.code == 0, result.stderr  # 15 April 2025 is a Tuesday; the sentence names Monday too


def test_a_bare_weekday_in_news_style_is_checked_like_on_a_weekday(second_story_copy: Path) -> None:
    article = second_story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe council said Tuesday that the first ferry had docked.\n",
                       encoding="utf-8")
    line = edit(second_story_copy, "    cites: [p5.s1]\n\nreactions:",
                "    cites: [p5.s1]\n  - id: first-ferry\n    speaker: ada-quill\n    gist: The first ferry docked.\n"
                "    date: 2025-03-03\n    cites: [p6.s1]\n\nreactions:") + 4
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert (f"story.yaml:{line}:5: statements[2].date: 2025-03-03 is a Monday, but the article says Tuesday "
            "(that is 2025-02-25)") in result.stderr, result.stderr


def test_a_weekday_that_dates_what_is_reported_binds_the_event_not_the_day_it_was_said(
        second_story_copy: Path) -> None:
    """"The first ferry docked Tuesday, the council said.": the ferry docked on Tuesday; the council said so on a day
    the sentence does not give."""
    article = second_story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe first ferry docked Tuesday, the council said.\n",
                       encoding="utf-8")
    edit(second_story_copy, "    cites: [p5.s1]\n\nreactions:",
         "    cites: [p5.s1]\n  - id: first-ferry\n    speaker: ada-quill\n    gist: The first ferry docked.\n"
         "    date: 2025-03-03\n    cites: [p6.s1]\n\nreactions:")
    result = run_command("check", str(second_story_copy))
    assert result.code == 0, result.stderr
    line = edit(second_story_copy, "    cites: [p3.s1]\n  - id: ferries-run",
                "    cites: [p3.s1]\n  - id: first-ferry-docks\n    date: 2025-03-03\n    text: The first ferry docks.\n"
                "    basis: article\n    cites: [p6.s1]\n  - id: ferries-run") + 2
    result = run_command("check", str(second_story_copy))
    assert result.code == 1
    assert (f"story.yaml:{line}:5: timeline[2].date: 2025-03-03 is a Monday, but the article says Tuesday "
            "(that is 2025-02-25)") in result.stderr, result.stderr
