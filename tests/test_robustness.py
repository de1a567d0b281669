"""Never a traceback: bad arguments, broken or custom data, completion, plain output."""

from __future__ import annotations

import json
import random
import runpy
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mbcadvisor.cli import _complete, app
from mbcadvisor.datafiles import packaged_data_dir
from mbcadvisor.errors import DataIssue
from mbcadvisor.validation import check_dir

from .conftest import INVALID, VALID

runner = CliRunner()

# (arguments, exit code, text expected on stderr)
BAD_INPUT = [
    (["eligible", "--age", "-1"], 1, "age must be 0 or more"),
    (["eligible", "--age", "121"], 1, "not plausible"),
    (["eligible", "--age", "abc"], 2, "Invalid value for '--age'"),
    (["eligible", "--age", ""], 2, "Invalid value for '--age'"),
    (["eligible", "--age", "19", "--ged", "--diploma"], 2, "give one of --diploma, --ged or"),
    (["eligible", "--age", "19", "--no-diploma", "--ged"], 2, "give one of --diploma, --ged or"),
    (["eligible"], 2, "needs your age: add --age"),
    (["plan", "--track", "coding"], 2, "needs your age: add --age"),
    (["match"], 2, "add --answers"),
    (["start", "--state", "Atlantis"], 1, "unknown state 'Atlantis'"),
    (["start", "--track", "nursing"], 1, "unknown role 'nursing'"),
    (["start", "--answers", "yy"], 1, "give 6 answers"),
    (["start", "--budget", "-5"], 2, "budget must be 0 or more"),
    (["start", "--budget", "nan"], 2, "not a number"),
    (["compare", "billing", "codng"], 1, "did you mean 'coding'"),
    (["compare", "billing", ""], 1, "role name is empty"),
    (["compare", "billing"], 1, "two different roles"),
    (["compare"], 2, "Missing argument"),
    (["certs", "--track", "codin"], 1, "did you mean 'coding'"),
    (["certs", "--track", ""], 1, "track name is empty"),
    (["certs", "--body", "aapcc"], 1, "did you mean 'aapc'"),
    (["certs", "--level", "entr"], 1, "did you mean 'entry'"),
    (["certs", "--sort", "cost"], 1, "unknown sort 'cost'"),
    (["certs", "--max-fee", "-1"], 2, "--max-fee"),
    (["certs", "--max-fee", "lots"], 2, "--max-fee"),
    (["certs", "CPZ"], 1, "unknown certification 'CPZ'"),
    (["certs", "CPC", "--body", "aapc"], 2, "filters do not apply"),
    (["pay", "astronaut"], 1, "unknown role 'astronaut'"),
    (["plan", "--track", "coding", "--age", "200"], 1, "age must be between"),
    (["plan", "--track", "coding", "--age", "20", "--experience-years", "-1"], 1, "experience"),
    (["plan", "--track", "coding", "--age", "20", "--budget", "-10"], 1, "budget"),
    (["plan", "--track", "", "--age", "20"], 1, "role name is empty"),
    (["plan", "--age", "20"], 2, "Missing option '--track'"),
    (["match", "--answers", ""], 1, "give 6 answers"),
    (["match", "--answers", "yes=no"], 1, "unknown question 'yes'"),
    (["pay", "--json", "--plain"], 2, "give one of"),
    (["pay", "--format", "pdf"], 2, "--format"),
    (["pay", "--export", "pay.pdf"], 1, "--export needs a file ending in"),
    (["sources", "--data-dir", "/nonexistent/folder"], 1, "does not exist"),
    (["data", "schema", "nothing.yaml"], 1, "unknown data file"),
    (["frobnicate"], 2, "No such command"),
]


@pytest.mark.parametrize(
    ("args", "code", "message"), BAD_INPUT, ids=[" ".join(a) for a, _, _ in BAD_INPUT]
)
def test_bad_input(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.startswith("mbc: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-1000, max_value=1000))
def test_any_age(age: int) -> None:
    result = runner.invoke(app, ["eligible", "--age", str(age), "--json"])
    assert result.exit_code in (0, 1)
    if result.exit_code == 0:
        assert json.loads(result.stdout)["eligible"] is None  # schooling was not given
    else:
        assert result.stderr.count("\n") == 1


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=20).filter(lambda t: not t.startswith("-")))
def test_any_string_as_a_role(name: str) -> None:
    result = runner.invoke(app, ["compare", "billing", name, "--json"])
    assert result.exit_code in (0, 1, 2), result.stderr
    if result.exit_code:
        assert result.stderr.startswith("mbc: error: ") and result.stderr.count("\n") == 1


def _mutations(text: str, rng: random.Random) -> str:
    """One random edit of a YAML file: drop, duplicate or swap a line, or change a value."""
    lines = text.splitlines()
    i = rng.randrange(len(lines))
    kind = rng.randrange(5)
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3 and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = (
            f"{key}: {rng.choice(['0', '-5', 'null', '[]', '{}', 'x', '2999-01-01', '&a 1', '*a'])}"
        )
    else:
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(p.name for p in VALID.glob("*.yaml"))), st.integers(0, 10**6))
def test_mutated_data_gives_issues_or_loads(
    tmp_path_factory: pytest.TempPathFactory, name: str, seed: int
) -> None:
    folder = tmp_path_factory.mktemp("mutant")
    shutil.copytree(VALID, folder, dirs_exist_ok=True)
    path = folder / name
    path.write_text(_mutations(path.read_text(), random.Random(seed)))
    catalog, issues = check_dir(folder)
    assert (catalog is None) == bool(issues)
    assert all(isinstance(i, DataIssue) and "\n" not in str(i) for i in issues)


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mbcadvisor.datafiles.MAX_FILE_BYTES", 1000)
    shutil.copytree(VALID, tmp_path / "d")
    (tmp_path / "d" / "certs.yaml").write_text("# " + "x" * 2000)
    _, issues = check_dir(tmp_path / "d")
    assert "limit is" in str(issues[0])


def test_unreadable_file(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "d")
    (tmp_path / "d" / "certs.yaml").unlink()
    (tmp_path / "d" / "certs.yaml").mkdir()
    _, issues = check_dir(tmp_path / "d")
    assert "certs.yaml" in str(issues[0])


def test_data_validate() -> None:
    result = runner.invoke(app, ["data", "validate"])
    assert result.exit_code == 0 and result.stdout.startswith("ok: ")
    result = runner.invoke(app, ["data", "validate", str(VALID), "--json"])
    assert json.loads(result.stdout) == {"ok": True, "folder": str(VALID), "issues": []}


def test_data_validate_reports_every_problem(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "d")
    (tmp_path / "d" / "certs.yaml").write_bytes((INVALID / "bad_integer.yaml").read_bytes())
    (tmp_path / "d" / "roles.yaml").write_text("")
    result = runner.invoke(app, ["data", "validate", str(tmp_path / "d")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(".yaml" in line for line in lines)
    assert result.stderr == f"mbc: error: 2 problems in {tmp_path / 'd'}\n"
    data = json.loads(
        runner.invoke(app, ["data", "validate", str(tmp_path / "d"), "--json"]).stdout
    )
    assert data["ok"] is False and {"file", "line", "column", "field", "message"} == set(
        data["issues"][0]
    )


def test_data_schema() -> None:
    result = runner.invoke(app, ["data", "schema"])
    schemas = json.loads(result.stdout)
    data = packaged_data_dir()
    yaml_files = {str(p.relative_to(data)) for p in data.rglob("*.yaml")}
    assert set(schemas) == yaml_files | {"oews/*.csv"}
    one = json.loads(runner.invoke(app, ["data", "schema", "certs"]).stdout)
    assert one["title"] == "CertsFile" and "Cert" in one["$defs"]
    assert one["$defs"]["Cert"]["additionalProperties"] is False
    assert one["$defs"]["Cert"]["description"].startswith("A certification")
    assert one["$defs"]["Exam"]["properties"]["questions"]["description"] == "Number of questions."
    rows = json.loads(runner.invoke(app, ["data", "schema", "oews"]).stdout)
    assert rows["properties"]["annual_p90"]["description"].startswith("90th percentile")


def test_schema_validates_the_real_data() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import csv

    for name, schema in json.loads(runner.invoke(app, ["data", "schema"]).stdout).items():
        if name == "oews/*.csv":
            for table in (packaged_data_dir() / "oews").glob("*.csv"):
                with table.open(newline="") as handle:
                    rows = list(csv.DictReader(handle))
                for row in rows[:50]:
                    typed = {k: _csv_value(k, v) for k, v in row.items()}
                    jsonschema.validate(typed, schema)
            continue
        document = yaml.safe_load((packaged_data_dir() / name).read_text())
        jsonschema.validate(json.loads(json.dumps(document, default=str)), schema)


def _csv_value(column: str, text: str) -> object:
    """A CSV cell as JSON would hold it: numbers as numbers, markers as text, empty as null."""
    if column == "footnotes":
        return text
    if text == "":
        return None
    if column == "industry_level":
        return int(text)
    try:
        return float(text) if column not in ("soc", "area", "state", "industry") else text
    except ValueError:
        return text


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("role", "bi", ["billing"]),
        ("cert", "CPC", ["CPC", "CPCO", "CPC-P"]),
        ("track", "c", ["coding", "cdi"]),
        ("body", "a", ["aapc", "ahima", "amba", "acdis", "amt", "aaham"]),
        ("level", "", ["entry", "advanced", "specialty"]),
        ("sort", "f", ["fee"]),
    ],
)
def test_completion(kind: str, typed: str, expected: list[str]) -> None:
    assert _complete(kind)(typed) == expected


def test_completion_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MBC_DATA_DIR", "/nonexistent")
    assert _complete("cert")("C") == []


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "billing", "coding"],
        ["certs"],
        ["certs", "CPC"],
        ["eligible", "--age", "17"],
        ["pay"],
        ["sources"],
        ["plan", "--track", "coding", "--age", "17"],
        ["match", "--answers", "yynnyy"],
        ["training"],
    ],
)
def test_plain_is_one_record_per_line(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--plain"])
    assert result.exit_code == 0
    assert not set("━─│┃╭╰█") & set(result.stdout)
    assert "|" not in result.stdout.replace("\\|", "") or args[0] == "sources"


def test_plain_certs_are_tab_separated() -> None:
    out = runner.invoke(app, ["certs", "--track", "billing", "--plain"]).stdout
    row = next(line for line in out.splitlines() if line.startswith("CPB\t"))
    assert row.split("\t")[1] == "Certified Professional Biller"


def test_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    out = runner.invoke(app, ["certs", "--track", "billing"]).stdout
    assert "CPB\tCertified Professional Biller" in out


def test_python_dash_m_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["mbc", "--version"])
    runpy.run_module("mbcadvisor", run_name="__main__")
    assert capsys.readouterr().out.startswith("mbc ")


def test_main_turns_a_crash_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mbcadvisor import cli

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("no")

    monkeypatch.setattr(cli, "app", boom)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 3
    assert (
        capsys.readouterr().err
        == "mbc: error: internal error: RuntimeError: no; run with MBC_DEBUG=1 for details\n"
    )
    monkeypatch.setenv("MBC_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main()


def test_main_keyboard_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    from mbcadvisor import cli

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 130


def test_interactive_match_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mbcadvisor.cli._interactive", lambda: True)
    result = runner.invoke(app, ["match"], input="y\ny\nwhat\nn\nn\ny\ny\n")
    assert result.exit_code == 0, result.stderr
    assert "Medical coder fits you best" in result.stdout
    assert "answer 'what' is not one of" in result.stderr


def test_ascii_console_replaces_what_it_cannot_show(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from mbcadvisor.advice.certs import CertFilters, list_certs
    from mbcadvisor.loader import load_catalog
    from mbcadvisor.output import emit

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    emit(list_certs(load_catalog(), CertFilters(track="coding")))
    stream.flush()
    raw.getvalue().decode("ascii")


def test_export_svg_of_markdown(tmp_path: Path) -> None:
    target = tmp_path / "plan.svg"
    result = runner.invoke(app, ["training", "--format", "markdown", "--export", str(target)])
    assert result.exit_code == 0 and "<svg" in target.read_text()


def test_export_write_error(tmp_path: Path) -> None:
    target = tmp_path / "dir.txt"
    target.mkdir()
    result = runner.invoke(app, ["pay", "--export", str(target)])
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_entry_point_answers_version_without_typer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbcadvisor import __version__, entry

    monkeypatch.setattr(sys, "argv", ["mbc", "--version"])
    entry.main()
    assert capsys.readouterr().out == f"mbc {__version__}\n"
    monkeypatch.setattr(sys, "argv", ["mbc", "certs", "CPC", "--json"])
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 0
    assert json.loads(capsys.readouterr().out)["id"] == "CPC"


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii", "cp1252"])
def test_json_in_any_stdout_encoding(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    """JSON goes out as UTF-8 where stdout takes it, else as ASCII with \\u escapes: either way
    the same data, and never an encoding error or a '?'."""
    import dataclasses
    import io

    from mbcadvisor.advice.result import Result
    from mbcadvisor.output import Format, emit

    @dataclasses.dataclass(frozen=True)
    class Answer(Result):
        name: str
        items: list[str]

    answer = Answer(name="Coder \u2013 \u2713 \u00e9 \U0001f600", items=["a", "\u2013"])
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding=encoding)
    monkeypatch.setattr(sys, "stdout", stdout)
    emit(answer, Format.json)
    stdout.flush()
    written = raw.getvalue()
    assert json.loads(written.decode(encoding)) == {"name": answer.name, "items": answer.items}
    if encoding != "utf-8":
        assert written.isascii()
