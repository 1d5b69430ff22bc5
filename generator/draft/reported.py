"""Who said what, sentence by sentence: quotations with their speakers, and sentences of reported speech.

Sentences are read in order, so that "he said" means the last person named before it (who is named where is
noted by mentions.py).
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import re
from dataclasses import dataclass, field

from ..article.quotations import Quotation
from ..article.source import Sentence, SourceText
from .attribution import REACH_AFTER, REACH_BEFORE, Attribution, Q, Spans, attributions, frame_of
from .mentions import note_names, note_subject
from .names import looks_like_name
from .people import Cast, Speaker, names_them
from .pronouns import OTHER


@dataclass
class DraftQuote:
    passage: Quotation
    speaker: Speaker | None
    speaker_why: str
    how: str
    where: str | None
    frame: str = ""  # its sentences with every quotation replaced by Q
    direct: bool = False  # the speaker comes from an attribution in the quotation's own sentences or paragraph
    attribution_frame: str = ""  # the sentence its speaker was read from, when not its own (Q for quotations)
    date: dt.date | None = None
    date_why: str = ""
    id: str = ""
    source: str = ""  # the id of the further source it is from; "" for the article
    named: bool = False  # its attribution names the speaker ("Tate said"), rather than points to them ("she said")
    date_sure: bool = False  # dated by its own words ("said on Monday"): no marker needed


@dataclass
class DraftStatement:
    sentence: Sentence
    speaker: Speaker
    evidence: str
    frame: str
    date: dt.date | None
    date_why: str
    quotes: list[DraftQuote] = field(default_factory=list)
    id: str = ""
    speaker_note: str = ""  # how the speaker was told from the words, where they alone do not name them
    source: str = ""  # the id of the further source it is from; "" for the article
    named: bool = False  # its attribution names the speaker ("Tate said"), rather than points to them ("she said")
    date_sure: bool = False  # dated by its own words ("said on Monday"): no marker needed


def read_sentences(text: str, source: SourceText, passages: list[Quotation], cast: Cast,
                    body_start: int) -> tuple[list[DraftQuote], list[DraftStatement]]:
    """Every quotation with its speaker, and every sentence of reported speech, reading the body's sentences in
    order; a quotation is read once its sentence has been."""
    spans = Spans((p.opening, p.end + 1) for p in passages)
    quotes = _Read(text)
    statements: list[DraftStatement] = []
    by_end = sorted(passages, key=lambda p: p.end)
    headline_quotes = [p for p in by_end if p.end < body_start]
    pending = collections.deque(p for p in by_end if p.end >= body_start)
    quotes.holders = _holders(passages)
    for sentence in source.sentences:
        if sentence.end <= body_start:
            continue
        frame = frame_of(text, sentence.start, sentence.end, spans)
        _note_everyone_named(frame, cast)
        statement = _statement(sentence, frame, cast, source)
        if statement:
            statements.append(statement)
        while pending and pending[0].end <= sentence.end:
            passage = pending.popleft()
            quote = _quote(text, source, passage, spans, cast, quotes)
            quotes.append(quote)
            if statement and statement.sentence.start <= passage.opening < statement.sentence.end:
                statement.quotes.append(quote)
    for passage in [*pending, *headline_quotes]:  # quotations outside any sentence, or in the headline
        quotes.append(_quote(text, source, passage, spans, cast, quotes))
    drafted = sorted(quotes, key=lambda q: q.passage.start)
    _attribute_whole_quotations(drafted)
    return drafted, statements


def _note_everyone_named(frame: str, cast: Cast) -> None:
    """Everyone a sentence names, speaking or not, and everyone it names as saying something, for "he said" and
    "the union" in a sentence after it."""
    note_names(frame, cast)
    note_subject(frame, cast)
    for found in attributions(frame):
        if not found.phrase.pronoun:
            cast.resolve(found.phrase, found.evidence)


class _Read(list[DraftQuote]):
    """The quotes read so far, in the order read, with what is asked of them for each new one answered without
    reading them all again (that made a long article's draft quadratic in its quotations)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.breaks = [match.start() for match in re.finditer(r"(?=\n\n)", text)]  # every blank line's offset
        self.spoken: list[DraftQuote] = []  # those with a speaker
        self.in_text_order = True  # whether `spoken` is in the order of the article, as sentences are read
        # Sentence index -> the first attribution from it to its paragraph's end: each sentence is read once
        # however many quotations before it look for one (a long paragraph of them read the rest again for each).
        self.later: dict[int, tuple[Attribution, str] | None] = {}
        # (start, end) of some sentences -> their frame, attributions and where the frame's quotations stand: a
        # sentence of a thousand quotations is read once, not once per quotation.
        self.regions: dict[tuple[int, int], tuple[str, list[Attribution], list[int]]] = {}
        self.holders: dict[int, Quotation] = {}  # id() of a quotation inside another -> the one that holds it

    def region(self, text: str, start: int, end: int, spans: Spans) -> tuple[str, list[Attribution], list[int]]:
        if (start, end) not in self.regions:
            frame = frame_of(text, start, end, spans)
            self.regions[(start, end)] = (frame, attributions(frame), [m.start() for m in re.finditer(Q, frame)])
        return self.regions[(start, end)]

    def append(self, quote: DraftQuote) -> None:
        super().append(quote)
        if quote.speaker and id(quote.passage) not in self.holders:  # one quoted inside another is not "before" it
            if self.spoken and quote.passage.opening < self.spoken[-1].passage.opening:
                self.in_text_order = False
            self.spoken.append(quote)

    def last_spoken(self, after: int = -1) -> DraftQuote | None:
        """The last quote read with a speaker, of those whose quotation opens after `after`."""
        for quote in reversed(self.spoken):
            if quote.passage.opening > after:
                return quote
            if self.in_text_order:  # every one before it opens earlier still
                return None
        return None

    def paragraph_start(self, offset: int) -> int:
        """Where the last blank line before `offset` starts, or -1: what text.rfind of two line breaks gives."""
        index = bisect.bisect_right(self.breaks, offset - 2) - 1
        return self.breaks[index] if index >= 0 else -1

    def paragraph_end(self, offset: int) -> int:
        """Where the first blank line from `offset` on starts, or -1: what text.find of two line breaks gives."""
        index = bisect.bisect_left(self.breaks, offset)
        return self.breaks[index] if index < len(self.breaks) else -1


def _attribute_whole_quotations(quotes: list[DraftQuote]) -> None:
    """A quotation over several paragraphs is often attributed only in its last one: every part gets that."""
    chain: list[DraftQuote] = []
    for quote in [*quotes, None]:
        if quote is not None and quote.passage.continues and chain:
            chain.append(quote)
            continue
        attributed = next((part for part in chain if part.direct), None)
        for part in chain:
            if attributed and not part.direct and part.speaker is not attributed.speaker:
                part.speaker, part.how, part.where = attributed.speaker, attributed.how, attributed.where
                part.attribution_frame = _attributed_in(attributed)
                part.speaker_why = f"the same quotation, attributed in another paragraph: {attributed.speaker_why}"
        chain = [quote] if quote is not None else []


def _statement(sentence: Sentence, frame: str, cast: Cast, source: SourceText) -> DraftStatement | None:
    for found in attributions(frame):
        if found.reported and (not found.phrase.pronoun or cast.last_person or cast.named_people):
            speaker = cast.resolve(found.phrase, found.evidence)
            if speaker:
                evidence = in_article_marks(found.evidence, source.text, sentence.start, sentence.end)
                note = f"'{found.phrase.name}' taken to be {speaker.name}, {cast.pronoun_why}" \
                    if found.phrase.pronoun in OTHER else ""
                return DraftStatement(sentence, speaker, evidence, frame, None, "", speaker_note=note,
                                      named=names_them(found.phrase, speaker))
    return None


def _quote(text: str, source: SourceText, passage: Quotation, spans: Spans, cast: Cast,
           earlier: _Read) -> DraftQuote:
    quote = _attributed_quote(text, source, passage, spans, cast, earlier)
    region = source.sentences_between(passage.opening, passage.end + 1)
    if region:
        quote.frame = earlier.region(text, region[0].start, region[-1].end, spans)[0]
    return quote


def _holders(passages: list[Quotation]) -> dict[int, Quotation]:
    """id() of each quotation inside another -> the quotation that holds it."""
    held: dict[int, Quotation] = {}
    open_ones: list[Quotation] = []
    for passage in sorted(passages, key=lambda p: (p.opening, -p.end)):
        while open_ones and open_ones[-1].end < passage.end:
            open_ones.pop()
        if open_ones:
            held[id(passage)] = open_ones[-1]
        open_ones.append(passage)
    return held


def _attributed_inside(text: str, passage: Quotation, holder: Quotation, cast: Cast) -> DraftQuote | None:
    """A quotation inside another, attributed by the words around it there: ‘When the council’s letter called our
    chimney “wholly unacceptable”, I ...’ is the council's."""
    start = max(holder.start, passage.opening - REACH_BEFORE)  # the words near it, however long the holder is
    start = text.find(" ", start, passage.opening) + 1 if start > holder.start else start
    end = min(holder.end, passage.end + 1 + REACH_AFTER)
    end = text.rfind(" ", passage.end + 1, end) if end < holder.end and " " in text[passage.end + 1 : end] else end
    frame = frame_of(text, start, end, Spans([(passage.opening, passage.end + 1)]))
    chosen = _nearest(attributions(frame), frame.find(Q))
    speaker = cast.resolve(chosen.phrase, chosen.evidence) if chosen and not chosen.phrase.pronoun else None
    if chosen is None or speaker is None:
        return None
    why = f"from the words '{chosen.evidence}' in the quotation that holds it"
    return DraftQuote(passage, speaker, why, chosen.how, chosen.where, direct=True)


def _attributed_quote(text: str, source: SourceText, passage: Quotation, spans: Spans, cast: Cast,
                      earlier: _Read) -> DraftQuote:
    """A quotation with its speaker and why: from the words around it, else the quote before it in its paragraph,
    else an attribution later in the paragraph, else the quote before it; or with no speaker at all."""
    holder = earlier.holders.get(id(passage))
    inside = _attributed_inside(text, passage, holder, cast) if holder else None
    if inside:
        return inside
    beside = _attributed_beside(text, source, passage, spans, cast, earlier)
    if beside:
        return beside
    previous = earlier.last_spoken(after=earlier.paragraph_start(passage.opening))
    if previous:
        return DraftQuote(passage, previous.speaker, "no attribution beside it; the speaker of the quote before it "
                          "in the same paragraph", previous.how, previous.where,
                          attribution_frame=_attributed_in(previous))
    return _attributed_later(text, source, passage, spans, cast, earlier) or \
        _as_quote_before(passage, earlier.last_spoken())


def _attributed_beside(text: str, source: SourceText, passage: Quotation, spans: Spans, cast: Cast,
                       earlier: _Read) -> DraftQuote | None:
    """A quotation attributed in its own sentences, by the attribution nearest to it ("Q, Rutte said")."""
    region = source.sentences_between(passage.opening, passage.end + 1)
    start, end = (region[0].start, region[-1].end) if region else (passage.opening, passage.end + 1)
    _, found, quotations = earlier.region(text, start, end, spans)
    before = bisect.bisect_left(spans.openings, passage.end + 1) - bisect.bisect_right(spans.closed_by, start)
    target = quotations[before - 1] if 0 < before <= len(quotations) else -1  # where this quotation's Q stands
    chosen = _nearest(found, target)
    if chosen is None:
        return None
    speaker = cast.resolve(chosen.phrase, chosen.evidence)
    if not speaker:
        return None
    evidence = in_article_marks(chosen.evidence, text, start, end)
    return DraftQuote(passage, speaker, _why_beside(chosen, speaker, evidence, cast), chosen.how, chosen.where,
                      direct=True, named=names_them(chosen.phrase, speaker))


def _why_beside(chosen: Attribution, speaker: Speaker, evidence: str, cast: Cast) -> str:
    """Why a quote is given to its speaker, saying whom a pronoun or a title was taken to be."""
    if chosen.phrase.pronoun in OTHER:
        return f"'{chosen.phrase.name}' taken to be {speaker.name}, {cast.pronoun_why}: from '{evidence}'"
    if chosen.phrase.pronoun:
        return f"'{chosen.phrase.name}' taken to be the last named: from '{evidence}'"
    if speaker.kind == "person" and not looks_like_name(chosen.phrase.name) and looks_like_name(speaker.name):
        return f"'{chosen.phrase.name}' taken to be {speaker.name}, who holds that title: from '{evidence}'"
    return f"from the words '{evidence}'"


def _attributed_later(text: str, source: SourceText, passage: Quotation, spans: Spans, cast: Cast,
                      earlier: _Read) -> DraftQuote | None:
    """A quotation attributed in a sentence after it in its paragraph."""
    found_later = _attribution_later_in_paragraph(text, source, passage, spans, earlier)
    if not found_later:
        return None
    later, later_frame = found_later
    speaker = cast.resolve(later.phrase, later.evidence)
    if not speaker:
        return None
    paragraph_end = earlier.paragraph_end(passage.end)
    evidence = in_article_marks(later.evidence, text, passage.end, len(text) if paragraph_end < 0 else paragraph_end)
    return DraftQuote(passage, speaker, f"from the words '{evidence}' later in the paragraph",
                      later.how, later.where, direct=True, attribution_frame=later_frame)


def _as_quote_before(passage: Quotation, previous: DraftQuote | None) -> DraftQuote:
    """A quotation with no attribution in its paragraph: the speaker of the quote before it, or nobody."""
    if not previous:
        return DraftQuote(passage, None, "no attribution found", "said", None)
    why = "continues the quotation of the paragraph before" if passage.continues else \
        "no attribution in its paragraph; the speaker of the quote before it"
    return DraftQuote(passage, previous.speaker, why, previous.how, previous.where,
                      attribution_frame=_attributed_in(previous))


def _nearest(found: list[Attribution], target: int) -> Attribution | None:
    """The attribution closest to the quotation, preferring one just after it ("Q, Rutte said")."""
    usable = [a for a in found if a.phrase]
    if not usable:
        return None
    return min(usable, key=lambda a: (0 if 0 <= a.verb_at - target <= 40 else 1, abs(a.verb_at - target)))


def _attributed_in(quote: DraftQuote) -> str:
    """The sentence a quote's attribution stands in: its own, or the one it took its speaker from."""
    return quote.attribution_frame or quote.frame


def _attribution_later_in_paragraph(text: str, source: SourceText, passage: Quotation, spans: Spans,
                                    earlier: _Read) -> tuple[Attribution, str] | None:
    """The first attribution in a sentence after the quotation, in its paragraph."""
    paragraph_end = earlier.paragraph_end(passage.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    sentences = source.sentences
    first = source.first_from(passage.end)
    read: list[int] = []  # sentences read here, all of which have the answer found
    found: tuple[Attribution, str] | None = None
    for index in range(first, len(sentences)):
        if sentences[index].start >= paragraph_end:
            break
        if index in earlier.later:
            found = earlier.later[index]
            break
        read.append(index)
        frame = frame_of(text, sentences[index].start, sentences[index].end, spans)
        attributed = attributions(frame)
        if attributed:
            found = attributed[0], frame
            break
    earlier.later.update(dict.fromkeys(read, found))
    return found


_SHOWN_QUOTATION = "“…”"  # how an attribution's words show a quotation, whatever marks the article uses


def in_article_marks(evidence: str, text: str, start: int, end: int) -> str:
    """The attribution's words with each quotation shown in the article's own marks: '"…" Beale told the meeting.'

    The words are found again in text[start:end] (spaces may differ); if they are not, they are left as they are.
    A quotation is taken to hold no double mark, so that each try stops at the next one (no quadratic search).
    """
    if _SHOWN_QUOTATION not in evidence:
        return evidence
    pattern = []
    for number, piece in enumerate(evidence.split(_SHOWN_QUOTATION)):
        if number:
            pattern.append(rf"\s*(?P<open{number}>[“\"‘'])[^“”\"]*?(?P<close{number}>[”\"’']?)\s*")
        pattern.append(r"\s*".join(re.escape(char) for char in piece if not char.isspace()))
    match = re.compile("".join(pattern)).search(text, start, end)
    if match is None:
        return evidence
    shown = iter(match.group(f"open{n}") + "…" + match.group(f"close{n}")
                 for n in range(1, evidence.count(_SHOWN_QUOTATION) + 1))
    return re.sub(_SHOWN_QUOTATION, lambda _: next(shown), evidence)
