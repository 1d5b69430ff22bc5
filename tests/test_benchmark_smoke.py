"""`make bench` still runs: the build-and-scale section on the story and its 10x copy, one run each.

It prints the benchmark's tables, as `make bench` does, and asserts only that the run completes and prints
every figure line; how long anything takes is for `make bench` to report, not for a test to judge.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_benchmark_scale_section_runs_and_prints_its_figures(tmp_path: Path) -> None:
    command = [sys.executable, "benchmarks/run.py", "--only", "scale", "--scales", "10", "--runs", "1"]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "BENCH_WORK": str(tmp_path)},
                            capture_output=True, text=True, timeout=900, check=False)
    print(result.stdout)
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    for title in ("Build and scale", "Growth per 10x step", "Where the generator's time goes", "Goals"):
        assert any(line.startswith(title) for line in lines), f"no {title!r} table in:\n{result.stdout}"
    results = json.loads((tmp_path / "results-partial.json").read_text(encoding="utf-8"))
    rows = results["scale"]["rows"]
    assert [row["story"] for row in rows] == ["1x", "10x"]
    counts = [[int(n) for n in row["items"].split("+")] for row in rows]
    assert counts[1] == [10 * n for n in counts[0]], "the 10x story copies every quote, statement and event 10 times"
    for row in rows:  # the table row: story, its quotes+statements+events, 1 run, then the times in seconds
        assert any(line.split()[:4] == [row["story"], row["items"], "1", f"{row['generator_s']:.2f}"]
                   for line in lines if line.strip()), f"no figures for {row['story']} in:\n{result.stdout}"
        assert row["generator_stages_s"], "the generator's time by stage is missing"
    assert any(line.startswith("1x -> 10x ") for line in lines)


def test_benchmark_desk_section_runs_and_prints_its_figures(tmp_path: Path) -> None:
    command = [sys.executable, "benchmarks/run.py", "--only", "desk", "--desk-sizes", "1,2", "--edits", "1"]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "BENCH_WORK": str(tmp_path)},
                            capture_output=True, text=True, timeout=900, check=False)
    print(result.stdout)
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    for title in ("Desk: full build", "Desk preview", "Goals"):
        assert any(line.startswith(title) for line in lines), f"no {title!r} table in:\n{result.stdout}"
    desk = json.loads((tmp_path / "results-partial.json").read_text(encoding="utf-8"))["desk"]
    assert [row["stories"] for row in desk["builds"]] == [1, 2]
    assert desk["preview"]["stories"] == 2 and len(desk["preview"]["runs_s"]) == 1
    assert any(line.startswith("Desk build grows at most linearly") for line in lines)
