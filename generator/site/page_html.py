"""What the hook does to a page around the theme: values the theme prints raw, and tags in the head.

Material prints `page.title`, `page.meta.title` and `page.meta.description` without escaping (in the header,
in <title>, in <meta name="description" content="...">) and stores the title as given in the search index,
whose results are put in with innerHTML. So they are handed to the theme already escaped, by the hook under
MkDocs and ProperDocs and in the pages' front matter for Zensical, whose templates print them the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from mkdocs.structure.pages import Page

# The start of every page Material renders; content comes only after it, so it cannot be faked.
_DOCUMENT_START = re.compile(r'\A\s*<!doctype html>\s*<html\b(?P<attributes>[^>]*)>\s*<head>'
                             r'(?P<charset>\s*<meta charset="utf-8">)?', re.IGNORECASE)
# The end of the head is where the body starts: a "</head>" inside an escaped value is no longer markup.
_HEAD_END = re.compile(r"</head>(?=\s*<body\b)", re.IGNORECASE)
_LANG = re.compile(r'\blang="[^"]*"')
_POLICY_TAG = '<meta http-equiv="Content-Security-Policy"'


def escape_theme_values(page: Page) -> None:
    """Make the values Material prints without escaping safe in HTML text and attributes."""
    title = page.title
    page.meta.update(theme_safe_meta(page.meta))
    if title is not None:
        # Text only: the footer escapes it once more for an aria-label, where a quotation mark escaped
        # here would be read out as "&#x27;".
        page.title = html.escape(str(title), quote=False)


def theme_safe_meta(meta: Mapping[str, object]) -> dict[str, str]:
    """The front matter values the theme prints without escaping (title, description), escaped; engines without
    hooks get them so in the pages' front matter (generator/engines/hookless_docs.py)."""
    safe = {}
    if isinstance(title := meta.get("title"), str):
        safe["title"] = html.escape(title, quote=False)
    if isinstance(description := meta.get("description"), str):
        safe["description"] = html.escape(description, quote=True)
    return safe


def raw(value: object) -> str:
    """A value escaped by escape_theme_values, as the text it was."""
    return html.unescape(str(value))


def add_to_head(output: str, first: str, last: str, language: str | None = None) -> str:
    """Put `first` at the start of the head (before any script), `last` at its end, and set <html lang>."""
    start = _DOCUMENT_START.match(output)
    end = _HEAD_END.search(output)
    if not start or not end:
        raise ValueError("the page does not start with the theme's <!doctype html><html><head>, or has no </head> "
                         "before <body>: it is not a page the engine built")
    attributes = start.group("attributes")
    if language:
        attributes = _LANG.sub(f'lang="{html.escape(language, quote=True)}"', attributes, count=1)
    opening = output[: start.start("attributes")] + attributes + output[start.end("attributes") : start.end()]
    return opening + first + output[start.end() : end.start()] + last + output[end.start() :]


def starts_with_policy(output: str) -> bool:
    """Whether the head opens with a policy right after the theme's <meta charset>, where add_to_head puts one:
    before anything a page's content reaches, so no text in a story can fake it (a page finished already is known
    by it). The policy `zensical serve` pages carry comes before the charset, so it does not count."""
    start = _DOCUMENT_START.match(output)
    return start is not None and start.group("charset") is not None and output.startswith(_POLICY_TAG, start.end())
