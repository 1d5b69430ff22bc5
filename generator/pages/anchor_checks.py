"""Ids of the story that a page already uses for an anchor of its own: a person 'whos-who' on the page whose title
"Who's who" is anchored #whos-who, a quote 'direct-quotes' under the heading "Direct quotes". The page would hold
two elements with one id, and a link to either would land on the first.

The anchors are read from the pages as rendered, never from a list: each heading's id, the one its `{: #id }`
gives or the one the table of contents makes from its text, and every id="..." a template writes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..content.errors import Problem
from ..content.load import LoadedStory
from ..content.schema import dotted, identified_sections
from .markdown_text import heading_id
from .render import RenderedPage

_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*(?:\{:([^}\n]*)\})?[ \t]*$", re.M)
_GIVEN_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
_MARKUP = re.compile(r"<[^>]+>|\\(?=[\\`*_{}\[\]()#+\-.!|])")


def anchor_problems(loaded: LoadedStory, pages: Sequence[RenderedPage]) -> list[Problem]:
    """Every id of the story that a page it is shown on also gives a heading or an element of its own."""
    return [loaded.document.problem(loc, dotted(loc), message) for loc, message in _collisions(loaded, pages)]


def _collisions(loaded: LoadedStory, pages: Sequence[RenderedPage]) -> Iterator[tuple[tuple, str]]:
    items = {item_id: (section, index) for section, ids in identified_sections(loaded.story)
             for index, item_id in enumerate(ids)}
    reported: set[str] = set()
    for page in pages:
        anchors = page_anchors(page.markdown)
        counted = Counter(anchor for anchor, _ in anchors)
        for anchor, count in counted.items():
            if count < 2 or anchor not in items or anchor in reported:
                continue
            reported.add(anchor)
            heading = next((text for found, text in anchors if found == anchor and text), "")
            what = f"the heading “{heading}”" if heading else "an element of its own"
            yield ((*items[anchor], "id"),
                   f"id '{anchor}' is also the anchor of {what} on the {page.page_type.id} page ({page.path}), so "
                   "the page would hold two elements with that id and a link to either would land on the first; "
                   "choose another")


def page_anchors(markdown: str) -> list[tuple[str, str]]:
    """Each anchor of a page, in order, with its heading's text ("" for an element that is no heading)."""
    found = [(match.start(), match.group(1), "") for match in _HTML_ID.finditer(markdown)]
    for match in _HEADING.finditer(markdown):
        text = _MARKUP.sub("", match.group(1)).strip()
        given = _GIVEN_ID.search(match.group(2) or "")
        found.append((match.start(), given.group(1) if given else str(heading_id(text)), text))
    return [(anchor, text) for _, anchor, text in sorted(found)]
