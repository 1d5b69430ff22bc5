"""`mkdocs serve` keeps answering with the last good pages while it rebuilds.

MkDocs 1.6.1's live-reload server (mkdocs/livereload/__init__.py) holds every request while a rebuild runs
(`_serve_request` waits until the site's built epoch is the wanted one) and rebuilds into the very folder it
serves, so a rebuild of a large story left the preview unanswered for its whole length (50 s for 20,000 quotes).

Here, once the server runs, each rebuild writes into a new folder beside the served one; the server goes on serving
the last complete folder, without waiting, and is pointed at the new one when it is complete. Browsers then reload
as before (except under `--dirty`, whose rebuilds write only the changed pages over the served folder, so they are
left as MkDocs runs them). Three things of the server are used, all of MkDocs 1.6.1: `builder` (wrapped), `root`
(the folder served, read per request) and the epoch pair `_wanted_epoch`/`_visible_epoch` under `_epoch_cond`.
`mkdocs build` is not touched. tests/test_serve.py checks this with the real `mkdocs serve`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.plugins.explainer")
SERVER_PARTS = ("builder", "root", "error_handler", "_epoch_cond", "_wanted_epoch", "_visible_epoch")


@contextmanager
def answering_meanwhile(server: Any) -> Iterator[None]:
    """Requests are answered from what the server serves while the body rebuilds; MkDocs would hold each until the
    rebuild ends. Once the body ends without an error, the rebuild is what browsers reload to."""
    with server._epoch_cond:
        wanted = server._wanted_epoch
        # Requests wait until the built epoch is the wanted one: say the last good site is still wanted.
        server._wanted_epoch = server._visible_epoch
        server._epoch_cond.notify_all()
    yield
    with server._epoch_cond:
        server._wanted_epoch = wanted


class LiveSite:
    """The folders one `mkdocs serve` process builds into: the one served and the ones after it."""

    def __init__(self) -> None:
        self.server: Any = None  # MkDocs' LiveReloadServer, once serving
        self.next_folder: Path | None = None  # where the running rebuild writes
        self.folders: list[Path] = []  # served, oldest first; the first is MkDocs' own, the last the one served
        self.dirty = False  # `mkdocs serve --dirty`: rebuilds write over the served folder, as MkDocs does

    def attach(self, server: Any) -> None:
        """From `on_serve`: rebuilds go to new folders, and requests are answered while they run."""
        if self.dirty or not all(hasattr(server, name) for name in SERVER_PARTS):  # left as MkDocs serves
            log.debug("Rebuilds are served as MkDocs serves them (a dirty serve, or not MkDocs 1.6's server).")
            return
        self.server = server
        self.folders = [Path(server.root)]
        build = server.builder

        def rebuild() -> None:
            try:
                with answering_meanwhile(server):
                    build()
                    self._show_next()
            except BaseException:
                self._discard_next()  # the last good folder stays served, and requests keep being answered
                raise

        server.builder = rebuild
        server.error_handler = self._error_page

    @staticmethod
    def mount(server: Any, site_url: str | None) -> None:
        """From `on_serve`: serve under the path of `site_url` as the hook set it. MkDocs took its path from
        mkdocs.yml before the hook gave a story of a desk its own (`<desk address><slug>/`), and rebuilds with that
        same site_url, to which the hook adds the slug again each time."""
        path = ("/" + urlsplit(site_url or "/").path.strip("/") + "/").replace("//", "/")
        old = getattr(server, "mount_path", None)
        if isinstance(old, str) and old != path:
            server.mount_path = path
            server.url = str(server.url).removesuffix(old) + path

    def site_dir(self, configured: str) -> str:
        """From `on_config`: the folder this build writes to; a new one for each rebuild while serving."""
        if self.server is None:
            return configured
        self.next_folder = Path(tempfile.mkdtemp(prefix="mkdocs_", dir=Path(self.server.root).parent))
        return str(self.next_folder)

    def _show_next(self) -> None:
        """Serve the finished folder; MkDocs then makes it the visible epoch and tells browsers to reload."""
        if self.next_folder is None:
            return
        with self.server._epoch_cond:
            self.server.root = str(self.next_folder)
        self.folders.append(self.next_folder)
        self.next_folder = None
        # The folder before the previous one goes: a request still reading the previous one can finish.
        for stale in self.folders[:-2]:
            shutil.rmtree(stale, ignore_errors=True)
        self.folders = self.folders[-2:]

    def _discard_next(self) -> None:
        if self.next_folder is not None:
            shutil.rmtree(self.next_folder, ignore_errors=True)
            self.next_folder = None

    def _error_page(self, code: int) -> bytes | None:
        """MkDocs' own error pages come from its first folder; these come from the folder served."""
        page = Path(self.server.root) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    def close(self) -> None:
        """From `on_shutdown`: remove every folder made here (MkDocs removes its own, if it is still there)."""
        self._discard_next()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = []
