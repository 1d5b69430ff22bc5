"""The source article, split into paragraphs and sentences with ids that content can cite.

Ids are positional (`p3.s2` is the second sentence of the third paragraph), so they stay the same
for as long as the article's text does. Lines starting with `#` are editor's comments, not text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

# A sentence ends at . ! or ? (and any closing quotation marks) followed by a space and a capital,
# digit or opening quotation mark; common abbreviations do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Maj.", "Lt.", "Col.", "Sgt.", "St.", "U.S.", "U.N.",
                  "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.")
_QUOTED_PASSAGE = re.compile(r"“([^”]*)”")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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

    def quoted_passages(self) -> list[tuple[int, str]]:
        """Every passage inside curly double quotation marks, with its offset."""
        return [(match.start(1), match.group(1)) for match in _QUOTED_PASSAGE.finditer(self.text)]


def split_article(raw: str) -> SourceText:
    """Split text into paragraphs (blank-line separated) and sentences, keeping offsets into `text`."""
    text = "\n".join("" if line.startswith("#") else line for line in raw.split("\n"))
    sentences: list[Sentence] = []
    paragraph_number = 0
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if not block.group().strip():
            continue
        paragraph_number += 1
        for number, (start, end) in enumerate(_sentence_spans(block.group()), start=1):
            begin, finish = block.start() + start, block.start() + end
            sentences.append(Sentence(f"p{paragraph_number}.s{number}", text[begin:finish], begin, finish))
    return SourceText(text, tuple(sentences))


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph of the site's own text in sentences, split as the article is."""
    text = " ".join(paragraph.split())
    return [text[start:end] for start, end in _sentence_spans(text)] if text else []


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()]
        if before.endswith(_ABBREVIATIONS) or _inside_open_quote(before):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(paragraph.rstrip())))
    return [(begin, end) for begin, end in spans if paragraph[begin:end].strip()]


def _inside_open_quote(text: str) -> bool:
    """A full stop inside a quotation does not end the sentence that carries the quotation."""
    return text.count("“") > text.count("”")
