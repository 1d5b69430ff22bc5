"""MkDocs hooks: the generated pages come into the build as virtual files, never written to docs/.

During `mkdocs serve` nothing may escape from generating the pages, content mistake or not: MkDocs
would then hold every request until the next good build. So serve logs the located problems and keeps
the last good pages (or shows an error page), while `mkdocs build` fails with the same lines.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator import csp
from generator.assets import share_card_for
from generator.citations import keep_notes_out_of_search
from generator.errors import ContentError, Problem
from generator.generate import Site, generate_site
from generator.load import STORY_FILE, display_path
from generator.page_html import add_to_head, escape_theme_values, raw
from generator.render import NAV_PAGES
from generator.seo import head_tags

log = logging.getLogger("mkdocs.plugins.explainer")
STORY_ENV = "STORY"


class _State:
    command = "build"
    last_good: Site | None = None
    story_dir: Path = Path("content")


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def story_folder(config: MkDocsConfig) -> Path:
    """STORY=DIR from the environment, else `extra.story` in mkdocs.yml (default: content)."""
    base = Path(config.config_file_path or ".").parent
    chosen = os.environ.get(STORY_ENV) or config.extra.get("story", "content")
    return (base / chosen).resolve()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.story_dir = story_folder(config)
    if str(state.story_dir) not in [str(Path(w).resolve()) for w in config.watch]:
        config.watch.append(str(state.story_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        cache = Path(config.config_file_path or ".").parent / ".cache" / "share-images"
        site = generate_site(state.story_dir, site_name=config.site_name, cache=cache)
        state.last_good = site
    except Exception as error:  # noqa: BLE001 - during serve, anything raised here would freeze every request
        problems = _as_content_error(error)
        if state.command != "serve":
            raise PluginError(problems.report()) from None
        for problem in problems.problems:
            log.error(str(problem))
        if state.last_good:
            log.error("The site still shows the last good version; save a fix and it will update.")
        else:
            log.error("The site shows a list of these problems until a fix is saved.")
        site = state.last_good or Site.error_page(problems)
    for warning in site.warnings:
        log.warning(str(warning))
    for path in site.pages:
        hand_written = files.get_file_from_path(path)
        if hand_written is not None and not _is_generated(hand_written):
            raise PluginError(f"docs/{path} is hand-written and has the name of a generated page; rename it")
    edit_uri = _edit_uri(config)
    generated_files: dict[str, str | bytes] = {**site.pages, **site.assets}
    for path, content in generated_files.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        generated = File.generated(config, path, content=content)
        if path.endswith(".md"):
            generated.edit_uri = edit_uri
            if path not in NAV_PAGES:
                generated.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(generated)
    return files


def _as_content_error(error: Exception) -> ContentError:
    """A content mistake as it is; any other failure as one problem located at the story file."""
    if isinstance(error, ContentError):
        return error
    log.debug("The story could not be built", exc_info=error)
    message = f"the site cannot be built: {type(error).__name__}: {str(error)[:300]}; please report this"
    return ContentError([Problem(display_path(state.story_dir / STORY_FILE), 1, 1, "", message)])


def _edit_uri(config: MkDocsConfig) -> str | None:
    """"Edit this page" on a generated page opens the story's YAML, when it lives in the repository."""
    root = Path(config.config_file_path or ".").parent.resolve()
    try:
        relative = (state.story_dir / STORY_FILE).relative_to(root).as_posix()
    except ValueError:
        return None
    return f"../{relative}"  # relative to edit_uri, which points into docs/


def _is_generated(file: File) -> bool:
    return file.generated_by is not None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_theme_values(page)
    return keep_notes_out_of_search(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _valid_html(output)
    site = state.last_good
    if site is None or site.story is None or not config.site_url:
        return _secured(output, config)
    src = page.file.src_uri
    image = share_card_for(src)
    title = raw(page.title) if page.title else site.story.meta.headline
    tags = head_tags(
        story=site.story, site_name=config.site_name, page=src, title=title,
        description=raw(page.meta.get("description") or site.story.meta.summary),
        page_url=page.canonical_url or config.site_url, site_url=config.site_url,
        image_url=urljoin(config.site_url, image), quote_ids=site.quotes_on_page.get(src, ()),
    )
    return _secured(output, config, tags)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is rendered from the theme, not as a page, so on_post_page never sees it."""
    return _secured(_valid_html(output_content), config) if template_name == "404.html" else output_content


def _secured(output: str, config: MkDocsConfig, tags: str = "") -> str:
    """The page with its Content-Security-Policy first in the head, `tags` last, and the story's language."""
    site = state.last_good
    language = site.story.meta.language if site and site.story else None
    policy = csp.policy(output, _own_styles(config), allow_any_inline_script=state.command == "serve")
    _, foreign = csp.inline_scripts(output)
    if foreign:
        log.warning(f"{len(foreign)} inline script(s) in a page are not the theme's; the browser will block them: "
                    + "; ".join(repr(body[:60]) for body in foreign))
    return add_to_head(output, csp.meta_tag(policy), tags, language)


def _own_styles(config: MkDocsConfig) -> tuple[str, ...]:
    """The style sheets main.html inlines: every .css file of the theme overrides."""
    folder = Path(config.theme.custom_dir or "")
    return tuple(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.css"))) if folder.name else ()


def _valid_html(output: str) -> str:
    """Mend two faults of Material's base template that no block override reaches.

    It puts autocomplete="off" on hidden checkboxes, which HTML does not allow, and gives the search
    dialog no accessible name (Lighthouse and axe rule aria-dialog-name).
    """
    output = re.sub(r'(<input class="md-toggle"[^>]*?) autocomplete="off"', r"\1", output)
    return output.replace('data-md-component="search" role="dialog">',
                          'data-md-component="search" role="dialog" aria-label="Search this site">', 1)
