"""Material's search index, with each section's heading found by lookup instead of a walk of the whole page.

Material 9.8's search plugin (material/plugins/search/plugin.py, `SearchIndex._find_toc_by_id`) finds the table of
contents entry of every section of a page by walking the page's whole table of contents: on the who's who page,
one section and one entry per person, that is the square of the number of people. The hook gives the plugin's
index a lookup made once per page, which answers as the walk does (the first entry with the id, depth first).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def index_toc_lookups(search_index: Any) -> None:
    """Replace `search_index._find_toc_by_id(toc, id)` with a lookup, if the plugin still has that method."""
    if not callable(getattr(search_index, "_find_toc_by_id", None)):
        return
    last: dict[str, Any] = {"toc": None, "by_id": {}}

    def find_toc_by_id(toc: Iterable[Any], anchor: str | None) -> Any:
        if last["toc"] is not toc:  # the plugin asks for one page's sections in a row
            last["toc"], last["by_id"] = toc, _entries_by_id(toc)
        return last["by_id"].get(anchor)

    search_index._find_toc_by_id = find_toc_by_id


def _entries_by_id(toc: Iterable[Any]) -> dict[str, Any]:
    """Every entry of a table of contents by its id, the first in depth-first order where ids repeat."""
    by_id: dict[str, Any] = {}
    stack = list(reversed(list(toc)))
    while stack:
        entry = stack.pop()
        by_id.setdefault(entry.id, entry)
        stack.extend(reversed(entry.children))
    return by_id
