"""Whom a description of a speaker stands for, where the text says: "the company" after "Northwind Assembly ...
said", "a spokesperson" after the county office said something, "Veltrany's main opposition party" where the text
elsewhere writes "the opposition Renewal Front".

Only a description of one speaker that points back ("the company", "its spokesman", "Veltrany's main opposition
party") or speaks for a body ("a spokesperson") is read so; a group ("critics", "some residents") or someone new ("a
resident") stands for nobody named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..draft.names import ORGANISATION_WORDS, read_phrase
from .quoted import Attributed, QuotedPassages, names_someone
from .speaker_fit import SPOKESPEOPLE, description_words, many

_POINTING = frozenset(("the", "this", "that", "its", "his", "her", "their"))
# A capitalised name just after a word of the description, elsewhere in the text: "the opposition Renewal Front".
_NAME_AFTER = r"\b(?i:{})\s+((?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*)"


def with_referents(passages: QuotedPassages, offset: int, speakers: Sequence[Attributed]) -> tuple[Attributed, ...]:
    """The speakers, each description among them followed by whom it may stand for, read back from `offset`."""
    found: list[Attributed] = []
    for speaker in speakers:
        found.append(speaker)
        if not speaker.named and not speaker.pronoun and not speaker.described:
            found += referents(passages, offset, speaker)
    return tuple(found)


def referents(passages: QuotedPassages, offset: int, description: Attributed) -> list[Attributed]:
    """Whom a description may stand for: those named (or described) as speaking just before, of its kind; else a name
    the text writes after one of its words elsewhere."""
    words = description_words(description.name)
    if not words or many(words):
        return []
    head = words[-1]
    body = head in ORGANISATION_WORDS or head in SPOKESPEOPLE
    possessive = bool(re.search(r"\w[’']s\b", description.name))
    if not (words[0] in _POINTING or possessive or head in SPOKESPEOPLE):
        return []
    before = passages.named_before(offset, "it" if body else "they", also_mentioned=True)
    found = [Attributed(each.name, each.evidence, each.named, None, described=description.name) for each in before]
    return found or _named_elsewhere(passages, description, words[:-1])


def _named_elsewhere(passages: QuotedPassages, description: Attributed, words: list[str]) -> list[Attributed]:
    """"Veltrany's main opposition party" and, elsewhere, "the opposition Renewal Front": the name after its word."""
    found: list[Attributed] = []
    for word in (word for word in words if len(word) > 3 and word not in _POINTING):
        for match in re.finditer(_NAME_AFTER.format(re.escape(word)), passages.source.text):
            phrase = read_phrase(match.group(1))
            if phrase and names_someone(phrase):
                found.append(Attributed(phrase.name, match.group(), True, None, described=description.name))
    return found
