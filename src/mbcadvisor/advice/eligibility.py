"""`mbc eligible`: whether a person can enroll in a training program, and what to do if not."""

from __future__ import annotations

from typing import Literal

from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.models import Catalog, Source, record

Schooling = Literal["diploma", "ged"]
MAX_AGE = 120


@record
class Check(Result):
    """One requirement, met or not, and why."""

    id: str
    label: str
    met: bool
    reason: str
    sources: list[Source]


@record
class Eligibility(Result):
    """`mbc eligible`: whether a person can enroll in a training program, and what to do if not."""

    eligible: bool
    age: int
    schooling: Schooling | None
    checks: list[Check]
    next_steps: list[str]


def eligibility(catalog: Catalog, age: int, schooling: Schooling | None) -> Eligibility:
    """Check a person against each enrollment requirement of a training program."""
    if age < 0:
        raise MbcError(f"age must be 0 or more, not {age}")
    if age > MAX_AGE:
        raise MbcError(f"age {age} is not plausible (at most {MAX_AGE})")
    checks: list[Check] = []
    steps: list[str] = []
    for req in catalog.training.requirements:
        if req.kind == "min_age":
            minimum = req.value or 0
            met = age >= minimum
            if met:
                reason = f"you are {age}; the minimum is {minimum}"
            else:
                years = minimum - age
                unit = "year" if years == 1 else "years"
                reason = f"you are {age}; you will be {minimum} in {years} {unit}"
                steps.append(f"You can enroll at {minimum}, in {years} {unit}. {req.remedy}")
                if req.exceptions:
                    steps.append(req.exceptions)
        else:
            met = schooling is not None
            if schooling == "diploma":
                reason = "you have a high school diploma"
            elif schooling == "ged":
                reason = "you have a GED"
            else:
                reason = "no high school diploma or GED yet"
                steps.append(req.remedy)
        checks.append(
            Check(id=req.id, label=req.label, met=met, reason=reason, sources=req.sources)
        )
    eligible = all(c.met for c in checks)
    if eligible:
        shortest = min(
            (p for p in catalog.training.programs if p.min_months),
            key=lambda p: p.min_months or 0,
            default=None,
        )
        step = "Choose a training program"
        if shortest is not None:
            step += f" (from {shortest.min_months} months for a {shortest.credential})"
        steps.append(step + "; compare the tracks with `mbc compare billing coding`.")
    return Eligibility(
        eligible=eligible, age=age, schooling=schooling, checks=checks, next_steps=steps
    )
