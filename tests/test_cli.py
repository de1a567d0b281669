"""The command line: every command, JSON shapes, errors on stderr, exit codes, help and README."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbcadvisor import __version__
from mbcadvisor.cli import app

from .conftest import INVALID, ROOT, VALID

runner = CliRunner()
COMMANDS = [
    "help",
    "start",
    "compare",
    "certs",
    "eligible",
    "pay",
    "sources",
    "plan",
    "match",
    "training",
    "explain",
]


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result.stdout, result.stderr


def test_version() -> None:
    out, err = run("--version")
    assert out == f"mbc {__version__}\n" and err == ""


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "compare" in result.stdout and result.exit_code in (0, 2)


def test_compare_table() -> None:
    out, err = run("compare", "billing", "coding")
    assert err == ""
    for row in (
        "Duties",
        "Works in",
        "Skills",
        "Pay",
        "Training",
        "Certifications",
        "Remote work",
        "Outlook",
        "Career path",
    ):
        assert row in out
    assert "Medical biller" in out and "Medical coder" in out
    assert "90th percentile" in out and "CPC (AAPC)" in out and "CMRS (AMBA)" in out


def test_compare_aliases_any_case() -> None:
    out, _ = run("compare", "BILLERS", "Medical-Coding")
    assert "Medical biller" in out and "Medical coder" in out


def test_compare_unknown_role_suggests() -> None:
    out, err = run("compare", "billing", "codng", code=1)
    assert out == ""
    assert err == "mbc: error: unknown role 'codng'; did you mean 'coding'?\n"


def test_compare_needs_two_roles() -> None:
    _, err = run("compare", "billing", code=1)
    assert "two different roles" in err


def test_compare_json_shape() -> None:
    out, _ = run("compare", "billing", "coding", "--json")
    data = json.loads(out)
    assert [r["id"] for r in data["roles"]] == ["billing", "coding"]
    role = data["roles"][1]
    assert set(role) == {
        "id",
        "name",
        "summary",
        "duties",
        "workplaces",
        "skills",
        "pay",
        "training",
        "certs",
        "remote",
        "remote_caveat",
        "outlook",
        "career_path",
        "sources",
    }
    assert set(role["pay"]) == {"soc", "occupation", "place", "release", "covers", "figures"}
    assert {f["statistic"] for f in role["pay"]["figures"]} <= {"median", "mean", "p90"}
    assert "\x1b" not in out


def test_certs_track_table() -> None:
    out, _ = run("certs", "--track", "coding")
    assert "Coding certifications" in out
    assert "CPC" in out and "CCS" in out and "CMC" in out
    assert "Billing certifications" not in out


def test_certs_all_grouped() -> None:
    out, _ = run("certs")
    assert out.index("Billing certifications") < out.index("Coding certifications")


def test_certs_one_any_case_with_sources() -> None:
    out, _ = run("certs", "cpc")
    assert "Certified Professional Coder" in out and "Sources" in out and "https://" in out
    assert "CPC-A" in out


def test_certs_one_json_is_the_cert_object() -> None:
    out, _ = run("certs", "CPC", "--json")
    data = json.loads(out)
    assert data["id"] == "CPC" and data["body"] == "aapc" and data["sources"]
    assert {"exam", "fees", "membership", "prerequisites", "renewal", "curation"} <= set(data)
    assert {"published", "read_on"} <= set(data["sources"][0])


def test_certs_json_listing_shape() -> None:
    out, _ = run("certs", "--track", "billing", "--json")
    data = json.loads(out)
    assert set(data) == {"filters", "count", "groups", "bodies"}
    assert data["filters"]["track"] == "billing"
    ids = [c["id"] for g in data["groups"] for c in g["certs"]]
    assert {"CPB", "CMRS"} <= set(ids) and len(ids) == data["count"]


def test_certs_filters_on_real_data() -> None:
    out, _ = run("certs", "--body", "AHIMA", "--json")
    bodies = {c["body"] for g in json.loads(out)["groups"] for c in g["certs"]}
    assert bodies == {"ahima"}
    out, _ = run("certs", "--remote", "--max-fee", "500", "--sort", "fee", "--json")
    certs = [c for g in json.loads(out)["groups"] for c in g["certs"]]
    assert all("online" in c["exam"]["delivery"] for c in certs)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["certs", "--track", "codding"], "unknown track 'codding'; did you mean 'coding'"),
        (["certs", "--body", "ahimaa"], "unknown body 'ahimaa'; did you mean 'ahima'"),
        (["certs", "--level", "expert"], "unknown level 'expert'"),
        (["certs", "--sort", "feez"], "unknown sort 'feez'; did you mean 'fee'?"),
        (["certs", "CPX"], "unknown certification 'CPX'; did you mean"),
        (["pay", "nurse"], "unknown role 'nurse'"),
        (["eligible", "--age", "-3"], "age must be 0 or more"),
        (["eligible", "--age", "130"], "age 130 is not plausible"),
        (["compare", "billing", ""], "role name is empty"),
    ],
)
def test_bad_input_is_one_line_exit_1(args: list[str], message: str) -> None:
    out, err = run(*args, code=1)
    assert out == ""
    assert err.startswith("mbc: error: ") and message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["eligible", "--age", "abc"],
        ["eligible"],
        ["eligible", "--age", "19", "--ged", "--diploma"],
        ["certs", "CPC", "--track", "coding"],
        ["compare"],
        ["certs", "--max-fee", "-5"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "eligible"),
    [
        (["--age", "19", "--ged"], True),
        (["--age", "18", "--diploma"], True),
        (["--age", "17", "--diploma"], False),
        (["--age", "25", "--no-diploma"], False),
        (["--age", "25"], None),
    ],
)
def test_eligible_json(args: list[str], eligible: bool | None) -> None:
    out, _ = run("eligible", *args, "--json")
    data = json.loads(out)
    assert data["eligible"] is eligible
    assert [c["id"] for c in data["checks"]] == ["min_age", "diploma_or_ged"]
    missing = [m["fact"] for m in data["missing"]]
    assert missing == ([] if eligible is not None else ["schooling"])


def test_eligible_table() -> None:
    out, _ = run("eligible", "--age", "17", "--no-diploma")
    assert "[ ] At least 18" in out and "Not yet: you are 17" in out and "in 1 year" in out
    assert "GED" in out
    out, _ = run("eligible", "--age", "19", "--ged")
    assert "Yes: you can enroll in a training program now." in out
    out, _ = run("eligible", "--age", "19")
    assert "[?] High school diploma or GED: you did not say" in out
    assert "add --diploma, --ged or --no-diploma" in out
    assert "With a diploma or GED" in out and "Without a diploma or GED" in out


def test_eligible_needs_an_age_and_says_which_option() -> None:
    result = runner.invoke(app, ["eligible", "--diploma"], input="")
    assert result.exit_code == 2
    assert "needs your age: add --age" in result.stderr


def test_pay() -> None:
    out, _ = run("pay")
    assert "Medical biller" in out and "Medical coder" in out and "median" in out
    assert "90th percentile" in out
    out, _ = run("pay", "coding", "--json")
    data = json.loads(out)
    assert data["hourly"] is False and [g["role"] for g in data["groups"]] == ["coding"]
    assert data["release"] == "May 2025"


def test_pay_hourly() -> None:
    out, _ = run("pay", "coding", "--hourly", "--data-dir", str(VALID))
    assert "$24.59" in out and "an hour" in out


def test_sources() -> None:
    out, _ = run("sources")
    assert "official" in out and "secondary" in out
    out, _ = run("sources", "--stale", "--json")
    data = json.loads(out)
    assert data["only_stale"] is True and all(s["stale"] for s in data["sources"])


def test_data_dir_option_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = run("certs", "--json", "--data-dir", str(VALID))
    assert json.loads(out)["count"] == 5
    monkeypatch.setenv("MBC_DATA_DIR", str(VALID))
    out, _ = run("certs", "--json")
    assert json.loads(out)["count"] == 5


def test_broken_data_dir_exit_1(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(VALID, tmp_path / "d")
    (tmp_path / "d" / "certs.yaml").write_bytes((INVALID / "bad_integer.yaml").read_bytes())
    out, err = run("certs", "--data-dir", str(tmp_path / "d"), code=1)
    assert out == ""
    assert "certs[0].exam.questions  Input should be a valid integer" in err
    assert "Traceback" not in err
    _, err = run("certs", "--data-dir", str(tmp_path / "missing"), code=1)
    assert "does not exist" in err


def test_internal_error_is_one_line_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr("mbcadvisor.advice.compare.compare_roles", boom)
    _, err = run("compare", "billing", "coding", code=3)
    assert err == (
        "mbc: error: internal error: RuntimeError: kaput; run with MBC_DEBUG=1 for details\n"
    )
    monkeypatch.setenv("MBC_DEBUG", "1")
    result = runner.invoke(app, ["compare", "billing", "coding"])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    out, _ = run(command, "--help")
    assert "Examples:" in out and f"mbc {command}" in out
    assert "--json" in out or command == "help"  # every answer can be had as JSON


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    registered = {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]
    assert registered == set(COMMANDS)
    for command in COMMANDS:
        assert re.search(rf"^mbc {command}\b", readme, re.M), command


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mbcadvisor", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "compare" in result.stdout


def test_piped_output_has_no_ansi_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mbcadvisor", "certs", "--track", "billing"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "100"},
    )
    assert result.returncode == 0 and "\x1b[" not in result.stdout


def test_ascii_terminal_gets_ascii_marks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mbcadvisor", "eligible", "--age", "17"],
        capture_output=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "100", "PYTHONIOENCODING": "ascii", "LANG": "C"},
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")
    assert "[ ] At least 18" in text and "[?] High school diploma" in text


def test_plan_table_and_json() -> None:
    out, _ = run("plan", "--track", "coding", "--age", "17", "--no-diploma")
    assert "1. [ ] High school diploma or GED" in out and "Way 1 of 3" in out
    assert "CPC-A" in out
    out, _ = run("plan", "--track", "coding", "--age", "17")
    assert "1. [?] High school diploma or GED" in out
    out, _ = run(
        "plan", "--track", "billing", "--age", "30", "--diploma", "--budget", "100", "--json"
    )
    data = json.loads(out)
    assert data["track"] == "billing" and data["over_budget_usd"] == 90 and data["budget_note"]
    assert [s["number"] for s in data["steps"]] == list(range(1, len(data["steps"]) + 1))


def test_plan_needs_an_age_and_says_which_option() -> None:
    result = runner.invoke(app, ["plan", "--track", "coding"], input="")
    assert result.exit_code == 2
    assert "add --age, e.g. `mbc plan --track coding --age 30`" in result.stderr


def test_plan_certs_held_and_errors() -> None:
    out, _ = run(
        "plan",
        "--track",
        "coding",
        "--age",
        "30",
        "--ged",
        "--certs",
        "cpc,CCS",
        "--experience-years",
        "3",
        "--json",
    )
    data = json.loads(out)
    assert data["certs_held"] == ["CCS", "CPC"] and data["stage"] == "credentialed"
    assert data["earliest_credential_months"] is None and data["steps"][1]["details"]
    _, err = run("plan", "--track", "nursing", "--age", "30", code=1)
    assert "unknown role 'nursing'" in err
    _, err = run("plan", "--track", "coding", "--age", "30", "--certs", "CPX", code=1)
    assert "unknown certification 'CPX'" in err


def test_match_with_answers() -> None:
    out, _ = run("match", "--answers", "yynnyy")
    assert "Medical coder fits you best: a strong lean, from 6 of 6 answers." in out
    assert "Next: mbc plan --track coding" in out
    out, _ = run("match", "--answers", "payments=yes,phone_email=yes", "--json")
    assert json.loads(out)["track"] == "billing"


def test_match_without_answers_and_no_terminal() -> None:
    result = runner.invoke(app, ["match"], input="")
    assert result.exit_code == 2
    assert "no answers and no terminal to ask in: add --answers" in result.stderr


def test_match_bad_answers() -> None:
    _, err = run("match", "--answers", "yyy", code=1)
    assert "give 6 answers" in err


def test_training() -> None:
    out, _ = run("training")
    for part in ("Training programs", "To enroll", "Ask the school", "Red flags", "Reality checks"):
        assert part in out
    data = json.loads(run("training", "--json")[0])
    assert data["school_questions"] and data["red_flags"]


@pytest.mark.parametrize(
    ("args", "heading"),
    [
        (["compare", "billing", "coding"], "# Medical billing and coding roles compared"),
        (["certs", "--track", "coding"], "# Certifications"),
        (["certs", "CPC"], "# CPC: Certified Professional Coder"),
        (["eligible", "--age", "17"], "# Can I enroll in a training program?"),
        (["pay"], "# Pay nationally (annual, BLS OEWS May 2025)"),
        (["sources"], "# Sources"),
        (["plan", "--track", "coding", "--age", "20"], "# Your plan to become a medical coder"),
        (["match", "--answers", "yynnyy"], "# Which track fits you?"),
        (["training"], "# Training programs"),
    ],
)
def test_markdown_format(args: list[str], heading: str) -> None:
    out, _ = run(*args, "--format", "markdown")
    assert out.startswith(heading)
    assert "\x1b" not in out and "━" not in out


def test_markdown_checklists() -> None:
    out, _ = run("eligible", "--age", "17", "--diploma", "--format", "markdown")
    assert "- [ ] At least 18 years old" in out and "- [x] High school diploma or GED" in out
    out, _ = run("plan", "--track", "coding", "--age", "20", "--ged", "--format", "markdown")
    assert re.search(r"^1\. \[x\] \*\*High school diploma or GED \[[0-9, \u2013]+\]\*\*", out, re.M)


def test_json_and_format_conflict() -> None:
    result = runner.invoke(app, ["pay", "--json", "--format", "markdown"])
    assert result.exit_code == 2


@pytest.mark.parametrize("suffix", [".svg", ".html", ".txt"])
def test_export_saves_what_is_shown(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    out, _ = run("eligible", "--age", "17", "--diploma", "--export", str(target))
    saved = target.read_text()
    assert "Not yet: you are 17" in out
    assert "Not" in saved and "yet" in saved
    if suffix == ".txt":
        assert saved == out


def test_export_of_markdown(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    out, _ = run(
        "plan", "--track", "coding", "--age", "20", "--format", "markdown", "--export", str(target)
    )
    assert target.read_text() == out


@pytest.mark.parametrize(
    ("name", "message"),
    [("out.pdf", "--export needs a file ending in"), ("nofolder/out.svg", "does not exist")],
)
def test_export_bad_target(tmp_path: Path, name: str, message: str) -> None:
    out, err = run("pay", "--export", str(tmp_path / name), code=1)
    assert out == "" and message in err


# --- asking in a terminal, in process (tests/test_terminal.py does it in a real terminal) -----


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import mbcadvisor.cli as cli

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(cli, "_shows_on_a_terminal", lambda: True)


@pytest.mark.usefixtures("at_a_terminal")
def test_eligible_asks_again_until_a_reply_reads() -> None:
    result = runner.invoke(app, ["eligible"], input="abc\n200\n17\nmaybe\nd\n")
    assert result.exit_code == 0, result.stderr
    assert "'abc' is not an age in years" in result.stderr
    assert "age 200 is not plausible" in result.stderr
    assert "answer d (diploma), g (GED) or n (neither)" in result.stderr
    assert "you have a high school diploma" in result.stdout


@pytest.mark.usefixtures("at_a_terminal")
def test_match_asks_six_questions_enter_is_unsure() -> None:
    result = runner.invoke(app, ["match"], input="y\nwhat\n?\nn\n\n\ny\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("6 questions about the work you would enjoy")
    assert "answer 'what' is not one of yes, no, unsure" in result.stderr
    assert "from 3 of 6 answers" in " ".join(result.stdout.split())  # y, n and y


@pytest.mark.usefixtures("at_a_terminal")
def test_start_asks_each_fact_and_checks_each_reply() -> None:
    replies = "19\ng\ny\ny\nn\nn\ny\ny\nlots\n$3,000\nTexsa\nTX\n"
    result = runner.invoke(app, ["start"], input=replies)
    assert result.exit_code == 0, result.stderr
    assert "'lots' is not an amount of dollars" in result.stderr
    assert "unknown state 'Texsa'; did you mean 'Texas'?" in result.stderr
    out = " ".join(result.stdout.split())
    assert "You: age 19, GED, budget $3,000, Texas." in out
    assert "Next: mbc plan --track coding --age 19 --ged --budget 3000" in out


@pytest.mark.usefixtures("at_a_terminal")
def test_start_skips_every_question_on_enter() -> None:
    result = runner.invoke(app, ["start"], input="\n" * 11)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Enroll: give your age to check." in out and "Track: not decided yet." in out
    assert "How old are you? Add --age." in out


@pytest.mark.usefixtures("at_a_terminal")
def test_bare_mbc_offers_start_and_runs_it() -> None:
    result = runner.invoke(app, [], input="y\n" + "\n" * 11)
    assert result.exit_code == 0, result.stderr
    assert (
        "Start here:" in result.stdout
        and "Your start in medical billing and coding" in result.stdout
    )
    declined = runner.invoke(app, [], input="n\n")
    assert declined.exit_code == 0 and "Your start" not in declined.stdout


def test_bare_mbc_in_a_pipe_prints_where_to_start() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "Start here:" in result.stdout and "mbc start --age 19 --ged" in result.stdout
    assert "Usage:" not in result.stdout


def test_start_without_a_terminal_names_what_is_missing() -> None:
    out, _ = run("start", "--state", "texas")
    text = " ".join(out.split())
    assert "How old are you? Add --age." in text
    assert "Do you have a high school diploma or GED? Add --diploma, --ged or --no-diploma." in text
    assert "Which track fits you? (six questions) Add --answers or --track." in text
    data = json.loads(run("start", "--age", "20", "--ged", "--track", "billing", "--json")[0])
    assert data["track"] == "billing" and data["plan"]["track"] == "billing"
    assert data["missing"] == [] and data["eligibility"]["eligible"] is True
