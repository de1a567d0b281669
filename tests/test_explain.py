"""The glossary (mbc explain), apprentice designations (mbc certs CPC-A), a certification's
sources in full (--sources) and the maintainers' source check (mbc sources --check)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mbcadvisor.cli import _complete, app

runner = CliRunner()

# the words the output uses that a first-time reader must be able to look up
REQUIRED_TERMS = [
    "cpt", "icd-10-cm", "icd-10-pcs", "hcpcs", "ceu", "scaled-score", "open-book",
    "apprentice", "remote-proctored", "soc", "percentile", "median", "oews",
    "revenue-cycle", "claim-denial", "drg",
]  # fmt: skip


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_every_required_term_is_explained_with_a_source(term: str) -> None:
    result = runner.invoke(app, ["explain", term, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["term"]["definition"] and data["term"]["sources"]


@pytest.mark.parametrize(("typed", "found"), [("CPT", "cpt"), ("Scaled Score", "scaled-score"),
                                              ("cpc-a", "apprentice")])  # fmt: skip
def test_terms_by_any_name(typed: str, found: str) -> None:
    data = json.loads(runner.invoke(app, ["explain", typed, "--json"]).stdout)
    assert data["term"]["id"] == found


def test_an_unknown_term_suggests() -> None:
    result = runner.invoke(app, ["explain", "cptt"])
    assert result.exit_code == 1 and "did you mean 'cpt'" in result.stderr


def test_the_glossary_lists_every_term() -> None:
    result = runner.invoke(app, ["explain", "--plain"])
    assert result.exit_code == 0
    for term in ("CPT", "Median", "Scaled score"):
        assert term in result.stdout


def test_completion_of_terms() -> None:
    assert _complete("term")("icd") == ["icd-10-cm", "icd-10-pcs"]


@pytest.mark.parametrize("name", ["CPC-A", "cpc-a", "COC-A"])
def test_an_apprentice_designation_is_explained(name: str) -> None:
    result = runner.invoke(app, ["certs", name])
    assert result.exit_code == 0, result.stderr
    assert "apprentice" in result.stdout.lower() and "How the A is removed" in result.stdout
    assert "2 years" in result.stdout
    data = json.loads(runner.invoke(app, ["certs", name, "--json"]).stdout)
    assert data["designation"] == name.upper()


def test_curation_only_with_sources_or_json() -> None:
    plain = runner.invoke(app, ["certs", "CCA"]).stdout
    full = runner.invoke(app, ["certs", "CCA", "--sources"]).stdout
    data = json.loads(runner.invoke(app, ["certs", "CCA", "--json"]).stdout)
    assert data["curation"]
    marker = data["curation"][0][:30]
    assert marker not in " ".join(plain.split())
    assert "For maintainers" in full and "read 2026-11-27" in full
    result = runner.invoke(app, ["certs", "--sources"])
    assert result.exit_code == 2 and "give its ID" in result.stderr


def test_the_source_check_for_maintainers() -> None:
    data = json.loads(runner.invoke(app, ["sources", "--check", "--json"]).stdout)
    assert set(data) == {"today", "stale_after_years", "old_pages", "undated_pages",
                         "secondary_only", "all_stale"}  # fmt: skip
    assert all(page["stale"] for page in data["old_pages"])
    records = [r["record"] for r in data["secondary_only"]]
    assert any(r.startswith("cert ") for r in records)
    out = runner.invoke(app, ["sources", "--check"]).stdout
    assert "Pages dated more than 2 years ago" in out
    result = runner.invoke(app, ["sources", "--check", "--stale"])
    assert result.exit_code == 2
