"""Inputs built to hang the build finish in bounded time, and what they fix keeps giving the right answers.

Each hang guard runs its operation on a multi-megabyte input in a fresh Python process with a generous
limit: the same inputs took minutes or hours before the paths were made linear or bounded.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, SECOND_STORY
from tools.counting import CountingList

from generator.article.source import split_article
from generator.content.closest import closest_passage
from generator.content.load import LoadedStory
from generator.content.schema import Story
from generator.content.yamlfile import YamlDocument, load_yaml
from generator.pages.date_words import DateWords
from generator.pages.render import _svg_size, render_pages

HANG_GUARD_SECONDS = 20
ARTICLE = (CONTENT / "article.txt").read_text(encoding="utf-8")
QUOTES = [quote["text"] for quote in yaml.safe_load((CONTENT / "story.yaml").read_text(encoding="utf-8"))["quotes"]]


def run_within_guard(code: str) -> str:
    """Run `code` in a fresh interpreter; a hang fails the test with TimeoutExpired instead of stalling the suite."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                            timeout=HANG_GUARD_SECONDS)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_map_whose_root_tag_is_full_of_attributes_is_measured_quickly() -> None:
    out = run_within_guard("""
        from generator.pages.render import _svg_size
        print(_svg_size("<svg " + 'width="1" ' * 200_000 + ">"), _svg_size("<svg " + 'width="1" ' * 200_000))
    """)
    assert out.split() == ["('1000',", "'700')", "('1000',", "'700')"]


def test_the_map_size_comes_from_the_root_tag_alone() -> None:
    assert _svg_size((CONTENT / "locator-map.svg").read_text(encoding="utf-8")) == ("1000", "700")
    assert _svg_size('<svg stroke-width="3" height="480" width="640"><rect width="9" height="9"/></svg>') == (
        "640", "480")
    assert _svg_size('<svg width="100%" height="50%">') == ("1000", "700")


def test_a_long_paragraph_with_an_unclosed_quotation_mark_is_split_quickly() -> None:
    out = run_within_guard("""
        from generator.article.source import split_article
        print(len(split_article("“" + "Word after word. " * 150_000).sentences))
    """)
    assert out.strip() == "1"  # every full stop is inside the quotation, which never closes


def test_a_paragraph_of_abbreviations_is_split_quickly() -> None:
    out = run_within_guard("""
        from generator.article.source import split_article
        print(len(split_article("Mr. Dr. Gen. U.S. " * 150_000 + "Done. End.").sentences))
    """)
    assert out.strip() == "2"


def test_quotation_marks_and_abbreviations_still_decide_where_sentences_end() -> None:
    text = "“Stop. Now,” Mr. Smith said. Gen. Lee stayed. He left. “Open. Still open. And on"
    assert [s.text for s in split_article(text).sentences] == [
        "“Stop. Now,” Mr. Smith said.", "Gen. Lee stayed.", "He left.", "“Open. Still open. And on"]


def test_a_long_wrong_quote_in_a_large_article_gets_its_closest_passage_quickly() -> None:
    out = run_within_guard("""
        import random
        from generator.content.closest import closest_passage
        article = open("stories/kursk-explainer/article.txt", encoding="utf-8").read()
        words = article.split()
        rng = random.Random(1)
        quote = " ".join(rng.choice(words) for _ in range(800))[:4000]
        source = (article + "\\n\\n") * 1000
        print(len(source), len(closest_passage(quote, source)) > 0)
    """)
    size, found = out.split()
    assert int(size) > 2_000_000 and found == "True"


def test_a_mistyped_quote_in_a_large_article_still_finds_its_passage() -> None:
    source = "\n\n".join(f"Paragraph {number}. {ARTICLE}" for number in range(300))
    for quote in QUOTES:
        mistyped = quote[: len(quote) // 2] + "x" + quote[len(quote) // 2 + 1 :]
        assert closest_passage(mistyped, source) == quote[:300] + (" …" if len(quote) > 300 else "")


def test_a_quote_with_no_word_in_common_with_a_large_article_gets_no_passage() -> None:
    assert closest_passage("zzzz qqqq", "\n\n".join([ARTICLE] * 300)) == ""


def _story_with_people(count: int) -> LoadedStory:
    data = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0].data
    data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(count)]
    data["quotes"] += [{"id": f"quote-{n}", "text": "rushed", "speaker": f"person-{n}", "how": "said"}
                       for n in range(count)]
    data["statements"] += [{"id": f"said-{n}", "speaker": f"person-{n}", "gist": "Said so.", "cites": ["p3.s1"]}
                           for n in range(count)]
    story = Story.model_validate(data)
    story = story.model_copy(update={"quotes": CountingList(story.quotes),
                                     "statements": CountingList(story.statements)})
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    return LoadedStory(story, split_article(article), YamlDocument("story.yaml", data), SECOND_STORY, None)


def test_the_people_page_grows_linearly_with_people_who_are_quoted() -> None:
    handed_out = []
    for count in (200, 400):
        loaded = _story_with_people(count)
        CountingList.handed_out = 0
        pages = render_pages(loaded)
        handed_out.append(CountingList.handed_out)
        assert "Person 199" in pages["people.md"] and "#quote-199)" in pages["people.md"]
    # Filtering the quotes for each person read 200 x 200 items at 200 people and four times as many at 400.
    assert handed_out[0] < 20 * 200 and handed_out[1] < 2.5 * handed_out[0], handed_out


def test_people_are_looked_for_only_in_texts_that_hold_their_names_and_sized_up_once_per_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page introduces its people afresh; a page of quotes must not try every person on every caption, nor
    work out every person's short name again for every page, or a story of many people renders in quadratic time."""
    from generator.pages import introductions

    searched, sized_up = [], []
    real_search, real_short = introductions.Mentions._first_mention, introductions.short_name

    def counting_search(self, *args):
        searched[-1] += 1
        return real_search(self, *args)

    def counting_short(person):
        sized_up[-1] += 1
        return real_short(person)

    monkeypatch.setattr(introductions.Mentions, "_first_mention", counting_search)
    monkeypatch.setattr(introductions, "short_name", counting_short)
    for count in (200, 400):
        searched.append(0)
        sized_up.append(0)
        render_pages(_story_with_people(count))
    assert searched[1] < 2.5 * searched[0] and sized_up[1] < 2.5 * sized_up[0], (searched, sized_up)


def test_many_quoted_passages_no_quote_lists_are_reported_quickly() -> None:
    out = run_within_guard("""
        from pathlib import Path
        from generator.content.checks import check_story
        from generator.content.schema import Story
        from generator.article.source import split_article
        from generator.content.yamlfile import load_yaml
        folder = Path("tests/fixtures/second-story")
        document = load_yaml(folder / "story.yaml", "story.yaml")[0]
        article = (folder / "article.txt").read_text(encoding="utf-8")
        article += "\\n\\n" + "\\n\\n".join(f"He said “word {n}”." for n in range(60_000))
        problems = check_story(Story.model_validate(document.data), split_article(article), document)
        print(len(article), len(problems), next(p.message for p in problems if '"word 59999"' in p.message))
    """)
    size, count, last = out.split(maxsplit=2)
    assert int(size) > 1_000_000 and count == "60000"
    assert last.strip() == ('the article quotes "word 59999" at article.txt:120010:10 (sentence p60005.s1) '
                            'but no quote lists it '
                            '(list it under `terms` if it is not speech)')


def test_thousands_of_unknown_speakers_are_reported_quickly_with_a_guess_for_the_first_twenty() -> None:
    out = run_within_guard("""
        from pathlib import Path
        from generator.content.checks import check_story
        from generator.content.schema import Story
        from generator.article.source import split_article
        from generator.content.yamlfile import load_yaml
        folder = Path("tests/fixtures/second-story")
        document = load_yaml(folder / "story.yaml", "story.yaml")[0]
        data = document.data
        data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(4000)]
        data["statements"] += [{"id": f"said-{n}", "speaker": f"persn-{n}", "gist": "Said so.", "cites": ["p3.s1"]}
                               for n in range(4000)]
        article = (folder / "article.txt").read_text(encoding="utf-8")
        for problem in check_story(Story.model_validate(data), split_article(article), document):
            print(problem.message)
    """)
    lines = out.splitlines()
    assert len(lines) == 4000 and all(line.startswith("no person or organisation with id 'persn-") for line in lines)
    assert lines[0] == "no person or organisation with id 'persn-0'; did you mean 'person-0'?"
    assert sum("did you mean" in line for line in lines) == 20
    assert lines[-1] == "no person or organisation with id 'persn-3999'"


def test_a_wrong_article_file_lists_every_missing_quote_but_looks_for_only_the_first_twenty(tmp_path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    folder = tmp_path / "story"
    folder.mkdir()
    data = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0].data
    data["quotes"] += [{"id": f"missing-{n}", "text": f"rushes {n}", "speaker": "ada-quill", "how": "said"}
                       for n in range(25)]
    (folder / "story.yaml").write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    (folder / "article.txt").write_text((SECOND_STORY / "article.txt").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["check", str(folder)])
    missing = [line for line in result.stderr.splitlines() if "not found in the source" in line]
    assert len(missing) == 25
    assert sum("closest passage" in line for line in missing) == 20


def test_a_negative_time_zone_with_minutes_is_shown_as_written() -> None:
    def moment(hours: int, minutes: int) -> str:
        zone = dt.timezone(dt.timedelta(hours=hours, minutes=minutes))
        return DateWords().moment(dt.datetime(2024, 10, 29, 3, 27, tzinfo=zone))

    assert moment(-3, -30) == "29 October 2024, 03:27 UTC-3:30"
    assert moment(0, -30) == "29 October 2024, 03:27 UTC-0:30"
    assert moment(5, 45) == "29 October 2024, 03:27 UTC+5:45"
    assert moment(-5, 0) == "29 October 2024, 03:27 UTC-5"


def test_the_benchmark_of_pathological_inputs_runs_and_prints_a_figure_for_each() -> None:
    result = subprocess.run([sys.executable, "benchmarks/hostile.py", "0.05"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # 14 inputs and steps (check, build --out and mkdocs build of a story with many quotes; draft of an article
    # with many quotations, of one paragraph of them and of one sentence of them; eight paths once pathological),
    # each at three sizes, then its growth per doubling.
    figures = [line for line in lines if line.rstrip().endswith(" s of processor)")]
    growth = [line for line in lines if line.rstrip().endswith(" per doubling")]
    assert len(figures) == 3 * 14 and len(growth) == 14, result.stdout
    assert any(line.startswith("  one sentence of attributed quotations (draft): x") for line in growth)
    assert any(", 0.20 MB, " in line and "mkdocs build" in line and " quotes: " in line for line in figures)
    assert any(line.startswith("  story with many quotes (check): x") for line in growth), result.stdout


def _write_story(folder: Path, body: str, people: list[dict], statements: list[dict]) -> Path:
    """A minimal story whose article is a headline, a byline and `body`; JSON is YAML, and quick to write."""
    folder.mkdir()
    (folder / "article.txt").write_text(f"Headline\n\nWire Published 28 Oct 2024\n\n{body}\n", encoding="utf-8")
    story = {
        "meta": {"headline": "Headline", "summary": "Summary.", "published": "2024-10-28T12:00:00+00:00"},
        "article": {"headline": "Headline", "agency": "Wire", "outlet": "Wire", "url": "https://example.org/a",
                    "published": "2024-10-28T10:00:00+00:00", "dateline": "City", "event_date": "2024-10-28"},
        "people": people, "statements": statements,
    }
    (folder / "story.yaml").write_text(json.dumps(story), encoding="utf-8")
    return folder


def check_within_guard(folder: Path) -> subprocess.CompletedProcess:
    """`check` in a fresh process; the whole command reads, parses and validates, so its guard is longer."""
    return subprocess.run([sys.executable, "-m", "generator", "check", str(folder)], cwd=ROOT, capture_output=True,
                          text=True, timeout=3 * HANG_GUARD_SECONDS)


# 5 MB, and 2024-10-28 is a Monday: the day Ada said so, which binds her statements' dates.
LONG_SENTENCE = "City: " + "word " * 1_000_000 + "Ada said on Monday."
ADA = [{"id": "ada", "name": "Ada", "kind": "person"}]


def test_thousands_of_dated_statements_citing_a_long_sentence_are_checked_quickly(tmp_path: Path) -> None:
    folder = _write_story(tmp_path / "story", LONG_SENTENCE, ADA, [])
    out = run_within_guard(f"""
        from pathlib import Path
        from generator.content.checks import check_story
        from generator.content.schema import Story
        from generator.article.source import split_article
        from generator.content.yamlfile import load_yaml
        folder = Path({str(folder)!r})
        document = load_yaml(folder / "story.yaml", "story.yaml")[0]
        document.data["statements"] = [{{"id": f"said-{{n}}", "speaker": "ada", "gist": "Ada said so.",
                                        "date": "2024-10-28", "cites": ["p3.s1"]}} for n in range(20_000)]
        document.data["statements"][-1]["date"] = "2024-10-29"
        source = split_article((folder / "article.txt").read_text(encoding="utf-8"))
        for problem in check_story(Story.model_validate(document.data), source, document):
            print(problem.message)
    """)
    assert out.splitlines() == ["2024-10-29 is a Tuesday, but the article says Monday (that is 2024-10-28)"]


def test_a_sentence_cited_thousands_of_times_in_one_list_is_refused_quickly(tmp_path: Path) -> None:
    statements = [{"id": "said", "speaker": "ada", "gist": "Ada said so.", "date": "2024-10-28",
                   "cites": ["p3.s1"] * 20_000}]
    result = check_within_guard(_write_story(tmp_path / "story", LONG_SENTENCE, ADA, statements))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 19_999 + 1 and lines[-1] == "19999 problems found; nothing was written."
    assert lines[0].endswith("statements[0].cites[1]: 'p3.s1' is already listed in statements[0].cites[0]; "
                             "give each once"), lines[0]


def test_a_time_in_a_m_or_p_m_ends_a_sentence_only_before_other_words() -> None:
    text = ("The rocket lifted off at 1:33 a.m. EST Thursday. The crew was safe. Doors open at 9 a.m. The council "
            "meets at 6 p.m. on Monday. It ended at 4 p.m. Friday, officials said.")
    assert [s.text for s in split_article(text).sentences] == [
        "The rocket lifted off at 1:33 a.m. EST Thursday.", "The crew was safe.", "Doors open at 9 a.m.",
        "The council meets at 6 p.m. on Monday.", "It ended at 4 p.m. Friday, officials said."]


def test_military_and_official_titles_end_no_sentence() -> None:
    """“National Weather Service Director Brig. Gen. Jack Kelly” is one sentence, not two ending at “Brig.”."""
    text = "Director Brig. Gen. Jack Kelly spoke. Det. Supt. Anne Roe and Adm. Lee agreed. Hon. Members left."
    assert [s.text for s in split_article(text).sentences] == [
        "Director Brig. Gen. Jack Kelly spoke.", "Det. Supt. Anne Roe and Adm. Lee agreed.", "Hon. Members left."]


def test_check_and_draft_read_named_weekdays_by_one_rule() -> None:
    from generator.article.text_dates import days_named

    assert days_named("Upon Mondays the council met; on Tuesday it voted; Fashion Friday") == ["Tuesday"]


def test_initials_end_no_sentence_and_a_closing_mark_after_a_full_stop_ends_one() -> None:
    text = ("Coach J.P. Okonjo and George W. Bush spoke. “We will not go down. Hold me to it.” The promise came "
            "from Dean Abara.")
    assert [s.text for s in split_article(text).sentences] == [
        "Coach J.P. Okonjo and George W. Bush spoke.", "“We will not go down. Hold me to it.”",
        "The promise came from Dean Abara."]
