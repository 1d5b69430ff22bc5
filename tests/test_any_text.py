"""Any text in any field renders as exactly that text: no element, attribute or column the templates did not make."""

from __future__ import annotations

import copy
import html
import re
from html.parser import HTMLParser
from typing import get_args, get_origin

import markdown
import pytest
from conftest import ROOT, SECOND_STORY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from pydantic import AfterValidator, BaseModel, ValidationError

from generator.article.further import ReportPassages
from generator.article.source import split_article
from generator.content.load import LoadedStory
from generator.content.schema import Name, Story, Text, quotation_mark_in, quotation_mark_in_name
from generator.content.stored_texts import StoredText
from generator.content.yamlfile import YamlDocument, load_yaml
from generator.pages.render import render_pages

HOSTILE = [
    "<script>alert(1)</script>", "</div></figure>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))",
    "{{ jinja }}", "{% raw %}", "a | b | c", "# heading", "* star", "> quote", "- dash", "1. one", "---",
    "`code` ``x``", "&amp; &lt; &#x41;", "right\u200fto\u200eleft", "zero\u200dwidth", "cafe\u0301", "emoji 🇺🇦👍🏽", "10\u00a0000 no-break",
    "__init__ **bold** _it_", "{: #id .class }", "!!! note", "<!-- comment -->", "\\escaped\\", "trailing  ",
    ":", ": defined", "= equals", "~tilde~", "^caret^", "///Footnotes Go Here///",
]

BASE = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0].data
# What the fixture story leaves out, so that every text field has a place to show.
BASE.setdefault("figures", [{"value": "About 40", "what": "Ferries a day", "who": "the council", "date": "2025-03-03",
                             "cites": ["p3.s1"]}])
BASE.setdefault("map", {"title": "Where Portvale is", "description": "A harbour town.", "places": ["Portvale"],
                        "highlight": [{"country": "GBR", "region": "Kent"}]})
BASE["statements"][0].pop("date", None)  # a statement's date_note is shown only when it has no date
# A short form the takeaways name ("the northern pier"), so that what it stands for is shown where it is spelled out.
BASE.setdefault("abbreviations", [{"short": "pier", "full": "Plain name"}])
# A further source kept in full, with its text, so that its outlet, author and title have a place to show.
BASE.setdefault("sources", [{"id": "council-release", "kind": "news release", "outlet": "Portvale harbour council",
                             "author": "The press office", "title": "Pier to reopen", "date": "2025-03-03",
                             "url": "https://example.org/portvale/pier"}])
FURTHER_TEXT = "Pier to reopen\n\nThe northern pier will reopen on Wednesday.\n"
MAP_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def _is_text(annotation: object, metadata: list[object]) -> bool:
    """Whether a field (or a list's item) holds the schema's free text: Text, with its visibility check."""
    checks = [item for item in get_args(Text)[1:] if isinstance(item, AfterValidator)]
    inner = [item for argument in get_args(annotation) for item in getattr(argument, "__metadata__", ())]
    return any(check in [*metadata, *inner] for check in checks)


def _text_fields(model: type[BaseModel] = Story, path: tuple = ()) -> list[tuple]:
    """Every free-text field of the schema, as a path into the story data (the first item of each list)."""
    found: list[tuple] = []
    for name, info in model.model_fields.items():
        is_list = get_origin(info.annotation) is list
        here = (*path, name, 0) if is_list else (*path, name)
        if _is_text(info.annotation, info.metadata):
            found.append(here)
            continue
        for argument in (info.annotation, *get_args(info.annotation)):
            if isinstance(argument, type) and issubclass(argument, BaseModel):
                found += _text_fields(argument, here)
    return found


FUZZED_ELSEWHERE = {
    ("quotes", 0, "text"),  # must stand in the article: test_any_quote_shows_verbatim changes both together
    ("map", "highlight", 0, "region"),  # only drawn into the map's SVG by scripts/draw_locator_map.py,
    ("map", "places", 0),  # whose own tests cover them; never put in a page
    # The site's identity reaches the theme, not the pages: test_story_shapes and the browser test build with it.
    ("site", "name"), ("site", "description"), ("site", "credit"),
    # A term is checked against the article and never put in a page (test_quote_integrity).
    ("terms", 0, "text"), ("terms", 0, "note"),
    # A short form is shown where the site's own text names it, as that text writes it; `full` is fuzzed here.
    ("abbreviations", 0, "short"),
}
TEXT_FIELDS = [path for path in _text_fields() if path not in FUZZED_ELSEWHERE]
ARTICLE = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
_config = load_config(str(ROOT / "mkdocs.yml"))
EXTENSIONS, EXTENSION_CONFIGS = _config.markdown_extensions, _config.mdx_configs


class _Structure(HTMLParser):
    """Records every element with its attribute names, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def to_html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def loaded_story(data: dict, article: str = ARTICLE, map_svg: str | None = MAP_SVG) -> LoadedStory:
    """The story of `data` as loading gives it to the pages, unchecked, its further sources' texts with it."""
    story = Story.model_validate(data)
    further = tuple(StoredText(entry.id, entry.file_name, split_article(FURTHER_TEXT),
                               ReportPassages(split_article(FURTHER_TEXT)), entry) for entry in story.sources)
    return LoadedStory(story, split_article(article), YamlDocument("story.yaml", data), SECOND_STORY, map_svg,
                       further=further)


def rendered(data: dict, article: str = ARTICLE) -> dict[str, _Structure]:
    loaded = loaded_story(data, article)
    parsed = {}
    for name, page in render_pages(loaded).items():
        structure = _Structure()
        structure.feed(to_html(page))
        parsed[name] = structure
    return parsed


def with_text(path: tuple, value: str) -> dict:
    data = copy.deepcopy(BASE)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def collapse(text: str) -> str:
    return re.sub(r"[ \t\r\n\f\v\u2028\u2029]+", " ", text).strip()


BASELINE = rendered(with_text(TEXT_FIELDS[0], "Plain words"))


# Shown where a sentence or a date would stand: the first letter's case follows its place, and a date in words
# drops its closing full stop inside brackets. A short name opens a quote's caption ("Van der Linde said").
# A role opens its line on the Who's who page ("Ab; (Portvale harbour council)"), while captions give only its
# post, the part before a semicolon. Everything else is shown exactly.
SENTENCE_PLACED = {("figures", 0, "who"), ("statements", 0, "date_note"), ("quotes", 0, "date_note"),
                   ("people", 0, "short_name"), ("people", 0, "role")}


# A label is the site's words for a quote: quotation marks in it would make it pass for the quote itself.
REFUSES_QUOTATION_MARKS = {("quotes", 0, "label"), ("reactions", 0, "status_words"), ("abbreviations", 0, "full")}


def _is_name(annotation: object, metadata: list[object]) -> bool:
    """Whether a field holds a name (a person's, a body's, an outlet's), which holds no quotation marks either."""
    check = get_args(Name)[-1]  # Name is Text with one check more, last
    inner = [item for argument in get_args(annotation) for item in getattr(argument, "__metadata__", ())]
    return check in [*metadata, *inner]


def _name_fields(model: type[BaseModel] = Story, path: tuple = ()) -> set[tuple]:
    found: set[tuple] = set()
    for name, info in model.model_fields.items():
        here = (*path, name, 0) if get_origin(info.annotation) is list else (*path, name)
        if _is_name(info.annotation, info.metadata):
            found.add(here)
        for argument in (info.annotation, *get_args(info.annotation)):
            if isinstance(argument, type) and issubclass(argument, BaseModel):
                found |= _name_fields(argument, here)
    return found


NAMES = _name_fields()


def assert_shows_exactly(path: tuple, value: str) -> None:
    if (path in REFUSES_QUOTATION_MARKS and quotation_mark_in(value)) or (
            path in NAMES and quotation_mark_in_name(value)):
        with pytest.raises(ValidationError, match="holds the quotation mark"):
            Story.model_validate(with_text(path, value))
        return
    pages = rendered(with_text(path, value))
    shown = collapse(value)
    forms = {shown}
    if path in SENTENCE_PLACED:
        forms = {form for first in (shown[:1].upper(), shown[:1].lower())
                 for form in (first + shown[1:], (first + shown[1:]).removesuffix(".").rstrip())}
    verb, comma, aside = shown.partition(",")
    # A quote's `how` with an aside ("said, dismissing reports") has the place and date put after its verb: the
    # caption shows each part as written, the verb and then the aside.
    parts = [verb.strip(), aside.strip()] if path[::2] == ("quotes", "how") and verb.strip() and aside.strip() \
        else None
    found = False
    for name, structure in pages.items():
        assert structure.elements == BASELINE[name].elements, f"{path} changed the markup of {name}"
        page_text = collapse("".join(structure.text))
        if any(form in page_text for form in forms) or (parts and _in_order(page_text, parts)):
            found = True
    assert found, f"{path}: {value!r} not shown as text"


def _in_order(text: str, parts: list[str]) -> bool:
    """Whether each part is in the text, each after the one before."""
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("path", TEXT_FIELDS, ids=lambda p: ".".join(map(str, p)))
def test_hostile_text_shows_as_text(path: tuple, value: str) -> None:
    assert_shows_exactly(path, value)


visible_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(TEXT_FIELDS), value=visible_text)
def test_any_text_in_any_field_shows_as_text(path: tuple, value: str) -> None:
    assert_shows_exactly(path, value)


@settings(max_examples=60, deadline=None)
@given(value=visible_text.filter(lambda s: "”" not in s and s == s.strip()))
def test_any_quote_shows_verbatim(value: str) -> None:
    article = ARTICLE.replace("“rushed”", f"“{value}”")
    data = with_text(("quotes", 1, "text"), value)
    pages = rendered(data, article)
    assert pages["quotes.md"].elements == BASELINE["quotes.md"].elements
    assert f"“{collapse(value)}”" in collapse("".join(pages["quotes.md"].text))


def test_a_role_of_punctuation_alone_is_shown_and_breaks_no_page() -> None:
    for role in (";", ";x", "ab;", "x;y"):
        assert_shows_exactly(("people", 0, "role"), role)


def test_a_how_that_opens_with_a_comma_is_shown_as_written() -> None:
    assert_shows_exactly(("quotes", 0, "how"), ",0")


def test_a_how_with_an_aside_shows_its_verb_then_its_aside() -> None:
    assert_shows_exactly(("quotes", 0, "how"), "0,0")
    assert_shows_exactly(("quotes", 0, "how"), "said, dismissing reports")


def test_the_page_shows_escaped_entities_literally() -> None:
    pages = rendered(with_text(("takeaways", 0, "text"), "Tom &amp; Jerry <b>"))
    assert "Tom &amp; Jerry <b>" in collapse("".join(pages["index.md"].text))
    assert html.escape("<b>") not in "".join(pages["index.md"].text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
       .filter(lambda s: s.strip()))
def test_front_matter_holds_any_text_as_mkdocs_reads_it(value: str) -> None:
    """Even text the loader refuses (control characters, non-characters) would not break the front matter:
    MkDocs drops front matter it cannot parse without a word, and shows it as page text."""
    data = with_text(("meta", "headline"), value)
    data = {**data, "meta": {**data["meta"], "summary": value}}
    loaded = loaded_story(data, map_svg=None)
    body, meta = get_data(render_pages(loaded)["index.md"])
    assert meta["title"] == value and meta["description"] == value
    assert not body.lstrip().startswith("---")
