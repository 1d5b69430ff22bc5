"""Draw the static locator maps (SVG) from a story's `map:` block and Natural Earth data: the whole map, and
its close-up on its own for the overview page (close_up.py).

Why: the page must show where a region is without a tile server or a run-time map library, and the drawing
must be reproducible: the same spec and data give the same bytes (no timestamps, no randomness, coordinates
rounded to 0.1 px).
"""

from __future__ import annotations

from generator.content.map_files import CLOSE_UP_FILE, MAP_FILE
from generator.content.schema import LocatorMap

from .close_up import CITY_KEY, CREDIT_LINES, detail_panel, detail_view, draw_close_up, region_key
from .content import MapContent, find_map_content
from .geometry import Box, Extent, View, shared_border
from .naturalearth import NaturalEarth
from .svg import INK, SHADED, THICK_LINE, KeyEntry, Label, header, key, panel, path, rings, text

WIDTH, HEIGHT = 1000, 700
OVERVIEW, DETAIL = Box(10, 40, 980, 360), Box(10, 430, 570, 260)
COUNTRY_FILL = 'fill="#f4f1ea" stroke="#8a8578" stroke-width="0.6"'


def draw_locator_map(spec: LocatorMap, data: NaturalEarth) -> dict[str, str]:
    """The SVG text of each map file, by its name: the whole map (an overview of the places, a close-up of the
    shaded regions, and a key in words), and, where the map shades a region, that close-up on its own."""
    content = find_map_content(spec, data)
    overview = View(_overview_extent(spec, content), OVERVIEW, simplify_px=.5)
    detail = detail_view(content, DETAIL) if content.regions else None
    svg = header(spec.title, spec.description, WIDTH, HEIGHT, [OVERVIEW, DETAIL])
    svg += [text(10, 28, spec.title, 20, bold=True), *_overview_panel(overview, detail, content, data)]
    if detail:
        svg += detail_panel(1, detail, content, data)
    drawn = {MAP_FILE: "\n".join(svg + _key(content) + ["</svg>"]) + "\n"}
    if content.regions:
        drawn[CLOSE_UP_FILE] = draw_close_up(spec, content, data)
    return drawn


def _overview_extent(spec: LocatorMap, content: MapContent) -> Extent:
    """The spec's extent, else every place and shaded region with a margin around them."""
    if spec.extent:
        return Extent(*spec.extent)
    points = [(city.lon, city.lat) for city in content.cities] + content.region_outline()
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    margin_lon, margin_lat = (max(lons) - min(lons)) * .06 + 2, (max(lats) - min(lats)) * .1 + 2
    return Extent(min(lons) - margin_lon, min(lats) - margin_lat, max(lons) + margin_lon, max(lats) + margin_lat)


def _overview_panel(view: View, detail: View | None, content: MapContent, data: NaturalEarth) -> list[str]:
    """Every country, the shaded regions, the emphasised border, and an outline of the close-up's area."""
    pair = content.border_pair
    border = shared_border(content.country_shapes[pair[0]], content.country_shapes[pair[1]]) if pair else []
    all_countries = [ring for country in data.countries() for ring in rings(country.polygons)]
    layers = [path(view, all_countries, COUNTRY_FILL),
              path(view, [ring for region in content.regions for ring in rings(region.polygons)], SHADED),
              path(view, border, THICK_LINE + '"2.5"', closed=False)]
    taken: list[Box] = []
    labels: list[Label] = []
    if detail:
        west, south, east, north = detail.visible_extent()
        (x0, y1), (x1, y0) = view.to_pixels(west, south), view.to_pixels(east, north)
        layers.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" '
                      f'{THICK_LINE}"1.5"/>')
        taken = [Box(x0, y0, x1 - x0, y1 - y0)]  # the close-up's outline is named beside it: too small inside
        labels = [Label([", ".join(content.region_labels)], x1, (y0 + y1) / 2, 14, True)]
    return panel(0, view, layers, content.cities, labels, taken, border)


def _key(content: MapContent) -> list[str]:
    entries = region_key(content) + [CITY_KEY]
    if content.regions:
        entries.append(KeyEntry(lambda x, y: f'<rect x="{x + 1}" y="{y}" width="24" height="16" fill="none" '
                                             f'stroke="{INK}" stroke-width="1.5"/>', "Area shown in the lower map"))
    return key(entries, DETAIL.x + DETAIL.width + 24, DETAIL.y + 10, CREDIT_LINES, HEIGHT)
