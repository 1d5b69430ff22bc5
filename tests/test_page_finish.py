"""Finishing built pages on every engine (generator/site/finish.py): one policy, first in the head; nothing that can
send a reader to another host; and `engine-finish`, for Zensical, failing rather than skipping a page it does
not expect."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CONTENT, ROOT, build_env, mkdocs_build
from tools import require
from tools.cli import Run, run_cli
from tools.edits import copy_story, replace_once

from generator.content.yamlwrite import yaml_value

# Attributes unquoted, as HTML allows: check reads quotation marks in a headline and refuses stray ones.
ELSEWHERE = "https://elsewhere.example/away"
HEADLINE = (f"Policy text: http-equiv=Content-Security-Policy, <meta http-equiv=refresh content=0;url={ELSEWHERE}>"
            f" and <base href={ELSEWHERE}>: what we know")
SITE_NAME = "Q&A <desk> \"Kursk\" explainer's"
STRAY = {"refresh": f"<meta http-equiv=refresh content=0;url={ELSEWHERE}>",
         "base": f"<base href={ELSEWHERE}>",
         "policy": """<meta http-equiv="Content-Security-Policy" content="default-src *">"""}
ARTICLE_START = '<article class="md-content__inner md-typeset">'
# Runs the real `mkdocs` or `properdocs` command with the escaping of page titles taken out, as if it had missed
# one: the headline then reaches the page as markup.
UNESCAPED = """
import runpy, sys
import generator.site.page_html
generator.site.page_html.escape_theme_values = lambda page: None
sys.argv[0] = sys.argv[1]
del sys.argv[1]
runpy.run_module(sys.argv[0], run_name="__main__")
"""


class Placed(HTMLParser):
    """Every refresh, <base> and policy element of a page, as (tag, http-equiv)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.logo_titles: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "base" or (tag == "meta" and "http-equiv" in attributes):
            self.found.append((tag, attributes.get("http-equiv", "").lower()))
        if tag == "a" and "md-logo" in attributes.get("class", ""):
            self.logo_titles.append(attributes.get("title", ""))


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story with a headline that spells out a policy tag, a refresh and a <base>, and a site name with
    every character HTML escapes."""
    folder = copy_story(CONTENT, tmp_path_factory.mktemp("finish") / "story")
    replace_once(folder / "story.yaml", '"NATO confirms North Korean troops in Russia and its Kursk region: what we know"',
                 yaml_value(HEADLINE))
    replace_once(folder / "story.yaml", "name: Kursk explainer", f"name: {yaml_value(SITE_NAME)}")
    return folder


@pytest.fixture(scope="module")
def zensical_unfinished(story: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story built by Zensical, finished by nothing yet."""
    require(find_spec("zensical"), "zensical is not installed (make .venv/.engine-zensical)")
    work = tmp_path_factory.mktemp("zensical")
    for command in (["-m", "generator", "engine-docs", str(story), "--out", str(work / "docs"), "--engine-config",
                     str(work / "mkdocs.generated.yml")],
                    ["-m", "zensical", "build", "--strict", "-f", str(work / "mkdocs.generated.yml")]):
        result = subprocess.run([sys.executable, *command], cwd=ROOT, env=build_env(), capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


@pytest.fixture()
def zensical_site(zensical_unfinished: Path, tmp_path: Path) -> Path:
    """A copy of the built site, with the head tags engine-docs wrote beside its config."""
    tags = "mkdocs.generated.head-tags.json"
    shutil.copy(zensical_unfinished.parent / tags, tmp_path / tags)
    return Path(shutil.copytree(zensical_unfinished, tmp_path / "site"))


def finish(site: Path, story: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(ROOT)
    return run_cli("engine-finish", str(story), "--site", str(site),
                   "--engine-config", str(site.parent / "mkdocs.generated.yml"))


def pages(site: Path) -> dict[Path, str]:
    return {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}


def test_a_headline_spelling_out_a_policy_tag_is_finished_like_every_other_page(
        zensical_site: Path, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = finish(zensical_site, story, monkeypatch)
    assert result.code == 0, result.stdout + result.stderr
    built = pages(zensical_site)
    assert len(built) >= 10 and f"{len(built)} pages finished" in result.stdout
    for page, markup in built.items():
        assert Placed(markup).found == [("meta", "content-security-policy")], page
        assert markup.index('http-equiv="Content-Security-Policy"') < markup.index("<title>"), page


def test_engine_finish_run_twice_changes_nothing(zensical_site: Path, story: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert finish(zensical_site, story, monkeypatch).code == 0
    before = pages(zensical_site)
    again = finish(zensical_site, story, monkeypatch)
    assert again.code == 0 and "0 pages finished" in again.stdout
    assert pages(zensical_site) == before


def test_engine_finish_fails_on_a_page_it_does_not_expect_and_writes_nothing(
        zensical_site: Path, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    odd = zensical_site / "odd" / "index.html"
    odd.parent.mkdir()
    odd.write_text("<p>Not a page Zensical built</p>\n", encoding="utf-8")
    before = pages(zensical_site)
    result = finish(zensical_site, story, monkeypatch)
    assert result.code == 1
    assert f"{odd.as_posix()}: the page does not start with the theme's <!doctype html><html><head>" in result.stderr
    assert "Nothing was written" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert pages(zensical_site) == before


@pytest.mark.parametrize("finished_first", [False, True], ids=["unfinished", "finished"])
@pytest.mark.parametrize("kind", list(STRAY))
def test_a_stray_refresh_base_or_policy_fails_engine_finish_with_its_page_and_line(
        zensical_site: Path, story: Path, monkeypatch: pytest.MonkeyPatch, kind: str, finished_first: bool) -> None:
    if finished_first:
        assert finish(zensical_site, story, monkeypatch).code == 0
    quotes = zensical_site / "quotes" / "index.html"
    markup = quotes.read_text(encoding="utf-8")
    line = markup[: markup.index(ARTICLE_START)].count("\n") + 1
    quotes.write_text(markup.replace(ARTICLE_START, ARTICLE_START + STRAY[kind], 1), encoding="utf-8")
    before = pages(zensical_site)
    result = finish(zensical_site, story, monkeypatch)
    assert result.code == 1
    assert f"{quotes.as_posix()}:{line}: {STRAY[kind]}: a refresh, <base> or policy that the build did not put " \
           "there" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert pages(zensical_site) == before


def test_a_page_with_the_policy_zensical_serve_gives_is_not_taken_as_finished(
        zensical_site: Path, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Served pages allow any inline script; a site left from `zensical serve` must not be published as it is."""
    from generator.site.csp import meta_tag, serve_policy

    quotes = zensical_site / "quotes" / "index.html"
    markup = quotes.read_text(encoding="utf-8")
    line = markup[: markup.index("<head>")].count("\n") + 1
    quotes.write_text(markup.replace("<head>", "<head>" + meta_tag(serve_policy()), 1), encoding="utf-8")
    result = finish(zensical_site, story, monkeypatch)
    assert result.code == 1
    assert f'{quotes.as_posix()}:{line}: <meta http-equiv="Content-Security-Policy"' in result.stderr, result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_headline_that_reached_the_page_as_markup_fails_the_build(story: Path, tmp_path: Path, engine: str) -> None:
    """If escaping ever missed, the hook's check stops the build rather than publish a refresh and a <base>."""
    if engine == "properdocs":
        require(find_spec("properdocs"), "properdocs is not installed (make .venv/.engine-properdocs)")
    command = [sys.executable, "-c", UNESCAPED, engine, "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run([*command, *(["-f", "mkdocs.yml"] if engine == "properdocs" else [])], cwd=ROOT,
                            env=build_env(STORY=str(story)), capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    for element in (STRAY["refresh"], STRAY["base"]):
        assert re.search(rf"index\.html:\d+: {re.escape(element)}: a refresh, <base> or policy that the build did "
                         "not put there", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_mkdocs_serve_shows_why_instead_of_a_page_with_a_stray_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """During serve a build error would hold every request, so the page is replaced, not the build stopped."""
    from generator.engines import mkdocs_hooks as hooks

    monkeypatch.setattr(hooks.builds, "command", "serve")
    config = SimpleNamespace(theme=SimpleNamespace(custom_dir=str(ROOT / "docs" / "overrides")))
    page = f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Missing</title>\n</head>\n' \
           f"<body>\n{STRAY['refresh']}\n</body>\n</html>\n"
    shown = hooks.on_post_template(page, "404.html", config)
    assert "<h1>Page withheld</h1>" in shown and html.escape(f"404.html:8: {STRAY['refresh']}") in shown
    assert Placed(shown).found == [("meta", "content-security-policy")]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_logo_title_shows_the_site_name_as_written(story: Path, zensical_site: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    if engine == "zensical":
        assert finish(zensical_site, story, monkeypatch).code == 0
        site = zensical_site
    else:
        site = tmp_path / "site"
        result = mkdocs_build(site, STORY=str(story))
        assert result.returncode == 0, result.stderr
    titles = Placed((site / "quotes" / "index.html").read_text(encoding="utf-8")).logo_titles
    assert titles == [SITE_NAME, SITE_NAME]  # the header's logo and the navigation drawer's
