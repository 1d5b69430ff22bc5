"""`make bench`: build time, scale, pathological inputs, live preview, reader weight, Lighthouse, draft, engines.

    .venv/bin/python benchmarks/run.py                      # everything; writes benchmarks/results.json
    .venv/bin/python benchmarks/run.py --only weight,lighthouse   # some sections; writes benchmarks/work/
    .venv/bin/python benchmarks/run.py --markdown benchmarks/results.json   # the tables, for the README

Synthetic stories and built sites go to benchmarks/work/ (ignored by git). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from desk import measure_desk
from draft_quality import measure_draft_quality
from draft_quality import table as draft_table
from engines import measure_engines
from hostile import STEPS, measure_hostile
from lighthouse_audit import measure_front_page, measure_lighthouse
from machine import describe
from make_story import make_story
from preview import measure_preview
from report import goals, tables
from sites import BENCH, CONTENT, WORK, desk_address, desk_build, mkdocs_build, site_settings
from timings import run_scale
from weight import measure_weight

SECTIONS = ("scale", "hostile", "preview", "weight", "lighthouse", "draft", "engines", "desk")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--scales", default="10,100,1000", help="synthetic story sizes (times the story's)")
    parser.add_argument("--runs", type=int, default=5, help="builds per story, median taken (default 5)")
    parser.add_argument("--big-runs", type=int, default=1, help="builds of stories 1000x and over (default 1)")
    parser.add_argument("--edits", type=int, default=3, help="saves timed per live-preview story (default 3)")
    parser.add_argument("--preview-scale", type=int, default=100, help="synthetic story also timed in preview")
    parser.add_argument("--hostile-mb", type=float, default=1.0,
                        help="smallest size of each pathological input in MB, also timed at 2x and 4x (default 1)")
    parser.add_argument("--engine-scale", type=int, default=100, help="synthetic story also built by every engine")
    parser.add_argument("--engine-runs", type=int, default=3, help="builds per engine and story, median taken")
    parser.add_argument("--desk-sizes", default="1,10,50", help="stories in each desk built (default 1,10,50)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and form factor")
    parser.add_argument("--markdown", type=Path, metavar="RESULTS", help="print a results file's tables as Markdown")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.markdown:
        print(tables(json.loads(args.markdown.read_text(encoding="utf-8")), markdown=True))
        return
    sections = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown section(s): {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    WORK.mkdir(parents=True, exist_ok=True)
    site_name, prefix = site_settings()
    started = time.perf_counter()
    results: dict = {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                     "machine": describe()}

    def save(final: bool = False) -> Path:
        """Progress goes to benchmarks/work/ after every section; a full run ends in benchmarks/results.json."""
        out = BENCH / "results.json" if final and set(sections) == set(SECTIONS) else WORK / "results-partial.json"
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return out

    if "scale" in sections:
        factors = [int(factor) for factor in args.scales.split(",") if factor]
        log(f"Build and scale: the story and {', '.join(f'{f}x' for f in factors)} ...")
        results["scale"] = run_scale(factors, lambda f: args.big_runs if f >= 1000 else args.runs, site_name, log)
        results["build"] = results["scale"]["rows"][0]
        save()
    if "hostile" in sections:
        log(f"Pathological inputs of {args.hostile_mb:g} MB ...")
        results["hostile"] = {"megabytes": args.hostile_mb, "steps": list(STEPS),
                              "rows": measure_hostile(args.hostile_mb, log)}
        save()
    story_site = WORK / "site-1x"
    if {"weight", "lighthouse"} & set(sections) and "scale" not in sections:
        log("Building the story's site ...")
        mkdocs_build(CONTENT, story_site)

    if "preview" in sections:
        log("Live preview ...")
        big = make_story(CONTENT, args.preview_scale, WORK / f"story-{args.preview_scale}x")
        results["preview"] = [measure_preview(CONTENT, "story", desk_address(), args.edits, log),
                              measure_preview(big, f"{args.preview_scale}x", desk_address(), args.edits, log)]
        save()
    if "weight" in sections:
        log("Reader weight ...")
        results["weight"] = measure_weight(story_site, prefix, log)
        save()
    if "lighthouse" in sections:
        log(f"Lighthouse ({args.lighthouse_runs} runs per page and form factor) ...")
        results["lighthouse"] = measure_lighthouse(story_site, prefix, args.lighthouse_runs, log)
        log("Building the desk, for Lighthouse on its front page ...")
        desk_build(WORK / "desk-site")
        results["lighthouse"] += measure_front_page(WORK / "desk-site", urlsplit(desk_address()).path,
                                                    args.lighthouse_runs, log)
        save()

    if "draft" in sections:
        log("Draft quality against the hand-checked stories ...")
        results["draft_quality"] = measure_draft_quality(log)
        save()
    if "engines" in sections:
        log(f"Engines: MkDocs, ProperDocs and Zensical on the story and {args.engine_scale}x ...")
        big = make_story(CONTENT, args.engine_scale, WORK / f"story-{args.engine_scale}x")
        results["engines"] = measure_engines({"1x": CONTENT, f"{args.engine_scale}x": big}, args.engine_runs,
                                             prefix, log)
        save()
    if "desk" in sections:
        sizes = [int(size) for size in args.desk_sizes.split(",") if size]
        log(f"Desk: full builds of {', '.join(map(str, sizes))} stories, and the preview of {sizes[-1]} ...")
        results["desk"] = measure_desk(sizes, args.edits, log)
        save()

    results["machine"]["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
    results["goals"] = goals(results)
    results["duration_s"] = round(time.perf_counter() - started)
    out = save(final=True)
    print(tables(results))
    if "draft_quality" in results:
        print("\n" + draft_table(results["draft_quality"]))
    shown = out.relative_to(BENCH.parent) if out.is_relative_to(BENCH.parent) else out
    print(f"\nWritten to {shown} in {results['duration_s']} s.")


if __name__ == "__main__":
    main()
