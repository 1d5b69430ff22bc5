"""The byline line and the dateline: who wrote the article, when it was published, where it was filed.

Shapes understood, each seen on wire copy:
    Reuters Published 29 Oct, 2024 03:27am
    By Jane Roe, Associated Press, March 13, 2025
    Fictional Wire 2025-03-03T10:15:00+01:00
and datelines such as "BRUSSELS:", "BRUSSELS (Reuters) -", "WASHINGTON, March 13 (AP) —", "CALLOWAY, Ohio —" and
"SAROVAN, Veltrany, March 3 (Meridian) -".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..article.text_dates import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, named_days, written_dates

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
_DATE_SHAPES = [
    re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
]
# Pieces of a byline that are not a name: the words around the date, the date's weekday ("Thursday 27 February").
_NOT_AGENCY = re.compile(r"^(?:by|published|updated|posted|on|at|\W)+$|\d|^(?:"
                         + "|".join((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)) + r")\.?$", re.I)
# "SAROVAN, Veltrany, March 3 (Meridian) -": the place in capitals, its state or country ("Pa.", "Ohio"), the day
# it was filed, the agency.
_MONTH_NAMES = "|".join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?P<region>(?:,\s*(?!(?:" + _MONTH_NAMES + r")\b)[A-Z][A-Za-z.'’-]*"
    r"(?:\s[A-Z][A-Za-z.'’-]*){0,2})*)(?:,\s*(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2})?\s*"
    r"(?:\((?P<agency>[^)]{2,40})\))?\s*(?::|[-–—]{1,2})\s+")


@dataclass(frozen=True)
class Byline:
    agency: str | None
    printed: str | None  # the date and time as the byline prints them
    published: dt.datetime | None
    has_time: bool
    has_zone: bool
    author: str | None = None  # who wrote it: "Jane Roe" of "By Jane Roe, Associated Press"


def parse_byline(line: str) -> Byline:
    """Agency and publication time from a byline line; None for what it does not say."""
    for shape in _DATE_SHAPES:
        match = shape.search(line)
        if match:
            moment, has_time, has_zone = _moment(match)
            if moment is not None:
                agency, author = _writers(line[: match.start()])
                return Byline(agency, match.group().strip(" ,"), moment, has_time, has_zone, author)
    agency, author = _writers(line)
    return Byline(agency, None, None, False, False, author)


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


def _writers(text: str) -> tuple[str | None, str | None]:
    """The agency and the author a byline names: "By Jane Roe, Associated Press" gives ("Associated Press", "Jane
    Roe"); the author only after "By", the agency as the name that is not the author."""
    pieces = [piece.strip(" ,|-–—") for piece in re.split(r",|\||\s[-–—]\s|\bPublished\b|\bUpdated\b", text)]
    names = [re.sub(r"^(?:By|From)\s+", "", piece, flags=re.I) for piece in pieces if piece.strip(" ,")]
    names = [name for name in names if name and not _NOT_AGENCY.search(name)]
    by_someone = text.strip().lower().startswith("by ")
    author = names[0] if by_someone and names else None
    if not names:
        return None, None
    return (names[-1] if len(names) > 1 or not by_someone else None), author


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None


def parse_dateline(first_paragraph: str) -> Dateline | None:
    """"BRUSSELS (Reuters) - ..." -> Dateline("Brussels", "Reuters"); "CALLOWAY, Ohio — ..." -> "Calloway, Ohio"."""
    match = _DATELINE.match(first_paragraph)
    if not match or len(match.group("place")) < 2:
        return None
    place = " ".join(word.capitalize() if word.isupper() and len(word) > 2 else word
                     for word in match.group("place").split())
    return Dateline(place + match.group("region"), match.group("agency"))


def without_dateline(sentence: str) -> str:
    """"BRUSSELS: NATO Secretary General ..." -> "NATO Secretary General ...", for summaries and gists."""
    match = _DATELINE.match(sentence)
    rest = sentence[match.end():] if match and len(match.group("place")) >= 2 else ""
    return rest if rest.strip() else sentence


def event_date(published: dt.datetime, lede: str, body: str = "", has_time: bool = True,
               release: str | None = None) -> tuple[dt.date, str]:
    """The day of the news the article reports, and why.

    The lede's "on Tuesday" (a day gone by, not "will open on Saturday") is the Tuesday on or before the byline's
    day: a story filed on Wednesday evening about Tuesday's vote is Tuesday's news. But a news release (`release`,
    its agency's name) speaks on the day it is issued, whatever day its lede reports. With no day in the lede, a
    story filed in the small hours over "said on Monday" is Monday's news; else the news is of the byline's day.
    """
    day = published.date()
    if release:
        return day, f"a news release ({release} names itself in its text): the day it was issued, the byline's date"
    days = [(named.start, named.day(day), f"the lede says '{named.weekday}': {named.counted(day)}")
            for named in named_days(lede)] + _days_with_weekdays(lede, day)
    for _, found, why in sorted(days, key=lambda each: each[0]):  # the first day gone by: "late on Tuesday", not
        if found is not None and found <= day:  # "will open on Friday"
            return found, why
    name = WEEKDAYS[(day - dt.timedelta(days=1)).weekday()]
    if has_time and published.hour < 6 and re.search(rf"\bon {name}\b", body):
        return day - dt.timedelta(days=1), (f"the byline time is {published:%H:%M} and the body says 'on {name}': "
                                            "the day before")
    return day, "the byline's date"


def _days_with_weekdays(lede: str, published: dt.date) -> list[tuple[int, dt.date | None, str]]:
    """The days the lede writes with their weekday ("Saturday, Feb. 24"), each with where it stands and why: a day
    without its year is the last on or before the byline's date, or the first after it for a day to come ("will
    close from Monday 28 April")."""
    days: list[tuple[int, dt.date | None, str]] = []
    for written in written_dates(lede):
        if written.weekday is None or written.month is None or written.day is None:
            continue
        day = (written.month, written.day)
        earlier, later = day < (published.month, published.day), day > (published.month, published.day)
        year = written.year or (published.year + earlier if written.ahead else published.year - later)
        try:
            found: dt.date | None = dt.date(year, written.month, written.day)
        except ValueError:
            found = None
        days.append((written.start, found, f"the lede says '{written.weekday}, {written.text}'"))
    return days


# How a news outlet names itself in its own copy as the one reporting ("told Reuters", "Reuters could not verify",
# "BRUSSELS (Reuters) -"), not as the one the news is about.
_AS_REPORTER_BEFORE = re.compile(r"(?:\b(?:told|to|by|with|for|from|according to)\s+(?:the\s+)?|\()\Z", re.I)
_AS_REPORTER_AFTER = re.compile(r"\)|\s+(?:reported|reports|could|can|was unable|were unable|(?:has|had) (?:not|seen|"
                                r"learned)|saw|learned|understands|reporters?|correspondents?|journalists?|"
                                r"calculations?|analysis|tally)\b", re.I)


def is_news_release(agency: str | None, body: str) -> bool:
    """Whether the article is its agency's own news release ("NASA, Feb. 26, 2024" over "the NASA record"): its
    body names the agency other than as the outlet reporting it."""
    if not agency or len(agency) < 2:
        return False
    return any(not _AS_REPORTER_BEFORE.search(body, max(0, match.start() - 30), match.start())
               and not _AS_REPORTER_AFTER.match(body, match.end())
               for match in re.finditer(rf"\b{re.escape(agency)}\b", body))


# A paragraph that speaks about the article rather than its news: "Editor's note: This release was updated ...".
_EDITORS_NOTE = re.compile(
    r"^(?:editor['’]?s['’]? note|editors['’] note|note to editors|correction|clarification|update[ds]?)\s*[:—–-]"
    r"|^this (?:story|article|release|report|version)\b.{0,40}?\b(?:updated|corrected|amended|revised)\b", re.I)


def is_editors_note(paragraph: str) -> bool:
    """"Editor's note: ...", "Correction: ...", "This story has been updated ...": not the story's news."""
    return _EDITORS_NOTE.match(paragraph.strip()) is not None


_ABOUT_THE_ARTICLE = re.compile(r"\b(?:updated|corrected|amended|revised|clarified|correction|clarification)\b", re.I)


def tells_news(note: str) -> bool:
    """Whether a sentence of an editor's note tells news ("The mission ended Feb. 26 at 6:24 p.m."), not what was
    done to the article ("This release was updated Feb. 12, 2024, to correct ...")."""
    return _ABOUT_THE_ARTICLE.search(note) is None


# How a sentence ends: a byline line, a subheading or a standfirst ends otherwise.
SENTENCE_ENDS = (".", "!", "?", "”", "’", '"', "'")
# The words in lower case a byline without a date may hold between its names ("Jane Roe, political correspondent").
_BYLINE_WORDS = {"by", "and", "of", "the", "for", "in", "at", "from", "with", "staff", "reporter", "reporters",
                 "correspondent", "editor", "writer", "agency", "agencies", "wire", "wires", "news"}


def looks_like_byline(paragraph: str) -> bool:
    """Whether the paragraph after the headline is a byline line ("Reuters Published 29 Oct, 2024 03:27am",
    "By Jane Roe, Associated Press"): one short line, not a dateline's paragraph and, unless it gives a date, names
    rather than a sentence: a few words, or mostly names (not a standfirst such as "Islanders face a 40-mile drive
    after the ferry ends")."""
    line = paragraph.strip()
    if "\n" in line or len(line) > 160 or parse_dateline(line) is not None:
        return False
    if parse_byline(line).published is not None:
        return True
    words = re.findall(r"[^\W\d_][\w’'.-]*", line)
    lower = [word for word in words if word[0].islower() and word.lower() not in _BYLINE_WORDS]
    return not line.endswith(SENTENCE_ENDS) and (len(words) <= 4 or 3 * len(lower) <= len(words))
