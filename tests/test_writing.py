"""Writing pages to a folder: atomic, never over a hand-written file, only removing its own files, one writer at a time."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, SECOND_STORY
from tools.cli import run_cli
from tools.edits import copy_story

from generator.content.errors import OutputError
from generator.site.write import MANIFEST, safe_relative, write_files


def build(story: Path, out: Path) -> int:
    return run_cli("build", str(story), "--out", str(out)).code


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


@pytest.fixture()
def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    first, second = copy_story(SECOND_STORY, tmp_path / "first"), copy_story(SECOND_STORY, tmp_path / "second")
    story = second / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("Portvale", "Newvale"), encoding="utf-8")
    (second / "article.txt").write_text((second / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return first, second


@pytest.mark.parametrize("path", ["../x", "/etc/x", "a/../../b", "assets/x.md", "search/index.md", "..\\x"])
def test_paths_that_leave_the_folder_or_take_reserved_names_are_refused(path: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(path)


def test_a_hand_written_page_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.md").write_text("my own page\n", encoding="utf-8")
    result = run_cli("build", str(SECOND_STORY), "--out", str(out))
    assert result.code == 1
    assert "refusing to overwrite hand-written file(s)" in result.stderr and "index.md" in result.stderr
    assert (out / "index.md").read_text(encoding="utf-8") == "my own page\n"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["index.md"]


def test_only_files_it_wrote_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_files(out, {"a.md": b"a", "b.md": b"b"})
    (out / "mine.md").write_text("hand-written", encoding="utf-8")
    result = write_files(out, {"a.md": b"a2"})
    assert (result.written, result.removed) == (1, 1)
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST and not p.name.endswith(".lock")) == ["a.md", "mine.md"]


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_files(out, {"a.md": b"a"})
    before = (out / "a.md").stat().st_mtime_ns
    time.sleep(0.01)
    assert write_files(out, {"a.md": b"a"}) == (1, 0, 0, ())
    assert (out / "a.md").stat().st_mtime_ns == before


SLOW_BUILD = textwrap.dedent("""
    import sys, time
    import generator.site.write as write
    original = write._atomic_write
    def slow(target, data):
        original(target, data)
        print("wrote", target, flush=True)
        time.sleep(0.3)
    write._atomic_write = slow
    from generator.cli import main
    main(["build", sys.argv[1], "--out", sys.argv[2]])
""")


def test_a_run_killed_half_way_leaves_every_page_whole(two_versions: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_versions
    out, reference = tmp_path / "out", tmp_path / "reference"
    assert build(first, out) == 0 and build(second, reference) == 0
    old, new = snapshot(out), snapshot(reference)
    process = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(second), str(out)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    for _ in range(4):  # the manifest, then three files
        assert process.stdout.readline().startswith("wrote")
    process.send_signal(signal.SIGKILL)
    process.wait()
    now = snapshot(out)
    assert set(now) == set(old)
    assert all(now[name] in (old[name], new[name]) for name in now)
    assert any(now[name] == new[name] != old[name] for name in now), "the run was killed before writing anything"
    assert any(now[name] == old[name] != new[name] for name in now), "the run finished before it was killed"
    assert build(second, out) == 0  # the next run completes, recognising the files as its own
    assert snapshot(out) == new


def test_two_runs_at_once_leave_complete_consistent_output(two_versions: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_versions
    out, reference = tmp_path / "out", tmp_path / "reference"
    assert build(second, reference) == 0
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build", str(second), "--out", str(out)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    assert snapshot(out) == snapshot(reference)
