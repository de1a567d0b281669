"""`mbc start`: the guided first run. From what a person tells us (each fact optional): can they
enroll, which track fits and why, their plan, and pay where they live, on one page.

Nothing is guessed: what was not given is named, with the option that gives it, and the
commands it hands over to carry every fact that was given.
"""

from __future__ import annotations

from mbcadvisor.advice.commands import ASK_SCHOOLING, SCHOOLING_FLAGS, command
from mbcadvisor.advice.eligibility import Eligibility, Missing, eligibility
from mbcadvisor.advice.match import Answer, Match, match_track
from mbcadvisor.advice.names import find_role, occupation_of
from mbcadvisor.advice.pay import bls_source, find_state, national
from mbcadvisor.advice.plan import Plan, build_plan
from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Schooling, Source, Statistic, Table, record


@record
class LocalPay(Result):
    """A role's median pay where the person lives (where BLS publishes it) and nationally."""

    role: str
    role_name: str
    occupation: str
    place: str | None
    annual_median: Statistic
    national_annual_median: Statistic
    release: str


@record
class Start(Result):
    """`mbc start`: what the person told us, and the answers built from it."""

    age: int | None
    schooling: Schooling | None
    budget_usd: float | None
    state: str | None
    track: str | None
    track_from: str
    eligibility: Eligibility | None
    match: Match | None
    plan: Plan | None
    pay: list[LocalPay]
    missing: list[Missing]
    next_commands: list[str]
    sources: list[Source]


def start(
    catalog: Catalog,
    age: int | None = None,
    schooling: Schooling | None = None,
    answers: dict[str, Answer] | None = None,
    budget_usd: float | None = None,
    states: Table | None = None,
    state: str | None = None,
    track: str | None = None,
) -> Start:
    """One page from whatever the person gave: enrollment, track, plan and local pay."""
    missing: list[Missing] = []
    place_code = place_name = None
    if state is not None and states is not None:
        place_code, place_name = find_state(states, state)
    chosen = find_role(catalog, track).id if track is not None else None
    matched = match_track(catalog, answers) if answers is not None else None
    if chosen is not None:
        track_from = "you chose it"
    elif matched is not None and matched.verdict == "track":
        chosen = matched.track
        track_from = "your answers"
    elif matched is not None and matched.verdict == "both":
        track_from = "both fit"
    else:
        track_from = "not decided"
    if age is None:
        missing.append(Missing(fact="age", question="How old are you?", options=["--age"]))
    if schooling is None:
        options = list(SCHOOLING_FLAGS.values())
        missing.append(Missing(fact="schooling", question=ASK_SCHOOLING, options=options))
    if answers is None and track is None:
        missing.append(
            Missing(
                fact="track",
                question="Which track fits you? (six questions)",
                options=["--answers", "--track"],
            )
        )
    checked = eligibility(catalog, age, schooling) if age is not None else None
    plan = None
    if chosen is not None and age is not None:
        plan = build_plan(catalog, chosen, age, schooling, budget_usd=budget_usd)
    roles = [r for r in catalog.roles if chosen is None or r.id == chosen]
    pay = []
    for role in roles:
        occupation = occupation_of(catalog, role)
        here = None
        if place_code is not None and states is not None:
            here = states.row(occupation.soc, "state", place_code)
        pay.append(
            LocalPay(
                role=role.id,
                role_name=role.name,
                occupation=occupation.title,
                place=place_name,
                annual_median=here.annual_median if here is not None else None,
                national_annual_median=national(catalog, occupation.soc).annual_median,
                release=catalog.release.release,
            )
        )
    commands = []
    if chosen is not None:
        commands.append(
            command("plan", track=chosen, age=age, schooling=schooling, budget_usd=budget_usd)
        )
        commands.append(command("pay", chosen, state=state))
    elif matched is not None and matched.verdict == "both":
        for role in catalog.roles:  # either fits: a plan for each, and the combined credential
            commands.append(
                command("plan", track=role.id, age=age, schooling=schooling, budget_usd=budget_usd)
            )
        commands += matched.next_commands
    else:
        role_ids = [r.id for r in catalog.roles]
        commands.append(command("compare", *role_ids))
        if answers is None:
            commands.append(command("match"))
    return Start(
        age=age,
        schooling=schooling,
        budget_usd=budget_usd,
        state=place_name,
        track=chosen,
        track_from=track_from,
        eligibility=checked,
        match=matched,
        plan=plan,
        pay=pay,
        missing=missing,
        next_commands=commands,
        sources=[bls_source(catalog, "the median pay of each occupation shown")],
    )
