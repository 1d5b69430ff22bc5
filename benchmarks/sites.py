"""What every benchmark shares: paths, the build command, medians, and a gzip server like GitHub Pages."""

from __future__ import annotations

import gzip
import mimetypes
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
# Synthetic stories and built sites; ignored by git. BENCH_WORK moves them (the test suite's smoke run does).
WORK = Path(os.environ.get("BENCH_WORK") or BENCH / "work")
CONTENT = ROOT / "stories" / "kursk-explainer"
MKDOCS = [sys.executable, "-m", "mkdocs"]
SOURCE_DATE_EPOCH = "1730160000"  # fixed, so that every run builds the same bytes
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml",
                "application/manifest+json")


def build_env(story: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "STORY": str(story)}
    env.update(extra)
    return env


def mkdocs_build(story: Path, site_dir: Path) -> float:
    """Run the real `mkdocs build --strict` for `story` into `site_dir`; return its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)], cwd=ROOT,
                            env=build_env(story), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build of {story} failed:\n{result.stderr[-4000:]}")
    return elapsed


def desk_build(site_dir: Path) -> float:
    """Run `python -m generator desk-build` of this repository's desk into `site_dir`; return its wall time."""
    env = build_env(CONTENT)
    env.pop("STORY")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "desk-build", "--site", str(site_dir)], cwd=ROOT,
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"desk-build failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_settings() -> tuple[str, str]:
    """The site's name and the sub-path the story is published under ('/kursk-explainer/'): in a desk, the
    desk's address (site_url of mkdocs.yml) and the story's folder name."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.site_name, story_prefix(desk_address(), CONTENT.name)


def desk_address() -> str:
    """mkdocs.yml's site_url: the desk's address, under which each story has its own."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).site_url or "/"


def story_prefix(desk_address: str, slug: str) -> str:
    """The sub-path a desk's story is served under: '/kursk-explainer/' for https://explainer-desk.github.io/."""
    from generator.content.desk_layout import story_address

    return urlsplit(story_address(desk_address, slug)).path


class Hit(NamedTuple):
    path: str
    status: int
    body_bytes: int  # as sent: gzipped when the browser accepts it


class _Handler(BaseHTTPRequestHandler):
    """Static files with GitHub Pages' habits: gzip for text, index.html for folders, 404.html, max-age=600."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, prefix: str, hits: list[Hit], **kwargs) -> None:
        self.root, self.prefix, self.hits = root, prefix, hits
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self._respond(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self._send(404, self.root / "404.html", head)
        target = (self.root / path[len(self.prefix):]).resolve()
        if self.root not in target.parents and target != self.root:
            return self._send(404, self.root / "404.html", head)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.hits.append(Hit(path, 301, 0))
                return
            target = target / "index.html"
        if target.is_file():
            return self._send(200, target, head)
        return self._send(404, self.root / "404.html", head)

    def _send(self, status: int, file: Path, head: bool) -> None:
        body = file.read_bytes() if file.is_file() else b"Not found"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        if kind.startswith(COMPRESSIBLE):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
            kind += "; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "javascript")) else ""
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.hits.append(Hit(unquote(urlsplit(self.path).path), status, 0 if head else len(body)))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser closing a kept-alive connection is not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Served:
    """A site being served: its base URL and every response sent so far."""

    url: str
    hits: list[Hit] = field(default_factory=list)


@contextmanager
def serve_site(site: Path, prefix: str) -> Iterator[Served]:
    """Serve a built site on a free local port under `prefix`."""
    mimetypes.add_type("text/javascript", ".js")
    mimetypes.add_type("application/json", ".json")
    served = Served("")
    handler = partial(_Handler, root=site.resolve(), prefix=prefix, hits=served.hits)
    server = _Server(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        served.url = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
        yield served
    finally:
        server.shutdown()
        server.server_close()


def html_pages(site: Path) -> list[str]:
    """Every page of a built site as a path under its root ('', 'quotes/', ...), 404 excepted."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)
