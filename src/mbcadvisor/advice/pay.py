"""Pay: each role's BLS wage distribution, and the figures a comparison shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from mbcadvisor.advice.names import find_role, occupation_of
from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Guidance, Occupation, PayEstimate, Role, Source, record


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


@record
class PayFigure(Result):
    """One pay statistic with its year and source: figures may come from different years."""

    statistic: Literal["median", "mean", "p90"]
    annual: float
    hourly: float | None
    year: int
    source: Source


@record
class PaySummary(Result):
    """The newest BLS figure of each headline statistic for a role's occupation."""

    soc: str
    occupation: str
    figures: list[PayFigure]


def pay_summary(occupation: Occupation) -> PaySummary:
    """The headline figures (median, mean, top 10%) of an occupation, each its newest."""
    figures = []
    statistics: tuple[Literal["median", "mean", "p90"], ...] = ("median", "mean", "p90")
    for statistic in statistics:
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


@record
class PayRow(Result):
    """A role's pay distribution from its BLS occupation."""

    role: str
    role_name: str
    soc: str
    occupation: str
    estimate: PayEstimate


@record
class PayReport(Result):
    """`mbc pay`: pay distributions, annual or hourly."""

    hourly: bool
    rows: list[PayRow]
    caveats: list[Guidance]


def pay_report(catalog: Catalog, names: Iterable[str], hourly: bool = False) -> PayReport:
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
