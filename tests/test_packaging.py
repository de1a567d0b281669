"""The wheel a user installs: it carries the data and `mbc` runs from any folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the project's wheel installed; returns its bin folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = (tmp / "dist").glob("mbcadvisor-*.whl")
    venv.create(tmp / "venv", with_pip=True)
    bindir = tmp / "venv" / "bin"
    subprocess.run(
        [
            str(bindir / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
    )
    return bindir


def _run(bindir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MBC_", "PYTHON"))}
    env["COLUMNS"] = "100"
    return subprocess.run(
        [str(bindir / "mbc"), *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def test_wheel_runs_compare_from_anywhere(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "compare", "billing", "coding")
    assert result.returncode == 0, result.stderr
    assert "Medical biller" in result.stdout and "Medical coder" in result.stdout


def test_wheel_has_all_commands(installed: Path, tmp_path: Path) -> None:
    for args in (
        ["certs", "--track", "coding"],
        ["eligible", "--age", "19", "--ged"],
        ["pay"],
        ["sources", "--stale"],
        ["--version"],
    ):
        result = _run(installed, tmp_path, *args)
        assert result.returncode == 0, (args, result.stderr)


def test_screenshot_script_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path / "img")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shots = sorted(p.name for p in (tmp_path / "img").glob("*.svg"))
    assert "compare.svg" in shots and "plan.svg" in shots and len(shots) == 9
    assert "<svg" in (tmp_path / "img" / "compare.svg").read_text()
    sources = (tmp_path / "img" / "sources.svg").read_text()
    assert "2024-11-27" in sources  # MBC_TODAY: two years before 2026-11-27, whatever the day
    page = (tmp_path / "handout-plan.html").read_text()
    assert "Prepared on November 27, 2026" in page and "Sample student" in page
    if shutil.which("chromium"):
        assert (tmp_path / "img" / "handout-plan.png").read_bytes().startswith(b"\x89PNG")


def test_the_readme_pictures_stay_small() -> None:
    from scripts.screenshots import LARGEST, SHOTS

    assert SHOTS["sources"] == ["sources", "--stale"]
    for picture in (ROOT / "docs" / "img").iterdir():
        assert picture.stat().st_size <= LARGEST, picture.name


def test_startup_benchmark_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "startup.py"), "--runs", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "mbc compare billing coding" in result.stdout and "x floor" in result.stdout


def test_ci_runs_the_readme_test_command_exactly() -> None:
    """The README's second command (install the test extras, run the suite) is what CI runs."""
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    install, test = blocks[0], blocks[1]
    assert "pip install ." in install and "mbc compare billing coding" in install
    assert "python -m venv" in test or "python3 -m venv" in test  # works on PEP 668 systems
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert ci[-1] == test
