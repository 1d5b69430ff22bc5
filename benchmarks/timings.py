"""Build time of the generator alone and of the whole `mkdocs build`, for the story and stories N times its size."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from make_story import make_story
from sites import BENCH, CONTENT, ROOT, WORK, build_env, median, mkdocs_build

# The share-card cache of the hook and the CLI (generator/content/project.py); "-" runs without one, as a first build.
SHARE_CARD_CACHE = ROOT / ".cache" / "share-images"


def _time_generator(*args: str) -> dict:
    """Run benchmarks/time_generator.py in a fresh interpreter, as a real build runs the generator once."""
    result = subprocess.run([sys.executable, str(BENCH / "time_generator.py"), *args], cwd=ROOT,
                            env=build_env(CONTENT), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-4000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def generator_run(story: Path, site_name: str, cache: Path | None = SHARE_CARD_CACHE) -> dict:
    """{'seconds': ..., 'pages': Markdown pages generated, 'items': 'quotes+statements+events'}"""
    return _time_generator(str(story), site_name, str(cache) if cache else "-")


def generator_stages(story: Path, site_name: str) -> dict[str, float]:
    stages = _time_generator(str(story), site_name, str(SHARE_CARD_CACHE), "--stages")
    return {name: round(seconds, 3) for name, seconds in stages.items()}


def site_figures(site: Path) -> dict:
    """Page count, largest page, search index and total size of a built site."""
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda page: page.stat().st_size)
    index = site / "search" / "search_index.json"
    return {
        "pages": sum(1 for page in pages if page.name == "index.html"),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
        "site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
    }


def measure_story(story: Path, label: str, runs: int, site_name: str, log) -> dict:
    """Median generator and build times over `runs` runs, and the figures of the built site."""
    site = WORK / f"site-{label}"
    generator_runs = [generator_run(story, site_name) for _ in range(runs)]
    generator = [run["seconds"] for run in generator_runs]
    no_cache = generator_run(story, site_name, cache=None)["seconds"]
    log(f"  {label}: generator {median(generator):.2f} s; building ({runs} run{'s' if runs > 1 else ''}) ...")
    builds = []
    for _ in range(runs):
        builds.append(mkdocs_build(story, site))
    gen, whole = median(generator), median(builds)
    return {
        "story": label, "items": generator_runs[0]["items"], "runs": runs,
        "generator_s": round(gen, 3), "generator_runs_s": [round(t, 3) for t in generator],
        "generator_without_share_card_cache_s": round(no_cache, 3),
        "build_s": round(whole, 3), "build_runs_s": [round(t, 3) for t in builds],
        "generator_share": round(gen / whole, 3),
        "generator_stages_s": generator_stages(story, site_name),
        **site_figures(site),
    }


def growth(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """For each 10x step, how many times each figure grew (linear growth is 10)."""
    steps = []
    for smaller, larger in zip(rows, rows[1:], strict=False):
        steps.append({"step": f"{smaller['story']} -> {larger['story']}",
                      **{key: round(larger[key] / smaller[key], 2) if smaller[key] else None for key in keys}})
    return steps


def run_scale(factors: list[int], runs_for, site_name: str, log) -> dict:
    """The story itself (1x) and synthetic stories `factor` times its size, with the growth per 10x step."""
    rows = [measure_story(CONTENT, "1x", runs_for(1), site_name, log)]
    for factor in factors:
        story = make_story(CONTENT, factor, WORK / f"story-{factor}x")
        rows.append(measure_story(story, f"{factor}x", runs_for(factor), site_name, log))
    keys = ("generator_s", "build_s", "largest_page_bytes", "pages", "search_index_bytes", "site_bytes")
    return {"rows": rows, "growth": growth(rows, keys)}


def clean_sites() -> None:
    for site in WORK.glob("site-*"):
        shutil.rmtree(site, ignore_errors=True)
