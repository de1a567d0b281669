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


def test_plan_for_a_17_year_old_with_a_diploma(catalog: Catalog) -> None:
    plan = build_plan(catalog, "coding", 17, "diploma")
    titles = [s.title for s in plan.steps]
    assert titles == [
        "High school diploma or GED",
        "Be at least 18 to enroll",
        "Choose how to prepare",
        "Earn your first certification: CPC",
        "Pay for it, and check the school",
        "Get your first job and build experience",
        "Specialize and climb the ladder",
    ]
    assert [s.number for s in plan.steps] == list(range(1, 8))
    assert [s.done for s in plan.steps[:2]] == [True, False]
    assert plan.steps[1].months_min == 12
    # the course takes 16 to 18 weeks: about 4 months, after the year of waiting
    assert plan.earliest_credential_months == 12 + 4
    assert [w.route for w in plan.ways] == ["school", "course", "self_study"]
    school, course, alone = plan.ways
    # the coding certificate ($1,500) plus the CPC exam ($499) and AAPC dues ($190)
    assert (school.cost_min_usd, school.cost_max_usd) == (2189, 2189)
    assert "a fixture billing certificate" not in " ".join(school.built_from)  # billing's
    # the course includes the exam and membership: nothing is added to its price
    assert (course.cost_min_usd, course.cost_max_usd) == (3000, 3000)
    assert (alone.cost_min_usd, alone.unknown_costs) == (
        689,
        ["study books (their price is not in the data)"],
    )
    assert "CPC-A" in " ".join(plan.steps[5].details)
    assert not any("finish high school" in d.casefold() for s in plan.steps for d in s.details)


def test_plan_never_guesses_schooling(catalog: Catalog) -> None:
    plan = build_plan(catalog, "coding", 19)
    assert plan.steps[0].done is None and [m.fact for m in plan.missing] == ["schooling"]
    assert "You did not say" in plan.steps[0].details[0]


def test_plan_for_a_credential_holder_is_never_empty(catalog: Catalog) -> None:
    plan = build_plan(catalog, "coder", 45, None, experience_years=3, certs_held=["cpc"])
    assert plan.stage == "credentialed" and plan.earliest_credential_months is None
    assert [s.title for s in plan.steps][:2] == [
        "Your credential: CPC",
        "Earn your next credential",
    ]
    assert plan.steps[1].details and all(not d.startswith("CPC ") for d in plan.steps[1].details)
    assert plan.missing == []  # schooling does not matter to the next steps
    assert "3 years of experience can remove it" in " ".join(plan.steps[0].details)


def test_plan_budget_says_by_how_much(catalog: Catalog) -> None:
    plan = build_plan(catalog, "billing", 25, "diploma", budget_usd=100)
    # the cheapest way for billing: self-study, the CPB exam at $399 (no required membership)
    assert plan.over_budget_usd == 299
    assert plan.budget_note and "by $299" in plan.budget_note
    roomy = build_plan(catalog, "billing", 25, "diploma", budget_usd=10_000)
    assert roomy.over_budget_usd is None and "Within your budget of $10,000: a school program." in (
        roomy.budget_note or ""
    )
    school = roomy.ways[0]
    assert school.cost_min_usd == 1200 + 399
    assert school.built_from == ["a fixture billing certificate: $1,200", "CPB exam: $399"]


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
    st.sampled_from([None, "ged", "diploma", "none"]),
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
    assert all(s.details for s in plan.steps)  # never an empty step
    if plan.cost_min_usd is not None:
        assert 0 <= plan.cost_min_usd <= (plan.cost_max_usd or 0)
    if plan.stage == "new" and age >= 18 and schooling in ("diploma", "ged"):
        assert plan.steps[0].done and plan.steps[1].done
    if plan.stage == "new":
        assert (plan.steps[0].done is None) == (schooling is None)


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
    assert result.next_commands[0] == "mbc plan --track coding"
    assert (result.verdict, result.answered, result.asked) == ("track", 6, 6)
    assert [r.answer for r in result.reasons] == ["yes", "yes", "no", "no", "yes", "yes"]


def test_match_no_preference(catalog: Catalog) -> None:
    result = match_track(catalog, parse_answers("??????", catalog.questions))
    assert result.track is None and result.strength == "none" and result.field_fit == "unknown"
    assert result.verdict == "undecided" and result.answered == 0
    assert result.next_commands == ["mbc compare billing coding", "mbc match"]


def test_match_strength_follows_the_answers_given(catalog: Catalog) -> None:
    # two answers pointing to coding (+3) are a lean, not a strong fit
    few = match_track(catalog, parse_answers("????yy", catalog.questions))
    assert (few.track, few.strength, few.answered) == ("coding", "moderate", 2)
    one = match_track(catalog, parse_answers("????y?", catalog.questions))
    assert (one.track, one.strength) == ("coding", "slight")
    # saying no to one side only is no lean toward the other
    elimination = match_track(catalog, parse_answers("??nn??", catalog.questions))
    assert elimination.verdict == "undecided" and elimination.track is None


def test_match_all_yes_points_to_the_combined_route(real_catalog: Catalog) -> None:
    result = match_track(real_catalog, parse_answers("yyyyyy", real_catalog.questions))
    assert result.verdict == "both" and result.track is None
    assert [g.id for g in result.combined] == ["cbcs_combined"]
    assert result.next_commands[0] == "mbc certs CBCS"


def test_match_all_no_shows_nearby_routes_with_pay(real_catalog: Catalog) -> None:
    result = match_track(real_catalog, parse_answers("nnnnnn", real_catalog.questions))
    assert result.verdict == "not_this_field" and result.field_fit == "poor"
    assert {n.kind for n in result.nearby} == {"ladder", "nearby"}
    assert all(isinstance(n.median_annual, float) for n in result.nearby)
    assert "43-9041" in {n.soc for n in result.nearby}  # claims processors


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
