"""`python -m generator preflight`: what still stands between a story and publication, each finding located."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_env
from test_desk import desk_build, desk_project
from tools.edits import copy_story, edit, line_of

from generator.content.desk_layout import desk_stories
from generator.content.load import load_story
from generator.desk.header_width import HEADER_ROOM, PHONE_WIDTH, header_width
from generator.pages.identity import site_identity

KURSK = ROOT / "stories" / "kursk-explainer"
SECOND = ROOT / "tests" / "fixtures" / "second-story"


def preflight(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "preflight", *args], cwd=project,
                          env=build_env(STORY=""), capture_output=True, text=True, timeout=300)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return desk_project(tmp_path, KURSK, SECOND)


def test_a_finished_story_is_ready_to_publish(project: Path) -> None:
    result = preflight(project, "stories/kursk-explainer")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "stories/kursk-explainer: ready to publish\n"


def test_planted_problems_are_each_reported_with_their_line(project: Path) -> None:
    story = project / "stories" / "second-story"
    summary = edit(story, "  summary: The Portvale", "  summary: TODO The Portvale")
    marker = edit(story, "  summary: TODO The Portvale", "  # REVIEW: is this the day it reopened?\n"
                                                          "  summary: TODO The Portvale")
    text = (story / "story.yaml").read_text(encoding="utf-8")
    (story / "story.yaml").write_text(text.replace(
        "\narticle:", "\nsite:\n  name: Portvale's northern pier, reopened after the winter storm\n"
                      "  report_url: https://example.com/report\n"
                      "  credit: Written by the desk.\narticle:", 1), encoding="utf-8")
    result = preflight(project, "stories/second-story")
    assert result.returncode == 1
    out = result.stdout
    where = "stories/second-story/story.yaml"
    assert re.search(rf"{where}:{marker}:1: meta\.\w+: review marker left: is this the day it reopened\?", out), out
    assert f"{where}:{summary + 1}:3: meta.summary: 'TODO' marks unfinished text" in out
    name_line = line_of(story / "story.yaml", "  name: Portvale's")
    assert re.search(rf"{where}:{name_line}:3: site\.name: the site name .* is about \d+ px wide, and a phone's "
                     rf"header \({PHONE_WIDTH} px\) has room for {HEADER_ROOM}", out), out
    assert f"{where}:{name_line + 1}:3: site.report_url: 'Report an error' leads to https://example.com/report, " \
           "an example's address" in out
    assert f"{where}:{name_line + 2}:3: site.credit: the credit names neither the article's agency" in out
    assert out.count("site.report_url") == 1, "said once, in words that fit a report address"


def test_site_settings_copied_from_another_story_are_named(project: Path) -> None:
    story = project / "stories" / "second-story" / "story.yaml"
    kursk_name = load_story(KURSK).story.site.name
    text = story.read_text(encoding="utf-8").replace("\narticle:", f"\nsite:\n  name: {kursk_name}\narticle:", 1)
    # The copy is the story published later: this one goes out after the Kursk explainer.
    for earlier, later in (("2025-03-04T08:00", "2026-12-01T08:00"), ("2025-03-05T09:30", "2026-12-02T09:30")):
        text = text.replace(earlier, later)
    story.write_text(text, encoding="utf-8")
    result = preflight(project)
    assert result.returncode == 1
    assert re.search(r"^\[second-story\] stories/second-story/story\.yaml:\d+:3: site\.name: is the same as "
                     r"stories/kursk-explainer's: inherited from the story this one was copied from\?",
                     result.stdout, re.MULTILINE), result.stdout
    assert "[kursk-explainer] stories/kursk-explainer: ready to publish" in result.stdout


def test_a_new_story_lists_its_starter_text_and_empty_article(project: Path) -> None:
    new = subprocess.run([sys.executable, "-m", "generator", "new", "stories/harbour-reopens"], cwd=project,
                         env=build_env(STORY=""), capture_output=True, text=True, timeout=120)
    assert new.returncode == 0, new.stderr
    result = preflight(project, "stories/harbour-reopens")
    assert result.returncode == 1
    for starter in ("New explainer", "Headline of the source article", "News agency", "Publication", "City"):
        assert f"{starter!r} is the new story's starter text" in result.stdout
    assert "stories/harbour-reopens/article.txt:1:1: the article is empty" in result.stdout
    assert "https://example.com/article is a placeholder" in result.stdout


def test_a_story_nobody_has_seen_dropped_into_the_desk_is_told_what_it_still_needs(tmp_path: Path) -> None:
    unseen = copy_story(ROOT / "tests" / "corpus" / "nasa-gusto-balloon", tmp_path / "gusto-balloon")
    project = desk_project(tmp_path, KURSK, unseen)
    result = preflight(project)
    assert result.returncode == 1
    name = site_identity(load_story(unseen).story).name
    assert header_width(name) > HEADER_ROOM
    assert "[gusto-balloon] stories/gusto-balloon/story.yaml:" in result.stdout
    assert f"the site name {name!r} is about" in result.stdout or f'the site name "{name}" is about' in result.stdout
    assert "[kursk-explainer] stories/kursk-explainer: ready to publish" in result.stdout


def test_a_map_without_a_text_alternative_is_named(project: Path) -> None:
    story = project / "stories" / "kursk-explainer" / "story.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(re.sub(r"(\nmap:\n  title: [^\n]*\n  description: >-\n)(    [^\n]*\n)+", r"\1    A map.\n", text),
                     encoding="utf-8")
    line = line_of(story, "    A map.") - 1
    result = preflight(project, "stories/kursk-explainer")
    assert result.returncode == 1
    assert f"stories/kursk-explainer/story.yaml:{line}:3: map.description: the map's text alternative has 2 " \
           "words" in result.stdout


@pytest.mark.browser
def test_the_header_room_and_name_widths_are_what_chromium_shows_at_375_px(chromium, tmp_path: Path) -> None:
    """The estimate preflight makes without a browser, held against the header Chromium draws on a phone."""
    site = tmp_path / "site"
    result = desk_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = chromium.new_page(viewport={"width": PHONE_WIDTH, "height": 800})
    try:
        for folder in desk_stories(ROOT):
            page.goto((site / folder.name / "index.html").as_uri())
            name, room, width = page.evaluate("""() => {
                const e = document.querySelector('.md-header__topic .md-ellipsis');
                return [e.textContent.trim(), e.clientWidth, e.scrollWidth]; }""")
            assert name == site_identity(load_story(folder).story).name
            assert abs(header_width(name) - width) <= 6, (name, header_width(name), width)
            if width > room:
                assert room == pytest.approx(HEADER_ROOM, abs=3)
            assert (width > room) == (header_width(name) > HEADER_ROOM), (name, width, room)
    finally:
        page.close()
