"""The installed `mbc` in real terminals and pipes: widths, encodings, Ctrl-C, closed pipes."""

from __future__ import annotations

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


@pytest.mark.parametrize("columns", [40, 120])
def test_eligible_and_plan_fit_the_terminal(columns: int) -> None:
    for args in (["eligible", "--age", "17"], ["plan", "--track", "coding", "--age", "17"]):
        output, status = _screen(args, columns)
        assert status == 0, output
        text = _strip_ansi(output)
        assert max(len(line) for line in text.splitlines()) <= columns, args


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

    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", text).replace("\r", "")


def test_strip_ansi() -> None:
    assert _strip_ansi("\x1b[1mhi\x1b[0m\r") == "hi"


def test_helpers_exist() -> None:
    assert Path(MBC[0]).exists()
