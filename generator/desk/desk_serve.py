"""`make serve` on a desk: the front page and every story, with live reload, rebuilding only what a save changed.

MkDocs' own live-reload server (mkdocs.livereload.LiveReloadServer) serves a folder and calls one builder on any
change under the paths it watches, without saying which. The builder here compares each story folder with what it
held at its last build, rebuilds the stories that changed (each into a folder of its own, then swapped in, so the
story being rebuilt is still served meanwhile) and the front page only when what it shows of a story changed.
A change to mkdocs.yml, docs/ or the templates rebuilds everything. A story saved with mistakes keeps its last
good pages under a banner listing them, as `mkdocs serve` shows one story (generator/engines/mkdocs_build.py).
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import tempfile
import time
from pathlib import Path

import click
from mkdocs.livereload import LiveReloadServer

from ..content.desk_layout import STORIES_FOLDER, desk_stories, slug_problem
from ..content.desk_settings import DeskSettings, read_desk_settings
from ..content.project import CONFIG_FILE
from ..engines.mkdocs_build import Builds
from ..site.live_site import answering_meanwhile
from .desk_build import build_front_page
from .listing import DeskEntry, desk_entry
from .story_build import StoryBuildError, build_story
from .story_messages import StoryName

log = logging.getLogger("mkdocs.desk")
SHARED = (CONFIG_FILE, "docs", "generator/pages/templates")  # what every story's pages are made with
Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(paths: list[Path]) -> Fingerprint:
    """Every file under `paths` with its modification time and size: what a save changes."""
    found = []
    for path in paths:
        for file in sorted([path] if path.is_file() else path.rglob("*") if path.is_dir() else []):
            if file.is_file():
                stat = file.stat()
                found.append((file.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class DeskPreview:
    """The desk as served: a folder with the front page and a folder per story, and what each was built from."""

    def __init__(self, root: Path, serve_dir: Path, address: str, story: StoryName | None = None) -> None:
        self.root, self.serve_dir = root, serve_dir
        self.story = story or StoryName()  # the story being built, named in the messages logged meanwhile
        self.address = address  # where the preview is served, e.g. http://127.0.0.1:8000/
        self.builds: dict[str, Builds] = {}
        self.seen: dict[str, Fingerprint] = {}
        self.entries: dict[str, DeskEntry] = {}
        self.shared: Fingerprint = ()
        self.desk: DeskSettings | None = None

    def stories(self) -> dict[str, Path]:
        """The stories served; one whose folder name cannot be an address is said and left out."""
        served = {}
        for folder in desk_stories(self.root):
            if reason := slug_problem(folder.name):
                log.error(f"{STORIES_FOLDER}/{folder.name} is not served: {reason}")
            else:
                served[folder.name] = folder
        return served

    def update(self) -> list[str]:
        """Rebuild what changed since the last call (everything the first time); returns the slugs rebuilt."""
        shared = fingerprint([self.root / path for path in SHARED])
        if shared != self.shared:
            self.shared, self.seen, self.builds = shared, {}, {}
            self.desk = dataclasses.replace(read_desk_settings(self.root), address=self.address)
        stories = self.stories()
        changed = [slug for slug, folder in stories.items() if fingerprint([folder]) != self.seen.get(slug)]
        gone = [slug for slug in self.seen if slug not in stories]
        listed = dict(self.entries)
        for slug in changed:
            self._build_story(slug, stories[slug])
        for slug in gone:
            shutil.rmtree(self.serve_dir / slug, ignore_errors=True)
            for known in (self.seen, self.builds, self.entries):
                known.pop(slug, None)
        if self.entries != listed or not (self.serve_dir / "index.html").is_file():
            assert self.desk is not None, "the desk's settings are read first"
            build_front_page(self.root, self.desk, list(self.entries.values()), self.serve_dir, serving=True)
        return changed

    def _build_story(self, slug: str, folder: Path) -> None:
        """Build into a new folder beside the served one, then swap it in: the old pages are served meanwhile."""
        start = time.monotonic()
        self.story.name = slug
        self.seen[slug] = fingerprint([folder])
        builds = self.builds.get(slug)
        if builds is None:
            builds = self.builds[slug] = Builds(story=folder)
            builds.start("serve")
        fresh = Path(tempfile.mkdtemp(prefix=f".{slug}-", dir=self.serve_dir.parent))
        try:
            site = build_story(self.root, folder, fresh, builds, site_url=self.address)
        except StoryBuildError as error:  # not a content mistake, which serve shows: the old pages stay
            shutil.rmtree(fresh, ignore_errors=True)
            log.error(str(error))
            return
        served, stale = self.serve_dir / slug, self.serve_dir.parent / f"{fresh.name}-old"
        if served.exists():
            served.rename(stale)
        fresh.rename(served)
        shutil.rmtree(stale, ignore_errors=True)
        if site.story is not None and site.identity is not None and not builds.broken_save:
            self.entries[slug] = desk_entry(slug, site.story, site.identity)
        log.info(f"built in {time.monotonic() - start:.2f} s")
        self.story.name = ""


def serve_desk(root: Path, host: str, port: int, story: StoryName | None = None) -> None:
    """Build the desk into a temporary folder, serve it at http://host:port/ and follow every save until Ctrl+C."""
    address = f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="desk-serve-") as temporary:
        serve_dir = Path(temporary) / "site"
        serve_dir.mkdir()
        preview = DeskPreview(root, serve_dir, address, story)
        preview.update()
        # Polled four times a second rather than twice: a stat of each file under stories/ costs little.
        server = LiveReloadServer(builder=lambda: None, host=host, port=port, root=str(serve_dir),
                                  polling_interval=0.25)

        def rebuild() -> None:
            try:
                with answering_meanwhile(server):
                    preview.update()
            except click.ClickException as error:  # mkdocs.yml saved with a mistake: said, and the server goes on
                log.error(error.format_message())

        server.builder = rebuild
        server.error_handler = lambda code: _error_page(serve_dir, code)
        for path in (STORIES_FOLDER, *SHARED):
            if (root / path).exists():
                server.watch(str(root / path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()


def _error_page(serve_dir: Path, code: int) -> bytes | None:
    page = serve_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
