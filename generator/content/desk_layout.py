"""Where a desk keeps its stories, and the address each story is published at.

A desk is a repository with a `stories/` folder: `stories/<slug>/` holds one story (story.yaml, the article,
the map), published at `<desk address><slug>/`. A repository without `stories/` holds one story in `content/`,
published at `site_url` itself, as before desks existed.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from .errors import ConfigError, ContentError, Problem
from .load import STORY_FILE, display_path

STORIES_FOLDER = "stories"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX_LENGTH = 60
# Names the desk's own front page puts at the top of the site (its theme files, search, share images, feed).
RESERVED_SLUGS = frozenset({"assets", "search", "images", "data", "partials", "feed", "feed.xml", "sitemap",
                            "404"})


def is_desk(root: Path) -> bool:
    """Whether the repository at `root` is a desk of stories rather than a single story in content/."""
    return (root / STORIES_FOLDER).is_dir()


def desk_stories(root: Path) -> list[Path]:
    """The story folders of the desk, by slug: every folder of stories/ that holds a story.yaml."""
    folder = root / STORIES_FOLDER
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_dir() and (path / STORY_FILE).is_file())


def slug_problem(slug: str) -> str | None:
    """Why a folder name cannot be a story's address, or None."""
    if not _SLUG.fullmatch(slug) or len(slug) > SLUG_MAX_LENGTH:
        return (f"the folder name {slug!r} becomes the story's address (…/{slug}/): use lower-case letters, digits "
                f"and single hyphens, at most {SLUG_MAX_LENGTH} characters, e.g. 'library-hours'")
    if slug in RESERVED_SLUGS:
        return f"the folder name {slug!r} is taken by the desk's own front page; rename the folder"
    return None


def refuse_unaddressable(folder: Path) -> None:
    """Before a story is written into a desk's stories/: ConfigError if its folder's name cannot be its address."""
    if folder.resolve().parent.name == STORIES_FOLDER and (reason := slug_problem(folder.resolve().name)):
        raise ConfigError(f"{display_path(folder)}: {reason}")


def story_slug(folder: Path) -> str:
    """The story's slug, its folder's name; raises ContentError, located at its story.yaml, if it cannot be one."""
    if folder.is_symlink():  # its address would be the name of whatever it leads to, perhaps another story's
        raise ContentError([Problem(display_path(folder / STORY_FILE), 1, 1, "",
                                    f"{display_path(folder)} is a link; a story of the desk is a folder of its own "
                                    "in stories/, whose name is its address: move the story there")])
    slug = folder.name
    if reason := slug_problem(slug):
        raise ContentError([Problem(display_path(folder / STORY_FILE), 1, 1, "", reason)])
    return slug


def story_address(desk_address: str, slug: str) -> str:
    """`https://news.example/explainers/` and `library-hours` -> `https://news.example/explainers/library-hours/`."""
    return urljoin(desk_address if desk_address.endswith("/") else desk_address + "/", slug + "/")
