"""Each engine's build time on the story and a larger one, and the weight of the pages it builds.

MkDocs and ProperDocs run the hook; Zensical needs `python -m generator engine-docs` before its build and
`engine-finish` after it, timed apart and counted in its total. Zensical keeps a build cache beside its config;
`--clean` empties it on every run, so each figure is a full build, as MkDocs' are.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sites import ROOT, WORK, build_env, median
from weight import measure_weight

ENGINES = ("mkdocs", "properdocs", "zensical")
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "properdocs": "search/search_index.json",
                "zensical": "search.json"}


def _timed(story: Path, *command: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, *command], cwd=ROOT, env=build_env(story), capture_output=True,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed for {story}:\n{result.stderr[-4000:]}")
    return elapsed


def engine_build(engine: str, story: Path, label: str) -> tuple[float, float, Path]:
    """One build of `story`: (seconds preparing pages on disk, seconds in total, the built site)."""
    folder = WORK / f"engine-{engine}-{label}"
    if engine == "zensical":
        config = folder / "mkdocs.generated.yml"
        prepare = _timed(story, "-m", "generator", "engine-docs", str(story), "--out", str(folder / "docs"),
                         "--engine-config", str(config))
        build = _timed(story, "-m", "zensical", "build", "--clean", "--strict", "-f", str(config))
        finish = _timed(story, "-m", "generator", "engine-finish", str(story), "--site", str(folder / "site"))
        return prepare + finish, prepare + build + finish, folder / "site"
    site = folder / "site"
    build = _timed(story, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site))
    return 0.0, build, site


def measure_engines(stories: dict[str, Path], runs: int, prefix: str, log) -> dict:
    """Median build time per engine and story; page weight per engine on the story's site."""
    rows, weights = [], {}
    for label, story in stories.items():
        for engine in ENGINES:
            timings = [engine_build(engine, story, label) for _ in range(runs)]
            row = {"engine": engine, "story": label, "runs": runs,
                   "build_s": round(median([total for _, total, _ in timings]), 3),
                   "build_runs_s": [round(total, 3) for _, total, _ in timings],
                   "engine_docs_s": round(median([prepare for prepare, _, _ in timings]), 3)}
            rows.append(row)
            log(f"  {engine} {label}: {row['build_s']:.2f} s")
            if label == next(iter(stories)):
                site = timings[-1][2]
                weight = measure_weight(site, prefix, lambda _: None, SEARCH_INDEX[engine])
                pages = weight["pages"]
                weights[engine] = {
                    "pages": len(pages),
                    "median_page_bytes": int(median([p["bytes"] for p in pages])),
                    "heaviest_page": max(pages, key=lambda p: p["bytes"])["page"],
                    "heaviest_page_bytes": max(p["bytes"] for p in pages),
                    "most_requests": max(p["requests"] for p in pages),
                    "search_index_compressed_bytes": weight["search_index"]["compressed_bytes"],
                    "other_hosts": sorted({url for p in pages for url in p["other_hosts"]}),
                }
                log(f"  {engine} weight: median page {weights[engine]['median_page_bytes'] / 1000:.1f} kB")
    return {"builds": rows, "weight": weights}
