"""How a further source's words are searched: a report as the article is, or one speaker's own words throughout.

A news report or release quotes people in quotation marks, as the article does, and a quote of it lies inside one
of them (generator/article/quoted.py). A further source may also hold a headline's quotation in straight single
marks ('contradictory'), which a headline uses for want of double ones, so those count as quoted here too.

A statement, a transcript of one speaker or a remark stored alone is that speaker's words throughout, without
marks around them: a quote of it may stand anywhere in it, as whole words, and the speaker is the source's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .quotation import STRAIGHT_SINGLE
from .quotations import Quotation
from .quoted import Attributed, QuotedPassages, Span, whole_words
from .source import SourceText


class ReportPassages(QuotedPassages):
    """A further report's quoted passages: the article's kinds, and straight single marks as a headline sets them."""

    @cached_property
    def _single_marked(self) -> list[Quotation]:
        text = self.source.text
        straight = [Quotation(match.start(1), match.end(1), match.group(1), match.start())
                    for match in STRAIGHT_SINGLE.finditer(text)]
        return sorted([*super()._single_marked, *straight], key=lambda passage: passage.opening)


@dataclass(frozen=True)
class Voice:
    """Whose words a source is: the story's name for them, and whether they are a person or an organisation."""

    name: str
    kind: str


class OwnWords(QuotedPassages):
    """A source that is one speaker's own words (or a document's), searched as a whole: every stretch of whole
    words in it is a quotation of it. `voice` is None for a document, whose words are nobody's speech."""

    def __init__(self, source: SourceText, label: str, voice: Voice | None) -> None:
        super().__init__(source, label)
        self.voice = voice

    def find(self, words: str) -> list[Span]:
        """Every place the source has `words` as whole words, inside quotation marks or not."""
        found = super().find(words)
        if found or not words:
            return found
        places, at = [], self.source.text.find(words)
        while at >= 0:
            if whole_words(self.source.text, at, at + len(words)):
                places.append(Span(at, at + len(words)))
            at = self.source.text.find(words, at + 1)
        return places

    def attributed(self, span: Span) -> list[Attributed]:
        """The source's speaker, but for words it quotes itself, which are whoever it gives them to."""
        if self.quotes_at(span):
            return super().attributed(span)
        if self.voice is None:
            return []
        evidence = f"{self.label} holds their words alone"
        return [Attributed(self.voice.name, evidence, named=True, pronoun=None, story_name=True)]

    def why_not_quoted(self, words: str) -> str | None:
        at = self.source.find(words)
        if at < 0:
            return None
        line, column = self.source.line_and_column(at)
        return (f"these words at {self.label}:{line}:{column} start or end in the middle of a word there "
                "(“unable” is not “able”); a quote begins and ends with whole words")
