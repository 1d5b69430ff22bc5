"""MkDocs hooks: the generated pages come into the build as virtual files, never written to docs/.

During `mkdocs serve` a content mistake must not raise: MkDocs would then hold every request
until the next good build. So serve logs the located problems and keeps the last good pages
(or shows an error page), while `mkdocs build` fails with the same lines.
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

from generator.assets import share_card_for
from generator.errors import ContentError
from generator.generate import Site, generate_site
from generator.load import STORY_FILE
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
    except ContentError as error:
        if state.command != "serve":
            raise PluginError(error.report()) from None
        for problem in error.problems:
            log.error(str(problem))
        if state.last_good:
            log.error("The site still shows the last good version; save a fix and it will update.")
        else:
            log.error("The site shows a list of these problems until a fix is saved.")
        site = state.last_good or Site.error_page(error)
    for path in site.pages:
        if files.get_file_from_path(path) is not None and not _is_generated(files.get_file_from_path(path)):
            raise PluginError(f"docs/{path} is hand-written and has the name of a generated page; rename it")
    edit_uri = _edit_uri(config)
    for path, content in {**site.pages, **site.assets}.items():
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


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _valid_html(output)
    site = state.last_good
    if site is None or not config.site_url:
        return output
    src = page.file.src_uri
    image = share_card_for(src)
    title = page.title or site.story.meta.headline
    tags = head_tags(
        story=site.story, site_name=config.site_name, page=src, title=str(title),
        description=str(page.meta.get("description") or site.story.meta.summary),
        page_url=page.canonical_url or config.site_url, site_url=config.site_url,
        image_url=urljoin(config.site_url, image), quote_ids=site.quotes_on_page.get(src, ()),
    )
    return output.replace("</head>", tags + "</head>", 1)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is rendered from the theme, not as a page, so on_post_page never sees it."""
    return _valid_html(output_content) if template_name == "404.html" else output_content


def _valid_html(output: str) -> str:
    """Mend two faults of Material's base template that no block override reaches.

    It puts autocomplete="off" on hidden checkboxes, which HTML does not allow, and gives the search
    dialog no accessible name (Lighthouse and axe rule aria-dialog-name).
    """
    output = re.sub(r'(<input class="md-toggle"[^>]*?) autocomplete="off"', r"\1", output)
    return output.replace('data-md-component="search" role="dialog">',
                          'data-md-component="search" role="dialog" aria-label="Search this site">', 1)
