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
from .links import anchor
from .story_index import StoryIndex


def keep_notes_out_of_search(html: str) -> str:
    """Mark a page's notes for Material's search to skip: they repeat the article page's sentences on every
    page that cites them, which would make every page a search hit for them and swell the search index."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)


class Citations:
    """The footnote markers of one page and, at its end, their notes."""

    def __init__(self, index: StoryIndex, sentence_page: Mapping[str, str]) -> None:
        """`sentence_page`: the article page each sentence is on, by sentence id."""
        self.index = index
        self.sentence_page = sentence_page
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
        label = anchor(sentence_id)
        sentence = self.index.loaded.source.by_id[sentence_id]
        link = f"{self.sentence_page[sentence_id]}#{label}"
        place = text.md_escape(self.index.places.label(sentence))
        return label, Markup(f"[{place}]({link}): {text.md_escape(sentence.text)}")

    def _background(self, item_id: str) -> tuple[str, Markup]:
        """The label and the note paragraph of one background item."""
        item = self.index.background[item_id]
        outlets = "; ".join(dict.fromkeys(source.outlet for source in item.sources))
        return f"bg-{item_id}", Markup(
            f"Background, not from the article: [{text.md_escape(item.title)}](context.md#{item_id}). "
            f"Sources: {text.md_escape(outlets)}.")

    def notes(self) -> Markup:
        """The footnote definitions; Python-Markdown gathers them at the end of the page."""
        return Markup("\n\n".join(f"[^{label}]: {note}" for label, note in self.notes_by_label.items()))
