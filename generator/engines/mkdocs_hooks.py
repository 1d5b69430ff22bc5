"""MkDocs hooks: each event mapped onto plain code that needs no MkDocs (generator/engines/mkdocs_build.py), which
finishes pages with generator/site/finish.py as the other engines do. Generated pages are virtual, never in docs/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.engines.mkdocs_build import Builds
from generator.engines.mkdocs_files import searchable, with_generated
from generator.site.page_html import escape_theme_values
from generator.site.theme_templates import with_kept_templates

builds = Builds()


@contextmanager
def _as_plugin_error() -> Iterator[None]:
    try:  # the generator's located messages, as MkDocs prints a hook's error: no traceback
        yield
    except click.ClickException as error:
        raise PluginError(error.format_message()) from None


def on_startup(command: str, dirty: bool) -> None:
    builds.start(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    with _as_plugin_error():  # generated now, not in on_files: the site's name, credit and language come from it
        builds.configure(config)
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    builds.live.mount(server, config.site_url)  # a story of a desk is served under its own path
    builds.live.attach(server)  # rebuilds go to a new folder while the last good one stays served
    return server


def on_shutdown() -> None:
    builds.live.close()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    with _as_plugin_error():
        generated = builds.generated_files({file.src_uri for file in files if file.generated_by is None})
    config.nav = builds.nav()  # MkDocs reads it after on_files, when it builds the navigation
    return with_generated(files, config, generated)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return with_kept_templates(env, builds.root)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_theme_values(page)
    return searchable(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    tags = builds.head_tags(page.file.src_uri, page.title, page.meta.get("description"), page.canonical_url,
                            config.site_url)
    with _as_plugin_error():
        return builds.finish(output, page.file.dest_uri, config.theme.custom_dir, tags)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":  # the 404 page is rendered from the theme, so on_post_page never sees it
        return output_content
    with _as_plugin_error():
        return builds.finish(output_content, template_name, config.theme.custom_dir)
