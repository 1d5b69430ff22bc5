"""What the build needs of the locator map: the data credit printed under it, and its close-up.

The map itself is drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder.
"""

from __future__ import annotations

import re

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
# The id of the map's <view> of its close-up alone: the overview shows that part, cropped into a file of its own,
# where the whole map's labels would be too small to read. A map of places only has no close-up.
CLOSE_UP = "close-up"
_CLOSE_UP_VIEW = re.compile(rf'<view id="{CLOSE_UP}" viewBox="([0-9]{{1,5}}) ([0-9]{{1,5}}) ([0-9]{{1,5}}) '
                            r'([0-9]{1,5})"\s*/>')


_SVG_ROOT = re.compile(r"<svg\b")
_SIZE_ATTRIBUTE = re.compile(r'\s(?:viewBox|width|height)\s*=\s*"[^"]*"')


def close_up(svg: str | None) -> str | None:
    """The map cropped to its close-up view: the same drawing, its root's viewBox, width and height those of the
    view, so that a page sizes it like any image. None when the map has no close-up view."""
    found = _CLOSE_UP_VIEW.search(svg or "")
    root = _SVG_ROOT.search(svg or "")
    if svg is None or found is None or root is None or (end := svg.find(">", root.end())) < 0:
        return None
    x, y, width, height = found.groups()
    attributes = _SIZE_ATTRIBUTE.sub("", svg[root.end():end])
    return (f'{svg[:root.end()]} viewBox="{x} {y} {width} {height}" width="{width}" height="{height}"'
            f"{attributes}{svg[end:]}")
