"""`python -m generator check`: passes on the story, and names file, line and field for each mistake."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "check", str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def replace_once(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    line = line_of(path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_check_passes_on_the_story() -> None:
    result = check(CONTENT)
    assert result.returncode == 0, result.stderr
    assert "8 quotes verified verbatim" in result.stdout


QUOTES = yaml.safe_load((CONTENT / "story.yaml").read_text(encoding="utf-8"))["quotes"]


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
def test_changing_any_character_of_a_quote_fails_with_its_line(story_copy: Path, index: int, position: int,
                                                             replacement: str) -> None:
    story = story_copy / "story.yaml"
    text = QUOTES[index]["text"]
    mutated = text[:position] + replacement + text[position + 1:]
    line = replace_once(story, f'text: "{text}"', f'text: "{mutated}"')
    result = check(story_copy)
    assert result.returncode == 1
    pattern = rf"story\.yaml:{line}:\d+: quotes\[{index}\]\.text: not found in the source; closest passage: \""
    assert re.search(pattern, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_speaker_is_named_with_its_line(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    line = replace_once(story, "    speaker: sybiha\n    how: said in a post", "    speaker: nobody\n    how: said in a post")
    result = check(story_copy)
    assert result.returncode == 1
    assert f"story.yaml:{line}:5: quotes[4].speaker: no person or organisation with id 'nobody'" in result.stderr


def test_a_sentence_id_that_does_not_exist_is_named(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    line = replace_once(story, "    cites: [p7.s1, p8.s1]\n    quotes: [lift-restrictions]",
                        "    cites: [p70.s1, p8.s1]\n    quotes: [lift-restrictions]")
    result = check(story_copy)
    assert result.returncode == 1
    assert re.search(rf"story\.yaml:{line}:\d+: statements\[4\]\.cites\[0\]: no sentence 'p70\.s1' in the article",
                     result.stderr), result.stderr


def test_a_date_on_the_wrong_weekday_is_named(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    line = replace_once(story, "    date: 2024-10-24\n    where: in Kazan\n    cites: [p9.s2]",
                        "    date: 2024-10-23\n    where: in Kazan\n    cites: [p9.s2]")
    result = check(story_copy)
    assert result.returncode == 1
    expected = (f"story.yaml:{line}:5: statements[6].date: 2024-10-23 is a Wednesday, but the article says "
                "Thursday (that is 2024-10-24)")
    assert expected in result.stderr, result.stderr


def test_an_event_after_the_article_must_be_marked_next(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("    background: [first-clash-claim]\n    next: true\n", "    background: [first-clash-claim]\n", 1),
                     encoding="utf-8")
    result = check(story_copy)
    assert result.returncode == 1
    assert "timeline[9].date: 2024-11-05 is after the article (2024-10-28); mark it `next: true`" in result.stderr


def test_a_quote_the_article_has_but_the_story_lacks_is_reported(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    text = story.read_text(encoding="utf-8")
    start = text.index("  - id: growing-desperation")
    end = text.index("  - id: six-hundred-thousand")
    story.write_text(text[:start] + text[end:], encoding="utf-8")
    result = check(story_copy)
    assert result.returncode == 1
    assert 'the article quotes "growing desperation" (sentence p11.s1, line 21) but no quote lists it' in result.stderr


def test_the_same_words_cannot_have_two_speakers(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    text = story.read_text(encoding="utf-8")
    extra = '  - id: fake-news-again\n    text: "fake news"\n    speaker: putin\n    how: said\n'
    story.write_text(text.replace("\nstatements:\n", "\n" + extra + "\nstatements:\n", 1), encoding="utf-8")
    result = check(story_copy)
    assert result.returncode == 1
    assert "quotes[8].speaker: the same words are attributed to 'kremlin' in quotes[5]" in result.stderr


def test_all_problems_are_reported_in_one_run(story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    replace_once(story, "speaker: sybiha\n    how: said in a post", "speaker: nobody\n    how: said in a post")
    replace_once(story, "cites: [p10.s1]\n  - party: south-korea", "cites: [p99.s1]\n  - party: south-korea")
    replace_once(story, 'text: "fake news"', 'text: "fake newz"')
    result = check(story_copy)
    assert result.returncode == 1
    located = [line for line in result.stderr.splitlines() if re.match(r"\S+story\.yaml:\d+:\d+: ", line)]
    # The misspelt quote is reported twice: as not in the source, and as an article quote no longer listed.
    assert len(located) == 4, result.stderr
    assert "4 problems found; nothing was written." in result.stderr
