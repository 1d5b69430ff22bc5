"""The output folder and the files in it, reached without following a symbolic link.

The story folder, like the rest of the project, arrives in pull requests, and a pull request can hold symbolic
links. One standing for a generated page, for the lock or for a folder on the way would make a writer that
follows links write or delete a file anywhere the user can. So each file is opened from its folder's
descriptor with O_NOFOLLOW, one folder at a time, and a link anywhere on the way stops there.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath

from ..content.errors import OutputError

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: a FIFO planted under a file's name must not hang the run; plain files ignore it.
_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
NOT_A_FILE = "not a plain file"  # digest() of a link, a folder or a device: never equal to a file's hash


def _within(path: Path, folders: Sequence[Path]) -> bool:
    return any(path == folder or folder in path.parents for folder in folders)


def open_folder(folder: Path, guarded: Sequence[Path]) -> int:
    """A descriptor of `folder`, made if missing.

    A symbolic link on the way is refused inside the guarded folders (the project and the story, where a pull
    request can put one) and followed outside them, where only the machine's owner can have made it
    (/tmp -> /private/tmp on macOS, a home on another disk).
    """
    guards = [Path(os.path.realpath(path)) for path in guarded]
    descriptor = os.open("/", _FOLDER)
    real = Path("/")
    try:
        for name in Path(os.path.abspath(folder)).parts[1:]:
            place, flags = real / name, _FOLDER
            try:
                is_link = stat.S_ISLNK(os.stat(name, dir_fd=descriptor, follow_symlinks=False).st_mode)
            except FileNotFoundError:
                with suppress(FileExistsError):
                    os.mkdir(name, dir_fd=descriptor)
                is_link = False
            if is_link:
                if _within(place, guards):
                    raise OutputError(f"refusing to write into {folder}: {place} is a symbolic link inside the "
                                      "project or the story; name the folder it points to instead, if that is meant")
                flags &= ~os.O_NOFOLLOW
                place = Path(os.path.realpath(place))
            inner = os.open(name, flags, dir_fd=descriptor)
            os.close(descriptor)
            descriptor, real = inner, place
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


@contextmanager
def parent_of(folder: int, path: PurePosixPath, create: bool = False) -> Iterator[int]:
    """A descriptor of the folder holding `path` (relative to `folder`); its folders are made if `create`."""
    descriptor = os.dup(folder)
    try:
        for name in path.parts[:-1]:
            if create:
                with suppress(FileExistsError):
                    os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, _FOLDER, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        yield descriptor
    finally:
        os.close(descriptor)


def digest(folder: int, path: PurePosixPath) -> str | None:
    """The SHA-256 of the plain file at `path`; None if nothing is there; NOT_A_FILE if a link or anything but a
    plain file is there or on the way."""
    try:
        with parent_of(folder, path) as parent:
            descriptor = os.open(path.name, _READ, dir_fd=parent)
    except FileNotFoundError:
        return None
    except OSError:  # ELOOP: a link; ENOTDIR: a file or a link where a folder should be
        return NOT_A_FILE
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return NOT_A_FILE
        return hashlib.file_digest(handle, "sha256").hexdigest()


def read_small(folder: int, name: str, limit: int) -> bytes | None:
    """The bytes of the plain file `name` in `folder`; None if there is none, it is a link, or it is over `limit`."""
    try:
        descriptor = os.open(name, _READ, dir_fd=folder)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        data = handle.read(limit + 1)
    return data if len(data) <= limit else None


def atomic_write(target: tuple[int, str], data: bytes) -> None:
    """Write `data` as the file `name` in the folder `parent` (target = (parent, name)), whole or not at all.

    The entry of that name is replaced, never followed if it is a link; the new file has the permissions of any
    new file (0644 under the usual umask 022).
    """
    parent, name = target
    temporary = f".{name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    descriptor = os.open(temporary, flags, 0o666, dir_fd=parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, name, src_dir_fd=parent, dst_dir_fd=parent)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary, dir_fd=parent)
        raise


def remove(folder: int, path: PurePosixPath) -> None:
    with parent_of(folder, path) as parent:
        os.unlink(path.name, dir_fd=parent)


def _is_link(folder: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except OSError:
        return False


@contextmanager
def locked(folder: int, name: str, shown: Path) -> Iterator[None]:
    """Hold the lock file `name` in `folder` (`shown` in messages): one writer at a time."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(name, flags, 0o666, dir_fd=folder)
    except OSError as error:
        why = "is a symbolic link" if _is_link(folder, name) else f"cannot be opened ({error.strerror})"
        raise OutputError(f"{shown / name} {why}; refusing to write into {shown}: remove it and run again") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OutputError(f"{shown / name} is not a plain file; refusing to write into {shown}: remove it")
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # which releases the lock
