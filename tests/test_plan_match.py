"""Plans, the match questionnaire and the training guide, on the fixture catalog."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbcadvisor.advice.match import match_track, parse_answer, parse_answers
from mbcadvisor.advice.plan import build_plan
from mbcadvisor.advice.training import training_guide
from mbcadvisor.errors import MbcError, UnknownNameError
from mbcadvisor.loader import load_catalog
from mbcadvisor.models import Catalog

from .conftest import VALID

CATALOG = load_catalog(VALID)
IDS = [q.id for q in CATALOG.questions]


def test_plan_for_a_17_year_old_without_diploma(catalog: Catalog) -> None:
    plan = build_plan(catalog, "coding", 17)
    titles = [s.title for s in plan.steps]
    assert titles == [
        "High school diploma or GED",
        "Be at least 18 to enroll",
        "Complete a training program",
        "Earn your first certification: CPC",
        "Get your first job and build experience",
        "Specialize and climb the ladder",
    ]
    assert [s.number for s in plan.steps] == [1, 2, 3, 4, 5, 6]
    assert not any(s.done for s in plan.steps)
    assert plan.steps[1].months_min == 12
    assert plan.earliest_credential_months == 12 + 10
    # CPC: $499 exam + $190 membership; no program cost in the fixture
    assert (plan.cost_min_usd, plan.cost_max_usd) == (689, 689)
    assert "CPC-A" in " ".join(plan.steps[4].details)


def test_plan_marks_what_is_done(catalog: Catalog) -> None:
    plan = build_plan(catalog, "coder", 30, "ged", experience_years=3, certs_held=["cpc"])
    assert [s.done for s in plan.steps] == [True, True, True, True, True, False]
    assert plan.earliest_credential_months == 0
    assert plan.cost_min_usd == 0 and plan.certs_held == ["CPC"]


def test_plan_budget_and_cheaper_route(catalog: Catalog) -> None:
    plan = build_plan(catalog, "billing", 25, "diploma", budget_usd=100)
    assert plan.over_budget is True
    assert any("Take CMRS (AMBA) first: from $325" in line for line in plan.cheaper_route)
    assert plan.cheaper_route
    roomy = build_plan(catalog, "billing", 25, "diploma", budget_usd=10_000)
    assert roomy.over_budget is False and roomy.cheaper_route == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"age": -1}, "age must be between"),
        ({"age": 121}, "age must be between"),
        ({"age": 20, "experience_years": -2}, "experience must be between"),
        ({"age": 20, "budget_usd": -5}, "budget must be 0 or more"),
        ({"age": 20, "certs_held": ["XYZ"]}, "unknown certification 'XYZ'"),
    ],
)
def test_plan_bad_input(catalog: Catalog, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(MbcError, match=message):
        build_plan(catalog, "coding", **kwargs)  # type: ignore[arg-type]


@given(
    st.sampled_from(["billing", "coding"]),
    st.integers(min_value=0, max_value=120),
    st.sampled_from([None, "ged", "diploma"]),
    st.floats(min_value=0, max_value=60, allow_nan=False),
    st.lists(st.sampled_from(["CPC", "CPB", "CCS", "CMRS"]), max_size=3),
)
def test_plan_properties(
    track: str, age: int, schooling: str | None, years: float, held: list[str]
) -> None:
    plan = build_plan(CATALOG, track, age, schooling, years, held)  # type: ignore[arg-type]
    titles = [s.title for s in plan.steps]
    assert len(titles) == len(set(titles))  # a plan never lists a step twice
    assert [s.number for s in plan.steps] == list(range(1, len(plan.steps) + 1))
    assert 0 <= plan.cost_min_usd <= plan.cost_max_usd
    if age >= 18 and schooling:
        assert plan.steps[0].done and plan.steps[1].done


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("y", "yes"),
        ("YES", "yes"),
        (" n ", "no"),
        ("No", "no"),
        ("?", "unsure"),
        ("skip", "unsure"),
    ],
)
def test_parse_answer(text: str, expected: str) -> None:
    assert parse_answer(text) == expected


def test_parse_answers_letters_and_pairs() -> None:
    letters = parse_answers("yy n?, yn", CATALOG.questions)
    assert list(letters.values()) == ["yes", "yes", "no", "unsure", "yes", "no"]
    pairs = parse_answers("payments=no, medical-records=yes", CATALOG.questions)
    assert pairs["payments"] == "no" and pairs["medical_records"] == "yes"
    assert pairs["behind_scenes"] == "unsure"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yyy", "give 6 answers"),
        ("yyyyyx", "answer 'x' is not one of"),
        ("paymnts=no", "did you mean 'payments'"),
        ("payments=no,payments=yes", "answered twice"),
        ("payments", "give 6 answers"),
        ("=yes", "is not of the form"),
    ],
)
def test_parse_answers_errors(text: str, message: str) -> None:
    with pytest.raises(MbcError, match=message):
        parse_answers(text, CATALOG.questions)


@given(st.text(max_size=40))
def test_parse_answers_never_crashes(text: str) -> None:
    try:
        answers = parse_answers(text, CATALOG.questions)
    except (MbcError, UnknownNameError) as exc:
        assert str(exc)
    else:
        assert set(answers) == set(IDS)


def test_match_coding_strongly(catalog: Catalog) -> None:
    result = match_track(catalog, parse_answers("yynnyy", catalog.questions))
    assert (result.track, result.strength, result.field_fit) == ("coding", "strong", "good")
    assert result.scores == {"billing": -3, "coding": 3}
    assert result.next_command == "mbc plan --track coding"
    assert [r.answer for r in result.reasons] == ["yes", "yes", "no", "no", "yes", "yes"]


def test_match_no_preference(catalog: Catalog) -> None:
    result = match_track(catalog, parse_answers("??????", catalog.questions))
    assert result.track is None and result.strength == "none" and result.field_fit == "unknown"
    assert result.next_command == "mbc compare billing coding"


@given(st.lists(st.sampled_from(["y", "n", "?"]), min_size=6, max_size=6))
def test_match_is_consistent(letters: list[str]) -> None:
    result = match_track(CATALOG, parse_answers("".join(letters), CATALOG.questions))
    if result.track:
        assert result.scores[result.track] == max(result.scores.values())
    flipped = "".join({"y": "n", "n": "y", "?": "?"}[c] for c in letters)
    other = match_track(CATALOG, parse_answers(flipped, CATALOG.questions))
    assert other.scores == {k: -v for k, v in result.scores.items()}


def test_training_guide(real_catalog: Catalog) -> None:
    guide = training_guide(real_catalog)
    assert {q.id for q in guide.school_questions} >= {
        "accreditation",
        "placement",
        "which_exam",
        "total_cost",
    }
    assert guide.red_flags and guide.reality_checks
    for item in [*guide.school_questions, *guide.red_flags, *guide.reality_checks]:
        assert item.sources
