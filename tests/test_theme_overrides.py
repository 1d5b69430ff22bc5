"""The theme overrides: read from the folder the config names."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import CONTENT, MKDOCS, ROOT, build_env
from tools.edits import copy_story
from tools.site import theme_overrides

from generator import csp
from generator.engine_html import overrides_folder

# A script only the folder elsewhere has, in a block main.html already overrides.
ELSEWHERE_SCRIPT = 'document.documentElement.dataset.overrides="elsewhere"'


# The overrides folder is the one the config names ---------------------------------------------------------------

@pytest.fixture(scope="module")
def site_from_overrides_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The story built from a config outside the project whose theme.custom_dir is a folder elsewhere: a copy of
    the overrides with one more inline script. Returns the site and what the build printed. The story is copied
    beside the config, so that its pages have edit links."""
    work = tmp_path_factory.mktemp("elsewhere")
    copy_story(CONTENT, work / "content")
    overrides = work / "theme"
    for source in theme_overrides().rglob("*"):
        target = overrides / source.relative_to(theme_overrides())
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block scripts %}\n", f"{{% block scripts %}}\n  <script>{ELSEWHERE_SCRIPT}</script>\n", 1), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in [("custom_dir: docs/overrides", f"custom_dir: {overrides}"),
                     ("  - generator/hooks.py", f"  - {ROOT / 'generator' / 'hooks.py'}"),
                     ("  - docs/overrides\n  - generator/templates\n", f"docs_dir: {ROOT / 'docs'}\n")]:
        assert old in config, old
        config = config.replace(old, new, 1)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = work / "site"
    result = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(work / "mkdocs.yml"), "--site-dir", str(site)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_scripts_of_an_overrides_folder_elsewhere_are_allowed_by_the_policy(
        site_from_overrides_elsewhere: tuple[Path, str]) -> None:
    site, log = site_from_overrides_elsewhere
    assert "not the theme's" not in log
    markup = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', markup)
    assert f"<script>{ELSEWHERE_SCRIPT}</script>" in markup and policy
    assert csp._sha256(ELSEWHERE_SCRIPT) in policy[1], "the folder's own script would be blocked by the browser"


def test_engine_finish_reads_the_overrides_folder_beside_the_config_it_is_given(tmp_path: Path) -> None:
    assert overrides_folder(tmp_path / "mkdocs.yml", {"theme": {"custom_dir": "theme"}}) == tmp_path / "theme"
    assert overrides_folder(tmp_path / "mkdocs.yml", {"theme": {"name": "material"}}) is None


def test_a_script_of_the_overrides_folder_is_the_theme_s_only_when_that_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "x.html").write_text(f"<script>{ELSEWHERE_SCRIPT}</script>", encoding="utf-8")
    page = f"<script>{ELSEWHERE_SCRIPT}</script>"
    assert csp.inline_scripts(page, overrides=tmp_path) == ([ELSEWHERE_SCRIPT], [])
    assert csp.inline_scripts(page) == ([], [ELSEWHERE_SCRIPT])
