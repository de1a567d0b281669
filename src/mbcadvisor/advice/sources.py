"""`mbc sources`: every source behind the data, what it backs, its date and kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Source, record

STALE_YEARS = 2


@record
class SourceUse(Result):
    """A source and every record it backs."""

    url: str
    title: str
    kind: str
    as_of: dt.date | None
    backs: list[str]
    stale: bool


@record
class SourcesReport(Result):
    """`mbc sources`: every source, what it backs, its date and kind."""

    today: dt.date
    stale_after_years: int
    only_stale: bool
    count: int
    sources: list[SourceUse]


def stale_cutoff(today: dt.date) -> dt.date:
    """The date two years before today (28 February for a 29 February)."""
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    return dt.date(today.year - STALE_YEARS, today.month, day)


def _records(catalog: Catalog) -> Iterable[tuple[str, list[Source]]]:
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
    catalog: Catalog, only_stale: bool = False, today: dt.date | None = None
) -> SourcesReport:
    """Every source in the data with what it backs; `only_stale` keeps those over two years old."""
    today = today or dt.date.today()
    cutoff = stale_cutoff(today)
    by_url: dict[str, tuple[Source, list[str]]] = {}
    for what, sources in _records(catalog):
        for source in sources:
            kept, backs = by_url.setdefault(source.url, (source, []))
            if source.as_of and (kept.as_of is None or source.as_of > kept.as_of):
                by_url[source.url] = (source, backs)
            backs.append(f"{what}: {source.backs}")
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
