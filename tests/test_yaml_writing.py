"""Text the generator writes into YAML (a draft, a new story, a page's front matter) reads back as that text and
adds nothing: a line break or an odd character in a file name, a headline or a guess never starts a field."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SECOND_STORY
from tools.edits import edit

# Each name ends a line, then writes a `site:` section (a live report address, a credit) and, to close the line
# the name would leave open, a comment or more of the name.
INJECTING_NAMES = [
    "a\nsite:\n  report_url: https://evil.example/\n.txt",
    "a\nsite:\n  report_url: https://evil.example/\n  credit: Evil\n# .txt",
    "a\nsite:\n  credit: Evil and friends\n# .txt",
    "a\rsite:\r  report_url: https:\u2215\u2215evil.example\r#.txt",
    "a\u2028site:\u2028  report_url: https:\u2215\u2215evil.example\u2028#.txt",
    "a\x85site:\x85  credit: Evil\x85#.txt",
    "a\x1b[2K\x01\x7fsite\u202e\udcff.txt",  # \udcff: the byte 0xff, not UTF-8
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, errors="surrogateescape")


def one_file(tmp_path: Path, name: str) -> Path:
    """`tmp_path / name`: a `/` in the name makes folders, which the drafted path shows as well."""
    path = tmp_path / "src" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("name", INJECTING_NAMES, ids=range(len(INJECTING_NAMES)))
def test_a_drafted_source_file_name_adds_no_field_and_the_draft_passes_check(tmp_path: Path, name: str) -> None:
    source = one_file(tmp_path, name)
    shutil.copy(SECOND_STORY / "article.txt", source)
    out = tmp_path / "draft"
    result = run("draft", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = (out / "story.yaml").read_text(encoding="utf-8")
    story = yaml.safe_load(text)
    assert "site" not in story and "evil" not in repr(story).lower()
    assert all(line.lstrip().startswith("#") for line in text.splitlines() if "evil" in line.lower())
    assert not set(text) & {"\r", "\x85", "\u2028", "\u2029", "\u202e"}
    checked = run("check", str(out))
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("name", INJECTING_NAMES[:3], ids=range(3))
def test_a_new_story_folder_name_adds_no_field(tmp_path: Path, name: str) -> None:
    folder = one_file(tmp_path, name)
    result = run("new", str(folder))
    assert result.returncode == 0, result.stderr
    story = yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))
    assert "site" not in story
    checked = run("check", str(folder))
    assert checked.returncode == 0, checked.stderr


def test_a_headline_beyond_the_basic_plane_reaches_the_engines_front_matter_unchanged(
        tmp_path: Path, story_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    edit(story_copy, "headline: ", "headline: \"Flags 🇺🇦 and 👍🏽\" #")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["engine-docs", str(story_copy)])
    assert result.exit_code == 0, result.output
    tags = json.loads((tmp_path / "mkdocs.generated.head-tags.json").read_text(encoding="utf-8"))["index.html"]
    assert '"headline":"Flags 🇺🇦 and 👍🏽"' in tags
