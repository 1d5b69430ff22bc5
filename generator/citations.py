"""Citations as readers expect them: small numbered markers (Markdown footnotes) instead of sentence ids.

Material for MkDocs shows a footnote as a tooltip on hover and tap (`content.footnote.tooltips`), so the
marker opens the cited sentence itself; the note links to that sentence on the article page. Each page
gets its own `Citations`. Everything one passage rests on is one marker and one note, a paragraph per source:
a reader opens one note per passage, and each note has one way back (a note cited again shares its note).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup

from . import text
from .load import LoadedStory
from .schema import Background
from .source import Sentence


def keep_notes_out_of_search(html: str) -> str:
    """Mark a page's notes for Material's search to skip: they repeat the article page's sentences on every
    page that cites them, which would make every page a search hit for them and swell the search index."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)


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
        if first != article.headline and not first.startswith(article.agency):
            return number
    return 1


class SentencePlaces:
    """Where each sentence stands for a reader: "Reuters report, paragraph 4, sentence 2"."""

    def __init__(self, loaded: LoadedStory) -> None:
        self.agency = loaded.story.article.agency
        self.start = body_start(loaded)
        self.counts: dict[int, int] = {}
        for sentence in loaded.source.sentences:
            paragraph = paragraph_number(sentence)
            self.counts[paragraph] = self.counts.get(paragraph, 0) + 1

    def paragraph(self, sentence: Sentence) -> str:
        """'paragraph 4', or 'headline' and 'byline' for the lines before the body."""
        number = paragraph_number(sentence)
        if number < self.start:
            return "headline" if number == 1 else "byline"
        return f"paragraph {number - self.start + 1}"

    def where(self, sentence: Sentence) -> str:
        """'paragraph 7, sentence 2', naming the sentence only where its paragraph has more than one."""
        where = self.paragraph(sentence)
        if self.counts[paragraph_number(sentence)] > 1:
            where += f", sentence {sentence.id.split('.s')[1]}"
        return where

    def label(self, sentence: Sentence) -> str:
        return f"{self.agency} report, {self.where(sentence)}"

    def span_label(self, sentences: Sequence[Sentence]) -> str:
        """The place of a passage over several sentences, the report named once: "Reuters report, paragraphs
        4–5", or "paragraph 4, sentences 1–2" within one paragraph."""
        first, last = sentences[0], sentences[-1]
        if first == last:
            return self.label(first)
        if paragraph_number(first) < self.start:  # the headline or byline: named, not numbered
            where = ", ".join(dict.fromkeys(self.where(sentence) for sentence in sentences))
        elif paragraph_number(first) == paragraph_number(last):
            where = f"{self.paragraph(first)}, sentences {first.id.split('.s')[1]}–{last.id.split('.s')[1]}"
        else:
            where = f"paragraphs {self.paragraph(first).split()[-1]}–{self.paragraph(last).split()[-1]}"
        return f"{self.agency} report, {where}"


def paragraph_number(sentence: Sentence) -> int:
    return int(sentence.id.split(".")[0][1:])


class Citations:
    """The footnote markers of one page and, at its end, their notes."""

    def __init__(self, loaded: LoadedStory, places: SentencePlaces, sentence_page: dict[str, str],
                 background: Mapping[str, Background]) -> None:
        """`background` by id, made once per build and shared by every page's citations."""
        self.loaded = loaded
        self.places = places
        self.sentence_page = sentence_page
        self.background = background
        self.notes_by_label: dict[str, Markup] = {}

    def __call__(self, item=None, *, cites: Sequence[str] = (), background: Sequence[str] = ()) -> Markup:
        """The marker for what `item` (or the given ids) rests on, e.g. `[^p3-s1_bg-nato-briefing]`."""
        cites = [*(item.cites if item is not None else ()), *cites]
        background = [*(item.background if item is not None else ()), *background]
        parts = [self._sentence(sentence_id) for sentence_id in dict.fromkeys(cites)]
        parts += [self._background(item_id) for item_id in dict.fromkeys(background)]
        if not parts:
            return Markup("")
        label = "_".join(label for label, _ in parts)
        # Python-Markdown continues a note with paragraphs indented by four spaces.
        self.notes_by_label.setdefault(label, Markup("\n\n    ").join(note for _, note in parts))
        return Markup(f"[^{label}]")

    def _sentence(self, sentence_id: str) -> tuple[str, Markup]:
        """The label and the note paragraph of one sentence of the article."""
        label = sentence_id.replace(".", "-")
        sentence = self.loaded.source.by_id[sentence_id]
        link = f"{self.sentence_page[sentence_id]}#{label}"
        place = text.md_escape(self.places.label(sentence))
        return label, Markup(f"[{place}]({link}): {text.md_escape(sentence.text)}")

    def _background(self, item_id: str) -> tuple[str, Markup]:
        """The label and the note paragraph of one background item."""
        item = self.background[item_id]
        outlets = "; ".join(dict.fromkeys(source.outlet for source in item.sources))
        return f"bg-{item_id}", Markup(
            f"Background, not from the article: [{text.md_escape(item.title)}](context.md#{item_id}). "
            f"Sources: {text.md_escape(outlets)}.")

    def notes(self) -> Markup:
        """The footnote definitions; Python-Markdown gathers them at the end of the page."""
        return Markup("\n\n".join(f"[^{label}]: {note}" for label, note in self.notes_by_label.items()))
