"""Every page of the site, declared once: its id, title, template, place in the nav and share card.

Rendering, the MkDocs nav, the overview's "Read on" list, share cards and the tests all read
`PAGE_TYPES`. A new page type is one entry here and its template `templates/<id>.md.j2`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..content.schema import Story, StorySource
from .story_index import StoryIndex


class Listed(Protocol):
    """An item of a paged list: a quote, a statement, an event or a sentence of the article."""

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Paging:
    """A page type whose items are split over several pages: `<id>.md`, `<id>-2.md`, ..."""

    items: Callable[[StoryIndex], Sequence[Listed]]
    per_page: int


@dataclass(frozen=True)
class PageType:
    id: str
    title: Callable[[Story], str]
    description: Callable[[Story], str]
    nav_label: str | None = None  # its label in the site's navigation; None keeps it out of the nav
    # What it offers, in the overview's "Read on" list (for the story at hand, where that differs); None leaves it out.
    read_on: str | Callable[[Story], str] | None = None
    share_card: bool = True  # its own share image; without one it shares the overview's
    paging: Paging | None = None
    hide: tuple[str, ...] = ()  # parts of the theme the page goes without: "navigation", "toc"
    # Whether the story gives the page anything to show; an empty page is still built, but nothing links to it.
    has_content: Callable[[Story], bool] = lambda story: True
    # One page per further source kept in full (`<id>-<source id>.md`), instead of one page or a paged list.
    per_source: bool = False

    @property
    def template(self) -> str:
        return f"{self.id}.md.j2"

    def path(self, index: int = 0) -> str:
        """The file of its `index`-th page (from 0): quotes.md, quotes-2.md, ..."""
        return f"{self.id}.md" if index == 0 else f"{self.id}-{index + 1}.md"

    def source_path(self, source_id: str) -> str:
        """The file of a per-source page type's page for one source: source-release.md."""
        return f"{self.id}-{source_id}.md"

    def title_for(self, story: Story, number: int = 1) -> str:
        """Its title; the second and later pages of a paged list say which page they are."""
        title = self.title(story)
        return title if number == 1 else f"{title} (page {number})"

    def item_pages(self, index: StoryIndex) -> dict[str, str]:
        """The page each item of a paged list lands on, by the item's id."""
        if self.paging is None:
            return {}
        per_page = self.paging.per_page
        return {item.id: self.path(number // per_page) for number, item in enumerate(self.paging.items(index))}


ITEMS_PER_PAGE = 60  # keeps a page of quotes well under 500 KB of HTML however long the story grows
SENTENCES_PER_PAGE = 200


def _constant(text: str) -> Callable[[Story], str]:
    return lambda story: text


def _said_title(story: Story) -> str:
    """What the page of what was said holds: "Quotes and statements", or only one of them."""
    if story.quotes and story.statements:
        return "Quotes and statements"
    return "Quotes" if story.quotes else "Statements"


def _said_description(story: Story) -> str:
    source = f"the {story.article.agency} {story.article.kind}"
    quotes = f"Every direct quote in {source}, word for word and in context"
    statements = f"what each speaker said in {'the article' if story.quotes else source}'s own words"
    if story.quotes and story.statements:
        return f"{quotes}, and {statements}."
    return f"{quotes}." if story.quotes else f"{statements[:1].upper()}{statements[1:]}."


PAGE_TYPES: tuple[PageType, ...] = (
    PageType(
        "index", title=lambda story: story.meta.headline, description=lambda story: story.meta.summary,
        nav_label="Overview", hide=("navigation",),
    ),
    PageType(
        "quotes", title=lambda story: _said_title(story),
        description=lambda story: _said_description(story),
        nav_label="Quotes",
        read_on=lambda story: ("who said what, word for word, each in context." if story.quotes else
                               f"what each speaker said, in the {story.article.kind}'s words."),
        has_content=lambda story: bool(story.quotes or story.statements),
        paging=Paging(lambda index: index.said, ITEMS_PER_PAGE),
    ),
    PageType(
        "reactions", title=_constant("Reactions"),
        description=_constant("Where each side stands, what it said, and the sources behind it."),
        nav_label="Reactions", read_on="where each side stands.", has_content=lambda story: bool(story.reactions),
    ),
    PageType(
        "timeline", title=_constant("Timeline"),
        description=_constant("Events in order, each marked as reported in the article or as background with its "
                              "source."),
        nav_label="Timeline", read_on="the events in order, up to the article and after it.",
        has_content=lambda story: bool(story.timeline),
        paging=Paging(lambda index: index.timeline, ITEMS_PER_PAGE),
    ),
    PageType(
        "people", title=_constant("Who's who"),
        description=_constant("The people and organisations in the story, their roles at the time, and what each "
                              "said."),
        nav_label="Who's who", read_on="the people and organisations in the story, and what each said.",
        has_content=lambda story: bool(story.people),
    ),
    PageType(
        "context", title=_constant("Context"),
        description=_constant("Background to the story, each fact with its published sources, kept apart from what "
                              "the article itself reports."),
        nav_label="Context",
        read_on=lambda story: ("the background, each fact with its source." if story.background
                               else "the locator map, described in words."),
        has_content=lambda story: bool(story.background or story.map),
    ),
    PageType(
        "sources", title=_constant("Sources"),
        description=lambda story: (f"The {story.article.kind} this explainer rests on, and how its notes cite it"
                                   + (", and every background source." if story.background else ".")),
        nav_label="Sources",
        read_on=lambda story: (f"the {story.article.kind} and every background source." if story.background
                               else f"the {story.article.kind} this explainer rests on."),
    ),
    PageType(
        "method", title=_constant("How this explainer was made"),
        description=_constant("How this explainer was built from structured content and checked against its source "
                              "at every build."),
        nav_label="How it was made", read_on="the rules, the checks made at every build, and the updates log.",
    ),
    PageType(
        "article", title=_constant("The article, sentence by sentence"),
        description=lambda story: (f"The text of the {story.article.agency} {story.article.kind} this explainer "
                                   "rests on, paragraph by paragraph."),
        share_card=False, paging=Paging(lambda index: index.article_body, SENTENCES_PER_PAGE),
    ),
    PageType(
        "source", title=_constant("A further source, sentence by sentence"),
        description=_constant("The text of a further source this explainer rests on, paragraph by paragraph."),
        share_card=False, per_source=True, has_content=lambda story: any(not entry.excerpt for entry in story.sources),
    ),
)

PAGE_TYPE = {page_type.id: page_type for page_type in PAGE_TYPES}
HOME = PAGE_TYPE["index"]


def further_sentence_pages(index: StoryIndex) -> dict[str, str]:
    """The page each sentence of a further source is on, by the id a story cites it by: its own text page for a
    source kept in full, the sources page (where it is shown whole) for an excerpt."""
    return {text.sentence_id(sentence): "sources.md" if text.entry.excerpt else PAGE_TYPE["source"].source_path(key)
            for key, text in index.texts.items() if text.entry is not None for sentence in text.text.body}


def full_sources(story: Story) -> list[StorySource]:
    """The further sources kept in full, each with a page of its own."""
    return [entry for entry in story.sources if not entry.excerpt]


def nav(paths: Collection[str] | None = None, story: Story | None = None) -> list[dict[str, str]]:
    """MkDocs' `nav` setting: the pages with a nav label, in declared order (only those in `paths`, if given,
    and only those with something to show for `story`, if given)."""
    return [{page_type.nav_label: page_type.path()} for page_type in PAGE_TYPES
            if page_type.nav_label and (paths is None or page_type.path() in paths)
            and (story is None or page_type.has_content(story))]


def served_path(source: str) -> str:
    """The path a page is served at under the site's root: "index.md" -> "", "quotes.md" -> "quotes/"."""
    return "" if source == "index.md" else source.removesuffix(".md") + "/"


def read_on(story: Story) -> list[tuple[str, str, str]]:
    """(title, path, what it offers) for each page the overview points readers on to, if it has anything."""
    return [(page_type.title_for(story), page_type.path(),
             page_type.read_on if isinstance(page_type.read_on, str) else page_type.read_on(story))
            for page_type in PAGE_TYPES if page_type.read_on and page_type.has_content(story)]


def pages_with_content(story: Story) -> set[str]:
    """Ids of the page types worth a link for this story."""
    return {page_type.id for page_type in PAGE_TYPES if page_type.has_content(story)}


def share_card_page(page_type: PageType | None) -> PageType:
    """The page whose share card a page uses: its own, or the overview's."""
    return page_type if page_type is not None and page_type.share_card else HOME
