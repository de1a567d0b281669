"""`mbc eligible`: whether a person can enroll in a training program, and what to do if not.

Nothing is guessed: when the person has not said whether they have a diploma or GED, the
answer is given for both cases, `eligible` is None and the missing fact is named with the
options that give it.
"""

from __future__ import annotations

from mbcadvisor.advice.commands import ASK_SCHOOLING, SCHOOLING_FLAGS, command
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.figures import length, lower_first, years
from mbcadvisor.models import Catalog, Guidance, Requirement, Schooling, Source, record

MAX_AGE = 120


@record
class Check(Result):
    """One requirement: met, not met, or not known (None), and why."""

    id: str
    label: str
    met: bool | None
    reason: str
    sources: list[Source]


@record
class Missing(Result):
    """A fact the answer needs and the person did not give: the question, and the options of
    the command that give it."""

    fact: str
    question: str
    options: list[str]


@record
class Case(Result):
    """The answer for one possible value of a fact the person did not give."""

    when: str
    eligible: bool
    next_steps: list[str]


@record
class Eligibility(Result):
    """`mbc eligible`: whether a person can enroll in a training program, and what to do if not.

    `eligible` is None when the answer depends on a fact not given (see `missing`, `cases`)."""

    eligible: bool | None
    age: int
    schooling: Schooling | None
    checks: list[Check]
    next_steps: list[str]
    missing: list[Missing]
    cases: list[Case]
    next_command: str
    sources: list[Source]


def check_age(age: int) -> None:
    """Refuse an age no person has."""
    if age < 0:
        raise MbcError(f"age must be 0 or more, not {age}")
    if age > MAX_AGE:
        raise MbcError(f"age {age} is not plausible (at most {MAX_AGE})")


def requirement(catalog: Catalog, kind: str) -> Requirement:
    """The enrollment requirement of a kind (min_age, diploma_or_ged)."""
    return next(r for r in catalog.training.requirements if r.kind == kind)


def minimum_age(catalog: Catalog) -> int:
    return requirement(catalog, "min_age").value or 0


def no_program_needed(catalog: Catalog) -> Guidance | None:
    """The guidance that some exams need no program and no proof of education."""
    return next((g for g in catalog.training.self_study if g.id == "no_program_needed"), None)


def has_schooling(schooling: Schooling | None) -> bool | None:
    """Whether the person has a diploma or GED: None when they did not say."""
    return None if schooling is None else schooling != "none"


def _age_check(catalog: Catalog, age: int) -> Check:
    req = requirement(catalog, "min_age")
    minimum = req.value or 0
    if age >= minimum:
        reason = f"you are {age}; the minimum is {minimum}"
    else:
        reason = f"you are {age}; you will be {minimum} in {years(minimum - age)}"
    return Check(id=req.id, label=req.label, met=age >= minimum, reason=reason, sources=req.sources)


def _schooling_check(catalog: Catalog, schooling: Schooling | None) -> Check:
    req = requirement(catalog, "diploma_or_ged")
    reason = {
        "diploma": "you have a high school diploma",
        "ged": "you have a GED",
        "none": "you do not have a diploma or GED yet",
        None: "you did not say",
    }[schooling]
    return Check(
        id=req.id,
        label=req.label,
        met=has_schooling(schooling),
        reason=reason,
        sources=req.sources,
    )


def steps_for(catalog: Catalog, age: int, schooling: Schooling) -> list[str]:
    """What to do next, for a person of this age and (known) schooling: only the lines that
    fit them, and none that contradicts what they have."""
    steps: list[str] = []
    minimum = minimum_age(catalog)
    if age < minimum:
        steps.append(f"You can enroll at {minimum}, in {years(minimum - age)}.")
        steps += [
            r.text for r in requirement(catalog, "min_age").remedies if r.fits(age, schooling)
        ]
    if schooling == "none":
        remedies = requirement(catalog, "diploma_or_ged").remedies
        steps += [r.text for r in remedies if r.fits(age, schooling)]
        exam = no_program_needed(catalog)
        if exam is not None and age >= minimum:
            steps.append("Meanwhile, without a program: " + exam.text)
    if age >= minimum and schooling != "none":
        steps.append(_choose_program(catalog))
    return steps


def _choose_program(catalog: Catalog) -> str:
    """Choose a program: the shortest school program and the shortest course, from the data."""
    options = []
    for route, kind in (("school", "a school program"), ("course", "an exam-prep course")):
        known = [
            p for p in catalog.training.programs if p.route == route and p.months()[0] is not None
        ]
        if known:
            p = min(known, key=lambda p: p.months()[0] or 0)
            span = length(p.min_months, p.max_months, p.min_weeks, p.max_weeks)
            options.append(f"{kind} ({lower_first(p.name)}: {span})")
    text = "You can enroll now. Choose " + " or ".join(options) if options else "Choose a program"
    return text + "; `mbc training` tells you what to ask a school."


def eligibility(catalog: Catalog, age: int, schooling: Schooling | None) -> Eligibility:
    """Check a person against each enrollment requirement of a training program."""
    check_age(age)
    checks = [_age_check(catalog, age), _schooling_check(catalog, schooling)]
    minimum = minimum_age(catalog)
    sources = [s for c in checks for s in c.sources]
    exam = no_program_needed(catalog)
    if exam is not None and schooling != "diploma" and schooling != "ged" and age >= minimum:
        sources += exam.sources
    next_command = command("start", age=age, schooling=schooling)
    if schooling is not None:
        return Eligibility(
            eligible=all(c.met for c in checks),
            age=age,
            schooling=schooling,
            checks=checks,
            next_steps=steps_for(catalog, age, schooling),
            missing=[],
            cases=[],
            next_command=next_command,
            sources=sources,
        )
    missing = Missing(
        fact="schooling", question=ASK_SCHOOLING, options=list(SCHOOLING_FLAGS.values())
    )
    cases = [
        Case(
            when="With a diploma or GED",
            eligible=age >= minimum,
            next_steps=steps_for(catalog, age, "diploma"),
        ),
        Case(
            when="Without a diploma or GED",
            eligible=False,
            next_steps=steps_for(catalog, age, "none"),
        ),
    ]
    return Eligibility(
        eligible=None,
        age=age,
        schooling=None,
        checks=checks,
        next_steps=[],
        missing=[missing],
        cases=cases,
        next_command=next_command,
        sources=sources,
    )
