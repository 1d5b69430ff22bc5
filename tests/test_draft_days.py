"""`draft`'s days, second round: the day of saying only from a day with the verb of saying, every day the body names
on the timeline (back, forward, or the nearer for reported speech), days without a year, "today" and "yesterday",
times that give no day, datelines with a state or country, a weekday in the byline, a subheading before the lede."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_draft_dates import draft, events

from generator.draft.byline import is_news_release, looks_like_byline


def test_days_to_come_in_reported_speech_are_events_after_the_byline_and_the_draft_passes_check(
        tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Opposition rejects count\n\nTest Wire, March 3, 2025 2:20 PM GMT\n\n"  # a Monday
        "SAROVAN, Veltrany, March 3 (Test) - The opposition party said on Monday it would not accept the count "
        "from the election on Sunday.\n\n"
        "The party said it would file its challenge on Wednesday.\n\n"
        "Its leader, Ana Bell, said supporters would gather in the square next Tuesday.\n"))
    assert story["article"]["dateline"] == "Sarovan, Veltrany"
    assert story["article"]["agency"] == "Test Wire"
    assert events(story) == [("2025-03-02", "p3.s1"), ("2025-03-03", "p3.s1"), ("2025-03-04", "p5.s1"),
                             ("2025-03-05", "p4.s1")]
    assert [event.get("next") for event in story["timeline"]] == [None, None, True, True]
    assert "date: 2025-03-02  # REVIEW: the sentence says 'Sunday': the Sunday nearer to the byline's date" in text


def test_quotes_with_no_day_after_a_meeting_days_before_the_report_name_both_days_for_the_editor(
        tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "School street plan goes to consultation\n\nKilbrannagh Leader, Thursday 27 February 2025\n\n"
        "KILBRANNAGH – A plan to close Mill Road will go out to public consultation on 3 March, councillors agreed "
        "at Monday’s meeting.\n\n"
        "Cllr Ann Lee, who proposed the plan at Monday’s meeting, said parents had asked for it. “We can wait for "
        "an accident, or we can close the road,” she said.\n\n"
        "“That is exactly what 3 March is for,” she said.\n"))
    assert story["article"]["agency"] == "Kilbrannagh Leader"  # not the byline's weekday
    # Said at Monday's meeting or to the paper on Thursday: the article does not say, so neither day is made up.
    both = "the day of the news (24 February 2025) or of the report (27 February 2025)"
    assert all("date" not in quote and both in quote["date_note"] for quote in story["quotes"])
    assert "date" not in story["statements"][0] and both in story["statements"][0]["date_note"]
    # "3 March" with no year and no tense, four days after the byline: this March, not last year's.
    assert ("2025-03-03", "p5.s1") in events(story)
    assert "the nearer to the byline's date (2025-02-27); if it is the last, write 2024" in text


def test_a_time_of_saying_that_gives_no_day_leaves_the_date_out(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Study links later school start to more sleep\n\nHealth Desk, Oct. 21, 2025\n\n"
        "CALLOWAY, Ohio — Teenagers sleep about 34 minutes more, according to a study published Monday.\n\n"
        "Board President Lydia Farrand said last week the board had received more than 600 comments, “most of them "
        "about buses.”\n\n"
        "The board will vote on Nov. 6 on the proposal.\n"))
    assert story["article"]["dateline"] == "Calloway, Ohio"
    quote = story["quotes"][0]
    assert "date" not in quote and "said 'last week'" in quote["date_note"]
    assert [statement.get("date") for statement in story["statements"] if statement["cites"] == ["p4.s1"]] == [None]
    assert ("2025-11-06", "p5.s1") in events(story)
    assert "date_note: \"said 'last week' (in its sentence); the article gives no day\"" in text


def test_a_subheading_before_the_dateline_paragraph_is_not_the_lede_and_yesterday_is_an_event(
        tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Courthouse slated for $16 million\n\nGSA, Nov. 7, 2023\n\n"
        "GSA plans to fund loading dock repairs.\n\n"
        "PHILADELPHIA — The agency plans to allocate $16 million to repair the courthouse loading dock.\n\n"
        "The project is one of 150 projects that GSA announced yesterday.\n\n"
        "“The courthouse is an important institution,” said Joanna Rosato, the regional administrator, praising "
        "it today.\n"))
    assert story["meta"]["summary"] == "The agency plans to allocate $16 million to repair the courthouse loading dock."
    assert story["article"]["dateline"] == "Philadelphia"
    assert events(story) == [("2023-11-06", "p5.s1"), ("2023-11-07", "p4.s1")]


def test_a_remark_set_in_a_time_before_the_news_is_not_given_the_news_day(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Count disputed\n\nTest Wire, March 3, 2025\n\n"
        "SAROVAN - The opposition said on Monday it would challenge the count.\n\n"
        "In April 2021, the opposition said the last election had been stolen.\n"))
    late = story["statements"][-1]
    assert late["cites"] == ["p4.s1"]
    assert "date" not in late and "sets it in 'April 2021', before the news" in late["date_note"]
    assert story["statements"][0]["date"] == dt.date(2025, 3, 3)


def test_a_standfirst_where_the_byline_would_be_is_body_and_the_body_gives_the_date(tmp_path: Path) -> None:
    story, text, warnings = draft(tmp_path, (
        "Last ferry leaves the island\n\n"
        "Islanders face a 40-mile drive to the mainland after the operator ends its service\n\n"
        "The last ferry left the island at 6.15pm on Saturday 5 April 2025, ending a service that had run since "
        "1962.\n\n"
        "The community council will meet on Monday to discuss running a boat of its own.\n"), name="pasted.txt")
    assert [(w.line, w.message.split(";")[0]) for w in warnings] == [
        (3, "warning: no byline line after the headline: this line, 'Islanders face a 40-mile drive to the ma'…, is "
            "read as the body")]
    assert warnings[0].message.endswith("The draft takes its publication and event dates from the first date its "
                                        "opening writes, '5 April 2025', marked for review")
    assert story["article"]["published"] == dt.date(2025, 4, 5)
    assert "published: 2025-04-05  # REVIEW: the article gives no date line: the first date its opening writes" in text
    assert story["meta"]["summary"].startswith("The last ferry left the island")  # the standfirst is not the lede
    assert ("2025-04-07", "p4.s1") in events(story)


def test_a_byline_without_a_date_is_still_a_byline_but_a_standfirst_is_not() -> None:
    assert looks_like_byline("By Jane Roe, Associated Press")
    assert looks_like_byline("Jane Roe, political correspondent")
    assert not looks_like_byline("Islanders face a 40-mile drive to the mainland after the operator ends its service")
    assert not looks_like_byline("Council votes to close the library")


RELEASE = ("Balloon breaks record\n\n{byline}, Feb. 26, 2024\n\n"  # a Monday
           "Editor’s note: The mission ended Feb. 26 at 6:24 p.m. EST.\n\n"
           "Editor’s note: This story was updated Feb. 27, 2024, to correct a name.\n\n"
           "The Space Agency record was broken Saturday, Feb. 24, high above Antarctica.\n\n"
           "“It is a tribute to the team,” said Ann Hale, chief of the Space Agency balloon office.\n")


def test_a_news_release_speaks_on_the_day_it_is_issued_and_an_editors_note_may_tell_news(tmp_path: Path) -> None:
    (tmp_path / "release").mkdir()
    (tmp_path / "newspaper").mkdir()
    story, text, _ = draft(tmp_path / "release", RELEASE.format(byline="Space Agency"))
    assert story["article"]["event_date"] == dt.date(2024, 2, 26)
    assert "# REVIEW: a news release (Space Agency names itself in its text): the day it was issued" in text
    assert story["quotes"][0]["date"] == dt.date(2024, 2, 26)
    assert events(story) == [("2024-02-24", "p5.s1"), ("2024-02-26", "p3.s1")]  # not the update of 27 February
    newspaper, _, _ = draft(tmp_path / "newspaper", RELEASE.format(byline="Valley Courier"))
    assert newspaper["article"]["event_date"] == dt.date(2024, 2, 24)  # a report of Saturday's news


def test_an_outlet_naming_itself_as_the_one_reporting_is_not_a_news_release() -> None:
    assert not is_news_release("Reuters", "Rutte told Reuters on Monday. Reuters could not verify the report.")
    assert not is_news_release("Reuters", "BRUSSELS (Reuters) - NATO said on Monday.")
    assert is_news_release("GSA", "PHILADELPHIA — GSA plans to allocate $16 million.")


def test_a_weekday_in_a_sentence_with_no_tense_word_says_which_day_it_would_be_if_to_come(tmp_path: Path) -> None:
    story, text, _ = draft(tmp_path, (
        "Late penalty sinks Kestrel\n\nNorthern Sports Wire, 16 March 2025 19:55\n\n"  # a Sunday
        "MARLHAVEN – A stoppage-time penalty gave Harbour City a 2-1 win over Kestrel Town on Sunday.\n\n"
        "Kestrel Town play Wynford Rovers at home on Saturday.\n"))
    assert ("2025-03-15", "p4.s1") in events(story)
    assert ("the Saturday on or before the byline's date (2025-03-16); the sentence has no tense word: if it is to "
            "come, write 2025-03-22") in text


def test_a_day_planned_may_fall_either_side_and_the_main_event_is_the_day_gone_by(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Port strike called off\n\nHarbour Times, Wednesday 9 April 2025 18:30\n\n"
        "KESTRELPORT – Dock workers called off a strike planned for Thursday after talks late on Tuesday, their "
        "union said.\n"))
    assert story["article"]["event_date"] == dt.date(2025, 4, 8)  # the talks, not last week's Thursday
    assert events(story) == [("2025-04-08", "p3.s1"), ("2025-04-10", "p3.s1")]


def test_no_event_is_drafted_on_a_day_its_sentence_contradicts(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (  # passes check: "yesterday" is a Wednesday, the sentence names only Tuesday
        "Port talks resume\n\nHarbour Times, Thursday 10 April 2025\n\n"
        "KESTRELPORT – Talks on dock pay resumed on Thursday.\n\n"
        "Yesterday, ahead of next Tuesday's ballot, the port authority warned of delays.\n"))
    assert ("2025-04-09", "p4.s1") not in events(story) and ("2025-04-15", "p4.s1") in events(story)


def test_a_passive_to_come_is_a_day_to_come(tmp_path: Path) -> None:
    story, _, _ = draft(tmp_path, (
        "Flood review ordered\n\nNorthern Daily, 3 June 2025\n\n"  # a Tuesday
        "LEEDS – Ministers have ordered a review of flood defences.\n\n"
        "A public meeting will be held on Thursday at Kirkstall Leisure Centre.\n"))
    assert ("2025-06-05", "p4.s1") in events(story)  # not the Thursday before
