"""Draw a static locator map (SVG) from a story's `map:` block and Natural Earth data.

Why: the page must show where a region is without a tile server or a run-time map library, and the drawing
must be reproducible: the same spec and data give the same bytes (no timestamps, no randomness, coordinates
rounded to 0.1 px).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from generator.content.closest import closest_name
from generator.content.schema import LocatorMap
from generator.pages.locator_map import CLOSE_UP, DATA_CREDIT

from .geometry import Box, Extent, View, shared_border
from .naturalearth import NaturalEarth, Point, Polygon, Region, Ring
from .svg import HATCH, INK, SHADED, City, KeyEntry, Label, key, panel, text

WIDTH, HEIGHT = 1000, 700
OVERVIEW, DETAIL = Box(10, 40, 980, 360), Box(10, 430, 570, 260)
LAND = "#f4f1ea"
COUNTRY_FILL = f'fill="{LAND}" stroke="#8a8578" stroke-width="0.6"'
THICK_LINE = f'fill="none" stroke="{INK}" stroke-linejoin="round" stroke-linecap="round" stroke-width='
FONTS = "Arial, 'Liberation Sans', Helvetica, sans-serif"
Problems = list[tuple[tuple[str | int, ...], str]]  # (field path inside `map`, message) each


class MapSpecError(ValueError):
    """Names in the spec that Natural Earth does not have."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


@dataclass
class MapContent:
    """The spec's names found in the data: what the map shows."""

    cities: list[City]
    regions: list[Region]
    border_pair: list[str]  # two ISO 3166 alpha-3 codes, or none
    country_names: dict[str, str]
    country_shapes: dict[str, list[Polygon]]

    @property
    def region_labels(self) -> list[str]:
        return [f"{region.name} region" for region in self.regions]

    def region_outline(self) -> list[Point]:
        """Every point of the shaded regions' outer rings."""
        return [point for region in self.regions for polygon in region.polygons for point in polygon[0]]


def find_map_content(spec: LocatorMap, data: NaturalEarth) -> MapContent:
    """Look up every name in the spec; raise MapSpecError naming each one not found."""
    problems: Problems = []
    places = data.places()
    problems += [(("places", index), f"place {name!r} not found in Natural Earth populated places"
                  + _guess(name, places)) for index, name in enumerate(spec.places) if name not in places]
    regions = _find_regions(spec, data, problems)
    countries = data.countries()
    names = {country.iso3: country.name for country in countries}
    pair = list(spec.emphasise_border)
    if pair and (len(pair) != 2 or any(code not in names or not data.has_regions(code) for code in pair)):
        problems.append((("emphasise_border",), "emphasise_border needs two country codes found in Natural Earth, "
                         f"got {pair!r}"))
    if not spec.places and not spec.highlight:
        problems.append(((), "a map needs at least one place or highlighted region"))
    if problems:
        raise MapSpecError(problems)
    for code in dict.fromkeys([region.country for region in regions] + pair):  # admin-1 data has short names
        names[code] = data.regions(code)[0].properties.get("admin") or names.get(code, code)
    return MapContent([City(name, *places[name]) for name in spec.places], regions, pair, names,
                      {country.iso3: country.polygons for country in countries})


def _guess(name: str, known: Iterable[str]) -> str:
    close = closest_name(name, known)
    return f"; did you mean {close!r}?" if close else ""


def _find_regions(spec: LocatorMap, data: NaturalEarth, problems: Problems) -> list[Region]:
    regions = []
    for index, wanted in enumerate(spec.highlight):
        if not data.has_regions(wanted.country):
            problems.append((("highlight", index, "country"), f"no admin-1 data for country code {wanted.country!r}"))
        elif (region := data.find_region(wanted.country, wanted.region)) is None:
            problems.append((("highlight", index, "region"), f"region {wanted.region!r} not found among the "
                             f"admin-1 regions of {wanted.country} in Natural Earth"))
        else:
            regions.append(region)
    return regions


def draw_locator_map(spec: LocatorMap, data: NaturalEarth) -> str:
    """SVG text: an overview of the places, a close-up of the shaded regions, and a key in words."""
    content = find_map_content(spec, data)
    overview = View(_overview_extent(spec, content), OVERVIEW, simplify_px=.5)
    detail = _detail_view(content) if content.regions else None
    svg = _header(spec) + _overview_panel(overview, detail, content, data)
    if detail:
        svg += _detail_panel(detail, content, data)
        # The close-up alone, as a named view: the overview page shows that part (generator/pages/locator_map.py).
        svg.append(f'<view id="{CLOSE_UP}" viewBox="{DETAIL.x} {DETAIL.y} {DETAIL.width} {DETAIL.height}"/>')
    return "\n".join(svg + _key(content) + ["</svg>"]) + "\n"


def _overview_extent(spec: LocatorMap, content: MapContent) -> Extent:
    """The spec's extent, else every place and shaded region with a margin around them."""
    if spec.extent:
        return Extent(*spec.extent)
    points = [(city.lon, city.lat) for city in content.cities] + content.region_outline()
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    margin_lon, margin_lat = (max(lons) - min(lons)) * .06 + 2, (max(lats) - min(lats)) * .1 + 2
    return Extent(min(lons) - margin_lon, min(lats) - margin_lat, max(lons) + margin_lon, max(lats) + margin_lat)


def _detail_view(content: MapContent) -> View:
    """The shaded regions with room around them, so that the border they touch can be read."""
    outline = content.region_outline()
    lons, lats = [lon for lon, _ in outline], [lat for _, lat in outline]
    pad = max(max(lons) - min(lons), max(lats) - min(lats))
    extent = Extent(min(lons) - pad * .35, min(lats) - pad * .18, max(lons) + pad * .35, max(lats) + pad * .18)
    return View(extent, DETAIL, simplify_px=.3)


def _header(spec: LocatorMap) -> list[str]:
    clip_paths = "".join(f'<clipPath id="clip{i}"><rect x="{box.x}" y="{box.y}" width="{box.width}" '
                         f'height="{box.height}"/></clipPath>' for i, box in enumerate((OVERVIEW, DETAIL)))
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="map-title map-desc" font-family="{FONTS}">',
        f'<title id="map-title">{escape(spec.title, False)}</title>',
        f'<desc id="map-desc">{escape(spec.description, False)}</desc>',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#fdba74"/><rect width="2.5" height="6" fill="{HATCH}"/></pattern>'
        + clip_paths + "</defs>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        text(10, 28, spec.title, 20, bold=True),
    ]


def _path(view: View, rings: list[Ring], attributes: str, closed: bool = True) -> str:
    return f'<path d="{view.path_data(rings, closed)}" {attributes}/>'


def _rings(polygons: list[Polygon]) -> list[Ring]:
    return [ring for polygon in polygons for ring in polygon]


def _overview_panel(view: View, detail: View | None, content: MapContent, data: NaturalEarth) -> list[str]:
    """Every country, the shaded regions, the emphasised border, and an outline of the close-up's area."""
    pair = content.border_pair
    border = shared_border(content.country_shapes[pair[0]], content.country_shapes[pair[1]]) if pair else []
    all_countries = [ring for country in data.countries() for ring in _rings(country.polygons)]
    layers = [_path(view, all_countries, COUNTRY_FILL),
              _path(view, [ring for region in content.regions for ring in _rings(region.polygons)], SHADED),
              _path(view, border, THICK_LINE + '"2.5"', closed=False)]
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


def _detail_panel(view: View, content: MapContent, data: NaturalEarth) -> list[str]:
    """The close-up: admin-1 borders, the shaded regions, and the regions across the border from them, named."""
    pair = content.border_pair
    regions_by_country = {code: data.regions(code)
                          for code in dict.fromkeys([region.country for region in content.regions] + pair)}
    border = shared_border(*[[polygon for region in regions_by_country[code] for polygon in region.polygons]
                             for code in pair]) if pair else []
    shaded_countries = {region.country for region in content.regions}
    neighbours = [region for code in pair if code not in shaded_countries for region in regions_by_country[code]
                  if any(shared_border(shaded.polygons, region.polygons) for shaded in content.regions)]
    all_countries = [ring for country in data.countries() for ring in _rings(country.polygons)]
    layers = [
        _path(view, all_countries, f'fill="{LAND}"'),
        *(_path(view, [ring for region in regions for ring in _rings(region.polygons)],
                'fill="none" stroke="#a8a29e" stroke-width="0.8"') for regions in regions_by_country.values()),
        _path(view, [ring for region in content.regions for ring in _rings(region.polygons)], SHADED),
        _path(view, border, THICK_LINE + '"3.5"', closed=False),
    ]
    labels = [Label([f"{region.name} region", content.country_names.get(region.country, region.country).upper()],
                    *view.to_pixels(region.properties["longitude"], region.properties["latitude"]), 15, True)
              for region in content.regions + neighbours]
    return panel(1, view, layers, content.cities, labels, [], border)


def _key(content: MapContent) -> list[str]:
    x = DETAIL.x + DETAIL.width + 24
    names = content.country_names
    entries = [KeyEntry(f'<rect x="{x}" y="{{y}}" width="26" height="16" {SHADED}/>',
                        f"{label}, {names.get(region.country, region.country)}")
               for label, region in zip(content.region_labels, content.regions, strict=True)]
    if content.border_pair:
        first, second = content.border_pair
        entries.append(KeyEntry(f'<line x1="{x}" y1="{{middle}}" x2="{x + 26}" y2="{{middle}}" stroke="{INK}" '
                                f'stroke-width="3.5"/>', f"Border between {names[first]} and {names[second]}"))
    entries.append(KeyEntry(f'<circle cx="{x + 13}" cy="{{middle}}" r="4.5" fill="{INK}"/>', "City"))
    if content.regions:
        entries.append(KeyEntry(f'<rect x="{x + 1}" y="{{y}}" width="24" height="16" fill="none" stroke="{INK}" '
                                'stroke-width="1.5"/>', "Area shown in the lower map"))
    credit_lines = DATA_CREDIT.replace(". ", ".\n").splitlines()
    return key(entries, x, DETAIL.y + 10, credit_lines, HEIGHT)
