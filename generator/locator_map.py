"""What the build needs of the locator map: the data credit printed under it, and its close-up.

The map itself is drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder.
"""

from __future__ import annotations

import functools
import re
from html import escape
from xml.parsers import expat

from .svg_check import svg_problems

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
# The id of the map's <view> of its close-up alone: the overview shows that part, cropped into a file of its own,
# where the whole map's labels would be too small to read. A map of places only has no close-up.
CLOSE_UP = "close-up"
_BOX = re.compile(r"([0-9]{1,5}) ([0-9]{1,5}) ([0-9]{1,5}) ([0-9]{1,5})")
_SIZE_ATTRIBUTES = {"viewBox", "width", "height"}


@functools.lru_cache(maxsize=4)
def close_up(svg: str | None) -> str | None:
    """The map cropped to its close-up view: the same drawing, its root's viewBox, width and height those of the
    view, so that a page sizes it like any image. None when the map has no close-up view.

    The file is written anew from the parsed elements, attributes and text (never by editing the map's text, where
    a comment or a quoted `>` could make a tag mean something else), and is checked like the map itself.
    """
    if svg is None:
        return None
    try:
        elements = _parse(svg)
    except expat.ExpatError:
        return None
    box = next((_BOX.fullmatch(attributes.get("viewBox", "")) for kind, name, attributes in elements
                if kind == "start" and name == "view" and attributes.get("id") == CLOSE_UP), None)
    if not elements or elements[0][1] != "svg" or box is None or "0" in (box.group(3), box.group(4)):
        return None
    x, y, width, height = (str(int(number)) for number in box.groups())
    root = {"viewBox": f"{x} {y} {width} {height}", "width": width, "height": height,
            **{name: value for name, value in elements[0][2].items() if name not in _SIZE_ATTRIBUTES}}
    cropped = _serialise([("start", "svg", root), *elements[1:]])
    return None if svg_problems(cropped, CLOSE_UP) else cropped


def _parse(svg: str) -> list[tuple[str, str, dict[str, str]]]:
    """The document's elements and text in order, as ("start", name, attributes), ("end", name, {}) and
    ("text", text, {}); comments, processing instructions and declarations are left out."""
    events: list[tuple[str, str, dict[str, str]]] = []
    parser = expat.ParserCreate()
    parser.ordered_attributes = False
    parser.StartElementHandler = lambda name, attributes: events.append(("start", name, attributes))
    parser.EndElementHandler = lambda name: events.append(("end", name, {}))
    parser.CharacterDataHandler = lambda text: events.append(("text", text, {})) if events else None
    parser.Parse(svg, True)
    return events


def _serialise(events: list[tuple[str, str, dict[str, str]]]) -> str:
    out: list[str] = []
    for index, (kind, name, attributes) in enumerate(events):
        if kind == "start":
            tag = name + "".join(f' {key}="{escape(value)}"' for key, value in attributes.items())
            empty = index + 1 < len(events) and events[index + 1][0] == "end"
            out.append(f"<{tag}/>" if empty else f"<{tag}>")
        elif kind == "end":
            if events[index - 1][0] != "start":
                out.append(f"</{name}>")
        else:
            out.append(escape(name, quote=False))
    return "".join(out) + "\n"
