"""Time the generator in this fresh process and print the figures as one JSON line.

    python benchmarks/time_generator.py STORY_DIR SITE_NAME CACHE            # generate_site, whole
    python benchmarks/time_generator.py STORY_DIR SITE_NAME CACHE --stages   # the same steps, one by one

CACHE is the share-card folder, or "-" for none (a fresh clone's first build). timings.py runs this once per
measurement, as in a real build: the first call pays for template compilation and font loading, so a warm
in-process loop would flatter the generator.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from generator.content.load import load_story, without_collection_pauses
from generator.generate import generate_site
from generator.pages.assets import build_assets
from generator.pages.render import render_pages


def time_whole(folder: Path, site_name: str, cache: Path | None) -> dict[str, object]:
    start = time.perf_counter()
    site = generate_site(folder, site_name=site_name, cache=cache)
    seconds = time.perf_counter() - start
    if site.story is None:
        raise SystemExit(f"{folder}: the story did not load")
    story = site.story
    return {"seconds": seconds, "pages": len(site.pages),
            "items": f"{len(story.quotes)}+{len(story.statements)}+{len(story.timeline)}"}


def time_stages(folder: Path, site_name: str, cache: Path | None) -> dict[str, float]:
    """The steps generate_site takes, timed apart, to say where the generator's time goes; without garbage
    collection pauses, as generate_site runs them."""
    times = {}
    with without_collection_pauses():
        start = time.perf_counter()
        loaded = load_story(folder)
        times["load and check"] = time.perf_counter() - start
        start = time.perf_counter()
        render_pages(loaded)
        times["render pages"] = time.perf_counter() - start
        start = time.perf_counter()
        build_assets(loaded, site_name, cache)
        times["assets"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("story_dir", type=Path)
    parser.add_argument("site_name")
    parser.add_argument("cache", help='share-card cache folder, or "-" for none')
    parser.add_argument("--stages", action="store_true", help="time each step apart")
    args = parser.parse_args()
    cache = None if args.cache == "-" else Path(args.cache)
    measure = time_stages if args.stages else time_whole
    print(json.dumps(measure(args.story_dir, args.site_name, cache)))


if __name__ == "__main__":
    main()
