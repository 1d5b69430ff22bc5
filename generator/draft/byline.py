"""The byline line and the dateline: who wrote the article, when it was published, where it was filed.

Shapes understood, each seen on wire copy:
    Reuters Published 29 Oct, 2024 03:27am
    By Jane Roe, Associated Press, March 13, 2025
    Fictional Wire 2025-03-03T10:15:00+01:00
and datelines such as "BRUSSELS:", "BRUSSELS (Reuters) -" and "WASHINGTON, March 13 (AP) —".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..source import WEEKDAYS

MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
_DATE_SHAPES = [
    re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
]
_NOT_AGENCY = re.compile(r"^(?:by|published|updated|posted|on|at|\W)+$|\d", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\((?P<agency>[^)]{2,40})\))?"
    r"\s*(?::|[-–—]{1,2})\s+")


@dataclass(frozen=True)
class Byline:
    agency: str | None
    printed: str | None  # the date and time as the byline prints them
    published: dt.datetime | None
    has_time: bool
    has_zone: bool


def parse_byline(line: str) -> Byline:
    """Agency and publication time from a byline line; None for what it does not say."""
    for shape in _DATE_SHAPES:
        match = shape.search(line)
        if match:
            moment, has_time, has_zone = _moment(match)
            if moment is not None:
                return Byline(_agency(line[: match.start()]), match.group().strip(" ,"), moment, has_time, has_zone)
    return Byline(_agency(line), None, None, False, False)


def _moment(match: re.Match) -> tuple[dt.datetime | None, bool, bool]:
    parts = match.groupdict()
    try:
        if parts.get("iso"):
            value = dt.datetime.fromisoformat(parts["iso"].replace("Z", "+00:00"))
            return value, "T" in parts["iso"] or " " in parts["iso"], value.tzinfo is not None
        hour = int(parts["hour"]) if parts.get("hour") else 0
        if parts.get("ampm"):
            hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
        value = dt.datetime(int(parts["year"]), MONTHS[parts["month"].lower()], int(parts["day"]),
                            hour, int(parts["minute"] or 0) if parts.get("minute") else 0)
        return value, parts.get("hour") is not None, False
    except (ValueError, KeyError):
        return None, False, False


def _agency(text: str) -> str | None:
    """The agency is the name in the byline that is not the author: "By Jane Roe, Associated Press"."""
    pieces = [piece.strip(" ,|-–—") for piece in re.split(r",|\||\s[-–—]\s|\bPublished\b|\bUpdated\b", text)]
    names = [re.sub(r"^(?:By|From)\s+", "", piece, flags=re.I) for piece in pieces if piece.strip(" ,")]
    names = [name for name in names if name and not _NOT_AGENCY.search(name)]
    if not names:
        return None
    return names[-1] if len(names) > 1 or not text.strip().lower().startswith("by ") else None


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None


def parse_dateline(first_paragraph: str) -> Dateline | None:
    """"BRUSSELS (Reuters) - ..." -> Dateline("Brussels", "Reuters")."""
    match = _DATELINE.match(first_paragraph)
    if not match or len(match.group("place")) < 2:
        return None
    place = " ".join(word.capitalize() if word.isupper() and len(word) > 2 else word
                     for word in match.group("place").split())
    return Dateline(place, match.group("agency"))


def without_dateline(sentence: str) -> str:
    """"BRUSSELS: NATO Secretary General ..." -> "NATO Secretary General ...", for summaries and gists."""
    match = _DATELINE.match(sentence)
    rest = sentence[match.end():] if match and len(match.group("place")) >= 2 else ""
    return rest if rest.strip() else sentence


def event_date(published: dt.datetime, body: str, has_time: bool = True) -> tuple[dt.date, str]:
    """The day the article's "today" refers to, and why.

    A story filed in the small hours usually reports the day before: a byline of Tuesday 03:27 over
    "said on Monday" is Monday's news. A byline with no time cannot say that, so the lede's "on Thursday"
    is taken as the most recent Thursday on or before the byline's day.
    """
    day = published.date()
    before = day - dt.timedelta(days=1)
    name = WEEKDAYS[before.weekday()]
    if has_time and published.hour < 6 and re.search(rf"\bon {name}\b", body):
        return before, f"the byline time is {published:%H:%M} and the body says 'on {name}': the day before"
    lede = body.strip().split("\n\n")[0]
    named = re.search(rf"\bon ({'|'.join(WEEKDAYS)})\b", lede)
    if not has_time and named:
        weekday = named.group(1)
        back = (day.weekday() - WEEKDAYS.index(weekday)) % 7
        return day - dt.timedelta(days=back), (f"the lede says 'on {weekday}' and the byline gives no time: "
                                               f"the last {weekday} on or before the byline's date")
    return day, "the byline's date"
