"""What the build needs of the locator map: the data credit printed under it.

The map itself is drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder.
"""

from __future__ import annotations

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
