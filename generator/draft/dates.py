"""When each quote and statement was said.

A day its own words name ("said on Monday", in its sentence or in the attribution its speaker was read from),
counted from the byline's date; else none when it was said before the news ("had dismissed"); else the day the
same speaker is dated elsewhere in the article; else, as a "said" with no day in news style is the day of the
news, the article's event date. Each date says which rule gave it.
A date must also fall on a day its sentences name, as `check` requires.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..quoted import QuotedPassages
from ..source import Sentence, SourceText
from ..text_dates import WEEKDAYS, days_of_speaking, resolve_weekday
from .attribution import VERB
from .reported import DraftQuote, DraftStatement

# "The Kremlin had initially dismissed ...": the past perfect puts what was said before the news, not on its day.
_BEFORE_THE_NEWS = re.compile(rf"\bhad\s+(?:\w+ly\s+)?{VERB.pattern}")


@dataclass(frozen=True)
class Calendar:
    """The days the draft counts from, when the article gives them."""

    published: dt.date | None  # the byline's day: "on Monday" is counted back from it
    event: dt.date | None  # the article's event date: the day of a "said" with no day of its own
    event_why: str = ""


def spoken_day(text: str, calendar: Calendar, where: str) -> tuple[dt.date | None, str] | None:
    """The day `text` names as when something was said, and why; None when it names none."""
    days = days_of_speaking(text)
    if not days:
        return None
    if calendar.published is None:
        return None, f"'{days[0]}' {where}, but the article gives no date to count it from"
    return resolve_weekday(days[0], calendar.published), \
        f"'{days[0]}' {where}: the {days[0]} on or before the byline's date ({calendar.published.isoformat()})"


def date_everything(quotes: list[DraftQuote], statements: list[DraftStatement], calendar: Calendar) -> None:
    """Date each quote and statement by the first rule that gives a day (see the module's docstring)."""
    read = functools.cache(lambda text, where: spoken_day(text, calendar, where))  # one sentence, many quotes
    for statement in statements:
        statement.date, statement.date_why = read(statement.frame, "in its sentence") or (None, "")
    for quote in quotes:
        quote.date, quote.date_why = read(quote.frame, "in its sentence") or read(
            quote.attribution_frame, "in the attribution its speaker was read from") or (None, "")
    # Each speaker's days dated by their own words, by where they stand: the nearest is found by bisection, not by
    # reading them all for each undated quote (quadratic in one sentence of a thousand quotations).
    own: dict[int, list[tuple[int, dt.date]]] = {}
    for at, who, day in sorted([(s.sentence.start, s.speaker, s.date) for s in statements if s.date]
                               + [(q.passage.start, q.speaker, q.date) for q in quotes if q.date and q.speaker],
                               key=lambda found: found[0]):
        own.setdefault(id(who), []).append((at, day))
    items: list[DraftStatement | DraftQuote] = [*statements, *quotes]
    for item in items:
        if item.date or item.date_why:
            continue
        position = item.sentence.start if isinstance(item, DraftStatement) else item.passage.start
        same = _nearest(own.get(id(item.speaker), []) if item.speaker else [], position)
        earlier = _BEFORE_THE_NEWS.search(item.evidence if isinstance(item, DraftStatement) else item.how)
        if earlier:
            item.date_why = f"said before the news ('{earlier.group()}'); the article does not say when"
        elif same:
            item.date = same
            item.date_why = f"no day beside it; the day the same speaker is dated elsewhere ({item.date.isoformat()})"
        elif calendar.event is not None:
            item.date = calendar.event
            item.date_why = (f"no day beside it: a 'said' with no day is taken as the day of the news, the event "
                             f"date ({calendar.event_why})")
        else:
            item.date_why = "The article gives no date to count from; add the day this was said."


def _nearest(dated: list[tuple[int, dt.date]], position: int) -> dt.date | None:
    """The day of the dated remark nearest `position`, of remarks sorted by where they stand."""
    index = bisect.bisect_left(dated, (position, dt.date.min))
    near = dated[max(0, index - 1): index + 1]
    return min(near, key=lambda found: abs(found[0] - position))[1] if near else None


def agree_with_named_days(quotes: list[DraftQuote], statements: list[DraftStatement], source: SourceText,
                          quoted: QuotedPassages) -> None:
    """A date must fall on a day its sentences name as a day of speaking ("on Friday" inside a quotation counts
    too, as in `check`)."""
    @functools.cache  # each sentence read once, however many quotes it holds
    def named(sentence: Sentence) -> frozenset[str]:
        return frozenset(days_of_speaking(sentence.text))

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
            item.date = None
            item.date_why = f"The sentence names {' and '.join(sorted(days))}; the article does not say which day."
