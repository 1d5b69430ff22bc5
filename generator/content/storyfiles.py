"""Read a story file only if it is an ordinary file inside the story folder.

A story folder comes from contributors. A symlink in it could publish /etc/passwd or the build's
environment (/proc/self/environ), a hard link could do the same without looking like a link, and a FIFO
or device would hang the build; such files are refused
before a byte of them is read, so no message can quote them either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class RefusedFile(Exception):
    """The file is not one the story may use; the message says why."""


class TooLarge(RefusedFile):
    pass


def read_story_file(path: Path, folder: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, at most `max_bytes` of them; raises RefusedFile or OSError."""
    real, home = path.resolve(), folder.resolve()
    if real != home and home not in real.parents:
        raise RefusedFile(f"is a link to {real}, outside the story folder; story files must be inside it")
    if any(real == system or system in real.parents for system in _SYSTEM_FOLDERS):
        raise RefusedFile(f"is in {real.parents[-2]}, which holds system files, not story files")
    descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        kind = next((name for test, name in _KINDS if test(info.st_mode)), None)
        if kind or not stat.S_ISREG(info.st_mode):
            raise RefusedFile(f"is {kind or 'not a regular file'}; story files must be ordinary files")
        if info.st_nlink > 1:  # another name for the same file may lie anywhere on the disk, unseen from here
            raise RefusedFile(f"has {info.st_nlink} hard links: the same file also has a name elsewhere, possibly "
                              "outside the story folder; copy the file in instead of linking it")
        if info.st_size > max_bytes:
            raise TooLarge(f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}; "
                           "raise it with --max-bytes")
        data = file.read(max_bytes + 1)  # the size a file claims is not always what it holds
    if len(data) > max_bytes:
        raise TooLarge(f"file is over the limit of {max_bytes:,} bytes; raise it with --max-bytes")
    return data
