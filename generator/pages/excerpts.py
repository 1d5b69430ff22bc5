"""The words of a cited sentence that support a claim, for a short note: whole clauses, never a cut quotation.

    excerpt("MILLBROOK: The town's central library will close on Mondays and Tuesdays from April after the council
             cut its budget by 18 per cent, officials confirmed on Thursday.",
            "The library's budget was cut by 18 per cent.", limit=12)
    -> "…after the council cut its budget by 18 per cent…"

A sentence of `limit` words or fewer is given whole. Otherwise the clause sharing the most words with the claim is
kept, with the clauses beside it that share words with it too while they fit (or, when the claim rests on them as
much, up to half as much again); a clause longer than that gives the run of its words the claim shares most. A cut
is marked with an ellipsis. A quotation inside the sentence is one unit: it is given whole or not at all, so a note
never shows part of what someone said as if it were all.
"""

from __future__ import annotations

import re

# A quotation in curly or straight marks, with the punctuation that closes it, or one word.
# An apostrophe (Putin’s) closes no quotation.
_UNIT = re.compile(r"“[^”]*”\S*|‘(?:[^’]|’(?=\w))*’\S*|\"[^\"]*\"\S*|\S+")
_CLAUSE_END = re.compile(r"[,;:—–][”’\"]?$")  # "security,” Rutte told ...": a quotation ends a clause too
_STOP = {"that", "this", "with", "from", "have", "were", "said", "they", "their", "would", "been", "which", "after"}


def _content(words: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9][a-z0-9'’-]{3,}", words.lower()) if word not in _STOP}


# Words that open a clause of their own: "... did not deny it | and said ...", "... in Russia | but said ...".
_OPENS_CLAUSE = {"but", "while", "whereas", "although", "yet", "where", "after", "and said", "and that", "and added"}


def _clauses(units: list[str]) -> list[tuple[int, int]]:
    """(first unit, one past the last) of each clause: a clause ends at a unit ending in , ; : or a dash, or
    before a word that opens one."""
    spans, start = [], 0
    for index, unit in enumerate(units):
        following = " ".join(units[index + 1 : index + 3]).lower()
        opens = units[index + 1].lower() in _OPENS_CLAUSE if index + 1 < len(units) else False
        opens = opens or any(following == words or following.startswith(words + " ")
                             for words in _OPENS_CLAUSE if " " in words)
        if _CLAUSE_END.search(unit) or opens or index == len(units) - 1:
            spans.append((start, index + 1))
            start = index + 1
    return spans


def _length(units: list[str], start: int, end: int) -> int:
    return sum(len(unit.split()) for unit in units[start:end])


def excerpt(sentence: str, claim: str, limit: int = 14) -> str:
    """The clauses of `sentence` that share the most words with `claim`, within about `limit` words."""
    units = _UNIT.findall(sentence)
    if _length(units, 0, len(units)) <= limit:
        return sentence
    wanted = _content(claim)
    clauses = _clauses(units)
    scores = [len(_content(" ".join(units[start:end])) & wanted) for start, end in clauses]
    best = max(range(len(clauses)), key=lambda index: (scores[index], -index))
    if _length(units, *clauses[best]) > limit * 3 // 2:  # one long clause: the run of its words the claim shares
        return _marked(units, *_window(units, *clauses[best], limit, wanted))
    first = last = best
    needed = max(2, scores[best] // 2)  # a clause this much of the claim rests on is kept, up to half as much again
    while True:  # widen by the better-scoring neighbour while it fits
        options = [index for index in (first - 1, last + 1) if 0 <= index < len(clauses)]
        options = [index for index in options if scores[index] and (
            (size := _length(units, clauses[min(first, index)][0], clauses[max(last, index)][1])) <= limit
            or (scores[index] >= needed and size <= limit * 3 // 2))]
        if not options:
            break
        chosen = max(options, key=lambda index: scores[index])
        first, last = min(first, chosen), max(last, chosen)
    return _marked(units, clauses[first][0], clauses[last][1])


def _marked(units: list[str], start: int, end: int) -> str:
    """The units from `start` to `end`, an ellipsis where the sentence goes on before or after them."""
    words = " ".join(units[start:end])
    if end < len(units):
        words = words.rstrip(",;:—– ") + "…"
    return ("…" if start else "") + words


def _window(units: list[str], start: int, end: int, limit: int, wanted: set[str]) -> tuple[int, int]:
    """The run of whole units within [start, end) of at most `limit` words (or one unit, if longer) that shares
    the most words with the claim; the earliest of equals."""
    best = (-1, start, start + 1)
    for first in range(start, end):
        last = first + 1
        while last < end and _length(units, first, last + 1) <= limit:
            last += 1
        score = len(_content(" ".join(units[first:last])) & wanted)
        if score > best[0]:
            best = (score, first, last)
    _, first, last = best
    # A few words short of the clause's start or end: give them, rather than a cut that reads as a stumble.
    first = start if _length(units, start, first) <= 3 else first
    last = end if _length(units, last, end) <= 4 else last
    return first, last
