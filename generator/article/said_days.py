"""The day a sentence gives as when something was said: a weekday that goes with its verb of saying.

It goes with the verb when it follows it in the same clause ("said on Monday", "said early on Monday", "told
reporters outside the party's headquarters on Monday", "said in a statement on Monday", "called them Q at a news
conference on Monday", "a study published Monday"), or stands just before it ("Rutte on Monday said", "On Monday, the
Kremlin said", "At Monday's meeting, she told councillors"). A weekday that dates what the sentence reports does not
("the mission did just that Saturday", "the vote on Tuesday", "said the vote on Tuesday was close", "who proposed
it at Monday's meeting, said"): it binds the timeline's events, never the day of speaking.

Read on a sentence's frame, its quotations replaced by Q (generator/draft/attribution.py `frame_of`), as `check` and
`draft` both do: a day inside someone's words is theirs, not the article's.
"""

from __future__ import annotations

import re

from ..draft.attribution import VERB, Q
from .text_dates import WEEKDAYS, NamedDay, RelativeDay, named_days, relative_days

# Verbs with which a document says what it says: "according to a study published Monday".
_DOCUMENT_VERBS = ("published", "released", "issued", "unveiled")
# Verbs of speaking that attribute no words but date them: "Speaking in Leeds yesterday, the minister said".
_SPEAKING = ("speaking", "spoke", "speaks")
_SAYING = re.compile(rf"{VERB.pattern}|\b(?i:{'|'.join(_DOCUMENT_VERBS + _SPEAKING)})\b")
# Verbs of saying whose object may stand before the day: the listener ("told reporters"), the words ("called them
# Q"), the source ("according to officials") or the document ("issued a statement").
_TAKES_OBJECT = {"told", "tells", "asked", "urged", "warned", "called", "calls", "described", "describes",
                 "accused", "according to", *_DOCUMENT_VERBS}
# After the verb and its object, what may come before the day: a place, a manner or a medium, each opened by one of
# these ("said in a statement on Monday", "said at a news conference in Sarovan on Monday", "said again on Monday").
_OPENERS = {"in", "at", "with", "to", "outside", "inside", "during", "after", "from", "for", "near", "via", "over",
            "across", "under", "through", "before", "by", "early", "late", "again", "also", "publicly", "first",
            "later", "earlier", "separately", "jointly", "speaking", "writing"}
# Words that end the clause of the verb: what follows is what was said, not when ("said it would ... on Sunday").
_CLAUSE_WORDS = {"that", "who", "whom", "whose", "which", "where", "when", "while", "whereas", "and", "but", "or",
                 "nor", "because", "if", "unless", "though", "although", "as", "since", "until", "so", "than",
                 "would", "will", "could", "should", "can", "may", "might", "must", "shall", "is", "are", "was",
                 "were", "has", "have", "had", "been", "be", "being", "do", "does", "did", "not"}
# Between a day and the verb of saying it dates: "Putin on Thursday did not deny", "The council on Monday also said".
_AUXILIARIES = {"did", "does", "do", "not", "has", "have", "had", "also", "again", "publicly", "formally", "later",
                "first", "then"}
_SUBJECT_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you"}
# The words a day's phrase takes before the weekday ("early on Monday", "at 10 a.m. Monday") and after it ("Sunday
# night", "Monday's meeting").
_PHRASE_BEFORE = re.compile(r"(?:\b(?i:early|late)\s+)?(?:\b(?i:on|this|last)\s+|\b(?i:at)\s+\d{1,2}(?:[:.]\d\d)?\s*"
                            r"[ap]\.m\.(?:\s+[A-Z]{2,5})?\s+)?\Z")
_PHRASE_AFTER = re.compile(r"(?:['’]s\s+[\w-]+|\s+(?:night|morning|afternoon|evening))?")
_TOKEN = re.compile(rf"{Q}|[\w’'.-]+|[^\w\s]")
_CLAUSE_BOUNDARY = re.compile(rf"[.;:!?(]\s|\s[-–—]\s|{Q}")
_MOST_BETWEEN = 12  # words between the verb and its day: a longer stretch is a clause of its own
_REACH = 200  # characters read on either side of a day for its verb and its clause's start


# A time of saying that gives no day: "said last week", "told reporters earlier this month".
_NO_DAY = re.compile(r"\b(?:(?i:last|this|earlier this|earlier in the|late last|early last)\s+(?:week|month|year)|"
                     r"(?i:in recent)\s+(?:days|weeks|months)|(?i:recently))\b")


def days_of_saying(frame: str) -> list[str]:
    """The weekdays `frame` gives as when something was said, in order ("said on Monday"; not "the vote on Monday")."""
    return [day.weekday for day in named_days(frame) if not day.ahead and goes_with_saying(frame, day)]


def relative_day_of_saying(frame: str) -> RelativeDay | None:
    """The first day `frame` names from the day of writing as when something was said ("said today", "announced
    yesterday"), if any."""
    return next((day for day in relative_days(frame) if _with_verb(frame, day.start, day.start + len(day.words))),
                None)


def no_day_of_saying(frame: str) -> str | None:
    """The words that give a time of saying but no day ("said last week"), if any."""
    return next((match.group() for match in _NO_DAY.finditer(frame) if _with_verb(frame, match.start(), match.end())),
                None)


def before_saying(frame: str) -> str:
    """The words of `frame` before its first verb of saying (all of it when it has none)."""
    verb = _SAYING.search(frame)
    return frame[:verb.start()] if verb else frame


def goes_with_saying(frame: str, day: NamedDay) -> bool:
    """Whether the weekday `day` of `frame` is in the clause of a verb of saying, as when it was said."""
    before = _PHRASE_BEFORE.search(frame, max(0, day.start - 40), day.start)
    start = before.start() if before else day.start
    end = day.start + len(day.weekday)
    after = _PHRASE_AFTER.match(frame, end)
    return _with_verb(frame, start, after.end() if after else end)


def _with_verb(frame: str, start: int, end: int) -> bool:
    """Whether the time in frame[start:end] is in the clause of a verb of saying, before or after it. Only the few
    words around it are read: a clause is short, and a long sentence naming many days is read in linear time."""
    before, after = frame[max(0, start - _REACH):start], frame[end:end + _REACH]
    return _verb_before(before) or _verb_after(before, after)


def _verb_before(text: str) -> bool:
    """"said in a statement on": a verb of saying, then only its object and the place or manner of saying."""
    verbs = list(_SAYING.finditer(text))
    if not verbs:
        return False
    verb = verbs[-1]
    words = _TOKEN.findall(text[verb.end():])
    if len(words) > _MOST_BETWEEN or any(_breaks(word) or word.lower() in _SUBJECT_PRONOUNS for word in words):
        return False
    if words and words[0] == Q:  # the words said: "said “…” on Monday"
        words = words[1:]
    if verb.group().lower() in _TAKES_OBJECT:
        object_end = next((index for index, word in enumerate(words) if word.lower() in _OPENERS), len(words))
        words = words[object_end:] if object_end <= 5 else words
    return not words or words[0].lower() in _OPENERS or words[0].lower().endswith("ly")


def _verb_after(before: str, after: str) -> bool:
    """"Rutte on Monday said", "On Monday, the Kremlin said": the day right before the verb, or opening its clause
    with the verb's subject after the comma."""
    verb = _SAYING.search(after, 0, 120)
    if verb is None:
        return False
    words = _TOKEN.findall(after[:verb.start()])
    if not words:
        return True
    opens = _opens_clause(before)
    if "," in words:
        head, tail = words[:words.index(",")], words[words.index(",") + 1:]
        if not opens or len(head) > 3 or "," in tail or len(tail) > 7:
            return False
        return not any(_breaks(word) for word in head + tail)
    while words and words[-1].lower() in _AUXILIARIES:  # "Putin on Thursday did not deny"
        words.pop()
    return len(words) <= 2 and not any(_breaks(word) for word in words)


def _opens_clause(before: str) -> bool:
    """Whether a day's phrase opens its clause ("On Monday,", "At a news conference on Monday,"), and so may take the
    subject of the verb after a comma."""
    start = max((boundary.end() for boundary in _CLAUSE_BOUNDARY.finditer(before)), default=0)
    words = _TOKEN.findall(before[start:])
    return not words or words[0].lower() in _OPENERS | {"on"} and len(words) <= 5 and not any(
        _breaks(word) for word in words)


def _breaks(word: str) -> bool:
    """A word that starts another clause, or a verb of its own ("closed", "rose"), or another day."""
    lower = word.lower()
    return (lower in _CLAUSE_WORDS or word in WEEKDAYS or word in {",", ";", ":", "(", ")", "—", "–"}
            or word[:1].islower() and len(word) > 4 and lower.endswith("ed") and not _SAYING.fullmatch(word))
