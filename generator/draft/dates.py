"""Dates: "on Monday" counted back from the event date; a statement with no day of its own takes the day its
speaker is dated elsewhere, a quote never does (a quote is dated only by its own sentence or attribution).

A date must also fall on a day its sentences name, as `check` requires.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..dates import PartialDate
from ..quoted import QuotedPassages
from ..source import WEEKDAYS, Sentence, SourceText
from ..text_dates import days_of_speaking as source_days_named
from .reported import DraftQuote, DraftStatement


def _resolve_day(day: str, anchor: dt.date) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - WEEKDAYS.index(day)) % 7)


def date_everything(quotes: list[DraftQuote], statements: list[DraftStatement], anchor: dt.date) -> None:
    """Dates from "on Monday" words; else the date the same speaker is given elsewhere in the article."""
    days_named = functools.cache(source_days_named)  # quotes of one sentence share its frame: read it once
    for statement in statements:
        own = days_named(statement.frame)
        if own:
            statement.date = _resolve_day(own[0], anchor)
            statement.date_why = f"'on {own[0]}' in the sentence, counted back from the event date"
    for quote in quotes:  # a quote is dated only by a day its own sentence or its attribution names
        sentence_days = days_named(quote.passage.text)
        outside = days_named(quote.frame)
        borrowed = days_named(quote.attribution_frame)
        if outside:
            quote.date = _resolve_day(outside[0], anchor)
            quote.date_why = f"'on {outside[0]}' in its sentence"
        elif borrowed:
            quote.date = _resolve_day(borrowed[0], anchor)
            quote.date_why = f"'on {borrowed[0]}' in the attribution its speaker was read from"
        elif sentence_days:
            quote.date_why = f"the quotation itself says 'on {sentence_days[0]}'; the article does not date it"
        else:
            quote.date_why = "The article does not say when this was said."
    dated = [(s.sentence.start, s.speaker, s.date) for s in statements if s.date] + \
            [(q.passage.start, q.speaker, q.date) for q in quotes if q.date]
    for statement in statements:
        if statement.date or statement.date_why:
            continue
        position = statement.sentence.start
        same = sorted((abs(at - position), day) for at, who, day in dated if who is statement.speaker)
        if same:
            statement.date = same[0][1]
            statement.date_why = "no day beside it; the day the same speaker is dated elsewhere"
        else:
            statement.date_why = "The article does not say when this was said."


def agree_with_named_days(quotes: list[DraftQuote], statements: list[DraftStatement], source: SourceText,
                          quoted: QuotedPassages) -> None:
    """A date must fall on a day its sentences name ("on Friday" inside a quotation counts too, as in `check`)."""
    def named(text: str) -> set[str]:
        return set(source_days_named(text))

    items: list[DraftStatement | DraftQuote] = [*statements, *quotes]
    for item in items:
        if item.date is None:
            continue
        if isinstance(item, DraftStatement):
            days = named(item.sentence.text)
        else:
            places = quoted.find(item.passage.words)  # where `check` places it: the first passage quoting the words
            start, end = (places[0].start, places[0].end) if places else (item.passage.start, item.passage.end)
            touched = source.sentences_between(start, end)
            days = set().union(*(named(s.text) for s in touched))
        if days and WEEKDAYS[item.date.weekday()] not in days:
            item.date = None
            item.date_why = f"The sentence names {' and '.join(sorted(days))}; the article does not say which day."


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_YEAR = r"(?<![\w,.£$€])(?:1[89]|20)\d\d(?![\w£$€%]|[,.]\d)"
_NAMED_TIME = re.compile(rf"\b(?P<month>{'|'.join(_MONTH_NAMES)})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?)?"
                         rf"(?:\s+(?P<month_year>{_YEAR}))?|(?P<year>{_YEAR})")


@dataclass(frozen=True)
class NamedTime:
    """A sentence that names a year or a month, and the partial date it gives."""

    sentence: Sentence
    date: PartialDate
    why: str


def named_times(sentences: list[Sentence], published: dt.date) -> list[NamedTime]:
    """The first year or month each sentence names: "in 2019" is 2019, "in August" 2024-08 in a 2025 story.

    A month without a year is taken in the byline's year, or the year before when it is later than the
    byline's month: articles report more often what happened than what is planned.
    """
    found = []
    for sentence in sentences:
        match = _NAMED_TIME.search(sentence.text)
        if match is None:
            continue
        if match.group("year"):
            found.append(NamedTime(sentence, PartialDate(int(match.group("year"))),
                                   f"the sentence names {match.group('year')}"))
            continue
        month_name = match.group("month")
        month = _MONTH_NAMES.index(month_name) + 1
        if match.group("month_year"):
            found.append(NamedTime(sentence, PartialDate(int(match.group("month_year")), month),
                                   f"the sentence names {month_name} {match.group('month_year')}"))
        elif month > published.month:
            found.append(NamedTime(sentence, PartialDate(published.year - 1, month),
                                   f"the sentence names {month_name}, later in the year than the byline: taken as "
                                   f"{month_name} {published.year - 1}; if it is to come, it is {published.year}"))
        else:
            found.append(NamedTime(sentence, PartialDate(published.year, month),
                                   f"the sentence names {month_name}, with no year: the byline's year"))
    return found
