"""Every passage a reader of the Kursk site sees in quotation marks is verified against a text the story stores.

The built pages are walked one by one, and each quotation in their content is accounted for: it is found word for
word in the article or in a further source kept with the story (`sources:`), or it names a thing of the site's own
and is checked as such (a source's headline, linked to the source; a heading of the site; the label of its notes),
or it quotes the site's own earlier versions in the updates log. Nothing else may stand in quotation marks.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import CONTENT

from generator.content.load import load_story

# A source's headline in quotation marks, linked to the source itself: the title of a page, not words quoted from it.
TITLE = re.compile(r"“<a [^>]*href=\"https?://[^\"]*\"[^>]*>.*?</a>”", re.S)
QUOTATION = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")
UPDATES_LOG = "method/index.html"


def _content(page: Path) -> lxml.html.HtmlElement:
    html = TITLE.sub("a title", page.read_text(encoding="utf-8"))
    return lxml.html.fromstring(html).find_class("md-content")[0]


def _without_updates_log(content: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The updates log quotes the site's own earlier versions ("an earlier version said ..."), by design."""
    heading = content.get_element_by_id("updates-and-corrections", None)
    if heading is not None:
        following = heading.getnext()
        while following is not None and following.tag != "h2":
            after = following.getnext()
            following.drop_tree()
            following = after
    return content


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def quotations(built_site: Path) -> dict[str, list[str]]:
    """Each page's quotations, by page."""
    found = {}
    for page in sorted(built_site.rglob("index.html")):
        path = page.relative_to(built_site).as_posix()
        if path.startswith(("editing/", "404")):
            continue
        content = _without_updates_log(_content(page))
        text = _words(content.text_content())
        found[path] = [next(group for group in match.groups() if group is not None)
                       for match in QUOTATION.finditer(text)]
    return found


def test_every_quotation_on_the_kursk_site_is_verified_against_a_stored_source(
        built_site: Path, quotations: dict[str, list[str]]) -> None:
    loaded = load_story(CONTENT)
    stored = [_words(loaded.source.text), *(_words(text.text.text) for text in loaded.further)]
    pages = [lxml.html.fromstring(page.read_text(encoding="utf-8")) for page in built_site.rglob("index.html")]
    # The site's own names for its parts: its headings, and the source each numbered note opens with.
    headings = {_words(element.text_content()).removesuffix("¶").strip() for tree in pages
                for element in tree.iter("h1", "h2", "h3")}
    note_labels = {_words(note.text_content()).split(":")[0] for tree in pages for footnotes in tree.find_class("footnote")
                   for note in footnotes.iter("li")}
    unverified = [f"{page}: “{words}”" for page, found in quotations.items() for words in found
                  if not any(_words(words).strip(" ,.") in text for text in stored)
                  and _words(words) not in headings | note_labels]
    assert not unverified, "\n".join(unverified)


def test_the_walk_sees_the_quotations_of_every_source(quotations: dict[str, list[str]]) -> None:
    """The walk reads what matters: the article's quotes, Peskov's words kept from TASS, the treaty's Article 4."""
    seen = {words for found in quotations.values() for words in found}
    assert "a significant escalation" in seen
    assert "another piece of fake news" in seen
    assert "immediately provide military and other assistance by all means at its disposal" in seen
    assert "contradictory" in seen


def test_a_quotation_no_stored_source_has_would_be_caught(built_site: Path, tmp_path: Path) -> None:
    """The walk itself, on a page changed to hold words no source has: it finds them."""
    page = tmp_path / "index.html"
    original = (built_site / "context" / "index.html").read_text(encoding="utf-8")
    page.write_text(original.replace("another piece of fake news", "another piece of false news", 1), encoding="utf-8")
    text = _words(_without_updates_log(_content(page)).text_content())
    assert "another piece of false news" in [next(group for group in match.groups() if group is not None)
                                             for match in QUOTATION.finditer(text)]



def _unread_marks(page: Path) -> list[str]:
    """The marks on a page that pass for quotation marks but that the walk does not read: ′, ´, ˝, «, ,, ..."""
    from generator.article.quotation import READ_MARKS, looks_like_quotation_mark

    text = _words(_without_updates_log(_content(page)).text_content())
    marks = {character for character in text if character not in READ_MARKS and looks_like_quotation_mark(character)}
    return sorted(marks | ({",,"} if ",," in text else set()))


def test_no_page_of_the_kursk_site_shows_a_quotation_mark_the_walk_cannot_read(built_site: Path) -> None:
    """The walk reads “ ” and " only: a passage in look-alike marks (′′…′′, ´´…´´, ˝…˝, «…») would escape it, so
    none may stand on a page (check refuses them in the story's own text)."""
    found = [f"{page.relative_to(built_site)}: {' '.join(marks)}" for page in sorted(built_site.rglob("index.html"))
             for marks in [_unread_marks(page)] if marks]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("marks", [("′′", "′′"), ("´´", "´´"), ("˝", "˝"), ("‵‵", "′′"), (",,", "“")])
def test_a_passage_in_look_alike_marks_would_be_caught(built_site: Path, tmp_path: Path,
                                                       marks: tuple[str, str]) -> None:
    page = tmp_path / "index.html"
    original = (built_site / "context" / "index.html").read_text(encoding="utf-8")
    opening, closing = marks
    page.write_text(original.replace("“another piece of fake news”", f"{opening}another piece of fake news{closing}", 1),
                    encoding="utf-8")
    assert _unread_marks(page)
