"""Whose own words a quotation is, as its source gives them: a quote is a speaker's only where a verb of saying, a
colon after them or a pronoun that stands for them gives it to them, never merely because the words are in the text.

- The verb nearest the quotation decides (generator/article/introducers.py): "critics had called the plan “…”" gives
  the words to critics, even in a sentence that Harrison's "said" opens.
- Words a denial disowns ("Balance denied that he had ever called the program “…”", "“…,” Harrison did not say") are
  nobody's; so are a sign's or a banner's ("A sign read “…”"). A document speaks for its owner ("the council’s letter
  called it “…”", "its statement said").
- A sentence of quoted words alone speaks in the voice of the sentence before it in its paragraph (“…,” said X.
  “…”), of the next one (“…” The promise came from X), or of the last of the paragraph before ("X told the
  committee: ⏎⏎ “…”"); a part of a quotation over paragraphs in the voice of its other parts; a quotation inside
  another, in the voice of the words around it.
"""

from __future__ import annotations

import functools

from ..draft.attribution import Q, Spans, attributions, frame_of
from .further import OwnWords
from .introduced import Framed, Refusal, Voicing, introduced, refused, speakers_of
from .introducers import denial, described_as, introducer, words_of
from .quoted import Attributed, QuotedPassages, Span, by_verb, opening_name
from .referents import with_referents
from .source import Sentence

# How many sentences a quotation may borrow its voice across: "“A,” X said. “B.” “C.”".
BORROWING_REACH = 3


def voicing(passages: QuotedPassages, span: Span, reach: int = BORROWING_REACH) -> Voicing:
    """Whose own words the source makes the words at `span`, which lie inside a passage it quotes."""
    given = passages.attributed(span)
    if isinstance(passages, OwnWords) and not passages.quotes_at(span):  # a statement's own words: its speaker's
        return Voicing(tuple(given), unchecked=passages.voice is None)
    framed = _framed(passages, span)
    found = _read(passages, framed, given) if framed else None
    if found is None and framed is not None and reach > 0:
        if framed.outer is not None:  # “We were told ‘a few days’”: the words of the one quoting
            return voicing(passages, framed.outer, reach - 1)
        found = _borrowed(passages, span, reach - 1) if _alone(framed) else None
    if found is not None and framed is not None and found.speakers:  # "the company": whom it stands for, too
        found = Voicing(with_referents(passages, framed.start, found.speakers))
    return _placed(found or Voicing(), passages.where(span.start))


def _placed(found: Voicing, where: str) -> Voicing:
    """The voicing with its refusal placed at the quotation; a "he" that stands for nobody named is nobody."""
    if found.speakers or found.unchecked:
        return found
    refusal = found.refusal or Refusal("nobody", "", "")
    return Voicing(refusal=Refusal(refusal.kind, refusal.who, refusal.evidence, where))


def _framed(passages: QuotedPassages, span: Span) -> Framed | None:
    """The quotation's sentences as a frame; for one quoted inside another, the words of the one around it."""
    outer = passages.enclosing(span)
    if outer is not None:
        inner = passages.marks_within(outer[0] + 1, outer[1] - 1)
        text = frame_of(passages.source.text, outer[0] + 1, outer[1] - 1, Spans(inner))
        ours = sum(1 for marks in inner if marks[0] < span.start)
        return Framed(text, outer[0] + 1, _nth_quotation(text, ours - 1), by_verb(attributions(text)),
                      Span(outer[0] + 1, outer[1] - 1))
    region = passages.region_of(span)
    if region is None:
        return None
    start, end, ours = region
    text, _, quotations = passages.read_region(start, end)
    return Framed(text, start, quotations[ours], passages.verbs_in_region(start, end)) \
        if 0 <= ours < len(quotations) else None


def _nth_quotation(text: str, number: int) -> int:
    at = -1
    for _ in range(number + 1):
        at = text.find(Q, at + 1)
    return at


def _read(passages: QuotedPassages, framed: Framed, given: list[Attributed]) -> Voicing | None:
    """What the quotation's own sentence says of whose words it is; None where it says nothing. A denial first, then
    words owned outright ("in her words"), the nearest verb, the attribution reader's, a verb further off, and last
    the subject the words describe ("Quill was “gutted”")."""
    denied = denial(framed.text, framed.at)
    if denied is not None:
        return refused(framed, denied, "denied")
    owner = words_of(framed.text, framed.at)
    if owner is not None:
        return introduced(passages, framed, owner)
    nearest = introducer(framed.text, framed.at)
    decided = introduced(passages, framed, nearest) if nearest else None
    if decided is not None:
        return decided
    if given:
        return Voicing(tuple(given))
    loose = introducer(framed.text, framed.at, strict=False)
    decided = introduced(passages, framed, loose) if loose else None
    state = described_as(framed.text, framed.at) if decided is None else None
    return introduced(passages, framed, state) if state else decided


def _alone(framed: Framed) -> bool:
    """A sentence of quoted words alone: nothing but marks, spaces and punctuation outside its quotations."""
    return _quotations_alone(framed.text)


@functools.lru_cache(maxsize=64)
def _quotations_alone(text: str) -> bool:
    """Read once per sentence, however many quotations it holds."""
    return not text.replace(Q, "").strip(" .,;:!?—–-()")


def _borrowed(passages: QuotedPassages, span: Span, reach: int) -> Voicing | None:
    """The voice of the quotation's other parts over paragraphs, else of the sentences around it."""
    chain = passages.parts_of(span) or [span]
    for part in sorted(chain, key=lambda part: (abs(part.start - span.start), part.start > span.start)):
        framed = _framed(passages, part) if part.start != span.start else None
        own = _read(passages, framed, passages.attributed(part)) if framed else None
        if own is not None:
            return own
    first = passages.source.sentence_at(chain[0].start)
    last = passages.source.sentence_at(chain[-1].end - 1)
    return _from_neighbours(passages, first, last, reach) if first and last else None


def _from_neighbours(passages: QuotedPassages, first: Sentence, last: Sentence, reach: int) -> Voicing | None:
    """The voice of the sentence before in the paragraph, of the next one ("“…” The promise came from X"), of the
    last sentence of the paragraph before, or of the person the sentence before opens with."""
    before, after = _sentence_before(passages, first), _sentence_after(passages, last)
    opens_paragraph = before is not None and _paragraph(before) != _paragraph(first)
    for neighbour in ([after, before] if opens_paragraph else [before, after]):
        if neighbour is None:
            continue
        spoken = _said_in(passages, neighbour) if neighbour is after else _sentence_voicing(passages, neighbour, reach)
        if spoken is not None and (spoken.speakers or (spoken.refusal and spoken.refusal.kind != "nobody")):
            return spoken
    # "Harrison shook his head. “It is over.”"
    name = opening_name(passages.frame_of(before.start, before.end)) if before else None
    return Voicing((Attributed(name, before.text, True),)) if name and before else None


def _sentence_before(passages: QuotedPassages, sentence: Sentence) -> Sentence | None:
    """The sentence before, in the paragraph or ending the one before; never the headline or the byline."""
    index = passages.source.first_from(sentence.start)
    before = passages.source.sentences[index - 1] if index > 0 else None
    return before if before is not None and _paragraph(before) not in ("p1", "p2") else None


def _sentence_after(passages: QuotedPassages, sentence: Sentence) -> Sentence | None:
    """The next sentence of the paragraph, where it quotes nothing itself: "The promise came from X"."""
    index = passages.source.first_from(sentence.start) + 1
    after = passages.source.sentences[index] if index < len(passages.source.sentences) else None
    if after is None or _paragraph(after) != _paragraph(sentence) or passages.places_between(after.start, after.end):
        return None
    return after


def _paragraph(sentence: Sentence) -> str:
    return sentence.id.split(".")[0]


def _sentence_voicing(passages: QuotedPassages, sentence: Sentence, reach: int) -> Voicing | None:
    """The voice a sentence speaks in: its last quotation's, or the speaker of its verb of saying or colon ("X
    told the committee:")."""
    places = passages.places_between(sentence.start, sentence.end)
    return voicing(passages, places[-1], reach) if places else _said_in(passages, sentence)


def _said_in(passages: QuotedPassages, sentence: Sentence) -> Voicing | None:
    """The speaker a sentence with no quotation of its own names with its verb of saying, or before its colon."""
    text, found, _ = passages.read_region(sentence.start, sentence.end)
    framed = Framed(text, sentence.start, len(text.rstrip(" .!?:;”’\"'")),
                    passages.verbs_in_region(sentence.start, sentence.end))
    verb = introducer(text, framed.at, strict=False)
    speaking = introduced(passages, framed, verb) if verb else None
    if speaking is None and found:
        return Voicing(tuple(speaker for each in found for speaker in speakers_of(passages, framed, each)))
    return speaking
