"""The loader: real data loads; every kind of broken file gives a located, one-line message."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from mbcadvisor.advice.certs import lowest_fee
from mbcadvisor.datafiles import packaged_data_dir, resolve_data_dir
from mbcadvisor.errors import DataError, MbcError
from mbcadvisor.loader import load_catalog
from mbcadvisor.validation import check_dir

from .conftest import INVALID, VALID

CASES = sorted(INVALID.glob("*.yaml"))


def _header(path: Path) -> tuple[str, str]:
    lines = path.read_text().splitlines()
    replaces = lines[0].removeprefix("# replaces: ")
    expect = lines[1].removeprefix("# expect: ")
    return replaces, expect


def _with_file(tmp_path: Path, name: str, content: bytes) -> Path:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    (data / name).write_bytes(content)
    return data


def test_real_data_loads() -> None:
    catalog = load_catalog()
    assert {r.id for r in catalog.roles} == {"billing", "coding"}
    assert len(catalog.certs) >= 30


def test_fixture_data_loads() -> None:
    catalog, issues = check_dir(VALID)
    assert issues == []
    assert catalog is not None and len(catalog.certs) == 5


def test_every_invalid_case_has_a_header() -> None:
    assert len(CASES) >= 15
    for case in CASES:
        replaces, expect = _header(case)
        assert (VALID / replaces).is_file(), case
        assert expect, case


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_case_gives_its_message(case: Path, tmp_path: Path) -> None:
    replaces, expect = _header(case)
    data = _with_file(tmp_path, replaces, case.read_bytes())
    catalog, issues = check_dir(data)
    assert catalog is None
    messages = [str(i) for i in issues]
    assert any(expect in m for m in messages), messages
    for issue in issues:
        assert issue.file.endswith(replaces) or issue.file.endswith(".yaml")
        assert "\n" not in str(issue)


def test_location_has_line_and_column(tmp_path: Path) -> None:
    case = INVALID / "bad_integer.yaml"
    data = _with_file(tmp_path, "certs.yaml", case.read_bytes())
    _, issues = check_dir(data)
    (issue,) = issues
    assert issue.line is not None
    line = case.read_text().splitlines()[issue.line - 1]
    assert "questions: lots" in line
    assert issue.column == line.index("questions") + 1
    assert str(issue).startswith(f"{data / 'certs.yaml'}:{issue.line}:{issue.column}  certs[0]")


def test_all_problems_are_collected(tmp_path: Path) -> None:
    data = _with_file(tmp_path, "certs.yaml", (INVALID / "bad_integer.yaml").read_bytes())
    (data / "bodies.yaml").write_text("")
    _, issues = check_dir(data)
    assert {Path(i.file).name for i in issues} == {"certs.yaml", "bodies.yaml"}


def test_non_utf8_file(tmp_path: Path) -> None:
    data = _with_file(tmp_path, "roles.yaml", b"roles:\n  - id: caf\xe9\n")
    _, issues = check_dir(data)
    assert "not UTF-8 text (byte 0xe9)" in str(issues[0])
    assert issues[0].line == 2


def test_missing_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    (data / "occupations.yaml").unlink()
    _, issues = check_dir(data)
    assert [str(i) for i in issues] == [f"{data / 'occupations.yaml'}  file is missing."]


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    data = _with_file(tmp_path, "roles.yaml", b"roles: " + b"[" * 100_000 + b"]" * 100_000)
    _, issues = check_dir(data)
    assert "nesting is too deep" in str(issues[0])


def test_load_catalog_raises_data_error(tmp_path: Path) -> None:
    data = _with_file(tmp_path, "certs.yaml", (INVALID / "bad_integer.yaml").read_bytes())
    with pytest.raises(DataError) as info:
        load_catalog(data)
    assert "1 problem in the data" in str(info.value)


def test_data_dir_must_exist(tmp_path: Path) -> None:
    with pytest.raises(MbcError, match="does not exist"):
        resolve_data_dir(tmp_path / "nope")
    (tmp_path / "file").write_text("x")
    with pytest.raises(MbcError, match="is not a folder"):
        resolve_data_dir(tmp_path / "file")


def test_env_var_chooses_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MBC_DATA_DIR", str(VALID))
    assert resolve_data_dir() == VALID
    monkeypatch.setenv("MBC_DATA_DIR", "")
    assert resolve_data_dir() == packaged_data_dir()


def test_real_data_records_are_sourced_and_sane(real_catalog) -> None:  # type: ignore[no-untyped-def]
    records = [*real_catalog.roles, *real_catalog.certs, *real_catalog.bodies]
    for occ in real_catalog.occupations:
        records += [occ, *occ.outlook]
    for record in records:
        assert record.sources, record
        for source in record.sources:
            assert source.read_on <= dt.date.today()
            if source.kind == "article":
                assert source.url is None  # the source article's address is not known
            else:
                assert source.url is not None and source.url.startswith(("https://", "http://"))
    for cert in real_catalog.certs:
        if cert.exam.questions is not None:
            assert 10 <= cert.exam.questions <= 1000, cert.id
        if cert.exam.minutes is not None:
            assert 30 <= cert.exam.minutes <= 600, cert.id
        fee = lowest_fee(cert)
        if fee is not None:
            assert 25 <= fee <= 2000, cert.id


def test_article_facts_are_in_the_data(real_catalog) -> None:  # type: ignore[no-untyped-def]
    ids = {c.id for c in real_catalog.certs}
    assert {"CPB", "CMRS", "CPC", "CMC", "CCS"} <= ids
    assert {c.id for c in real_catalog.certs if c.in_article} == {
        "CPB",
        "CMRS",
        "CPC",
        "CMC",
        "CCS",
    }
    bodies = {b.id: b for b in real_catalog.bodies}
    assert bodies["aapc"].formerly == "American Academy of Professional Coders"
    training = real_catalog.training
    assert [r.kind for r in training.requirements] == ["min_age", "diploma_or_ged"]
    assert training.requirements[0].value == 18
    school = [p for p in training.programs if p.route == "school"]
    assert {p.credential for p in school} == {"certificate", "associate degree"}
    assert min(p.min_months or 99 for p in school) == 10  # the article: 10 months to 2 years
    assert max(p.max_months or 0 for p in school) == 24
    course = next(p for p in training.programs if p.route == "course")
    assert (course.min_weeks, course.max_weeks, course.months()) == (16, 18, (4, 4))
    assert len(training.topics) == 6
    coding = next(o for o in real_catalog.occupations if o.soc == "29-2072")
    assert coding.article is not None and coding.article.year == 2022
    assert (coding.article.average, coding.article.top_10_percent) == (51090, 75460)
    billing = next(o for o in real_catalog.occupations if o.soc == "43-3021")
    assert billing.article is not None
    assert (billing.article.average, billing.article.top_10_percent) == (44800, 60480)


def test_loader_and_models_name_the_same_files() -> None:
    from mbcadvisor.datafiles import DATA_FILES
    from mbcadvisor.models import FILES

    assert tuple(FILES) == tuple(f for f in DATA_FILES if f.endswith(".yaml"))
    assert [f for f in DATA_FILES if not f.endswith(".yaml")] == ["oews/national.csv"]
