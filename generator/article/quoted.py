"""Where a quote stands in its source: inside which passage the source puts in quotation marks, and who the
source says spoke it.

A quote is verified only as words the source quotes: text that merely occurs in the article (its headline, the
reporter's narrative, a span across a closing mark and the attribution after it) is the article's own voice.
A quote lies inside one quoted passage, in double marks (see generator/article/quotation.py) or in single curly marks as
British style writes them, or inside one quotation that runs over several paragraphs, each reopened by a mark.

Attribution uses the draft's reader (generator/draft/attribution.py): the verbs of saying in the quotation's own
sentences, with every quotation replaced by a placeholder. `attributed` gives what that reader finds, as the draft
uses it; whether the words are their speaker's own, as `check` requires, is read from it and from the sentences
around by generator/article/voicing.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from ..draft.attribution import VERB, Attribution, Q, Spans, attributions, frame_of
from ..draft.names import HONORIFICS, TITLES, Phrase, read_phrase
from ..draft.people import normalise_name
from .quotation import listed_words
from .quotations import Quotation, find_passages
from .source import SourceText

# How many sentences back "he said" may look for who "he" is.
PRONOUN_REACH = 6
# Whom each pronoun may stand for: "he" a person, "it" an organisation, "they" either.
PRONOUN_KINDS = {"he": ("person",), "she": ("person",), "it": ("organisation",), "they": ("person", "organisation")}
# Between passages in the searched text: content refuses control characters, so no quote can hold it.
_APART = "\x00"
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


@dataclass(frozen=True)
class Span:
    """Offsets of words in the source: [start, end)."""

    start: int
    end: int


@dataclass(frozen=True)
class Attributed:
    """Who the source gives as the speaker of a quotation, with the words it is read from: a name ("Rutte",
    "The Kremlin"), or a description ("the council", "an official").
    """

    name: str
    evidence: str
    named: bool
    pronoun: str | None = None  # "he" for someone named before "he said": it fits only a person, by their name
    story_name: bool = False  # the story's own name for the speaker (a source of their words alone), not a report's
    described: str | None = None  # the description the name was read for ("The company" for Northwind Assembly)


class QuotedPassages:
    """The source's quoted passages, searchable for a quote's words in time linear in their length."""

    def __init__(self, source: SourceText, label: str = "article.txt") -> None:
        self.source, self.label = source, label
        found = source.quotations
        # Each passage as the reader sees it, and each quotation over paragraphs as a whole, reopening marks included.
        places = [Span(p.start, p.start + len(p.text)) for p in found.passages]
        # Single marks (‘…’, British style) are read as the draft reads them, telling a closing ’ from an apostrophe.
        places += [Span(p.start, p.end) for p in self._single_marked]
        # One whole per quotation over paragraphs (a quote of its first few paragraphs is found inside it).
        chain_start: int | None = None
        for index, part in enumerate(found.passages):
            following = found.passages[index + 1] if index + 1 < len(found.passages) else None
            if following is not None and following.continued and not part.closed:
                chain_start = part.start if chain_start is None else chain_start
                continue
            if chain_start is not None:
                places.append(Span(chain_start, part.start + len(part.text)))
            chain_start = None
        self.places = sorted(set(places), key=lambda span: (span.start, span.end))
        self._by_words: dict[str, list[Span]] = {}
        for span in self.places:
            words = source.text[span.start:span.end]
            for key in dict.fromkeys((words, listed_words(words))):
                self._by_words.setdefault(key, []).append(span)
        self._joined = _APART.join(source.text[span.start:span.end] for span in self.places)
        self._starts = [span.start for span in self.places]
        self._joined_starts: list[int] = []
        position = 0
        for span in self.places:
            self._joined_starts.append(position)
            position += span.end - span.start + len(_APART)

    def find(self, words: str) -> list[Span]:
        """Every place the source quotes `words`: a whole passage, or a stretch inside one (found once)."""
        if words in self._by_words:
            return self._by_words[words]
        if words not in self._found:
            self._found[words] = self._stretches(words)
        return self._found[words]

    @cached_property
    def _found(self) -> dict[str, list[Span]]:
        return {}

    def _stretches(self, words: str) -> list[Span]:
        found: list[Span] = []
        at = self._joined.find(words)
        while at >= 0 and words:
            if whole_words(self._joined, at, at + len(words)):
                index = bisect.bisect_right(self._joined_starts, at) - 1
                offset = self.places[index].start + at - self._joined_starts[index]
                found.append(Span(offset, offset + len(words)))
            at = self._joined.find(words, at + 1)
        return found

    def in_text(self, words: str) -> bool:
        """Whether the source has these words anywhere, as whole words."""
        at = self.source.find(words)
        while at >= 0:
            if whole_words(self.source.text, at, at + len(words)):
                return True
            at = self.source.text.find(words, at + 1)
        return False

    def why_not_quoted(self, words: str) -> str | None:
        """Why words found in the source are not a quotation of it; None when they are not in the source."""
        at = self.source.find(words)
        if at < 0:
            return None
        end = at + len(words)
        where = self.where(at)
        inside = [span for span in self._around(at) if span.start <= at < span.end]
        if any(end <= span.end for span in inside):
            return (f"these words at {where} start or end in the middle of a word of the quotation there "
                    "(“unable” is not “able”); a quote begins and ends with whole words")
        if inside:
            closing = min(span.end for span in inside)
            return (f"these words start inside a quotation but run past its end at {self.where(closing)} into "
                    "words the article does not quote; a quote lies inside one quoted passage")
        opening = next((span.start for span in self._around(at) if at < span.start < end), None)
        if opening is not None:
            return (f"these words at {where} start outside quotation marks and run into the quotation opened at "
                    f"{self.where(opening - 1)}; a quote lies inside one quoted passage")
        return (f"these words are in the article at {where} but not inside quotation marks: they are the article's "
                "own words, not a quotation; report them as a statement instead")

    def places_between(self, start: int, end: int) -> list[Span]:
        """The quoted passages that start within text[start:end], in order."""
        return self.places[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]

    def parts_of(self, span: Span) -> list[Span]:
        """The parts, in order, of the quotation over paragraphs the words at `span` are in, their own part among
        them; [] where they are in no double-marked passage."""
        found = self.source.quotations.passages
        index = bisect.bisect_right(self._part_starts, span.start) - 1
        if index < 0 or span.start > found[index].start + len(found[index].text):
            return []
        back, ahead = index, index
        while back > 0 and found[back].continued and not found[back - 1].closed:
            back -= 1
        while ahead + 1 < len(found) and found[ahead + 1].continued and not found[ahead].closed:
            ahead += 1
        return [Span(part.start, part.start + len(part.text)) for part in found[back:ahead + 1]]

    @cached_property
    def _part_starts(self) -> list[int]:
        return [part.start for part in self.source.quotations.passages]

    def passages_at(self, span: Span) -> QuotedPassages:
        """The passages the words at `span` are in: these (several texts searched as one answer with one of them)."""
        return self

    def quotes_at(self, span: Span) -> bool:
        """Whether these words lie inside a passage the text puts in quotation marks."""
        return any(place.start <= span.start and span.end <= place.end for place in self._around(span.start))

    def _around(self, offset: int) -> list[Span]:
        """Passages that start before or shortly after `offset` (a passage holding it starts before it)."""
        index = bisect.bisect_right(self._starts, offset)
        return self.places[max(0, index - 64): index + 64]

    def where(self, offset: int) -> str:
        """'article.txt:12:5 (sentence p4.s1)': where an offset stands, as a message names it."""
        line, column = self.source.line_and_column(offset)
        sentence = self.source.sentence_at(offset)
        return f"{self.label}:{line}:{column}" + (f" (sentence {sentence.id})" if sentence else "")

    @cached_property
    def _mark_spans(self) -> list[tuple[int, int]]:
        """Each quotation with its marks, as the attribution reader replaces them by a placeholder, in order."""
        double = [(p.start - 1, p.start + len(p.text) + (1 if p.closed else 0))
                  for p in self.source.quotations.passages]
        single = [(p.opening, p.end + 1) for p in self._single_marked]
        return sorted(double + single)

    @cached_property
    def _single_marked(self) -> list[Quotation]:
        """Passages in single curly marks that close: an opening ‘ left open is no quotation (it may be a typo, or
        an apostrophe set the wrong way), and single marks never carry a quotation into the next paragraph."""
        text = self.source.text
        return [p for p in find_passages(text) if text[p.opening] == "‘" and text[p.end:p.end + 1] == "’"]

    def attributed(self, span: Span) -> list[Attributed]:
        """Who the source gives as speakers of the quotation at `span`, from its own sentences.

        Where a sentence holds several quotations, an attribution counts only for the one it governs ("X called it
        “A”, while Y said “B”"). "..., he said" counts as any person named as speaking in the paragraph so far or
        the one before: the reader cannot tell "he" from "she" by a name, so this can confirm, not single out.
        """
        region = self.source.sentences_between(span.start, span.end)
        if not region:
            return []
        start, end = region[0].start, region[-1].end
        frame, found, quotations = self._region(start, end)
        if len(quotations) > 1:
            ours = self._quotations_between(start, min(span.end + 1, end)) - 1
            governed = self._governance(start, end)
            found = [each for number, each in enumerate(found) if ours in governed[number]]
        given = [Attributed(each.phrase.name, each.evidence, names_someone(each.phrase))
                 for each in found if not each.phrase.pronoun]
        pronoun = next((each.phrase.pronoun for each in found if each.phrase.pronoun in ("he", "she")), None)
        if given or pronoun is None:
            return given
        return self.named_before(start, pronoun)

    def named_before(self, offset: int, pronoun: str, also_mentioned: bool = False) -> list[Attributed]:
        """Who "he" or "she" may be: the people named as speaking in the few sentences before `offset`, nearest
        first, back to the previous paragraph's start at most, then the people those sentences open with ("Ferri,
        19, was making ..."), or nobody when no person is named as speaking there. The headline and the byline (the
        text's first two paragraphs) name nobody in the body. "It" may be an organisation named as speaking there,
        "they" anyone named so."""
        kinds = PRONOUN_KINDS.get(pronoun, ("person",))
        speaking: list[Attributed] = []
        mentioned: dict[str, Attributed] = {}
        for back in self._sentences_back_from(offset):
            frame, found = self._sentence_attributions(back)
            speaking += [Attributed(each.phrase.name, each.evidence, True, pronoun) for each in found
                         if names_someone(each.phrase) and each.phrase.kind in kinds]
            subject = opening_name(frame, kinds)
            if subject:
                mentioned.setdefault(subject, Attributed(subject, self.source.sentences[back].text, True, pronoun))
            described = [Attributed(each.phrase.name, each.evidence, False, pronoun) for each in found
                         if not names_someone(each.phrase) and not each.phrase.pronoun]  # "a spokeswoman for ..."
            for each in described if also_mentioned else ():
                mentioned.setdefault(each.name, each)
        # With nobody named as speaking just before, "he" is anybody's guess: nothing to check against, unless
        # `also_mentioned` asks for the people those sentences open with, and those described as speaking.
        return speaking + list(mentioned.values()) if speaking or also_mentioned else []

    def _sentences_back_from(self, offset: int) -> list[int]:
        """The indexes of the few sentences before `offset`, nearest first, back to the previous paragraph's start
        at most and never into the headline or the byline (the text's first two paragraphs)."""
        index = bisect.bisect_left(self._sentence_starts, offset)
        paragraphs = {self.source.sentences[index].id.split(".")[0]} if index < len(self.source.sentences) else set()
        found = []
        for back in range(index - 1, max(-1, index - 1 - PRONOUN_REACH), -1):
            paragraph = self.source.sentences[back].id.split(".")[0]
            paragraphs.add(paragraph)
            if len(paragraphs) > 2 or paragraph in ("p1", "p2"):
                break
            found.append(back)
        return found

    def _sentence_attributions(self, index: int) -> tuple[str, list[Attribution]]:
        """A sentence's frame and attributions, read once however many quotations look back at it."""
        if index not in self._read:
            sentence = self.source.sentences[index]
            self._read[index] = self._attributions(sentence.start, sentence.end)
        return self._read[index]

    @cached_property
    def _read(self) -> dict[int, tuple[str, list[Attribution]]]:
        return {}

    def region_of(self, span: Span) -> tuple[int, int, int] | None:
        """The sentences around a quotation, (start, end), and which quotation of their frame it is (from 0)."""
        region = self.source.sentences_between(span.start, span.end)
        if not region:
            return None
        start, end = region[0].start, region[-1].end
        return start, end, self._quotations_between(start, min(span.end + 1, end)) - 1

    def read_region(self, start: int, end: int) -> tuple[str, list[Attribution], list[int]]:
        """The frame of text[start:end] (each quotation as Q), its attributions, and where its quotations stand."""
        return self._region(start, end)

    def verbs_in_region(self, start: int, end: int) -> dict[int, list[Attribution]]:
        """The attributions of text[start:end] by where their verb stands in its frame, indexed once per region."""
        if (start, end) not in self._by_verb:
            self._by_verb[(start, end)] = by_verb(self._region(start, end)[1])
        return self._by_verb[(start, end)]

    @cached_property
    def _by_verb(self) -> dict[tuple[int, int], dict[int, list[Attribution]]]:
        return {}

    def marks_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations (opening mark, just after the closing one) that lie wholly inside text[start:end]."""
        return [marks for marks in self._spans.around(start, end) if start <= marks[0] and marks[1] <= end]

    def enclosing(self, span: Span) -> tuple[int, int] | None:
        """The marks (opening, just after closing) of the quotation that holds the one these words are in, when
        that one is quoted inside another (‘... the council’s letter called it “wholly unacceptable” ...’)."""
        holding = sorted(((opening, closing) for opening, closing in self._spans.around(span.start, span.end)
                          if opening < span.start and span.end <= closing), key=lambda marks: marks[1] - marks[0])
        return holding[1] if len(holding) > 1 else None

    def _region(self, start: int, end: int) -> tuple[str, list[Attribution], list[int]]:
        """The frame of some sentences, its attributions and where its quotations stand, read once per region: a
        sentence of a thousand quotations is read once, not once per quotation."""
        if (start, end) not in self._regions:
            frame, found = self._attributions(start, end)
            self._regions[(start, end)] = (frame, found, [match.start() for match in re.finditer(Q, frame)])
        return self._regions[(start, end)]

    @cached_property
    def _regions(self) -> dict[tuple[int, int], tuple[str, list[Attribution], list[int]]]:
        return {}

    def _governance(self, start: int, end: int) -> list[set[int]]:
        """For each attribution of a region, the quotations it speaks for: worked out once per region."""
        if (start, end) not in self._governed:
            frame, found, quotations = self._region(start, end)
            self._governed[(start, end)] = [_governed(frame, each, quotations) for each in found]
        return self._governed[(start, end)]

    @cached_property
    def _governed(self) -> dict[tuple[int, int], list[set[int]]]:
        return {}

    def _quotations_between(self, start: int, end: int) -> int:
        """How many quotations text[start:end] touches, as the frame counts them, by bisection."""
        spans = self._spans
        return max(0, bisect.bisect_left(spans.openings, end) - bisect.bisect_right(spans.closed_by, start))

    def frame_of(self, start: int, end: int) -> str:
        """text[start:end] of the source with each quotation replaced by Q."""
        return frame_of(self.source.text, start, end, self._spans)

    @cached_property
    def _spans(self) -> Spans:
        return Spans(self._mark_spans)

    def _attributions(self, start: int, end: int) -> tuple[str, list[Attribution]]:
        frame = self.frame_of(start, end)
        return frame, attributions(frame)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.source.sentences]


# A title in lower case may stand among the capitalised words: "United boss Gareth Lyle defended ...".
_OPENING_NAME = re.compile(r"^(?:[A-Z][A-Z .’'-]+:\s+)?(?:(?:But|And|Then|Later|Earlier|Meanwhile)\s+)?"
                           rf"((?:(?:[A-Z][\w’'.-]*|{'|'.join(sorted(TITLES))})\s+){{0,4}}[A-Z][\w’'-]*)")


def opening_name(frame: str, kinds: tuple[str, ...] = ("person",)) -> str | None:
    """The name a sentence opens with, titles and all ("Resident Grace Fennimore spoke ...", "Ferri, 19, was ..."):
    the person "she" or "he" may mean next."""
    match = _OPENING_NAME.match(frame)
    if not match:
        return None
    phrase = read_phrase(match.group(1))
    return phrase.name if phrase and phrase.kind in kinds and names_someone(phrase) else None


def by_verb(found: list[Attribution]) -> dict[int, list[Attribution]]:
    """Attributions by where their verb stands in their frame."""
    indexed: dict[int, list[Attribution]] = {}
    for each in found:
        indexed.setdefault(each.verb_at, []).append(each)
    return indexed


def whole_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] neither starts nor ends inside a word ("able" in "unable" does)."""
    inside_at_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_at_end = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (inside_at_start or inside_at_end)
# Between a verb and a later quotation: "X said, and “B”" is not "X said “B”" (but "X said that it was “B”" is).
_NEW_CLAUSE = re.compile(r"[;]|\b(?:and|but|while|whereas)\b")
# Words that start another clause between a quotation and a verb: "“A”, while Y said" is not "“A”, Y said".
_OTHER_CLAUSE = re.compile(r"[,;:(]|\b(?:and|but|while|whereas|as|after|when|because|if|who|which|that)\b")


def _governed(frame: str, found: Attribution, quotations: list[int]) -> set[int]:
    """Which quotations of the frame an attribution speaks for: those its verb introduces ("X said “A”", "X called
    it “A” and ... “B”", up to another verb or clause), and the one just before its speaker ("“A,” X said")."""
    governed = set()
    reached = found.verb_at + 1
    for number, at in enumerate(quotations):  # "X said “A” of ... “B”": each, up to another verb or clause
        if at < found.verb_at:
            continue
        if VERB.search(frame, reached, at) or _NEW_CLAUSE.search(frame, reached - 1, at):
            break
        governed.add(number)
        reached = at + len(Q)
    before = next((number for number in reversed(range(len(quotations))) if quotations[number] < found.verb_at), None)
    if before is not None:
        between = frame[quotations[before] + len(Q): found.verb_at].lstrip().removeprefix(",")
        if len(between) <= 80 and not _OTHER_CLAUSE.search(between) and Q not in between:
            governed.add(before)
    return governed


def names_someone(phrase: Phrase) -> bool:
    """"Rutte", "The Kremlin", "NASA Administrator Bill Nelson": a name, which ends in a capital; not "he", "an
    official", "Some parents" or "Ingenuity’s project manager", descriptions that can confirm a speaker only."""
    words = phrase.name.split()
    if phrase.pronoun or not words or words[0].lower() in _DETERMINERS - {"the"}:
        return False
    return words[-1][:1].isupper() and words[-1].lower() not in _DETERMINERS


# Words that open a description, never a name: "Some parents", "Many residents", "The" alone.
_DETERMINERS = frozenset(("a", "an", "the", "some", "many", "several", "most", "few", "other", "others", "all",
                          "both", "each", "every", "any", "no", "these", "those", "this", "that", "such"))


def same_speaker(attributed_name: str, *descriptions: str | None) -> bool:
    """Whether the name the source gives fits a speaker's name (and, for a description, role or affiliation): every
    word of it is among theirs (initials aside), or it is their last name alone. "Rutte" and "NASA Administrator Bill
    Nelson" are Mark Rutte and Bill Nelson; "The Kremlin" is the Kremlin; "the council" may be Riverside town
    council. "Jane Kelly" is not Jack Kelly, and "Jack Kelly" is not Jack Kelly, Jr.: a generation must agree."""
    words = _words(normalise_name(attributed_name))
    wanted = set(words) - TITLES - HONORIFICS or set(words)  # "Cllr Priya Sandhu" is Priya Sandhu
    known_words = [_words(normalise_name(text)) for text in descriptions if text]
    known = set().union(*known_words)
    name = known_words[0] if known_words else []
    if set(words) & _GENERATIONS != set(name) & _GENERATIONS:
        return False
    given = {word for word in wanted if len(word) > 1 or word in known}  # "Conrad C. Lautenbacher": C aside
    last_name = next((word for word in reversed(name) if word not in _GENERATIONS), None)
    return bool(given) and (given <= known or (len(given) == 1 and words[-1] == last_name))


_GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def _words(text: str) -> list[str]:
    return [word.removesuffix("'s") for word in _WORD.findall(text.replace("’", "'").lower())]
