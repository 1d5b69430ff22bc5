"""Write generated files to a folder safely, for engines that ignore MkDocs hooks.

Nothing found in the output folder is trusted. The manifest records the SHA-256 of each file the generator
wrote, signed with the project's key (manifest.py says why), and a file counts as the generator's own only while
its bytes still have that hash: a page edited by hand, or one that a planted manifest names, is never replaced or
removed. Every file is reached without
following a symbolic link (nofollow.py) and written to a temporary name, then renamed, so a run killed half-way
leaves the previous file whole. A hand-written file in the way stops the run before anything is written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ..content.errors import OutputError
from ..content.project import project_root
from .manifest import MANIFEST, Record, key_folder, project_key, read_record, signed_record
from .nofollow import NOT_A_FILE, digest, locked, open_folder, parent_of, read_small, remove
from .nofollow import atomic_write as _atomic_write

LOCK = ".generated-files.lock"
RESERVED = {"assets", "search", "overrides", "404.html", "sitemap.xml", MANIFEST, LOCK}
_MANIFEST_LIMIT = 16 * 1024 * 1024


class Written(NamedTuple):
    """What a run did: files generated, written (the others were unchanged), removed as stale, and stale files
    kept because they were changed since they were written (or were never the generator's)."""

    generated: int
    written: int
    removed: int
    kept: tuple[str, ...] = ()

    def kept_note(self) -> str:
        return (f"kept {', '.join(self.kept)}: no longer generated, but changed since the generator wrote it "
                "(or not written by it); delete what is not needed")


def safe_relative(path: str, reserved: set[str] = RESERVED) -> PurePosixPath:
    """Refuse paths that would leave the output folder or take a name the site reserves."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise OutputError(f"refusing to write outside the output folder: {path}")
    if _unnameable(path):
        raise OutputError(f"refusing to write {path!r}: no file can have that name")
    if pure.parts[0] in reserved:
        raise OutputError(f"refusing to write {path}: '{pure.parts[0]}' is reserved by the site")
    return pure


def _unnameable(path: str) -> bool:
    """A NUL or a lone surrogate (only a planted manifest holds them): no file has such a name."""
    try:
        return b"\0" in os.fsencode(path)
    except UnicodeEncodeError:
        return True


def refuse_hand_written(in_the_way: dict[str, str], folder: str, note: str = "") -> None:
    """The one rule of both outputs (MkDocs' docs folder and `build --out`): never replace a hand-written file.

    `in_the_way`: each such file, with why it is not the generator's (or "" when that goes without saying);
    `note`: one more sentence about them all.
    """
    if in_the_way:
        listed = ", ".join(f"{path} ({why})" if why else path for path, why in sorted(in_the_way.items()))
        raise OutputError(f"refusing to overwrite hand-written file(s) in {folder}: {listed}; "
                          f"rename or move them, or choose another folder{f'. {note}' if note else ''}")


def refuse_unsafe_folder(folder: Path, story: Path | None) -> None:
    """--out must be a folder of its own: never /, the project (mkdocs.yml, .git) or the story, nor one holding
    them, where generated files would mix with files under review; nor the one holding the key that signs the
    manifest, which must stay out of reach of whoever prepared the output folder."""
    real = Path(os.path.realpath(folder))
    protected = [("the root folder", Path("/")), ("the project folder", project_root(Path.cwd())),
                 ("the story folder", story), ("the folder of the generator's key", key_folder())]
    for name, place in protected:
        place = Path(os.path.realpath(place)) if place else None
        if place and (real == place or real in place.parents):
            shown = "" if place == Path("/") else f" ({place})"
            raise OutputError(f"refusing to write into {folder}: it {'is' if real == place else 'holds'} {name}"
                              f"{shown}; choose a folder of its own, such as build/pages")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(record: Record, reserved: set[str]) -> Record:
    """The record's claims on paths inside the folder only."""
    claims = {}
    for path, hashes in record.claims.items():
        try:
            claims[str(safe_relative(path, reserved))] = hashes
        except OutputError:  # a path out of the folder, or a name the site keeps: never the generator's
            continue
    return Record(claims, record.trusted)


def _not_ours(path: str, now: str, record: Record) -> str:
    if now == NOT_A_FILE:
        return "a symbolic link, or not a plain file"
    return "changed since the generator wrote it" if record.trusted and path in record.claims else ""


def _untrusted_note(record: Record, folder: Path) -> str:
    return "" if record.trusted else (
        f"{folder / MANIFEST} is not signed with this project's key (someone else, another project or a version "
        "before signing wrote it), so no file it names counts as the generator's")


def write_files(folder: Path, files: dict[str, bytes], reserved: set[str] = RESERVED,
                story: Path | None = None) -> Written:
    """Write `files` under `folder`; files that have not changed are not touched.

    `reserved`: first path parts refused (by default the names the theme and engine write themselves).
    `story`: the story folder, which `folder` may not be or hold, and in which no symbolic link is followed.
    """
    paths = {str(safe_relative(path, reserved)): data for path, data in files.items()}
    refuse_unsafe_folder(folder, story)
    key = _key(story)
    with _opened(folder, story) as descriptor, locked(descriptor, LOCK, folder):
        return _write_locked(descriptor, folder, paths, reserved, key)


def _key(story: Path | None) -> bytes:
    """The project's key for signing manifests (manifest.py); never one kept in the story folder."""
    where = key_folder()
    if story and Path(os.path.realpath(story)) in (where, *where.parents):
        raise OutputError(f"refusing to keep the generator's key ({where}) in the story folder {story}: "
                          "run the generator from the project folder")
    with _opened(where, story) as descriptor:
        return project_key(descriptor, where)


def _write_manifest(folder: int, key: bytes, hashes: dict[str, list[str]]) -> None:
    _atomic_write((folder, MANIFEST), signed_record(hashes, key))


def write_file(path: Path, data: bytes, story: Path | None = None) -> None:
    """One generated file beside the project's own (the engine's config): replaced whole if its bytes changed,
    never written through a symbolic link (a link of that name is replaced)."""
    with _opened(path.parent, story) as descriptor:
        if digest(descriptor, PurePosixPath(path.name)) != _sha256(data):
            _atomic_write((descriptor, path.name), data)


@contextmanager
def _opened(folder: Path, story: Path | None) -> Iterator[int]:
    """The folder's descriptor (nofollow.open_folder); a failure to write in it is a message, not a traceback."""
    guarded = [place for place in (project_root(Path.cwd()), story) if place is not None]
    try:
        descriptor = open_folder(folder, guarded)
        try:
            yield descriptor
        finally:
            os.close(descriptor)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise OutputError(f"{folder} cannot be written: {error.strerror or error}{where}") from None


def _still_ours(record: Record, found: dict[str, str | None]) -> dict[str, str]:
    """The claimed files whose bytes are still those the generator wrote (none, if the record is not trusted)."""
    return {path: now for path, hashes in record.claims.items()
            if record.trusted and (now := found[path]) is not None and now in hashes}


def _write_changed(descriptor: int, changed: dict[str, bytes]) -> int:
    """Write each file, creating its folders; returns how many were written."""
    for path, data in sorted(changed.items()):
        with parent_of(descriptor, PurePosixPath(path), create=True) as parent:
            _atomic_write((parent, PurePosixPath(path).name), data)
    return len(changed)


def _write_locked(descriptor: int, folder: Path, paths: dict[str, bytes], reserved: set[str],
                  key: bytes) -> Written:
    record = _inside(read_record(read_small(descriptor, MANIFEST, _MANIFEST_LIMIT), key), reserved)
    claims = record.claims
    found = {path: digest(descriptor, PurePosixPath(path)) for path in set(paths) | set(claims)}
    ours = _still_ours(record, found)
    refuse_hand_written({path: _not_ours(path, now, record) for path in paths
                         if (now := found[path]) is not None and path not in ours}, str(folder),
                        _untrusted_note(record, folder))
    new = {path: _sha256(data) for path, data in paths.items()}
    stale = sorted(set(ours) - set(paths))
    # Claim before writing: a run killed half-way leaves each file old or new, and both are recorded.
    _write_manifest(descriptor, key, {path: sorted({new[path], ours.get(path, new[path])}) for path in paths}
                    | {path: [ours[path]] for path in stale})
    written = _write_changed(descriptor, {path: data for path, data in paths.items() if found[path] != new[path]})
    for path in stale:
        remove(descriptor, PurePosixPath(path))
    _write_manifest(descriptor, key, {path: [new[path]] for path in paths})
    kept = tuple(sorted(path for path in set(claims) - set(paths) - set(ours) if found[path] is not None))
    return Written(len(paths), written, len(stale), kept)
