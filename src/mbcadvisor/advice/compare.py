"""`mbc compare`: two or more roles side by side, every pay figure from one BLS release."""

from __future__ import annotations

from collections.abc import Iterable

from mbcadvisor.advice.names import cert_by_id, find_role, occupation_of
from mbcadvisor.advice.pay import PaySummary, national, newest_projection, number, pay_summary
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.models import Catalog, Estimate, Program, Role, Source, Statistic, Table, record


@record
class CertRef(Result):
    """A certification named in a comparison."""

    id: str
    name: str
    body: str


@record
class OutlookSummary(Result):
    """A role's job outlook: the source article's words, and BLS's newest projection."""

    text: str
    period: str | None
    growth_percent: float | None
    wording: str | None
    openings_per_year: int | None
    covers: str | None
    sources: list[Source]


@record
class LadderStep(Result):
    """A step up the career ladder, with the median pay of its occupation where one stands
    for it."""

    step: str
    soc: str | None
    occupation: str | None
    covers: str | None
    median_annual: Statistic
    median_hourly: Statistic


@record
class RoleSummary(Result):
    """One column of a comparison."""

    id: str
    name: str
    summary: str
    duties: list[str]
    workplaces: list[str]
    skills: list[str]
    pay: PaySummary
    training: list[Program]
    certs: list[CertRef]
    remote: str
    remote_caveat: str
    outlook: OutlookSummary
    career_path: list[LadderStep]
    sources: list[Source]


@record
class Comparison(Result):
    """`mbc compare`: two or more roles side by side."""

    roles: list[RoleSummary]
    place: str
    release: str


def ladder(
    catalog: Catalog, role: Role, states: Table | None = None, state: str | None = None
) -> list[LadderStep]:
    """The role's career path, each step with its occupation's median pay (in a state, when
    one is given and BLS publishes it there; else nationally)."""
    steps = []
    for item in role.career_path:
        occupation = next((o for o in catalog.occupations if o.soc == item.soc), None)
        row = None
        if occupation is not None:
            row = _in_state(states, occupation.soc, state) or national(catalog, occupation.soc)
        steps.append(
            LadderStep(
                step=item.step,
                soc=item.soc,
                occupation=occupation.title if occupation else None,
                covers=occupation.covers if occupation else None,
                median_annual=row.annual_median if row else None,
                median_hourly=row.hourly_median if row else None,
            )
        )
    return steps


def _in_state(states: Table | None, soc: str, state: str | None) -> Estimate | None:
    if states is None or state is None:
        return None
    row = states.row(soc, "state", state)
    return row if row is not None and number(row.annual_median) is not None else None


def summarise_role(
    catalog: Catalog, role: Role, states: Table | None = None, state: str | None = None
) -> RoleSummary:
    """Everything the comparison shows about one role."""
    occupation = occupation_of(catalog, role)
    projection = newest_projection(occupation)
    return RoleSummary(
        id=role.id,
        name=role.name,
        summary=role.summary,
        duties=role.duties,
        workplaces=role.workplaces,
        skills=role.skills,
        pay=pay_summary(catalog, occupation, _in_state(states, occupation.soc, state)),
        training=[p for p in catalog.training.programs if role.id in p.tracks],
        certs=[
            CertRef(id=c.id, name=c.name, body=c.body)
            for c in (cert_by_id(catalog, i) for i in role.certs)
        ],
        remote=role.remote.summary,
        remote_caveat=role.remote.caveat,
        outlook=OutlookSummary(
            text=role.outlook,
            period=projection.period if projection else None,
            growth_percent=projection.growth_percent if projection else None,
            wording=projection.wording if projection else None,
            openings_per_year=projection.openings_per_year if projection else None,
            covers=projection.covers if projection else None,
            sources=projection.sources if projection else [],
        ),
        career_path=ladder(catalog, role, states, state),
        sources=role.sources,
    )


def compare_roles(
    catalog: Catalog,
    names: Iterable[str],
    states: Table | None = None,
    state: str | None = None,
    place: str = "National",
) -> Comparison:
    """Compare the roles named (ids or aliases, any case); each role once, in the order given.
    With a state (its BLS code), pay is the state's where BLS publishes it."""
    roles: list[Role] = []
    for name in names:
        role = find_role(catalog, name)
        if role not in roles:
            roles.append(role)
    if len(roles) < 2:
        raise MbcError("compare needs two different roles, e.g. `mbc compare billing coding`")
    return Comparison(
        roles=[summarise_role(catalog, r, states, state) for r in roles],
        place=place,
        release=catalog.release.release,
    )
