"""The close-up of the shaded regions: a panel of the whole map, and a map of its own for the overview page.

Why a drawing of its own rather than a crop of the whole map: the overview shows the close-up at a phone's
width, where the whole map's labels, drawn for 1000 px, are too small to read. Drawn for its own width, the
close-up's labels, key and credit are sized for it, and it holds nothing of the rest of the map.
"""

from __future__ import annotations

from generator.content.map_files import DATA_CREDIT
from generator.content.schema import LocatorMap

from .content import MapContent
from .geometry import Box, Extent, View, shared_border
from .naturalearth import NaturalEarth
from .svg import (
    CITY_LABEL_SIZE,
    INK,
    LAND,
    SHADED,
    THICK_LINE,
    City,
    KeyEntry,
    Label,
    header,
    key_rows,
    panel,
    path,
    rings,
    text,
)

# Narrow, with labels larger than the whole map's (15, 15, 14 and 12 px in 1000), so that on a phone, 343 px wide,
# the labels are drawn at 14 px and the key at 12.
WIDTH = 440
PANEL = Box(10, 10, 420, 260)
LABEL_SIZE, CITY_SIZE, KEY_SIZE, CREDIT_SIZE = 18, 16, 15, 12
CREDIT_LINES = DATA_CREDIT.replace(". ", ".\n").splitlines()
CITY_KEY = KeyEntry(lambda x, y: f'<circle cx="{x + 13}" cy="{y + 8}" r="4.5" fill="{INK}"/>', "City")


def detail_view(content: MapContent, box: Box) -> View:
    """The shaded regions with room around them, so that the border they touch can be read."""
    outline = content.region_outline()
    lons, lats = [lon for lon, _ in outline], [lat for _, lat in outline]
    pad = max(max(lons) - min(lons), max(lats) - min(lats))
    extent = Extent(min(lons) - pad * .35, min(lats) - pad * .18, max(lons) + pad * .35, max(lats) + pad * .18)
    return View(extent, box, simplify_px=.3)


def detail_panel(number: int, view: View, content: MapContent, data: NaturalEarth, label_size: int = 15,
                 city_size: int = CITY_LABEL_SIZE) -> list[str]:
    """Admin-1 borders, the shaded regions, and the regions across the border from them, named."""
    pair = content.border_pair
    regions_by_country = {code: data.regions(code)
                          for code in dict.fromkeys([region.country for region in content.regions] + pair)}
    border = shared_border(*[[polygon for region in regions_by_country[code] for polygon in region.polygons]
                             for code in pair]) if pair else []
    all_countries = [ring for country in data.countries() for ring in rings(country.polygons)]
    layers = [
        path(view, all_countries, f'fill="{LAND}"'),
        *(path(view, [ring for region in regions for ring in rings(region.polygons)],
               'fill="none" stroke="#a8a29e" stroke-width="0.8"') for regions in regions_by_country.values()),
        path(view, [ring for region in content.regions for ring in rings(region.polygons)], SHADED),
        path(view, border, THICK_LINE + '"3.5"', closed=False),
    ]
    labels = [Label([f"{region.name} region", content.country_name(region.country).upper()],
                    *view.to_pixels(region.properties["longitude"], region.properties["latitude"]), label_size, True)
              for region in content.regions + content.neighbours(data)]
    return panel(number, view, layers, content.cities, labels, [], border, city_size)


def region_key(content: MapContent) -> list[KeyEntry]:
    """The key's entries for the shaded regions and the emphasised border."""
    entries = [KeyEntry(lambda x, y: f'<rect x="{x}" y="{y}" width="26" height="16" {SHADED}/>',
                        f"{label}, {content.country_name(region.country)}")
               for label, region in zip(content.region_labels, content.regions, strict=True)]
    if content.border_pair:
        first, second = (content.country_name(code) for code in content.border_pair)
        entries.append(KeyEntry(lambda x, y: f'<line x1="{x}" y1="{y + 8}" x2="{x + 26}" y2="{y + 8}" '
                                             f'stroke="{INK}" stroke-width="3.5"/>',
                                f"Border between {first} and {second}"))
    return entries


def draw_close_up(spec: LocatorMap, content: MapContent, data: NaturalEarth) -> str:
    """SVG text: the close-up panel, then a key in words and the data credit below it."""
    view = detail_view(content, PANEL)
    cities = [city for city in content.cities if view.shows(city.lon, city.lat)]
    drawing = detail_panel(0, view, content, data, LABEL_SIZE, CITY_SIZE)
    entries = region_key(content) + ([CITY_KEY] if cities else [])
    key, below = key_rows(entries, PANEL.x, PANEL.y + PANEL.height + 16, PANEL.width, KEY_SIZE)
    baselines = [round(below) + 10 + CREDIT_SIZE + i * (CREDIT_SIZE + 4) for i in range(len(CREDIT_LINES))]
    credit = [text(PANEL.x, y, line, CREDIT_SIZE, fill="#44403c") for y, line in zip(baselines, CREDIT_LINES,
                                                                                        strict=True)]
    top = header(f"{spec.title}: close-up", _description(content, data, cities), WIDTH, baselines[-1] + 8, [PANEL])
    return "\n".join(top + drawing + key + credit + ["</svg>"]) + "\n"


def _description(content: MapContent, data: NaturalEarth, cities: list[City]) -> str:
    """What the close-up shows, in words, from the same names its labels and key give."""
    def owned(region_name: str, country: str) -> str:
        return f"{content.country_name(country)}'s {region_name} region"

    words = [f"A close-up of {_listed([owned(r.name, r.country) for r in content.regions])}, shaded."]
    if neighbours := content.neighbours(data):
        verb = "lies" if len(neighbours) == 1 else "lie"
        words.append(f"Across the border from {'it' if len(content.regions) == 1 else 'them'} {verb} "
                     f"{_listed([owned(r.name, r.country) for r in neighbours])}.")
    if content.border_pair:
        first, second = (content.country_name(code) for code in content.border_pair)
        words.append(f"The border between {first} and {second} is drawn as a thick line.")
    if cities:
        words.append(f"{'City' if len(cities) == 1 else 'Cities'} marked: {_listed([c.name for c in cities])}.")
    return " ".join(words)


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
