"""Build or serve a story with each engine, as `make build ENGINE=...` and `make serve ENGINE=...` do (engines.mk).

MkDocs and ProperDocs build and serve with the hook; Zensical runs no hooks, so `engine-docs` writes its pages
first, `engine-finish` finishes a build, and a serve runs `engine-docs --serve`, then `engine-docs --watch`
beside `zensical serve`. Everything is written under the given work folder, never into the repository.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools import ROOT
from tools.site_server import PREFIX

ENGINES = ("mkdocs", "properdocs", "zensical")
PYTHON = sys.executable


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _zensical_inputs(work: Path) -> list[str]:
    return ["--out", str(work / "docs"), "--engine-config", str(work / "mkdocs.generated.yml")]


def build(engine: str, story: Path, work: Path, env: dict[str, str]) -> tuple[Path, subprocess.CompletedProcess]:
    """Build `story` with `engine` under `work`; returns the site folder and the last command's result (the
    first that failed, if one did)."""
    env = {**env, "STORY": str(story)}
    site = work / "site"
    if engine == "mkdocs":
        return site, _run([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], env)
    if engine == "properdocs":
        return site, _run([PYTHON, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir",
                           str(site)], env)
    steps = [[PYTHON, "-m", "generator", "engine-docs", str(story), *_zensical_inputs(work)],
             [PYTHON, "-m", "zensical", "build", "--strict", "-f", str(work / "mkdocs.generated.yml")],
             [PYTHON, "-m", "generator", "engine-finish", str(story), "--site", str(site), "--engine-config",
              str(work / "mkdocs.generated.yml")]]
    for step in steps:
        result = _run(step, env)
        if result.returncode != 0:
            break
    return site, result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def serve(engine: str, story: Path, work: Path, env: dict[str, str]) -> Iterator[str]:
    """Serve `story` with `engine`'s own server on a free loopback port; yields the site's URL once it answers.

    The servers are stopped with Ctrl+C (SIGINT), as a person stops them, and killed if they do not stop.
    """
    address = f"127.0.0.1:{_free_port()}"
    env = {**env, "STORY": str(story), "TMPDIR": str(work)}  # mkdocs serve builds into a temporary folder
    if engine == "zensical":
        first = _run([PYTHON, "-m", "generator", "engine-docs", str(story), "--serve", *_zensical_inputs(work)], env)
        assert first.returncode == 0, first.stdout + first.stderr
        commands = [[PYTHON, "-m", "generator", "engine-docs", str(story), "--watch", *_zensical_inputs(work)],
                    [PYTHON, "-m", "zensical", "serve", "-f", str(work / "mkdocs.generated.yml"), "--dev-addr",
                     address]]
    elif engine == "properdocs":
        commands = [[PYTHON, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "--dev-addr", address]]
    else:
        commands = [[PYTHON, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address]]
    log = work / "serve.log"
    with open(log, "w") as log_file:
        processes = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                      start_new_session=True) for command in commands]
    url = f"http://{address}{PREFIX}"
    try:
        deadline = time.monotonic() + 90
        while not _answers(url):
            assert time.monotonic() < deadline, f"{engine} serve did not answer in 90 s:\n{log.read_text()[-3000:]}"
            assert all(process.poll() is None for process in processes), f"{engine} serve stopped:\n{log.read_text()}"
            time.sleep(0.2)
        yield url
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=20)
