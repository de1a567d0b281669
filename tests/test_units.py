"""Small pieces on their own: records, page dates, figures, table parsing, output streams, narrow
layouts. (The same paths are met end to end elsewhere, often in a subprocess.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import io
import shutil
import sys
from pathlib import Path

import pytest

from mbcadvisor import figures, loader
from mbcadvisor.advice.names import find_body, find_cert
from mbcadvisor.advice.pay import industries, rank_states, survey_report
from mbcadvisor.errors import DataError, MbcError
from mbcadvisor.grid import ASCII
from mbcadvisor.models import Catalog, Remote, Source, page_date_end
from mbcadvisor.render import render
from mbcadvisor.validation import parse, parse_table, validate_table

from .conftest import VALID

# --- records -------------------------------------------------------------------------------------


def test_a_record_is_built_by_keyword_and_frozen() -> None:
    remote = Remote(summary="Yes.", caveat="Later.")
    assert remote == Remote(summary="Yes.", caveat="Later.") != Remote(summary="No.", caveat="x")
    assert repr(remote) == "Remote(summary='Yes.', caveat='Later.')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        remote.summary = "No."  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del remote.summary
    with pytest.raises(TypeError, match="missing field 'caveat'"):
        Remote(summary="Yes.")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unknown field 'colour'"):
        Remote(summary="Yes.", caveat="x", colour="red")  # type: ignore[call-arg]


def test_a_source_needs_an_address_unless_it_is_the_article() -> None:
    day = dt.date(2026, 1, 2)
    Source(title="The article", kind="article", published=None, read_on=day, backs="x")
    with pytest.raises(ValueError, match="needs its url"):
        Source(title="A page", kind="official", published=None, read_on=day, backs="x")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2023", dt.date(2023, 12, 31)),
        ("2024-02", dt.date(2024, 2, 29)),
        ("2024-12", dt.date(2024, 12, 31)),
        ("2025-03-02", dt.date(2025, 3, 2)),
    ],
)
def test_a_page_date_means_its_last_day(text: str, end: dt.date) -> None:
    assert page_date_end(text) == end


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-1", "YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2025-13", "is not a date"),
        ("2025-02-30", "is not a date"),
        ("2999", "in the future"),
    ],
)
def test_a_bad_page_date_is_located(value: str, message: str) -> None:
    source = (
        f'{{url: "https://example.org", title: T, kind: official, published: "{value}", '
        "read_on: 2025-01-01, backs: x}"
    )
    text = f"sources: [{source}]\n"
    parsed, issues = parse("x.yaml", text.encode())
    assert parsed is not None and not issues
    from mbcadvisor.models import Sourced
    from mbcadvisor.validation import validate

    _, issues = validate(parsed, Sourced)
    assert any(message in str(i) and "sources[0].published" in str(i) for i in issues), issues


# --- YAML and CSV parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x 1\nb: *x\n", "anchors and aliases"),
        ("<<: {a: 1}\n", "merge keys"),
        ("? {a: 1}\n: b\n", "not a mapping"),
        ("a: !!float abc\n", "'abc' is not a number"),
        ("a: !!bool maybe\n", "'maybe' is not true or false"),
        ("a: !!binary aGVsbG8=\n", "tag tag:yaml.org,2002:binary is not allowed"),
        ("a: !custom [1]\n", "tag !custom is not allowed"),
        ("a: [1\n", "YAML:"),
    ],
)
def test_yaml_values_that_cannot_be_data(text: str, message: str) -> None:
    _, issues = parse("x.yaml", text.encode())
    assert any(message in str(i) for i in issues), [str(i) for i in issues]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "file is empty"),
        (b"\xff\xfe", "not UTF-8"),
        (b'soc,area_type\n"unclosed\n', "the header must be"),
    ],
)
def test_a_table_that_cannot_be_read(raw: bytes, message: str) -> None:
    table, issues = parse_table("t.csv", raw)
    assert table is None and message in str(issues[0])


def test_a_table_with_a_broken_quote() -> None:
    header = (VALID / "oews" / "national.csv").read_bytes().splitlines()[0]
    _, issues = parse_table("t.csv", header + b'\n"29-2072,N\n')
    assert "CSV:" in str(issues[0])


def test_table_rows_are_validated_with_their_lines() -> None:
    raw = (VALID / "oews" / "national.csv").read_bytes()
    raw = raw.replace(b",N,0000000,", b",N,00000,", 1)
    table, issues = parse_table("t.csv", raw)
    assert table is not None and not issues
    rows, issues = validate_table(table)
    assert rows is None and "t.csv:2:3  area  String should match pattern" in str(issues[0])


# --- loading tables ------------------------------------------------------------------------------


def test_a_missing_table_is_a_data_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    (data / "oews" / "industries.csv").unlink()
    with pytest.raises(DataError, match=r"industries\.csv  file is missing"):
        loader.load_table("industries", loader.load_catalog(data), data)


def test_a_damaged_cached_table_is_built_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path / "cache"))
    first = loader.load_table("industries", loader.load_catalog(VALID), VALID)
    (entry,) = (tmp_path / "cache").glob("industries-*.cache")
    from mbcadvisor import cache

    body = cache.read(entry.name)
    assert body is not None
    cache.write(entry.name, body.replace(b'"industries"', b'"\\u001b[2J"'))
    again = loader.load_table("industries", loader.load_catalog(VALID), VALID)
    assert again.stored == first.stored and again.name == "industries"


def test_postal_codes_from_area_names(real_catalog: Catalog) -> None:
    states = loader.load_table("states", real_catalog)
    assert states.postal["48"] == "TX" and states.postal["11"] == "DC"
    assert states.postal["72"] == "PR" and "66" not in states.postal  # Guam: no metro area


# --- names ---------------------------------------------------------------------------------------


def test_names_are_found_in_any_case(real_catalog: Catalog) -> None:
    assert find_cert(real_catalog, "cpc").id == "CPC"
    assert find_body(real_catalog, "Ahima").id == "ahima"


# --- figures -------------------------------------------------------------------------------------


def test_figures_read_as_words() -> None:
    assert figures.statistic("#", False, (115.0, 239200.0)) == "at least $239,200"
    assert figures.statistic("#", True, (115.0, 239200.0)) == "at least $115.00"
    assert figures.statistic("#") == "above BLS's top wage"
    assert figures.statistic("*") == "not released"
    assert figures.statistic("**") == "not available"
    assert figures.statistic(None) == "n/a"
    assert figures.count(194720.0) == "194,720" and figures.count("**") == "not available"
    assert figures.ratio(1.119) == "1.12" and figures.ratio(None) == "n/a"
    assert figures.months(None, None) == "n/a" and figures.months(1, 1) == "1 month"
    assert figures.months(24, None, open_ended=True) == "24 months or more"
    assert figures.money_range(None, 5.0) == "$5"
    assert figures.money_range(499, 499.2) == "$499"
    assert figures.duration(45) == "45 min" and figures.duration(None) == "n/a"
    assert (
        figures.dated("2025-03") == "2025-03" and figures.dated(dt.date(2025, 3, 2)) == "2025-03-02"
    )


# --- narrow layouts ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [24, 36])
def test_pay_listings_stack_when_narrow(catalog: Catalog, width: int) -> None:
    states = rank_states(catalog, loader.load_table("states", catalog, VALID), "billing")
    trade = industries(catalog, loader.load_table("industries", catalog, VALID), "coding")
    for result in (states, trade, survey_report(catalog)):
        text = str(render(result, ASCII, width))
        assert text
        for line in text.splitlines():  # only a web address may be wider: it is never cut
            assert len(line) <= width or line.lstrip().startswith("http"), line


# --- output streams ------------------------------------------------------------------------------


class _Broken(io.StringIO):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def write(self, text: str) -> int:
        message = "Broken pipe" if self.number == errno.EPIPE else "No space left"
        raise OSError(self.number, message)


@pytest.mark.parametrize("fmt", ["json", "plain"])
def test_a_full_disk_is_an_error_and_a_closed_pipe_is_not(
    monkeypatch: pytest.MonkeyPatch, fmt: str, real_catalog: Catalog
) -> None:
    from mbcadvisor.advice.pay import pay_report
    from mbcadvisor.output import Format, OutputClosed, emit

    monkeypatch.setattr(sys, "stdout", _Broken(errno.ENOSPC))
    with pytest.raises(OutputClosed, match="No space left"):
        emit(pay_report(real_catalog), Format(fmt))
    monkeypatch.setattr(sys, "stdout", _Broken(errno.EPIPE))
    with pytest.raises(BrokenPipeError):
        emit(pay_report(real_catalog), Format(fmt))


def test_a_closed_stdout_is_an_error(
    monkeypatch: pytest.MonkeyPatch, real_catalog: Catalog
) -> None:
    from mbcadvisor.advice.pay import pay_report
    from mbcadvisor.output import Format, OutputClosed, emit

    monkeypatch.setattr(sys, "stdout", None)
    for fmt in (Format.table, Format.json):
        with pytest.raises(OutputClosed, match="standard output is closed"):
            emit(pay_report(real_catalog), fmt)


def test_an_export_that_cannot_be_written(tmp_path: Path) -> None:
    from mbcadvisor.output import check_export

    with pytest.raises(MbcError, match="does not exist"):
        check_export(tmp_path / "no" / "such" / "folder" / "x.txt")


# --- the pager ------------------------------------------------------------------------------------


@pytest.fixture
def terminal_console(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """emit() writes to a 5-line terminal (a StringIO rich takes for one)."""
    from rich.console import Console

    import mbcadvisor.output as output

    screen = io.StringIO()

    def console(
        record: bool = False, file: io.StringIO | None = None, like: Console | None = None
    ) -> Console:
        return Console(
            file=file or screen,
            force_terminal=True,
            width=80,
            height=5,
            color_system=None,
            record=record,
        )

    monkeypatch.setattr(output, "_console", console)
    monkeypatch.setattr(output, "PAGER_OFF", False)
    return screen


def test_a_long_answer_goes_to_the_pager(
    terminal_console: io.StringIO, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbcadvisor.advice.training import training_guide
    from mbcadvisor.output import emit

    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MBC_PAGER", f"cat > {paged}")
    emit(training_guide(catalog))
    assert "Training programs" in paged.read_text() and terminal_console.getvalue() == ""


@pytest.mark.parametrize("suffix", [".txt", ".svg"])
def test_the_export_of_a_paged_answer_holds_the_answer(
    terminal_console: io.StringIO,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    from mbcadvisor.advice.training import training_guide
    from mbcadvisor.output import emit

    monkeypatch.setenv("MBC_PAGER", f"cat > {tmp_path / 'paged.txt'}")
    emit(training_guide(catalog), export=tmp_path / f"saved{suffix}")
    saved = (tmp_path / f"saved{suffix}").read_text()
    assert "Training" in saved and "Fixture" in saved  # the end of the answer too


@pytest.mark.parametrize("pager", ["", "cat", "no-such-pager-anywhere", None])
def test_no_pager_or_a_missing_one_prints_the_answer(
    terminal_console: io.StringIO,
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
    pager: str | None,
) -> None:
    import mbcadvisor.output as output
    from mbcadvisor.advice.training import training_guide

    if pager is None:
        monkeypatch.setattr(output, "PAGER_OFF", True)  # mbc --no-pager
    else:
        monkeypatch.setenv("MBC_PAGER", pager)
    output.emit(training_guide(catalog))
    assert "Training programs" in terminal_console.getvalue()


def test_the_pager_is_chosen_as_git_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import mbcadvisor.output as output

    monkeypatch.setattr(output, "PAGER_OFF", False)
    monkeypatch.delenv("MBC_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    assert output.pager_command() == "less -FRX"
    monkeypatch.setenv("PAGER", "more")
    assert output.pager_command() == "more"
    monkeypatch.setenv("MBC_PAGER", "less -S")
    assert output.pager_command() == "less -S"
