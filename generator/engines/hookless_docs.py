"""Inputs for site engines that run no MkDocs hooks (Zensical): a docs folder and a config that points at it.

The folder holds everything the hook adds to a MkDocs build: the generated pages, share cards, JSON export and
map, plus copies of docs/'s hand-written pages and files. Each page carries in its front matter what the hook
would otherwise compute: its edit link (`edit_url`, used by docs/overrides/partials/actions.html), and its title
and description escaped (the theme prints them unescaped, and here no hook escapes them). Each page's head tags
are written beside the engine's config (`head_tags_file`), for `engine-finish` to add where the hook adds them
(generator/site/finish.py): one route on every engine.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin

import pathspec
import yaml

from ..content.desk_layout import is_desk, story_address, story_slug
from ..content.desk_settings import desk_settings
from ..content.errors import ContentError, OutputError
from ..content.load import STORY_FILE
from ..content.project import cache_folder, read_config_file
from ..content.schema import Story
from ..content.yamlwrite import yaml_value
from ..generate import Site, generate_site
from ..pages.assets import share_image_path
from ..pages.identity import identity_report_url, identity_settings, material_language
from ..pages.markdown_text import FRONT_MATTER
from ..pages.page_types import share_card_page
from ..pages.seo import head_tags
from ..site import csp
from ..site.page_html import theme_safe_meta
from ..site.site_addresses import check_site_addresses
from ..site.write import MANIFEST, RESERVED, Written, write_file, write_files

ENGINE_DOCS = Path("build/engine-docs")
ENGINE_CONFIG = Path("mkdocs.generated.yml")
# MkDocs leaves these out of every docs folder, whatever exclude_docs says.
ALWAYS_EXCLUDED = [".*", "/templates/"]
_FIRST_HEADING = re.compile(r"^# (.+?)\s*#*\s*$", re.MULTILINE)


def page_url(site_url: str, path: str) -> str:
    """The address MkDocs gives a page with directory URLs: quotes.md -> <site>/quotes/, a/index.md -> <site>/a/."""
    stem = path.removesuffix(".md")
    stem = "" if stem in ("index", "README") else stem.removesuffix("/index") + "/"
    return urljoin(site_url, stem)


def nav_titles(nav: list[dict[str, str]]) -> dict[str, str]:
    """{"quotes.md": "Quotes", ...}: a page in the nav is titled there, as MkDocs titles it."""
    return {path: title for entry in nav for title, path in entry.items()}


def split_front_matter(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def with_front_matter(text: str, changes: dict) -> str:
    """The page with `changes` set in its front matter, which is written anew, each value on one line."""
    meta, body = split_front_matter(text)
    lines = "".join(f"{yaml_value(str(key))}: {yaml_value(value)}\n" for key, value in {**meta, **changes}.items())
    return "---\n" + lines + "---\n" + body


def edit_base(config: dict) -> str | None:
    """Where "edit this page" links start, as MkDocs joins repo_url and edit_uri."""
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    if not repo_url or not edit_uri:
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri)


def story_edit_path(root: Path, story_dir: Path) -> str | None:
    """The story's YAML relative to docs/ (what the hook sets as edit_uri), if it lives in the repository."""
    try:
        return "../" + (story_dir.resolve() / STORY_FILE).relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def page_head_tags(site: Site, story: Story, config: dict, path: str, meta: dict, body: str) -> str:
    """The head tags the hook puts on `path`: its title as the nav, front matter or first heading gives it."""
    title = (nav_titles(site.nav()).get(path) or meta.get("title")
             or (match.group(1) if (match := _FIRST_HEADING.search(body)) else None) or story.meta.headline)
    site_url = config["site_url"]
    url = page_url(site_url, path)
    image_url = urljoin(site_url, share_image_path(share_card_page(site.page_type(path))))
    return head_tags(story=story, site_name=site.identity.name if site.identity else config["site_name"],
                     page=path, title=str(title), description=str(meta.get("description") or story.meta.summary),
                     page_url=url, site_url=site_url, image_url=image_url,
                     quotations=site.quotes_on_page.get(path, ()))


def built_page(path: str) -> str:
    """Where a docs page lands in the built site with directory URLs: quotes.md -> quotes/index.html."""
    stem = path.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def head_tags_file(engine_config_file: Path) -> Path:
    """The head tags of every page, by built page, beside the engine config they were written with."""
    return engine_config_file.with_suffix(".head-tags.json")


def hand_written(docs_dir: Path, config: dict) -> dict[str, bytes]:
    """docs/'s own files, less what the build leaves out (exclude_docs, the theme overrides, dot files)."""
    patterns = ALWAYS_EXCLUDED + (config.get("exclude_docs") or "").splitlines()
    excluded = pathspec.GitIgnoreSpec.from_lines(patterns)
    files = {}
    for file in sorted(docs_dir.rglob("*")):
        relative = file.relative_to(docs_dir).as_posix()
        if file.is_file() and not excluded.match_file(relative):
            files[relative] = file.read_bytes()
    return files


def engine_docs(root: Path, story_dir: Path, config: dict, site: Site) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every file of the docs folder for a hookless engine, by path; and each page's head tags, by built page."""
    own = hand_written(root / config.get("docs_dir", "docs"), config)
    clash = sorted(set(own) & (set(site.pages) | set(site.assets)))
    if clash:
        raise OutputError(f"docs/{clash[0]} is hand-written and has the name of a generated page; rename it")
    base = edit_base(config)
    story_edit = story_edit_path(root, story_dir)
    files: dict[str, bytes] = {**own, **site.assets}
    tags: dict[str, str] = {}
    pages = {path: text.decode("utf-8") for path, text in own.items() if path.endswith(".md")} | site.pages
    for path, text in pages.items():
        meta, body = split_front_matter(text)
        taken = sorted(set(meta) & {"edit_url"})
        if taken:
            raise OutputError(f"docs/{path}: front matter key '{taken[0]}' is set by the build; remove it")
        edit = story_edit if path in site.pages else path
        if site.story:
            tags[built_page(path)] = page_head_tags(site, site.story, config, path, meta, body)
        # The theme prints the title and description unescaped.
        extra = {"edit_url": urljoin(base, edit) if base and edit else None, **theme_safe_meta(meta)}
        files[path] = with_front_matter(text, extra).encode("utf-8")
    return files, tags


def engine_config(config: dict, site: Site, root: Path, docs_dir: Path, config_dir: Path,
                  for_serve: bool = False) -> dict:
    """mkdocs.yml for an engine without hooks: the same settings, pages read from `docs_dir`, and the nav the
    hook would build from the declared pages, its titles escaped as the hook escapes page titles.

    Paths are relative to the new config's folder (`config_dir`), where Zensical also puts site/. `for_serve`:
    the pages get their policy from the theme (docs/overrides/main.html), since nothing finishes them.
    """
    hookless = {key: value for key, value in config.items() if key not in ("hooks", "watch")}
    hookless["nav"] = [{html.escape(title, quote=False): path} for entry in site.nav() for title, path in entry.items()]
    if site.identity:  # what the hook sets in on_config: the story names its own site
        hookless.update(identity_settings(site.identity))
    hookless["docs_dir"] = os.path.relpath(docs_dir, config_dir)
    theme = dict(hookless.get("theme") or {})
    if site.identity:
        theme["language"] = material_language(site.identity.language)
        hookless["extra"] = {**(hookless.get("extra") or {}), "report_url": identity_report_url(site.identity)}
    if for_serve:
        hookless["extra"] = {**(hookless.get("extra") or {}), "serve_policy": csp.serve_policy()}
        # Nothing finishes a served page, so the theme's call for the repository's facts would be left in: a
        # preview shows no repository link instead (edit buttons come from each page's edit_url).
        hookless.pop("repo_url", None)
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(root / theme["custom_dir"], config_dir)
    hookless["theme"] = theme
    return hookless


def write_engine_inputs(root: Path, story_dir: Path, config_file: Path, out: Path = ENGINE_DOCS,
                        engine_config_file: Path = ENGINE_CONFIG, for_serve: bool = False) -> Written:
    """Write the docs folder and its config; returns what was written. Nothing is written on a mistake.

    `for_serve`: the pages carry their policy in the theme (nothing finishes them), and when the folder holds no
    pages yet, a story with mistakes writes a page listing them (as the hook shows during `mkdocs serve`) and
    still raises, so the caller prints them.
    """
    config = read_config_file(root / config_file)
    check_site_addresses(config, root / config_file)
    desk = None
    if is_desk(root):  # as the hook does: site_url is the desk's address; the story has its own under it
        desk = desk_settings(config, root / config_file)
        config["site_url"] = story_address(config.get("site_url") or "/", story_slug(story_dir))
    try:
        site = generate_site(story_dir, cache=cache_folder(root, "share-images"), desk=desk)
        mistakes = None
    except ContentError as error:
        if not for_serve or (root / out / MANIFEST).is_file():
            raise
        site, mistakes = Site.error_page(error), error
    files, tags = engine_docs(root, story_dir, config, site)
    result = write_files(root / out, files, reserved=RESERVED - {"assets"}, story=story_dir)
    target = root / engine_config_file
    hookless = engine_config(config, site, root.resolve(), (root / out).resolve(), target.parent.resolve(), for_serve)
    header = f"# Generated from {config_file} by `python -m generator engine-docs`; edit {config_file} instead.\n"
    text = header + yaml.safe_dump(hookless, sort_keys=False, allow_unicode=True)
    write_file(target, text.encode("utf-8"), story=story_dir)
    head = json.dumps(tags, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_file(head_tags_file(target), head.encode("utf-8"), story=story_dir)
    if mistakes:
        raise mistakes
    return result
