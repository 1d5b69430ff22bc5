"""The output folder's record of the files the generator wrote there (.generated-files.json), signed.

Whoever can write in the output folder can plant a record there, and whoever can read a file can compute its
SHA-256, so a record of hashes alone proves nothing. Each record therefore carries an HMAC-SHA256 of what it
lists, keyed by a secret made once per project in its git-ignored `.cache/keys/` (mode 0600, read without
following a link, and refused unless it is the user's own and private); a record whose signature does not verify
names no file as the generator's. The key is never in an output folder or a story folder (write.py refuses
both), so planting a record that verifies means reading the user's private file first.

Signing the record is simpler than keeping it away from the output folder: the record, the lock and the
recovery of a run killed half-way all stay where they were, beside the files. A signed record copied from
another output folder of the same project can only name bytes that this project generated, so the signature
does not name the folder, and a renamed output folder is still recognised.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from ..content.errors import OutputError
from ..content.project import cache_folder, project_root

MANIFEST = ".generated-files.json"
KEY = "generated-files.key"
_PURPOSE = b"explainer .generated-files.json\0"  # so that the key can sign nothing else by accident
_KEY_TEXT = re.compile(rb"[0-9a-f]{64}\n")


class Record(NamedTuple):
    """What a record says: {path: hashes}, and whether to believe it (False: a record the generator did not sign)."""

    claims: dict[str, set[str]]
    trusted: bool


def key_folder() -> Path:
    """`.cache/keys` in the project of the working folder (in the working folder itself if it is in none)."""
    return cache_folder(project_root(Path.cwd()) or Path.cwd().resolve(), "keys")


def signed_record(hashes: dict[str, list[str]], key: bytes) -> bytes:
    files = dict(sorted(hashes.items()))
    return (json.dumps({"files": files, "signature": _signature(files, key)}, indent=1) + "\n").encode("utf-8")


def read_record(data: bytes | None, key: bytes) -> Record:
    """The record in `data`; None (no record) distrusts nothing. Older versions kept a bare list, or no signature."""
    if data is None:
        return Record({}, trusted=True)
    try:
        parsed = json.loads(data)
        listed = parsed.get("files") if isinstance(parsed, dict) else parsed
        signature = parsed.get("signature") if isinstance(parsed, dict) else None
        trusted = isinstance(signature, str) and hmac.compare_digest(signature.encode("utf-8"),
                                                                     _signature(listed, key).encode("utf-8"))
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python reads
        return Record({}, trusted=False)
    claims: dict[str, set[str]] = {}
    for path in listed if isinstance(listed, dict | list) else ():
        hashes = listed[path] if isinstance(listed, dict) else []
        if isinstance(path, str) and isinstance(hashes, list):
            claims[path] = {value for value in hashes if isinstance(value, str)}
    return Record(claims, trusted)


def _signature(listed: object, key: bytes) -> str:
    canonical = json.dumps(listed, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(key, _PURPOSE + canonical, hashlib.sha256).hexdigest()


def project_key(folder: int, shown: Path) -> bytes:
    """The key in `folder` (a descriptor of key_folder(), `shown` in messages), made there on first use."""
    try:
        return _read_key(folder, shown)
    except FileNotFoundError:
        _make_key(folder)
        return _read_key(folder, shown)


def _make_key(folder: int) -> None:
    # Linked into place whole, which fails if a run at the same time was first: every run then reads that one.
    temporary = f".{KEY}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    descriptor = os.open(temporary, flags, 0o600, dir_fd=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with suppress(FileExistsError):
            os.link(temporary, KEY, src_dir_fd=folder, dst_dir_fd=folder)
    finally:
        os.unlink(temporary, dir_fd=folder)


def _read_key(folder: int, shown: Path) -> bytes:
    try:
        descriptor = os.open(KEY, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _untrusted_key(shown, "a symbolic link" if error.errno == errno.ELOOP else error.strerror) from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        text = handle.read(100) if stat.S_ISREG(status.st_mode) else b""
    if not stat.S_ISREG(status.st_mode):
        raise _untrusted_key(shown, "not a plain file")
    if status.st_uid != os.geteuid() or status.st_mode & 0o077:
        raise _untrusted_key(shown, "it must be yours, and readable by you alone")
    if not _KEY_TEXT.fullmatch(text):
        raise _untrusted_key(shown, "not a key the generator made")
    return bytes.fromhex(text.decode("ascii"))


def _untrusted_key(shown: Path, why: str | None) -> OutputError:
    return OutputError(f"{shown / KEY} cannot be used as the generator's key ({why}); delete it and run again "
                       "(the files written before then will count as hand-written: delete those too)")
