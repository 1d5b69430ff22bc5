"""One call from a story folder to everything the site needs: pages and the files beside them."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .assets import build_assets
from .errors import ContentError, Problem
from .load import load_story
from .render import Pages, render_pages
from .review import label_pages, markers_in
from .schema import Story
from .text import md_escape

_TITLE = re.compile(r'^title: (".*")$', re.MULTILINE)


@dataclass(frozen=True)
class Site:
    """What one story generates: Markdown pages and other files, by path under the docs folder."""

    story: Story | None  # None only on the error page served while the very first build has mistakes
    pages: dict[str, str]
    assets: dict[str, bytes] = field(default_factory=dict)
    quotes_on_page: dict[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    @classmethod
    def error_page(cls, error: ContentError) -> Site:
        """Shown by `mkdocs serve` when the very first build already has content mistakes."""
        lines = "\n".join(f"- {md_escape(problem)}" for problem in error.problems)
        page = ("# The story has mistakes\n\nThe site cannot be shown until these are fixed. "
                "Save a fix and this page updates by itself.\n\n" + lines + "\n")
        return cls(None, {"index.md": page})


@contextmanager
def _without_collection_pauses() -> Iterator[None]:
    """A large story allocates many small objects that all live on; collecting while it loads only wastes time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def page_titles(pages: dict[str, str]) -> dict[str, str]:
    return {path: yaml.safe_load(match.group(1)) for path, text in pages.items() if (match := _TITLE.search(text))}


def generate_site(folder: Path, site_name: str, max_bytes: int | None = None, cache: Path | None = None) -> Site:
    """Load and check the story in `folder`, then render everything; raises ContentError on mistakes.

    `cache` is a folder for share images, which are redrawn only when their words change.
    """
    with _without_collection_pauses():
        loaded = load_story(folder, max_bytes)
        index = Pages(loaded)
        pages = label_pages(render_pages(loaded, index), len(markers_in(folder / "story.yaml")))
        assets = build_assets(loaded, site_name, page_titles(pages), cache)
    said_page = index.said_page
    shown: dict[str, list[str]] = {}
    for quote in loaded.story.quotes:
        shown.setdefault(said_page[quote.id], []).append(quote.id)
    return Site(loaded.story, pages, assets, {page: tuple(ids) for page, ids in shown.items()}, loaded.warnings)
