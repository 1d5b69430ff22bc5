"""MkDocs hooks: each event is mapped onto plain code in generator/builds.py, which needs no MkDocs.

The generated pages come into the build as virtual files, never written to docs/.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator import csp
from generator.broken_save import with_banner
from generator.builds import Builds, generated_files
from generator.citations import keep_notes_out_of_search
from generator.errors import ContentError, OutputError, PageError
from generator.finish import Finishing, finish_page, withheld_page
from generator.footnotes import with_linear_footnotes
from generator.generate import Site
from generator.identity import Identity
from generator.live_site import LiveSite
from generator.page_html import escape_theme_values, raw
from generator.search_toc import index_toc_lookups
from generator.site_addresses import check_site_addresses
from generator.write import refuse_hand_written

log = logging.getLogger("mkdocs.plugins.explainer")
builds = Builds()
live_site = LiveSite()
MATERIAL_LANGUAGES = {path.stem for path in
                      (Path(material.__file__).parent / "templates" / "partials" / "languages").glob("*.html")}
# Shown only while the very first build of `mkdocs serve` has content mistakes.
UNNAMED = Identity(name="Explainer", description="", language="en", credit="", report_url=None)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").parent


def on_startup(command: str, dirty: bool) -> None:
    builds.start(command)
    live_site.dirty = dirty  # a dirty rebuild writes only the changed pages, so it must write over the last site


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.site_dir = live_site.site_dir(config.site_dir)
    config.markdown_extensions = with_linear_footnotes(config.markdown_extensions, config.mdx_configs)
    search = config.plugins.get("material/search")  # its index is made in its own on_config, which runs first
    if search is not None:
        index_toc_lookups(getattr(search, "search_index", None))
    if config.nav:
        raise PluginError("mkdocs.yml has a nav: remove it; the pages and their order are declared in "
                          "generator/pages.py")
    builds.configure(_root(config), config.extra.get("story"), config.watch)
    # The story is generated here, not in on_files: the site's name, credit and language come from it.
    try:
        check_site_addresses(config, Path(config.config_file_path or "mkdocs.yml"))
        site = builds.generate(_root(config))
    except ContentError as error:
        raise PluginError(error.format_message()) from None
    _apply_identity(config, site.identity or UNNAMED)
    return config


def _apply_identity(config: MkDocsConfig, identity: Identity) -> None:
    for key, value in identity_settings(identity).items():
        setattr(config, key, value)
    config.theme["language"] = material_language(identity.language)
    config.extra["report_url"] = identity_report_url(identity)


def identity_settings(identity: Identity) -> dict[str, str | None]:
    """The story's identity as mkdocs.yml settings. Material prints these into HTML unescaped, so they are
    escaped here; engines without hooks get the same values in their generated config."""
    return {"site_name": html.escape(identity.name),
            "site_description": html.escape(identity.description) or None,
            "copyright": html.escape(identity.credit) or None}


def identity_report_url(identity: Identity) -> str | None:
    return html.escape(identity.report_url) if identity.report_url else None


def material_language(tag: str) -> str:
    """The theme's interface language for a language tag: en-GB -> en, pt-BR -> pt-BR, unknown -> en."""
    for candidate in (tag, tag.split("-", 1)[0]):
        if candidate in MATERIAL_LANGUAGES:
            return candidate
    return "en"


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    live_site.attach(server)  # rebuilds go to a new folder while the last good one stays served
    return server


def on_shutdown() -> None:
    live_site.close()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: Site | None = builds.current
    assert site is not None, "on_config generates the site before on_files"
    try:
        refuse_hand_written({path: "" for path in site.pages if _is_hand_written(files, path)}, "docs")
    except OutputError as error:
        raise PluginError(error.format_message()) from None
    config.nav = site.nav()  # MkDocs reads it after on_files, when it builds the navigation
    edit_uri = builds.edit_uri(_root(config))
    for generated in generated_files(site):
        existing = files.get_file_from_path(generated.path)
        if existing is not None:
            files.remove(existing)
        file = File.generated(config, generated.path, content=generated.content)
        if generated.is_page:
            file.edit_uri = edit_uri
            if not generated.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


def _is_hand_written(files: Files, path: str) -> bool:
    existing = files.get_file_from_path(path)
    return existing is not None and existing.generated_by is None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_theme_values(page)
    return keep_notes_out_of_search(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not config.site_url:
        return _secured(output, config, page.file.dest_uri)
    description = page.meta.get("description")
    tags = builds.head_tags(page.file.src_uri, raw(page.title) if page.title else "",
                            raw(description) if description else None, page.canonical_url, config.site_url)
    return _secured(output, config, page.file.dest_uri, tags)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is rendered from the theme, not as a page, so on_post_page never sees it."""
    return _secured(output_content, config, template_name) if template_name == "404.html" else output_content


def _secured(output: str, config: MkDocsConfig, where: str, tags: str = "") -> str:
    """The finished page (generator/finish.py). One that fails its check stops `mkdocs build`; `mkdocs serve`
    logs why and shows that instead, since a build error would hold every request until the next good build.
    While the last save is broken, serve shows the last good page under a list of its problems."""
    if builds.broken_save:
        output = with_banner(output, builds.broken_save)
    finishing = Finishing(_own_styles(config), builds.language(), any_inline_script=builds.command == "serve")
    try:
        output = finish_page(output, finishing, where, tags)
    except PageError as error:
        if builds.command != "serve":
            raise PluginError(error.format_message()) from None
        log.error(error.format_message())
        return withheld_page(error.format_message())
    _, foreign = csp.inline_scripts(output)
    if foreign:
        log.warning(f"{len(foreign)} inline script(s) in a page are not the theme's; the browser will block them: "
                    + "; ".join(repr(body[:60]) for body in foreign))
    return output


def _own_styles(config: MkDocsConfig) -> tuple[str, ...]:
    """The style sheets main.html inlines: every .css file of the theme overrides."""
    folder = Path(config.theme.custom_dir or "")
    return tuple(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.css"))) if folder.name else ()
