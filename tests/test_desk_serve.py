"""The desk's preview (`make serve`, `python -m generator desk-serve`), run for real: it follows a save to any story,
rebuilds only that story, and keeps the last good pages of a story saved with a mistake."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, build_env
from test_desk import desk_project
from test_serve import fetch, free_port, wait_for

STORIES = (ROOT / "stories" / "kursk-explainer", ROOT / "tests" / "fixtures" / "second-story")


@contextmanager
def desk_server(project: Path, log: Path) -> Iterator[str]:
    """The real desk preview of `project` on a free loopback port, stopped with Ctrl+C (SIGINT) afterwards."""
    port = free_port()
    with open(log, "w") as log_file:
        process = subprocess.Popen([sys.executable, "-m", "generator", "desk-serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=project, env=build_env(STORY=""), stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(url)[0] == 200, 180, "the desk's front page")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def builds_of(log: Path, slug: str) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count(f"[{slug}] INFO - built in")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return desk_project(tmp_path, *STORIES)


def test_the_preview_follows_a_save_to_one_story_and_rebuilds_only_that_story(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    story = project / "stories" / "second-story" / "story.yaml"
    with desk_server(project, log) as url:
        assert fetch(url + "kursk-explainer/")[0] == 200 and fetch(url + "second-story/")[0] == 200
        assert builds_of(log, "kursk-explainer") == 1
        headline = story.read_text(encoding="utf-8").split('headline: "', 1)[1].split('"', 1)[0]
        save(story, f'headline: "{headline}"', 'headline: "Pier saved and served"')
        took = wait_for(lambda: "Pier saved and served" in fetch(url + "second-story/")[1], 60, "the edited story")
        wait_for(lambda: "Pier saved and served" in fetch(url)[1], 30, "the front page listing the new headline")
        assert builds_of(log, "second-story") == 2
        assert builds_of(log, "kursk-explainer") == 1, "an unchanged story is not rebuilt"
        assert "Kursk" in fetch(url + "kursk-explainer/")[1]
    print(f"save to served: {took:.2f} s")


def test_a_story_saved_with_a_mistake_keeps_its_last_good_pages_under_a_banner(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    story = project / "stories" / "second-story" / "story.yaml"
    with desk_server(project, log) as url:
        save(story, "speaker: ada-quill", "speaker: ada-quil")
        wait_for(lambda: 'role="alert"' in fetch(url + "second-story/")[1], 60, "the banner listing the mistake")
        assert fetch(url + "second-story/")[0] == 200
        assert '<a href="second-story/">' in fetch(url)[1], "the front page still lists the story"
        assert "stories/second-story/story.yaml:" in log.read_text(encoding="utf-8")
        save(story, "speaker: ada-quil", "speaker: ada-quill")
        wait_for(lambda: 'role="alert"' not in fetch(url + "second-story/")[1], 60, "the page without the banner")
        time.sleep(0.5)
        assert fetch(url + "kursk-explainer/")[0] == 200


def test_a_story_folder_dropped_in_while_serving_is_built_and_listed(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with desk_server(project, log) as url:
        target = project / "stories" / "wire-election"
        staging = tmp_path / "staging"
        subprocess.run(["cp", "-r", str(ROOT / "tests" / "corpus" / "wire-disputed-election"), str(staging)], check=True)
        staging.rename(target)  # appears at once, as a folder moved in does
        wait_for(lambda: fetch(url + "wire-election/")[0] == 200, 60, "the new story")
        wait_for(lambda: '<a href="wire-election/">' in fetch(url)[1], 30, "the front page listing it")
        assert builds_of(log, "kursk-explainer") == 1
