"""SITE_URL and REPO_URL, which mkdocs.yml reads from the environment, are checked like a story's addresses on
every engine: the theme prints both into every page unescaped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, build_env
from tools import require
from tools.edits import line_of

from generator.cli import main
from generator.site.site_addresses import address_problem

HOSTILE = [
    ("REPO_URL", "repo_url", 'https://github.com/desk/explainer"><script>alert(1)</script>'),
    ("REPO_URL", "repo_url", "https://github.com/desk/explainer' onmouseover='alert(1)"),
    ("SITE_URL", "site_url", "javascript://example.org/%0aalert(1)/"),
    ("SITE_URL", "site_url", "https://desk.example/explainer/&quot;/"),
    ("SITE_URL", "site_url", "https://editor@desk.example/explainers/"),
]


def located(variable: str, setting: str, value: str) -> str:
    """The start of the error for `variable`, set to `value`: mkdocs.yml's line for the setting, and the name."""
    return f"mkdocs.yml:{line_of(ROOT / 'mkdocs.yml', f'{setting}:')}:1: {setting}: {variable} (from the environment) " \
           f"{value!r}"


@pytest.mark.parametrize(("variable", "setting", "value"), HOSTILE)
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_hostile_address_in_the_environment_stops_the_build_naming_the_variable(
        tmp_path: Path, engine: str, variable: str, setting: str, value: str) -> None:
    if engine == "properdocs":
        require(find_spec("properdocs"), "properdocs is not installed (make .venv/.engine-properdocs)")
    command = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(tmp_path / "site"),
               *(["-f", "mkdocs.yml"] if engine == "properdocs" else [])]
    result = subprocess.run(command, cwd=ROOT, env=build_env(**{variable: value}), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode != 0
    assert located(variable, setting, value) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


@pytest.mark.parametrize(("variable", "setting", "value"), HOSTILE)
def test_engine_docs_refuses_a_hostile_address_in_the_environment_and_writes_nothing(
        tmp_path: Path, story_copy: Path, monkeypatch: pytest.MonkeyPatch, variable: str, setting: str,
        value: str) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, value)
    result = CliRunner().invoke(main, ["engine-docs", str(story_copy)])
    assert result.exit_code == 1
    assert located(variable, setting, value) in result.output and "Traceback" not in result.output
    assert not (tmp_path / "build").exists() and not (tmp_path / "mkdocs.generated.yml").exists()


def test_an_address_written_in_mkdocs_yml_itself_is_named_there(tmp_path: Path, monkeypatch) -> None:
    from generator.content.errors import ContentError
    from generator.site.site_addresses import check_site_addresses

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nrepo_url: https://github.com/a/b<i>\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_site_addresses({"repo_url": "https://github.com/a/b<i>"}, config)
    assert raised.value.problems[0].line == 2
    assert "repo_url: the value 'https://github.com/a/b<i>' holds U+003C LESS-THAN SIGN" in str(raised.value.problems[0])


@pytest.mark.parametrize("value", ["https://explainer-desk.github.io/kursk-explainer/",
                                   "http://127.0.0.1:8000/kursk-explainer/", "https://github.com/desk/kursk-explainer",
                                   "https://example.org/a-b_c.d~e/%20f/?g=h#i"])
def test_plain_addresses_are_accepted(value: str) -> None:
    assert address_problem(value) is None


@pytest.mark.parametrize("value", ["ftp://example.org/", "https:///path", "//example.org/", "https://example.org/a b",
                                   "https://example.org/\x7f", "https://example.org/`x`", "https://example.org/a\\b"])
def test_other_addresses_are_refused(value: str) -> None:
    assert address_problem(value) is not None


def test_desk_build_refuses_a_desk_address_with_a_user_name_and_password_once_without_showing_the_password(
        tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "desk-build", "--site", str(tmp_path / "site")],
                            cwd=ROOT, env=build_env(SITE_URL="https://editor:hunter2@desk.example/explainers/"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("holds a user name and password before @") == 1, result.stderr
    assert (f"{located('SITE_URL', 'site_url', 'https://editor:***@desk.example/explainers/')} holds a user name and "
            "password before @, which every page, the feed and the sitemap would publish, and it leads to "
            "desk.example; give the address without it") in result.stderr
    assert "hunter2" not in result.stderr + result.stdout and not (tmp_path / "site").exists()
