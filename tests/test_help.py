"""Help that fits: whole descriptions, `mbc help [COMMAND]`, readable at 40 columns, and
examples on every command that every shell reads as written."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from mbcadvisor.cli import COMMAND_ORDER, app

runner = CliRunner()
COMMANDS = [
    ["start"],
    ["compare"],
    ["certs"],
    ["eligible"],
    ["plan"],
    ["match"],
    ["training"],
    ["pay"],
    ["explain"],
    ["sources"],
    ["data", "validate"],
    ["data", "schema"],
    ["help"],
]


def _help(*args: str, columns: int = 80) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _examples(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if line.startswith("  ") and line.strip().startswith("mbc ")
    ]


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_the_command_list_is_whole_and_starts_with_start(columns: int) -> None:
    text = _help(columns=columns)
    listed = text[text.index("Commands:") :]
    assert "..." not in listed  # no description cut short
    names = [line.split()[0] for line in listed.splitlines()[1:] if re.match(r"  \S", line)]
    assert names == [n for n in COMMAND_ORDER if n in names] and names[0] == "start"
    assert "help" in names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_fits_forty_columns(command: list[str]) -> None:
    """Everything but an example line (a command to copy, which the terminal may wrap but mbc
    must not break) fits 40 columns."""
    text = _help(*command, columns=40)
    for line in text.splitlines():
        if line.strip().startswith("mbc "):
            continue
        assert len(line) <= 40, line


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_examples_that_run(command: list[str]) -> None:
    examples = _examples(_help(*command))
    assert examples, "every command shows examples"
    for example in examples:
        words = shlex.split(example.split(" > ")[0])
        assert words[:1] == ["mbc"]
        result = runner.invoke(app, [*words[1:], "--help"])
        assert result.exit_code == 0, (example, result.output)


def test_mbc_help_is_the_help() -> None:
    assert runner.invoke(app, ["help"]).stdout == runner.invoke(app, ["--help"]).stdout
    plan = runner.invoke(app, ["help", "plan"])
    assert plan.exit_code == 0 and plan.stdout == runner.invoke(app, ["plan", "--help"]).stdout
    nested = runner.invoke(app, ["help", "data", "validate"])
    assert nested.exit_code == 0 and "Usage: mbc data validate" in nested.stdout
    wrong = runner.invoke(app, ["help", "pln"])
    assert wrong.exit_code == 2 and "no command 'pln'; did you mean 'plan'?" in wrong.stderr


SHELLS = {
    "bash": ["bash", "-c"],
    "zsh": ["zsh", "-f", "-c"],  # no user files; zsh's defaults (no globbing surprises hidden)
    "fish": ["fish", "--no-config", "-c"],
}


@pytest.mark.parametrize("shell", SHELLS)
def test_examples_read_the_same_in_every_shell(shell: str) -> None:
    """Each example, as printed, gives mbc the same words in bash, zsh and fish: a `?` or `*`
    left unquoted would be a glob (zsh stops with 'no matches found'), a `#` a comment."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    examples = sorted({e for c in COMMANDS for e in _examples(_help(*c))})
    for example in examples:
        line = example.split(" > ")[0]  # a redirection is the shell's, not mbc's
        expected = shlex.split(line)[1:]
        script = "printf '%s\\n' " + line.removeprefix("mbc ")
        ran = subprocess.run(
            [*SHELLS[shell], script], capture_output=True, text=True, timeout=20, cwd="/"
        )
        assert ran.returncode == 0, (example, ran.stderr)
        assert ran.stdout.splitlines() == expected, example


def test_examples_quote_what_a_shell_would_change() -> None:
    examples = {e for c in COMMANDS for e in _examples(_help(*c))}
    for example in examples:
        for word in re.findall(r"(?:'[^']*'|\S)+", example):
            if any(ch in word for ch in "?*[#"):
                assert word.startswith("'") or word.startswith('"'), example
