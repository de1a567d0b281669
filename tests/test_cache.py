"""The cache: a private folder of checksummed files, one per content hash; what it gives back
equals what validation gives; it is never stale, never trusted when unsafe, and never needed."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from mbcadvisor import cache, validation
from mbcadvisor.datafiles import packaged_data_dir
from mbcadvisor.loader import decode, encode, load_catalog
from mbcadvisor.models import Catalog
from mbcadvisor.validation import check_dir

from .conftest import VALID


@pytest.fixture
def where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own (not created yet)."""
    folder = tmp_path / "cache" / "mbcadvisor"
    monkeypatch.setenv("MBC_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".cache"))


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("validated again: the cache was not used")

    monkeypatch.setattr(validation, "check", refuse)


def test_cached_catalog_equals_validated_catalog(
    where: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated, issues = check_dir(packaged_data_dir())
    assert issues == [] and validated is not None
    first = load_catalog()  # validates and writes the cache
    assert len(_entries(where)) == 1
    _no_validation(monkeypatch)
    second = load_catalog()  # from the cache only
    assert second == validated == first
    assert second is not first
    assert type(second.certs[0].exam) is type(validated.certs[0].exam)


def test_round_trip_keeps_every_type(real_catalog: Catalog) -> None:
    again = decode(encode(real_catalog))
    assert again == real_catalog
    source = again.certs[0].sources[0]
    assert type(source).__name__ == "Source"
    assert all(type(a) is type(b) for a, b in zip(again.certs, real_catalog.certs, strict=True))


def test_folder_is_private(where: Path) -> None:
    load_catalog(VALID)
    mode = stat.S_IMODE(os.stat(where).st_mode)
    assert mode == 0o700
    for entry in where.iterdir():
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_changed_file_is_never_served_stale(where: Path, data: Path) -> None:
    before = load_catalog(data)
    text = (data / "roles.yaml").read_text().replace("Medical biller", "Medical billing clerk")
    (data / "roles.yaml").write_text(text)
    after = load_catalog(data)
    assert before.roles[0].name != after.roles[0].name == "Medical billing clerk"
    assert len(_entries(where)) == 2


def test_same_length_edit_is_caught(where: Path, data: Path) -> None:
    load_catalog(data)
    path = data / "roles.yaml"
    text = path.read_text()
    stamp = path.stat()
    path.write_text(text.replace("Medical biller", "Medical bILLer"))  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and the same time
    assert load_catalog(data).roles[0].name == "Medical bILLer"


def test_damaged_entry_is_detected_and_rewritten(
    where: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = load_catalog(VALID)
    (entry,) = _entries(where)
    content = bytearray(entry.read_bytes())
    at = content.index(b"Medical biller")
    content[at] = ord("X")  # same length, one byte changed
    entry.write_bytes(bytes(content))
    assert cache.read(entry.name) is None  # the checksum no longer matches
    assert load_catalog(VALID) == good  # validated again, never the damaged copy
    assert cache.read(entry.name) is not None  # and written anew


def test_cached_control_characters_are_refused(where: Path) -> None:
    good = load_catalog(VALID)
    (entry,) = _entries(where)
    body = cache.read(entry.name)
    assert body is not None
    cache.write(entry.name, body.replace(b"Medical biller", b"\\u001b[2JEligible"))
    assert load_catalog(VALID) == good


@pytest.mark.parametrize(
    "how",
    ["writable by others", "writable by group", "owned by another user", "a symbolic link"],
)
def test_unsafe_folder_is_never_used(
    how: str, where: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(VALID)
    (entry,) = _entries(where)
    planted = entry.read_bytes().replace(b"Medical biller", b"Astronaut pilot")
    entry.write_bytes(planted)  # a false fact, with a wrong checksum:
    body = planted.partition(b"\n")[2]
    cache.write(entry.name, body)  # ... now with a right one
    assert load_catalog(VALID).roles[0].name == "Astronaut pilot"  # the planted entry is read
    if how == "writable by others":
        where.chmod(0o707)
    elif how == "writable by group":
        where.chmod(0o770)
    elif how == "owned by another user":
        monkeypatch.setattr(os, "geteuid", lambda: os.stat(where).st_uid + 1)
    else:
        real = tmp_path / "elsewhere"
        where.rename(real)
        where.symlink_to(real)
    assert cache.read(entry.name) is None
    assert load_catalog(VALID).roles[0].name == "Medical biller"  # validated, not planted
    assert sorted(p.name for p in where.iterdir()) == [entry.name]  # and nothing written


def test_symlinked_entry_is_neither_read_nor_followed(where: Path, tmp_path: Path) -> None:
    load_catalog(VALID)
    (entry,) = _entries(where)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(entry.read_bytes())  # even a valid cache file
    entry.unlink()
    entry.symlink_to(victim)
    assert cache.read(entry.name) is None
    load_catalog(VALID)  # writes the entry again: replaces the link, never its target
    assert not entry.is_symlink()
    assert victim.read_bytes() == entry.read_bytes()
    victim.write_text("keep me")
    entry.unlink()
    entry.symlink_to(victim)
    load_catalog(VALID)
    assert victim.read_text() == "keep me"


def test_interrupted_write_leaves_no_debris(where: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_catalog(VALID)
    assert list(where.iterdir()) == []


def test_old_debris_and_old_entries_are_pruned(where: Path, data: Path) -> None:
    where.mkdir(parents=True, mode=0o700)
    debris = where / ".tmp-1-1"
    debris.write_text("left by a killed run")
    old = time.time() - cache.STALE_TEMP_SECONDS - 60
    os.utime(debris, (old, old))
    fresh = where / ".tmp-2-2"
    fresh.write_text("another run, writing now")
    for n in range(cache.KEEP + 3):
        (data / "match.yaml").write_text((VALID / "match.yaml").read_text() + f"# {n}\n")
        load_catalog(data)
    assert len(_entries(where)) == cache.KEEP
    assert not debris.exists() and fresh.exists()


@pytest.mark.parametrize("setting", ["MBC_NO_CACHE", "no home", "relative XDG"])
def test_no_cache_folder_still_answers(
    setting: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MBC_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    if setting == "MBC_NO_CACHE":
        monkeypatch.setenv("MBC_NO_CACHE", "1")
    elif setting == "no home":  # HOME unset, and a uid with no passwd entry
        monkeypatch.delenv("HOME")
        monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    else:
        monkeypatch.delenv("HOME")
        monkeypatch.setattr(os.path, "expanduser", lambda path: path)
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.folder() is None
    assert load_catalog(VALID).roles[0].name == "Medical biller"
    assert list(tmp_path.iterdir()) == []


def test_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MBC_CACHE_DIR", str(blocker / "cache"))  # cannot be made, even by root
    assert load_catalog(VALID).roles[0].name == "Medical biller"
    assert blocker.read_text() == "not a folder"


def test_folders_by_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MBC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "mbcadvisor"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "mbcadvisor"
