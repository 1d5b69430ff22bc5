"""The draft's timeline: the lede's event, the statements dated by the day they were said, every other weekday the
body names as a day ("the election on Sunday", "will file on Wednesday") and every date it writes.

A weekday is counted from the byline's date: the one on or before it, or on or after it for a day to come. A date
written without its year ("on 21 July", "April 19") takes the year of a date written earlier in its sentence
("Feb. 18, 2021, ... on April 19"), else the byline's: the last such day on or before the byline's date when its
clause is in the past tense ("dropped a month's rain on 2 January"), the first on or after it when it speaks of what
is to come ("will start on 21 July", "from March"), else the nearer of the two ("That is what 3 March is for"); after a
verb of saying, by the tense of the words reported ("said sailings end in March"). A date written out in full, the
lede's (the event date, marked there) and a statement's own day need no marker of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..article.quoted import QuotedPassages
from ..article.said_days import days_of_saying
from ..article.source import Sentence
from ..article.text_dates import WEEKDAYS, WrittenDate, days_written, named_days, relative_days, written_dates
from ..content.partial_dates import PartialDate
from .attribution import VERB
from .byline import without_dateline
from .dates import Calendar
from .event_texts import DraftEvent, told_once
from .reported import DraftStatement

# A sentence tells of a few dated events at most; one that names more is a list (a schedule, a table of figures),
# whose every date would repeat the whole sentence as an event's text: the first few are drafted, for the editor.
EVENTS_PER_SENTENCE = 3


def timeline_events(sentences: list[Sentence], lede: Sentence, statements: list[DraftStatement],
                    calendar: Calendar, quoted: QuotedPassages) -> list[DraftEvent]:
    """The events of the body's `sentences` (editor's notes left out), oldest first."""
    main = _lede_event(lede, calendar)
    events = [main] if main else []
    for statement in statements:
        if statement.date and days_of_saying(statement.frame):  # dated by its own "said on Monday", not by another rule
            events.append(DraftEvent(PartialDate.parse(statement.date), statement.sentence, statement.date_why,
                                     sure=True))
    events += _named_days(sentences, calendar.published, quoted, main)
    for sentence in sentences:
        base: WrittenDate | None = None  # the last date of the sentence that gives its year
        text = without_dateline(sentence.text)  # "ELMSTEAD, Sept 23 (LNA) -" is when it was filed, not an event
        for written in written_dates(text):
            found = _date_of(written, base, text, calendar.published)
            if written.year is not None:
                base = written
            if found:
                mismatch = _weekday_mismatch(written, found[0])
                events.append(DraftEvent(found[0], sentence, found[1] + mismatch,
                                         sure=found[0].day is not None and written.year is not None and not mismatch,
                                         words=written.text, at=written.start))
    kept: dict[tuple[str, str], DraftEvent] = {}
    per_sentence: dict[str, int] = {}
    for event in filter(_as_check_reads, events):
        key = (event.sentence.id, event.date.isoformat())
        if key not in kept and per_sentence.get(event.sentence.id, 0) < EVENTS_PER_SENTENCE:
            kept[key] = event
            per_sentence[event.sentence.id] = per_sentence.get(event.sentence.id, 0) + 1
    return sorted(told_once(list(kept.values())), key=lambda event: (event.date.sort_key(), event.sentence.start))


def _weekday_mismatch(written: WrittenDate, date: PartialDate) -> str:
    """A note when the weekday written with a date is not that date's ("Tuesday 28 April" in 2025, a Monday)."""
    day = date.as_date()
    if written.weekday is None or day is None or WEEKDAYS[day.weekday()] == written.weekday:
        return ""
    return f"; but the sentence calls it {written.weekday}, and {day.isoformat()} is a {WEEKDAYS[day.weekday()]}: " \
           "check which the article means"


def _as_check_reads(event: DraftEvent) -> bool:
    """Whether `check` accepts the event's date against its sentence: on a weekday the sentence names, or on a day it
    writes out ("Yesterday, before Tuesday's vote" gives no event on another day than a Tuesday)."""
    day = event.date.as_date()
    named = {named.weekday for named in named_days(event.sentence.text)}
    return day is None or not named or WEEKDAYS[day.weekday()] in named or bool(
        {(day.year, day.month, day.day), (None, day.month, day.day)} & days_written(event.sentence.text))


def _named_days(sentences: list[Sentence], published: dt.date | None, quoted: QuotedPassages,
                main: DraftEvent | None) -> list[DraftEvent]:
    """An event for each day a sentence names: a weekday ("the election on Sunday", "said on Monday"), or a day
    counted from the byline outside anyone's words ("announced yesterday"). A day named again is taken for the same
    event (the lede's `main` event's day too), and only its first sentence gives it."""
    if published is None:
        return []
    taken = {main.date.as_date()} if main else set()
    found: list[DraftEvent] = []
    for sentence in sentences:
        text = without_dateline(sentence.text)
        days: list[tuple[dt.date | None, str, str, int | None]] = [
            (named.day(published), f"the sentence says '{named.weekday}': {named.counted(published)}",
             named.weekday, named.start) for named in named_days(text)]
        days += [(published + dt.timedelta(days=relative.offset), f"the sentence says '{relative.words}': counted "
                  f"from the byline's date ({published.isoformat()})", relative.words, None)
                 for relative in relative_days(quoted.frame_of(sentence.start, sentence.end))]
        for day, why, words, at in days:
            if day is not None and day not in taken:
                taken.add(day)
                found.append(DraftEvent(PartialDate.parse(day), sentence, why, words=words, at=at))
    return found


def _lede_event(lede: Sentence, calendar: Calendar) -> DraftEvent | None:
    """The story's main event: on the day the lede names (gone by, else to come), else on the event date; none when
    the lede names no weekday but writes out a day ("launched on Feb. 8, 2024"), whose event that date gives."""
    if calendar.published is None or calendar.event is None:
        return None  # no date to count from: nothing to date it by
    text = without_dateline(lede.text)
    days = named_days(text)
    named = next((day for day in days if (date := day.day(calendar.published)) and date <= calendar.published),
                 days[0] if days else None)
    if named is None:
        if any(written.day is not None for written in written_dates(text)):
            return None
        return DraftEvent(PartialDate.parse(calendar.event), lede, f"the lede names no day: the event date "
                          f"({calendar.event_why})", sure=True)
    day = named.day(calendar.published)
    if day is None:
        return None
    return DraftEvent(PartialDate.parse(day), lede, f"the lede says '{named.weekday}': "
                      f"{named.counted(calendar.published)}", sure=day == calendar.event,
                      words=named.weekday, at=named.start)


def _date_of(written: WrittenDate, base: WrittenDate | None, text: str,
             published: dt.date | None) -> tuple[PartialDate, str] | None:
    """The date a written date stands for, and why; None when its year cannot be told or the day is not real."""
    quoted = f"the sentence says '{written.text}'"
    if written.year is not None:
        return _partial(written.year, written.month, written.day, quoted)
    assert written.month is not None  # a written date without a year has a month
    if base is not None and base.year is not None:
        year = base.year + ((written.month, written.day or 1) < (base.month or 1, base.day or 1))
        return _partial(year, written.month, written.day, f"{quoted}, after '{base.text}' in the same sentence")
    if published is None:
        return None
    return _counted_from_byline(_as_its_clause_reads(written, text), published, quoted)


# Words right before a month that look ahead from the article's day: "from March", "next March".
_FORWARD = re.compile(r"\b(from|next|starting|beginning)\s+(?:(?:early|late|mid)[- ])?\Z", re.I)


def _as_its_clause_reads(written: WrittenDate, text: str) -> WrittenDate:
    """A date with the tense of its own clause: after a verb of saying, the words reported ("The council said
    sailings end in March": "said" is the day of saying, "end" what is to come); a month "from" or "next" after
    the article's day is to come unless its clause is in the past tense."""
    saying = [verb for verb in VERB.finditer(text, 0, written.start)]
    if saying:
        start = saying[-1].end()
        again = next((found for found in written_dates(text[start:]) if found.start + start == written.start), None)
        written = replace(again, start=written.start) if again else written
    forward = _FORWARD.search(text, max(0, written.start - 30), written.start)
    if forward and not written.past and not written.future:
        written = replace(written, future=forward.group(1).lower())
    return written


def _counted_from_byline(written: WrittenDate, published: dt.date, quoted: str) -> tuple[PartialDate, str] | None:
    """The year of a date written without one, from the byline's date and the tense of its clause."""
    assert written.month is not None  # a written date without a year has a month
    cue = written.future
    if written.day is None:
        before, after = written.month < published.month, written.month > published.month
    else:
        before = (written.month, written.day) < (published.month, published.day)
        after = (written.month, written.day) > (published.month, published.day)
    if cue:
        return _partial(published.year + before, written.month, written.day, f"{quoted} with no year, of what is "
                        f"to come ('{cue}'): the first on or after the byline's date ({published.isoformat()})")
    if written.past or not (before or after):
        return _partial(published.year - after, written.month, written.day, f"{quoted} with no year, in the past "
                        f"tense: the last on or before the byline's date ({published.isoformat()})")
    last, next_ = published.year - after, published.year + before
    year = _nearer_year(published, written.month, written.day or 1, last, next_)
    other = ("the last", last) if year == next_ else ("the next", next_)
    return _partial(year, written.month, written.day, f"{quoted} with no year or tense: the nearer to the byline's "
                    f"date ({published.isoformat()}); if it is {other[0]}, write {other[1]}")


def _nearer_year(published: dt.date, month: int, day: int, last: int, next_: int) -> int:
    """Of the year of the last such day before `published` and that of the next, the one whose day is nearer."""
    try:
        gone, coming = dt.date(last, month, day), dt.date(next_, month, day)
    except ValueError:  # 29 February: not in both years
        return last
    return next_ if coming - published < published - gone else last


def _partial(year: int, month: int | None, day: int | None, why: str) -> tuple[PartialDate, str] | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day), why
