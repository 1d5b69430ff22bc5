"""SVG pieces of the map: text with a halo, labels that avoid each other, a framed panel, and the key."""

from __future__ import annotations

import itertools
import math
from html import escape
from typing import NamedTuple

from .geometry import Box, View
from .naturalearth import Point, Ring

INK, HATCH, WATER = "#1a1a1a", "#9a3412", "#d4e6f4"
SHADED = f'fill="url(#hatch)" stroke="{HATCH}" stroke-width="1.5"'
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
          taken: list[Box], lines: list[Ring]) -> list[str]:
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
    city_labels = [Label([city.name], *view.to_pixels(city.lon, city.lat), CITY_LABEL_SIZE, False) for city in cities]
    for label in city_labels + labels:
        if view.box.contains(label.x, label.y):
            svg.append(place_label(label, taken, view.box))
    return svg + [f'</g><rect x="{x}" y="{y}" width="{width}" height="{height}" fill="none" stroke="#57534e"/>']


class KeyEntry(NamedTuple):
    mark: str  # SVG with {y} (top) and {middle} to fill in
    words: str


def key(entries: list[KeyEntry], x: float, y: float, credit_lines: list[str], bottom: float) -> list[str]:
    """The key says in words what each mark means, so nothing relies on colour; the data credit goes below."""
    svg = [text(x, y + 6, "Key", 15, bold=True)]
    for i, entry in enumerate(entries):
        top = y + 20 + i * 28
        svg += [entry.mark.format(y=top, middle=top + 8), text(x + 36, top + 13, entry.words, 14)]
    return svg + [text(x, bottom - 32 + i * 16, line, 12, fill="#44403c") for i, line in enumerate(credit_lines)]
