"""The generator's part in MkDocs builds, as plain code that needs no MkDocs: generator/hooks.py only calls it.

During `mkdocs serve` nothing may escape from generating the pages, content mistake or not: MkDocs
would then hold every request until the next good build. So serve logs the located problems and keeps
the last good pages, each under a banner listing them (or shows an error page), while `mkdocs build` fails with the
same lines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .assets import share_image_path
from .errors import ContentError, Problem
from .generate import Site, generate_site
from .load import STORY_FILE, display_path
from .pages import share_card_page
from .project import cache_folder, story_folder
from .seo import head_tags

log = logging.getLogger("mkdocs.plugins.explainer")


@dataclass(frozen=True)
class GeneratedFile:
    path: str
    content: str | bytes
    is_page: bool
    in_nav: bool


class Builds:
    """What one MkDocs process needs between builds: the command, the story folder and the last good site."""

    def __init__(self) -> None:
        self.command = "build"
        self.story_dir = Path("content")
        self.last_good: Site | None = None
        self.current: Site | None = None  # what this build shows: the new site, the last good one or an error page
        # Serve only: the problems of the last save while the last good site is shown in its place, as logged.
        self.broken_save: tuple[str, ...] = ()

    def start(self, command: str) -> None:
        self.command = command

    def configure(self, root: Path, configured_story: str | None, watch: list[str]) -> None:
        """Choose the story folder, and have serve rebuild when it changes."""
        self.story_dir = story_folder(root, configured_story).resolve()
        if str(self.story_dir) not in [str(Path(folder).resolve()) for folder in watch]:
            watch.append(str(self.story_dir))

    def generate(self, root: Path) -> Site:
        """The site of the story; raises ContentError, except in serve, which shows the last good site instead."""
        try:
            site = generate_site(self.story_dir, cache=cache_folder(root, "share-images"))
            self.last_good, self.broken_save = site, ()
        except Exception as error:  # noqa: BLE001 - during serve, anything raised here would freeze every request
            problems = self._as_content_error(error)
            if self.command != "serve":
                raise problems from None
            for problem in problems.problems:
                log.error(str(problem))
            if self.last_good:
                self.broken_save = tuple(str(problem) for problem in problems.problems)
                log.error("The site still shows the last good version, each page under a list of these "
                          "problems; save a fix and it will update.")
            else:
                log.error("The site shows a list of these problems until a fix is saved.")
            site = self.last_good or Site.error_page(problems)
        for warning in site.warnings:
            log.warning(str(warning))
        self.current = site
        return site

    def _as_content_error(self, error: Exception) -> ContentError:
        """A content mistake as it is; any other failure as one problem located at the story file."""
        if isinstance(error, ContentError):
            return error
        log.debug("The story could not be built", exc_info=error)
        message = f"the site cannot be built: {type(error).__name__}: {str(error)[:300]}; please report this"
        return ContentError([Problem(display_path(self.story_dir / STORY_FILE), 1, 1, "", message)])

    def edit_uri(self, root: Path) -> str | None:
        """"Edit this page" on a generated page opens the story's YAML, when it lives in the repository."""
        try:
            relative = (self.story_dir / STORY_FILE).relative_to(root.resolve()).as_posix()
        except ValueError:
            return None
        return f"../{relative}"  # relative to edit_uri, which points into docs/

    def head_tags(self, page: str, title: str, description: str | None, page_url: str | None,
                  site_url: str) -> str:
        """Open Graph, Twitter and JSON-LD tags for one page of the last good site ("" if there is none)."""
        site = self.last_good
        if site is None or site.story is None or site.identity is None:
            return ""
        image = share_image_path(share_card_page(site.page_type(page)))
        return head_tags(
            story=site.story, site_name=site.identity.name, page=page, title=title or site.story.meta.headline,
            description=description or site.story.meta.summary, page_url=page_url or site_url, site_url=site_url,
            image_url=urljoin(site_url, image), quotations=site.quotes_on_page.get(page, ()),
        )

    def language(self) -> str | None:
        site = self.last_good
        return site.story.meta.language if site and site.story else None


def generated_files(site: Site) -> list[GeneratedFile]:
    """Every file the site adds to the docs, pages first, each saying whether the nav lists it."""
    in_nav = {path for entry in site.nav() for path in entry.values()}
    files: dict[str, str | bytes] = {**site.pages, **site.assets}
    return [GeneratedFile(path, content, path.endswith(".md"), path in in_nav) for path, content in files.items()]
