"""Citations as readers expect them: small numbered markers (Markdown footnotes) instead of sentence ids.

Material for MkDocs shows a footnote as a tooltip on hover and tap (`content.footnote.tooltips`), so the
marker opens the cited sentence itself; the note links to that sentence on the article page. Each page
gets its own `Citations`. Everything one passage rests on is one marker and one note, a paragraph per source:
a reader opens one note per passage, and each note has one way back (a note cited again shares its note).
A note is short: it quotes only the sentences cited, each once on a page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from markupsafe import Markup

from ..content.stored_texts import ARTICLE, split_sentence_id
from . import markdown_text as text
from .date_words import date_words
from .excerpts import excerpt
from .links import anchor
from .source_wording import source_words
from .story_index import StoryIndex


def keep_notes_out_of_search(html: str) -> str:
    """Mark a page's notes for Material's search to skip: they repeat the article page's sentences on every
    page that cites them, which would make every page a search hit for them and swell the search index."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)


NOTE_WORDS = 20  # about as many words of the report as one note quotes
NOTE_BUDGETS = (NOTE_WORDS, 18, 16, 14, 12, 10, 8)  # tighter and tighter, for a page whose notes would outweigh it
NOTES_SHARE = 0.23  # of a page's words, at most; the reader's limit is a quarter, and this counts from Markdown
_NOTE_LINE = re.compile(r"^(?:\[\^[^\]]+\]:|    )(.*)$", re.MULTILINE)
_MARKUP = re.compile(r"<[^>]+>|\]\([^)]*\)|\{:[^}]*\}|\[\^[^\]]+\]")


class Citations:
    """The footnote markers of one page and, at its end, their notes.

    A note names its source in words ("Reuters, 29 October 2024" in the page's first note, "Reuters" after, as a
    short citation) and quotes each cited sentence once per page:
    a later note citing it again points back to the note that quotes it ("see note 2"), and a sentence
    the page shows in full already (a quote's context) is not quoted again at all.
    """

    def __init__(self, index: StoryIndex, sentence_page: Mapping[str, str], words: int = NOTE_WORDS) -> None:
        """`sentence_page`: the article page each sentence is on, by sentence id; `words`: about how many words of
        the report one note quotes."""
        self.index = index
        self.words = words
        self.sentence_page = sentence_page
        self.notes_by_label: dict[str, Markup] = {}
        self.quoted_in: dict[str, int] = {}  # sentence id -> the note that quotes it
        self.background_in: dict[str, int] = {}  # background id -> the note that names its sources
        self.shown: set[str] = set()  # sentences the page shows in full outside the notes
        self.gives: dict[str, set[str]] = {}  # note label -> the sentence ids and "bg-" ids its note gives
        self.giving: dict[str, list[str]] = {}  # a sentence id or "bg-" id -> the labels of the notes giving it
        self.sources_named: set[str] = set()  # sources (the article's key too) a note of the page has named
        article = index.loaded.story.article
        # The first note of a page naming the report names it in full, later ones by its agency alone.
        self.source = text.md_escape(f"{article.agency}, {date_words(index.loaded.story).day(article.published)}")
        self.short_source = text.md_escape(article.agency)

    def __call__(self, item=None, *, cites: Sequence[str] = (), background: Sequence[str] = ()) -> Markup:
        """The marker for what `item` (or the given ids) rests on, e.g. `[^p3-s1_bg-nato-briefing]`."""
        cites = list(dict.fromkeys([*(item.cites if item is not None else ()), *cites]))
        background = list(dict.fromkeys([*(item.background if item is not None else ()), *background]))
        if not cites and not background:
            return Markup("")
        label = "_".join([anchor(sentence_id) for sentence_id in cites] + [f"bg-{item_id}" for item_id in background])
        wanted = {*cites, *(f"bg-{item_id}" for item_id in background)}
        # A note already on the page that gives all of it serves again: fewer notes, each passage quoted once.
        # Only the notes that give the first of it are tried, so a page of thousands of notes is not searched whole.
        first = next(iter(wanted))
        label = next((known for known in self.giving.get(first, ()) if wanted <= self.gives[known]), label)
        if label not in self.notes_by_label:
            self.gives[label] = wanted
            for key in wanted:
                self.giving.setdefault(key, []).append(label)
            number = len(self.notes_by_label) + 1  # notes are numbered in the order they are first referred to
            # Python-Markdown continues a note with paragraphs indented by four spaces.
            self.notes_by_label[label] = Markup("\n\n    ").join(
                [*self._sentences(cites, number, _claim(item)), *self._backgrounds(background, number)])
        return Markup(f"[^{label}]")

    def show(self, sentence_ids: Sequence[str]) -> Markup:
        """Record that the page shows these sentences in full, so that no note quotes them again."""
        self.shown.update(sentence_ids)
        return Markup("")

    def _link(self, sentence_id: str, words: Markup) -> Markup:
        return Markup(f"[{words}]({self.sentence_page[sentence_id]}#{anchor(sentence_id)})")

    def _sentences(self, cites: Sequence[str], number: int, claim: str) -> list[Markup]:
        """The reports' part of a note: a paragraph for each source whose sentences it cites, the article first."""
        by_source: dict[str, list[str]] = {}
        for sentence_id in cites:
            by_source.setdefault(split_sentence_id(sentence_id)[0], []).append(sentence_id)
        return [self._one_source(key, cited, number, claim) for key, cited in sorted(by_source.items(),
                                                                                        key=lambda item: bool(item[0]))]

    def _source_named(self, key: str) -> Markup:
        """A source in full the first time a page's notes name it ("Reuters, 29 October 2024"), by its agency or
        outlet after; a page whose first notes cite only the background names the article in full in its first
        note that cites the article."""
        first = key not in self.sources_named
        self.sources_named.add(key)
        if key == ARTICLE:
            return self.source if first else self.short_source
        entry = self.index.entry(key)
        return text.md_escape(source_words(entry) if first else entry.outlet)

    def _one_source(self, key: str, cites: Sequence[str], number: int, claim: str) -> Markup:
        """One source's part of a note, one paragraph: "Reuters, 29 October 2024:" and, for each sentence the
        page has not quoted yet, the words of it that support the claim, linked to it on the article page. A
        sentence the reader has in front of them already (the claim gives it word for word, or the page shows it
        in full) is pointed to by its paragraph, and one an earlier note quotes by that note ("see note 2")."""
        sentence = self.index.sentence
        # A claim that gives the sentence word for word (a gist copied from the report) needs no second copy.
        verbatim = {i for i in cites if text.plain_words(sentence(i).text) in text.plain_words(claim)}
        new = [i for i in cites if i not in self.shown | self.quoted_in.keys() | verbatim]
        placed, earlier = self._given_already([i for i in cites if i not in new], verbatim)
        named = self._source_named(key)
        if not new and not placed:
            return self._link(cites[0], named) + Markup(f": see {_notes(earlier)}.")
        for sentence_id in new:
            self.quoted_in[sentence_id] = number
        quoted, too_long = self._excerpts(new, claim)
        return _note(named, quoted, self._places([*too_long, *placed]), earlier)

    def _given_already(self, old: list[str], verbatim: set[str]) -> tuple[list[str], list[int]]:
        """(the sentences the reader has in front of them already, the earlier notes quoting the others)."""
        earlier = sorted({self.quoted_in[i] for i in old if i in self.quoted_in and i not in verbatim})
        return [i for i in old if i in verbatim or i not in self.quoted_in], earlier

    def _excerpts(self, new: Sequence[str], claim: str) -> tuple[Markup, list[str]]:
        """The words of the sentences that support the claim, linked; and the sentences whose clause is too long
        for a note (it is never cut), which the note points to by paragraph instead."""
        sentence = self.index.sentence
        limit = max(6, min(14, self.words // len(new))) if new else 0  # several sentences: less of each
        # ...but the clause a claim rests on is quoted whole up to the same length however many sentences the
        # note cites: a story's lede should not be merely pointed to because a second sentence shares its note.
        longest = self.words * 2
        excerpts = {i: excerpt(sentence(i).text, claim, limit, longest) for i in new}
        quoted = Markup(" ").join(self._link(i, text.md_escape(words)) for i, words in excerpts.items() if words)
        return quoted, [i for i, words in excerpts.items() if not words]

    def _places(self, sentence_ids: Sequence[str]) -> list[Markup]:
        """The paragraphs the sentences stand in, in the text's order, each linked at its first sentence here."""
        ordered = sorted(sentence_ids, key=lambda i: (split_sentence_id(i)[0], self.index.sentence(i).start))
        places = {self._paragraph(i): i for i in reversed(ordered)}
        return self._paragraphs(list(reversed(places.items())))

    def _paragraph(self, sentence_id: str) -> str:
        """'paragraph 4' of the text the sentence stands in, as its id and its text's page number it; 'headline'
        or 'byline' for the lines before the body."""
        return self.index.places_of(sentence_id).paragraph(self.index.sentence(sentence_id))

    def _paragraphs(self, places: list[tuple[str, str]]) -> list[Markup]:
        """'paragraph 4', or 'paragraphs 2 and 3' with each number linked; 'headline' and 'byline' by name."""
        numbered = [(place.split()[-1], i) for place, i in places if place.startswith("paragraph ")]
        named = [self._link(i, text.md_escape(f"the {place}")) for place, i in places
                 if not place.startswith("paragraph ")]
        if len(numbered) == 1:
            number, i = numbered[0]
            return [*named, self._link(i, Markup(f"paragraph {number}"))]
        links = [self._link(i, Markup(number)) for number, i in numbered]
        return [*named, *([Markup("paragraphs ") + _and(links)] if links else [])]

    def _backgrounds(self, ids: Sequence[str], number: int) -> list[Markup]:
        """The background's part of a note, one paragraph: each item's title, linked, and who published it, or
        the earlier note that said so ("Background: [The treaty](…), from TASS and others; [Kazan](…), note 3.")."""
        if not ids:
            return []
        parts = []
        for item_id in ids:
            title = Markup(f"[{text.md_escape(self.index.background[item_id].title)}](context.md#{item_id})")
            if item_id in self.background_in:
                parts.append(title + Markup(f", see {_notes([self.background_in[item_id]])}"))
                continue
            self.background_in[item_id] = number
            outlets = list(dict.fromkeys(source.outlet for source in self.index.background[item_id].sources))
            said = outlets[0] + (" and others" if len(outlets) > 1 else "")
            parts.append(title + Markup(", from ") + text.md_escape(said))
        return [Markup("Background: ") + Markup("; ").join(parts) + Markup(".")]

    def notes(self) -> Markup:
        """The footnote definitions; Python-Markdown gathers them at the end of the page."""
        return Markup("\n\n".join(f"[^{label}]: {note}" for label, note in self.notes_by_label.items()))


def _note(named: Markup, quoted: Markup, places: list[Markup], earlier: list[int]) -> Markup:
    """'Reuters: “…words…” Also paragraph 5; see note 2.', or 'Reuters, paragraph 4.' with no words."""
    where = Markup(" and ").join(places)
    see = Markup(f"see {_notes(earlier)}") if earlier else Markup("")
    if not quoted:
        return named + Markup(", ") + where + (Markup("; ") + see if see else Markup("")) + Markup(".")
    if places:
        return named + Markup(": ") + quoted + Markup(" Also ") + where + (Markup("; ") + see if see else
                                                                           Markup("")) + Markup(".")
    return named + Markup(": ") + quoted + (Markup(" See also ") + see[4:] + Markup(".") if see else Markup(""))


def notes_share(markdown: str) -> float:
    """The share of a page's words that its notes hold, counted from its Markdown."""
    def words(text: str) -> int:
        return sum(1 for word in _MARKUP.sub(" ", text).split() if re.search(r"\w", word))
    notes = sum(words(match.group(1)) for match in _NOTE_LINE.finditer(markdown))
    return notes / max(1, words(markdown))


def _and(parts: Sequence[Markup]) -> Markup:
    """'a', 'a and b', 'a, b and c'."""
    return Markup(", ").join(parts[:-1]) + Markup(" and ") + parts[-1] if len(parts) > 1 else parts[0]


def _notes(numbers: Sequence[int]) -> str:
    """'note 3', 'notes 3 and 5'."""
    if len(numbers) == 1:
        return f"note {numbers[0]}"
    return "notes " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _claim(item: object) -> str:
    """The words of the item a note supports: a takeaway's text, a statement's gist, an answer, a position."""
    return " ".join(str(getattr(item, field)) for field in ("text", "gist", "answer", "position", "value", "what")
                    if isinstance(getattr(item, field, None), str))
