"""The spec's names looked up in Natural Earth: what the maps show, or every name that was not found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.closest import closest_name
from generator.content.schema import LocatorMap

from .geometry import shared_border
from .naturalearth import NaturalEarth, Point, Polygon, Region
from .svg import City

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

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)

    def region_outline(self) -> list[Point]:
        """Every point of the shaded regions' outer rings."""
        return [point for region in self.regions for polygon in region.polygons for point in polygon[0]]

    def neighbours(self, data: NaturalEarth) -> list[Region]:
        """The regions across the emphasised border from the shaded ones, named in the close-up."""
        shaded_countries = {region.country for region in self.regions}
        return [region for code in self.border_pair if code not in shaded_countries for region in data.regions(code)
                if any(shared_border(shaded.polygons, region.polygons) for shaded in self.regions)]


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
