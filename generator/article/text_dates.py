"""Days and dates an article names, read by one rule for `check` and `draft`.

Weekdays: "on Monday", "said Thursday", "Thursday's launch", "at 1:33 a.m. EST Thursday" name a day ("Upon
Mondays", "a reduced Saturday service" and "Good Friday" name none). Written dates: "Feb. 12, 2024", "12 February
2024", "April 19", "on 21 July", "August 2023", "in August", "in 2019".

Each is read as past or to come from the words before it in its sentence: the last tense word decides ("will open
on Saturday" is a day to come; "said on Monday it would" a day gone by); a deadline in a clause with no past tense
is to come ("fits a taller chimney by the end of September"); any other weekday is taken as past, as news mostly
reports what happened. A day put ahead only by reported speech ("said it would file on Wednesday") stands for the
nearer of the two. A weekday written with a day of a month ("Monday 28 April", "Monday, April 28") is that day,
not a weekday of its own: it only checks it. Days named from the day of writing: "today", "this morning", "yesterday".
A day to come is never the day anyone spoke; which days are is generator/article/said_days.py's rule.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for name in names}
FULL_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December")

# The words right before a weekday that make it a day ("on Monday", "late Thursday", "next Friday").
DAY_PREPOSITIONS = ("on", "last", "next", "this", "since", "until", "till", "by", "from", "before", "after", "late",
                    "early", "through", "today,", "yesterday,", "tomorrow,")
# After a bare weekday ("said Thursday that"), the words that show it is a day and not a noun's attribute
# ("a Saturday service"): a part of the day, or a word that starts the rest of the clause.
DAY_FOLLOWERS = ("night", "morning", "afternoon", "evening", "noon", "midnight", "that", "to", "in", "at", "after",
                 "before", "and", "or", "but", "when", "as", "with", "from", "for", "by", "it", "he", "she", "they",
                 "we", "i", "his", "her", "its", "their", "while", "during", "following", "outside", "ahead", "amid",
                 "if", "because", "than")
# Before a bare weekday, words that make it a noun's attribute or a habit: "a Saturday service", "every Monday".
NOT_A_DAY_BEFORE = ("a", "an", "the", "every", "each", "one", "any", "some", "no", "those", "these")
# Before a month named alone, the words that make it a time ("in August", "by the end of March"), not a name (May).
MONTH_PREPOSITIONS = ("in", "since", "from", "until", "till", "by", "during", "of", "early", "late", "last", "next",
                      "this", "before", "after", "between", "and", "or", "through", "to")

# Tense words. The future: modal verbs and plans ("is due to", "set to", "promised"), but not "would have" or
# "must have", which look back. The past: "said", "was", a verb in -ed or a participle such as "held" (not after
# "be" or "to", where it is a passive to come, nor after "a" or "the", where it describes a noun), the few in -eed
# ("agreed"; "need", "speed" and "succeed" are not past) and common irregular past forms.
_FUTURE = re.compile(
    r"(?i:\b(?:will|shall|going to|set to|expected to|scheduled|plans? to|planning to|intends? to|promis\w*|"
    r"pledg\w*|upcoming|(?:planned|set|slated|booked)\s+for)\b|\b(?:is|are|was|were|be)\s+(?:due|to)\b|\bnext\s+(?:week|month|year|spring|summer|"
    r"autumn|fall|winter|season|[A-Z][a-z]+day)\b|\b(?:would|should|must)\b(?!\s+(?:not\s+)?have\b)|['’]ll\b)"
    r"|\b(?:may|might)\b(?!\s+(?:not\s+)?have\b)")
_PAST = re.compile(
    r"(?i:\b(?:said|told|was|were|had|did|came|went|took|gave|began|ran|rose|fell|saw|wrote|spoke|broke|chose|drew|"
    r"flew|grew|knew|threw|became|ago|yesterday|since)\b|\blast\s+"
    r"(?:week|month|year|spring|summer|autumn|fall|winter|season|night|[A-Z][a-z]+day)\b)"
    # Forms that are also participles: past, but not after "be" or "to" ("will be held"), nor after "a" or "the".
    r"|(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bto )(?<!\ba )(?<!\ban )(?<!\bthe )"
    r"(?:\b(?i:made|left|found|brought|bought|caught|fought|thought|taught|sought|held|met|got|led|paid|sold|stood|"
    r"struck|won|lost|sent|spent|built|felt|kept|heard|agreed|disagreed|decreed|guaranteed|freed)\b"
    r"|\b(?!(?:hundred|kindred|sacred|naked|wicked|rugged|ragged|beloved|aged)\b)[a-z]{2,}(?<!e)ed\b)")

# "by the end of September", "until Friday": a deadline, to come unless its clause is in the past tense.
_DEADLINE = re.compile(r"(?i:\b(?:by|until|till)\s+(?:the\s+(?:end|start|middle|beginning)\s+of\s+|mid-)?)\Z")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b")
_BEFORE_WEEKDAY = re.compile(
    r"(?:(?i:\b(?:" + "|".join(re.escape(word) for word in DAY_PREPOSITIONS) + r"))|\b[ap]\.m\.(?:\s+[A-Z]{2,5})?)"
    r"\s+\Z")
_AFTER_WEEKDAY = re.compile(r"['’]s\b|\s*(?:[.,;:!?)\]”\"]|\Z)|\s+[-–—]\s|\s+(?i:(?:"
                            + "|".join(DAY_FOLLOWERS) + r")\b)")
_WORD_BEFORE = re.compile(r"(\S+)\s+\Z")

_MONTH = r"(?P<{name}>" + "|".join(sorted((n.capitalize() for n in MONTHS), key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?:1[89]|20)\d\d"
_ORDINAL = r"(?:st|nd|rd|th)?"
_WRITTEN = re.compile(
    rf"\b(?P<day1>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH.format(name='month1')}(?:,?\s+(?P<year1>{_YEAR})\b)?"
    rf"|\b{_MONTH.format(name='month2')}\s+(?P<day2>\d{{1,2}}){_ORDINAL}\b(?![,.]?\d|\s*%|\s+per\b|\s+percent\b)"
    rf"(?:,?\s+(?P<year2>{_YEAR})\b)?"
    rf"|\b{_MONTH.format(name='month3')}\s+(?P<year3>{_YEAR})\b"
    rf"|\b(?P<month4>{'|'.join(FULL_MONTH_NAMES)})\b"
    rf"|(?<![\w,.£$€])(?P<year5>{_YEAR})(?![\w£$€%]|[,.]\d|-\d{{1,3}}(?!\d))")


# Modal verbs of reported speech ("said it would file on Wednesday", "would not accept the count from the election
# on Sunday") and plans ("a strike planned for Thursday"): the future as seen on the day of saying or planning, so
# the day they put ahead may fall either side of the byline.
REPORTED_FUTURE = ("would", "could", "might", "may", "should", "planned for", "set for", "slated for", "booked for")


@dataclass(frozen=True)
class NamedDay:
    """A weekday a text names as the day of something."""

    weekday: str
    start: int
    ahead: bool  # a day to come ("will open on Saturday"): counted forward, and never the day of speaking
    cue: str | None = None  # the words that put it ahead ("next", "will", "would"), if any
    past: bool = False  # its sentence has a past tense word ("On Monday, the council voted"); else past by default

    @property
    def _either_side(self) -> bool:
        return self.ahead and " ".join((self.cue or "").lower().split()) in REPORTED_FUTURE

    def day(self, anchor: dt.date) -> dt.date | None:
        """The date it stands for: on or before `anchor`, on or after it for a day to come, and the nearer of the
        two for a day put ahead only by reported speech ("would")."""
        if not self._either_side:
            return resolve_weekday(self.weekday, anchor, self.ahead)
        back, forward = resolve_weekday(self.weekday, anchor), resolve_weekday(self.weekday, anchor, True)
        if back is None or forward is None:
            return back or forward
        return back if anchor - back < forward - anchor else forward

    def counted(self, anchor: dt.date) -> str:
        """How `day` counted it, for a review marker: "the Sunday on or before the byline's date (2025-03-03)"."""
        if self._either_side:
            how = f"the {self.weekday} nearer to"
        else:
            how = f"the {self.weekday} {'on or after' if self.ahead else 'on or before'}"
        counted = f"{how} the byline's date ({anchor.isoformat()})"
        coming = None if self.ahead or self.past else resolve_weekday(self.weekday, anchor, True)
        if coming is not None and coming != anchor:  # "Kestrel Town play at home on Saturday": no tense to tell
            counted += f"; the sentence has no tense word: if it is to come, write {coming.isoformat()}"
        return counted


@dataclass(frozen=True)
class WrittenDate:
    """A date written out in a text: a day of a month (with or without its year), a month, or a year."""

    text: str
    start: int
    year: int | None
    month: int | None
    day: int | None
    future: str | None  # the words that put it in the future ("will", "by the end of"), if any
    past: bool = False  # the last tense word before it is past ("dropped a month's rain on 2 January")
    weekday: str | None = None  # the weekday written with it ("Monday 28 April"), which only checks the day

    @property
    def ahead(self) -> bool:
        return self.future is not None


class _Tenses:
    """Where the text's tense words stand, found once, so that each day asks only for the last one before it."""

    def __init__(self, text: str) -> None:
        self.text = text
        marks = sorted([(m.start(), m.group()) for m in _FUTURE.finditer(text)]
                       + [(m.start(), "") for m in _PAST.finditer(text)])
        self.starts = [start for start, _ in marks]
        self.words = [word for _, word in marks]

    def future_word(self, offset: int) -> str | None:
        """The words that put a day at `offset` in the future ("will", or "by the end of" with no past tense in its
        clause), or None when the last tense word before it is past or there is none."""
        index = bisect.bisect_left(self.starts, offset) - 1
        if index >= 0 and self.words[index]:
            return self.words[index]
        deadline = _DEADLINE.search(self.text, max(0, offset - 40), offset)
        if deadline is None:
            return None
        reach = max(0, offset - 200)  # a clause's start, looked for a few words back only
        clause = max(reach, *(self.text.rfind(mark, reach, offset) for mark in ",;:—–(“‘\""))
        return deadline.group().strip() if index < 0 or self.starts[index] < clause else None

    def past(self, offset: int) -> bool:
        """Whether the last tense word before `offset` is past."""
        index = bisect.bisect_left(self.starts, offset) - 1
        return index >= 0 and not self.words[index]


def named_days(text: str) -> list[NamedDay]:
    """The weekdays `text` names as days, in order."""
    found, tenses = [], _Tenses(text)
    for match in _WEEKDAY.finditer(text):
        if _day_written_after(text, match.end()):
            continue  # "Monday 28 April" is 28 April: the weekday only checks it
        before = text[max(0, match.start() - 40): match.start()]
        if not _names_a_day(before, text, match.end()):
            continue
        previous = _WORD_BEFORE.search(before)
        word = previous.group(1).lower() if previous else ""
        cue = "next" if word == "next" else None if word == "last" else tenses.future_word(match.start())
        found.append(NamedDay(match.group(), match.start(), cue is not None, cue, word == "last" or "" in tenses.words))
    return found


# Between a weekday and the day of a month written with it: "Monday 28 April", "Monday, April 28".
_WEEKDAY_TO_DATE = re.compile(r",?\s+")
_WEEKDAY_BEFORE_DATE = re.compile(rf"\b({'|'.join(WEEKDAYS)}),?\s+\Z")


def _day_written_after(text: str, end: int) -> bool:
    """Whether the weekday ending at `end` is written with a day of a month: "Monday 28 April", "Monday, April 28"."""
    gap = _WEEKDAY_TO_DATE.match(text, end)
    written = _WRITTEN.match(text, gap.end()) if gap else None
    return written is not None and bool(written.group("day1") or written.group("day2"))


def _names_a_day(before: str, text: str, end: int) -> bool:
    if _BEFORE_WEEKDAY.search(before):
        return True
    previous = _WORD_BEFORE.search(before)
    if previous and (previous.group(1).lower() in NOT_A_DAY_BEFORE or previous.group(1)[:1].isupper()
                     and previous.group(1)[-1].isalpha()):
        return False  # "a Saturday service", "Good Friday"
    return _AFTER_WEEKDAY.match(text, end) is not None


def days_named(text: str) -> list[str]:
    """Every weekday a text names as a day, in order: "on Monday", "at 1:33 a.m. EST Thursday" ("Upon Mondays"
    names none)."""
    return [day.weekday for day in named_days(text)]


# Days named from the day of writing, and how many days from it: "today", "yesterday", "this morning".
_RELATIVE = re.compile(r"\b(?:(?P<today>(?i:today|tonight)|this (?:morning|afternoon|evening))|"
                       r"(?P<yesterday>(?i:yesterday)|last night))\b")


@dataclass(frozen=True)
class RelativeDay:
    """A day a text names from the day it was written: "today" (0), "yesterday" (-1)."""

    words: str
    start: int
    offset: int  # days from the byline's date


def relative_days(text: str) -> list[RelativeDay]:
    """The days `text` names from the day of writing, in order: "today", "tonight", "this morning", "yesterday"."""
    return [RelativeDay(match.group(), match.start(), 0 if match.group("today") else -1)
            for match in _RELATIVE.finditer(text)]


def resolve_weekday(weekday: str, anchor: dt.date, ahead: bool = False) -> dt.date | None:
    """The `weekday` on or before `anchor` ("on Thursday" in a Monday story is 4 days back), or on or after it for
    a day to come; None past the calendar's ends."""
    back = (anchor.weekday() - WEEKDAYS.index(weekday)) % 7
    try:
        return anchor + dt.timedelta(days=(-back % 7) if ahead else -back)
    except OverflowError:
        return None


def written_dates(text: str) -> list[WrittenDate]:
    """The dates written out in `text`, in order; a month alone only after a word such as "in" or "since"."""
    found, tenses = [], _Tenses(text)
    for match in _WRITTEN.finditer(text):
        parts = match.groupdict()
        if parts["month4"] and not _a_month_as_a_time(text, match.start()):
            continue
        month_name, day, year = (next(filter(None, (parts[name] for name in names)), None) for names in (
            ("month1", "month2", "month3", "month4"), ("day1", "day2"), ("year1", "year2", "year3", "year5")))
        month = MONTHS.get(month_name.lower()) if month_name else None
        if day and not 1 <= int(day) <= 31:
            continue
        future = tenses.future_word(match.start())
        weekday = _WEEKDAY_BEFORE_DATE.search(text, max(0, match.start() - 12), match.start()) if day else None
        found.append(WrittenDate(match.group().rstrip("."), match.start(), int(year) if year else None, month,
                                 int(day) if day else None, future, future is None and tenses.past(match.start()),
                                 weekday.group(1) if weekday else None))
    return found


def date_style(text: str) -> str:
    """'ap' where the text writes its days month first ("Feb. 8", "March 3, 2025") more often than day first
    ("8 February"), as AP copy does; else 'british'. A story's pages then write theirs the same way."""
    matches = list(_WRITTEN.finditer(text))
    month_first = sum(1 for match in matches if match.group("day2"))
    return "ap" if month_first > sum(1 for match in matches if match.group("day1")) else "british"


def _a_month_as_a_time(text: str, start: int) -> bool:
    """Whether the month named alone at `start` is a time ("in August", "mid-March"), not a name ("May said")."""
    previous = _WORD_BEFORE.search(text, max(0, start - 20), start)
    word = previous.group(1).lower() if previous else ""
    return word in MONTH_PREPOSITIONS or text.endswith("mid-", 0, start)


def days_written(text: str) -> frozenset[tuple[int | None, int, int]]:
    """The days of a month `text` writes out, as (year or None, month, day): "30 April" is (None, 4, 30). A day a
    sentence writes out is a day it names, whatever weekday it also names."""
    return frozenset((date.year, date.month, date.day) for date in written_dates(text)
                     if date.month is not None and date.day is not None)
