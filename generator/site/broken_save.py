"""What every page says while the last save cannot be built: only under `mkdocs serve`.

A save with mistakes does not stop `mkdocs serve`: the hook builds the last good site again
(generator/engines/mkdocs_build.py), and each page of that build opens with this banner, listing the problems as
the terminal shows them. The build after the next good save has none. Each build makes MkDocs' live reload refresh
the open tabs, so the banner appears and goes without a manual reload. `mkdocs build` fails on the same mistakes
instead, and never shows it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

TITLE = "The last save could not be built"
_CONTENT_START = re.compile(r'<article class="md-content__inner md-typeset">')  # Material's base.html
_BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def banner(messages: Sequence[str]) -> str:
    """The banner's HTML. The messages quote the story's text, so each is escaped; role="alert" has a screen
    reader announce it, and the search index leaves it out."""
    items = "".join(f"<li><code>{html.escape(message)}</code></li>" for message in messages)
    return (f'<div class="admonition failure ex-broken-save" role="alert" data-search-exclude>'
            f'<p class="admonition-title">{TITLE}</p>'
            "<p>This page is the last good build, not what was saved. Fix these problems and save again; "
            "the page updates by itself.</p>"
            f'<ul class="ex-broken-save__problems">{items}</ul></div>')


def with_banner(page: str, messages: Sequence[str]) -> str:
    """A built page with the banner first in its content (or first in its body, on a page without the theme's
    content area)."""
    start = _CONTENT_START.search(page) or _BODY_START.search(page)
    at = start.end() if start else 0
    return page[:at] + banner(messages) + page[at:]
