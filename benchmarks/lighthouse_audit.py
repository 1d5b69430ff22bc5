"""Lighthouse (npm lighthouse, pinned in benchmarks/package-lock.json) on key pages, mobile and desktop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sites import BENCH, ROOT, median, serve_site
from weight import CHROMIUM, CHROMIUM_ARGS

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from generator.pages.page_types import nav, served_path  # noqa: E402

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift"}


def install() -> None:
    """npm ci in benchmarks/ when node_modules is missing or older than the lock file."""
    stamp = BENCH / "node_modules" / ".installed"
    lock = BENCH / "package-lock.json"
    if stamp.is_file() and stamp.stat().st_mtime >= lock.stat().st_mtime and LIGHTHOUSE.exists():
        return
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=BENCH, check=True)
    stamp.touch()


def _audit(url: str, desktop: bool, out: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless " + " ".join(CHROMIUM_ARGS)]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True)
    report = json.loads(out.read_text())
    audits = report["audits"]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {key: audits[audit]["numericValue"] for key, audit in METRICS.items()}
    scored = [ref["id"] for category in report["categories"].values() for ref in category["auditRefs"] if ref["weight"]]
    failed = sorted({audit for audit in scored if audits[audit]["score"] is not None and audits[audit]["score"] < 1})
    console = [item.get("description", "") for item in
               audits["errors-in-console"].get("details", {}).get("items", [])]
    # Lighthouse's own CPU score for the machine: mobile throttling assumes a fast one (about 1000 and up).
    speed = report["environment"]["benchmarkIndex"]
    return {**scores, **metrics, "benchmark_index": speed, "failed_audits": failed, "console_errors": console}


def nav_pages() -> list[str]:
    """Every page in the site's navigation, as a path under the site's root ('', 'quotes/', ...)."""
    return [served_path(source) for entry in nav() for source in entry.values()]


def measure_lighthouse(site: Path, prefix: str, runs: int, log, paths: Sequence[str] | None = None,
                       label: str = "") -> list[dict]:
    """Each of `paths` (by default every page in the navigation), mobile then desktop: the median of `runs` runs
    for every score and metric. `label` follows each page's path in the rows, to tell another site's pages apart."""
    install()
    rows = []
    with serve_site(site, prefix) as served, tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        for path in nav_pages() if paths is None else paths:
            for desktop in (False, True):
                results = [_audit(served.url + path, desktop, Path(tmp) / "report.json") for _ in range(runs)]
                form_factor = "desktop" if desktop else "mobile"
                row: dict[str, Any] = {"page": "/" + path + label, "form_factor": form_factor, "runs": runs}
                for key in (*CATEGORIES, *METRICS, "benchmark_index"):
                    row[key] = round(median([result[key] for result in results]), 3)
                row["failed_audits"] = sorted({audit for result in results for audit in result["failed_audits"]})
                row["console_errors"] = sorted({error for result in results for error in result["console_errors"]})
                rows.append(row)
                log(f"  {row['page']} {row['form_factor']}: " + "/".join(str(round(row[c])) for c in CATEGORIES)
                    + f", LCP {row['lcp_ms']:.0f} ms, TBT {row['tbt_ms']:.0f} ms, CLS {row['cls']}")
    return rows


def measure_front_page(desk_site: Path, desk_prefix: str, runs: int, log) -> list[dict]:
    """The desk's front page (a built desk's index.html), which no story's navigation lists, as each story's pages
    are measured."""
    return measure_lighthouse(desk_site, desk_prefix, runs, log, paths=[""], label=" (desk front page)")
