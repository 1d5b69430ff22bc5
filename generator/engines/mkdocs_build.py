"""The generator's part in MkDocs builds, as plain code that needs no MkDocs: only the hooks call it
(generator/engines/mkdocs_hooks.py).

During `mkdocs serve` nothing may escape from generating the pages, content mistake or not: MkDocs
would then hold every request until the next good build. So serve logs the located problems and keeps
the last good pages, each under a banner listing them (or shows an error page), while `mkdocs build` fails with the
same lines. A page that fails its check when finished (generator/site/finish.py) is handled the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..content.desk_layout import is_desk, story_address, story_slug
from ..content.desk_settings import DeskSettings, desk_settings
from ..content.errors import ConfigError, ContentError, PageError, Problem
from ..content.load import STORY_FILE, display_path
from ..content.project import cache_folder, story_folder
from ..generate import Site, generate_site
from ..pages.assets import share_image_path
from ..pages.footnotes import with_linear_footnotes
from ..pages.identity import UNNAMED, apply_identity
from ..pages.page_types import share_card_page
from ..pages.seo import head_tags
from ..site import csp
from ..site.broken_save import with_banner
from ..site.finish import Finishing, finish_page, override_styles, withheld_page
from ..site.live_site import LiveSite
from ..site.page_html import raw
from ..site.search_toc import index_toc_lookups
from ..site.site_addresses import check_site_addresses
from ..site.write import refuse_hand_written

log = logging.getLogger("mkdocs.plugins.explainer")


@dataclass(frozen=True)
class GeneratedFile:
    path: str
    content: str | bytes
    is_page: bool
    in_nav: bool
    edit_uri: str | None = None  # a page's "edit this page" link, relative to the config's edit_uri


class Builds:
    """What one MkDocs process needs between builds: the command, the story folder, the last good site and, in
    serve, the folders it builds into."""

    def __init__(self, story: Path | None = None) -> None:
        self.command = "build"
        self.root = Path()  # the folder of mkdocs.yml
        self.chosen_story = story  # the desk's builder names each story; else STORY or mkdocs.yml does
        self.story_dir = Path("content")
        self.desk: DeskSettings | None = None  # in a desk: what its stories leave unsaid
        self.live = LiveSite()
        self.last_good: Site | None = None
        self.current: Site | None = None  # what this build shows: the new site, the last good one or an error page
        # Serve only: the problems of the last save while the last good site is shown in its place, as logged.
        self.broken_save: tuple[str, ...] = ()

    def start(self, command: str, dirty: bool = False) -> None:
        self.command = command
        self.live.dirty = dirty  # a dirty rebuild writes only the changed pages, so it must write over the last site

    def configure(self, config: MutableMapping[str, Any]) -> Site:
        """Set MkDocs' config (mkdocs.yml as MkDocs read it) up for the story and generate its site, whose name,
        credit and language the config then takes. Serve rebuilds when the story folder changes.

        Raises ConfigError for a `nav` and, except in serve, ContentError for the story's mistakes.
        """
        config["site_dir"] = self.live.site_dir(config["site_dir"])
        config["markdown_extensions"] = with_linear_footnotes(config["markdown_extensions"], config["mdx_configs"])
        index_toc_lookups(getattr(config["plugins"].get("material/search"), "search_index", None))  # made already
        if config["nav"]:
            raise ConfigError("mkdocs.yml has a nav: remove it; the pages and their order are declared in "
                              "generator/pages/page_types.py")
        config_file = Path(config["config_file_path"] or "mkdocs.yml")
        self.root = config_file.parent
        self.story_dir = (self.chosen_story or story_folder(self.root, config["extra"].get("story"))).resolve()
        if str(self.story_dir) not in [str(Path(folder).resolve()) for folder in config["watch"]]:
            config["watch"].append(str(self.story_dir))
        check_site_addresses(config, config_file)
        self.desk = None
        if is_desk(self.root):  # site_url is the desk's address; the story has its own under it
            self.desk = desk_settings(config, config_file)
            config["site_url"] = story_address(config["site_url"] or "/", story_slug(self.story_dir))
        site = self.generate(self.root)
        apply_identity(config, site.identity or UNNAMED)
        return site

    def generate(self, root: Path) -> Site:
        """The site of the story; raises ContentError, except in serve, which shows the last good site instead."""
        try:
            site = generate_site(self.story_dir, cache=cache_folder(root, "share-images"), desk=self.desk)
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

    def _edit_uri(self) -> str | None:
        """"Edit this page" on a generated page opens the story's YAML, when it lives in the repository."""
        try:
            relative = (self.story_dir / STORY_FILE).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None
        return f"../{relative}"  # relative to edit_uri, which points into docs/

    def head_tags(self, page: str, title: object, description: object, page_url: str | None,
                  site_url: str | None) -> str:
        """Open Graph, Twitter and JSON-LD tags for one page of the last good site ("" if there is none, or no
        site_url). `title` and `description` are the values the theme got, escaped (page_html.escape_theme_values)."""
        site = self.last_good
        if not site_url or site is None or site.story is None or site.identity is None:
            return ""
        image = share_image_path(share_card_page(site.page_type(page)))
        return head_tags(
            story=site.story, site_name=site.identity.name, page=page,
            title=(raw(title) if title else "") or site.story.meta.headline,
            description=(raw(description) if description else "") or site.story.meta.summary,
            page_url=page_url or site_url, site_url=site_url, image_url=urljoin(site_url, image),
            quotations=site.quotes_on_page.get(page, ()),
        )

    def finish(self, output: str, where: str, custom_dir: str | None, tags: str = "") -> str:
        """The page as published (generator/site/finish.py). One that fails its check raises PageError in a build;
        serve logs why and shows that instead, since a build error would hold every request until the next good
        build. While the last save is broken, serve shows the last good page under a list of its problems."""
        if self.broken_save:
            output = with_banner(output, self.broken_save)
        overrides = Path(custom_dir) if custom_dir else None  # theme.custom_dir, made absolute by MkDocs
        finishing = Finishing(override_styles(overrides), self.language(), overrides,
                              any_inline_script=self.command == "serve")
        try:
            output = finish_page(output, finishing, where, tags)
        except PageError as error:
            if self.command != "serve":
                raise
            log.error(error.format_message())
            return withheld_page(error.format_message())
        _, foreign = csp.inline_scripts(output, overrides=overrides)
        if foreign:
            log.warning(f"{len(foreign)} inline script(s) in a page are not the theme's; the browser will block them: "
                        + "; ".join(repr(body[:60]) for body in foreign))
        return output

    def language(self) -> str | None:
        site = self.last_good
        return site.story.meta.language if site and site.story else None


    def nav(self) -> list[dict[str, str]]:
        """MkDocs' nav for the site this build shows."""
        assert self.current is not None, "the site is generated before its nav is asked for"
        return self.current.nav()

    def generated_files(self, hand_written: Collection[str]) -> list[GeneratedFile]:
        """Every file the current site adds to the docs, pages first, each saying whether the nav lists it.

        Raises OutputError when a hand-written file in docs/ (one of `hand_written`) has a generated page's name.
        """
        site = self.current
        assert site is not None, "the site is generated before its files are asked for"
        refuse_hand_written({path: "" for path in site.pages if path in hand_written}, "docs")
        in_nav = {path for entry in site.nav() for path in entry.values()}
        edit_uri = self._edit_uri()
        files: dict[str, str | bytes] = {**site.pages, **site.assets}
        return [GeneratedFile(path, content, path.endswith(".md"), path in in_nav,
                              edit_uri if path.endswith(".md") else None) for path, content in files.items()]
