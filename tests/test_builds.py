"""The generator's part in an MkDocs build (generator/engines/mkdocs_build.py), run without MkDocs: the hook only calls it."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SECOND_STORY

from generator.content.errors import ConfigError, OutputError
from generator.content.load import load_story
from generator.engines.mkdocs_build import Builds
from generator.pages.identity import site_identity


def mkdocs_config(**settings: Any) -> dict[str, Any]:
    """mkdocs.yml as MkDocs hands it to the hook, with only the settings the build reads."""
    return {"site_dir": "site", "markdown_extensions": ["footnotes"], "mdx_configs": {}, "plugins": {}, "nav": None,
            "config_file_path": str(ROOT / "mkdocs.yml"), "extra": {"story": str(SECOND_STORY)}, "watch": [],
            "theme": {"language": "en"}, "site_url": "https://example.org/s/", **settings}


def test_the_site_takes_its_name_and_language_from_the_story() -> None:
    config = mkdocs_config()
    Builds().configure(config)
    identity = site_identity(load_story(SECOND_STORY).story)
    assert config["site_name"] == html.escape(identity.name) and config["copyright"] == html.escape(identity.credit)
    assert config["theme"]["language"] == "en"
    assert config["watch"] == [str(SECOND_STORY.resolve())], "serve rebuilds when the story changes"


def test_a_nav_in_mkdocs_yml_is_refused_with_what_to_do() -> None:
    with pytest.raises(ConfigError, match="mkdocs.yml has a nav: remove it; the pages and their order are declared "
                                          "in generator/pages/page_types.py"):
        Builds().configure(mkdocs_config(nav=[{"Home": "index.md"}]))


def test_a_hand_written_page_with_a_generated_pages_name_is_refused() -> None:
    builds = Builds()
    builds.configure(mkdocs_config())
    with pytest.raises(OutputError, match=r"refusing to overwrite hand-written file\(s\) in docs: quotes\.md;"):
        builds.generated_files({"quotes.md", "editing.md"})


def test_generated_pages_open_the_story_for_editing_and_only_the_declared_ones_are_in_the_nav() -> None:
    builds = Builds()
    builds.configure(mkdocs_config())
    files = {file.path: file for file in builds.generated_files({"editing.md"})}
    relative = (SECOND_STORY / "story.yaml").relative_to(ROOT).as_posix()
    assert files["quotes.md"].edit_uri == f"../{relative}" and files["quotes.md"].in_nav
    assert not files["article.md"].in_nav and files["article.md"].is_page
    assert not any(file.is_page for path, file in files.items() if not path.endswith(".md"))
    assert all(file.edit_uri is None for file in files.values() if not file.is_page)


def test_a_page_is_finished_with_the_overrides_styles_allowed_by_the_policy(tmp_path: Path) -> None:
    (tmp_path / "extra.css").write_text("p{color:red}", encoding="utf-8")
    page = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<style>p{color:red}</style>\n' \
           "</head>\n<body>\n<p>Hi</p>\n</body>\n</html>\n"
    finished = Builds().finish(page, "index.html", str(tmp_path))
    assert finished.startswith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'
                               '<meta http-equiv="Content-Security-Policy"')
    assert "'sha256-" in finished.split("</head>")[0]
