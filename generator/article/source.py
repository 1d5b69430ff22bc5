"""The source article, split into paragraphs and sentences with ids that content can cite.

Ids are positional (`p3.s2` is the second sentence of the third paragraph), so they stay the same
for as long as the article's text does. Lines starting with `#` are editor's comments, not text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .quotation import Quotations, find_quotations
from .text_dates import WEEKDAYS

# A sentence ends at . ! or ? (and any closing quotation marks) followed by a space and a capital,
# digit or opening quotation mark; common abbreviations do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z0-9])")
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Maj.", "Lt.", "Col.", "Sgt.", "St.", "U.S.", "U.N.",
                  "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "Gov.", "Sen.",
                  "Rep.", "Capt.", "Prof.", "Rev.", "Jr.", "Sr.", "Inc.", "Corp.", "Ltd.", "Co.", "Mt.", "Ft.",
                  "Brig.", "Adm.", "Cmdr.", "Cpl.", "Pvt.", "Supt.", "Insp.", "Det.", "Msgr.", "Hon.")
# "1:33 a.m. EST Thursday": a time's a.m. or p.m. ends no sentence when a time zone or a day follows it; before
# any other capital ("at 9 a.m. The council met") it does.
_CLOCK = ("a.m.", "p.m.")
_AFTER_CLOCK = frozenset(("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "GMT", "BST",
                          "UTC", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT", *WEEKDAYS))
# "J.P. Okonjo", "George W. Bush": a capital letter alone before a full stop is an initial.
_INITIAL = re.compile(r"(?:^|[\s.(])[A-Z]\.\Z")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    start: int  # offsets into SourceText.text
    end: int


@dataclass(frozen=True)
class SourceText:
    """The article's text with its sentence index."""

    text: str
    sentences: tuple[Sentence, ...]
    end_mark: int | None = None  # offset of a release's end mark ("-end-"), if it has one

    @cached_property
    def body(self) -> tuple[Sentence, ...]:
        """The sentences before a release's end mark: not the press contacts a release prints after it."""
        if self.end_mark is None:
            return self.sentences
        return tuple(sentence for sentence in self.sentences if sentence.start < self.end_mark)

    @cached_property
    def by_id(self) -> dict[str, Sentence]:
        return {sentence.id: sentence for sentence in self.sentences}

    @cached_property
    def _starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def find(self, passage: str) -> int:
        """Offset of the first occurrence of `passage`, or -1; each passage is searched for once."""
        found = self._found.get(passage)
        if found is None:
            found = self._found[passage] = self.text.find(passage)
        return found

    @cached_property
    def _found(self) -> dict[str, int]:
        return {}

    def paragraphs(self) -> list[list[Sentence]]:
        """The sentences grouped by paragraph, in order."""
        grouped: dict[str, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.id.split(".")[0], []).append(sentence)
        return list(grouped.values())

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        """The sentences that a passage from `start` to `end` touches."""
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = bisect.bisect_left(self._starts, end)
        return [s for s in self.sentences[first:last] if s.start < end and start < s.end]

    @cached_property
    def quotations(self) -> Quotations:
        """The passages in double quotation marks, curly or straight, and any mark left unbalanced."""
        return find_quotations(self.text)

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, as an editor counts them."""
        line = self.line_of(offset)
        return line, offset - self._line_starts[line - 1] + 1

    def quoted_passages(self) -> list[tuple[int, str]]:
        """Every quotation in double quotation marks, with its offset, as the draft lists them: one over several
        paragraphs, curly or straight, paragraph by paragraph, as a hand-checked story lists it.

        `check` accepts a quotation over paragraphs listed either way (see generator/article/quotation.py).
        """
        return [(passage.start, passage.text) for passage in self.quotations.passages]

    def line_of(self, offset: int) -> int:
        """The line number (from 1) of an offset into the text."""
        return bisect.bisect_right(self._line_starts, offset)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    def first_from(self, offset: int) -> int:
        """The index of the first sentence that starts at or after `offset`; len(sentences) if none does."""
        return bisect.bisect_left(self._starts, offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds the character at `offset`, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


def split_article(raw: str) -> SourceText:
    """Split text into paragraphs (blank-line separated) and sentences, keeping offsets into `text`."""
    lines = ["" if line.startswith("#") else line for line in raw.split("\n")]
    text = "\n".join(lines)
    sentences: list[Sentence] = []
    paragraph_number = 0
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if not block.group().strip():
            continue
        paragraph_number += 1
        for number, (start, end) in enumerate(_sentence_spans(block.group()), start=1):
            begin, finish = block.start() + start, block.start() + end
            sentences.append(Sentence(f"p{paragraph_number}.s{number}", text[begin:finish], begin, finish))
    end_mark = _end_mark(raw.split("\n"), lines, sentences)
    if end_mark is not None:
        # What follows a release's end mark (its press contacts) is no part of the text to quote or cite: blanked,
        # offsets kept, so that a quote found only there is refused as not in the article, not built and lost.
        text = text[:end_mark] + re.sub(r"[^\n]", " ", text[end_mark:])
        sentences = [sentence for sentence in sentences if sentence.start < end_mark]
    return SourceText(text, tuple(sentences), end_mark)


# Marks a news release ends on, before its press contacts; "###" is one, although a line opening with "#" is
# otherwise a comment.
END_MARKS = frozenset(("-end-", "###", "- 30 -", "-30-"))


def _end_mark(raw_lines: list[str], lines: list[str], sentences: list[Sentence]) -> int | None:
    """Where the first end mark on a line of its own after the first sentence stands in the text, if any."""
    offset = 0
    for raw_line, line in zip(raw_lines, lines, strict=True):
        if raw_line.strip().casefold() in END_MARKS and sentences and offset > sentences[0].start:
            return offset
        offset += len(line) + 1
    return None


# Runs of ordinary spaces and line breaks; a no-break space is the editor's choice ("10\u00a0000") and stays.
_LINE_SPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph of the site's own text in sentences, split as the article is."""
    text = _LINE_SPACE.sub(" ", paragraph).strip()
    return [text[start:end] for start, end in _sentence_spans(text)] if text else []


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends.

    Linear in the paragraph's length: the quotation marks since the sentence's start are counted as
    the scan moves on, never recounted from the start (an unclosed “ in a long paragraph made every
    full stop after it recount the whole sentence so far).
    """
    spans, start = [], 0
    counted_to, depth = 0, 0  # depth: opening minus closing quotation marks in paragraph[start:counted_to]
    for match in _SENTENCE_END.finditer(paragraph):
        marks_end = match.start() + len(match.group().rstrip())  # after the closing marks that end it: “... it.”
        depth += paragraph.count("“", counted_to, marks_end) - paragraph.count("”", counted_to, marks_end)
        counted_to = marks_end
        # A full stop inside a quotation does not end the sentence that carries the quotation.
        if depth > 0 or paragraph.endswith(ABBREVIATIONS, start, match.start()) or (
                paragraph.endswith(_CLOCK, start, match.start())
                and paragraph[match.end():].split(" ", 1)[0].rstrip(".,;:") in _AFTER_CLOCK) or (
                _INITIAL.search(paragraph, max(start, match.start() - 3), match.start())):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = counted_to = match.end()
        depth = 0
    spans.append((start, len(paragraph.rstrip())))
    return [(begin, end) for begin, end in spans if paragraph[begin:end].strip()]
