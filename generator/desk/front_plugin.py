"""The MkDocs events of the desk's front page build: the story hook's counterpart for a page that is no story's.

It is registered as a plugin object on a config loaded without mkdocs.yml's hooks, so the page gets the same
theme, overrides and finishing (generator/site/finish.py: its policy, language and repairs) as every story page.
"""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.desk_settings import DeskSettings
from ..content.project import CONFIG_FILE
from ..pages.identity import material_language
from ..site.finish import Finishing, finish_page, override_styles
from ..site.page_html import escape_theme_values
from ..site.theme_templates import with_kept_templates

PAGE = "index.md"


class FrontPagePlugin:
    """MkDocs' events for the front page: settings from the desk, the page added, every page finished."""

    def __init__(self, desk: DeskSettings, markdown: str, head: str, serving: bool = False) -> None:
        self.desk, self.markdown, self.head, self.serving = desk, markdown, head, serving
        self.finishing: Finishing | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material prints these unescaped (see generator/pages/identity.py).
        config.site_name = html.escape(self.desk.name)
        config.site_description = html.escape(f"Explainers from {self.desk.name}")
        config.copyright = None
        config.theme["language"] = material_language(self.desk.language)
        config.extra["report_url"] = html.escape(self.desk.report_url) if self.desk.report_url else None
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        self.finishing = Finishing(override_styles(overrides), self.desk.language, overrides,
                                   any_inline_script=self.serving)  # a preview's live reload script
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if (existing := files.get_file_from_path(PAGE)) is not None:
            files.remove(existing)
        files.append(File.generated(config, PAGE, content=self.markdown))
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        return with_kept_templates(env, Path(config.config_file_path or CONFIG_FILE).parent)

    def on_page_content(self, html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_theme_values(page)
        return html_text

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        assert self.finishing is not None, "on_config runs first"
        return finish_page(output, self.finishing, page.file.dest_uri, self.head)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":  # rendered from the theme, so on_post_page never sees it
            return output_content
        assert self.finishing is not None, "on_config runs first"
        return finish_page(output_content, self.finishing, template_name)
