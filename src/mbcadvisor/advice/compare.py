"""`mbc compare`: two or more roles side by side."""

from __future__ import annotations

from collections.abc import Iterable

from mbcadvisor.advice.names import cert_by_id, find_role, occupation_of
from mbcadvisor.advice.pay import PaySummary, pay_summary
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError
from mbcadvisor.models import Catalog, Occupation, Outlook, Program, Role, Source, record


@record
class CertRef(Result):
    """A certification named in a comparison."""

    id: str
    name: str
    body: str


@record
class OutlookSummary(Result):
    """A role's job outlook: words, and the newest BLS projection."""

    text: str
    period: str | None
    growth_percent: float | None
    wording: str | None
    covers: str | None
    source: Source | None


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
    career_path: list[str]
    sources: list[Source]


@record
class Comparison(Result):
    """`mbc compare`: two or more roles side by side."""

    roles: list[RoleSummary]


def _newest_outlook(occupation: Occupation) -> Outlook | None:
    if not occupation.outlook:
        return None
    return max(occupation.outlook, key=lambda o: o.period)


def summarise_role(catalog: Catalog, role: Role) -> RoleSummary:
    """Everything the comparison shows about one role."""
    occupation = occupation_of(catalog, role)
    outlook = _newest_outlook(occupation)
    return RoleSummary(
        id=role.id,
        name=role.name,
        summary=role.summary,
        duties=role.duties,
        workplaces=role.workplaces,
        skills=role.skills,
        pay=pay_summary(occupation),
        training=catalog.training.programs,
        certs=[
            CertRef(id=c.id, name=c.name, body=c.body)
            for c in (cert_by_id(catalog, i) for i in role.certs)
        ],
        remote=role.remote.summary,
        remote_caveat=role.remote.caveat,
        outlook=OutlookSummary(
            text=role.outlook,
            period=outlook.period if outlook else None,
            growth_percent=outlook.growth_percent if outlook else None,
            wording=outlook.wording if outlook else None,
            covers=outlook.covers if outlook else None,
            source=outlook.sources[0] if outlook else None,
        ),
        career_path=role.career_path,
        sources=role.sources,
    )


def compare_roles(catalog: Catalog, names: Iterable[str]) -> Comparison:
    """Compare the roles named (ids or aliases, any case); each role once, in the order given."""
    roles: list[Role] = []
    for name in names:
        role = find_role(catalog, name)
        if role not in roles:
            roles.append(role)
    if len(roles) < 2:
        raise MbcError("compare needs two different roles, e.g. `mbc compare billing coding`")
    return Comparison(roles=[summarise_role(catalog, r) for r in roles])
