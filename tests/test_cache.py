"""The cache of validated catalogs: same answers as without it, never stale, never in the way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mbcadvisor.loader import cache_dir, load_catalog
from mbcadvisor.validation import check_dir

from .conftest import INVALID, VALID


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


def _dump(catalog: object) -> str:
    from mbcadvisor.advice import to_jsonable

    return json.dumps(to_jsonable(catalog), sort_keys=True, default=str)


def test_cached_catalog_equals_the_validated_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    first = load_catalog()  # validates, writes the cache
    folders = list((tmp_path / "cache").glob("catalog-*"))
    assert len(folders) == 1 and (folders[0] / "certs.json").is_file()
    second = load_catalog()  # read from the cache
    validated, _ = check_dir(Path(__file__).parent.parent / "data")
    assert _dump(first) == _dump(second)
    assert validated is not None


def test_a_changed_file_is_never_served_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    before = load_catalog(folder)
    assert next(c for c in before.certs if c.id == "CPC").exam.questions == 100
    certs = folder / "certs.yaml"
    certs.write_text(certs.read_text().replace("questions: 100,", "questions: 99,"))
    after = load_catalog(folder)
    assert next(c for c in after.certs if c.id == "CPC").exam.questions == 99
    assert len(list((tmp_path / "cache").glob("catalog-*"))) == 2


def test_a_broken_file_is_reported_even_if_an_old_version_was_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbcadvisor.errors import DataError

    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    load_catalog(folder)
    (folder / "certs.yaml").write_bytes((INVALID / "bad_integer.yaml").read_bytes())
    with pytest.raises(DataError):
        load_catalog(folder)


def test_a_corrupt_cache_index_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    load_catalog(folder)
    (cache,) = (tmp_path / "cache").glob("catalog-*")
    index = cache / "index.json"
    index.write_text("{not json")
    assert len(load_catalog(folder).certs) == 5
    index.write_text('{"roles": 3}')
    assert len(load_catalog(folder).certs) == 5
    index.unlink()
    assert len(load_catalog(folder).certs) == 5


@pytest.mark.parametrize(
    "name", ["roles.json", "bodies.json", "certs.json", "listed.json", "questions.json"]
)
@pytest.mark.parametrize("damage", ["{not json", "", "\xff\xfe"])
def test_a_damaged_cache_file_gives_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, damage: str
) -> None:
    """A file of the cache that cannot be read is answered from the data folder instead."""
    from mbcadvisor.advice import CertFilters, list_certs
    from mbcadvisor.output import json_chunks

    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    expected = load_catalog(folder)  # writes the cache, reads it back
    listing = b"".join(json_chunks(list_certs(expected, CertFilters()).payload()))
    (cache,) = (tmp_path / "cache").glob("catalog-*")
    if damage == "\xff\xfe":
        (cache / name).write_bytes(b"\xff\xfe")
    else:
        (cache / name).write_text(damage)
    damaged = load_catalog(folder)
    assert _dump(damaged) == _dump(expected)
    damaged = load_catalog(folder)
    assert b"".join(json_chunks(list_certs(damaged, CertFilters()).payload())) == listing
    damaged = load_catalog(folder)
    assert [c.name for c in damaged.listed(damaged.cert_ids)] == [c.name for c in expected.certs]
    assert damaged.cert("CPC").exam.questions == 100


def test_a_missing_cache_file_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    load_catalog(folder)
    (cache,) = (tmp_path / "cache").glob("catalog-*")
    (cache / "listed.json").unlink()
    assert len(load_catalog(folder).certs) == 5


def test_listed_certs_hold_what_the_whole_records_hold(real_catalog: object) -> None:
    """A listing's certifications (index, listed fields, then the whole record on demand) have
    the same fields and values as the whole records, and print the same JSON."""
    from mbcadvisor.output import json_chunks
    from mbcadvisor.records import LISTED, CatalogView, ListedCert, Part, to_jsonable

    assert isinstance(real_catalog, CatalogView)
    fresh = load_catalog()  # nothing read yet
    listed = fresh.listed(fresh.cert_ids)
    assert all(isinstance(c, ListedCert) for c in listed)
    whole = real_catalog.certs
    for cert, full in zip(listed, whole, strict=True):
        for name in ("id", "tracks", "level", "body", *LISTED):
            for inner in LISTED.get(name) or [None]:
                mine, theirs = getattr(cert, name), getattr(full, name)
                if inner:
                    assert isinstance(mine, Part)
                    mine, theirs = getattr(mine, inner), getattr(theirs, inner)
                assert mine == theirs, (cert.id, name, inner)
        assert not cert._read  # all that from the listed fields alone
    # JSON of listed certifications is the stored text: the same as encoding the records
    stored = b"".join(json_chunks(to_jsonable({"certs": listed})))
    encoded = json.dumps({"certs": to_jsonable(whole)}, indent=2, ensure_ascii=False)
    assert stored.decode() == encoded + "\n"
    # a field outside the listed ones reads the whole record, of the certification or a part
    first, second, third = load_catalog().listed(fresh.cert_ids[:3])
    assert first.summary == whole[0].summary
    assert first == whole[0] and first == load_catalog().listed([whole[0].id])[0]
    assert second.exam.note == whole[1].exam.note and second.exam == whole[1].exam
    assert to_jsonable(third.fees) == to_jsonable(whole[2].fees)
    with pytest.raises(AttributeError):
        first.no_such_field  # noqa: B018
    with pytest.raises(AttributeError):
        second.exam.no_such_field  # noqa: B018


@pytest.mark.parametrize("depth", [0, 1, 3, 6])
def test_raw_json_is_indented_where_it_stands(real_catalog: object, depth: int) -> None:
    from mbcadvisor.output import json_chunks
    from mbcadvisor.records import CatalogView, to_jsonable

    assert isinstance(real_catalog, CatalogView)
    fresh = load_catalog()
    ids = fresh.cert_ids[:3]
    for value in (fresh.listed(ids), fresh.listed(ids)[0]):
        plain = to_jsonable(
            real_catalog.certs_for(ids) if isinstance(value, list) else real_catalog.cert(ids[0])
        )
        wrapped, expected = value, plain
        for _ in range(depth):
            wrapped, expected = {"x": [wrapped]}, {"x": [expected]}
        text = b"".join(json_chunks(to_jsonable(wrapped))).decode()
        assert text == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def test_an_unwritable_cache_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MBC_CACHE_DIR", str(blocker / "cache"))
    assert len(load_catalog(_copy(tmp_path)).certs) == 5


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MBC_NO_CACHE", "1")
    assert cache_dir() is None
    load_catalog(_copy(tmp_path))
    assert not (tmp_path / "cache").exists()


def test_default_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MBC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "mbcadvisor"


def test_mapping_fields_are_listed() -> None:
    """Every dict-typed field of the models is kept a dict when records are rebuilt."""
    import typing

    from pydantic import BaseModel

    from mbcadvisor import models
    from mbcadvisor.records import MAPPING_FIELDS

    found = set()
    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, BaseModel):
            for name, field in model.model_fields.items():
                if typing.get_origin(field.annotation) is dict:
                    found.add(name)
    assert found == set(MAPPING_FIELDS)


def test_certifications_are_read_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    load_catalog(folder)
    view = load_catalog(folder)  # from the cache
    assert view.cert("CCS").name == "Certified Coding Specialist"
    assert view.cert("CCS") is view.cert("CCS")
    assert view._all is None  # nothing else was read
    assert view.cert_ids == ["CPC", "CPB", "CMRS", "CCS", "CPMA"]
    assert view.cert_ids_where(track="coding") == ["CPC", "CCS", "CPMA"]
    assert view.cert_ids_where(level="advanced", body="aapc") == ["CPMA"]
    assert [c.id for c in view.certs] == view.cert_ids
    assert view.cert("CPC") is view.certs[0]
    with pytest.raises(KeyError):
        view.cert("NOPE")


def test_memory_view_when_the_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_NO_CACHE", "1")
    view = load_catalog(_copy(tmp_path))
    assert view.cert("CPMA").tracks == ["auditing", "coding"]
    assert view.cert_ids_where(track="billing") == ["CPB", "CMRS"]


@pytest.fixture
def settled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture data whose files count as settled (not recently changed)."""
    from mbcadvisor import loader

    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "RECENT_NS", 0)
    return _copy(tmp_path)


def _cache_files(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    cache = tmp_path / "cache"
    seen = cache / "seen"
    return list(cache.glob("catalog-*")), list(seen.iterdir()) if seen.is_dir() else []


def test_unchanged_files_are_known_by_their_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: Path
) -> None:
    """Once files have settled, their sizes and times find the catalog: nothing is read."""
    from mbcadvisor import loader

    folder = settled
    first = load_catalog(folder)
    catalogs, pointers = _cache_files(tmp_path)
    assert len(catalogs) == 1 and len(pointers) == 1
    assert pointers[0].read_text() == catalogs[0].name

    def no_hashing(*_: object) -> None:
        raise AssertionError("the files were read to hash them")

    monkeypatch.setattr(loader, "_cache_folder", no_hashing)
    assert _dump(load_catalog(folder)) == _dump(first)


def test_a_file_changed_in_place_with_its_old_size_and_times_is_not_served_stale(
    settled: Path,
) -> None:
    import os

    folder = settled
    assert load_catalog(folder).cert("CPC").exam.questions == 100
    certs = folder / "certs.yaml"
    before = certs.stat()
    with certs.open("r+") as handle:  # same file, same length, old times put back
        text = handle.read().replace("questions: 100,", "questions: 101,")
        handle.seek(0)
        handle.write(text)
    os.utime(certs, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = certs.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert load_catalog(folder).cert("CPC").exam.questions == 101


def test_recently_changed_files_are_known_by_their_contents_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)  # just written: within RECENT_NS
    load_catalog(folder)
    catalogs, pointers = _cache_files(tmp_path)
    assert len(catalogs) == 1 and pointers == []


@pytest.mark.parametrize("pointer", ["catalog-gone", "../../elsewhere", "", "\xff"])
def test_a_bad_pointer_is_ignored(tmp_path: Path, settled: Path, pointer: str) -> None:
    folder = settled
    expected = _dump(load_catalog(folder))
    _, (seen,) = _cache_files(tmp_path)
    seen.write_text(pointer)
    assert _dump(load_catalog(folder)) == expected


def test_old_catalogs_are_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: Path
) -> None:
    from mbcadvisor import loader

    monkeypatch.setattr(loader, "KEEP", 2)
    folder = settled
    certs = folder / "certs.yaml"
    original = certs.read_text()
    for questions in (101, 102, 103):
        certs.write_text(original.replace("questions: 100,", f"questions: {questions},"))
        assert load_catalog(folder).cert("CPC").exam.questions == questions
    catalogs, pointers = _cache_files(tmp_path)
    assert len(catalogs) == 2
    assert {p.read_text() for p in pointers} <= {c.name for c in catalogs}
