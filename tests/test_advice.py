"""Advice on the fixture catalog: exact answers, plus properties that must hold for any input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbcadvisor.advice.certs import CertFilters, cert_detail, list_certs
from mbcadvisor.advice.compare import compare_roles
from mbcadvisor.advice.eligibility import eligibility
from mbcadvisor.advice.names import find_role
from mbcadvisor.advice.pay import pay_report
from mbcadvisor.advice.sources import sources_report, stale_cutoff
from mbcadvisor.errors import MbcError, UnknownNameError
from mbcadvisor.loader import load_catalog
from mbcadvisor.models import Catalog, Schooling

from .conftest import VALID

CATALOG = load_catalog(VALID)
ROLE_NAMES = ["billing", "coding", "biller", "Billers", "MEDICAL-BILLING", "coder", "coders"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("billing", "billing"),
        ("Biller", "billing"),
        ("billers", "billing"),
        ("medical-billing", "billing"),
        ("medical billing", "billing"),
        ("  CODER ", "coding"),
        ("coders", "coding"),
        ("medical_coding", "coding"),
    ],
)
def test_role_names_and_aliases(catalog: Catalog, name: str, expected: str) -> None:
    assert find_role(catalog, name).id == expected


def test_unknown_role_suggests(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError) as info:
        find_role(catalog, "codng")
    assert str(info.value) == "unknown role 'codng'; did you mean 'coding'?"


def test_unknown_role_without_close_match_lists_known(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError) as info:
        find_role(catalog, "astronaut")
    assert str(info.value) == "unknown role 'astronaut'; known: billing, coding"


def test_empty_name_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(MbcError, match="role name is empty"):
        find_role(catalog, "  ")


def test_compare_two_roles(catalog: Catalog) -> None:
    result = compare_roles(catalog, ["billing", "coder"])
    assert [r.id for r in result.roles] == ["billing", "coding"]
    coding = result.roles[1]
    stats = {f.statistic: f.annual for f in coding.pay.figures}
    assert stats == {"median": 51140, "mean": 56790, "p90": 81150}  # BLS May 2025, national
    assert coding.pay.release == result.release == "May 2025" and coding.pay.place == "National"
    assert [c.id for c in coding.certs] == ["CPC", "CCS"]
    assert coding.outlook.period == "2024-34" and coding.outlook.growth_percent == 7
    billing = result.roles[0]
    assert billing.outlook.period == coding.outlook.period  # one period for both roles
    assert {f.statistic: f.annual for f in billing.pay.figures}["median"] == 48500
    ladder = {s.step: s.median_annual for s in billing.career_path}
    assert ladder == {"Specialize": None, "Manage an office": 123860}


def test_compare_needs_two_different_roles(catalog: Catalog) -> None:
    with pytest.raises(MbcError, match="two different roles"):
        compare_roles(catalog, ["billing", "biller"])


@given(st.sampled_from(ROLE_NAMES), st.sampled_from(ROLE_NAMES))
def test_compare_mirrors(a: str, b: str) -> None:
    if find_role(CATALOG, a) == find_role(CATALOG, b):
        return
    ab = compare_roles(CATALOG, [a, b])
    ba = compare_roles(CATALOG, [b, a])
    assert ab.roles == list(reversed(ba.roles))


@settings(max_examples=200)
@given(st.text(max_size=30))
def test_any_role_name_resolves_or_says_why(name: str) -> None:
    try:
        role = find_role(CATALOG, name)
    except MbcError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert role in CATALOG.roles


def test_certs_by_track(catalog: Catalog) -> None:
    listing = list_certs(catalog, CertFilters(track="coding"))
    assert [g.track for g in listing.groups] == ["coding"]
    # entry level first, the common first credential first among them
    assert [c.id for c in listing.groups[0].certs] == ["CPC", "CCS", "CPMA"]
    assert listing.groups[0].first_choice == ["CPC"]


def test_certs_grouped_by_first_track(catalog: Catalog) -> None:
    listing = list_certs(catalog, CertFilters())
    assert {g.track: [c.id for c in g.certs] for g in listing.groups} == {
        "billing": ["CPB", "CMRS"],
        "coding": ["CPC", "CCS"],
        "auditing": ["CPMA"],
    }
    assert listing.count == 5


def test_certs_filters(catalog: Catalog) -> None:
    def ids(**kw: object) -> list[str]:
        listing = list_certs(catalog, CertFilters(**kw))  # type: ignore[arg-type]
        return sorted(c.id for g in listing.groups for c in g.certs)

    assert ids(body="aapc") == ["CPB", "CPC", "CPMA"]
    assert ids(level="advanced") == ["CCS", "CPMA"]
    assert ids(max_fee=350) == ["CCS", "CMRS"]  # CCS: member price 299
    assert ids(remote=True) == ["CMRS", "CPB", "CPC"]
    assert ids(remote=False) == ["CCS", "CPMA"]


def test_certs_sort_by_fee_puts_unknown_last(catalog: Catalog) -> None:
    listing = list_certs(catalog, CertFilters(sort="fee"))
    order = [c.id for g in listing.groups for c in g.certs]
    assert order == ["CMRS", "CPB", "CPC", "CCS", "CPMA"]  # by level, then by fee


def test_cert_detail_any_case(catalog: Catalog) -> None:
    detail = cert_detail(catalog, "cpc")
    assert detail.cert.id == "CPC" and detail.body.acronym == "AAPC"
    assert detail.payload()["id"] == "CPC"
    with pytest.raises(UnknownNameError, match="did you mean 'CPC'"):
        cert_detail(catalog, "CPD")


@pytest.mark.parametrize(
    ("age", "schooling", "eligible", "failing", "unknown"),
    [
        (19, "ged", True, [], []),
        (18, "diploma", True, [], []),
        (18, "ged", True, [], []),
        (17, "diploma", False, ["min_age"], []),
        (18, "none", False, ["diploma_or_ged"], []),
        (18, None, None, [], ["diploma_or_ged"]),
        (16, None, None, ["min_age"], ["diploma_or_ged"]),
        (0, "none", False, ["min_age", "diploma_or_ged"], []),
        (120, "ged", True, [], []),
    ],
)
def test_eligibility_edges(
    catalog: Catalog,
    age: int,
    schooling: Schooling | None,
    eligible: bool | None,
    failing: list[str],
    unknown: list[str],
) -> None:
    result = eligibility(catalog, age, schooling)
    assert result.eligible is eligible
    assert [c.id for c in result.checks if c.met is False] == failing
    assert [c.id for c in result.checks if c.met is None] == unknown


def test_under_18_is_told_when_and_about_exceptions(catalog: Catalog) -> None:
    result = eligibility(catalog, 16, "diploma")
    assert result.next_steps[0] == "You can enroll at 18, in 2 years."
    assert "younger students with a diploma" in result.next_steps[1]
    assert not any("high school" in s for s in result.next_steps)  # they have a diploma
    result = eligibility(catalog, 17, "diploma")
    assert "in 1 year." in result.next_steps[0]


def test_no_diploma_gets_the_ged_route_for_their_age(catalog: Catalog) -> None:
    result = eligibility(catalog, 30, "none")
    assert result.next_steps[0] == "Earn a GED; no consent needed at your age."
    assert not any("parent" in s for s in result.next_steps)
    assert "Fixture exams need no program." in result.next_steps[1]
    teen = eligibility(catalog, 16, "none")
    assert any("parent's consent" in s for s in teen.next_steps)
    child = eligibility(catalog, 14, "none")
    assert "Stay in high school." in child.next_steps


def test_unknown_schooling_answers_both_cases(catalog: Catalog) -> None:
    result = eligibility(catalog, 19, None)
    assert result.eligible is None and not result.next_steps
    assert [m.fact for m in result.missing] == ["schooling"]
    assert result.missing[0].options == ["--diploma", "--ged", "--no-diploma"]
    with_one, without = result.cases
    assert with_one.eligible and not without.eligible
    assert "You can enroll now" in with_one.next_steps[0]
    assert without.next_steps[0].startswith("Earn a GED")
    assert result.next_command == "mbc start --age 19"


@pytest.mark.parametrize("age", [-1, 121, 10_000])
def test_implausible_age(catalog: Catalog, age: int) -> None:
    with pytest.raises(MbcError, match="age"):
        eligibility(catalog, age, None)


@given(st.integers(min_value=18, max_value=120), st.sampled_from(["diploma", "ged"]))
def test_meeting_every_requirement_means_eligible(age: int, schooling: Schooling) -> None:
    assert eligibility(CATALOG, age, schooling).eligible


@given(st.integers(min_value=0, max_value=17), st.sampled_from(["diploma", "ged", "none", None]))
def test_under_18_is_never_eligible(age: int, schooling: Schooling | None) -> None:
    assert not eligibility(CATALOG, age, schooling).eligible


@given(st.integers(min_value=0, max_value=120), st.sampled_from(["diploma", "ged", "none", None]))
def test_next_steps_never_contradict_the_checks(age: int, schooling: Schooling | None) -> None:
    """A person with a diploma or GED is never told to finish high school or earn a GED; an
    adult is never told about a parent's consent; the next command carries what was given."""
    result = eligibility(CATALOG, age, schooling)
    steps = result.next_steps + [
        s for c in result.cases if c.when.startswith("With ") for s in c.next_steps
    ]
    if schooling in ("diploma", "ged") or result.cases:
        assert not any("GED" in s and "Earn" in s for s in steps if schooling != "none")
        assert not any("high school" in s.casefold() for s in steps if schooling != "none")
    if age >= 18:
        everything = result.next_steps + [s for c in result.cases for s in c.next_steps]
        assert not any("parent" in s for s in everything)
    assert f"--age {age}" in result.next_command


def test_pay_report_is_one_release_everywhere(catalog: Catalog) -> None:
    report = pay_report(catalog, [])
    assert [g.role for g in report.groups] == ["billing", "coding"]
    assert all([r.place for r in g.rows] == ["National"] for g in report.groups)
    assert report.release == "May 2025" and report.place == "National"
    report = pay_report(catalog, ["coder", "coding"], hourly=True)
    assert [g.role for g in report.groups] == ["coding"] and report.hourly


def test_sources_report(catalog: Catalog) -> None:
    report = sources_report(catalog, today=dt.date(2026, 11, 26))
    urls = [s.url for s in report.sources]
    assert len(urls) == len(set(urls)) == report.count
    cpb = next(s for s in report.sources if (s.url or "").endswith("/cpb"))
    assert cpb.stale and cpb.backs == ["cert CPB: exam"]
    stale = sources_report(catalog, only_stale=True, today=dt.date(2026, 11, 26))
    assert {(s.url or "").rsplit("/", 1)[1] for s in stale.sources} == {
        "cpb",
        "roles",
        "school",
        "survey-2018",
    }
    undated = [s for s in report.sources if s.published is None]
    assert undated and not any(s.stale for s in undated)  # an undated page may be current
    assert all(s.stale for s in stale.sources)


def test_stale_cutoff_leap_day() -> None:
    assert stale_cutoff(dt.date(2028, 2, 29)) == dt.date(2026, 2, 28)
