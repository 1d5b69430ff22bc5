"""Live preview: from saving story.yaml to the real `mkdocs serve` serving the changed page."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from sites import MKDOCS, ROOT, build_env, free_port, median, story_prefix

POLL_S = 0.02
TIMEOUT_S = 600


def _edited(original: str, marker: str) -> str:
    """The YAML with `marker` put before the first word of the first takeaway, however that text is written."""
    story = yaml.load(original, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    first_word = story["takeaways"][0]["text"].split()[0]
    at = original.index(first_word, original.index("\ntakeaways:"))
    return f"{original[:at]}{marker} {original[at:]}"


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, server: subprocess.Popen) -> float:
    """Poll `url` until its body contains `text`; return when that first happened (perf_counter)."""
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit status {server.returncode})")
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(POLL_S)
    raise TimeoutError(f"{url} never showed {text!r}")


def measure_preview(story: Path, label: str, desk_address: str, edits: int, log) -> dict:
    """Start `mkdocs serve` on a copy of `story`, save `edits` takeaway changes, time each until it is served.
    The repository is a desk at `desk_address`: the copy is served under its folder's name, as its story is."""
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        copy = Path(tmp) / story.name
        shutil.copytree(story, copy)
        prefix = story_prefix(desk_address, copy.name)
        yaml_file = copy / "story.yaml"
        original = yaml_file.read_text(encoding="utf-8")
        port = free_port()
        url = f"http://127.0.0.1:{port}{prefix}"
        command = [*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
        with (Path(tmp) / "serve.log").open("w") as server_log:
            started = time.perf_counter()
            server = subprocess.Popen(command, cwd=ROOT, env=build_env(copy), stdout=server_log,
                                      stderr=subprocess.STDOUT)
            try:
                first_page = _wait_for(url, "</html>", server) - started
                log(f"  {label}: server up after {first_page:.1f} s; {edits} edits ...")
                times = []
                for number in range(edits):
                    time.sleep(1.5)  # let the file watcher settle after the previous build
                    marker = f"Benchmarkedit{number}x{port}"
                    yaml_file.write_text(_edited(original, marker), encoding="utf-8")
                    saved = time.perf_counter()
                    times.append(_wait_for(url, marker, server) - saved)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
    return {"story": label, "first_build_s": round(first_page, 2), "edit_to_served_s": round(median(times), 2),
            "runs_s": [round(t, 2) for t in times]}
