"""Where each sentence of the article stands for a reader: "paragraph 4, sentence 2" on the article page, "paragraph 4"
where a page names a quote's passage.

Paragraphs are numbered as the sentence ids number them (`p4.s2` is paragraph 4, sentence 2), counting the headline
and the byline line, so that the article page, the notes, the review list and the ids an editor cites agree; the
headline and byline are named as such rather than numbered."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..article.source import Sentence
from ..content.load import LoadedStory

BYLINE_WORDS = 15  # a byline line is short: the agency, perhaps a writer, a date and a time


def body_start(loaded: LoadedStory) -> int:
    """The number of the article file's first body paragraph, after the headline and the byline.

    Readers count paragraphs from the body: the one that opens with the dateline ("BRUSSELS:"), or else
    the first that is neither the headline nor a line starting with the agency's name.
    """
    article = loaded.story.article
    paragraphs = loaded.source.paragraphs()
    for number, sentences in enumerate(paragraphs, start=1):
        if sentences[0].text.casefold().startswith(article.dateline.casefold() + ":"):
            return number
    for number, sentences in enumerate(paragraphs, start=1):
        first = sentences[0].text
        if first != article.headline and not _is_byline(first, article.agency):
            return number
    return 1


def _is_byline(line: str, agency: str) -> bool:
    """'NASA, Jan. 25, 2024' is a byline; 'NASA’s history-making Ingenuity Mars Helicopter has ended ...' is not."""
    return re.match(rf"{re.escape(agency)}(?![\w’'])", line) is not None and len(line.split()) <= BYLINE_WORDS


class SentencePlaces:
    """Where each sentence stands for a reader: "paragraph 4, sentence 2", as its id `p4.s2` numbers it."""

    def __init__(self, sentences: Sequence[Sentence], start: int) -> None:
        """`start`: the number of the text's first body paragraph, after its headline and byline, which are named
        rather than numbered."""
        self.start = start
        self.counts: dict[int, int] = {}
        for sentence in sentences:
            paragraph = paragraph_number(sentence)
            self.counts[paragraph] = self.counts.get(paragraph, 0) + 1

    def paragraph(self, sentence: Sentence) -> str:
        """'paragraph 4', or 'headline' and 'byline' for the lines before the body."""
        number = paragraph_number(sentence)
        if number < self.start:
            return "headline" if number == 1 else "byline"
        return f"paragraph {number}"

    def numbering(self) -> str:
        """How the paragraphs are numbered, for the page that lists them: "the headline is paragraph 1 and the
        byline paragraph 2, so the report's own text starts at paragraph 3"."""
        if self.start == 1:
            return "they are numbered from 1"
        before = "the headline is paragraph 1" + (" and the byline paragraph 2" if self.start > 2 else "")
        return f"{before}, so the report's own text starts at paragraph {self.start}"

    def where(self, sentence: Sentence) -> str:
        """'paragraph 7, sentence 2', naming the sentence only where its paragraph has more than one."""
        where = self.paragraph(sentence)
        if self.counts[paragraph_number(sentence)] > 1:
            where += f", sentence {sentence.id.split('.s')[1]}"
        return where

    def span(self, sentences: Sequence[Sentence]) -> str:
        """Where a passage stands in the report, in words: "paragraph 4", "paragraphs 4–5", "the headline".

        A sentence within its paragraph is not counted for readers: the link leads to the sentence itself.
        """
        first, last = sentences[0], sentences[-1]
        if paragraph_number(first) < self.start:  # the headline or byline: named, not numbered
            return " and ".join(dict.fromkeys(f"the {self.paragraph(sentence)}" for sentence in sentences))
        if paragraph_number(first) == paragraph_number(last):
            return self.paragraph(first)
        return f"paragraphs {self.paragraph(first).split()[-1]}–{self.paragraph(last).split()[-1]}"


def article_places(loaded: LoadedStory) -> SentencePlaces:
    return SentencePlaces(loaded.source.sentences, body_start(loaded))


def paragraph_number(sentence: Sentence) -> int:
    return int(sentence.id.split(".")[0][1:])
