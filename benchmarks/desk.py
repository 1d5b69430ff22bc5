"""The desk at scale: a full build of 1, 10 and 50 stories, and the preview's save-to-served time at 50.

Each desk is a repository of its own in the work folder: this project's mkdocs.yml, docs/ and generator, and
stories/ holding copies of the corpus stories (tests/corpus/) under new slugs, taken in turn. The full build is
`python -m generator desk-build`, timed from the command to its end. The preview is `python -m generator
desk-serve` on the largest desk: one story's headline is changed, and the time runs from the save to the first
response of that story's page carrying the new words (polled every 20 ms).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from preview import POLL_S, TIMEOUT_S, _fetch
from sites import ROOT, SOURCE_DATE_EPOCH, WORK, free_port, median

CORPUS = ROOT / "tests" / "corpus"
GENERATOR = [sys.executable, "-m", "generator"]


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    env.pop("STORY", None)
    return env


def corpus_stories() -> list[Path]:
    return sorted(folder for folder in CORPUS.iterdir() if (folder / "story.yaml").is_file())


def make_desk(folder: Path, count: int) -> Path:
    """A desk of `count` stories, the corpus stories in turn, each under a slug of its own."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "generator").symlink_to(ROOT / "generator")
    sources = corpus_stories()
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copytree(source, folder / "stories" / f"{source.name}-{number + 1}")
    return folder


def time_build(desk: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([*GENERATOR, "desk-build", "--site", str(desk / "site")], cwd=desk, env=_env(),
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"desk-build of {desk} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return elapsed


def _wait_for(url: str, text: str, server: subprocess.Popen) -> float:
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"desk-serve stopped (exit status {server.returncode})")
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(POLL_S)
    raise TimeoutError(f"{url} never showed {text!r}")


def time_preview(desk: Path, edits: int, log) -> dict:
    """Serve the desk, change one story's headline `edits` times, time each save until its page shows it."""
    story = sorted((desk / "stories").iterdir())[0]
    yaml_file = story / "story.yaml"
    original = yaml_file.read_text(encoding="utf-8")
    port = free_port()
    with (desk / "serve.log").open("w") as server_log:
        started = time.perf_counter()
        server = subprocess.Popen([*GENERATOR, "desk-serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=desk,
                                  env=_env(), stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}/"
            first = _wait_for(url, "</html>", server) - started
            log(f"  desk of {len(list((desk / 'stories').iterdir()))}: served after {first:.1f} s; {edits} edits ...")
            times = []
            for number in range(edits):
                time.sleep(1.5)  # let the file watcher settle after the previous build
                marker = f"Deskedit{number}x{port}"
                yaml_file.write_text(original.replace('headline: "', f'headline: "{marker} ', 1), encoding="utf-8")
                saved = time.perf_counter()
                times.append(_wait_for(f"{url}{story.name}/", marker, server) - saved)
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    return {"stories": len(list((desk / "stories").iterdir())), "first_serve_s": round(first, 2),
            "edit_to_served_s": round(median(times), 2), "runs_s": [round(t, 2) for t in times]}


def measure_desk(sizes: list[int], edits: int, log) -> dict:
    """Full build time of a desk of each size, and the preview of the largest."""
    rows = []
    desk = WORK
    for count in sizes:
        desk = make_desk(WORK / f"desk-{count}", count)
        seconds = time_build(desk)
        log(f"  desk of {count}: built in {seconds:.1f} s")
        rows.append({"stories": count, "build_s": round(seconds, 2), "per_story_s": round(seconds / count, 2)})
    growth = [{"step": f"{a['stories']} -> {b['stories']}", "stories_x": round(b["stories"] / a["stories"], 2),
               "build_x": round(b["build_s"] / a["build_s"], 2)} for a, b in zip(rows, rows[1:], strict=False)]
    return {"builds": rows, "growth": growth, "preview": time_preview(desk, edits, log)}
