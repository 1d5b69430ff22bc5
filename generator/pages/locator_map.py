"""What the build needs of the locator map: the data credit printed under it, and its close-up.

The map itself is drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder.
"""

from __future__ import annotations

import collections
import functools
import itertools
import math
import re
from html import escape
from xml.parsers import expat

from ..content.svg_check import svg_problems

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
# The id of the map's <view> of its close-up alone: the overview shows that part, cropped into a file of its own,
# where the whole map's labels would be too small to read. A map of places only has no close-up.
CLOSE_UP = "close-up"
_BOX = re.compile(r"([0-9]{1,5}) ([0-9]{1,5}) ([0-9]{1,5}) ([0-9]{1,5})")
_SIZE_ATTRIBUTES = {"viewBox", "width", "height"}
# A clip by a plain id, as the map drawer writes it; a browser reads escapes such as %63 another way, and only
# CSS's own white space around a value, which is all that is stripped (str.strip() also takes a no-break space).
_CLIP_REFERENCE = re.compile(r"url\(#([A-Za-z0-9_-]+)\)")
_CSS_SPACE = " \t\n\r\f"
# What makes an element more than plain: something may refer to it, or its drawing moves or its clip changes.
_UNPLAIN = {"id", "style", "transform"}
# A number as SVG writes one, in ASCII digits (Python's float() also reads "NaN", "1_000" and other scripts'
# digits, which a browser refuses).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

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
    if not elements or elements[0][1] != "svg" or box is None or 0 in (int(box.group(3)), int(box.group(4))):
        return None
    x, y, width, height = (str(int(number)) for number in box.groups())
    root = {"viewBox": f"{x} {y} {width} {height}", "width": width, "height": height,
            **{name: value for name, value in elements[0][2].items() if name not in _SIZE_ATTRIBUTES}}
    view = (float(x), float(y), float(width), float(height))
    cropped = _serialise([("start", "svg", root), *_without_clipped_away(elements, view)[1:]])
    return None if svg_problems(cropped, CLOSE_UP) else cropped


def _without_clipped_away(elements: list[Element], view: Box) -> list[Element]:
    """The elements less each group, with all inside it, clipped to a single rectangle outside `view`.

    Only what surely draws nothing there: a plain <g> (no id, style or transform) inside plain groups up to the
    root, so that its clip is in the root's coordinates and nothing (a <use>, a <switch>) shows it elsewhere; and
    nothing inside it holds an id that something else could refer to.
    """
    ends = _ends(elements)
    ids_before = list(itertools.accumulate((kind == "start" and "id" in attributes for kind, _, attributes in elements),
                                           initial=0))
    rectangles = _clip_rectangles(elements, ends)
    kept: list[Element] = elements[:1]  # the root, whose coordinates `view` is in
    not_plain = 0  # how many open elements below the root are not plain groups
    index = 1
    while index < len(elements):
        kind, name, attributes = elements[index]
        plain = kind == "start" and name == "g" and not _UNPLAIN & attributes.keys()
        end = ends.get(index, index)
        if plain and not not_plain and _clipped_outside(attributes, rectangles, view) \
                and ids_before[end + 1] == ids_before[index]:
            index = end + 1
            continue
        if kind == "start" and (not_plain or not plain):
            not_plain += 1
        elif kind == "end" and not_plain:
            not_plain -= 1
        kept.append(elements[index])
        index += 1
    return kept


def _clipped_outside(attributes: dict[str, str], rectangles: dict[str, Box], view: Box) -> bool:
    """Whether a group is clipped to one of `rectangles` that lies outside `view`."""
    clip = _CLIP_REFERENCE.fullmatch(attributes.get("clip-path", "").strip(_CSS_SPACE))
    rectangle = rectangles.get(clip.group(1)) if clip else None
    return rectangle is not None and not _overlaps(rectangle, view)


def _clip_rectangles(elements: list[Element], ends: dict[int, int]) -> dict[str, Box]:
    """Each clipPath drawn by exactly one plain rect in user space, by its id (if no other element has it)."""
    id_counts = collections.Counter(attributes["id"] for kind, _, attributes in elements
                                    if kind == "start" and "id" in attributes)
    rectangles: dict[str, Box] = {}
    for index, (kind, name, attributes) in enumerate(elements):
        if kind != "start" or name != "clipPath" or id_counts[attributes.get("id", "")] != 1:
            continue
        in_user_space = attributes.get("clipPathUnits", "userSpaceOnUse") == "userSpaceOnUse"
        children = _children(elements, ends, index, at_most=2)
        if not in_user_space or {"style", "transform"} & attributes.keys() or len(children) != 1:
            continue
        _, child_name, child = elements[children[0]]
        plain_rect = child_name == "rect" and not _UNPLAIN & child.keys()
        if plain_rect and not _children(elements, ends, children[0], 1) and (box := _box(child)):
            rectangles[attributes["id"]] = box
    return rectangles


def _box(rect: dict[str, str]) -> Box | None:
    """The rect's x, y, width and height where each is a plain number and the size is above zero."""
    numbers = [_NUMBER.fullmatch(rect.get(key, default).strip(_CSS_SPACE))
               for key, default in (("x", "0"), ("y", "0"), ("width", ""), ("height", ""))]
    if not all(numbers):
        return None
    x, y, width, height = (float(number.group(0)) for number in numbers if number)
    finite = all(math.isfinite(value) for value in (x, y, width, height))
    return (x, y, width, height) if finite and width > 0 and height > 0 else None


def _children(elements: list[Element], ends: dict[int, int], parent: int, at_most: int) -> list[int]:
    """The indexes of up to `at_most` child elements of the element starting at `parent`, skipping their insides."""
    found: list[int] = []
    index = parent + 1
    while index < ends[parent] and len(found) < at_most:
        if elements[index][0] == "start":
            found.append(index)
            index = ends[index]
        index += 1
    return found


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
