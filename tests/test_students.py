"""`mbc plan --from FILE.csv --export-dir FOLDER` (advice/students.py): a class list read row by
row, one handout per student, each bad row named with its line; and `mbc plan --template`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbcadvisor.advice.students import (
    TEMPLATE,
    ClassList,
    Student,
    file_name,
    parse_students,
    safe_name,
)
from mbcadvisor.cli import app
from mbcadvisor.models import Catalog, Table

runner = CliRunner()
HEADER = "name,age,schooling,track,budget,state\n"


@pytest.fixture(scope="module")
def states(real_catalog: Catalog) -> Table:
    from mbcadvisor.loader import load_table

    return load_table("states", real_catalog)


def read(text: str, catalog: Catalog, states: Table) -> ClassList:
    return parse_students(text, "class.csv", catalog, states)


def plan_class(
    tmp_path: Path, content: str | bytes, code: int = 0, *more: str
) -> tuple[str, str, Path]:
    source = tmp_path / "class.csv"
    if isinstance(content, str):
        source.write_text(content, encoding="utf-8", newline="")
    else:
        source.write_bytes(content)
    folder = tmp_path / "handouts"
    args = ["plan", "--from", str(source), "--export-dir", str(folder), *more]
    result = runner.invoke(app, args, env={"MBC_TODAY": "2026-11-27"})
    assert result.exit_code == code, result.output
    return result.stdout, result.stderr, folder


def test_the_template_prints_and_reads_back(
    tmp_path: Path, real_catalog: Catalog, states: Table
) -> None:
    result = runner.invoke(app, ["plan", "--template"])
    assert result.exit_code == 0 and result.stdout == TEMPLATE
    assert result.stdout.splitlines()[0] == "name,age,schooling,track,budget,state"
    students = read(TEMPLATE, real_catalog, states)
    assert not students.bad_rows
    assert students.students == [
        Student(number=1, line=2, name="Sample student", age=19, schooling="ged",
                track="coding", budget_usd=3000, state="Texas"),
        Student(number=2, line=3, name="Another student", age=30, schooling="none",
                track="billing", budget_usd=500, state="Ohio"),
    ]  # fmt: skip


def test_a_class_of_good_and_bad_rows(tmp_path: Path) -> None:
    content = HEADER + (  # line 2 on
        "Ana López,19,ged,coding,3000,TX\n"
        "Ben,,diploma,billing,,\n"
        "Cy,abc,,coding,,\n"
        "Dee,30,none,nursing,,\n"
        "Eve,30,maybe,coding,,Texsa\n"
        "Fay,30,none,billing,-5,\n"
        "Gus,200,,coder,,\n"
        "Hal,22,,coding\n"
        "Jo,20,,,,\n"
        "\n"
        'Ivy,45,Diploma,Biller,"$1,500",puerto rico\n'
    )
    out, err, folder = plan_class(tmp_path, content, 1)
    assert out.splitlines() == [
        f"{tmp_path / 'class.csv'}:3: no age",
        f"{tmp_path / 'class.csv'}:4: age 'abc' is not a whole number of years",
        f"{tmp_path / 'class.csv'}:5: unknown role 'nursing'; known: billing, coding",
        f"{tmp_path / 'class.csv'}:6: schooling 'maybe' is not diploma, ged, none or empty; "
        "unknown state 'Texsa'; did you mean 'Texas'?",
        f"{tmp_path / 'class.csv'}:7: budget '-5' is not an amount of dollars (e.g. 3000)",
        f"{tmp_path / 'class.csv'}:8: age 200 is not plausible (at most 120)",
        f"{tmp_path / 'class.csv'}:9: 4 cells, but the header has 6",
        f"{tmp_path / 'class.csv'}:10: no track (billing or coding)",
        f"Wrote 2 handouts in {folder}",
    ]
    source = tmp_path / "class.csv"
    assert err == f"mbc: error: 8 rows of {source} could not be read, so got no handout\n"
    assert sorted(p.name for p in folder.iterdir()) == ["01-ana-lopez.html", "10-ivy.html"]
    ana = (folder / "01-ana-lopez.html").read_text(encoding="utf-8")
    assert "<dt>Student</dt><dd>Ana López</dd>" in ana and "<dt>State</dt><dd>Texas</dd>" in ana
    assert "Prepared on November 27, 2026" in ana
    assert "Your plan to become a medical coder (age 19, GED, budget $3,000)" in ana
    ivy = (folder / "10-ivy.html").read_text(encoding="utf-8")
    assert "Your plan to become a medical biller (age 45, diploma, budget $1,500)" in ivy
    assert "<dt>State</dt><dd>Puerto Rico</dd>" in ivy


def test_all_good_exits_0_and_makes_the_folder(tmp_path: Path) -> None:
    out, err, folder = plan_class(tmp_path, "AGE,Track\n19,coding\n", 0)
    assert out == f"Wrote 1 handout in {folder}\n" and err == ""
    assert [p.name for p in folder.iterdir()] == ["1-student.html"]


def test_columns_in_any_order_and_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    content = "\ufeffstate,Track, age ,name\r\nOH,billing,30,Zoë\r\n,coding,19,Zoë\r\n"
    out, _, folder = plan_class(tmp_path, content.encode("utf-8"), 0)
    assert out == f"Wrote 2 handouts in {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == ["1-zoe.html", "2-zoe.html"]


def test_same_names_never_share_a_file(tmp_path: Path) -> None:
    rows = "".join(f"Sam Lee,{20 + n},,coding,,\n" for n in range(12))
    _, _, folder = plan_class(tmp_path, HEADER + rows, 0)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 12 and names[0] == "01-sam-lee.html" and names[-1] == "12-sam-lee.html"


def test_quoted_line_breaks_keep_line_numbers(tmp_path: Path) -> None:
    content = HEADER + '"Ann\nMarie",19,,coding,,\nBob,x,,coding,,\n'
    out, _, folder = plan_class(tmp_path, content, 1)
    assert out.splitlines()[0].endswith("class.csv:4: age 'x' is not a whole number of years")
    assert [p.name for p in folder.iterdir()] == ["1-ann-marie.html"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "class.csv is empty: it needs a header row (name, age, schooling, track, budget, "
             "state)"),
        ("\n,,\n", "class.csv is empty"),
        (HEADER, "class.csv has a header but no students"),
        (HEADER + "\n\n", "class.csv has a header but no students"),
        ("name,age,track,email\nA,19,coding,a@b\n",
         "class.csv: unknown column 'email'; the columns are name, age, schooling, track, "
         "budget, state (any order)"),
        ("name,age,track,\n", "unknown column column 4 has no name"),
        ("age,track,Age\n", "column 'age' appears more than once"),
        ("name,age\nA,19\n", "class.csv: no 'track' column"),
        ("name\nA\n", "no 'age' and 'track' column"),
        ("age,track\n19,\"coding\n", "class.csv:2: not CSV: unexpected end of data"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_class_list(tmp_path: Path, content: str, message: str) -> None:
    _, err, folder = plan_class(tmp_path, content, 1)
    assert message in err and err.count("\n") == 1
    assert not folder.exists()  # nothing written, no folder made


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    _, err, _ = plan_class(tmp_path, b"age,track\n19,cod\xe9\n", 1)
    assert "is not UTF-8 text: save it as CSV UTF-8" in err
    big = b"age,track\n" + b"19,coding\n" * 120_000
    _, err, _ = plan_class(tmp_path, big, 1)
    assert "is over 1 MB: not a class list" in err
    result = runner.invoke(
        app, ["plan", "--from", str(tmp_path / "none.csv"), "--export-dir", str(tmp_path)]
    )
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_the_folder_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "class.csv").write_text("age,track\n19,coding\n")
    file = tmp_path / "taken"
    file.write_text("")
    args = ["plan", "--from", str(tmp_path / "class.csv"), "--export-dir", str(file)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr
    result = runner.invoke(app, [*args[:3], "--export-dir", str(file / "deeper")])
    assert result.exit_code == 1 and "cannot make folder" in result.stderr


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (["--age", "19"], "--from takes each student from the file: drop --age"),
        (["--track", "coding"], "drop --track"),
        (["--ged"], "drop --ged"),
        (["--budget", "9"], "drop --budget"),
        (["--json"], "drop --json"),
        (["--name", "A"], "drop --name"),
        (["--export", "x.html"], "drop --export"),
    ],
)
def test_from_goes_without_one_persons_options(
    tmp_path: Path, more: list[str], message: str
) -> None:
    _, err, _ = plan_class(tmp_path, "age,track\n19,coding\n", 2, *more)
    assert message in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "--from", "a.csv"], "--from and --export-dir go together"),
        (["plan", "--export-dir", "out"], "--from and --export-dir go together"),
        (["plan", "--template", "--age", "3"], "--template goes alone, without --age"),
        (["plan", "--template", "--from", "a.csv"], "--template goes alone, without --from"),
        (["plan", "--age", "20"], "Missing option '--track' (billing or coding)"),
    ],
)
def test_usage(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_bad_mbc_today_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "class.csv").write_text("age,track\n19,coding\n")
    args = ["plan", "--from", str(tmp_path / "class.csv"), "--export-dir", str(tmp_path / "o")]
    result = runner.invoke(app, args, env={"MBC_TODAY": "someday"})
    assert result.exit_code == 1 and "MBC_TODAY" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Ana López", "ana-lopez"),
        ("José O'Brien-Smith", "jose-o-brien-smith"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con"),
        ("王小明", "student"),
        ("  ", "student"),
        (None, "student"),
        ("a" * 60, "a" * 40),
        ("Ab " + "c" * 38 + " d", "ab-" + "c" * 37),
        ("<script>x</script>", "script-x-script"),
    ],
)
def test_safe_file_names(name: str | None, safe: str) -> None:
    assert safe_name(name) == safe


def test_file_names_sort_in_the_files_order() -> None:
    one = Student(number=3, line=4, name="Al", age=20, schooling=None, track="coding",
                  budget_usd=None, state=None)  # fmt: skip
    assert file_name(one, 9) == "3-al.html"
    assert file_name(one, 10) == "03-al.html"
    assert file_name(one, 100) == "003-al.html"
