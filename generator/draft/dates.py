"""When each quote and statement was said.

A day its own words give as when it was said ("said on Monday", not "the vote on Monday":
generator/article/said_days.py), in its sentence or in the attribution its speaker was read from ("said today" too),
counted from the byline's date; else none when it was said before the news ("had dismissed"), at a time that gives
no day ("said last week") or in a time the sentence sets before the news ("In April 2021, ... said"); else the day
the same speaker is dated elsewhere in the article; else, as a "said" with no day in news style is the day of the
news: in a news release, the day it was issued; after a verb in the present tense ("says"), the article's own
day; in a report of the same day as its news, that day; else none, marked for the editor, as the day could be the
news's or the report's. Each date says which rule gave it; only one its own words give is sure.
A date must also fall on a day its sentences give as when something was said, as `check` requires.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..article.quoted import QuotedPassages
from ..article.said_days import before_saying, days_of_saying, no_day_of_saying, relative_day_of_saying
from ..article.source import Sentence, SourceText
from ..article.text_dates import WEEKDAYS, resolve_weekday, written_dates
from ..pages.date_words import DateWords
from .attribution import VERB
from .byline import without_dateline
from .reported import DraftQuote, DraftStatement

# "The Kremlin had initially dismissed ...": the past perfect of the verb of saying puts what was said before the
# news, not on its day ("she said parents had asked" is said on the day).
_BEFORE_THE_NEWS = re.compile(r"\bhad\s+(?:\w+ly\s+)?\Z")


@dataclass(frozen=True)
class Calendar:
    """The days the draft counts from, when the article gives them."""

    published: dt.date | None  # the byline's day: "on Monday" is counted back from it
    event: dt.date | None  # the article's event date: the day of a "said" with no day of its own
    event_why: str = ""
    release: bool = False  # the article is its agency's own news release, which speaks on the day it is issued
    style: str = "british"  # how the article writes its dates ("ap": Feb. 8, 2024), for notes a reader sees


def spoken_day(text: str, calendar: Calendar, where: str) -> tuple[dt.date | None, str] | None:
    """The day `text` gives as when something was said ("said on Monday", "said today"), and why; no day but a reason
    for a time that names none ("said last week"); None when it gives no time of saying."""
    days = days_of_saying(text)
    relative = None if days else relative_day_of_saying(text)
    if not days and relative is None:
        vague = no_day_of_saying(text)
        return (None, f"said '{vague}' ({where}); the article gives no day") if vague else None
    words = days[0] if days else relative.words if relative else ""
    if calendar.published is None:
        return None, f"'{words}' {where}, but the article gives no date to count it from"
    if relative is not None:
        return calendar.published + dt.timedelta(days=relative.offset), \
            f"'{words}' {where}: counted from the byline's date ({calendar.published.isoformat()})"
    return resolve_weekday(words, calendar.published), \
        f"'{words}' {where}: the {words} on or before the byline's date ({calendar.published.isoformat()})"


def date_everything(quotes: list[DraftQuote], statements: list[DraftStatement], calendar: Calendar) -> None:
    """Date each quote and statement by the first rule that gives a day (see the module's docstring)."""
    _date_by_own_words(quotes, statements, calendar)
    # Each speaker's days dated by their own words, by where they stand: the nearest is found by bisection, not by
    # reading them all for each undated quote (quadratic in one sentence of a thousand quotations).
    own: dict[int, list[tuple[int, dt.date]]] = {}
    for at, who, day in sorted([(s.sentence.start, s.speaker, s.date) for s in statements if s.date]
                               + [(q.passage.start, q.speaker, q.date) for q in quotes if q.date and q.speaker],
                               key=lambda found: found[0]):
        own.setdefault(id(who), []).append((at, day))
    items: list[DraftStatement | DraftQuote] = [*statements, *quotes]
    for item in items:
        if not (item.date or item.date_why):
            item.date, item.date_why = _without_a_day_of_its_own(item, own, calendar)
            item.date_sure = calendar.release and item.date == calendar.event


def _date_by_own_words(quotes: list[DraftQuote], statements: list[DraftStatement], calendar: Calendar) -> None:
    """The day each quote and statement's own sentence gives ("said on Monday"), which is sure; else the day the
    attribution its speaker was read from gives, which is not."""
    read = functools.cache(lambda text, where: spoken_day(text, calendar, where))  # one sentence, many quotes
    for statement in statements:
        statement.date, statement.date_why = read(statement.frame, "in its sentence") or (None, "")
        statement.date_sure = statement.date is not None
    for quote in quotes:
        quote.date, quote.date_why = read(quote.frame, "in its sentence") or (None, "")
        quote.date_sure = quote.date is not None
        if not (quote.date or quote.date_why):
            quote.date, quote.date_why = read(quote.attribution_frame, "in the attribution its speaker was read "
                                                                       "from") or (None, "")


def _without_a_day_of_its_own(item: DraftStatement | DraftQuote, own: dict[int, list[tuple[int, dt.date]]],
                              calendar: Calendar) -> tuple[dt.date | None, str]:
    """The date of a remark whose words give no day, and why (see the module's docstring)."""
    position = item.sentence.start if isinstance(item, DraftStatement) else item.passage.start
    same = _nearest(own.get(id(item.speaker), []) if item.speaker else [], position)
    earlier = _said_before_the_news(item.evidence if isinstance(item, DraftStatement) else item.how)
    set_in = _set_before_the_news(item.frame, calendar.event)
    if earlier:
        return None, f"said before the news ('{earlier}'); the article does not say when"
    if set_in:
        return None, f"the sentence sets it in '{set_in}', before the news; the article does not say on which day"
    if same:
        return same, f"no day beside it; the day the same speaker is dated elsewhere ({same.isoformat()})"
    if calendar.event is not None and calendar.published is not None:
        return _said_with_no_day(item, calendar)
    return None, "The article gives no date to count from; add the day this was said."


# A verb of saying in the present tense: "says", "tells" speak of the article's own day.
_PRESENT = re.compile(r"\b(?:says|tells|adds|writes|calls|describes|estimates)\b")


def _said_with_no_day(item: DraftStatement | DraftQuote, calendar: Calendar) -> tuple[dt.date | None, str]:
    """The day of a remark whose sentence gives none, and no other remark of its speaker does, and why; or no day,
    with why, where it could be the day of the news or the day of the report: a date note the pages show, so in
    words ("8 April 2025"), not as the YAML writes a date."""
    assert calendar.event is not None and calendar.published is not None  # checked by the caller
    event, published = calendar.event, calendar.published
    if calendar.release:
        return event, f"no day beside it: a news release speaks on the day it is issued ({event.isoformat()})"
    verb = _PRESENT.search(item.evidence if isinstance(item, DraftStatement) else item.how)
    if verb:
        return published, (f"no day beside it: '{verb.group()}', in the present tense, is taken as the article's own "
                           f"day ({published.isoformat()}); if it was said on another day, write that day")
    if event == published:
        return published, (f"no day beside it: a 'said' with no day, in a report of the same day as its news, is "
                           f"taken as that day ({published.isoformat()}); if it was said earlier, write that day")
    words = DateWords(calendar.style)
    return None, (f"The article does not say which day: the day of the news ({words.day(event)}) or of the report "
                  f"({words.day(published)}).")


def _said_before_the_news(attribution: str) -> str | None:
    """The words that put the verb of saying in the past perfect ("had initially dismissed"), if they do."""
    verb = VERB.search(attribution)
    had = _BEFORE_THE_NEWS.search(attribution, 0, verb.start()) if verb else None
    return f"{had.group()}{verb.group()}" if had and verb else None


def _set_before_the_news(frame: str, event: dt.date | None) -> str | None:
    """A time gone by that the sentence sets what it reports in, written before its verb of saying: "The last
    election, in April 2021, was also disputed, but the court dismissed the case" gives "April 2021"."""
    if event is None:
        return None
    for written in written_dates(without_dateline(before_saying(frame))):
        if not written.ahead and written.year is not None and (written.year, written.month or 12) < (
                event.year, event.month):
            return written.text
    return None


def _nearest(dated: list[tuple[int, dt.date]], position: int) -> dt.date | None:
    """The day of the dated remark nearest `position`, of remarks sorted by where they stand."""
    index = bisect.bisect_left(dated, (position, dt.date.min))
    near = dated[max(0, index - 1): index + 1]
    return min(near, key=lambda found: abs(found[0] - position))[1] if near else None


def agree_with_named_days(quotes: list[DraftQuote], statements: list[DraftStatement], source: SourceText,
                          quoted: QuotedPassages) -> None:
    """A date must fall on a day its sentences give as when something was said, read as `check` reads them: on each
    sentence with its quotations left out."""
    @functools.cache  # each sentence read once, however many quotes it holds
    def named(sentence: Sentence) -> frozenset[str]:
        return frozenset(days_of_saying(quoted.frame_of(sentence.start, sentence.end)))

    items: list[DraftStatement | DraftQuote] = [*statements, *quotes]
    for item in items:
        if item.date is None:
            continue
        if isinstance(item, DraftStatement):
            days = named(item.sentence)
        else:
            places = quoted.find(item.passage.words)  # where `check` places it: the first passage quoting the words
            start, end = (places[0].start, places[0].end) if places else (item.passage.start, item.passage.end)
            touched = source.sentences_between(start, end)
            days = frozenset().union(*(named(s) for s in touched))
        if days and WEEKDAYS[item.date.weekday()] not in days:
            item.date, item.date_sure = None, False
            item.date_why = f"The sentence names {' and '.join(sorted(days))}; the article does not say which day."
