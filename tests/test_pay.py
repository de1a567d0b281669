"""Pay from the BLS OEWS May 2025 release: one release for every figure, compare and pay agree,
states, areas and industries answer, the tables are validated like every other file, and the
packaged tables are exactly what the importer makes of BLS's release."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbcadvisor.cli import _complete, app
from mbcadvisor.datafiles import packaged_data_dir
from mbcadvisor.validation import check_dir

from .conftest import ROOT, VALID

runner = CliRunner()


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result.stdout, result.stderr


def as_json(*args: str) -> dict:  # type: ignore[type-arg]
    out, _ = run(*args, "--json")
    data: dict = json.loads(out)  # type: ignore[type-arg]
    return data


# --- one release, everywhere ------------------------------------------------------------------


def test_compare_and_pay_show_the_same_figures() -> None:
    compared = as_json("compare", "billing", "coding")
    paid = as_json("pay")
    national = {g["role"]: g["rows"][-1]["estimate"] for g in paid["groups"]}
    for role in compared["roles"]:
        figures = {f["statistic"]: f["annual"] for f in role["pay"]["figures"]}
        row = national[role["id"]]
        assert figures == {
            "median": row["annual_median"],
            "mean": row["annual_mean"],
            "p90": row["annual_p90"],
        }
        assert role["pay"]["release"] == paid["release"] == "May 2025"
    # the official national medians of May 2025 (oe.data.0.Current)
    assert national["coding"]["annual_median"] == 51140
    assert national["billing"]["annual_median"] == 48500


def test_compare_and_pay_agree_in_a_state() -> None:
    compared = as_json("compare", "billing", "coding", "--state", "TX")
    paid = as_json("pay", "--state", "texas")
    assert compared["place"] == paid["place"] == "Texas"
    in_texas = {g["role"]: g["rows"][0]["estimate"] for g in paid["groups"]}
    for role in compared["roles"]:
        median = next(f["annual"] for f in role["pay"]["figures"] if f["statistic"] == "median")
        assert median == in_texas[role["id"]]["annual_median"]
        assert role["pay"]["place"] == "Texas"


@pytest.mark.parametrize(
    "args", [["compare", "billing", "coding"], ["pay"], ["pay", "--state", "CA"]]
)
def test_no_figure_from_another_year(args: list[str]) -> None:
    out, _ = run(*args, "--plain")
    for line in out.splitlines():
        if any(year in line for year in ("May 2021", "May 2022", "May 2023", "May 2024")):
            assert "The source article said" in line  # only where the article is checked
    assert "May 2025" in out


def test_the_ladder_shows_each_steps_pay() -> None:
    role = as_json("compare", "billing", "coding")["roles"][1]
    steps = {s["step"]: s for s in role["career_path"]}
    manage = steps["Manage a medical office"]
    assert manage["soc"] == "11-9111" and manage["median_annual"] == 123860
    out, _ = run("compare", "billing", "coding", "--plain")
    assert "Manage a medical office: median $123,860 a year" in out
    plan, _ = run("plan", "--track", "coding", "--age", "30", "--diploma")
    assert "$123,860" in plan


def test_the_article_figures_are_checked_in_one_line_each() -> None:
    out, _ = run("pay")
    coder = next(line for line in out.split("\n\n") if "$51,090" in line)
    assert "May 2022 mean and 90th percentile" in coder and "$56,790" in coder
    biller = next(line for line in out.split("\n\n") if "$44,800" in line)
    assert "No BLS table found" in biller and "$51,070" in biller


def test_outlook_is_one_period_for_both_roles() -> None:
    roles = as_json("compare", "billing", "coding")["roles"]
    assert {r["outlook"]["period"] for r in roles} == {"2024-34"}
    out, _ = run("compare", "billing", "coding")
    assert "2023-33" not in out and "Financial clerks" not in out


# --- states, areas, industries -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["TX", "tx", "Texas", "TEXAS", " texas "])
def test_a_state_by_name_or_postal_code(name: str) -> None:
    assert as_json("pay", "coding", "--state", name)["place"] == "Texas"


def test_territories_answer_by_name() -> None:
    assert as_json("pay", "billing", "--state", "guam")["place"] == "Guam"
    assert as_json("pay", "billing", "--state", "PR")["place"] == "Puerto Rico"


def test_an_unknown_state_suggests() -> None:
    _, err = run("pay", "--state", "Texs", code=1)
    assert err == "mbc: error: unknown state 'Texs'; did you mean 'Texas'?\n"
    _, err = run("pay", "--state", "XX", code=1)
    assert "known: AK, AL" in err and "Guam" in err and "48" not in err


def test_an_area_by_part_of_its_name() -> None:
    data = as_json("pay", "coding", "--area", "austin")
    assert data["place"] == "Austin-Round Rock-San Marcos, TX"
    places = [r["place"] for r in data["groups"][0]["rows"]]
    assert places == ["Austin-Round Rock-San Marcos, TX", "Texas", "National"]
    assert data["groups"][0]["rows"][0]["estimate"]["area_type"] == "M"


def test_an_ambiguous_or_unknown_area_names_the_candidates() -> None:
    _, err = run("pay", "--area", "springfield", code=1)
    assert "matches 5 areas" in err and "Springfield, IL" in err and "Type more" in err
    _, err = run("pay", "--area", "springfeld", code=1)
    assert "did you mean 'Springfield" in err
    _, err = run("pay", "--area", "Springfield, MO")
    assert err == ""


def test_every_state_ranked() -> None:
    data = as_json("pay", "billing", "--states")
    medians = [r["annual_median"] for r in data["rows"] if isinstance(r["annual_median"], float)]
    assert medians == sorted(medians, reverse=True)
    assert len(data["rows"]) >= 50 and data["national"]["area_type"] == "N"
    out, _ = run("pay", "billing", "--states")
    assert "National" in out and "Texas (TX)" in out


def test_industries_employing_and_paying_most() -> None:
    data = as_json("pay", "coding", "--industry")
    employed = [r["employment"] for r in data["most_employed"]]
    assert employed == sorted(employed, reverse=True) and len(employed) == 10
    assert all(r["employment"] >= data["least_employment"] for r in data["best_paid"])
    out, _ = run("pay", "coding", "--industry")
    assert "General Medical and Surgical Hospitals" in out and "Offices of Physicians" in out


def test_hourly_everywhere() -> None:
    out, _ = run("pay", "coding", "--state", "TX", "--hourly")
    assert "an hour" in out and "$23.49" in out  # Texas hourly median, May 2025


def test_markers_read_as_words() -> None:
    out, _ = run("pay", "coding", "--state", "california", "--data-dir", str(VALID))
    assert "p90\u00a0at least $239,200" in out  # '#': BLS's top code (a made-up fixture cell)
    out, _ = run("pay", "billing", "--area", "nonmetropolitan", "--data-dir", str(VALID))
    assert "employed: not released" in out  # '*': estimate not released


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pay", "--states"], "--states needs one role"),
        (["pay", "coding", "--states", "--industry"], "give one of"),
        (["pay", "coding", "--state", "TX", "--industry"], "give one of"),
        (["pay", "coding", "--by-credential"], "give no role"),
    ],
)
def test_pay_options_that_do_not_go_together(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.stderr


def test_completion_of_states_and_areas() -> None:
    assert _complete("state")("Tex") == ["Texas"]
    assert "TX" in _complete("state")("TX")
    assert _complete("area")("Austin") == ["Austin-Round Rock-San Marcos, TX"]


# --- AAPC's survey, apart from BLS ---------------------------------------------------------------


def test_survey_by_credential_is_labelled() -> None:
    out, _ = run("pay", "--by-credential")
    assert out.startswith("AAPC members' self-reported salary survey (not BLS figures)")
    assert "CPCO holders" in out and "$80,550" in out and "2021" in out
    cert, _ = run("certs", "CPC")
    assert "AAPC members' self-reported salary survey, 2018: average $54,401" in cert
    data = json.loads(runner.invoke(app, ["pay", "--by-credential", "--json"]).stdout)
    assert all(f["survey_year"] for f in data["figures"])


# --- the tables are data like every other file --------------------------------------------------


def _table(tmp_path: Path, name: str, edit: str, old: str = "") -> Path:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    path = data / "oews" / name
    text = path.read_text()
    lines = text.splitlines(keepends=True)
    if old:
        text = text.replace(old, edit, 1)
    else:
        lines.insert(2, edit)
        text = "".join(lines)
    path.write_text(text)
    return data


@pytest.mark.parametrize(
    ("name", "old", "new", "expect"),
    [
        ("national.csv", "soc,area_type", "soc;area_type", "national.csv:1:1  the header must be"),
        ("national.csv", "194720,1.1,", "194720,", "national.csv:3  25 fields, not 26"),
        ("national.csv", ",51140,", ",lots,", "national.csv:3:23  annual_median  Input should be"),
        ("national.csv", ",51140,", ",91140,", "national.csv:3  Value error, annual percentiles"),
        ("national.csv", "29-2072,N,", "29-2072,S,", "national.csv:3:2  area_type  a national row"),
        ("states.csv", "29-2072,S,", "25-1071,S,", "states.csv:5:1  soc  no occupation '25-1071'"),
        ("areas.csv", '"Springfield, IL"', '"Spring\x1bfield, IL"', "control character U+001B"),
    ],
)
def test_a_broken_table_is_located(
    name: str, old: str, new: str, expect: str, tmp_path: Path
) -> None:
    data = _table(tmp_path, name, new, old)
    _, issues = check_dir(data)
    assert any(expect in str(i) for i in issues), [str(i) for i in issues]
    result = runner.invoke(app, ["data", "validate", str(data)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_broken_table_fails_the_command_that_reads_it(tmp_path: Path) -> None:
    data = _table(tmp_path, "areas.csv", ",lots,", ",126110,")
    result = runner.invoke(app, ["pay", "--area", "austin", "--data-dir", str(data)])
    assert (
        result.exit_code == 1 and "areas.csv:" in result.stderr and "annual_median" in result.stderr
    )
    # commands that do not read the areas table still answer
    assert runner.invoke(app, ["pay", "--data-dir", str(data)]).exit_code == 0


def test_a_duplicate_row_and_a_missing_national_row(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    states = (data / "oews" / "states.csv").read_text().splitlines(keepends=True)
    (data / "oews" / "states.csv").write_text("".join([*states, states[1]]))
    national = (data / "oews" / "national.csv").read_text().splitlines(keepends=True)
    (data / "oews" / "national.csv").write_text(
        "".join(line for line in national if not line.startswith("43-3021"))
    )
    _, issues = check_dir(data)
    text = [str(i) for i in issues]
    assert any("no national row for 43-3021" in t for t in text), text


def test_packaged_tables_validate() -> None:
    catalog, issues = check_dir(packaged_data_dir())
    assert issues == [] and catalog is not None
    assert {o.soc for o in catalog.occupations} == {r.soc for r in catalog.national}


# --- the importer reproduces the packaged tables --------------------------------------------------


def test_the_importer_reproduces_the_packaged_tables_byte_for_byte(
    oews_snapshot: Path, tmp_path: Path
) -> None:
    import yaml

    snapshot = oews_snapshot
    data = packaged_data_dir()
    release = yaml.safe_load((data / "oews" / "release.yaml").read_text())
    out = tmp_path / "oews"
    sqlite = snapshot / "oews-2025.sqlite.gz"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "import_oews.py"),
            "--sqlite", str(sqlite),
            "--manifest", str(snapshot / "manifest.json"),
            "--via", release["read_through"],
            "--occupations", str(data / "occupations.yaml"),
            "--read-on", str(release["read_on"]),
            "--out", str(out),
        ],
        check=True,
        timeout=300,
    )  # fmt: skip
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(p.name for p in (data / "oews").iterdir())
    for name in made:
        assert (out / name).read_bytes() == (data / "oews" / name).read_bytes(), name
