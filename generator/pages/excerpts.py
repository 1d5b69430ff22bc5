"""The words of a cited sentence that support a claim, for a short note: whole clauses, never a cut quotation.

    excerpt("MILLBROOK: The town's central library will close on Mondays and Tuesdays from April after the council
             cut its budget by 18 per cent, officials confirmed on Thursday.",
            "The library's budget was cut by 18 per cent.", limit=12)
    -> "…after the council cut its budget by 18 per cent…"

A sentence of `limit` words or fewer is given whole. Otherwise the clause sharing the most words with the claim is
kept, with the clauses beside it that share words with it too while they fit (or, when the claim rests on them as
much, up to half as much again). A clause is never cut: a note that stops at "…from Space Launch…" or opens on a
subject alone ("Neighbour Alan Pryce…") reads as a stumble, not a quotation; one too long for a note is not
quoted at all (None), and the note names where it stands instead. A cut is marked with an
ellipsis. A quotation inside the sentence is one unit: it is given whole or not at all, so a note never shows part
of what someone said as if it were all.

Clauses end at a semicolon, colon or dash, at the comma that closes a quotation ("“…,” Rutte told reporters"), and
before a word that opens a clause ("but", "while", "after the council cut ..."). A plain comma ends none: it may
close an item of a list ("ocean health, air quality, and ...") or a name's apposition ("Alan Pryce, a neighbour,
said ..."), which belong to their clause.
"""

from __future__ import annotations

import re

# A quotation in curly or straight marks, with the punctuation that closes it, or one word.
# An apostrophe (Putin’s) closes no quotation.
_UNIT = re.compile(r"“[^”]*”\S*|‘(?:[^’]|’(?=\w))*’\S*|\"[^\"]*\"\S*|\S+")
_STRONG_END = re.compile(r"[;:—–][”’\"]?$")
_QUOTATION_END = re.compile(r"^[“‘\"].*[,;:][”’\"]$|^[“‘\"].*[”’\"][,;:]$")  # "“… security,”" ends a clause
_STOP = {"that", "this", "with", "from", "have", "were", "said", "they", "their", "would", "been", "which", "after"}
# Words that open a clause of their own: "... did not deny it | and said ...", "... in Russia | but said ...".
_OPENS_CLAUSE = {"but", "while", "whereas", "although", "though", "yet", "because", "and said", "and that",
                 "and added"}
# Words that open a clause only before a subject ("after the council cut ...", not "after launch").
_OPENS_BEFORE_SUBJECT = {"after", "before", "since", "until", "when", "where", "if", "unless"}
_SUBJECT_START = re.compile(r"(?:the|a|an|its|his|her|their|our|this|these|those|he|she|it|they|we|[A-Z]\S*)$")
# "five years after the ...", "shortly before the ...": a time the clause before it needs, not a new clause.
_TIME_BEFORE = {"years", "months", "weeks", "days", "hours", "minutes", "shortly", "soon", "just", "long",
                "immediately", "moments", "year", "month", "week", "day", "hour", "minute"}
_SHORTEST_CLAUSE = 4  # "before the vote." is a phrase; "after the council cut its budget" a clause
# "..., and it is no longer capable of flight": after a comma, "and" or "but" before a pronoun opens a clause.
_PRONOUNS = {"i", "he", "she", "it", "we", "they", "there"}
# "..., the company said Wednesday.", "..., according to a study": the attribution is a clause of its own.
_SAYING = {"said", "says", "told", "added", "announced", "confirmed", "according", "reported", "wrote", "stated"}
_NOT_PARTICIPLES = {"including", "during", "according", "morning", "evening", "building", "spring", "king", "thing",
                    "nothing", "something", "anything", "everything", "meeting", "funding", "training", "housing"}
_NAME_JOINERS = {"of", "the", "and", "for", "de", "van", "der", "von", "la", "le", "du", "&"}
# A sentence that opens with a subordinate or participial phrase ("While ...,", "Originally designed ...,")
# has its main clause after the first comma.
_SUBORDINATE_START = re.compile(r"(?:while|although|though|after|before|when|if|since|because|as|once|unless|"
                                r"\w+ly|\w+ed|\w+ing)$", re.IGNORECASE)


def _content(words: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9][a-z0-9'’-]{3,}", words.lower()) if word not in _STOP}


def _opens_clause(units: list[str], index: int) -> bool:
    """Whether units[index] opens a clause of its own."""
    word = units[index].lower()
    two = " ".join(units[index : index + 2]).lower()
    if word in _OPENS_CLAUSE or two in _OPENS_CLAUSE:
        return two not in ("but not", "yet not")  # "supported the aim but not the hours": one clause
    if word not in _OPENS_BEFORE_SUBJECT or index + 1 >= len(units) or units[index - 1].lower() in _TIME_BEFORE:
        return False
    rest = units[index + 1 :]
    until_pause = next((number for number, unit in enumerate(rest, start=1) if unit[-1:] in ",;:.—–"), len(rest))
    return _SUBJECT_START.match(rest[0]) is not None and until_pause >= _SHORTEST_CLAUSE


def _after_comma(units: list[str], index: int, start: int, opening: bool) -> bool:
    """Whether the comma ending units[index] ends a clause: an opening phrase's; the one before "and it", "but
    they", a participle ("calling it ...") or an attribution ("the company said Wednesday"); or the one before a
    relative clause ("..., which will install ...") when what comes before it is more than a name."""
    following = [unit.lower().strip("“‘\"") for unit in units[index + 1 : index + 6]]
    if opening or not following:
        return opening
    if len(following) > 1 and following[0] in ("and", "but", "or") and following[1] in _PRONOUNS:
        return True
    if following[0].endswith("ing") and following[0] not in _NOT_PARTICIPLES:
        return True
    if following[0] in ("which", "who", "whose"):
        return not _only_a_name(units[start : index + 1])
    until_pause = next((number for number, unit in enumerate(following, start=1) if unit[-1:] in ",;:"),
                       len(following))
    # "..., the company said": an attribution of its own; "The cathaoirleach, Cllr X, said he ...": the predicate.
    return following[0] == "according" or any(word.rstrip(".,") in _SAYING for word in following[1:until_pause])


def _only_a_name(units: list[str]) -> bool:
    """'Neighbour Alan Pryce,', 'The Friends of Millbrook Library,': capitalised words, joined by small ones."""
    return all(unit[:1].isupper() or unit in _NAME_JOINERS for unit in units)


def _clauses(units: list[str]) -> list[tuple[int, int]]:
    """(first unit, one past the last) of each clause."""
    spans, start = [], 0
    opening = bool(units) and _SUBORDINATE_START.match(units[0]) is not None  # "While ..." up to its comma
    for index, unit in enumerate(units):
        ends = _STRONG_END.search(unit) or _QUOTATION_END.match(unit) or (
            unit.endswith(",") and _after_comma(units, index, start, opening))
        if unit.endswith(","):
            opening = False
        if ends or index == len(units) - 1 or _opens_clause(units, index + 1):
            spans.append((start, index + 1))
            start = index + 1
    return spans


def _length(units: list[str], start: int, end: int) -> int:
    return sum(len(unit.split()) for unit in units[start:end])


def excerpt(sentence: str, claim: str, limit: int = 14, longest: int = 28) -> str | None:
    """The clauses of `sentence` that share the most words with `claim`, within about `limit` words; None when
    the clause the claim rests on is itself longer than `longest`: the note then points to it."""
    units = _UNIT.findall(sentence)
    if _length(units, 0, len(units)) <= limit:
        return sentence
    wanted = _content(claim)
    clauses = _clauses(units)
    scores = [len(_content(" ".join(units[start:end])) & wanted) for start, end in clauses]
    best = max(range(len(clauses)), key=lambda index: (scores[index], -index))
    if _length(units, *clauses[best]) > longest:  # pointed to, never cut
        return None
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
