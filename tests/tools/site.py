"""What the tests need to know about the site: mkdocs.yml's site_url, the declared pages, and the built pages' URLs."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.content.desk_layout import story_address
from generator.pages.page_types import PAGE_TYPES, PageType, nav, served_path
from tools import ROOT
from tools.site_server import PREFIX


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV [NAME, default]` tags, resolved as MkDocs does."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_Loader.add_constructor("!ENV", _env)


@cache
def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader


def site_url() -> str:
    """The address of the story the tests build (stories/kursk-explainer/): the desk's address and its slug."""
    return story_address(mkdocs_config()["site_url"], "kursk-explainer")


def theme_overrides() -> Path:
    """The theme overrides folder mkdocs.yml names (theme.custom_dir)."""
    return ROOT / mkdocs_config()["theme"]["custom_dir"]


def nav_pages() -> list[tuple[str, str]]:
    """(label, path under the sub-path) for every page in the site's nav, in order: ("Quotes", "quotes/")."""
    return [(label, served_path(source)) for item in nav() for label, source in item.items()]


def declared_pages(keep: Callable[[PageType], bool] = lambda page_type: True) -> list[str]:
    """The first page of each declared page type, as the path it is served at: "", "quotes/", ... A type with a page
    per further source has none of its own: its pages are the story's sources' (tests/test_further_source_pages.py)."""
    return [served_path(page_type.path()) for page_type in PAGE_TYPES if keep(page_type) and not page_type.per_source]


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it ("quotes/index.html"), 404.html included."""
    return sorted(str(page.relative_to(site_dir)) for page in site_dir.rglob("*.html"))


def page_path(relative: str) -> str:
    """The path a built page is served at under the sub-path: "quotes/index.html" -> "quotes/"."""
    return relative.removesuffix("index.html")


# GitHub Pages serves 404.html for any missing URL, at any depth: its links must work from a deep one.
MISSING_PATH = "no/such/page/"


def assert_prefix_matches_site_url() -> None:
    assert urlsplit(site_url()).path == PREFIX, f"site_url {site_url()} is not served under {PREFIX}"


def visible_text(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, white space collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()
