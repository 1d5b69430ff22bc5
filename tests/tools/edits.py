"""Editing a copy of a story the way an editor would: replace text in its YAML, and say on which line."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_story(source: Path, target: Path) -> Path:
    """A writable copy of a story folder."""
    shutil.copytree(source, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def line_of(path: Path, needle: str) -> int:
    """The line (from 1) where `needle` first starts in the file."""
    text = path.read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} is not in {path}"
    return text[: text.index(needle)].count("\n") + 1


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file with `new`; returns the line it started on."""
    line = line_of(path, old)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def edit(folder: Path, old: str, new: str) -> int:
    """Replace the first `old` in the folder's story.yaml with `new`; returns the line it started on."""
    return replace_once(folder / "story.yaml", old, new)
