"""What the build and the map drawer share about the locator map: its files' names and the data credit.

Both maps are drawn ahead of time by scripts/draw_locator_map.py (`make map`) into the story folder; the build
reads, checks and publishes them as they are (generator/content/load.py, generator/pages/assets.py).
"""

from __future__ import annotations

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
MAP_FILE = "locator-map.svg"
# The shaded regions drawn on their own, with labels sized for a phone: the overview shows this where the story
# has it, since the whole map shrunk to a phone's width has labels too small to read. A map of places only has none.
CLOSE_UP_FILE = "locator-map-close-up.svg"
