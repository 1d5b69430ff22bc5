"""Write generated files to a folder safely, for engines that ignore MkDocs hooks.

Each file is written to a temporary name and renamed, so a run killed half-way leaves the previous
file whole. A manifest records what the generator wrote: only those files are ever replaced or
removed, and a hand-written file in the way stops the run before anything is written.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".generated-files.json"
LOCK = ".generated-files.lock"
RESERVED = {"assets", "search", "overrides", "404.html", "sitemap.xml", MANIFEST, LOCK}


def safe_relative(path: str, reserved: set[str] = RESERVED) -> PurePosixPath:
    """Refuse paths that would leave the output folder or take a name the site reserves."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise OutputError(f"refusing to write outside the output folder: {path}")
    if pure.parts[0] in reserved:
        raise OutputError(f"refusing to write {path}: '{pure.parts[0]}' is reserved by the site")
    return pure


def refuse_hand_written(paths: Iterable[str], is_hand_written: Callable[[str], bool], folder: str) -> None:
    """The one rule of both outputs (MkDocs' docs folder and `build --out`): never replace a hand-written file."""
    in_the_way = sorted(path for path in paths if is_hand_written(path))
    if in_the_way:
        raise OutputError(f"refusing to overwrite hand-written file(s) in {folder}: {', '.join(in_the_way)}; "
                          "rename them, or choose another folder")


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer at a time: a serve rebuild and a CLI run never interleave their files."""
    with open(folder / LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_manifest(folder: Path) -> set[str]:
    try:
        return set(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files(folder: Path, files: dict[str, bytes], reserved: set[str] = RESERVED) -> tuple[int, int]:
    """Write `files` under `folder`; returns (files written, files removed). Unchanged files are not touched.

    `reserved`: first path parts refused (by default the names the theme and engine write themselves).
    """
    paths = {str(safe_relative(path, reserved)): data for path, data in files.items()}
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        ours = _read_manifest(folder)
        refuse_hand_written(paths, lambda path: path not in ours and (folder / path).exists(), str(folder))
        # Claim the new paths before writing them, so a run killed half-way still knows they are ours.
        _atomic_write(folder / MANIFEST, (json.dumps(sorted(ours | set(paths)), indent=1) + "\n").encode("utf-8"))
        written = 0
        for path, data in sorted(paths.items()):
            target = folder / path
            if not (target.is_file() and target.read_bytes() == data):
                _atomic_write(target, data)
                written += 1
        stale = sorted(ours - set(paths))
        for path in stale:
            (folder / safe_relative(path, reserved)).unlink(missing_ok=True)
        _atomic_write(folder / MANIFEST, (json.dumps(sorted(paths), indent=1) + "\n").encode("utf-8"))
    return written, len(stale)
