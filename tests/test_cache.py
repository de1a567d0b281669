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
    assert len(folders) == 1 and (folders[0] / "certs.jsonl").is_file()
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


def test_a_corrupt_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    load_catalog(folder)
    (cache,) = (tmp_path / "cache").glob("catalog-*")
    small = cache / "small.json"
    small.write_text("{not json")
    assert len(load_catalog(folder).certs) == 5
    small.write_text('{"roles": 3}')
    assert len(load_catalog(folder).certs) == 5
    small.unlink()
    assert len(load_catalog(folder).certs) == 5


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
