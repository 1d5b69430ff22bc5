"""Render a checked story into Markdown pages with Jinja2 templates.

Every `{{ value }}` in a template is escaped for Markdown unless it is already `Markup`, so text
from the content can never become markup. Templates keep the pages' structure; links are built from validated
ids in generator/pages/links.py, and sentences whose wording or punctuation depends on the content in
generator/pages/wording.py.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..content.explainer_dates import as_of, explainer_dates
from ..content.load import LoadedStory
from ..content.map_files import CLOSE_UP_FILE, MAP_FILE
from ..content.map_files import DATA_CREDIT as MAP_CREDIT
from ..content.project import cache_folder
from ..content.schema import SECTION_TITLES, Quote
from ..content.yamlwrite import yaml_value
from . import captions, source_wording, who_is_who, wording
from . import markdown_text as text
from .citations import NOTE_BUDGETS, NOTES_SHARE, Citations, notes_share
from .date_words import date_words
from .identity import same_source
from .introductions import Mentions
from .links import Links, anchor
from .page_types import HOME, PAGE_TYPES, PageType, full_sources, pages_with_content, read_on
from .pull_quotes import other_voices, pull_quotes
from .source_wording import source_page_words
from .story_index import StoryIndex, index_story

TEMPLATES = Path(__file__).parent / "templates"
MAP_PATH = f"images/{MAP_FILE}"
CLOSE_UP_PATH = f"images/{CLOSE_UP_FILE}"
FILTERS_VERSION = 2


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in .cache/jinja, so a fresh process need not compile them again."""
    folder = cache_folder(Path(), "jinja")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    # A compiled template calls each filter as it was registered then (with the context or without): a filter
    # that changes how it is called needs this raised, or an old cache calls it the old way.
    return jinja2.FileSystemBytecodeCache(str(folder), f"__jinja2_%s.{FILTERS_VERSION}.cache")


def _one_line(block: str) -> Markup:
    """A block's lines joined by spaces: a paragraph or table row written over several lines of a template,
    since a line break inside a Markdown paragraph would reach the page's HTML as one."""
    return Markup(" ".join(line.strip() for line in block.splitlines()).strip() + "\n")


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
        heading_id=text.heading_id,
        as_phrase=text.as_phrase,
        as_sentence=text.as_sentence,
        capitalised=text.capitalised,
        one_line=_one_line,
        # Dates in the story's own style, which each render passes in as `dates`.
        long_date=jinja2.pass_context(lambda context, day: context["dates"].day(day)),
        time_tag=jinja2.pass_context(lambda context, moment: wording.time_tag(moment, context["dates"])),
    )
    env.tests["quote"] = lambda item: isinstance(item, Quote)
    return env


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


def _map_thumbnail(loaded: LoadedStory) -> dict[str, object] | None:
    """What the overview shows of the map: its close-up where the story has one, else the whole map."""
    if loaded.map_svg is None:
        return None
    if loaded.close_up_svg is not None:
        return {"src": CLOSE_UP_PATH, "size": _svg_size(loaded.close_up_svg),
                "what": "the close-up from the locator map", "close_up": True}
    return {"src": MAP_PATH, "size": _svg_size(loaded.map_svg), "what": "a small locator map", "close_up": False}


@dataclass(frozen=True)
class RenderedPage:
    path: str
    page_type: PageType
    markdown: str


def _front_matter(page_type: PageType, title: str, description: str) -> str:
    hide = f"hide: {yaml_value(list(page_type.hide))}\n" if page_type.hide else ""
    return f"---\ntitle: {yaml_value(title)}\ndescription: {yaml_value(description)}\n{hide}---\n\n"


def _page_slices(page_type: PageType, index: StoryIndex) -> list[tuple[int, dict[str, object]]]:
    """(number from 0, what the template gets besides the common values) for each page of a page type."""
    if page_type.paging is None:
        return [(0, {})]
    items = page_type.paging.items(index)
    per_page = page_type.paging.per_page
    count = max(1, math.ceil(len(items) / per_page))
    return [(number, {"items": items[number * per_page : (number + 1) * per_page],
                      "pager": _pager(page_type, number, count)})
            for number in range(count)]


def _pager(page_type: PageType, number: int, count: int) -> Markup:
    """The line between the pages of a list, empty when it has one page."""
    if count == 1:
        return Markup("")
    return wording.pager(number + 1, count, page_type.path(number - 1) if number else None,
                         page_type.path(number + 1) if number + 1 < count else None)


def render_site_pages(loaded: LoadedStory, index: StoryIndex | None = None) -> list[RenderedPage]:
    """Every generated page, in the order PAGE_TYPES declares them."""
    env = _environment()
    index = index or index_story(loaded)
    link = Links(index)
    story = loaded.story
    pull = pull_quotes(index)
    voices = other_voices(index, [pull[0]] if pull[0] else [])
    common = {"story": story, "index": index, "link": link, "say": wording, "caption": captions, "anchor": anchor,
              "map_file": MAP_PATH if loaded.map_svg else None,
              "map_credit": MAP_CREDIT, "map_size": _svg_size(loaded.map_svg),
              "map_thumbnail": _map_thumbnail(loaded), "explainer": explainer_dates(story),
              "as_of": as_of(story), "dates": date_words(story),
              "read_on": read_on(story), "section_titles": SECTION_TITLES, "same_source": same_source(story.article),
              "linked": pages_with_content(story), "pull": pull,
              "voices": voices, "further": source_wording, "who": who_is_who,
              "release_day": wording.release_day(story.article)}
    lower_titles = story.meta.date_style == "ap"  # AP writes a title after a name in lower case
    mentions = Mentions(story.people, index.common_words, [party.name for party in story.parties], lower_titles,
                        story.abbreviations)
    output: list[RenderedPage] = []
    for page_type in PAGE_TYPES:
        template = env.get_template(page_type.template)
        for path, title, description, extra in _pages_of(page_type, index):
            for words in NOTE_BUDGETS:  # notes that would outweigh the page quote less, clause by whole clause
                markdown = template.render(common, title=title, cite=Citations(index, link.sentence_page, words),
                                           mention=mentions.for_page(), **extra)
                if page_type is not HOME or notes_share(markdown) <= NOTES_SHARE:
                    break
            output.append(RenderedPage(path, page_type, _front_matter(page_type, title, description) + markdown))
    return output


def _pages_of(page_type: PageType, index: StoryIndex) -> list[tuple[str, str, str, dict[str, object]]]:
    """(path, title, description, what the template gets besides the common values) for each page of a type."""
    story = index.loaded.story
    if page_type.per_source:
        return [(page_type.source_path(entry.id), *source_page_words(entry), {"source": index.texts[entry.id]})
                for entry in full_sources(story)]
    return [(page_type.path(number), page_type.title_for(story, number + 1), page_type.description(story), extra)
            for number, extra in _page_slices(page_type, index)]


def render_pages(loaded: LoadedStory, index: StoryIndex | None = None) -> dict[str, str]:
    """Every generated page's Markdown, by its path under the docs folder."""
    return {page.path: page.markdown for page in render_site_pages(loaded, index)}
