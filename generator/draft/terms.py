"""Quoted words that are nobody's speech: a scare quote (These power “brownouts” ...), a title or a nickname.

The draft lists them under `terms`, each with a review marker, instead of giving them to a speaker nobody named.
Two shapes, each read from the words' own sentence (or from the quotation that holds them):
- named as a name or a title: "nicknamed “the Rocket”", "a report titled “…”", "the so-called “…”", "the embankment
  that residents call “the Long Wall”";
- a short noun phrase in the middle of a sentence that has no verb of saying and names no speaker (nor "he",
  "she", "they" or "her") before it, and whose speaker the draft only carried over from an earlier quote: "These power
  “brownouts” required the team to ...". "Okonjo was “gutted”" reads as his words, and stays a quote.
Everything else stays a quote: "Rutte called it “a significant escalation”", "telling the committee it was a
‘statutory nuisance’", "“Nobody answered.”" (a sentence of its own). Words quoted twice are a term only if every
place quotes them so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..article.quotations import Quotation
from ..article.source import SourceText
from .attribution import REACH_BEFORE, VERB, Q, Spans, frame_of
from .people import Speaker
from .reported import DraftQuote, DraftStatement

# A scare quote is a few words; a title of a work, in title case, may be longer.
TERM_MAX_WORDS, TITLE_MAX_WORDS = 4, 12
# Words that present what follows as a name or a title, not as anyone's words: "nicknamed", "known locally as",
# and a name in use, in the present "call" of a relative clause ("the embankment that residents call", "the line,
# which the company calls its") or of one's own thing ("a scheme the council calls its"); "which she called" is
# what she said once, and stays speech.
NAMING = re.compile(r"\b(?:so-called|dubbed|nicknamed|known(?: \w+ly)? as|titled|entitled|named|code-?named|"
                    r"billed as|referred to as|(?:that|which|what)(?: [\w’'-]+){1,4} calls? (?:it |its |their )?|"
                    r"calls? (?:its|their) )"
                    r"[\s,]*$", re.IGNORECASE)
NAMING_REACH = 60  # characters before the quotation read for those words
# The verbs of saying in the forms attribution.VERB does not read (it looks for who spoke, in the past or present
# tense): "telling the committee it was a ‘statutory nuisance’", "critics call it “rushed”".
SAYING = re.compile(
    r"\b(?:say|saying|tell|telling|add|adding|write|writing|call|calling|describe|describing|warn|warning|"
    r"urge|urging|claim|claiming|argue|arguing|insist|insisting|accuse|accusing|dismiss|dismissing|brand|"
    r"branded|branding|label|labelled|labeled|labelling|labeling|term|termed|announce|announcing|declare|"
    r"declaring|deny|denying|promise|promising|vow|vowing|admit|admitting|note|noting|stress|stressing|"
    r"complain|complaining|criticise|criticize|criticising|criticizing|reply|replying|answer|answering|"
    r"ask|asking|quote|quoted|quoting|post|posting|tweet|tweeting|blame|blamed|blaming|cite|cited|citing)\b",
    re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", "…")
_MINOR_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"))


@dataclass(frozen=True)
class DraftTerm:
    passage: Quotation
    why: str
    source: str = ""  # the id of the further source it is from; "" for the article


def separate_terms(quotes: list[DraftQuote], statements: list[DraftStatement], passages: Sequence[Quotation],
                   source: SourceText, speakers: Sequence[Speaker]) -> tuple[list[DraftQuote], list[DraftTerm]]:
    """The quotes that are speech, and the terms among what was read as quotes (taken out of the statements too).

    `passages` are every quotation found, the same words quoted twice included; `speakers`, everyone the article
    gives words to."""
    reader = _Reader(source, passages, speakers)
    places: dict[str, list[Quotation]] = {}
    for passage in passages:
        places.setdefault(passage.words, []).append(passage)
    kept: list[DraftQuote] = []
    terms: list[DraftTerm] = []
    for quote in quotes:
        why = _why_a_term(quote, places.get(quote.passage.words, [quote.passage]), reader)
        if why:
            terms.append(DraftTerm(quote.passage, why))
        else:
            kept.append(quote)
    taken = {id(term.passage) for term in terms}
    for statement in statements:
        statement.quotes = [quote for quote in statement.quotes if id(quote.passage) not in taken]
    return kept, terms


def _why_a_term(quote: DraftQuote, places: list[Quotation], reader: _Reader) -> str | None:
    if not _noun_phrase(quote.passage):
        return None
    if all(reader.named(place) for place in places):
        return ("quoted words presented as a name or a title, not as anyone's words: a term; move it to quotes, "
                "with its speaker, if someone is quoted saying it")
    if not quote.direct and all(reader.named(place) or reader.unspoken(place) for place in places):
        return ("quoted words with no verb of saying and nobody named as saying them in their sentence: taken for "
                "a term (a scare quote, a title or a nickname); move it to quotes, with its speaker, if it is speech")
    return None


def _noun_phrase(passage: Quotation) -> bool:
    """Words that can be a term: not a sentence of their own, and a few words, or a longer title in title case."""
    text = passage.text.rstrip()
    words = passage.words.split()
    if not words or text.endswith(_SENTENCE_END) or "\n" in text:
        return False
    title_case = all(word[:1].isupper() or word[:1].isdigit() for word in words if word.lower() not in _MINOR_WORDS)
    return len(words) <= TERM_MAX_WORDS or title_case and len(words) <= TITLE_MAX_WORDS


class _Reader:
    """Each quotation's sentence with every quotation in it replaced by Q (inside a quotation that holds it, that
    quotation's words), each read once however many quotations it holds."""

    def __init__(self, source: SourceText, passages: Sequence[Quotation], speakers: Sequence[Speaker]) -> None:
        self.source = source
        surnames = sorted({re.escape(speaker.surname) for speaker in speakers if speaker.surname})
        people = r"(?i:he|she|they|him|them|his|her|their)"  # "in her words, “a disgrace”"
        self.someone = re.compile(r"\b(?:" + people + "".join(f"|{name}" for name in surnames) + r")\b")
        ordered = sorted(passages, key=lambda p: (p.opening, -p.end))
        self.enclosing: dict[int, Quotation] = {}  # id of a passage -> the quotation that holds it, if any
        holders: list[Quotation] = []
        for passage in ordered:
            while holders and holders[-1].end < passage.end:
                holders.pop()
            if holders:
                self.enclosing[id(passage)] = holders[-1]
            holders.append(passage)
        holding = {id(holder) for holder in self.enclosing.values()}
        self.spans = Spans((p.opening, p.end + 1) for p in passages)
        self.inner_spans = Spans((p.opening, p.end + 1) for p in passages if id(p) not in holding)
        self.frames: dict[tuple[int, int, bool], str] = {}
        self.without_saying: dict[str, bool] = {}

    def named(self, passage: Quotation) -> bool:
        return bool(NAMING.search(self.source.text, max(0, passage.opening - NAMING_REACH), passage.opening))

    def unspoken(self, passage: Quotation) -> bool:
        """Words in the middle of a sentence that has no verb of saying and names nobody who speaks just before them
        (within `REACH_BEFORE` characters: a sentence of a thousand quotations is not read again for each)."""
        start, _, frame = self._frame(passage)
        if frame not in self.without_saying:
            self.without_saying[frame] = bool(re.search(r"\w", frame.replace(Q, ""))) and \
                not VERB.search(frame) and not SAYING.search(frame)
        return self.without_saying[frame] and \
            not self.someone.search(self.source.text, max(start, passage.opening - REACH_BEFORE), passage.opening)

    def _frame(self, passage: Quotation) -> tuple[int, int, str]:
        holder = self.enclosing.get(id(passage))
        if holder is not None:
            start, end, spans = holder.start, holder.end, self.inner_spans
        else:
            region = self.source.sentences_between(passage.opening, passage.end + 1)
            start, end = (region[0].start, region[-1].end) if region else (passage.opening, passage.end + 1)
            spans = self.spans
        key = (start, end, holder is not None)
        if key not in self.frames:
            self.frames[key] = frame_of(self.source.text, start, end, spans)
        return start, end, self.frames[key]
