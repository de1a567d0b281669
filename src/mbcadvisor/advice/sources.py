"""`mbc sources`: every source behind the data, what it backs, its date and kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Source, page_date_end, record

STALE_YEARS = 2


@record
class SourceUse(Result):
    """A source and every record it backs."""

    url: str | None
    title: str
    kind: str
    published: str | None
    read_on: dt.date
    backs: list[str]
    stale: bool


@record
class SourcesReport(Result):
    """`mbc sources`: every source, what it backs, its date and kind; stale means the page's own
    date is more than two years old."""

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
    """Every record of the catalog that cites sources, with a short name for it."""
    for role in catalog.roles:
        yield f"role {role.id}", role.sources
    for cert in catalog.certs:
        yield f"cert {cert.id}", cert.sources
    for body in catalog.bodies:
        yield f"body {body.id}", body.sources
    for occ in catalog.occupations:
        yield f"occupation {occ.soc}", occ.sources
        for projection in occ.outlook:
            yield f"outlook {occ.soc} {projection.period}", projection.sources
        if occ.article is not None:
            yield f"article's pay {occ.soc}", occ.article.sources
    for figure in catalog.survey.figures:
        yield f"survey {figure.survey_year} {figure.group}", figure.sources
    training = catalog.training
    yield "training", training.sources
    for req in training.requirements:
        yield f"requirement {req.id}", req.sources
    for prog in training.programs:
        yield f"program {prog.id}", prog.sources
    for part in ("school_questions", "red_flags", "reality_checks", "paying",
                 "checking_a_school", "first_job", "self_study", "combined", "ged"):  # fmt: skip
        for guidance in getattr(training, part):
            yield f"{part.replace('_', ' ')} {guidance.id}", guidance.sources
    for question in catalog.questions:
        yield f"question {question.id}", question.sources
    for term in catalog.glossary:
        yield f"term {term.id}", term.sources


def _newer(source: Source, than: Source) -> bool:
    """Whether a citation of a page carries a newer page date (or read date) than another."""
    mine = (source.published or "", source.read_on)
    theirs = (than.published or "", than.read_on)
    return mine > theirs


def sources_report(
    catalog: Catalog, only_stale: bool = False, today: dt.date | None = None
) -> SourcesReport:
    """Every source in the data with what it backs; `only_stale` keeps the pages whose own date
    is more than two years old (an undated page is not called stale: it may be current)."""
    today = today or dt.date.today()
    cutoff = stale_cutoff(today)
    by_page: dict[str, tuple[Source, list[str]]] = {}
    for what, sources in _records(catalog):
        for source in sources:
            page = source.url or source.title  # the source article has no address
            kept, backs = by_page.setdefault(page, (source, []))
            if _newer(source, kept):
                by_page[page] = (source, backs)
            backs.append(f"{what}: {source.backs}")
    uses = [
        SourceUse(
            url=src.url,
            title=src.title,
            kind=src.kind,
            published=src.published,
            read_on=src.read_on,
            backs=backs,
            stale=src.published is not None and page_date_end(src.published) < cutoff,
        )
        for src, backs in by_page.values()
    ]
    if only_stale:
        uses = [u for u in uses if u.stale]
    uses.sort(key=lambda u: (u.kind, u.url or "", u.title))
    return SourcesReport(
        today=today,
        stale_after_years=STALE_YEARS,
        only_stale=only_stale,
        count=len(uses),
        sources=uses,
    )


@record
class RecordCheck(Result):
    """A record and why it is reported."""

    record: str
    reason: str


@record
class SourcesCheck(Result):
    """`mbc sources --check`, for maintainers: what to look at again."""

    today: dt.date
    stale_after_years: int
    old_pages: list[SourceUse]
    undated_pages: int
    secondary_only: list[RecordCheck]
    all_stale: list[RecordCheck]


def check_sources(catalog: Catalog, today: dt.date | None = None) -> SourcesCheck:
    """Every page whose own date is over two years old, every record backed only by
    secondary pages (or only by the source article), every record whose dated sources are all
    old; all offline, from the data itself."""
    report = sources_report(catalog, today=today)
    cutoff = stale_cutoff(report.today)
    secondary: list[RecordCheck] = []
    stale: list[RecordCheck] = []
    for what, sources in _records(catalog):
        if not any(s.kind == "official" for s in sources):
            kinds = sorted({s.kind for s in sources})
            secondary.append(RecordCheck(record=what, reason="only " + " and ".join(kinds)))
        dated = [s for s in sources if s.published is not None]
        old = all(page_date_end(s.published or "") < cutoff for s in dated)
        if dated and old and len(dated) == len(sources):
            stale.append(RecordCheck(record=what, reason="every source is over two years old"))
    return SourcesCheck(
        today=report.today,
        stale_after_years=STALE_YEARS,
        old_pages=[u for u in report.sources if u.stale],
        undated_pages=sum(u.published is None for u in report.sources),
        secondary_only=secondary,
        all_stale=stale,
    )
