"""`mbc plan`: a personal roadmap into a track, numbered steps with time, cost and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mbcadvisor.advice.certs import lowest_fee
from mbcadvisor.advice.compare import ladder as ladder_steps
from mbcadvisor.advice.eligibility import MAX_AGE, Schooling
from mbcadvisor.advice.names import body_by_id, cert_by_id, find_cert, find_role
from mbcadvisor.advice.pay import number
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.figures import duration, money_range, months, statistic
from mbcadvisor.models import Catalog, Cert, Guidance, Requirement, Role, Source, record

MAX_EXPERIENCE = 60
# AAPC removes the apprentice "-A" after two years of experience (complete-your-cpc-apprenticeship).
APPRENTICE_MONTHS = 24


@record
class Step(Result):
    """One step of a plan."""

    number: int
    title: str
    done: bool
    details: list[str]
    months_min: int | None = None
    months_max: int | None = None
    cost_min_usd: float | None = None
    cost_max_usd: float | None = None
    sources: list[Source]


@record
class Plan(Result):
    """`mbc plan`: the steps from where a person is to a credential and beyond."""

    track: str
    track_name: str
    age: int
    schooling: Schooling | None
    experience_years: float
    certs_held: list[str]
    budget_usd: float | None
    steps: list[Step]
    earliest_credential_months: int | None
    cost_min_usd: float
    cost_max_usd: float
    unknown_costs: list[str]
    over_budget: bool | None
    cheaper_route: list[str]


@dataclass
class _Person:
    """What the plan knows of the person, and what its steps find out along the way."""

    catalog: Catalog
    role: Role
    age: int
    schooling: Schooling | None
    experience_years: float
    held: list[Cert]
    unknown_costs: list[str] = field(default_factory=list)

    @property
    def held_ids(self) -> set[str]:
        return {c.id.casefold() for c in self.held}

    def first_held(self) -> Cert | None:
        """The first credential of the track the person already holds, if any."""
        return next((c for c in self.held if c.id in self.role.certs), None)


# Each step is a function of the person: the fields of its Step (all but the number).
StepFields = dict[str, Any]


def _requirement(catalog: Catalog, kind: str) -> Requirement:
    return next(r for r in catalog.training.requirements if r.kind == kind)


def _guidance(items: list[Guidance], key: str) -> Guidance | None:
    return next((g for g in items if g.id == key), None)


def _schooling_step(person: _Person) -> StepFields:
    diploma = _requirement(person.catalog, "diploma_or_ged")
    if person.schooling is None:
        person.unknown_costs.append("the GED (its fee is not in the data)")
        details = [diploma.remedy]
    else:
        details = [f"You have a {'GED' if person.schooling == 'ged' else 'diploma'}."]
    return {
        "title": "High school diploma or GED",
        "done": person.schooling is not None,
        "details": details,
        "sources": diploma.sources,
    }


def wait_months(catalog: Catalog, age: int) -> int:
    """Months until a person of this age reaches the minimum age to enroll."""
    minimum = _requirement(catalog, "min_age").value or 0
    return max(0, minimum - age) * 12


def _age_step(person: _Person) -> StepFields:
    min_age = _requirement(person.catalog, "min_age")
    minimum = min_age.value or 0
    wait = wait_months(person.catalog, person.age)
    details = [f"You are {person.age}; programs ask for {minimum}."]
    if wait:
        details.append(f"You turn {minimum} within {wait} months.")
        if min_age.exceptions:
            details.append(min_age.exceptions)
    return {
        "title": f"Be at least {minimum} to enroll",
        "done": wait == 0,
        "details": details,
        "months_min": wait or None,
        "months_max": wait or None,
        "sources": min_age.sources,
    }


def _program_step(person: _Person) -> StepFields:
    training = person.catalog.training
    programs = training.programs
    sources = [s for p in programs for s in p.sources]
    if person.first_held() is not None:
        details = ["You already hold a certification of this track."]
        return {
            "title": "Complete a training program",
            "done": True,
            "details": details,
            "sources": sources,
        }
    details = [f"{p.name} ({p.credential}): {months(p.min_months, p.max_months)}" for p in programs]
    details.append("Topics: " + ", ".join(training.topics).lower() + ".")
    if training.builds:
        details.append("A good school builds: " + ", ".join(training.builds).lower() + ".")
    details.append("Before you sign up, ask the questions in `mbc training`.")
    for program in programs:
        details.extend(program.notes)
    return {
        "title": "Complete a training program",
        "done": False,
        "details": details,
        "months_min": min((p.min_months for p in programs if p.min_months), default=None),
        "months_max": max((p.max_months for p in programs if p.max_months), default=None),
        "cost_min_usd": min((p.cost_min_usd for p in programs if p.cost_min_usd), default=None),
        "cost_max_usd": max((p.cost_max_usd for p in programs if p.cost_max_usd), default=None),
        "sources": sources,
    }


def _cert_facts(cert: Cert, body_name: str) -> list[str]:
    exam = cert.exam
    facts = [f"{cert.id}, {cert.name}, from {body_name}."]
    parts = []
    if exam.questions:
        parts.append(f"{exam.questions} questions")
    if exam.minutes:
        parts.append(duration(exam.minutes))
    if exam.passing_score:
        parts.append(f"pass mark {exam.passing_score}")
    if exam.open_book is not None:
        parts.append("open code books" if exam.open_book else "closed book")
    if exam.delivery:
        parts.append(" or ".join(d.replace("_", " ") for d in exam.delivery))
    if parts:
        facts.append("Exam: " + ", ".join(parts) + ".")
    prices = _prices(cert)
    if prices:
        fee = money_range(min(prices), max(prices))
        facts.append(f"Fee: {fee}" + (f" ({cert.fees.includes})." if cert.fees.includes else "."))
    else:
        facts.append("Fee: not stated on any page found; ask the body.")
    mem = cert.membership
    if mem.required:
        dues = f" ({money_range(mem.annual_fee_usd)} a year)" if mem.annual_fee_usd else ""
        facts.append(f"Membership of {body_name} is required{dues}.")
    return facts


def _prices(cert: Cert) -> list[float]:
    fees = cert.fees
    return [p for p in (fees.exam_usd, fees.member_usd, fees.non_member_usd) if p]


def _prerequisites(cert: Cert, held: set[str], experience_years: float) -> list[str]:
    pre = cert.prerequisites
    lines = []
    for needed in pre.credentials:
        state = "you hold it" if needed.casefold() in held else "you do not hold it yet"
        lines.append(f"Needs {needed} first: {state}.")
    if pre.experience:
        lines.append(f"Experience: {pre.experience} (you have {experience_years:g} years).")
    if pre.education:
        lines.append(f"Education: {pre.education}.")
    return lines


def entry_certs(catalog: Catalog, role: Role) -> list[Cert]:
    """The entry-level certifications of a role's track (else its first)."""
    entry = [cert_by_id(catalog, i) for i in role.certs]
    return [c for c in entry if c.level == "entry"] or [cert_by_id(catalog, role.certs[0])]


def first_cert(person: _Person) -> Cert:
    """The credential the plan is built on: one the person holds, else the track's first."""
    return person.first_held() or cert_by_id(person.catalog, person.role.certs[0])


def _body_name(catalog: Catalog, cert: Cert) -> str:
    return body_by_id(catalog, cert.body).acronym


def _cert_step(person: _Person) -> StepFields:
    first = first_cert(person)
    held = person.first_held() is not None
    title = f"Earn your first certification: {first.id}"
    if held:
        return {
            "title": title,
            "done": True,
            "details": [f"You hold {first.id}."],
            "sources": first.sources,
        }
    details = _cert_facts(first, _body_name(person.catalog, first))
    details += _prerequisites(first, person.held_ids, person.experience_years)
    others = [c.id for c in entry_certs(person.catalog, person.role) if c.id != first.id]
    if others:
        details.append("Other entry credentials of this track: " + ", ".join(others) + ".")
    prices = _prices(first)
    if not prices:
        person.unknown_costs.append(f"the {first.id} exam fee")
    dues = first.membership.annual_fee_usd if first.membership.required else None
    return {
        "title": title,
        "done": False,
        "details": details,
        "cost_min_usd": min(prices) + (dues or 0) if prices else None,
        "cost_max_usd": max(prices) + (dues or 0) if prices else None,
        "sources": first.sources,
    }


def _job_step(person: _Person) -> StepFields:
    training = person.catalog.training
    first = first_cert(person)
    remote = _guidance(training.reality_checks, "remote_after_experience")
    apprentice = _guidance(training.reality_checks, "apprentice_first")
    experienced = person.experience_years >= APPRENTICE_MONTHS / 12
    details = [person.role.remote.caveat]
    if remote:
        details.append(remote.text)
    if first.apprentice:
        details.append(
            f"Passing {first.id} without experience makes you {first.apprentice.designation} "
            f"(apprentice). To remove it: {first.apprentice.removal}"
        )
    elif apprentice:
        details.append(apprentice.text)
    if experienced:
        details = [f"You have {person.experience_years:g} years of experience."]
    return {
        "title": "Get your first job and build experience",
        "done": experienced,
        "details": details,
        "months_min": None if experienced else APPRENTICE_MONTHS,
        "sources": [
            *(remote.sources if remote else []),
            *(apprentice.sources if apprentice else []),
        ],
    }


def _ladder_step(person: _Person) -> StepFields:
    catalog, role = person.catalog, person.role
    specialty = sorted(
        c.id for c in catalog.certs if role.id in c.tracks and c.level == "specialty"
    )
    management = sorted(c.id for c in catalog.certs if "management" in c.tracks)
    ladder = []
    for step in ladder_steps(catalog, role):
        line = step.step
        if number(step.median_annual) is not None and step.occupation:
            median = statistic(step.median_annual)
            line += f" (BLS median for {step.occupation.lower()}: {median} a year)"
        ladder.append(line)
    if specialty:
        ladder.append("Specialty credentials: " + ", ".join(specialty) + ".")
    if management:
        ladder.append("Practice management credentials: " + ", ".join(management) + ".")
    return {
        "title": "Specialize and climb the ladder",
        "done": False,
        "details": ladder,
        "sources": role.sources,
    }


STEPS = (_schooling_step, _age_step, _program_step, _cert_step, _job_step, _ladder_step)


def _cheaper_route(person: _Person, first: Cert, cost_low: float | None) -> list[str]:
    route = [
        "Choose a community college certificate: the cheapest program cost found is "
        f"{money_range(cost_low)} (in-state tuition)."
        if cost_low
        else "Compare community colleges."
    ]
    priced = [c for c in entry_certs(person.catalog, person.role) if lowest_fee(c) is not None]
    cheapest = min(priced, key=lambda c: lowest_fee(c) or 0, default=None)
    if cheapest is not None and cheapest.id != first.id:
        route.append(
            f"Take {cheapest.id} ({_body_name(person.catalog, cheapest)}) first: from "
            f"{money_range(lowest_fee(cheapest))} (see `mbc certs {cheapest.id}`)."
        )
    route.append("Ask whether the program includes the exam fee and a student membership.")
    return route


def build_plan(
    catalog: Catalog,
    track: str,
    age: int,
    schooling: Schooling | None = None,
    experience_years: float = 0,
    certs_held: list[str] | None = None,
    budget_usd: float | None = None,
) -> Plan:
    """The numbered roadmap for one person into one track."""
    if age < 0 or age > MAX_AGE:
        raise MbcError(f"age must be between 0 and {MAX_AGE}, not {age}")
    if not 0 <= experience_years <= MAX_EXPERIENCE:
        raise MbcError(f"experience must be between 0 and {MAX_EXPERIENCE} years")
    if budget_usd is not None and budget_usd < 0:
        raise MbcError("budget must be 0 or more")
    held = [find_cert(catalog, c) for c in (certs_held or [])]
    person = _Person(catalog, find_role(catalog, track), age, schooling, experience_years, held)
    steps = [Step(number=n, **step(person)) for n, step in enumerate(STEPS, 1)]

    todo = [s for s in steps if not s.done]
    cost_min = sum(s.cost_min_usd or 0 for s in todo)
    cost_max = sum(s.cost_max_usd or s.cost_min_usd or 0 for s in todo)
    program = steps[2]
    if person.first_held() is not None:
        earliest: int | None = 0
    else:
        earliest = wait_months(catalog, age) + (program.months_min or 0)
    cheaper = []
    if budget_usd is not None and cost_max > budget_usd:
        cheaper = _cheaper_route(person, first_cert(person), program.cost_min_usd)
    return Plan(
        track=person.role.id,
        track_name=person.role.name,
        age=age,
        schooling=schooling,
        experience_years=experience_years,
        certs_held=sorted(c.id for c in held),
        budget_usd=budget_usd,
        steps=steps,
        earliest_credential_months=earliest,
        cost_min_usd=cost_min,
        cost_max_usd=cost_max,
        unknown_costs=person.unknown_costs,
        over_budget=None if budget_usd is None else cost_min > budget_usd,
        cheaper_route=cheaper,
    )
