"""Shared fixtures: the project's paths, a built site, and the --update-goldens switch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI=true
    sync_playwright = None
from tools import launch_chromium, require
from tools.edits import copy_story

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "stories" / "kursk-explainer"
SECOND_STORY = ROOT / "tests" / "fixtures" / "second-story"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite tests/golden from the current output.")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs Chromium (and Java for the HTML checker)")


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": "1730160000"}
    env["STORY"] = str(CONTENT)  # the repository is a desk: a plain `mkdocs build` names its story
    env.update(extra)
    return env


def mkdocs_build(site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of this project into `site_dir`."""
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)], cwd=ROOT,
                          env=build_env(**env), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story's site, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    (site.parent / "build.log").write_text(result.stderr)
    return site


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """What `mkdocs build --strict` printed while building the story's site."""
    return (built_site.parent / "build.log").read_text()


@pytest.fixture()
def story_copy(tmp_path: Path) -> Path:
    """A writable copy of the story folder, for tests that break it on purpose."""
    return copy_story(CONTENT, tmp_path / "story")


@pytest.fixture()
def second_story_copy(tmp_path: Path) -> Path:
    """A writable copy of the small fixture story, for tests whose edits must not follow the real story's."""
    return copy_story(SECOND_STORY, tmp_path / "second-story")


@pytest.fixture(scope="session")
def served_site(built_site: Path):
    """The built site served over HTTP on loopback under /kursk-explainer/, like GitHub Pages; yields its URL."""
    from tools.site_server import serve

    with serve(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium per test module (Playwright gives it a fresh temporary profile). Module-scoped, not
    session-scoped: Playwright's sync API allows one instance per thread, and other modules start their own."""
    require(sync_playwright is not None, "the playwright Python package is not installed")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
