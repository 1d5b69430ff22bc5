"""`python -m generator engine-docs`: the docs folder and config for engines that run no hooks (Zensical)."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import CONTENT, ROOT
from tools.edits import copy_story

from generator.cli import main
from generator.engines.hookless_docs import split_front_matter

STORY = "stories/kursk-explainer"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project's config and docs/, with the story as a desk holds it, in stories/kursk-explainer/."""
    copy_story(CONTENT, tmp_path / STORY)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def head(project: Path, page: str) -> tuple[list[list[str]], dict]:
    """The head tags engine-docs wrote for a built page, for engine-finish: its meta tags and its JSON-LD."""
    tags = json.loads((project / "mkdocs.generated.head-tags.json").read_text(encoding="utf-8"))[page]
    meta = [[kind, name, html.unescape(value)]
            for kind, name, value in re.findall(r'<meta (name|property)="([^"]+)" content="([^"]*)">', tags)]
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', tags, re.DOTALL)
    assert script, tags
    return meta, json.loads(script.group(1))


def engine_docs(project: Path, monkeypatch: pytest.MonkeyPatch, *options: str):
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, ["engine-docs", str(project / STORY), *options])


def test_engine_docs_writes_every_page_file_and_a_config_without_hooks(project: Path, monkeypatch) -> None:
    (project / "docs" / "about.md").write_text("---\ntitle: About us\n---\n\n# About\n", encoding="utf-8")
    result = engine_docs(project, monkeypatch)
    assert result.exit_code == 0, result.output
    docs = project / "build" / "engine-docs"
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    assert {"index.md", "quotes.md", "about.md", "assets/favicon.svg", "data/story.json",
            "images/share/quotes.png"} <= written
    assert not (docs / "overrides").exists() and "editing.md" not in written  # both left out by exclude_docs
    meta, _ = split_front_matter((docs / "quotes.md").read_text(encoding="utf-8"))
    tags, json_ld = head(project, "quotes/index.html")
    assert ["property", "og:title", "Quotes"] in tags
    assert json_ld["url"].endswith("/kursk-explainer/quotes/")
    assert meta["edit_url"].endswith("/edit/main/stories/kursk-explainer/story.yaml")  # a generated page is edited in the story
    about, _ = split_front_matter((docs / "about.md").read_text(encoding="utf-8"))
    assert about["edit_url"].endswith("/edit/main/docs/about.md") and about["title"] == "About us"
    assert ["property", "og:title", "About us"] in head(project, "about/index.html")[0]
    config = yaml.safe_load((project / "mkdocs.generated.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "build/engine-docs" and "hooks" not in config
    assert config["theme"]["custom_dir"] == "docs/overrides"


def test_a_content_mistake_is_reported_located_and_nothing_is_written(project: Path, monkeypatch) -> None:
    story = project / STORY / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("speaker: sybiha", "speaker: sybiga", 1),
                     encoding="utf-8")
    result = engine_docs(project, monkeypatch)
    assert result.exit_code == 1
    assert "story.yaml:" in result.output and "sybiga" in result.output and "Traceback" not in result.output
    assert not (project / "build").exists() and not (project / "mkdocs.generated.yml").exists()


def test_a_hand_written_page_named_like_a_generated_one_stops_the_run(project: Path, monkeypatch) -> None:
    (project / "docs" / "quotes.md").write_text("# My quotes\n", encoding="utf-8")
    result = engine_docs(project, monkeypatch)
    assert result.exit_code == 1
    assert "docs/quotes.md is hand-written and has the name of a generated page; rename it" in result.output
    assert not (project / "build").exists()


def test_the_watch_rewrites_once_per_change_and_survives_a_content_mistake(tmp_path: Path, monkeypatch,
                                                                            capsys) -> None:
    from generator.content.errors import ContentError, Problem
    from generator.engines import hookless_watch as watch

    monkeypatch.setattr(watch, "POLL_SECONDS", 0)
    story = tmp_path / "story.yaml"
    story.write_text("a", encoding="utf-8")
    calls = []

    def write() -> tuple[int, int, int]:
        calls.append(story.read_text(encoding="utf-8"))
        raise ContentError([Problem(str(story), 3, 5, "quotes[0].speaker", "no person with id 'x'")])

    watch.watch([tmp_path], write, last={}, polls=3)  # the first poll sees a change from the empty snapshot
    assert calls == ["a"]
    assert f"{story}:3:5: quotes[0].speaker: no person with id 'x'" in capsys.readouterr().err
    watch.watch([tmp_path], write, last=watch.snapshot([tmp_path]), polls=2)
    assert calls == ["a"], "nothing changed, nothing rewritten"


def test_for_serve_a_mistake_from_the_start_shows_a_page_listing_it_and_later_ones_keep_the_last_pages(
        project: Path, monkeypatch) -> None:
    story = project / STORY / "story.yaml"
    good = story.read_text(encoding="utf-8")
    story.write_text(good.replace("speaker: sybiha", "speaker: sybiga", 1), encoding="utf-8")
    result = engine_docs(project, monkeypatch, "--serve")
    assert result.exit_code == 0, result.output
    index = (project / "build" / "engine-docs" / "index.md").read_text(encoding="utf-8")
    assert "# The story has mistakes" in index and "no person or organisation with id 'sybiga'" in index
    story.write_text(good, encoding="utf-8")
    assert engine_docs(project, monkeypatch, "--serve").exit_code == 0
    quotes = project / "build" / "engine-docs" / "quotes.md"
    before = quotes.read_bytes()
    story.write_text(good.replace("speaker: sybiha", "speaker: sybiga", 1), encoding="utf-8")
    result = engine_docs(project, monkeypatch, "--serve")
    assert result.exit_code == 0 and "sybiga" in result.output
    assert quotes.read_bytes() == before
    assert "# The story has mistakes" not in (project / "build" / "engine-docs" / "index.md").read_text("utf-8")


def test_a_symbolic_link_named_like_the_engine_config_is_replaced_not_written_through(project: Path,
                                                                                       monkeypatch) -> None:
    outside = project.parent / "outside.yml"
    outside.write_text("precious\n", encoding="utf-8")
    (project / "mkdocs.generated.yml").symlink_to(outside)
    result = engine_docs(project, monkeypatch)
    assert result.exit_code == 0, result.output
    assert outside.read_text(encoding="utf-8") == "precious\n"
    config = project / "mkdocs.generated.yml"
    assert not config.is_symlink() and "hooks" not in yaml.safe_load(config.read_text(encoding="utf-8"))


def test_titles_and_descriptions_reach_the_engine_escaped_and_the_head_tags_as_written(project: Path,
                                                                                        monkeypatch) -> None:
    """Zensical prints a page's title and description into the HTML unescaped, as Material does."""
    story = project / STORY / "story.yaml"
    headline = '<img src=x onerror=alert(1)> & "Kursk" we know'
    text = story.read_text(encoding="utf-8")
    text = text.replace('"NATO confirms North Korean troops in Russia and its Kursk region: what we know"',
                        json.dumps(headline), 1)
    # A name holds no quotation marks (refused by check); the summary carries one into a description instead.
    text = text.replace("agency: Reuters", 'agency: "Reu&ters <i>"', 1)
    story.write_text(text.replace(" and what happened next.\n  standfirst:",
                                  ' and what happened next. The region: "Kursk" <i>.\n  standfirst:', 1), encoding="utf-8")
    assert engine_docs(project, monkeypatch).exit_code == 0
    docs = project / "build" / "engine-docs"
    index, _ = split_front_matter((docs / "index.md").read_text(encoding="utf-8"))
    assert index["title"] == "&lt;img src=x onerror=alert(1)&gt; &amp; \"Kursk\" we know"
    tags, json_ld = head(project, "index.html")
    assert ["property", "og:title", "Overview"] in tags
    assert json_ld["headline"] == headline
    quotes, _ = split_front_matter((docs / "quotes.md").read_text(encoding="utf-8"))
    assert index["description"].endswith("The region: &quot;Kursk&quot; &lt;i&gt;.")
    assert quotes["description"].startswith("Every direct quote in the Reu&amp;ters &lt;i&gt; report")
    assert ["property", "og:description", html.unescape(quotes["description"])] in head(project, "quotes/index.html")[0]
    assert quotes["title"] == "Quotes and statements"


def test_only_a_served_site_gets_its_policy_from_the_config(project: Path, monkeypatch) -> None:
    """`zensical serve` runs no step after the engine: the theme writes the policy the config gives it."""
    assert engine_docs(project, monkeypatch).exit_code == 0
    config = yaml.safe_load((project / "mkdocs.generated.yml").read_text(encoding="utf-8"))
    assert "serve_policy" not in config["extra"]
    assert engine_docs(project, monkeypatch, "--serve").exit_code == 0
    config = yaml.safe_load((project / "mkdocs.generated.yml").read_text(encoding="utf-8"))
    assert config["extra"]["serve_policy"].startswith("default-src 'self'; script-src 'self' 'unsafe-inline'")
    assert "base-uri 'self'" in config["extra"]["serve_policy"]
