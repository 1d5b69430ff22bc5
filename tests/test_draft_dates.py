"""`draft`'s dates: written dates in AP and British style, weekdays counted from the byline, quote and statement
dates with the rule that gave each, the timeline's events, the lede as the summary, and a missing byline."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.article.said_days import days_of_saying
from generator.article.text_dates import days_named
from generator.content.errors import Problem
from generator.content.load import load_story
from generator.draft.drafting import draft_story

NOW = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


def draft(tmp_path: Path, text: str, name: str = "article.txt") -> tuple[dict, str, list[Problem]]:
    """The story `draft` writes for an article of this text, its YAML text and the warnings it gave; it passes
    check."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    warnings: list[Problem] = []
    out = tmp_path / "draft"
    draft_story(source, out, NOW, warn=warnings.append)
    load_story(out)  # raises if the draft does not pass check
    text = (out / "story.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text, warnings


def events(story: dict) -> list[tuple[str, str]]:
    return [(str(event["date"]), event["cites"][0]) for event in story["timeline"]]


def test_written_dates_in_ap_and_british_style_are_full_dates_on_the_timeline(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Probe ends its mission\n\nSpace Agency, Feb. 12, 2024\n\n"
        "The probe first flew on Dec. 14, 2009, from a pad in Florida.\n\n"
        "Its second flight was on February 12, 2024, and its third on 12 February 2024.\n\n"
        "The team will meet again on 3 March.\n"))
    assert events(story) == [("2009-12-14", "p3.s1"), ("2024-02-12", "p4.s1"), ("2024-03-03", "p5.s1")]
    assert "date: 2009-12-14\n" in text  # written out with its year: nothing to review
    assert "date: 2024-03-03  # REVIEW: the sentence says '3 March' with no year, of what is to come ('will')" \
        in text


def test_a_date_without_its_year_takes_the_year_written_before_it_in_the_sentence(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Helicopter grounded\n\nSpace Agency, Jan. 25, 2024\n\n"
        "The helicopter landed on Feb. 18, 2021, and first flew on April 19, proving flight was possible.\n\n"
        "Its last flight, on Jan. 18, damaged a blade.\n"))
    assert ("2021-04-19", "p3.s1") in events(story)  # not April 2023, the April before the byline
    assert ("2024-01-18", "p4.s1") in events(story)  # the last 18 January on or before the byline's date


def test_weekdays_are_counted_back_from_the_byline_and_forward_for_what_is_to_come(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Library to reopen\n\nTest Wire, 12 March 2025\n\n"  # a Wednesday
        "MILLBROOK: The library will reopen on Saturday after repairs, the council said on Monday.\n"))
    assert story["article"]["event_date"] == dt.date(2025, 3, 10)
    assert story["statements"][0]["date"] == dt.date(2025, 3, 10)
    assert "the Monday on or before the byline's date (2025-03-12)" in text
    assert days_named("The library will reopen on Saturday, the council said on Monday.") == ["Saturday", "Monday"]
    assert days_of_saying("The library will reopen on Saturday, the council said on Monday.") == ["Monday"]


def test_a_lede_about_a_day_to_come_puts_its_event_on_that_day(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Library to reopen\n\nTest Wire, 12 March 2025\n\n"
        "MILLBROOK: The library will reopen on Saturday after three months of repairs.\n"))
    assert story["article"]["event_date"] == dt.date(2025, 3, 12)  # the lede names no day gone by
    event = story["timeline"][0]
    assert (str(event["date"]), event["cites"], event.get("next")) == ("2025-03-15", ["p3.s1"], True)
    assert "the lede says 'Saturday': the Saturday on or after the byline's date (2025-03-12)" in text


def test_the_ledes_day_gone_by_is_the_event_date_whatever_the_bylines_time(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Pool plan approved\n\nMillbrook Courier Published 14 May, 2025 08:40pm\n\n"  # a Wednesday evening
        "MILLBROOK: The council voted on Tuesday to repair the pool.\n\n"
        "“It has been closed for two summers,” said resident Grace Fennimore.\n"))
    assert story["article"]["event_date"] == dt.date(2025, 5, 13)
    assert "event_date: 2025-05-13  # REVIEW: the lede says 'Tuesday'" in text
    # A "said" with no day, in a report of the day after the news: either day could be hers, so none is made up.
    assert "date" not in story["quotes"][0]
    assert "(13 May 2025) or of the report (14 May 2025)" in story["quotes"][0]["date_note"]


def test_a_quote_with_no_day_takes_its_speakers_date_else_none_and_says_why(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Harbour plan agreed\n\nTest Wire 2025-03-07T10:15:00+01:00\n\n"  # a Friday
        "PORTVALE: The harbour council agreed the plan on Thursday.\n\n"
        "Chair Ada Quill said on Wednesday that the harbour would stay open.\n\n"
        "“Ferries come first,” Quill said.\n\n"
        "“It is a fair plan,” said Tom Beale, a ferry captain.\n"))
    dates = {quote["text"]: quote.get("date") for quote in story["quotes"]}
    assert dates == {"Ferries come first": dt.date(2025, 3, 5), "It is a fair plan": None}
    assert "date: 2025-03-05  # REVIEW: no day beside it; the day the same speaker is dated elsewhere" in text
    assert ('date_note: "The article does not say which day: the day of the news (6 March 2025) or of the report '
            '(7 March 2025)."  # REVIEW: ') in text


def test_what_was_said_before_the_news_is_not_given_the_news_day(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Troops confirmed\n\nTest Wire 2025-03-07T10:15:00+01:00\n\n"
        "BRUSSELS: NATO confirmed on Thursday that troops had arrived.\n\n"
        "The Kremlin had initially dismissed the reports as “fake news”.\n"))
    quote = story["quotes"][0]
    assert "date" not in quote and quote["date_note"].startswith("said before the news ('had initially dismissed')")


def test_an_editors_note_is_neither_the_summary_nor_an_event(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Satellite launched\n\nNASA, Feb. 8, 2024\n\n"
        "Editor’s note: This release was updated Feb. 12, 2024, to correct the mission’s name.\n\n"
        "WASHINGTON: NASA’s new satellite launched successfully into orbit at 1:33 a.m. EST Thursday.\n"))
    assert story["meta"]["summary"] == "NASA’s new satellite launched successfully into orbit at 1:33 a.m. EST Thursday."
    assert story["article"]["dateline"] == "Washington"
    assert events(story) == [("2024-02-08", "p4.s1")]  # the launch; not the update of 12 February


def test_an_article_without_a_byline_line_is_drafted_with_a_located_warning_and_marked_dates(tmp_path: Path) -> None:
    story, text, warnings = draft(tmp_path, (
        "School roof to be replaced\n\n"
        "CARROWAY – The county said on Thursday that the school would get a new roof on 21 July.\n\n"
        "“It is overdue,” said head teacher Imogen Marsh.\n"), name="pasted.txt")
    assert [(w.file.rsplit("/", 1)[-1], w.line) for w in warnings] == [("pasted.txt", 3)]
    assert warnings[0].message.startswith("warning: no byline line after the headline: this line, 'CARROWAY – The")
    assert "expected a byline line with the date" in warnings[0].message
    article = story["article"]
    assert article["agency"] == "Not given in the byline" and "CARROWAY" not in article["outlet"]
    assert article["published"] == NOW.date() and article["event_date"] == NOW.date()
    for field in ("agency", "published", "event_date"):
        assert f"  {field}: " in text and "# REVIEW: " in text.split(f"  {field}: ", 1)[1].split("\n", 1)[0]
    assert "date" not in story["quotes"][0]  # no date to count from: none made up
    assert story["timeline"] == [] and story["statements"][0].get("date") is None


def test_without_a_dated_byline_a_date_of_the_storys_history_is_not_taken_for_its_day(tmp_path: Path) -> None:
    """A release whose byline gives no date, and whose body recalls a launch years before: the launch is not the
    day of publication, so nothing is dated from it; a release number ("2024-038") names no year."""
    story, _, warnings = draft(tmp_path, (
        "Telescope releases its tenth year of data\n\nJet Propulsion Laboratory news release 2024-038\n\n"
        "The telescope has released its tenth year of data, the laboratory said.\n\n"
        "It was launched on Dec. 14, 2009, to survey the sky.\n\n"
        "“We are 14 years into a seven-month mission,” said Joseph Masiero, the deputy investigator.\n\n"
        "2024-038\n"))
    assert warnings and "gives no date" in warnings[0].message
    assert story["article"]["published"] == NOW.date() and story["article"]["event_date"] == NOW.date()
    assert "date" not in story["quotes"][0]
    assert [event["date"] for event in story["timeline"]] == [dt.date(2009, 12, 14)]


def test_the_no_byline_corpus_article_is_drafted_and_passes_check(tmp_path: Path) -> None:
    article = ROOT / "tests" / "corpus" / "no-byline" / "article.txt"
    shutil.copy(article, tmp_path / "article.txt")
    warnings: list[Problem] = []
    draft_story(tmp_path / "article.txt", tmp_path / "draft", NOW, warn=warnings.append)
    load_story(tmp_path / "draft")
    assert [(w.line, w.message.split(";")[0]) for w in warnings] == [
        (5, "warning: no byline line after the headline: this line, 'CARROWAY – Orchard Lane Primary School w'…, "
            "is read as the body")]


def test_an_address_and_outlet_given_on_the_command_line_are_not_marked_as_guesses(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("Pier reopens\n\nTest Wire 2025-03-03T10:15:00+01:00\n\nPORTVALE: The pier reopened on Monday, "
                      "the council said.\n", encoding="utf-8")
    draft_story(source, tmp_path / "draft", NOW, url="https://news.example.org/pier", outlet="Portvale Post")
    text = (tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8")
    assert '  url: "https://news.example.org/pier"\n' in text and '  outlet: "Portvale Post"\n' in text


def test_an_address_that_is_not_a_web_address_is_refused_naming_the_option(tmp_path: Path) -> None:
    from tools.cli import run_cli

    source = tmp_path / "article.txt"
    source.write_text("Pier reopens\n\nTest Wire 2025-03-03T10:15:00+01:00\n\nPORTVALE: The pier reopened on Monday, "
                      "the council said.\n", encoding="utf-8")
    result = run_cli("draft", str(source), "--out", str(tmp_path / "draft"), "--url", "javascript:alert(1)")
    assert result.code != 0 and "--url 'javascript:alert(1)' is not a web address" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "draft").exists()


def test_a_draft_writes_dates_in_the_style_its_article_does(tmp_path: Path) -> None:
    """A NASA release writes "Feb. 8, 2024"; its draft's pages should too, not "8 February 2024"."""
    (tmp_path / "ap").mkdir()
    (tmp_path / "british").mkdir()
    ap, _, _ = draft(tmp_path / "ap", "Probe launches\n\nSpace Agency, Feb. 8, 2024\n\n"
                     "The probe launched on Feb. 8 from Florida, the agency said on Thursday.\n")
    assert ap["meta"]["date_style"] == "ap"
    british, _, _ = draft(tmp_path / "british", "Pier reopens\n\nGazette, 3 March 2025\n\n"
                          "The pier reopened on 3 March, the council said on Monday.\n")
    assert "date_style" not in british["meta"]


BRIDGE = ("Bridge to shut for repairs\n\nBy Ann Cole, Ferndale Echo, 9 April 2025\n\n"  # a Wednesday
          "FERNDALE: The bridge will close from Monday 28 April, the council said on Tuesday.\n\n"
          "A drop-in session will be held on {drop_in}.\n\n"
          "“We cannot keep patching it,” said Councillor Aisha Rahman.\n")


@pytest.mark.parametrize("drop_in", ["Thursday 17 April", "Thursday, April 17", "Thursday, 17 April"])
def test_a_weekday_written_with_its_date_is_that_date_alone(tmp_path: Path, drop_in: str) -> None:
    """"Monday 28 April" is 28 April: not also the Monday nearest the byline (14 April) as a second event."""
    story, text, _ = draft(tmp_path, BRIDGE.format(drop_in=drop_in))
    assert events(story) == [("2025-04-08", "p3.s1"), ("2025-04-17", "p4.s1"), ("2025-04-28", "p3.s1")]
    assert days_named(f"The session is on {drop_in}, officials said on Tuesday.") == ["Tuesday"]


def test_a_weekday_that_is_not_its_dates_is_a_review_marker(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, BRIDGE.format(drop_in="Friday 17 April"))  # 17 April 2025 is a Thursday
    assert ("2025-04-17", "p4.s1") in events(story) and ("2025-04-18", "p4.s1") not in events(story)
    assert ("but the sentence calls it Friday, and 2025-04-17 is a Thursday: check which the article means"
            in text)


def test_a_date_note_gives_its_days_in_words(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, BRIDGE.format(drop_in="Thursday 17 April"))
    note = story["quotes"][0]["date_note"]
    assert note == "The article does not say which day: the day of the news (8 April 2025) or of the report " \
                   "(9 April 2025)."
    assert not re.search(r"\d{4}-\d\d", note)
