"""The passage of the article most like a quote that is not in it, for the check's message.

The work is bounded whatever the sizes: a quote is compared by its first COMPARED_CHARS characters, and
in a long article only the few places that share the most words with the quote are compared at all
(comparing a 4,000-character quote at every word of a 200 KB article took minutes).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import heapq
import re
from collections import Counter

from .safety import character_name

COMPARED_CHARS = 300  # longer quotes are compared, and their closest passage shown, by their start
EVERY_START_UP_TO = 2000  # articles with up to this many words are compared at every word
PLACES_COMPARED = 20  # in longer ones, only this many places, those sharing the most words with the quote
VOTES_COUNTED = 20_000  # occurrences of the quote's words looked at to find those places
RATIOS_COMPUTED = 12  # exact comparisons, of the places that look most alike by a cheap measure
_BUCKET = 16  # characters: a place is a stretch this long where the quote would start

_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")  # a letter or digit not preceded by one
_WORD = re.compile(r"[^\W_]+")


def closest_passage(text: str, source: str) -> str:
    """The stretch of `source` most like `text`, or "" if nothing in it is alike."""
    probe = text[:COMPARED_CHARS]
    starts = _word_starts(source)
    if len(starts) > EVERY_START_UP_TO:
        starts = _likely_starts(probe, source)
    best = _most_alike(probe, source, starts)
    if best is None:
        return ""
    shown = source[best : best + len(probe)].strip()
    return f"{shown} …" if len(text) > len(probe) else shown


def first_difference(quote: str, passage: str) -> str:
    """Where a quote first departs from the passage most like it, in characters and code points:
    "at character 12: ' (U+0027) in the quote, ’ (U+2019) in the article"."""
    shown = passage.removesuffix(" …")
    matcher = difflib.SequenceMatcher(None, quote, shown, autojunk=False)
    for tag, quote_start, quote_end, passage_start, passage_end in matcher.get_opcodes():
        if tag != "equal":
            return (f"at character {quote_start + 1}: {_described(quote[quote_start:quote_end])} in the quote, "
                    f"{_described(shown[passage_start:passage_end])} in the article")
    return ""


def _described(characters: str) -> str:
    """"’ (U+2019 RIGHT SINGLE QUOTATION MARK)"; a space or other invisible character by its name alone."""
    if not characters:
        return "nothing"
    named = [character_name(c) if not c.isprintable() or c.isspace() else f"{c} ({character_name(c)})"
             for c in characters[:3]]
    return ", ".join(named) + (" and more" if len(characters) > 3 else "")


def _most_alike(probe: str, source: str, starts: list[int]) -> int | None:
    """The start whose window of the probe's width is most like the probe.

    A cheap upper bound of the likeness ranks every start; the exact (quadratic) ratio is computed
    only for the RATIOS_COMPUTED best-ranked ones, and never for one whose bound the best already reaches.
    """
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(probe)
    ranked = []
    for start in starts:
        matcher.set_seq1(source[start : start + len(probe)])
        ranked.append((matcher.quick_ratio(), -start))  # equal bounds: the earlier start first
    best, best_ratio = None, -1.0
    for bound, negative_start in heapq.nlargest(RATIOS_COMPUTED, ranked):
        if bound <= best_ratio:
            break
        matcher.set_seq1(source[-negative_start : -negative_start + len(probe)])
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = -negative_start, ratio
    return best


def _likely_starts(probe: str, source: str) -> list[int]:
    """Word starts near the places where the probe's words line up with the article's the most.

    Each occurrence of a word of the probe votes for the place where the probe would then start;
    words are keyed by their first four letters, so a changed ending ("rushes") still votes. Rare
    words vote first, and voting stops after VOTES_COUNTED occurrences.
    """
    positions = _word_positions(source)
    words = sorted(((m.start(), positions.get(_key(m.group()), ())) for m in _WORD.finditer(probe)),
                   key=lambda word: len(word[1]))
    votes: Counter[int] = Counter()
    budget = VOTES_COUNTED
    for offset, found in words:
        if budget <= 0:
            break
        for position in found[:budget]:
            votes[(position - offset) // _BUCKET] += 1
        budget -= len(found)
    starts = _word_starts(source)
    chosen: set[int] = set()
    for bucket, _ in votes.most_common(PLACES_COMPARED):
        low = bisect.bisect_left(starts, (bucket - 1) * _BUCKET)
        high = bisect.bisect_left(starts, (bucket + 2) * _BUCKET)
        chosen.update(starts[low:high])
    return sorted(chosen)


def _key(word: str) -> str:
    return word[:4].lower()


@functools.lru_cache(maxsize=2)
def _word_starts(source: str) -> list[int]:
    return [match.start() for match in _WORD_START.finditer(source)]


@functools.lru_cache(maxsize=2)
def _word_positions(source: str) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for match in _WORD.finditer(source):
        positions.setdefault(_key(match.group()), []).append(match.start())
    return positions
