"""`python -m generator desk-build`: every story of stories/ into site/<slug>/, then the front page and the feed.

Stories are built first, each on its own (generator/desk/story_build.py); a story that fails is reported and
the others still build, so one run names every story that needs a fix. The front page is built last into a
folder of its own and moved to the top of the site, since MkDocs empties the folder it builds into.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils import clean_directory

from ..content.desk_layout import STORIES_FOLDER, desk_stories, story_slug
from ..content.desk_settings import DeskSettings, read_desk_settings
from ..content.errors import ContentError, OutputError
from ..content.project import CONFIG_FILE, read_config
from ..site.site_addresses import check_site_addresses
from .atom_feed import atom_feed
from .front_page import FEED_FILE, feed_link_tag, front_page_markdown
from .front_plugin import FrontPagePlugin
from .listing import DeskEntry, desk_entry
from .story_build import StoryBuildError, build_story

log = logging.getLogger("mkdocs.desk")


@dataclass
class DeskBuild:
    """What a desk build made: an entry per story built, the stories that failed, and the seconds each took."""

    entries: dict[str, DeskEntry] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def build_stories(root: Path, folders: list[Path], site_dir: Path, result: DeskBuild,
                  announce: Callable[[str], None] = log.info) -> None:
    """Build each story of `folders` into `site_dir`/<slug>/, recording it in `result`."""
    for folder in folders:
        slug = story_slug(folder)
        start = time.monotonic()
        announce(f"{slug}: building")
        try:
            site = build_story(root, folder, site_dir / slug)
        except StoryBuildError as error:
            result.failed[slug] = str(error)
            result.entries.pop(slug, None)
            continue
        finally:
            result.seconds[slug] = time.monotonic() - start
        assert site.story is not None and site.identity is not None, "a strict build fails on a story's mistakes"
        result.entries[slug] = desk_entry(slug, site.story, site.identity)


def build_front_page(root: Path, desk: DeskSettings, entries: list[DeskEntry], site_dir: Path,
                     serving: bool = False) -> None:
    """The front page (with the theme's files, its own search, sitemap and 404) and the feed, at the top of
    `site_dir`, beside the stories' folders. `desk.address` is its site_url. Raises Abort if the page does not
    build. `serving`: for a preview, whose live reload script the policy must allow."""
    with tempfile.TemporaryDirectory(prefix="desk-front-") as temporary:
        built = Path(temporary) / "site"
        config = load_config(str(root / CONFIG_FILE), site_dir=str(built), strict=not serving, hooks=[],
                             site_url=desk.address)
        config.plugins["explainer-desk"] = FrontPagePlugin(  # type: ignore[assignment]
            desk, front_page_markdown(desk, entries), feed_link_tag(desk), serving)
        build(config)
        for item in sorted(built.iterdir()):
            target = site_dir / item.name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            shutil.move(str(item), target)
    (site_dir / FEED_FILE).write_bytes(atom_feed(desk, entries))


def refuse_source_folder(root: Path, site_dir: Path) -> None:
    """The site folder is emptied first: never one of the desk's sources, a folder inside one or one holding one."""
    site = site_dir.resolve()
    for name in (STORIES_FOLDER, "docs", "generator", ".git"):
        source = (root / name).resolve()
        if site == source or source in site.parents or site in source.parents:
            raise OutputError(f"refusing to build into {site_dir}: it is emptied first, and it "
                              f"{'is' if site == source else 'holds' if site in source.parents else 'is inside'} "
                              f"{name}/; choose a folder of its own, such as site")


def refuse_links(site_dir: Path) -> None:
    """The site folder is emptied and written: never through a link, which would empty or write another folder."""
    if site_dir.is_symlink():
        raise OutputError(f"refusing to build into {site_dir}: it is a link; give a folder of its own")
    for folder, names, files in os.walk(site_dir):
        for name in [*names, *files]:
            if (Path(folder) / name).is_symlink():
                raise OutputError(f"refusing to build into {site_dir}: {Path(folder) / name} is a link, and the folder "
                                  "is emptied and written without following links; remove it")


def build_desk(root: Path, site_dir: Path, announce: Callable[[str], None] = log.info) -> DeskBuild:
    """Build the whole desk into `site_dir` (emptied first). Raises ContentError for the desk's settings or a
    story folder's name; a story that fails to build is listed in the result's `failed`, and then the front page
    is not built, so that no deploy goes out without it."""
    desk = read_desk_settings(root)
    # Once for the desk, before any story: each story's build would refuse it again, one message per story.
    check_site_addresses(read_config(root), root / CONFIG_FILE)
    folders = desk_stories(root)
    problems = []
    for folder in folders:
        try:
            story_slug(folder)
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    refuse_source_folder(root, site_dir)
    refuse_links(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    clean_directory(str(site_dir))
    result = DeskBuild()
    build_stories(root, folders, site_dir, result, announce)
    if not result.failed:
        announce("front page and feed: building")
        try:
            build_front_page(root, desk, list(result.entries.values()), site_dir)
        except Abort as error:
            result.failed[""] = str(error)
    return result
