"""The installed `mbc` in real terminals and pipes: widths, encodings, Ctrl-C, closed pipes."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

MBC = [sys.executable, "-m", "mbcadvisor"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MBC_", "COLUMNS", "LINES"))}
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm-256color"
    env["MBC_PAGER"] = "cat"  # no pager unless a test asks for one
    env.update(extra)
    return env


def _screen(args: list[str], columns: int) -> tuple[str, int]:
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], *args],
        dimensions=(200, columns),
        env=_env(),
        encoding="utf-8",
        timeout=30,
    )
    output = child.read()
    child.close()
    return output, child.exitstatus


@pytest.mark.parametrize("columns", [40, 120])
def test_compare_fits_the_terminal(columns: int) -> None:
    output, status = _screen(["compare", "billing", "coding"], columns)
    assert status == 0
    assert "\x1b[" in output  # a real terminal gets colour
    text = _strip_ansi(output)
    assert "Medical biller" in text and "Medical coder" in text
    assert max(len(line) for line in text.splitlines()) <= columns


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_eligible_and_plan_fit_the_terminal(columns: int) -> None:
    for args in (
        ["eligible", "--age", "17", "--diploma"],
        ["plan", "--track", "coding", "--age", "17", "--no-diploma"],
        ["match", "--answers", "nnnnnn"],
        [
            "start",
            "--age",
            "19",
            "--ged",
            "--answers",
            "yynnyy",
            "--budget",
            "3000",
            "--state",
            "TX",
        ],
    ):
        output, status = _screen(args, columns)
        assert status == 0, output
        text = _strip_ansi(output)
        long = [line for line in text.splitlines() if len(line) > columns]
        assert all(line.strip().startswith("http") for line in long), long  # whole URLs only


def _ask(args: list[str], replies: list[tuple[str, str]], columns: int = 80) -> str:
    """Run in a terminal, answering each prompt (a pattern) with its reply."""
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], *args],
        dimensions=(200, columns),
        env=_env(NO_COLOR="1"),
        encoding="utf-8",
        timeout=30,
    )
    seen = io.StringIO()
    child.logfile_read = seen
    for prompt, reply in replies:
        child.expect(prompt)
        child.sendline(reply)
    child.read()
    child.close()
    assert child.exitstatus == 0, seen.getvalue()
    return _strip_ansi(seen.getvalue()).replace("\r\n", "\n")


def test_eligible_asks_what_was_not_given() -> None:
    text = _ask(
        ["eligible"],
        [("How old are you", "abc"), ("How old are you", "17"), ("diploma or GED", "d")],
    )
    assert "is not an age in years" in text  # a bad reply is asked again
    assert "[✓] High school diploma or GED: you have a high school diploma" in text
    assert "finish high school" not in text.casefold()


def test_eligible_skipped_question_answers_both_cases() -> None:
    text = _ask(["eligible", "--age", "19"], [("diploma or GED", "")])
    assert "With a diploma or GED" in text and "Without a diploma or GED" in text


def test_plan_asks_for_the_age() -> None:
    text = _ask(["plan", "--track", "coding", "--ged"], [("How old are you", "45")])
    assert "Your plan to become a medical coder (age 45, GED)" in text


def test_match_introduces_and_asks_six_questions() -> None:
    replies = [
        (r"1/6\.", "y"),
        (r"2/6\.", "y"),
        (r"3/6\.", "n"),
        (r"4/6\.", ""),
        (r"5/6\.", "y"),
        (r"6/6\.", "y"),
    ]
    text = _ask(["match"], replies, columns=40)
    assert "6 questions about the work you would enjoy" in text
    assert "Press Enter to skip a question" in text
    assert "a strong lean, from 5 of 6 answers" in " ".join(text.split())


def test_start_asks_everything_and_hands_over() -> None:
    replies = [
        ("How old are you", "19"),
        ("diploma or GED", "g"),
        (r"1/6\.", "y"),
        (r"2/6\.", "y"),
        (r"3/6\.", "n"),
        (r"4/6\.", "n"),
        (r"5/6\.", "y"),
        (r"6/6\.", "y"),
        ("How much can you spend", "$3,000"),
        ("Which state", "Texsa"),
        ("Which state", "TX"),
    ]
    text = _ask(["start"], replies)
    assert "did you mean 'Texas'" in text
    assert "You: age 19, GED, budget $3,000, TX." in text or "Texas" in text
    assert "Next: mbc plan --track coding --age 19 --ged --budget 3000" in text


def test_bare_mbc_offers_start() -> None:
    skipped = [
        (r"1/6\.", ""),
        (r"2/6\.", ""),
        (r"3/6\.", ""),
        (r"4/6\.", ""),
        (r"5/6\.", ""),
        (r"6/6\.", ""),
    ]
    replies = [
        ("Start now", "y"),
        ("How old are you", ""),
        ("diploma or GED", ""),
        *skipped,
        ("How much", ""),
        ("Which state", ""),
    ]
    text = _ask([], replies)
    assert "Start here:" in text and "Your start in medical billing and coding" in text
    assert "Enroll: give your age to check." in text


def test_no_color_in_a_terminal() -> None:
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "certs", "--track", "billing"],
        dimensions=(100, 100),
        env=_env(NO_COLOR="1"),
        encoding="utf-8",
        timeout=30,
    )
    output = child.read()
    child.close()
    import re

    assert not re.search(r"\x1b\[[0-9;]*(3[0-8]|9[0-7])[;m]", output) and "CPB" in output


def test_ctrl_c_exits_130_quietly() -> None:
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "match"],
        dimensions=(40, 100),
        env=_env(),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"\[y/n/\?\]")
    child.sendintr()
    rest = child.read()
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in rest


def test_interactive_match() -> None:
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "match"],
        dimensions=(40, 120),
        env=_env(),
        encoding="utf-8",
        timeout=30,
    )
    for answer in ["y", "y", "maybe", "n", "n", "y", "y"]:
        child.expect(r"\[y/n/\?\]")
        child.sendline(answer)
    rest = _strip_ansi(child.read())
    child.close()
    assert child.exitstatus == 0
    assert "Medical coder fits you best" in rest


def test_force_color_through_a_pipe() -> None:
    result = subprocess.run(
        [*MBC, "eligible", "--age", "17"],
        capture_output=True,
        text=True,
        env=_env(FORCE_COLOR="1"),
        check=False,
    )
    assert result.returncode == 0 and "\x1b[" in result.stdout


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
def test_closed_pipe_ends_quietly() -> None:
    command = " ".join(f"'{part}'" for part in MBC) + " sources | head -1"
    result = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, env=_env(), check=False
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_ascii_only_locale() -> None:
    for args in (
        ["eligible", "--age", "17"],
        ["pay"],
        ["plan", "--track", "coding", "--age", "17"],
        ["certs", "--track", "billing"],
    ):
        result = subprocess.run(
            [*MBC, *args],
            capture_output=True,
            env=_env(PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C", COLUMNS="80"),
            check=False,
        )
        assert result.returncode == 0, (args, result.stderr)
        result.stdout.decode("ascii")


def test_dumb_terminal_gets_plain_lines() -> None:
    result = subprocess.run(
        [*MBC, "certs", "--track", "billing"],
        capture_output=True,
        text=True,
        env=_env(TERM="dumb"),
        check=False,
    )
    assert result.returncode == 0
    assert "━" not in result.stdout and "\tCertified Professional Biller\t" in result.stdout


def _strip_ansi(text: str) -> str:
    import re

    osc = r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # ended by BEL or ST (OSC 8 links)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|" + osc, "", text).replace("\r", "")


def test_strip_ansi() -> None:
    assert _strip_ansi("\x1b[1mhi\x1b[0m\r") == "hi"


def test_helpers_exist() -> None:
    assert Path(MBC[0]).exists()


# --- links and the pager ---------------------------------------------------------------------


def test_addresses_are_hyperlinks_in_a_terminal_only() -> None:
    def run(**extra: str) -> str:
        child = pexpect.spawn(
            MBC[0],
            [*MBC[1:], "explain", "cpt"],
            dimensions=(100, 80),
            env=_env(**extra),
            encoding="utf-8",
            timeout=30,
        )
        output: str = child.read()
        child.close()
        return output

    link = "\x1b]8;"
    assert link in run() and "https://www.ama-assn.org/" in run()
    assert link not in run(NO_COLOR="1")
    assert link not in run(TERM="dumb")
    piped = subprocess.run([*MBC, "explain", "cpt"], capture_output=True, text=True, env=_env())
    assert link not in piped.stdout and "https://www.ama-assn.org/" in piped.stdout


def test_a_long_answer_goes_through_the_pager(tmp_path: Path) -> None:
    seen = tmp_path / "paged.txt"
    pager = f"cat > {seen}"
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "training"],
        dimensions=(30, 80),
        env=_env(MBC_PAGER=pager),
        encoding="utf-8",
        timeout=30,
    )
    child.read()
    child.close()
    assert child.exitstatus == 0
    assert "Training programs" in seen.read_text()  # the whole answer went to the pager
    # a short answer is printed straight away; so is anything with --no-pager
    for args in (
        ["explain", "cpt", "--no-pager"],
        ["--no-pager", "training"],
        ["eligible", "--age", "19", "--ged"],
    ):
        seen.unlink(missing_ok=True)
        child = pexpect.spawn(
            MBC[0],
            [*MBC[1:], *args],
            dimensions=(60, 100),
            env=_env(MBC_PAGER=pager),
            encoding="utf-8",
            timeout=30,
        )
        output = child.read()
        child.close()
        if args[0] != "--no-pager":
            assert not seen.exists(), args
        assert child.exitstatus == 0 and len(output) > 100, args


def test_less_is_the_default_pager_and_q_quits() -> None:
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "training"],
        dimensions=(24, 80),
        env=_env(MBC_PAGER="", PAGER=""),
        encoding="utf-8",
        timeout=30,
    )
    child.read()  # MBC_PAGER='' turns paging off: printed whole, no wait
    child.close()
    assert child.exitstatus == 0
    env = _env()
    env.pop("MBC_PAGER")
    env.pop("PAGER", None)
    env.pop("LESS", None)
    child = pexpect.spawn(
        MBC[0],
        [*MBC[1:], "training"],
        dimensions=(24, 80),
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("Training programs")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
