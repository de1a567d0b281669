"""`mbc plan --from FILE.csv`: a class list, one student a row, read and checked row by row.
The rows that read become students; every other row is a bad row with its line and reason, so
that one mistake does not stop the rest of the class."""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mbcadvisor.advice.eligibility import check_age
from mbcadvisor.advice.names import find_role
from mbcadvisor.advice.pay import find_state
from mbcadvisor.errors import MbcError, printable

if TYPE_CHECKING:
    from mbcadvisor.models import Catalog, Schooling, Table

COLUMNS = ("name", "age", "schooling", "track", "budget", "state")
REQUIRED = ("age", "track")
SCHOOLING = ("diploma", "ged", "none")
MAX_BYTES = 1024 * 1024  # a class list is a few kilobytes; anything this big is another file

TEMPLATE = """\
name,age,schooling,track,budget,state
Sample student,19,ged,coding,3000,TX
Another student,30,none,billing,500,Ohio
"""


@dataclass(frozen=True)
class Student:
    """One row that reads: what a plan needs, and the state for the handout's answers."""

    number: int  # its place among the rows under the header (1 = the first)
    line: int
    name: str | None
    age: int
    schooling: Schooling | None
    track: str  # the role's id
    budget_usd: float | None
    state: str | None  # the state's name, as the pay data spells it


@dataclass(frozen=True)
class BadRow:
    """A row that does not read, where it is and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}: {self.reason}")


@dataclass(frozen=True)
class ClassList:
    """The students of a file, in its order, and its bad rows."""

    students: list[Student]
    bad_rows: list[BadRow]
    rows: int  # every row under the header, bad ones too


def read_students(path: Path, catalog: Catalog, states: Table) -> ClassList:
    """The class list in a CSV file (UTF-8, with or without a byte-order mark)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise MbcError(f"cannot read '{path}': {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise MbcError(f"'{path}' is over {MAX_BYTES // 1024 // 1024} MB: not a class list")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MbcError(
            f"'{path}' is not UTF-8 text: save it as CSV UTF-8 (Excel: Save As, CSV UTF-8)"
        ) from None
    return parse_students(text, str(path), catalog, states)


def parse_students(text: str, label: str, catalog: Catalog, states: Table) -> ClassList:
    """The class list in CSV text: a header row naming the columns in any order (COLUMNS; age
    and track are needed), then one student a row. Blank rows are skipped."""
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise MbcError(f"{label} is empty: it needs a header row ({', '.join(COLUMNS)})")
        columns = _columns(header, label)
        students: list[Student] = []
        bad: list[BadRow] = []
        rows = 0
        end = reader.line_num
        for row in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if len(row) != len(columns):
                cells = f"{len(row)} {'cell' if len(row) == 1 else 'cells'}"
                bad.append(BadRow(label, line, f"{cells}, but the header has {len(columns)}"))
                continue
            values = dict(zip(columns, (cell.strip() for cell in row), strict=True))
            student, reasons = _student(values, rows, line, catalog, states)
            if student is None:
                bad.append(BadRow(label, line, "; ".join(reasons)))
            else:
                students.append(student)
    except csv.Error as exc:
        raise MbcError(f"{label}:{reader.line_num}: not CSV: {exc}") from None
    if not rows:
        raise MbcError(f"{label} has a header but no students")
    return ClassList(students, bad, rows)


def _columns(header: list[str], label: str) -> list[str]:
    """The header's column names, checked: known names, each once, age and track present."""
    names = [cell.strip().casefold() for cell in header]
    known = ", ".join(COLUMNS)
    unknown = [f"'{n}'" if n else f"column {i} has no name" for i, n in enumerate(names, 1)
               if n not in COLUMNS]  # fmt: skip
    if unknown:
        raise MbcError(
            f"{label}: unknown column {', '.join(unknown)}; the columns are {known} (any order)"
        )
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise MbcError(f"{label}: column '{twice[0]}' appears more than once")
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        needed = " and ".join(f"'{n}'" for n in missing)
        raise MbcError(f"{label}: no {needed} column; the columns are {known} (any order)")
    return names


def _student(
    values: dict[str, str], number: int, line: int, catalog: Catalog, states: Table
) -> tuple[Student | None, list[str]]:
    """The student of one row, or the reasons it does not read."""
    reasons: list[str] = []
    age = None
    given = values["age"]
    if not given:
        reasons.append("no age")
    elif not re.fullmatch(r"\d+", given):
        reasons.append(f"age '{given}' is not a whole number of years")
    else:
        try:
            check_age(int(given))
            age = int(given)
        except MbcError as exc:
            reasons.append(str(exc))
    schooling = values.get("schooling", "").casefold()
    if schooling not in (*SCHOOLING, ""):
        reasons.append(f"schooling '{values['schooling']}' is not diploma, ged, none or empty")
    track = None
    if not values["track"]:
        reasons.append("no track (billing or coding)")
    else:
        try:
            track = find_role(catalog, values["track"]).id
        except MbcError as exc:
            reasons.append(str(exc))
    budget = None
    if values.get("budget"):
        try:
            budget = dollars(values["budget"])
        except MbcError as exc:
            reasons.append(f"budget {exc}")
    state = None
    if values.get("state"):
        try:
            state = find_state(states, values["state"])[1]
        except MbcError as exc:
            reasons.append(str(exc))
    if reasons:
        return None, reasons
    assert age is not None and track is not None
    student = Student(
        number=number,
        line=line,
        name=values.get("name") or None,
        age=age,
        schooling=cast("Schooling", schooling) if schooling else None,
        track=track,
        budget_usd=budget,
        state=state,
    )
    return student, []


def dollars(text: str) -> float:
    """An amount of dollars as people write it: 3000, $3,000, 2500.50."""
    cleaned = text.strip().replace("$", "").replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise MbcError(f"'{text.strip()}' is not an amount of dollars (e.g. 3000)")
    return value


def safe_name(name: str | None) -> str:
    """A file name's part from any name: ASCII letters and digits in lower case, joined by
    hyphens ('José O'Brien' -> 'jose-o-brien'); 'student' when nothing is left."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(words)[:40].strip("-") or "student"


def file_name(student: Student, rows: int) -> str:
    """`<n>-<name>.html`, n the row's place in the file (the same width for every row, so that
    the files sort in the file's order): unique in a run whatever the names."""
    return f"{student.number:0{len(str(rows))}d}-{safe_name(student.name)}.html"
