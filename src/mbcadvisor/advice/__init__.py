"""Questions and answers: compare roles, filter credentials, eligibility, pay, sources.

Every function takes models and returns a result object; nothing here prints or exits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from mbcadvisor.errors import MbcError, UnknownNameError
from mbcadvisor.records import to_jsonable
from mbcadvisor.vocab import LEVELS, TRACKS, Level, Track

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    from mbcadvisor.models import (
        Body,
        Cert,
        Guidance,
        Occupation,
        Outlook,
        PayEstimate,
        Program,
        Role,
        Source,
    )
    from mbcadvisor.records import CatalogView
else:

    def dataclass_transform(**_: object) -> Any:
        return lambda cls: cls


__all__ = ["to_jsonable"]

CertSort = Literal["name", "fee", "questions", "minutes"]
CERT_SORTS: tuple[CertSort, ...] = ("name", "fee", "questions", "minutes")
Schooling = Literal["diploma", "ged"]


@dataclass_transform(frozen_default=True, kw_only_default=True)
class Result:
    """Base of every answer: a frozen dataclass whose JSON form is a public interface."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)

    def payload(self) -> Any:
        """The answer as JSON-ready data: the shape `--json` prints (a documented interface)."""
        return to_jsonable(self)


# --- facts derived from records -----------------------------------------------------------------


def lowest_fee(cert: Cert) -> float | None:
    """The cheapest listed price of one exam attempt (member or student prices included)."""
    fees = cert.fees
    prices = [
        p
        for p in (fees.exam_usd, fees.member_usd, fees.non_member_usd, fees.student_usd)
        if p is not None
    ]
    return min(prices) if prices else None


def standard_fee(cert: Cert) -> float | None:
    """The price shown for one attempt: the standard price, else non-member, else member."""
    fees = cert.fees
    return fees.exam_usd or fees.non_member_usd or fees.member_usd


def latest_estimate(occupation: Occupation) -> PayEstimate:
    """The newest year's pay estimate."""
    return max(occupation.estimates, key=lambda e: e.year)


def newest_with(occupation: Occupation, statistic: str) -> PayEstimate | None:
    """The newest estimate that states this annual statistic (mean, p10, ..., p90)."""
    having = [e for e in occupation.estimates if getattr(e.annual, statistic) is not None]
    return max(having, key=lambda e: e.year) if having else None


def distribution(occupation: Occupation) -> PayEstimate:
    """The newest estimate with a 10th and a 90th percentile, else the newest."""
    full = [e for e in occupation.estimates if e.annual.p10 and e.annual.p90]
    return max(full, key=lambda e: e.year) if full else latest_estimate(occupation)


# --- names ------------------------------------------------------------------------------------


def _normal(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").split()).casefold()


def pick(kind: str, name: str, choices: dict[str, str]) -> str:
    """The id that `name` means among `choices` (a name -> id map), or UnknownNameError."""
    wanted = _normal(name)
    if not wanted:
        raise MbcError(f"{kind} name is empty")
    normal = {_normal(k): v for k, v in choices.items()}
    if wanted in normal:
        return normal[wanted]
    close = difflib.get_close_matches(wanted, list(normal), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(normal[c] for c in close))
    raise UnknownNameError(kind, name, suggestions, sorted(set(choices.values())))


def role_names(catalog: CatalogView) -> dict[str, str]:
    """Every name a user may type for a role (id and aliases), mapped to the role id."""
    names: dict[str, str] = {}
    for role in catalog.roles:
        for name in (role.id, *role.aliases):
            names[name] = role.id
    return names


def find_role(catalog: CatalogView, name: str) -> Role:
    """The role a user means by `name`, case-insensitive, aliases included."""
    role_id = pick("role", name, role_names(catalog))
    return next(r for r in catalog.roles if r.id == role_id)


def find_cert(catalog: CatalogView, name: str) -> Cert:
    """The certification with this id (any case)."""
    cert_id = pick("certification", name, {i: i for i in catalog.cert_ids})
    return catalog.cert(cert_id)


def find_body(catalog: CatalogView, name: str) -> Body:
    """The credentialing body with this id or acronym (any case)."""
    names = {b.id: b.id for b in catalog.bodies} | {b.acronym: b.id for b in catalog.bodies}
    body_id = pick("body", name, names)
    return next(b for b in catalog.bodies if b.id == body_id)


def find_track(name: str) -> Track:
    """A track name (any case)."""
    track_id = pick("track", name, {t: t for t in TRACKS})
    return next(t for t in TRACKS if t == track_id)


def find_level(name: str) -> Level:
    """A level name (any case)."""
    level_id = pick("level", name, {lv: lv for lv in LEVELS})
    return next(lv for lv in LEVELS if lv == level_id)


def occupation_of(catalog: CatalogView, role: Role) -> Occupation:
    """The BLS occupation whose pay stands for the role."""
    return next(o for o in catalog.occupations if o.soc == role.soc)


# --- compare ----------------------------------------------------------------------------------


class CertRef(Result):
    """A certification named in a comparison."""

    id: str
    name: str
    body: str


class PayFigure(Result):
    """One pay statistic with its year and source: figures may come from different years."""

    statistic: Literal["median", "mean", "p90"]
    annual: float
    hourly: float | None
    year: int
    source: Source


class PaySummary(Result):
    """The newest BLS figure of each headline statistic for a role's occupation."""

    soc: str
    occupation: str
    figures: list[PayFigure]


class OutlookSummary(Result):
    """A role's job outlook: words, and the newest BLS projection."""

    text: str
    period: str | None
    growth_percent: float | None
    wording: str | None
    covers: str | None
    source: Source | None


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


class Comparison(Result):
    """`mbc compare`: two or more roles side by side."""

    roles: list[RoleSummary]


def _newest_outlook(occupation: Occupation) -> Outlook | None:
    if not occupation.outlook:
        return None
    return max(occupation.outlook, key=lambda o: (o.period, o.as_of))


def _pay_summary(occupation: Occupation) -> PaySummary:
    figures = []
    for statistic in ("median", "mean", "p90"):
        estimate = newest_with(occupation, statistic)
        if estimate is None:
            continue
        figures.append(
            PayFigure(
                statistic=statistic,
                annual=getattr(estimate.annual, statistic),
                hourly=getattr(estimate.hourly, statistic),
                year=estimate.year,
                source=estimate.sources[0],
            )
        )
    return PaySummary(soc=occupation.soc, occupation=occupation.title, figures=figures)


def summarise_role(catalog: CatalogView, role: Role) -> RoleSummary:
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
        pay=_pay_summary(occupation),
        training=catalog.training.programs,
        certs=[
            CertRef(id=c.id, name=c.name, body=c.body)
            for c in (catalog.cert(i) for i in role.certs)
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


def compare_roles(catalog: CatalogView, names: Iterable[str]) -> Comparison:
    """Compare the roles named (ids or aliases, any case); each role once, in the order given."""
    roles: list[Role] = []
    for name in names:
        role = find_role(catalog, name)
        if role not in roles:
            roles.append(role)
    if len(roles) < 2:
        raise MbcError("compare needs two different roles, e.g. `mbc compare billing coding`")
    return Comparison(roles=[summarise_role(catalog, r) for r in roles])


# --- certifications ---------------------------------------------------------------------------


class CertFilters(Result):
    """The filters a `mbc certs` listing was asked for."""

    track: Track | None = None
    body: str | None = None
    level: Level | None = None
    max_fee: float | None = None
    remote: bool | None = None
    sort: CertSort = "name"


class CertGroup(Result):
    """Certifications of one track."""

    track: Track
    certs: list[Cert]


class CertListing(Result):
    """`mbc certs`: the credentials that pass the filters, grouped by their first track."""

    filters: CertFilters
    count: int
    groups: list[CertGroup]
    bodies: dict[str, str]


def _sort_key(sort: CertSort) -> object:
    def key(cert: Cert) -> tuple[bool, float | str, str]:
        value: float | str | None
        if sort == "fee":
            value = lowest_fee(cert)
        elif sort == "questions":
            value = cert.exam.questions
        elif sort == "minutes":
            value = cert.exam.minutes
        else:
            value = cert.id
        # unknown values go last, whatever the sort
        return (value is None, value if value is not None else 0, cert.id)

    return key


def list_certs(catalog: CatalogView, filters: CertFilters) -> CertListing:
    """The certifications passing every filter, sorted, grouped by track."""
    chosen: list[Cert] = []
    ids = catalog.cert_ids_where(filters.track, filters.level, filters.body)
    for cert in catalog.listed(ids):
        if filters.max_fee is not None:
            fee = lowest_fee(cert)
            if fee is None or fee > filters.max_fee:
                continue
        if filters.remote is not None and ("online" in cert.exam.delivery) != filters.remote:
            continue
        chosen.append(cert)
    chosen.sort(key=_sort_key(filters.sort))  # type: ignore[arg-type]
    groups: list[CertGroup] = []
    for track in TRACKS:
        if filters.track and track != filters.track:
            continue
        members = [
            c
            for c in chosen
            if (filters.track == track) or (not filters.track and c.tracks[0] == track)
        ]
        if members:
            groups.append(CertGroup(track=track, certs=members))
    return CertListing(
        filters=filters,
        count=len(chosen),
        groups=groups,
        bodies=dict(catalog.acronyms),
    )


class CertDetail(Result):
    """`mbc certs ID`: one credential in full, with its body."""

    cert: Cert
    body: Body

    def payload(self) -> Any:
        """`mbc certs ID --json` is the certification's own object."""
        return to_jsonable(self.cert)


def cert_detail(catalog: CatalogView, name: str) -> CertDetail:
    """One certification by id (any case), with its issuing body."""
    cert = find_cert(catalog, name)
    body = next(b for b in catalog.bodies if b.id == cert.body)
    return CertDetail(cert=cert, body=body)


# --- eligibility ------------------------------------------------------------------------------


class Check(Result):
    """One requirement, met or not, and why."""

    id: str
    label: str
    met: bool
    reason: str
    sources: list[Source]


class Eligibility(Result):
    """`mbc eligible`: whether a person can enroll in a training program, and what to do if not."""

    eligible: bool
    age: int
    schooling: Schooling | None
    checks: list[Check]
    next_steps: list[str]


MAX_AGE = 120


def eligibility(catalog: CatalogView, age: int, schooling: Schooling | None) -> Eligibility:
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


# --- pay --------------------------------------------------------------------------------------


class PayRow(Result):
    """A role's pay distribution from its BLS occupation."""

    role: str
    role_name: str
    soc: str
    occupation: str
    estimate: PayEstimate


class PayReport(Result):
    """`mbc pay`: pay distributions, annual or hourly."""

    hourly: bool
    rows: list[PayRow]
    caveats: list[Guidance]


def pay_report(catalog: CatalogView, names: Iterable[str], hourly: bool = False) -> PayReport:
    """The newest BLS pay distribution of each role named, or of every role."""
    wanted = list(names)
    roles: list[Role] = []
    for role in [find_role(catalog, n) for n in wanted] if wanted else catalog.roles:
        if role not in roles:
            roles.append(role)
    rows = []
    for role in roles:
        occupation = occupation_of(catalog, role)
        rows.append(
            PayRow(
                role=role.id,
                role_name=role.name,
                soc=occupation.soc,
                occupation=occupation.title,
                estimate=distribution(occupation),
            )
        )
    caveats = [g for g in catalog.training.reality_checks if g.id == "survey_vs_bls"]
    return PayReport(hourly=hourly, rows=rows, caveats=caveats)


# --- sources ----------------------------------------------------------------------------------


class SourceUse(Result):
    """A source and every record it backs."""

    url: str
    title: str
    kind: str
    as_of: dt.date | None
    backs: list[str]
    stale: bool


class SourcesReport(Result):
    """`mbc sources`: every source, what it backs, its date and kind."""

    today: dt.date
    stale_after_years: int
    only_stale: bool
    count: int
    sources: list[SourceUse]


STALE_YEARS = 2


def stale_cutoff(today: dt.date) -> dt.date:
    """The date two years before today (28 February for a 29 February)."""
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    return dt.date(today.year - STALE_YEARS, today.month, day)


def _records(catalog: CatalogView) -> Iterable[tuple[str, list[Source]]]:
    for role in catalog.roles:
        yield f"role {role.id}", role.sources
    for cert in catalog.certs:
        yield f"cert {cert.id}", cert.sources
    for body in catalog.bodies:
        yield f"body {body.id}", body.sources
    for occ in catalog.occupations:
        for est in occ.estimates:
            yield f"pay {occ.soc} {est.year}", est.sources
        for out in occ.outlook:
            yield f"outlook {occ.soc} {out.period}", out.sources
    training = catalog.training
    yield "training", training.sources
    for req in training.requirements:
        yield f"requirement {req.id}", req.sources
    for prog in training.programs:
        yield f"program {prog.id}", prog.sources


def sources_report(
    catalog: CatalogView, only_stale: bool = False, today: dt.date | None = None
) -> SourcesReport:
    """Every source in the data with what it backs; `only_stale` keeps those over two years old."""
    today = today or dt.date.today()
    cutoff = stale_cutoff(today)
    by_url: dict[str, tuple[Source, list[str]]] = {}
    for record, sources in _records(catalog):
        for source in sources:
            kept, backs = by_url.setdefault(source.url, (source, []))
            if source.as_of and (kept.as_of is None or source.as_of > kept.as_of):
                by_url[source.url] = (source, backs)
            backs.append(f"{record}: {source.backs}")
    uses = [
        SourceUse(
            url=src.url,
            title=src.title,
            kind=src.kind,
            as_of=src.as_of,
            backs=backs,
            # an undated page cannot show it is current, so it counts as stale
            stale=src.as_of is None or src.as_of < cutoff,
        )
        for src, backs in by_url.values()
    ]
    if only_stale:
        uses = [u for u in uses if u.stale]
    uses.sort(key=lambda u: (u.kind, u.url))
    return SourcesReport(
        today=today,
        stale_after_years=STALE_YEARS,
        only_stale=only_stale,
        count=len(uses),
        sources=uses,
    )
