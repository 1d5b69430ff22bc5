"""Date style is a story setting, used on every page: 8 February 2024 (British) or Feb. 8, 2024 (AP); times carry
their zone's name (EST, BST) where the story names the zone."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path

import pytest
from conftest import ROOT
from tools.cli import run_cli
from tools.edits import copy_story, edit, line_of

from generator.content.load import load_story
from generator.pages.date_words import DateWords
from generator.pages.render import render_pages

PACE = ROOT / "tests" / "corpus" / "nasa-pace-launch"  # a NASA release, written in AP style: `date_style: ap`
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
BRITISH_DATE = re.compile(rf"\b\d{{1,2}}(?:–\d{{1,2}})? (?:{MONTHS}) \d{{4}}\b")
AP, BRITISH = DateWords("ap"), DateWords("british")


@pytest.mark.parametrize(("day", "ap", "british"), [
    (dt.date(2024, 1, 5), "Jan. 5, 2024", "5 January 2024"),
    (dt.date(2024, 2, 8), "Feb. 8, 2024", "8 February 2024"),
    (dt.date(2024, 3, 1), "March 1, 2024", "1 March 2024"),
    (dt.date(2024, 4, 1), "April 1, 2024", "1 April 2024"),
    (dt.date(2024, 5, 1), "May 1, 2024", "1 May 2024"),
    (dt.date(2024, 6, 1), "June 1, 2024", "1 June 2024"),
    (dt.date(2024, 7, 1), "July 1, 2024", "1 July 2024"),
    (dt.date(2024, 8, 6), "Aug. 6, 2024", "6 August 2024"),
    (dt.date(2024, 9, 23), "Sept. 23, 2024", "23 September 2024"),
    (dt.date(2024, 10, 28), "Oct. 28, 2024", "28 October 2024"),
    (dt.date(2024, 11, 5), "Nov. 5, 2024", "5 November 2024"),
    (dt.date(2024, 12, 16), "Dec. 16, 2024", "16 December 2024"),
])
def test_a_day_is_written_in_the_storys_style(day: dt.date, ap: str, british: str) -> None:
    assert (AP.day(day), BRITISH.day(day)) == (ap, british)


def test_a_month_alone_is_spelled_out_in_either_style_and_two_days_share_it() -> None:
    from generator.content.partial_dates import PartialDate

    assert AP.day(PartialDate(2024, 8)) == BRITISH.day(PartialDate(2024, 8)) == "August 2024"
    assert AP.days(dt.date(2024, 8, 8), dt.date(2024, 8, 9)) == "Aug. 8-9, 2024"
    assert BRITISH.days(dt.date(2024, 8, 8), dt.date(2024, 8, 9)) == "8–9 August 2024"


def test_a_time_carries_its_zones_name_where_the_story_names_the_zone() -> None:
    new_york, london = "America/New_York", "Europe/London"
    launch = dt.datetime(2024, 2, 8, 6, 33, tzinfo=dt.UTC)
    assert AP.moment(launch, new_york) == "Feb. 8, 2024, 1:33 a.m. EST"
    assert BRITISH.moment(launch, london) == "8 February 2024, 06:33 GMT"
    summer = dt.datetime(2025, 6, 1, 11, 0, tzinfo=dt.UTC)
    assert BRITISH.moment(summer, london) == "1 June 2025, 12:00 BST"
    assert AP.moment(summer, new_york) == "June 1, 2025, 7 a.m. EDT"
    assert AP.moment(dt.datetime(2025, 6, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))) == \
        "June 1, 2025, noon CEST"
    # No zone named: an offset names none, so it stays an offset.
    assert BRITISH.moment(dt.datetime(2024, 10, 29, 3, 27, tzinfo=dt.timezone(dt.timedelta(hours=5)))) == \
        "29 October 2024, 03:27 UTC+5"


def test_an_ap_story_writes_every_date_on_every_page_in_ap_style() -> None:
    pages = render_pages(load_story(PACE))
    british = {path: BRITISH_DATE.findall(text) for path, text in pages.items() if BRITISH_DATE.search(text)}
    assert not british, british
    overview = pages["index.md"]
    assert '<time datetime="2024-02-08">Feb. 8, 2024</time>' in overview  # a quote's caption
    assert "Published <time datetime=\"2024-02-09T09:00:00+00:00\">Feb. 9, 2024, 4 a.m. EST</time>" in overview
    assert "[^p4-s1_p5-s1]: NASA, Feb. 8, 2024" in overview


def test_the_explainers_own_times_are_shown_in_its_zone(second_story_copy: Path) -> None:
    edit(second_story_copy, "  published: 2025-03-04T08:00:00+01:00\n",
         "  published: 2025-03-04T08:00:00+01:00\n  time_zone: Europe/London\n")
    pages = render_pages(load_story(second_story_copy))
    assert '<time datetime="2025-03-04T08:00:00+01:00">4 March 2025, 07:00 GMT</time>' in pages["index.md"]
    assert '<time datetime="2025-03-05T09:30:00+01:00">5 March 2025, 08:30 GMT</time>' in pages["method.md"]


def test_a_zone_that_does_not_exist_or_does_not_fit_the_byline_is_refused_with_its_line(
        second_story_copy: Path) -> None:
    folder = second_story_copy
    meta = edit(folder, "  published: 2025-03-04T08:00:00+01:00\n",
                "  published: 2025-03-04T08:00:00+01:00\n  time_zone: Europe/Londn\n") + 1
    article = edit(folder, "  dateline: Portvale\n", "  dateline: Portvale\n  time_zone: America/Chicago\n") + 1
    result = run_cli("check", str(folder))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert (f"story.yaml:{meta}:3: meta.time_zone: 'Europe/Londn' is not a time zone name; write one as in the "
            "IANA database, e.g. Europe/London or America/New_York") in result.stderr
    assert (f"story.yaml:{article}:3: article.time_zone: America/Chicago was not at the byline's offset on that day: "
            "2025-03-03T10:15:00+01:00 is 2025-03-03T03:15:00-06:00 there") in result.stderr


def test_a_date_the_editor_writes_in_the_other_style_is_refused_with_its_line(tmp_path: Path) -> None:
    """The desk's PACE story wrote "Feb. 8, 2024" in its standfirst and "8 February 2024" on every page: one story,
    two styles. Each date the editor types is checked against the story's style, with its place and the fix."""
    folder = copy_story(PACE, tmp_path / "pace")
    edit(folder, "  date_style: ap\n", "")
    summary = line_of(folder / "story.yaml", "  summary:")
    result = run_cli("check", str(folder))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert (f"story.yaml:{summary}:3: meta.summary: writes “Feb. 8, 2024” month first, but the story writes dates "
            "day first (meta.date_style: british): write “8 February 2024”, or set meta.date_style: ap"
            ) in result.stderr
    assert "takeaways[0].text: writes “Feb. 8, 2024” month first" in result.stderr
    edit(folder, "  summary: >-\n", "  date_style: ap\n  summary: >-\n")
    edit(folder, "cites: [p5.s2]\n", "cites: [p5.s2]\n  - text: It was first planned on 12 March 2019.\n"
                                     "    cites: [p5.s2]\n")
    result = run_cli("check", str(folder))
    assert "takeaways[2].text: writes “12 March 2019” day first, but the story writes dates month first " \
           "(meta.date_style: ap): write “March 12, 2019”, or set meta.date_style: british" in result.stderr


def test_a_date_a_cited_sentence_writes_so_is_the_sources_own_words(tmp_path: Path) -> None:
    """`draft` copies a sentence into a timeline event: a date in it is the article's own words, not a second style
    of the editor's, so a draft passes check unedited. The same date with nothing cited that writes it is refused."""
    folder = copy_story(PACE, tmp_path / "pace")
    edit(folder, "  date_style: ap\n", "")
    edit(folder, "  summary: >-\n    NASA launched its PACE satellite on Feb. 8, 2024,",
         "  summary: >-\n    NASA launched its PACE satellite on 8 February 2024,")
    edit(folder, "Cape Canaveral Space Force Station at 1:33 a.m. EST on Feb. 8, 2024.",
         "Cape Canaveral Space Force Station at 1:33 a.m. EST on 8 February 2024.")
    edit(folder, "    text: The PACE satellite launches on a SpaceX Falcon 9 rocket",
         "    text: This release was updated Feb. 12, 2024, to correct the PACE mission’s full name. The PACE "
         "satellite launches on a SpaceX Falcon 9 rocket")
    assert "timeline[0].text: writes “Feb. 12, 2024” month first" in run_cli("check", str(folder)).stderr
    edit(folder, "    cites: [p4.s1, p5.s1]\n\nchanges:", "    cites: [p3.s1, p4.s1, p5.s1]\n\nchanges:")
    result = run_cli("check", str(folder))
    assert result.code == 0, result.stderr
