"""SVG pieces of the maps: the root with its title and description, text with a halo, labels that avoid each
other, a framed panel, and the key."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from html import escape
from typing import NamedTuple

from .geometry import Box, View
from .naturalearth import Point, Polygon, Ring

INK, HATCH, WATER, LAND = "#1a1a1a", "#9a3412", "#d4e6f4", "#f4f1ea"
SHADED = f'fill="url(#hatch)" stroke="{HATCH}" stroke-width="1.5"'
THICK_LINE = f'fill="none" stroke="{INK}" stroke-linejoin="round" stroke-linecap="round" stroke-width='
FONTS = "Arial, 'Liberation Sans', Helvetica, sans-serif"
CITY_LABEL_SIZE = 15


class Label(NamedTuple):
    lines: list[str]
    x: float
    y: float
    size: int
    bold: bool


class City(NamedTuple):
    name: str
    lon: float
    lat: float


def header(title: str, description: str, width: int, height: int, panels: list[Box]) -> list[str]:
    """The root element, named by its title and description, the hatching, a clip for each panel (clip0, clip1,
    ... in order), and a white ground."""
    clip_paths = "".join(f'<clipPath id="clip{i}"><rect x="{box.x}" y="{box.y}" width="{box.width}" '
                         f'height="{box.height}"/></clipPath>' for i, box in enumerate(panels))
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="map-title map-desc" font-family="{FONTS}">',
        f'<title id="map-title">{escape(title, False)}</title>',
        f'<desc id="map-desc">{escape(description, False)}</desc>',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#fdba74"/><rect width="2.5" height="6" fill="{HATCH}"/></pattern>'
        + clip_paths + "</defs>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
    ]


def rings(polygons: list[Polygon]) -> list[Ring]:
    return [ring for polygon in polygons for ring in polygon]


def path(view: View, lines: list[Ring], attributes: str, closed: bool = True) -> str:
    return f'<path d="{view.path_data(lines, closed)}" {attributes}/>'


def text(x: float, y: float, words: str, size: int = 14, anchor: str = "start", bold: bool = False,
         fill: str = INK) -> str:
    """Text with a white halo, so it reads over any shape."""
    weight = ' font-weight="bold"' if bold else ""
    halo = 'stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{weight} fill="{fill}" '
            f'{halo}>{escape(words, False)}</text>')


def place_label(label: Label, taken: list[Box], panel: Box) -> str:
    """Put a label right of, left of, above or below its point: the first spot inside the panel that overlaps
    nothing taken, else below. The spot it takes is added to `taken`."""
    lines, x, y, size, bold = label
    width, height = max(map(len, lines)) * size * 0.56, len(lines) * size * 1.15  # width guessed from length
    spots = [  # (dx, dy) of the text's anchor point, its anchor, and where the box starts left of the point
        (8, size * .35, "start", 8),
        (-8, size * .35, "end", -8 - width),
        (0, size - 9 - height, "middle", -width / 2),
        (0, 9 + size, "middle", -width / 2),
    ]

    def box_at(spot: tuple[float, float, str, float]) -> Box:
        dx, dy, _, left = spot
        return Box(x + left, y + dy - size, width, height)

    def free(box: Box) -> bool:
        inside = (panel.x <= box.x <= panel.x + panel.width - width
                  and panel.y <= box.y <= panel.y + panel.height - height)
        return inside and not any(box.overlaps(other) for other in taken)

    dx, dy, anchor, left = next((spot for spot in spots if free(box_at(spot))), spots[-1])
    taken.append(box_at((dx, dy, anchor, left)))
    step = size * 1.15
    return "".join(text(x + dx, y + dy + i * step, line, size, anchor, bold and not i)
                   for i, line in enumerate(lines))


def _points_along(line: list[Point], every_px: float = 5) -> list[Box]:
    """Tiny obstacles every few pixels along a drawn line, so that no label covers it."""
    boxes = []
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        steps = int(math.hypot(bx - ax, by - ay) / every_px) + 1
        boxes += [Box(ax + (bx - ax) * k / steps - 2, ay + (by - ay) * k / steps - 2, 4, 4) for k in range(steps)]
    return boxes


def panel(number: int, view: View, layers: list[str], cities: list[City], labels: list[Label],
          taken: list[Box], lines: list[Ring], city_size: int = CITY_LABEL_SIZE) -> list[str]:
    """One framed map: water, the land layers and city dots, then labels (the cities' names first, then `labels`)
    placed to overlap neither each other, the dots, what is already `taken`, nor `lines` (in degrees)."""
    x, y, width, height = view.box
    svg = [f'<g clip-path="url(#clip{number})"><rect x="{x}" y="{y}" width="{width}" height="{height}" '
           f'fill="{WATER}"/>', *layers]
    for line in lines:
        taken += _points_along([view.to_pixels(*point) for point in line])
    for city in cities:
        if view.shows(city.lon, city.lat):
            px, py = view.to_pixels(city.lon, city.lat)
            svg.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{INK}" stroke="#fff" stroke-width="1.5"/>')
            taken.append(Box(px - 5, py - 5, 10, 10))
    city_labels = [Label([city.name], *view.to_pixels(city.lon, city.lat), city_size, False) for city in cities]
    for label in city_labels + labels:
        if view.box.contains(label.x, label.y):
            svg.append(place_label(label, taken, view.box))
    return svg + [f'</g><rect x="{x}" y="{y}" width="{width}" height="{height}" fill="none" stroke="#57534e"/>']


class KeyEntry(NamedTuple):
    mark: Callable[[float, float], str]  # SVG 26 px wide and 16 high, from its left and its top
    words: str


def key(entries: list[KeyEntry], x: float, y: float, credit_lines: list[str], bottom: float) -> list[str]:
    """The key says in words what each mark means, so nothing relies on colour; the data credit goes below."""
    svg = [text(x, y + 6, "Key", 15, bold=True)]
    for i, entry in enumerate(entries):
        top = y + 20 + i * 28
        svg += [entry.mark(x, top), text(x + 36, top + 13, entry.words, 14)]
    return svg + [text(x, bottom - 32 + i * 16, line, 12, fill="#44403c") for i, line in enumerate(credit_lines)]


def key_rows(entries: list[KeyEntry], x: float, y: float, width: float, size: int) -> tuple[list[str], float]:
    """The key's entries side by side from `y` down, a row as wide as `width` allows: the SVG and the y below it.
    Widths are guessed from the words' length, as for labels."""
    svg: list[str] = []
    left, top = x, y
    for entry in entries:
        entry_width = 36 + len(entry.words) * size * 0.56
        if left > x and left + entry_width > x + width:
            left, top = x, top + size + 14
        svg += [entry.mark(left, top), text(left + 36, top + 8 + size * .35, entry.words, size)]
        left += round(entry_width) + 20  # whole pixels, so that the marks' SVG stays short
    return svg, (top + max(16, size) if svg else y)
