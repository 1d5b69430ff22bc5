"""What each event of the draft's timeline says: a sentence of the article is told once.

A sentence that names several dates ("The ferry will stop its evening sailings in March, the council confirmed on
Thursday") gives an event for each, but its words go to one of them, the first found (the lede's main event
first); each other event says only the part of the sentence that names its date ("The ferry will stop its evening
sailings in March."), or, where the sentence has no such part, the few words that lead up to its date ("…would not
accept the count from the election on Sunday"). No timeline shows one sentence twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..article.source import Sentence
from ..content.partial_dates import PartialDate
from .byline import without_dateline

# Where a sentence's parts meet: a comma, semicolon, colon or dash, or "but" (not "and", which joins words as
# often as clauses: "on Mondays and Tuesdays").
_PART_BREAK = re.compile(r"\s*[,;:]\s+|\s+[—–-]\s+|\s+but\s+")
_FEWEST_WORDS = 4  # a part shorter than this ("on Thursday") tells no event
_WORDS_BEFORE = 8  # how far back the words leading up to a date reach, where no part of the sentence holds it


@dataclass(frozen=True)
class DraftEvent:
    date: PartialDate
    sentence: Sentence
    date_why: str | None
    sure: bool = False  # a date the article writes out in full, or one marked elsewhere: no marker of its own
    words: str = ""  # the words that name its date ("March", "Thursday"), where they are known
    at: int | None = None  # where those words start in the sentence, its dateline left out
    text: str = ""  # what the event says: its sentence, or the part of it that names its date


def told_once(events: list[DraftEvent]) -> list[DraftEvent]:
    """The events, in the order found, each sentence's whole words given to its first event only."""
    told: set[str] = set()
    out: list[DraftEvent] = []
    for event in events:
        whole = without_dateline(event.sentence.text).strip()
        if event.sentence.id not in told:
            told.add(event.sentence.id)
            out.append(replace(event, text=whole))
            continue
        at = event.at if event.at is not None else whole.find(event.words) if event.words else -1
        out.append(replace(event, text=_part_naming(whole, at, event.words) if at >= 0 else f"…{whole}"))
    return out


def _part_naming(sentence: str, at: int, words: str) -> str:
    """The part of the sentence that holds the date at `at`, as a sentence of its own; where no part shorter than
    the whole holds it, the words leading up to it."""
    start, end = 0, len(sentence)
    for found in _PART_BREAK.finditer(sentence):
        if found.end() <= at:
            start = found.end()
        elif found.start() > at:
            end = found.start()
            break
    part = sentence[start:end].strip(" .")
    if (start, end) != (0, len(sentence)) and len(part.split()) >= _FEWEST_WORDS:
        return part[:1].upper() + part[1:] + "."
    before = sentence[start:at].split()[-_WORDS_BEFORE:]
    led_up = " ".join([*before, sentence[at:at + len(words)]]).strip(" .,")
    more = sentence[at + len(words):end].strip(" .")
    return ("" if sentence[start:at].split() == before else "…") + led_up + ("…" if more else ".")
