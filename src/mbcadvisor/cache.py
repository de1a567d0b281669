"""A private folder of validated data: one file per content hash, written atomically, checked by
a checksum when read. Failing to read or write the cache is never an error, only slower.

The folder must be the user's own and writable by nobody else (it is made 0700), and no entry
may be a symbolic link: otherwise another local user could plant false facts, or have mbc
overwrite or delete a file of the user's choosing. Such a folder is never used.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path
from typing import Any

MAGIC = b"mbc-cache 1 "  # then the hex BLAKE2 checksum of the body, a newline, the body
KEEP = 8  # entries kept: one per data folder in use, and a few older versions
STALE_TEMP_SECONDS = 600  # a temporary file older than this was left by an interrupted run


def folder() -> Path | None:
    """Where cached data lives: $MBC_CACHE_DIR, else $XDG_CACHE_HOME/mbcadvisor, else
    ~/.cache/mbcadvisor. None when MBC_NO_CACHE is set or there is no home folder."""
    if os.environ.get("MBC_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MBC_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # a relative one is to be ignored (XDG base directory spec)
        return Path(xdg) / "mbcadvisor"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # HOME unset and a uid with no passwd entry
        return None
    if not home.is_absolute():
        return None
    return home / ".cache" / "mbcadvisor"


def _private(path: Path) -> bool:
    """Whether a folder is safe to use: a real folder (not a link), the user's own, and not
    writable by group or others."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _usable(create: bool) -> Path | None:
    where = folder()
    if where is None:
        return None
    if create and not os.path.lexists(where):
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            where.mkdir(mode=0o700)
        except OSError:
            return None
    return where if _private(where) else None


def blake2b(data: bytes = b"") -> Any:
    """A 16-byte BLAKE2 hash (CPython's built-in one: hashlib would load OpenSSL, 13 ms)."""
    try:
        from _blake2 import blake2b as make
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b as make
    return make(data, digest_size=16)


def _checksum(body: bytes) -> bytes:
    return str(blake2b(body).hexdigest()).encode()


def read(name: str) -> bytes | None:
    """The body stored under this name, or None: not there, unsafe, or damaged."""
    where = _usable(create=False)
    if where is None:
        return None
    try:
        fd = os.open(where / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # missing, or a symbolic link (ELOOP)
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            content = handle.read()
        if time.time() - info.st_mtime > 3600:
            os.utime(fd)  # in use: pruning keeps the most recently used
    except OSError:
        return None
    finally:
        os.close(fd)
    head, _, body = content.partition(b"\n")
    if head != MAGIC + _checksum(body):
        return None  # damaged: the caller validates the data again and writes it anew
    return body


def write(name: str, body: bytes) -> None:
    """Store a body under this name, atomically: a reader sees the old file or the whole new
    one, and an interrupted write leaves nothing behind."""
    where = _usable(create=True)
    if where is None:
        return
    temporary = where / f".tmp-{os.getpid()}-{time.monotonic_ns()}"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(MAGIC + _checksum(body) + b"\n" + body)
        finally:
            os.close(fd)
        os.replace(temporary, where / name)  # replaces a link itself, never its target
    except BaseException as exc:  # Ctrl-C included: no half-written file stays behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        if not isinstance(exc, OSError):
            raise
        return
    _prune(where)


def _prune(where: Path) -> None:
    """Keep the KEEP newest entries, and remove what interrupted runs left."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    try:
        for entry in os.scandir(where):
            info = entry.stat(follow_symlinks=False)
            if entry.name.startswith(".tmp-"):
                if now - info.st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
            elif entry.name.endswith(".cache") and stat.S_ISREG(info.st_mode):
                entries.append((info.st_mtime, Path(entry.path)))
        entries.sort(reverse=True)
        for _, path in entries[KEEP:]:
            path.unlink()
    except OSError:  # a file removed meanwhile, say: pruning is never an error
        pass
