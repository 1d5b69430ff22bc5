"""Serve a built site over HTTP on loopback under a sub-path, the way GitHub Pages serves a project site.

- `/kursk-explainer/x/` serves `x/index.html`; `/kursk-explainer/x` redirects to `/kursk-explainer/x/` (301).
- Anything missing, or outside the sub-path, gets the site's `404.html` with status 404.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/kursk-explainer/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = PREFIX
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".xml": "application/xml"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: tests read requests themselves
        pass

    def _target(self) -> Path | None:
        """The file a GET of self.path serves, a directory (to redirect), or None (404)."""
        path = unquote(urlsplit(self.path).path)
        if path + "/" == self.prefix:
            return Path(self.directory)
        if not path.startswith(self.prefix):
            return None
        root = Path(self.directory).resolve()
        target = (root / path[len(self.prefix):]).resolve()
        if target != root and root not in target.parents:
            return None
        if target.is_dir():
            return target if (target / "index.html").is_file() else None
        return target if target.is_file() else None

    def send_head(self):
        target = self._target()
        if target is None:
            return self._not_found()
        if target.is_dir() and not urlsplit(self.path).path.endswith("/"):
            self.send_response(301)
            parts = urlsplit(self.path)
            self.send_header("Location", parts.path + "/" + (f"?{parts.query}" if parts.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if target.is_dir():
            target = target / "index.html"
        body = target.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return body

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        data = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@contextlib.contextmanager
def serve(site_dir: Path, prefix: str = PREFIX) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><prefix>; yields that base URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix}), directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
