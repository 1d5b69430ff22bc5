"""One call from a story folder to everything the site needs: pages and the files beside them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .content.desk_settings import DeskSettings
from .content.errors import ContentError, Problem
from .content.load import LoadedStory, load_story, max_bytes_from_environment, without_collection_pauses
from .content.review import review_items_in
from .content.schema import Entity, Quote, Story
from .pages.anchor_checks import anchor_problems
from .pages.assets import build_assets
from .pages.identity import Identity, site_identity
from .pages.markdown_text import md_escape
from .pages.page_types import HOME, PAGE_TYPE, PageType, nav
from .pages.render import render_site_pages
from .pages.review_page import label_pages
from .pages.story_index import index_story


@dataclass(frozen=True)
class Site:
    """What one story generates: Markdown pages and other files, by path under the docs folder."""

    story: Story | None  # None only on the error page served while the very first build has mistakes
    pages: dict[str, str]
    assets: dict[str, bytes] = field(default_factory=dict)
    quotes_on_page: dict[str, tuple[tuple[Quote, Entity], ...]] = field(default_factory=dict)  # with their speakers
    warnings: tuple[Problem, ...] = ()
    page_types: dict[str, PageType] = field(default_factory=dict)
    identity: Identity | None = None

    def page_type(self, path: str) -> PageType | None:
        """The declared page type a generated page belongs to; None for other pages."""
        return self.page_types.get(path)

    def nav(self) -> list[dict[str, str]]:
        """MkDocs' nav for the pages this site has."""
        return nav(self.pages.keys(), self.story)  # looked up, not searched: asked for once per page

    @classmethod
    def error_page(cls, error: ContentError) -> Site:
        """Shown by `mkdocs serve` when the very first build already has content mistakes."""
        lines = "\n".join(f"- {md_escape(problem)}" for problem in error.problems)
        page = ("# The story has mistakes\n\nThe site cannot be shown until these are fixed. "
                "Save a fix and this page updates by itself.\n\n" + lines + "\n")
        return cls(None, {HOME.path(): page}, page_types={HOME.path(): HOME})


def generate_site(folder: Path, site_name: str | None = None, max_bytes: int | None = None,
                  cache: Path | None = None, desk: DeskSettings | None = None) -> Site:
    """Load and check the story in `folder`, then render everything; raises ContentError on mistakes.

    `site_name` overrides the story's own for the share images; `cache` is a folder for share images,
    which are redrawn only when their words change. `desk` gives what a story of a desk leaves unsaid.
    """
    with without_collection_pauses():
        loaded = with_desk_defaults(load_story(folder, max_bytes), desk)
        identity = site_identity(loaded.story, desk.report_url if desk else None)
        index = index_story(loaded)
        rendered = render_site_pages(loaded, index)
        collisions = anchor_problems(loaded, rendered)
        if collisions:
            raise ContentError(collisions)
        markers = review_items_in(folder / "story.yaml", loaded.document.positions,
                                  max_bytes or max_bytes_from_environment())
        pages = label_pages({page.path: page.markdown for page in rendered}, markers)
        assets = build_assets(loaded, site_name or identity.name, cache)
    said_page = PAGE_TYPE["quotes"].item_pages(index)
    shown: dict[str, list[tuple[Quote, Entity]]] = {}
    for quote in loaded.story.quotes:
        shown.setdefault(said_page[quote.id], []).append((quote, index.people[quote.speaker]))
    return Site(loaded.story, pages, assets,
                {page: tuple(quotations) for page, quotations in shown.items()}, loaded.warnings,
                {page.path: page.page_type for page in rendered}, identity)


def checked_story(folder: Path, max_bytes: int | None = None) -> LoadedStory:
    """Load and check a story, the anchors of its pages too (which only its rendered pages show): what `check` does.
    Raises ContentError on mistakes."""
    with without_collection_pauses():
        loaded = load_story(folder, max_bytes)
        collisions = anchor_problems(loaded, render_site_pages(loaded))
    if collisions:
        raise ContentError(collisions)
    return loaded


def with_desk_defaults(loaded: LoadedStory, desk: DeskSettings | None) -> LoadedStory:
    """The story with the desk's language where its meta gives none."""
    meta = loaded.story.meta
    if desk is None or "language" in meta.model_fields_set:
        return loaded
    story = loaded.story.model_copy(update={"meta": meta.model_copy(update={"language": desk.language})})
    return replace(loaded, story=story)
