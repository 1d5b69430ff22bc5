"""Render a checked story into Markdown pages with Jinja2 templates.

Every `{{ value }}` in a template is escaped for Markdown unless it is already `Markup`, so text
from the content can never become markup; links and anchors are built here, from validated ids.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import text
from .citations import Citations, SentencePlaces
from .identity import same_source
from .load import LoadedStory
from .locator_map import DATA_CREDIT as MAP_CREDIT
from .locator_map import close_up
from .pages import PAGE_TYPE, PAGE_TYPES, PageType, pages_with_content, read_on
from .project import cache_folder
from .schema import (
    CHANGE_WORDS,
    SECTION_TITLES,
    STATUS_WORDS,
    Background,
    Change,
    Entity,
    Quote,
    Statement,
    last_updated,
)
from .source import split_sentences
from .yamlwrite import yaml_value

TEMPLATES = Path(__file__).parent / "templates"
LIST_LIMIT = 20  # links listed per speaker on the who's who page before "and N more"
MAP_PATH = "images/locator-map.svg"
CLOSE_UP_PATH = "images/locator-map-close-up.svg"


@dataclass(frozen=True)
class Figures:
    """Counts shown on the method page, computed from the checked content at every build."""

    quotes: int
    statements: int
    sentences: int
    citations: int
    background: int
    background_sources: int
    events: int


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in .cache/jinja, so a fresh process need not compile them again."""
    folder = cache_folder(Path(), "jinja")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.cache
def _environment() -> jinja2.Environment:
    """One environment per process: templates compile once, and reload when their file changes."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        # Markdown, not HTML: `finalize` escapes every value for Markdown and returns Markup, so Jinja's HTML
        # escaping, applied after it, never changes anything. Autoescaping is on so that macros return Markup.
        autoescape=True,
        finalize=lambda value: value if isinstance(value, Markup) else text.md_escape(value),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        attr=text.html_escape,
        href=text.href,
        long_date=text.long_date,
        heading_id=text.heading_id,
        as_phrase=text.as_phrase,
        as_sentence=text.as_sentence,
        capitalised=text.capitalised,
        long_moment=text.long_moment,
        in_utc=text.in_utc,
        with_utc=text.with_utc,
    )
    return env


@dataclass(frozen=True)
class LinkList:
    """The first links of a list, and how many it has in all."""

    shown: list[Markup]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


class Pages:
    """Links between pages and to anchors, for one story."""

    loaded: LoadedStory

    def __init__(self, loaded: LoadedStory) -> None:
        self.loaded = loaded
        story = loaded.story
        self.people = {person.id: person for person in story.people}
        self.parties = {party.id: party for party in story.parties}
        self.reacted = {reaction.party for reaction in story.reactions}  # parties with a row on the reactions page
        self.background = {item.id: item for item in story.background}
        self.quotes = {quote.id: quote for quote in story.quotes}
        self.statements = {statement.id: statement for statement in story.statements}
        self.said: list[Quote | Statement] = [*self._in_article_order(story.quotes), *story.statements]
        self.said_page = _spread(PAGE_TYPE["quotes"], [item.id for item in self.said])
        self.sentence_page = _spread(PAGE_TYPE["article"], [sentence.id for sentence in loaded.source.sentences])
        self.places = SentencePlaces(loaded)
        self._contexts: dict[str, tuple[str, list[str]]] = {}  # quote id -> context_of(quote), placed once

    def quotes_by(self, person_id: str) -> list[Quote]:
        """A speaker's quotes in story order (one index for all speakers: filtering per person was quadratic)."""
        return self._said_by[0].get(person_id, [])

    def statements_by(self, person_id: str) -> list[Statement]:
        return self._said_by[1].get(person_id, [])

    @functools.cached_property
    def _said_by(self) -> tuple[dict[str, list[Quote]], dict[str, list[Statement]]]:
        quotes: dict[str, list[Quote]] = {}
        statements: dict[str, list[Statement]] = {}
        for quote in self.loaded.story.quotes:
            quotes.setdefault(quote.speaker, []).append(quote)
        for statement in self.loaded.story.statements:
            if statement.speaker:  # the rest are said by a whole party
                statements.setdefault(statement.speaker, []).append(statement)
        return quotes, statements

    def quote_links_by(self, person_id: str) -> LinkList:
        """Links to a speaker's quotes, each in quotation marks, for the who's who page."""
        quotes = self.quotes_by(person_id)
        return LinkList([self._link("[“{}”]({})", " ".join(paragraphs(quote)), quote.id)
                         for quote in quotes[:LIST_LIMIT]], len(quotes))

    def statement_links_by(self, person_id: str) -> LinkList:
        """Links to a speaker's reported statements, each shown by its gist."""
        statements = self.statements_by(person_id)
        return LinkList([self._link("[{}]({})", statement.gist, statement.id) for statement in statements[:LIST_LIMIT]],
                        len(statements))

    def _link(self, shape: str, words: str, said_id: str) -> Markup:
        return Markup(shape.format(text.md_escape(words), f"{self.said_page[said_id]}#{said_id}"))

    def said_sections(self, items: list[Quote | Statement]) -> list[tuple[str, bool, list[Quote | Statement]]]:
        """A page of the quotes list split under its headings: (heading, whether they are quotes, items)."""
        return [("Direct quotes" if are_quotes else "Reported statements", are_quotes, list(group))
                for are_quotes, group in itertools.groupby(items, key=lambda item: isinstance(item, Quote))]

    def _in_article_order(self, quotes: list[Quote]) -> list[Quote]:
        return sorted(quotes, key=lambda quote: self.loaded.place_of(quote))

    def timeline_order(self):
        return sorted(self.loaded.story.timeline, key=lambda event: (event.next, event.date))

    def person(self, person_id: str) -> Markup:
        return Markup(f"[{text.md_escape(self.people[person_id].name)}](people.md#{person_id})")

    def party(self, party_id: str) -> Markup:
        return text.md_escape(self.parties[party_id].name)

    def speaker(self, item: Quote | Statement) -> Markup:
        """A link to whoever said it: a person or organisation, or a whole side when the article names one."""
        if item.speaker:
            return self.person(item.speaker)
        assert isinstance(item, Statement) and item.party, "check_story gives every statement a speaker or a party"
        if item.party not in self.reacted:
            return self.party(item.party)
        return Markup(f"[{self.party(item.party)}](reactions.md#{item.party})")

    def speaker_with_role(self, item: Quote | Statement) -> Markup:
        """'Mark Rutte, Secretary General of NATO': name, then role, each as written, so any name reads well."""
        link = self.speaker(item)
        person = self.people.get(item.speaker or "")
        return Markup(f"{link}, {text.md_escape(in_apposition(person.role))}") if person and person.role else link

    def said_by(self, quote: Quote) -> Markup:
        """'**Name, role**, said' with a role, '**Name** said' without: no comma is left hanging."""
        person = self.people.get(quote.speaker)
        comma = "," if person and person.role else ""
        return Markup(f"**{self.speaker_with_role(quote)}**{comma} ") + text.md_escape(quote.how)

    def quote(self, quote_id: str) -> Markup:
        """A link to a quote: its whole words in quotation marks, or its label without them; never cut."""
        quote = self.quotes[quote_id]
        words = text.md_escape(quote.label or "") or Markup(f"“{text.md_escape(' '.join(paragraphs(quote)))}”")
        return Markup(f"[{words}]({self.said_page[quote_id]}#{quote_id})")

    def backgrounds(self, ids: list[str]) -> Markup:
        return Markup(", ".join(f"[{text.md_escape(self.background[i].title)}](context.md#{i})" for i in ids))

    def cited_text(self, item: Background) -> Markup:
        """A background item's text, each sentence followed by the numbers of the sources that carry it."""
        out = []
        for number, sentence in enumerate(split_sentences(item.text), start=1):
            carriers = [index for index, source in enumerate(item.sources, start=1)
                        if not source.carries or number in source.carries]
            links = ", ".join(f"[{index}](#{item.id}-source-{index})" for index in carriers)
            out.append(f'{text.md_escape(sentence)}<sup class="ex-ref" title="Sources">{links}</sup>')
        return Markup(" ".join(out))

    def said_in_date_order(self) -> list[Statement]:
        """Reported statements by date; undated ones last, in the article's order."""
        statements = self.loaded.story.statements
        dated = sorted((s.date, index) for index, s in enumerate(statements) if s.date)  # equal dates: article order
        return [*(statements[index] for _, index in dated), *(s for s in statements if not s.date)]

    def sentence_place(self, sentence_id: str) -> Markup:
        """'Reuters report, paragraph 4' linked to the sentence on the article page."""
        label = self.places.label(self.loaded.source.by_id[sentence_id])
        return Markup(f"[{text.md_escape(label)}]({self.sentence_page[sentence_id]}#{anchor(sentence_id)})")

    def passage_place(self, sentence_ids: list[str]) -> Markup:
        """'Reuters report, paragraphs 4–5' linked to the passage's first sentence on the article page."""
        sentences = [self.loaded.source.by_id[sentence_id] for sentence_id in sentence_ids]
        link = f"{self.sentence_page[sentence_ids[0]]}#{anchor(sentence_ids[0])}"
        return Markup(f"[{text.md_escape(self.places.span_label(sentences))}]({link})")

    def last_of_context(self) -> set[str]:
        """Ids of quotes after which the shared sentence is shown: fragments of one sentence share one block."""
        return self._last_of_context

    @functools.cached_property
    def _last_of_context(self) -> set[str]:
        # Once per build: every page of the quotes list asks, and each asking placed every quote again.
        quotes = [item for item in self.said if isinstance(item, Quote)]
        contexts = [self.context_of(quote)[1] for quote in quotes]
        return {quote.id for index, quote in enumerate(quotes)
                if index + 1 == len(quotes) or contexts[index + 1] != contexts[index]}

    def citations(self) -> Citations:
        return Citations(self.loaded, self.places, self.sentence_page, self.background)

    def describe(self, person: Entity) -> Markup:
        """"Role (Affiliation). Side: Party." with only the parts the story gives, and no stray punctuation."""
        role, affiliation = person.role, person.affiliation
        parts = []
        if role or affiliation:
            said = text.md_escape(role) if role else text.md_escape(affiliation)
            if role and affiliation:
                said += Markup(" (") + text.md_escape(affiliation) + Markup(")")
            parts.append(said + Markup("."))
        if person.party and person.party in self.reacted:
            parts.append(Markup(f"Side: [{self.party(person.party)}](reactions.md#{person.party})."))
        elif person.party:
            parts.append(Markup(f"Side: {self.party(person.party)}."))
        return Markup(" ").join(parts)

    def change_entry(self, change: Change) -> Markup:
        """"**Correction.** The name was misspelt." The first publication's entry is its text alone: it is
        written as "First published." or the like, and "Published. First published." says it twice.
        """
        if change.kind == "published":
            return text.md_escape(change.text)
        return Markup(f"**{CHANGE_WORDS[change.kind]}.** ") + text.md_escape(change.text)

    def status(self, status: str) -> str:
        return STATUS_WORDS[status]

    def context_of(self, quote: Quote) -> tuple[str, list[str]]:
        """The full sentence(s) of the article a quote stands in, and their ids (placed once per quote)."""
        found = self._contexts.get(quote.id)
        if found is None:
            source = self.loaded.source
            touched = source.sentences_between(*self.loaded.place_of(quote))
            found = self._contexts[quote.id] = (" ".join(sentence.text for sentence in touched),
                                                [sentence.id for sentence in touched])
        return found

    def figures(self) -> Figures:
        story = self.loaded.story
        cited = [*story.statements, *story.reactions, *story.takeaways, *story.questions, *story.timeline,
                 *story.unknowns, *story.figures]
        return Figures(
            quotes=len(story.quotes),
            statements=len(story.statements),
            sentences=len(self.loaded.source.sentences),
            citations=sum(len(item.cites) for item in cited),
            background=len(story.background),
            background_sources=len({source.url for item in story.background for source in item.sources}),
            events=len(story.timeline),
        )


def paragraphs(quote: Quote) -> list[str]:
    """A quote's paragraphs, each without the mark that reopens it in the article: a quotation written whole
    over paragraphs carries them ("...go.\n\n\"We will...") and is shown paragraph by paragraph in one style."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", quote.text) if part.strip()]
    return [parts[0], *(part[1:] if part[:1] in ('"', "“") else part for part in parts[1:])]


def in_apposition(role: str) -> str:
    """A role as it reads after a name and a comma: 'The Russian presidency' -> 'the Russian presidency'.

    Only a leading article is lowered; titles such as 'Secretary General of NATO' keep their capitals.
    """
    first, _, rest = role.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") and rest else role


def anchor(sentence_id: str) -> str:
    """p3.s1 -> p3-s1: an HTML id that needs no escaping in CSS or URLs."""
    return sentence_id.replace(".", "-")


_SVG_ROOT = re.compile(r"<svg\b")
_PIXELS = re.compile(r"[0-9]{1,6}")
_SVG_ATTRIBUTE = re.compile(r'\s([\w:.-]+)\s*=\s*"([^"]*)"')


def _svg_size(svg: str | None) -> tuple[str, str]:
    """The map's own width and height, so the page reserves its space before it loads.

    Only the root tag's attributes are read, each once: one pattern spanning "width ... height" across
    the tag backtracked in cubic time on a tag full of attributes that never matched.
    """
    svg = svg or ""
    root = _SVG_ROOT.search(svg)
    end = svg.find(">", root.end()) if root else -1
    if root is None or end < 0:
        return ("1000", "700")
    attributes = dict(_SVG_ATTRIBUTE.findall(svg, root.end(), end))
    width, height = attributes.get("width", ""), attributes.get("height", "")
    return (width, height) if _PIXELS.fullmatch(width) and _PIXELS.fullmatch(height) else ("1000", "700")


def _map_thumbnail(svg: str | None) -> dict[str, object] | None:
    """What the overview shows of the map: its close-up view where it has one, else the whole map."""
    if svg is None:
        return None
    cropped = close_up(svg)
    if cropped:
        return {"src": CLOSE_UP_PATH, "size": _svg_size(cropped), "what": "the close-up from the locator map"}
    return {"src": MAP_PATH, "size": _svg_size(svg), "what": "a small locator map"}


def _spread(page_type: PageType, ids: list[str]) -> dict[str, str]:
    """The page each item lands on when a paged list is split."""
    per_page = page_type.paging.per_page if page_type.paging else max(1, len(ids))
    return {item_id: page_type.path(index // per_page) for index, item_id in enumerate(ids)}


@dataclass(frozen=True)
class RenderedPage:
    path: str
    page_type: PageType
    markdown: str


def _front_matter(page_type: PageType, title: str, description: str) -> str:
    hide = f"hide: {yaml_value(list(page_type.hide))}\n" if page_type.hide else ""
    return f"---\ntitle: {yaml_value(title)}\ndescription: {yaml_value(description)}\n{hide}---\n\n"


def _page_slices(page_type: PageType, pages: Pages) -> list[tuple[int, dict[str, object]]]:
    """(index, what the template gets besides the common values) for each page of a page type."""
    if page_type.paging is None:
        return [(0, {})]
    items = page_type.paging.items(pages)
    per_page = page_type.paging.per_page
    count = max(1, math.ceil(len(items) / per_page))
    return [(index, {"items": items[index * per_page : (index + 1) * per_page],
                     "pager": {"number": index + 1, "count": count,
                               "previous": page_type.path(index - 1) if index else None,
                               "next": page_type.path(index + 1) if index + 1 < count else None}})
            for index in range(count)]


def render_site_pages(loaded: LoadedStory, pages: Pages | None = None) -> list[RenderedPage]:
    """Every generated page, in the order PAGE_TYPES declares them."""
    env = _environment()
    pages = pages or Pages(loaded)
    story = loaded.story
    common = {"story": story, "source": loaded.source, "pages": pages, "anchor": anchor,
              "status_words": STATUS_WORDS, "change_words": CHANGE_WORDS,
              "map_file": MAP_PATH if loaded.map_svg else None, "map_credit": MAP_CREDIT,
              "map_size": _svg_size(loaded.map_svg), "map_thumbnail": _map_thumbnail(loaded.map_svg),
              "updated": last_updated(story), "read_on": read_on(story),
              "section_titles": SECTION_TITLES, "same_source": same_source(story.article),
              "quote_paragraphs": paragraphs, "linked": pages_with_content(story)}
    output: list[RenderedPage] = []
    for page_type in PAGE_TYPES:
        template = env.get_template(page_type.template)
        description = page_type.description(story)
        for index, extra in _page_slices(page_type, pages):
            title = page_type.title_for(story, index + 1)
            markdown = template.render(common, title=title, cite=pages.citations(), **extra)
            output.append(RenderedPage(page_type.path(index), page_type,
                                       _front_matter(page_type, title, description) + markdown))
    return output


def render_pages(loaded: LoadedStory, pages: Pages | None = None) -> dict[str, str]:
    """Every generated page's Markdown, by its path under the docs folder."""
    return {page.path: page.markdown for page in render_site_pages(loaded, pages)}
