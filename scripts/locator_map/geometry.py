"""Plane geometry for the map: the view that projects degrees to pixels, and the line work on rings."""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

from .naturalearth import Point, Polygon, Ring


class Box(NamedTuple):
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


class Extent(NamedTuple):
    """West, south, east, north, in degrees."""

    west: float
    south: float
    east: float
    north: float


class View:
    """An equirectangular view of an extent, centred in a pixel box; a degree of longitude is shrunk by the
    cosine of the middle latitude so that shapes near it keep their proportions."""

    def __init__(self, extent: Extent, box: Box, simplify_px: float) -> None:
        west, south, east, north = extent
        self.box, self.simplify_px = box, simplify_px
        shrink = math.cos(math.radians((south + north) / 2))
        scale = min(box.width / ((east - west) * shrink), box.height / (north - south))
        self.px_per_lon, self.px_per_lat = scale * shrink, scale
        self.origin_x = box.x + box.width / 2 - (west + east) / 2 * self.px_per_lon
        self.origin_y = box.y + box.height / 2 + (south + north) / 2 * scale

    def to_pixels(self, lon: float, lat: float) -> Point:
        return self.origin_x + lon * self.px_per_lon, self.origin_y - lat * self.px_per_lat

    def visible_extent(self) -> Extent:
        """The whole box in degrees: wider than the extent asked for along one axis."""
        box = self.box
        return Extent((box.x - self.origin_x) / self.px_per_lon, (self.origin_y - box.y - box.height) / self.px_per_lat,
                      (box.x + box.width - self.origin_x) / self.px_per_lon, (self.origin_y - box.y) / self.px_per_lat)

    def shows(self, lon: float, lat: float) -> bool:
        return self.box.contains(*self.to_pixels(lon, lat))

    def path_data(self, rings: list[Ring], closed: bool = True) -> str:
        """SVG path data: project, skip what lies off the box, simplify, clip, round to 0.1 px."""
        x0, y0, width, height = self.box
        margin = (x0 - 3, y0 - 3, x0 + width + 3, y0 + height + 3)  # clipped just outside, so no edge shows
        commands = []
        for ring in rings:
            points = [self.to_pixels(*point) for point in ring]
            if len(points) < 2 or not _may_cross(points, self.box):
                continue
            points = simplify(points, self.simplify_px)
            points = clip_to_rectangle(points, margin) if closed else points
            text = [f"{x:.1f} {y:.1f}" for x, y in points]
            text = [point for i, point in enumerate(text) if i == 0 or point != text[i - 1]]
            if len(text) >= 2 + closed:
                commands.append("M" + "L".join(text) + ("Z" if closed else ""))
        return "".join(commands)


def _may_cross(points: Ring, box: Box) -> bool:
    """False when every point lies beyond the same side of the box."""
    return not (max(x for x, _ in points) < box.x or min(x for x, _ in points) > box.x + box.width
                or max(y for _, y in points) < box.y or min(y for _, y in points) > box.y + box.height)


def shared_border(first: list[Polygon], second: list[Polygon]) -> list[Ring]:
    """Border lines two areas share: segments present in both, in the order they run around the second."""
    def segment(p: Point, q: Point) -> frozenset[Point]:
        return frozenset(((round(p[0], 5), round(p[1], 5)), (round(q[0], 5), round(q[1], 5))))

    in_first = {segment(p, q) for polygon in first for ring in polygon for p, q in itertools.pairwise(ring)}
    lines: list[Ring] = []
    for ring in (ring for polygon in second for ring in polygon):
        line: Ring = []
        for p, q in itertools.pairwise(ring):
            if segment(p, q) in in_first:
                line = (line or [p]) + [q]
            elif line:
                lines, line = lines + [line], []
        if line:
            lines.append(line)
    return lines


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker in pixels: keeps the file small without visibly changing the shapes."""
    keep, spans = {0, len(points) - 1}, [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        chord, farthest, farthest_index = math.hypot(bx - ax, by - ay), tolerance, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if chord:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / chord
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > farthest:
                farthest, farthest_index = distance, i
        if farthest_index >= 0:
            keep.add(farthest_index)
            spans += [(first, farthest_index), (farthest_index, last)]
    return [points[i] for i in sorted(keep)]


def clip_to_rectangle(points: Ring, rectangle: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clip of a ring to (left, top, right, bottom), so far-off coastline costs no bytes."""
    left, top, right, bottom = rectangle
    for axis, limit, keep_above in ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False)):
        clipped: Ring = []
        for previous, current in zip(points[-1:] + points[:-1], points, strict=True):
            current_in = (current[axis] >= limit) == keep_above
            previous_in = (previous[axis] >= limit) == keep_above
            if current_in != previous_in:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                clipped.append((previous[0] + t * (current[0] - previous[0]),
                                previous[1] + t * (current[1] - previous[1])))
            if current_in:
                clipped.append(current)
        points = clipped
    return points
