"""Shared fixtures: fixed terminal width and colour, the fixture catalog, golden-file updating."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mbcadvisor.loader import load_catalog
from mbcadvisor.models import Catalog

HERE = Path(__file__).parent
VALID = HERE / "fixtures" / "valid"
INVALID = HERE / "fixtures" / "invalid"
GOLDEN = HERE / "golden"
ROOT = HERE.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output instead of comparing with it.",
    )


@pytest.fixture(scope="session", autouse=True)
def _session_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The session's catalogs come from the packaged data and a cache folder of the session's
    own, whatever the environment of the shell that runs the tests says."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MBC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        for name in ("MBC_DATA_DIR", "MBC_NO_CACHE", "MBC_DEBUG"):
            patch.delenv(name, raising=False)
        yield


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test sees the same 100-column, colourless terminal, the packaged data and a cache
    folder of the test session's own (never the user's)."""
    monkeypatch.setenv("MBC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("MBC_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("MBC_DATA_DIR", raising=False)
    monkeypatch.delenv("MBC_DEBUG", raising=False)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The small fixture catalog in tests/fixtures/valid."""
    return load_catalog(VALID)


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    """The packaged data."""
    return load_catalog()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
