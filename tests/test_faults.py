"""Every bad input answered: the faults found by trying mbc as a new user and as an attacker
would (issue 10), each kept closed by a test. Most run mbc as a real process, as users do."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mbcadvisor.cli import app
from mbcadvisor.validation import check_dir

from .conftest import INVALID, VALID

runner = CliRunner()
MBC = [sys.executable, "-m", "mbcadvisor"]


def mbc(*args: str, timeout: float = 20, **env: str) -> subprocess.CompletedProcess[str]:
    """Run mbc as a process; env values replace or (when empty) remove variables."""
    environ = dict(os.environ)
    for key, value in env.items():
        if value:
            environ[key] = value
        else:
            environ.pop(key, None)
    return subprocess.run(
        [*MBC, *args], capture_output=True, text=True, timeout=timeout, env=environ
    )


def _data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


# 1. malformed values: located, exit 1, every other problem still listed -------------------------


def test_malformed_values_are_all_listed_with_their_places(tmp_path: Path) -> None:
    data = _data(tmp_path)
    certs = (data / "certs.yaml").read_text()
    certs = certs.replace(
        "read_on: 2025-06-01, backs: exam and fee", "read_on: 2024-13-01, backs: exam and fee"
    )
    certs = certs.replace("questions: 135", "questions: !!int abc")
    certs = certs.replace("summary: Billing.", "summary: Billing.\n    ? [a, b]\n    : c")
    (data / "certs.yaml").write_text(certs)
    training = (data / "training.yaml").read_text().replace("value: 18", "value: " + "9" * 5000)
    (data / "training.yaml").write_text(training)
    (data / "roles.yaml").write_text(
        (data / "roles.yaml").read_text().replace("2025", "2023-02-30", 1)
    )
    result = mbc("compare", "billing", "coding", "--data-dir", str(data))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    expected = [
        ("certs.yaml:", "certs[0].sources[0].read_on", "month value is outside"),
        ("certs.yaml:", "certs[1].exam.questions", "'abc' is not a whole number"),
        ("certs.yaml:", "certs[1]", "a key must be plain text, not a list"),
        ("training.yaml:", "training.requirements[0].value", "5,000 digits"),
    ]
    for file, field, message in expected:
        assert any(file in line and f"  {field}  " in line and message in line for line in lines)
    for line in lines[1:]:
        where = line.split("  ")[0]
        assert where.count(":") >= 2, line  # file:line:column


# 2. control characters never reach a terminal --------------------------------------------------

CONTROL_CASES = ["escape_in_text", "c1_control", "osc8_link", "bidi_override", "tab_in_text",
                 "newline_in_text"]  # fmt: skip


@pytest.mark.parametrize("case", CONTROL_CASES)
def test_control_characters_are_refused_and_reported_safely(case: str, tmp_path: Path) -> None:
    fixture = INVALID / f"{case}.yaml"
    replaces = fixture.read_text().splitlines()[0].removeprefix("# replaces: ")
    data = _data(tmp_path)
    (data / replaces).write_bytes(fixture.read_bytes())
    for args in (
        ["data", "validate", str(data)],
        ["eligible", "--age", "17", "--data-dir", str(data)],
    ):
        result = mbc(*args)
        assert result.returncode == 1
        assert "is not allowed in data text" in result.stdout + result.stderr
        for stream in (result.stdout, result.stderr):
            assert not any(c in stream for c in "\x1b\x9b\u202e\t"), repr(stream)
            assert "Eligible" not in stream  # the forged verdict never shows


def test_output_escapes_control_characters_as_a_second_defence() -> None:
    from mbcadvisor import markdown, plain
    from mbcadvisor.document import Document, Paragraph, Table

    forged = "Not eligible\x1b[1A\x1b[2K\rEligible\n\tforged"
    doc = Document(forged, [Paragraph(forged), Table(("a", "b"), ((forged, "x"),))])
    for text in (plain.write(doc), markdown.write(doc)):
        assert "\x1b" not in text and "\r" not in text
        assert "\tforged" not in text and "\nforged" not in text


# 3. a FIFO, a device, a link to /dev/zero or a huge file is never read whole ---------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "link to /dev/zero", "huge", "folder"])
def test_special_files_are_refused_before_reading(kind: str, tmp_path: Path) -> None:
    data = _data(tmp_path)
    target = data / "certs.yaml"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    elif kind in ("device", "link to /dev/zero"):
        target.symlink_to("/dev/zero" if kind != "device" else "/dev/null")
    elif kind == "huge":
        with target.open("wb") as handle:
            handle.truncate(33 * 1024 * 1024)  # sparse: costs no disk
    else:
        target.mkdir()
    result = mbc("certs", "--data-dir", str(data), timeout=15)
    assert result.returncode == 1
    message = {
        "fifo": "not a regular file",
        "device": "not a regular file",
        "link to /dev/zero": "not a regular file",
        "huge": "the limit is 32 MB",
        "folder": "a folder",
    }[kind]
    assert "certs.yaml" in result.stderr and message in result.stderr


# 5. --export with any format writes that format's content ---------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "plain"])
@pytest.mark.parametrize("suffix", [".html", ".svg", ".txt"])
def test_export_writes_the_answer_in_any_format(fmt: str, suffix: str, tmp_path: Path) -> None:
    target = tmp_path / f"answer{suffix}"
    result = runner.invoke(app, ["eligible", "--age", "17", "-f", fmt, "--export", str(target)])
    assert result.exit_code == 0, result.output
    content = target.read_text()
    marker = "not met" if fmt == "table" else '"eligible": false' if fmt == "json" else "18"
    if suffix == ".txt":
        assert content == result.stdout or fmt == "table"
    if suffix == ".svg":  # a picture places words one by one
        assert content.startswith("<svg") and "least" in content
    else:
        assert "least 18" in content.lower() or marker in content
    assert len(content) > 200


# 6. any width from 1 up ends, and stays readable as far as it can --------------------------------


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 13, 21, 34])
@pytest.mark.parametrize(
    "args",
    [["sources"], ["certs"], ["compare", "billing", "coding"], ["pay"], ["certs", "CPC"]],
    ids=["sources", "certs", "compare", "pay", "cert"],
)
def test_any_width_ends(width: int, args: list[str]) -> None:
    result = mbc(*args, timeout=30, COLUMNS=str(width))
    assert result.returncode == 0, result.stderr
    if width >= 21:  # wide enough to read: nothing is cut off, and no line is too wide but
        # for a web address, which is never cut (the terminal wraps it without breaking it)
        for line in result.stdout.splitlines():
            assert len(re.sub(r"\(?https?://\S+", "", line).rstrip()) <= width, line


# 7. a closed stdout or a full disk: one line and exit 1; a closed pipe stays quiet ---------------


@pytest.mark.parametrize("fmt", ["table", "json", "plain"])
def test_full_disk(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*MBC, "compare", "billing", "coding", "-f", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=20,
        )
    assert result.returncode == 1
    assert result.stderr == "mbc: error: cannot write the answer: No space left on device\n"


def test_closed_stdout() -> None:
    result = subprocess.run(
        [*MBC, "certs", "--track", "coding"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=20,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert result.stderr == "mbc: error: standard output is closed; nothing was written\n"


def test_closed_pipe_stays_quiet() -> None:
    with subprocess.Popen(
        ["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    ) as reader:
        assert reader.stdin is not None
        writer = subprocess.run(
            [*MBC, "sources", "--plain"], stdout=reader.stdin, stderr=subprocess.PIPE, timeout=20
        )
        reader.stdin.close()
    assert writer.returncode == 0 and writer.stderr == b""


# 8. --plain and Markdown on an ASCII-only stdout --------------------------------------------------


@pytest.mark.parametrize("fmt", ["plain", "markdown", "table", "json"])
def test_ascii_only_stdout(fmt: str) -> None:
    result = mbc("plan", "--track", "coding", "--age", "17", "-f", fmt, PYTHONIOENCODING="ascii",
                 LANG="C", LC_ALL="C")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii() and "coder" in result.stdout.lower()


# 9. nan and inf are not amounts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--track", "coding", "--age", "20", "--budget", "nan"],
        ["plan", "--track", "coding", "--age", "20", "--budget", "inf"],
        ["plan", "--track", "coding", "--age", "20", "--experience-years", "nan"],
        ["certs", "--max-fee", "inf"],
        ["certs", "--max-fee", "NaN"],
    ],
)
def test_nan_and_inf_are_refused(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 2
    assert "is not a number" in result.stderr and result.stdout == ""


@settings(max_examples=60, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_budget_gives_valid_json_or_a_clean_error(budget: float) -> None:
    import json

    result = runner.invoke(
        app, ["plan", "--track", "coding", "--age", "20", "--budget", repr(budget), "--json"]
    )
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 0:
        json.loads(result.stdout)  # strict JSON: no NaN, no Infinity
        assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    else:
        assert result.stderr.startswith("mbc: error: ") and result.stderr.count("\n") == 1


# the whole invalid-fixture folder: every case is a located problem, never a crash ---------------


@pytest.mark.parametrize("case", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_invalid_fixture_fails_cleanly(case: Path, tmp_path: Path) -> None:
    replaces = case.read_text(errors="replace").splitlines()[0].removeprefix("# replaces: ")
    data = _data(tmp_path)
    (data / replaces).write_bytes(case.read_bytes())
    catalog, issues = check_dir(data)
    assert catalog is None and issues
    assert all("\n" not in str(i) and "\x1b" not in str(i) for i in issues)


# one place for figures: no format prints a range whose ends are the same or unknown -------------

FIGURE_COMMANDS = [
    ["compare", "billing", "coding"],
    ["certs"],
    ["certs", "CPC"],
    ["pay"],
    ["plan", "--track", "coding", "--age", "17", "--budget", "500"],
    ["plan", "--track", "billing", "--age", "30", "--diploma", "--certs", "CPB"],
    ["training"],
    ["eligible", "--age", "17"],
]


@pytest.mark.parametrize("fmt", ["table", "markdown", "plain"])
@pytest.mark.parametrize("args", FIGURE_COMMANDS, ids=lambda a: " ".join(a))
def test_figures_read_the_same_in_every_format(args: list[str], fmt: str) -> None:
    import re

    result = runner.invoke(app, [*args, "-f", fmt])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "n/a to" not in text and "to n/a" not in text
    for low, high in re.findall(r"(\$[\d,.]+) to (\$[\d,.]+)", text):
        assert low != high, text
    for low, high in re.findall(r"\b(\d+)(?:-| to )(\d+) months", text):
        assert low != high, text


def test_a_data_issue_is_always_one_line() -> None:
    from mbcadvisor.errors import DataIssue

    issue = DataIssue("data/\nfake.yaml", 3, 1, "a\x1b[2Jb", "message\nforged line")
    assert "\n" not in str(issue) and "\x1b" not in str(issue)
