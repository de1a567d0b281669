"""`mbc plan`: a personal roadmap into a track, numbered steps with time, cost and sources.

Two kinds of plan:
- someone new to the track: enrollment, the ways to prepare (school program, exam-prep course,
  self-study), each with its time and a cost that says what it is built from, the first
  credential, paying for it, the first job, and the ladder;
- someone who already holds one of the track's credentials: the next credential, specialty
  credentials, jobs and the ladder. Never an empty plan.

Only the track's own costs count; a required membership is counted (or named as unknown).
Nothing is guessed: a fact the person did not give (their schooling) is named, not assumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from mbcadvisor.advice.commands import ASK_SCHOOLING, SCHOOLING_FLAGS, command
from mbcadvisor.advice.compare import ladder as ladder_steps
from mbcadvisor.advice.eligibility import (
    MAX_AGE,
    Missing,
    minimum_age,
    requirement,
)
from mbcadvisor.advice.names import body_by_id, cert_by_id, find_cert, find_role
from mbcadvisor.advice.pay import number
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.figures import (
    duration,
    first_sentence,
    money,
    money_range,
    months,
    statistic,
    weeks,
    years,
)
from mbcadvisor.models import (
    Catalog,
    Cert,
    Guidance,
    Program,
    Role,
    Schooling,
    Source,
    record,
)

MAX_EXPERIENCE = 60
# AAPC removes the apprentice "-A" after two years of experience (complete-your-cpc-apprenticeship).
APPRENTICE_YEARS = 2
MAX_NEXT = 4  # next credentials shown to a credential holder


@record
class Step(Result):
    """One step of a plan. `done` is None when it depends on a fact the person did not give."""

    number: int
    title: str
    done: bool | None
    details: list[str]
    months_min: int | None = None
    months_max: int | None = None
    cost_min_usd: float | None = None
    cost_max_usd: float | None = None
    sources: list[Source]


@record
class Way(Result):
    """One way to prepare for the first credential, with its time and its total cost to the
    credential: what the total is built from, what is not priced, and its trade-offs."""

    route: Literal["school", "course", "self_study"]
    name: str
    short: str
    months_min: int | None
    months_max: int | None
    length: str
    cost_min_usd: float | None
    cost_max_usd: float | None
    built_from: list[str]
    unknown_costs: list[str]
    needs_diploma: bool
    trade_offs: list[str]
    within_budget: Literal["yes", "maybe", "no"] | None
    sources: list[Source]
    cost_sources: list[Source]
    """The pages its cost rests on: the prices found, the exam fee and the membership dues."""


@record
class Plan(Result):
    """`mbc plan`: the steps from where a person is to a credential and beyond.

    stage: new (no credential of the track yet) or credentialed. The cost totals cover the
    ways to the first credential (new) or the next credential's exam fees (credentialed)."""

    track: str
    track_name: str
    stage: Literal["new", "credentialed"]
    age: int
    schooling: Schooling | None
    experience_years: float
    certs_held: list[str]
    budget_usd: float | None
    steps: list[Step]
    ways: list[Way]
    earliest_credential_months: int | None
    cost_min_usd: float | None
    cost_max_usd: float | None
    unknown_costs: list[str]
    over_budget_usd: float | None
    budget_note: str | None
    missing: list[Missing]
    next_commands: list[str]


@dataclass
class _Person:
    """What the plan knows of the person."""

    catalog: Catalog
    role: Role
    age: int
    schooling: Schooling | None
    experience_years: float
    held: list[Cert]
    budget_usd: float | None
    ways: list[Way] = field(default_factory=list)

    @property
    def held_ids(self) -> set[str]:
        return {c.id.casefold() for c in self.held}

    def track_credential(self) -> Cert | None:
        """The first credential of the track the person holds (in the track's order)."""
        held = {c.id for c in self.held}
        return next((cert_by_id(self.catalog, i) for i in self.role.certs if i in held), None)


def _guidance(items: Iterable[Guidance], key: str) -> Guidance | None:
    return next((g for g in items if g.id == key), None)


def _body(catalog: Catalog, cert: Cert) -> str:
    return body_by_id(catalog, cert.body).acronym


def _prices(cert: Cert) -> list[float]:
    fees = cert.fees
    return [p for p in (fees.exam_usd, fees.member_usd, fees.non_member_usd) if p]


def first_cert(catalog: Catalog, role: Role) -> Cert:
    """The credential a newcomer's plan is built on: the track's first."""
    return cert_by_id(catalog, role.certs[0])


def entry_certs(catalog: Catalog, role: Role) -> list[Cert]:
    """The entry-level certifications of a role's track (else its first)."""
    entry = [cert_by_id(catalog, i) for i in role.certs]
    return [c for c in entry if c.level == "entry"] or [first_cert(catalog, role)]


def wait_months(catalog: Catalog, age: int) -> int:
    """Months until a person of this age reaches the minimum age to enroll."""
    return max(0, minimum_age(catalog) - age) * 12


# --- the ways to the first credential -----------------------------------------------------------


@dataclass
class _Fees:
    """The first credential's exam fee and required dues, and what of them is unknown."""

    cert: Cert
    body: str
    exam_low: float | None
    exam_high: float | None
    dues: float | None
    unknown: list[str]

    def parts(self, includes: Iterable[str]) -> tuple[float, float, dict[str, str], list[str]]:
        """Low and high sums of the fees a price does not include, each such fee's line (by
        what it is: exam, membership), and the fees whose amount is unknown."""
        low = high = 0.0
        lines: dict[str, str] = {}
        unknown: list[str] = []
        if "exam" not in includes:
            if self.exam_low is None:
                unknown.append(f"the {self.cert.id} exam fee (not in the data)")
            else:
                low += self.exam_low
                high += self.exam_high or self.exam_low
                what = f" ({self.cert.fees.includes})" if self.cert.fees.includes else ""
                fee = money_range(self.exam_low, self.exam_high)
                lines["exam"] = f"{self.cert.id} exam: {fee}{what}"
        if self.cert.membership.required and "membership" not in includes:
            if self.dues is None:
                unknown.append(f"{self.body} membership (required; its fee is not in the data)")
            else:
                low += self.dues
                high += self.dues
                lines["membership"] = (
                    f"{self.body} membership: {money(self.dues)} a year (required)"
                )
        return low, high, lines, unknown


def _fees(catalog: Catalog, cert: Cert) -> _Fees:
    prices = _prices(cert)
    required = cert.membership.required
    return _Fees(
        cert=cert,
        body=_body(catalog, cert),
        exam_low=min(prices) if prices else None,
        exam_high=max(prices) if prices else None,
        dues=cert.membership.annual_fee_usd if required else None,
        unknown=[],
    )


def _length(programs: list[Program]) -> tuple[int | None, int | None, str]:
    """The shortest and longest of some programs, in months, and in words (weeks where the
    sources give weeks)."""
    lows = [low for low, _ in (p.months() for p in programs) if low is not None]
    highs = [high for _, high in (p.months() for p in programs) if high is not None]
    low, high = min(lows, default=None), max(highs, default=None)
    if programs and all(p.min_weeks for p in programs):
        span = weeks(
            min(p.min_weeks or 0 for p in programs),
            max(p.max_weeks or p.min_weeks or 0 for p in programs),
        )
        return low, high, f"{span} (about {months(low, high)})"
    return low, high, months(low, high)


WayRoute = Literal["school", "course", "self_study"]
WAY_NAMES: dict[WayRoute, str] = {
    "school": "A school program (certificate or degree)",
    "course": "An exam-prep course",
    "self_study": "Study on your own, then take the exam",
}
WAY_SHORT: dict[WayRoute, str] = {
    "school": "a school program",
    "course": "an exam-prep course",
    "self_study": "self-study",
}


def _way(person: _Person, route: WayRoute, fees: _Fees) -> Way | None:
    catalog, track = person.catalog, person.role.id
    programs = [p for p in catalog.training.programs if p.route == route and track in p.tracks]
    if route != "self_study" and not programs:
        return None
    costs = [c for p in programs for c in p.costs if track in c.tracks]
    totals: list[tuple[float, float]] = []
    built: list[str] = []
    unknown: list[str] = []
    for cost in costs:
        low, high, _, missing = fees.parts(cost.includes)
        price = money_range(cost.low_usd, cost.high_usd)
        included = f" (includes {', '.join(cost.includes)})" if cost.includes else ""
        built.append(f"{cost.what}: {price}{included}")
        totals.append((cost.low_usd + low, (cost.high_usd or cost.low_usd) + high))
        unknown += [m for m in missing if m not in unknown]
    fee_low, fee_high, fee_lines, fee_unknown = fees.parts(())
    if not costs:
        totals = [(fee_low, fee_high)]
        unknown += [m for m in fee_unknown if m not in unknown]
        if route == "self_study":
            unknown.append("study books (their price is not in the data)")
        else:
            unknown.insert(0, f"the {_noun(route)} itself (no price found for {track})")
    for kind, line in fee_lines.items():  # the fees, where some price leaves them out
        if not costs or any(kind not in c.includes for c in costs):
            partly = costs and any(kind in c.includes for c in costs)
            built.append(line + (", where the price does not include it" if partly else ""))
    low_total = min(t[0] for t in totals)
    high_total = max(t[1] for t in totals)
    m_low, m_high, length = _length(programs)
    sources = [s for p in programs for s in p.sources] + [s for c in costs for s in c.sources]
    trade_offs, needs_diploma = _trade_offs(person, route, fees.cert)
    if route == "self_study":
        length = "at your own pace"
        course = [p for p in catalog.training.programs if p.route == "course" and track in p.tracks]
        if course:
            length += f"; courses take {_length(course)[2]}"
        sources += [s for g in _for_track(catalog.training.self_study, track) for s in g.sources]
    budget = person.budget_usd
    within: Literal["yes", "maybe", "no"] | None = None
    if budget is not None:
        within = "no" if low_total > budget else "maybe"
        if high_total <= budget and not unknown:
            within = "yes"
    return Way(
        route=route,
        name=WAY_NAMES[route],
        short=WAY_SHORT[route],
        months_min=m_low,
        months_max=m_high,
        length=length,
        cost_min_usd=low_total,
        cost_max_usd=high_total,
        built_from=built,
        unknown_costs=unknown,
        needs_diploma=needs_diploma,
        trade_offs=trade_offs,
        within_budget=within,
        sources=_unique(sources),
        cost_sources=_unique([*(s for c in costs for s in c.sources), *fee_pages(fees.cert)]),
    )


FEE_WORDS = re.compile(r"\$|\bfees?\b|\bprices?\b|\bcosts?\b|membership|\bdues\b", re.I)


def fee_pages(cert: Cert) -> list[Source]:
    """The pages among a credential's sources that state its fee or its membership dues."""
    return [s for s in cert.sources if FEE_WORDS.search(s.backs)]


def _noun(route: WayRoute) -> str:
    return {"school": "program", "course": "course", "self_study": "study"}[route]


def _unique(sources: Iterable[Source]) -> list[Source]:
    return list({(s.url or s.title): s for s in sources}.values())


def _trade_offs(person: _Person, route: WayRoute, cert: Cert) -> tuple[list[str], bool]:
    """What each way gives and costs, from the data's guidance; and whether it needs a diploma
    or GED to enroll."""
    training = person.catalog.training
    lines: list[str] = []
    if route == "school":
        lines.append(
            "Federal student aid can pay for an eligible program at an approved school "
            "(see the paying step)."
        )
        check = _guidance(training.checking_a_school, "ask_before_enrolling")
        if check:
            lines.append(first_sentence(check.text))
        return lines, True
    if route == "course":
        hours = _guidance(training.checking_a_school, "aapc_course_hours")
        if hours and cert.apprentice:
            lines.append(first_sentence(hours.text))
        return lines, True
    own = _for_track(training.self_study, person.role.id)
    free = _guidance(own, "no_program_needed")
    tradeoffs = _guidance(own, "self_study_tradeoffs")
    if free:
        lines.append(first_sentence(free.text))
    if tradeoffs:
        lines.append(tradeoffs.text)
    return lines, False


def _self_study_open(cert: Cert) -> bool:
    """Whether the credential's exam can be taken without a program: it asks for no
    education (AAPC's exams, for example)."""
    return cert.prerequisites.education is None


def _ways(person: _Person) -> list[Way]:
    cert = first_cert(person.catalog, person.role)
    fees = _fees(person.catalog, cert)
    routes: list[WayRoute] = ["school", "course"]
    if _self_study_open(cert):
        routes.append("self_study")
    ways = [_way(person, r, fees) for r in routes]
    return [w for w in ways if w is not None]


# --- the steps of a newcomer's plan -------------------------------------------------------------


def _schooling_step(person: _Person) -> Step:
    req = requirement(person.catalog, "diploma_or_ged")
    remedies = [r.text for r in req.remedies if r.fits(person.age, "none")]
    open_ways = [w.name.lower() for w in person.ways if not w.needs_diploma]
    done: bool | None
    if person.schooling in ("diploma", "ged"):
        done = True
        details = [f"You have a {'GED' if person.schooling == 'ged' else 'diploma'}."]
    elif person.schooling == "none":
        done = False
        details = ["School programs and courses ask for one.", *remedies]
        free = _guidance(person.catalog.training.self_study, "no_program_needed")
        if open_ways and free:
            details.append(first_sentence(free.text))
    else:
        done = None
        *first, last = SCHOOLING_FLAGS.values()
        details = [
            f"You did not say whether you have one (add {', '.join(first)} or {last}).",
            "Without one: " + (remedies[0] if remedies else "earn a GED."),
        ]
    return Step(
        number=0,
        title="High school diploma or GED",
        done=done,
        details=details,
        sources=req.sources,
    )


def _age_step(person: _Person) -> Step:
    req = requirement(person.catalog, "min_age")
    minimum = req.value or 0
    wait = wait_months(person.catalog, person.age)
    details = [f"You are {person.age}; programs ask for {minimum}."]
    if wait:
        years = wait // 12
        details.append(f"You turn {minimum} in {years} year{'s' if years != 1 else ''}.")
        if person.schooling is not None:
            details += [r.text for r in req.remedies if r.fits(person.age, person.schooling)]
        else:  # not said: the lines for each case, each saying which it is for
            cases: tuple[tuple[str, Schooling], ...] = (
                ("With a diploma or GED", "diploma"),
                ("Without one", "none"),
            )
            for label, case in cases:
                fitting = [r.text for r in req.remedies if r.fits(person.age, case)]
                details += [f"{label}: {text}" for text in fitting]
    return Step(
        number=0,
        title=f"Be at least {minimum} to enroll",
        done=wait == 0,
        details=details,
        months_min=wait or None,
        months_max=wait or None,
        sources=req.sources,
    )


def _prepare_step(person: _Person) -> Step:
    details = []
    for way in person.ways:
        cost = _way_cost(way)
        details.append(f"{way.name}: {way.length}; {cost}.")
    topics = person.catalog.training.topics
    details.append("What you will study: " + ", ".join(topics).lower() + ".")
    known = [w for w in person.ways if w.months_min]
    return Step(
        number=0,
        title="Choose how to prepare",
        done=False,
        details=details,
        months_min=min((w.months_min or 0 for w in known), default=None),
        months_max=max((w.months_max or w.months_min or 0 for w in known), default=None),
        sources=_unique(s for w in person.ways for s in w.sources),
    )


def _way_cost(way: Way) -> str:
    if way.cost_min_usd is None:
        return "cost not found"
    text = money_range(way.cost_min_usd, way.cost_max_usd)
    if way.unknown_costs:
        text = f"from {money(way.cost_min_usd)}, plus " + ", ".join(way.unknown_costs)
    return "total " + text


def cert_facts(catalog: Catalog, cert: Cert) -> list[str]:
    """The exam in one line, its fee and the membership it needs."""
    exam = cert.exam
    facts = [f"{cert.id}, {cert.name}, from {_body(catalog, cert)}."]
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
        facts.append(f"Fee: not stated on any page found; ask {_body(catalog, cert)}.")
    mem = cert.membership
    if mem.required:
        dues = f" ({money(mem.annual_fee_usd)} a year)" if mem.annual_fee_usd else ""
        facts.append(f"You must be a member of {_body(catalog, cert)}{dues}.")
    return facts


def _prerequisites(cert: Cert, held: set[str], experience_years: float) -> list[str]:
    pre = cert.prerequisites
    lines = []
    for needed in pre.credentials:
        state = "you hold it" if needed.casefold() in held else "you do not hold it yet"
        lines.append(f"Needs {needed} first: {state}.")
    if pre.experience:
        lines.append(f"Experience: {pre.experience} (you have {years(experience_years)}).")
    if pre.education:
        lines.append(f"Education: {pre.education}.")
    return lines


def _cert_step(person: _Person) -> Step:
    catalog = person.catalog
    cert = first_cert(catalog, person.role)
    details = cert_facts(catalog, cert)
    details += _prerequisites(cert, person.held_ids, person.experience_years)
    details.append("Its fee and membership are counted in each way's total (below the steps).")
    others = [c.id for c in entry_certs(catalog, person.role) if c.id != cert.id]
    if others:
        details.append(
            "Other entry credentials of this track: "
            + ", ".join(others)
            + f" (see `{command('certs', track=person.role.id)}`)."
        )
    return Step(
        number=0,
        title=f"Earn your first certification: {cert.id}",
        done=False,
        details=details,
        sources=cert.sources,
    )


def _for_track(items: Iterable[Guidance], track: str) -> list[Guidance]:
    return [g for g in items if not g.tracks or track in g.tracks]


PAYING = ("fafsa_pell", "wioa_job_center", "employer_tuition")


def _paying_step(person: _Person) -> Step:
    training = person.catalog.training
    paying = [g for g in training.paying if g.id in PAYING]
    checking = _for_track(training.checking_a_school, person.role.id)
    details = [first_sentence(g.text) for g in paying]
    details += [first_sentence(g.text) for g in checking]
    details.append("More, with every source: `mbc training`.")
    return Step(
        number=0,
        title="Pay for it, and check the school",
        done=False,
        details=details,
        sources=_unique(s for g in [*paying, *checking] for s in g.sources),
    )


def _job_titles(person: _Person) -> list[Guidance]:
    return [
        g
        for g in person.catalog.training.first_job
        if g.title and (not g.tracks or person.role.id in g.tracks)
    ]


def _job_step(person: _Person) -> Step:
    training = person.catalog.training
    cert = first_cert(person.catalog, person.role)
    titles = _job_titles(person)
    details = []
    if titles:
        details.append("Jobs to apply for: " + "; ".join(g.title or "" for g in titles) + ".")
    for item in _for_track(training.first_job, person.role.id):
        if item.title is None:
            details.append(item.text)
    if cert.apprentice:
        details.append(
            f"Passing {cert.id} without experience makes you {cert.apprentice.designation} "
            f"(apprentice). To remove it: {cert.apprentice.removal}"
        )
    remote = _guidance(training.reality_checks, "remote_after_experience")
    details.append(remote.text if remote else person.role.remote.caveat)
    used = _for_track(training.first_job, person.role.id)
    return Step(
        number=0,
        title="Get your first job and build experience",
        done=False,
        details=details,
        sources=_unique(
            [
                *(s for g in [*used, *([remote] if remote else [])] for s in g.sources),
                *([] if remote else person.role.sources),
            ]
        ),
    )


def _ladder_step(person: _Person, title: str = "Specialize and climb the ladder") -> Step:
    catalog, role = person.catalog, person.role
    lines = []
    for step in ladder_steps(catalog, role):
        line = step.step
        if number(step.median_annual) is not None and step.occupation:
            median = statistic(step.median_annual)
            line += f" (BLS median for {step.occupation.lower()}: {median} a year)"
        lines.append(line)
    specialty = _specialty(person)
    if specialty:
        lines.append("Specialty credentials: " + ", ".join(specialty) + ".")
    return Step(number=0, title=title, done=False, details=lines, sources=role.sources)


def _specialty(person: _Person) -> list[str]:
    return sorted(
        c.id
        for c in person.catalog.certs
        if person.role.id in c.tracks
        and c.level == "specialty"
        and c.id.casefold() not in person.held_ids
    )


# --- a credential holder's plan ------------------------------------------------------------------


def _held_step(person: _Person, cert: Cert) -> Step:
    details = [f"You hold {cert.id} ({cert.name})."]
    if cert.apprentice:
        if person.experience_years >= APPRENTICE_YEARS:
            details.append(
                f"If yours still shows the apprentice A ({cert.apprentice.designation}), your "
                f"{years(person.experience_years)} of experience can remove it: "
                f"{cert.apprentice.removal}"
            )
        else:
            details.append(
                f"Until you have {APPRENTICE_YEARS} years of experience it reads "
                f"{cert.apprentice.designation}. To remove the A: {cert.apprentice.removal}"
            )
    if cert.membership.required:
        yearly = cert.membership.annual_fee_usd
        dues = f" ({money(yearly)} a year)" if yearly else ""
        details.append(f"Keep your {_body(person.catalog, cert)} membership{dues}: it is required.")
    return Step(
        number=0,
        title=f"Your credential: {cert.id}",
        done=True,
        details=details,
        sources=cert.sources,
    )


def next_credentials(person: _Person) -> list[Cert]:
    """Advanced credentials of the track (and of auditing, where coders move next) that the
    person does not hold and whose required credentials they do hold; fee known first."""
    tracks = {person.role.id, "auditing"}
    found = [
        c
        for c in person.catalog.certs
        if c.level in ("advanced", "entry")
        and tracks & set(c.tracks)
        and c.id.casefold() not in person.held_ids
        and all(n.casefold() in person.held_ids for n in c.prerequisites.credentials)
        and "degree" not in (c.prerequisites.education or "")  # a degree is not a next step
        and c.id not in person.role.certs[:1]
    ]
    found.sort(key=lambda c: (c.level != "advanced", not _prices(c), c.id))
    return found[:MAX_NEXT]


def _next_step(person: _Person, held: Cert) -> Step:
    details = []
    low: list[float] = []
    high: list[float] = []
    candidates = next_credentials(person)
    for cert in candidates:
        prices = _prices(cert)
        fee = money_range(min(prices), max(prices)) if prices else "fee not in the data"
        same_body = cert.body == held.body
        dues = ""
        if cert.membership.required and not same_body:
            yearly = cert.membership.annual_fee_usd
            dues = f", plus {_body(person.catalog, cert)} membership"
            dues += f" ({money(yearly)} a year)" if yearly else ""
        needs = f"; needs {cert.prerequisites.education}" if cert.prerequisites.education else ""
        details.append(
            f"{cert.id} ({cert.name}, {_body(person.catalog, cert)}): {fee}{dues}{needs}."
        )
        if prices:
            low.append(min(prices))
            high.append(max(prices))
    if not candidates:
        details.append("You hold every advanced credential of this track in the data.")
    example = candidates[0].id if candidates else held.id
    details.append(f"Any of them in full: `{command('certs', example)}`.")
    return Step(
        number=0,
        title="Earn your next credential",
        done=False,
        details=details,
        cost_min_usd=min(low, default=None),
        cost_max_usd=max(high, default=None),
        sources=_unique(s for c in candidates for s in c.sources) or held.sources,
    )


def _work_step(person: _Person) -> Step:
    training = person.catalog.training
    experienced = person.experience_years >= APPRENTICE_YEARS
    details = [f"You have {years(person.experience_years)} of experience."]
    remote = _guidance(training.reality_checks, "remote_after_experience")
    if experienced:
        if remote:
            details.append(remote.text)
    else:
        titles = _job_titles(person)
        if titles:
            details.append("Jobs to apply for: " + "; ".join(g.title or "" for g in titles) + ".")
        item = _guidance(_for_track(training.first_job, person.role.id), "experience_required")
        if item:
            details.append(item.text)
    where = _guidance(training.first_job, "where_to_look")
    if where:
        details.append(where.text)
    used = [g for g in (remote, where) if g is not None]
    return Step(
        number=0,
        title="Find work that builds on it" if experienced else "Get experience",
        done=False,
        details=details,
        sources=_unique(s for g in used for s in g.sources) or person.role.sources,
    )


# --- the plan ------------------------------------------------------------------------------------


def _numbered(steps: list[Step]) -> list[Step]:
    from dataclasses import replace

    return [replace(step, number=n) for n, step in enumerate(steps, 1)]


def _budget_note(ways: list[Way], budget: float) -> tuple[float | None, str]:
    """How far over the budget the cheapest way is (None if it fits), and the verdict."""
    priced = [w for w in ways if w.cost_min_usd is not None]
    if not priced:
        return None, f"No way's cost is known, so your budget of {money(budget)} cannot be checked."
    cheapest = min(priced, key=lambda w: w.cost_min_usd or 0)
    low = cheapest.cost_min_usd or 0
    if low > budget:
        over = low - budget
        extra = ", plus costs not in the data" if cheapest.unknown_costs else ""
        return over, (
            f"Over your budget of {money(budget)} by {money(over)}: the cheapest way "
            f"({cheapest.short}) costs at least {money(low)}{extra}. "
            "Ask about federal aid, WIOA training money and employer help (see the paying step)."
        )
    sentences = []
    for verdict, words in (
        ("yes", "Within your budget of {budget}: {ways}."),
        ("maybe", "Maybe within it (at the low end, or before costs not in the data): {ways}."),
        ("no", "Over it: {ways}."),
    ):
        names = [w.short for w in ways if w.within_budget == verdict]
        if names:
            sentences.append(words.format(budget=money(budget), ways=", ".join(names)))
    if not any(w.within_budget == "yes" for w in ways):
        sentences.insert(0, f"Your budget: {money(budget)}.")
    return None, " ".join(sentences)


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
    role = find_role(catalog, track)
    person = _Person(catalog, role, age, schooling, experience_years, held, budget_usd)
    holding = person.track_credential()

    def made(**rest: Any) -> Plan:
        """The plan, with what every plan says of the person."""
        return Plan(
            track=role.id,
            track_name=role.name,
            age=age,
            schooling=schooling,
            experience_years=experience_years,
            certs_held=sorted(c.id for c in held),
            budget_usd=budget_usd,
            **rest,
        )

    if holding is not None:
        steps = _numbered(
            [
                _held_step(person, holding),
                _next_step(person, holding),
                _work_step(person),
                _ladder_step(person, "Climb the ladder"),
            ]
        )
        low, high = steps[1].cost_min_usd, steps[1].cost_max_usd
        over = None
        if budget_usd is not None and low is not None and low > budget_usd:
            over = low - budget_usd
        return made(
            stage="credentialed",
            steps=steps,
            ways=[],
            earliest_credential_months=None,
            cost_min_usd=low,
            cost_max_usd=high,
            unknown_costs=[],
            over_budget_usd=over,
            budget_note=None,
            missing=[],
            next_commands=[command("certs", track=role.id), command("pay", role.id)],
        )
    person.ways = ways = _ways(person)
    missing = []
    if schooling is None:
        options = list(SCHOOLING_FLAGS.values())
        missing.append(Missing(fact="schooling", question=ASK_SCHOOLING, options=options))
    steps = _numbered(
        [
            _schooling_step(person),
            _age_step(person),
            _prepare_step(person),
            _cert_step(person),
            _paying_step(person),
            _job_step(person),
            _ladder_step(person),
        ]
    )
    quickest = [w.months_min for w in ways if w.months_min]
    earliest = wait_months(catalog, age) + min(quickest) if quickest else None
    unknown = list(dict.fromkeys(u for w in ways for u in w.unknown_costs))
    if schooling == "none":
        unknown.append("the GED test (each state sets its price)")
    priced = [w for w in ways if w.cost_min_usd is not None]
    over, note = _budget_note(ways, budget_usd) if budget_usd is not None else (None, None)
    return made(
        stage="new",
        steps=steps,
        ways=ways,
        earliest_credential_months=earliest,
        cost_min_usd=min((w.cost_min_usd or 0 for w in priced), default=None),
        cost_max_usd=max((w.cost_max_usd or 0 for w in priced), default=None),
        unknown_costs=unknown,
        over_budget_usd=over,
        budget_note=note,
        missing=missing,
        next_commands=[command("training"), command("certs", first_cert(catalog, role).id)],
    )
