"""What the build needs of the locator map: the data credit printed under it, and its close-up.

The map itself is drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder.
"""

from __future__ import annotations

import functools
import itertools
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
_CLIP_REFERENCE = re.compile(r"url\(#([^)\s]+)\)")
# Elements whose children are drawn in another coordinate system, where the root's box means nothing.
_NEW_COORDINATES = {"svg", "symbol", "pattern", "marker", "mask", "clipPath"}

Element = tuple[str, str, dict[str, str]]
Box = tuple[float, float, float, float]


@functools.lru_cache(maxsize=4)
def close_up(svg: str | None) -> str | None:
    """The map cropped to its close-up view: the same drawing, its root's viewBox, width and height those of the
    view, so that a page sizes it like any image. None when the map has no close-up view.

    Groups clipped to a rectangle wholly outside the view are left out: they draw nothing there, and the whole
    map's geometry would triple the bytes a phone downloads and parses for the overview.

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
    view = (float(x), float(y), float(width), float(height))
    cropped = _serialise([("start", "svg", root), *_without_clipped_away(elements, view)[1:]])
    return None if svg_problems(cropped, CLOSE_UP) else cropped


def _without_clipped_away(elements: list[Element], view: Box) -> list[Element]:
    """The elements less each one, with all inside it, whose clip-path is a single rectangle outside `view`.

    Only where the coordinates are the root's: not under a transform or in an element that starts its own, and
    never an element that holds an id, which something else may refer to.
    """
    ends = _ends(elements)
    ids_before = list(itertools.accumulate((kind == "start" and "id" in attributes for kind, _, attributes in elements),
                                           initial=0))
    rectangles = _clip_rectangles(elements, ends)
    kept: list[Element] = elements[:1]  # the root, whose coordinates `view` is in
    foreign = 0  # how many open elements have coordinates of their own
    index = 1
    while index < len(elements):
        kind, name, attributes = elements[index]
        if kind == "start" and not foreign:
            end = ends[index]
            clip = _CLIP_REFERENCE.fullmatch(attributes.get("clip-path", "").strip())
            rectangle = rectangles.get(clip.group(1)) if clip else None
            if (rectangle and "transform" not in attributes and not _overlaps(rectangle, view)
                    and ids_before[end + 1] == ids_before[index]):
                index = end + 1
                continue
        if kind == "start" and (foreign or name in _NEW_COORDINATES or "transform" in attributes):
            foreign += 1
        elif kind == "end" and foreign:
            foreign -= 1
        kept.append(elements[index])
        index += 1
    return kept


def _clip_rectangles(elements: list[Element], ends: dict[int, int]) -> dict[str, Box]:
    """Each clipPath drawn by exactly one untransformed rect, in user space, by its id."""
    rectangles: dict[str, Box] = {}
    for index, (kind, name, attributes) in enumerate(elements):
        if kind != "start" or name != "clipPath" or "id" not in attributes:
            continue
        if attributes.get("clipPathUnits", "userSpaceOnUse") != "userSpaceOnUse" or "transform" in attributes:
            continue
        inside = [element for element in elements[index + 1:ends[index]] if element[0] == "start"]
        if len(inside) == 1 and inside[0][1] == "rect" and "transform" not in inside[0][2]:
            try:
                x, y, width, height = (float(inside[0][2].get(key, "0")) for key in ("x", "y", "width", "height"))
            except ValueError:
                continue
            rectangles[attributes["id"]] = (x, y, width, height)
    return rectangles


def _ends(elements: list[Element]) -> dict[int, int]:
    """For the index of each start event, the index of the end event that closes it."""
    ends: dict[int, int] = {}
    open_starts: list[int] = []
    for index, (kind, _, _) in enumerate(elements):
        if kind == "start":
            open_starts.append(index)
        elif kind == "end":
            ends[open_starts.pop()] = index
    return ends


def _overlaps(first: Box, second: Box) -> bool:
    return (first[0] < second[0] + second[2] and second[0] < first[0] + first[2]
            and first[1] < second[1] + second[3] and second[1] < first[1] + first[3])


def _parse(svg: str) -> list[Element]:
    """The document's elements and text in order, as ("start", name, attributes), ("end", name, {}) and
    ("text", text, {}); comments, processing instructions and declarations are left out."""
    events: list[Element] = []
    parser = expat.ParserCreate()
    parser.ordered_attributes = False
    parser.StartElementHandler = lambda name, attributes: events.append(("start", name, attributes))
    parser.EndElementHandler = lambda name: events.append(("end", name, {}))
    parser.CharacterDataHandler = lambda text: events.append(("text", text, {})) if events else None
    parser.Parse(svg, True)
    return events


def _serialise(events: list[Element]) -> str:
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
