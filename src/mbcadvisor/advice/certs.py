"""`mbc certs`: credentials filtered, sorted and grouped by track; or one in full."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from mbcadvisor.advice.names import body_by_id, find_cert
from mbcadvisor.advice.result import Result, to_jsonable
from mbcadvisor.models import (
    TRACKS,
    Body,
    Catalog,
    Cert,
    Level,
    Source,
    SurveyFigure,
    Track,
    record,
)

CertSort = Literal["name", "fee", "questions", "minutes"]
LEVEL_RANK = {"entry": 0, "advanced": 1, "specialty": 2}
CERT_SORTS: tuple[CertSort, ...] = ("name", "fee", "questions", "minutes")


def exam_known(cert: Cert) -> bool:
    """Whether any exam fact a listing shows is known (questions, time, pass mark, fee)."""
    exam = cert.exam
    return any(v is not None for v in (exam.questions, exam.minutes, exam.passing_score)) or (
        standard_fee(cert) is not None
    )


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


@record
class CertFilters(Result):
    """The filters a `mbc certs` listing was asked for."""

    track: Track | None = None
    body: str | None = None
    level: Level | None = None
    max_fee: float | None = None
    remote: bool | None = None
    sort: CertSort = "name"
    all: bool = False
    """Specialty credentials in full rows too (else one line each)."""


@record
class CertGroup(Result):
    """Certifications of one track."""

    track: Track
    certs: list[Cert]
    first_choice: list[str]
    """Ids of the common first credentials of the track: entry level, and named by the
    source article among the most common of its track."""


@record
class CertListing(Result):
    """`mbc certs`: the credentials that pass the filters, grouped by their first track."""

    filters: CertFilters
    count: int
    groups: list[CertGroup]
    bodies: dict[str, str]


def _sort_key(sort: CertSort) -> Callable[[Cert], tuple[bool, float | str, str]]:
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


def _passes(cert: Cert, filters: CertFilters) -> bool:
    if filters.track is not None and filters.track not in cert.tracks:
        return False
    if filters.level is not None and cert.level != filters.level:
        return False
    if filters.body is not None and cert.body != filters.body:
        return False
    if filters.max_fee is not None:
        fee = lowest_fee(cert)
        if fee is None or fee > filters.max_fee:
            return False
    return filters.remote is None or ("online" in cert.exam.delivery) == filters.remote


def list_certs(catalog: Catalog, filters: CertFilters) -> CertListing:
    """The certifications passing every filter, sorted, grouped by track."""
    chosen = sorted((c for c in catalog.certs if _passes(c, filters)), key=_sort_key(filters.sort))
    groups: list[CertGroup] = []
    for track in TRACKS:
        if filters.track and track != filters.track:
            continue
        members = [c for c in chosen if filters.track == track or c.tracks[0] == track]
        first = [c.id for c in members if c.level == "entry" and c.in_article]
        # entry level first, and in the default order its common first choice first (stable)
        by_name = filters.sort == "name"
        members.sort(key=lambda c: (LEVEL_RANK[c.level], by_name and c.id not in first))
        if members:
            groups.append(CertGroup(track=track, certs=members, first_choice=first))
    return CertListing(
        filters=filters,
        count=len(chosen),
        groups=groups,
        bodies={b.id: b.acronym for b in catalog.bodies},
    )


def listing_parts(
    group: CertGroup, listing: CertListing
) -> tuple[list[Cert], list[Cert], list[Cert]]:
    """A group as a listing shows it: the rows of the table (entry first), the specialty
    credentials named one line each (unless --all, or --level specialty was asked), and the
    credentials with no known exam fact, named once rather than shown as rows of n/a."""
    brief_specialty = not listing.filters.all and listing.filters.level != "specialty"
    rows: list[Cert] = []
    brief: list[Cert] = []
    unknown: list[Cert] = []
    for cert in group.certs:
        if brief_specialty and cert.level == "specialty":
            brief.append(cert)
        elif not exam_known(cert):
            unknown.append(cert)
        else:
            rows.append(cert)
    return rows, brief, unknown


@record
class CertDetail(Result):
    """`mbc certs ID`: one credential in full, with its body."""

    cert: Cert
    body: Body
    survey: SurveyFigure | None = None
    survey_label: str = ""
    show_sources: bool = False

    def payload(self) -> Any:
        """`mbc certs ID --json` is the certification's own object."""
        return to_jsonable(self.cert)


@record
class ApprenticeStatus(Result):
    """`mbc certs CPC-A`: what an apprentice designation means, and how it is removed."""

    designation: str
    cert: Cert
    body: Body
    meaning: str
    removal: str
    sources: list[Source]


def apprentice_status(catalog: Catalog, name: str) -> ApprenticeStatus | None:
    """The apprentice designation a name means ("cpc-a"), if it is one the data knows."""
    wanted = name.strip().casefold()
    for cert in catalog.certs:
        if cert.apprentice is not None and cert.apprentice.designation.casefold() == wanted:
            term = next((t for t in catalog.glossary if t.id == "apprentice"), None)
            meaning = term.definition if term else ""
            every = [*cert.sources, *(term.sources if term else [])]
            sources = list({s.url or s.title: s for s in every}.values())
            return ApprenticeStatus(
                designation=cert.apprentice.designation,
                cert=cert,
                body=body_by_id(catalog, cert.body),
                meaning=meaning,
                removal=cert.apprentice.removal,
                sources=[s for s in sources if s.kind == "official"] or sources,
            )
    return None


def cert_detail(catalog: Catalog, name: str) -> CertDetail | ApprenticeStatus:
    """One certification by id (any case), with its issuing body; an apprentice designation
    (CPC-A) is answered with what it means and how it is removed."""
    status = apprentice_status(catalog, name)
    if status is not None:
        return status
    cert = find_cert(catalog, name)
    figures = [f for f in catalog.survey.figures if f.credential == cert.id]
    return CertDetail(
        cert=cert,
        body=body_by_id(catalog, cert.body),
        survey=max(figures, key=lambda f: f.survey_year, default=None),
        survey_label=catalog.survey.label,
    )
