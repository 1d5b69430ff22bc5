"""The commands work for any story: a fresh one, one in straight quotes, one with partial dates or odd marks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
CORPUS_STORIES = sorted(path.name for path in CORPUS.iterdir() if (path / "story.yaml").is_file())


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def copy_of(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(CORPUS / name, target)
    return target


def remove_quote(story: Path, quote_id: str) -> None:
    """Drop one quote from story.yaml, and every reference to it."""
    text = story.read_text(encoding="utf-8")
    text = re.sub(rf"  - id: {quote_id}\n(?:    .*\n)+", "", text)
    text = re.sub(rf"\[{quote_id}\]", "[]", text)
    text = re.sub(rf"(, )?\b{quote_id}\b(, )?", lambda m: ", " if m.group(1) and m.group(2) else "", text)
    story.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", CORPUS_STORIES)
def test_every_corpus_story_passes_the_check(name: str) -> None:
    result = run("check", str(CORPUS / name))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_a_fresh_story_lists_its_sentence_ids_before_its_quotes_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    assert run("new", str(folder)).returncode == 0
    article = folder / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "A headline\n\nShe said \"we will\" and left. "
                       "Then more.\n", encoding="utf-8")
    assert run("check", str(folder)).returncode == 1  # the quoted passage is not listed yet
    result = run("sentences", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["p1.s1\tA headline", 'p2.s1\tShe said "we will" and left.',
                                          "p2.s2\tThen more."]


def test_sentences_reads_an_article_file_alone(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text("# a comment\nFirst paragraph. Its second sentence.\n\nSecond paragraph.\n", encoding="utf-8")
    result = run("sentences", str(article))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["p1.s1\tFirst paragraph.", "p1.s2\tIts second sentence.",
                                          "p2.s1\tSecond paragraph."]


def test_sentences_works_when_the_story_yaml_is_broken(tmp_path: Path) -> None:
    folder = copy_of("straight-quotes", tmp_path)
    (folder / "story.yaml").write_text("meta: [unclosed\n", encoding="utf-8")
    result = run("sentences", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("p1.s1\tRiverside council votes")


def test_sentences_of_a_missing_file_is_a_located_error(tmp_path: Path) -> None:
    result = run("sentences", str(tmp_path / "nothing.txt"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nothing.txt'}:1:1: no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "quote_id", "passage"), [
    ("straight-quotes", "six-weeks", "Now it's six weeks."),
    ("straight-quotes", "few-days", "We were told 'a few days at most' last year,"),
    ("multi-paragraph-quote", "boat-is-old", "But the boat is old, the fuel is dear and there are fewer passengers "
                                             "every winter."),
])
def test_removing_a_quote_fails_the_check_at_its_place_in_the_article(tmp_path: Path, name: str, quote_id: str,
                                                                       passage: str) -> None:
    folder = copy_of(name, tmp_path)
    remove_quote(folder / "story.yaml", quote_id)
    result = run("check", str(folder))
    assert result.returncode == 1
    article = (folder / "article.txt").read_text(encoding="utf-8")
    offset = article.index(passage)
    line = article.count("\n", 0, offset) + 1
    column = offset - (article.rfind("\n", 0, offset) + 1) + 1
    expected = rf'story\.yaml:\d+:1: quotes: the article quotes "{re.escape(passage)}" at ' \
               rf"{re.escape(str(folder / 'article.txt'))}:{line}:{column} \(sentence p\d+\.s\d+\) but no quote lists it"
    assert re.search(expected, result.stderr), result.stderr
    assert "1 problem found" in result.stderr


def test_an_unbalanced_mark_is_a_located_warning_not_a_failure(tmp_path: Path) -> None:
    folder = copy_of("no-quotes", tmp_path)
    article = folder / "article.txt"
    text = article.read_text(encoding="utf-8").replace("The anglers' club said", "The anglers' club” said")
    article.write_text(text, encoding="utf-8")
    result = run("check", str(folder))
    assert result.returncode == 0, result.stderr
    line = text[: text.index("”")].count("\n") + 1
    column = text.split("\n")[line - 1].index("”") + 1
    assert f"{article}:{line}:{column}: warning: this closing quotation mark has no opening mark" in result.stderr


@pytest.mark.parametrize(("bad", "message"), [
    ("0", "timeline[0].date: '0' is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2024-13", "timeline[0].date: '2024-13' is not a real date"),
    ("soon", "timeline[0].date: 'soon' is not a date"),
    ("", "timeline[0].date: is empty; give it a value"),
])
def test_a_wrong_date_is_a_located_error(tmp_path: Path, bad: str, message: str) -> None:
    folder = copy_of("straight-quotes", tmp_path)
    story = folder / "story.yaml"
    text = story.read_text(encoding="utf-8")
    line = text[: text.index("    date: 2025-03\n")].count("\n") + 1
    story.write_text(text.replace("    date: 2025-03\n", f"    date: {bad}\n", 1), encoding="utf-8")
    result = run("check", str(folder))
    assert result.returncode == 1
    assert f"story.yaml:{line}:11: {message}" in result.stderr or f"story.yaml:{line}:5: {message}" in result.stderr, \
        result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("bad", ["2025-03", "2025"])
def test_a_partial_date_where_a_day_is_needed_says_so(tmp_path: Path, bad: str) -> None:
    folder = copy_of("straight-quotes", tmp_path)
    story = folder / "story.yaml"
    text = story.read_text(encoding="utf-8")
    event_date = re.search(r"  event_date: .*\n", text).group()
    story.write_text(text.replace(event_date, f"  event_date: {bad}\n"), encoding="utf-8")
    result = run("check", str(folder))
    assert result.returncode == 1
    assert (f"article.event_date: '{bad}' is only a year or a month; this field needs a full day, written YYYY-MM-DD"
            in result.stderr), result.stderr


def test_a_new_story_names_its_own_site(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    assert run("new", str(folder)).returncode == 0
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Site name: New explainer; credit: " in result.stdout
    assert re.search(r"^site:", (folder / "story.yaml").read_text(encoding="utf-8"), re.M) is None, \
        "the name is left to its default, the headline up to its colon"
    assert "Reuters" not in result.stdout and "Kursk" not in result.stdout


def test_a_quotation_over_paragraphs_may_be_listed_whole(tmp_path: Path) -> None:
    folder = copy_of("multi-paragraph-quote", tmp_path)
    article = (folder / "article.txt").read_text(encoding="utf-8")
    whole = article[article.index("We have carried") : article.index("We cannot keep going") + len("We cannot keep going")]
    story = folder / "story.yaml"
    for quote_id in ("boat-is-old", "cannot-keep-going"):
        remove_quote(story, quote_id)
    text = story.read_text(encoding="utf-8").replace(
        '    text: "We have carried islanders, tourists and their dogs for four decades."',
        f"    text: {json.dumps(whole, ensure_ascii=False)}")
    story.write_text(text, encoding="utf-8")
    result = run("check", str(folder))
    assert result.returncode == 0, result.stderr
