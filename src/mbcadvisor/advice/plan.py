"""A personal roadmap into a track: numbered steps with time, cost and sources, and totals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mbcadvisor.advice import MAX_AGE, Result, Schooling, find_cert, find_role, lowest_fee
from mbcadvisor.errors import MbcError
from mbcadvisor.figures import duration

if TYPE_CHECKING:
    from mbcadvisor.models import Cert, Guidance, Requirement, Role, Source
    from mbcadvisor.records import CatalogView

MAX_EXPERIENCE = 60
# AAPC removes the apprentice "-A" after two years of experience (complete-your-cpc-apprenticeship).
APPRENTICE_MONTHS = 24


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


def _requirement(catalog: CatalogView, kind: str) -> Requirement:
    return next(r for r in catalog.training.requirements if r.kind == kind)


def _guidance(items: list[Guidance], key: str) -> Guidance | None:
    return next((g for g in items if g.id == key), None)


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
    prices = [p for p in (cert.fees.exam_usd, cert.fees.member_usd, cert.fees.non_member_usd) if p]
    if prices:
        fee = f"${min(prices):,.0f}" + (
            f" to ${max(prices):,.0f}" if max(prices) != min(prices) else ""
        )
        facts.append(f"Fee: {fee}" + (f" ({cert.fees.includes})." if cert.fees.includes else "."))
    else:
        facts.append("Fee: not stated on any page found; ask the body.")
    mem = cert.membership
    if mem.required:
        dues = f" (${mem.annual_fee_usd:,.0f} a year)" if mem.annual_fee_usd else ""
        facts.append(f"Membership of {body_name} is required{dues}.")
    return facts


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


def _entry_certs(catalog: CatalogView, role: Role) -> list[Cert]:
    entry = set(catalog.cert_ids_where(level="entry"))
    return [catalog.cert(i) for i in role.certs if i in entry] or [catalog.cert(role.certs[0])]


def _cheapest(certs: list[Cert]) -> Cert | None:
    priced = [c for c in certs if lowest_fee(c) is not None]
    return min(priced, key=lambda c: lowest_fee(c) or 0) if priced else None


def build_plan(
    catalog: CatalogView,
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
    role = find_role(catalog, track)
    held_certs = [find_cert(catalog, c) for c in (certs_held or [])]
    held = {c.id.casefold() for c in held_certs}
    bodies = {b.id: b.acronym for b in catalog.bodies}
    training = catalog.training
    steps: list[Step] = []
    unknown: list[str] = []

    def add(**kw: Any) -> Step:
        step = Step(number=len(steps) + 1, **kw)
        steps.append(step)
        return step

    # 1. a diploma or GED
    diploma = _requirement(catalog, "diploma_or_ged")
    has_school = schooling is not None
    add(
        title="High school diploma or GED",
        done=has_school,
        details=[f"You have a {'GED' if schooling == 'ged' else 'diploma'}."]
        if has_school
        else [diploma.remedy],
        sources=diploma.sources,
    )
    if not has_school:
        unknown.append("the GED (its fee is not in the data)")

    # 2. the minimum age
    min_age = _requirement(catalog, "min_age")
    minimum = min_age.value or 0
    wait_months = max(0, minimum - age) * 12
    age_details = [f"You are {age}; programs ask for {minimum}."]
    if wait_months:
        age_details.append(f"You turn {minimum} within {wait_months} months.")
        if min_age.exceptions:
            age_details.append(min_age.exceptions)
    add(
        title=f"Be at least {minimum} to enroll",
        done=wait_months == 0,
        details=age_details,
        months_min=wait_months or None,
        months_max=wait_months or None,
        sources=min_age.sources,
    )

    # 3. a training program
    track_cert_ids = set(role.certs)
    trained = any(c.id in track_cert_ids for c in held_certs)
    programs = training.programs
    low = min((p.min_months for p in programs if p.min_months), default=None)
    high = max((p.max_months for p in programs if p.max_months), default=None)
    costs = [p for p in programs if p.cost_min_usd or p.cost_max_usd]
    cost_low = min((p.cost_min_usd for p in costs if p.cost_min_usd), default=None)
    cost_high = max((p.cost_max_usd for p in costs if p.cost_max_usd), default=None)
    program_details = [
        f"{p.name} ({p.credential}): "
        + (
            f"{p.min_months}-{p.max_months} months"
            if p.min_months != p.max_months
            else f"{p.min_months} months"
        )
        for p in programs
    ]
    program_details.append("Topics: " + ", ".join(training.topics).lower() + ".")
    if training.builds:
        program_details.append("A good school builds: " + ", ".join(training.builds).lower() + ".")
    program_details.append("Before you sign up, ask the questions in `mbc training`.")
    for program in programs:
        program_details.extend(program.notes)
    add(
        title="Complete a training program",
        done=trained,
        details=["You already hold a certification of this track."] if trained else program_details,
        months_min=None if trained else low,
        months_max=None if trained else high,
        cost_min_usd=None if trained else cost_low,
        cost_max_usd=None if trained else cost_high,
        sources=[s for p in programs for s in p.sources],
    )

    # 4. the first certification
    entry = _entry_certs(catalog, role)
    first_held = next((c for c in held_certs if c.id in track_cert_ids), None)
    first = first_held or catalog.cert(role.certs[0])
    cert_details = _cert_facts(first, bodies.get(first.body, first.body))
    cert_details += _prerequisites(first, held, experience_years)
    alternatives = [c.id for c in entry if c.id != first.id]
    if alternatives and not first_held:
        cert_details.append(
            "Other entry credentials of this track: " + ", ".join(alternatives) + "."
        )
    prices = [
        p for p in (first.fees.exam_usd, first.fees.member_usd, first.fees.non_member_usd) if p
    ]
    dues = first.membership.annual_fee_usd if first.membership.required else None
    if not first_held and not prices:
        unknown.append(f"the {first.id} exam fee")
    add(
        title=f"Earn your first certification: {first.id}",
        done=first_held is not None,
        details=[f"You hold {first.id}."] if first_held else cert_details,
        cost_min_usd=None if first_held or not prices else min(prices) + (dues or 0),
        cost_max_usd=None if first_held or not prices else max(prices) + (dues or 0),
        sources=first.sources,
    )

    # 5. the first job, realistically
    remote = _guidance(training.reality_checks, "remote_after_experience")
    apprentice = _guidance(training.reality_checks, "apprentice_first")
    experienced = experience_years >= APPRENTICE_MONTHS / 12
    job_details = [role.remote.caveat]
    if remote:
        job_details.append(remote.text)
    if first.apprentice:
        job_details.append(
            f"Passing {first.id} without experience makes you {first.apprentice.designation} "
            f"(apprentice). To remove it: {first.apprentice.removal}"
        )
    elif apprentice:
        job_details.append(apprentice.text)
    add(
        title="Get your first job and build experience",
        done=experienced,
        details=[f"You have {experience_years:g} years of experience."]
        if experienced
        else job_details,
        months_min=None if experienced else APPRENTICE_MONTHS,
        months_max=None,
        sources=[*(remote.sources if remote else []), *(apprentice.sources if apprentice else [])],
    )

    # 6. specialise and climb
    specialty = catalog.cert_ids_where(track=role.id, level="specialty")
    management = catalog.cert_ids_where(track="management")
    ladder = list(role.career_path)
    if specialty:
        ladder.append("Specialty credentials: " + ", ".join(sorted(specialty)) + ".")
    if management:
        ladder.append("Practice management credentials: " + ", ".join(sorted(management)) + ".")
    add(title="Specialise and climb the ladder", done=False, details=ladder, sources=role.sources)

    todo = [s for s in steps if not s.done]
    cost_min = sum(s.cost_min_usd or 0 for s in todo)
    cost_max = sum(s.cost_max_usd or s.cost_min_usd or 0 for s in todo)
    if first_held:
        earliest: int | None = 0
    else:
        earliest = wait_months + (low or 0) if not trained else wait_months
    over = None if budget_usd is None else cost_min > budget_usd
    cheaper: list[str] = []
    if budget_usd is not None and cost_max > budget_usd:
        cheaper.append(
            "Choose a community college certificate: the cheapest program cost found is "
            f"${cost_low:,.0f} (in-state tuition)."
            if cost_low
            else "Compare community colleges."
        )
        cheapest = _cheapest(entry)
        if cheapest is not None and cheapest.id != first.id:
            cheaper.append(
                f"Take {cheapest.id} ({bodies.get(cheapest.body, cheapest.body)}) first: from "
                f"${lowest_fee(cheapest) or 0:,.0f} (see `mbc certs {cheapest.id}`)."
            )
        cheaper.append("Ask whether the program includes the exam fee and a student membership.")
    return Plan(
        track=role.id,
        track_name=role.name,
        age=age,
        schooling=schooling,
        experience_years=experience_years,
        certs_held=sorted(c.id for c in held_certs),
        budget_usd=budget_usd,
        steps=steps,
        earliest_credential_months=earliest,
        cost_min_usd=cost_min,
        cost_max_usd=cost_max,
        unknown_costs=unknown,
        over_budget=over,
        cheaper_route=cheaper,
    )
