"""Keep the hookless engine's docs folder up to date while it serves: `python -m generator engine-docs --watch`.

Zensical watches its docs folder, not content/: this loop rewrites the folder when the story, docs/ or
mkdocs.yml change, and Zensical then rebuilds and reloads the open page. A content mistake is printed, located,
and nothing is written, so the server keeps showing the last good pages, as `mkdocs serve` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from ..content.errors import ContentError, OutputError
from ..site.write import Written

POLL_SECONDS = 0.5


def snapshot(paths: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under `paths`; a save changes at least one of them."""
    seen = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            try:
                stat = file.stat()
            except OSError:  # removed between listing and reading: the next poll sees it gone
                continue
            seen[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def regenerate(write: Callable[[], Written]) -> None:
    try:
        result = write()
    except (ContentError, OutputError) as error:
        error.show()
        click.echo("The site shows the last good pages, or a list of these problems if there are none yet; "
                   "save a fix and it updates.", err=True)
        return
    if result.written or result.removed:
        click.echo(f"engine-docs: {result.written} written, {result.removed} removed of {result.generated} files.",
                   err=True)
    if result.kept:
        click.echo(f"engine-docs: {result.kept_note()}", err=True)


def watch(paths: list[Path], write: Callable[[], Written], last: dict[str, tuple[int, int]],
          polls: int | None = None) -> None:
    """Call `write` whenever a file under `paths` differs from the snapshot `last`; forever, or `polls` times.

    Take `last` before the first write, so that a save made while it runs is not missed.
    """
    while polls is None or polls > 0:
        time.sleep(POLL_SECONDS)
        current = snapshot(paths)
        if current != last:
            last = current
            regenerate(write)
        if polls is not None:
            polls -= 1
