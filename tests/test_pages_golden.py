"""Rendered Markdown compared with golden files; `pytest --update-goldens` rewrites them after a deliberate change."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import CONTENT, ROOT
from tools.cli import run_cli

from generator.content.load import load_story
from generator.content.project import site_name
from generator.content.schema import Story, story_schema
from generator.generate import generate_site
from generator.pages.assets import DATA_JSON, SCHEMA_JSON, story_json
from generator.pages.render import render_pages

GOLDEN = ROOT / "tests" / "golden"


def test_pages_match_the_golden_files(request: pytest.FixtureRequest) -> None:
    pages = render_pages(load_story(CONTENT))
    if request.config.getoption("--update-goldens"):
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for name, text in pages.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {path.name: path.read_text(encoding="utf-8") for path in GOLDEN.glob("*.md")}
    assert sorted(pages) == sorted(expected)
    for name, text in pages.items():
        assert text == expected[name], f"{name} differs from tests/golden/{name}; run pytest --update-goldens"


def test_the_committed_schema_is_the_one_the_models_make() -> None:
    committed = json.loads((CONTENT / "story.schema.json").read_text(encoding="utf-8"))
    assert committed == story_schema(), "run: python -m generator schema > stories/kursk-explainer/story.schema.json"


def test_the_yaml_points_editors_at_the_schema() -> None:
    first_line = (CONTENT / "story.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == "# yaml-language-server: $schema=story.schema.json"


def test_the_json_export_validates_against_the_schema_and_round_trips() -> None:
    loaded = load_story(CONTENT)
    data = json.loads(story_json(loaded))
    assert data.pop("$schema") == "story.schema.json"
    jsonschema.validate(data, story_schema())
    assert Story.model_validate(data) == loaded.story


def test_the_site_publishes_the_json_and_its_schema(built_site: Path) -> None:
    published = json.loads((built_site / DATA_JSON).read_text(encoding="utf-8"))
    schema = json.loads((built_site / SCHEMA_JSON).read_text(encoding="utf-8"))
    jsonschema.validate({k: v for k, v in published.items() if k != "$schema"}, schema)
    assert len(published["quotes"]) == 8


def test_the_standalone_build_writes_the_same_files_as_the_hook(tmp_path: Path, built_site: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli("build", str(CONTENT), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.stderr
    site = generate_site(CONTENT, site_name(ROOT))
    for name, text in site.pages.items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == text
    cards = sorted(path.relative_to(built_site) for path in (built_site / "images" / "share").glob("*.png"))
    assert cards, "the site has share cards"
    for card in cards:
        assert (tmp_path / "out" / card).read_bytes() == (built_site / card).read_bytes(), f"{card} differs"
