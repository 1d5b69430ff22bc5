"""Read SOURCE for `draft`: an article's text, or a saved web page reduced to the same shape.

The text form is the one `content/article.txt` uses: the headline, a blank line, the byline line, a blank
line, then the body's paragraphs. A web page is reduced to that form, keeping its metadata beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.errors import ContentError, Problem, line_and_column
from ..content.load import display_path
from ..content.safety import forbidden_character
from ..content.yamlfile import DEFAULT_MAX_BYTES, read_text

# htmldate gives a day only unless asked for the time as well; the page's original date, not its last update.
_DATE_WITH_TIME = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


@dataclass(frozen=True)
class RawArticle:
    """The article as found: its text in article.txt form, and what the page's metadata says."""

    text: str
    label: str  # the SOURCE path, for located errors
    url: str | None = None
    outlet: str | None = None
    agency: str | None = None
    published: str | None = None  # the page's own date or time, as ISO text
    given: tuple[str, ...] = ()  # the fields the editor gave on the command line ("url", "outlet"): no guess


def read_source(path: Path) -> RawArticle:
    """The article in SOURCE, or a ContentError saying where and why it cannot be read."""
    label = display_path(path)
    if not path.is_file():
        raise ContentError([Problem(label, 1, 1, "", "no such file; give an article's .txt or a saved .html page")])
    text, problems = read_text(path, label, DEFAULT_MAX_BYTES)
    if text is None:
        raise ContentError(problems)
    bad = forbidden_character(text)
    if bad:
        offset, name = bad
        line, column = line_and_column(text, offset)
        raise ContentError([Problem(label, line, column, "", f"{name} has no place in an article; remove it")])
    if path.suffix.lower() in (".html", ".htm"):
        return _from_page(text, label)
    if not text.strip():
        raise ContentError([Problem(label, 1, 1, "", "the file is empty; paste the article's text into it")])
    return RawArticle(text if text.endswith("\n") else text + "\n", label)


def _from_page(page: str, label: str) -> RawArticle:
    """A saved web page in article.txt form: its headline, a byline line made of its metadata, its paragraphs."""
    data = _page_data(page)
    body = (data.get("text") or "").strip()
    title = " ".join((data.get("title") or "").split())
    if not body or not title:
        missing = "its article text" if not body else "a headline (<title> or og:title)"
        raise ContentError([Problem(label, 1, 1, "", f"no article found in this page: it lacks {missing}")])
    paragraphs = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    if paragraphs and paragraphs[0] == title:  # the page's own heading, already the headline line
        paragraphs.pop(0)
    if data.get("date"):
        data["date"] = re.sub(r"T00:00:00(?:[+-]\d{2}:?\d{2}|Z)?$", "", data["date"])  # a day without a time
    text = "\n\n".join([title, _byline_from_metadata(data), *paragraphs]) + "\n"
    return RawArticle(text, label, url=_web_address(data), outlet=data.get("sitename") or data.get("hostname") or None,
                      agency=data.get("author") or None, published=data.get("date") or None)


def _page_data(page: str) -> dict:
    """The article's text and metadata that trafilatura finds in a web page, as a dict (empty if none)."""
    import trafilatura  # imported here: a second or so of start-up that only web pages need

    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_precision=True,
                                        date_extraction_params=_DATE_WITH_TIME)
    return found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})


def _web_address(data: dict) -> str | None:
    """The page's own address, where it is a web address."""
    url = data.get("url") or None
    return url if url and url.startswith(("http://", "https://")) else None


def _byline_from_metadata(data: dict) -> str:
    """A byline line built only from what the page states: its author or site, and its date."""
    who = data.get("author") or data.get("sitename") or data.get("hostname") or ""
    when = data.get("date") or ""
    return " ".join(part for part in (who, "Published", when) if part) if when else (who or "Byline not given")
