"""Pay: the BLS OEWS estimates of each role's occupation (one release for every figure), in the
nation, a state or a metropolitan area, by industry; every state ranked; the source article's
figures checked; and AAPC members' own salary survey, kept apart from BLS."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Literal

from mbcadvisor.advice.names import find_role, occupation_of, pick
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError, UnknownNameError, printable
from mbcadvisor.models import (
    Catalog,
    Estimate,
    Guidance,
    Occupation,
    Projection,
    Role,
    Source,
    Statistic,
    SurveyFigure,
    Table,
    record,
)

NATIONAL = "National"


# --- the release and its figures -----------------------------------------------------------------


def bls_source(catalog: Catalog, backs: str) -> Source:
    """The BLS file every pay figure comes from, cited as a source."""
    release = catalog.release
    data = next((f for f in release.files if f.name == "oe.data.0.Current"), release.files[0])
    return Source(
        url=data.url,
        title=(
            f"BLS Occupational Employment and Wage Statistics, {release.release}, file {data.name}"
        ),
        kind="official",
        published=release.published.isoformat(),
        read_on=release.read_on,
        backs=backs,
    )


def top_code(catalog: Catalog) -> tuple[float, float] | None:
    """BLS's top code (hourly, annual): a wage shown as '#' is at least this."""
    for text in catalog.release.footnotes.values():
        found = re.search(r"\$([\d,.]+) per hour or \$([\d,]+) per year", text)
        if found:
            return float(found[1].replace(",", "")), float(found[2].replace(",", ""))
    return None


def national(catalog: Catalog, soc: str) -> Estimate:
    """An occupation's national, all-industry estimates."""
    return next(row for row in catalog.national if row.soc == soc)


def number(value: Statistic) -> float | None:
    """A figure as a number, or None when BLS gives a marker or nothing."""
    return float(value) if isinstance(value, int | float) else None


# --- pay in a place ------------------------------------------------------------------------------


@record
class PayRow(Result):
    """An occupation's estimates in one place."""

    place: str
    estimate: Estimate


@record
class PayGroup(Result):
    """One role's occupation: its estimates here (and in the wider places, for comparison)."""

    role: str
    role_name: str
    soc: str
    occupation: str
    covers: str | None
    rows: list[PayRow]
    missing: str | None = None


@record
class ArticleCheck(Result):
    """What the source article said a role earns, what those figures were, and BLS now."""

    role_name: str
    said: str
    year: int
    average: float | None
    top_10_percent: float | None
    were: str
    now_mean: Statistic
    now_p90: Statistic


@record
class PayReport(Result):
    """`mbc pay`: each role's pay in a place, beside the wider places, from one BLS release."""

    release: str
    hourly: bool
    place: str
    top_code: tuple[float, float] | None
    groups: list[PayGroup]
    article: list[ArticleCheck]
    caveats: list[Guidance]
    sources: list[Source]


def _roles(catalog: Catalog, names: Iterable[str]) -> list[Role]:
    wanted = list(names)
    roles: list[Role] = []
    for role in [find_role(catalog, n) for n in wanted] if wanted else catalog.roles:
        if role not in roles:
            roles.append(role)
    return roles


def _article(catalog: Catalog, role: Role, occupation: Occupation) -> ArticleCheck | None:
    figures = occupation.article
    if figures is None:
        return None
    now = national(catalog, occupation.soc)
    return ArticleCheck(
        role_name=role.name,
        said=figures.said,
        year=figures.year,
        average=figures.average,
        top_10_percent=figures.top_10_percent,
        were=figures.were,
        now_mean=now.annual_mean,
        now_p90=now.annual_p90,
    )


def pay_report(
    catalog: Catalog,
    names: Iterable[str] = (),
    hourly: bool = False,
    states: Table | None = None,
    state: str | None = None,
    areas: Table | None = None,
    area: str | None = None,
) -> PayReport:
    """Each role's pay (every role when none is named) nationally, or in a state (with the
    national figures beside it), or in a metropolitan area (with its state and the nation)."""
    roles = _roles(catalog, names)
    place = NATIONAL
    state_code: str | None = None
    area_code: str | None = None
    if area is not None and areas is not None:
        area_code, place = find_area(areas, area)
        state_code = areas.places()[area_code][1]
    elif state is not None and states is not None:
        state_code, place = find_state(states, state)
    groups = []
    for role in roles:
        occupation = occupation_of(catalog, role)
        rows: list[PayRow] = []
        missing = None
        if area_code is not None and areas is not None:
            here = _row_in(areas, occupation.soc, area_code)
            if here is None:
                missing = f"BLS published no estimate for {occupation.title.lower()} in {place}."
            else:
                rows.append(PayRow(place=place, estimate=here))
        if state_code is not None and states is not None:
            in_state = _row_in_state(states, occupation.soc, state_code)
            if in_state is not None:
                rows.append(PayRow(place=in_state.area_name, estimate=in_state))
            elif area_code is None:
                missing = f"BLS published no estimate for {occupation.title.lower()} in {place}."
        rows.append(PayRow(place=NATIONAL, estimate=national(catalog, occupation.soc)))
        groups.append(
            PayGroup(
                role=role.id,
                role_name=role.name,
                soc=occupation.soc,
                occupation=occupation.title,
                covers=occupation.covers,
                rows=rows,
                missing=missing,
            )
        )
    checks = [_article(catalog, r, occupation_of(catalog, r)) for r in roles]
    return PayReport(
        release=catalog.release.release,
        hourly=hourly,
        place=place,
        top_code=top_code(catalog),
        groups=groups,
        article=[c for c in checks if c is not None],
        caveats=[g for g in catalog.training.reality_checks if g.id == "survey_vs_bls"],
        sources=[bls_source(catalog, "employment and wages of each occupation shown")],
    )


# --- states and areas ----------------------------------------------------------------------------


_PUNCTUATION = str.maketrans(dict.fromkeys(",.-'()/&", " "))


def _normal(name: str) -> str:
    """A name to compare: any case, punctuation as spaces ("Austin-Round Rock, TX")."""
    return " ".join(name.casefold().translate(_PUNCTUATION).split())


def state_names(states: Table) -> dict[str, str]:
    """Every name a user may type for a state or territory (its name, its postal code), mapped
    to its BLS state code."""
    names: dict[str, str] = {}
    for name, code in states.places().values():
        names[name] = code
        if code in states.postal:
            names[states.postal[code]] = code
    return names


def find_state(states: Table, name: str) -> tuple[str, str]:
    """The BLS state code and name a user means: "TX", "texas", "Puerto Rico" (any case)."""
    names = state_names(states)
    try:
        code = pick("state", name, names)
    except UnknownNameError as exc:
        # list what a user can type (names and postal codes), not BLS's numeric codes
        postal = sorted(n for n in names if len(n) == 2)
        coded = {names[p] for p in postal}
        postal += sorted(n for n, c in names.items() if c not in coded)  # by name only
        suggestions = [
            next(n for n, c in names.items() if c == s and len(n) > 2) for s in exc.suggestions
        ]
        raise UnknownNameError("state", name, suggestions, postal) from None
    return code, next(n for n, c in names.items() if c == code and len(n) > 2)


def area_names(areas: Table) -> dict[str, str]:
    """Every metropolitan and nonmetropolitan area's name, mapped to its BLS area code."""
    return {name: code for code, (name, _) in areas.places().items()}


def find_area(areas: Table, name: str) -> tuple[str, str]:
    """The area a user means: a whole name, or a part of one that only one area has
    ("austin"); several matches or none are an error that names the candidates."""
    names = area_names(areas)
    wanted = _normal(name)
    if not wanted:
        raise MbcError("area name is empty")
    exact = [n for n in names if _normal(n) == wanted]
    matches = exact or [n for n in names if wanted in _normal(n)]
    if len(matches) == 1:
        return names[matches[0]], matches[0]
    if len(matches) > 1:
        shown = "; ".join(sorted(matches)[:8]) + ("; ..." if len(matches) > 8 else "")
        raise MbcError(
            f"'{printable(name)}' matches {len(matches)} areas: {shown}. Type more of the name."
        )
    close = difflib.get_close_matches(wanted, [_normal(n) for n in names], n=3, cutoff=0.6)
    by_normal = {_normal(n): n for n in names}
    suggestions = [by_normal[c] for c in close]
    raise UnknownNameError("area", name, suggestions, ["see `mbc pay --states` for states"])


def _row_in(table: Table, soc: str, area_code: str) -> Estimate | None:
    return table.row(soc, "area", area_code)


def _row_in_state(states: Table, soc: str, state_code: str) -> Estimate | None:
    return states.row(soc, "state", state_code)


@record
class StateRanking(Result):
    """`mbc pay ROLE --states`: every state and territory, ranked by median wage."""

    release: str
    hourly: bool
    role_name: str
    soc: str
    occupation: str
    national: Estimate
    rows: list[Estimate]
    postal: dict[str, str]
    sources: list[Source]


def rank_states(catalog: Catalog, states: Table, name: str, hourly: bool = False) -> StateRanking:
    """Every state's estimates for a role's occupation, highest median first (those with no
    published median last)."""
    role = find_role(catalog, name)
    occupation = occupation_of(catalog, role)
    key = "hourly_median" if hourly else "annual_median"

    def order(row: Estimate) -> tuple[bool, float, str]:
        value = number(getattr(row, key))
        return (value is None, -(value or 0), row.area_name)

    return StateRanking(
        release=catalog.release.release,
        hourly=hourly,
        role_name=role.name,
        soc=occupation.soc,
        occupation=occupation.title,
        national=national(catalog, occupation.soc),
        rows=sorted(states.rows(occupation.soc), key=order),
        postal=dict(states.postal),
        sources=[bls_source(catalog, "employment and wages by state")],
    )


# --- industries ----------------------------------------------------------------------------------

# the industry groups compared (BLS display level 4: four-digit NAICS, e.g. "Offices of
# physicians"), and the least employment for an industry's pay to be ranked: a wage estimated
# from a handful of jobs says little
INDUSTRY_LEVEL = 4
LEAST_EMPLOYMENT = 1000
TOP = 10


@record
class IndustryReport(Result):
    """`mbc pay ROLE --industry`: where the occupation works, and what each industry pays."""

    release: str
    hourly: bool
    role_name: str
    soc: str
    occupation: str
    national: Estimate
    most_employed: list[Estimate]
    best_paid: list[Estimate]
    least_employment: int
    sources: list[Source]


def industries(catalog: Catalog, table: Table, name: str, hourly: bool = False) -> IndustryReport:
    """The industries that employ a role's occupation most, and those that pay it most (of
    those employing at least LEAST_EMPLOYMENT), nationally."""
    role = find_role(catalog, name)
    occupation = occupation_of(catalog, role)
    rows = [r for r in table.rows(occupation.soc) if r.industry_level == INDUSTRY_LEVEL]
    key = "hourly_median" if hourly else "annual_median"
    employed = sorted(
        (r for r in rows if number(r.employment) is not None),
        key=lambda r: -(number(r.employment) or 0),
    )
    paid = sorted(
        (
            r
            for r in rows
            if (number(r.employment) or 0) >= LEAST_EMPLOYMENT and number(getattr(r, key))
        ),
        key=lambda r: -(number(getattr(r, key)) or 0),
    )
    return IndustryReport(
        release=catalog.release.release,
        hourly=hourly,
        role_name=role.name,
        soc=occupation.soc,
        occupation=occupation.title,
        national=national(catalog, occupation.soc),
        most_employed=employed[:TOP],
        best_paid=paid[:TOP],
        least_employment=LEAST_EMPLOYMENT,
        sources=[bls_source(catalog, "employment and wages by industry, national")],
    )


# --- the figures a comparison or a plan shows ----------------------------------------------------


@record
class PayFigure(Result):
    """One pay statistic of a role's occupation, from the release every figure comes from."""

    statistic: Literal["median", "mean", "p90"]
    annual: Statistic
    hourly: Statistic


@record
class PaySummary(Result):
    """The headline figures of an occupation in a place, with their release."""

    soc: str
    occupation: str
    place: str
    release: str
    covers: str | None
    figures: list[PayFigure]


def pay_summary(
    catalog: Catalog, occupation: Occupation, row: Estimate | None = None
) -> PaySummary:
    """The median, mean and 90th percentile of an occupation (nationally, unless a row of a
    place is given)."""
    row = row or national(catalog, occupation.soc)
    statistics: tuple[Literal["median", "mean", "p90"], ...] = ("median", "mean", "p90")
    figures = [
        PayFigure(
            statistic=s,
            annual=getattr(row, f"annual_{s}"),
            hourly=getattr(row, f"hourly_{s}"),
        )
        for s in statistics
    ]
    return PaySummary(
        soc=occupation.soc,
        occupation=occupation.title,
        place=row.area_name if row.area_type != "N" else NATIONAL,
        release=catalog.release.release,
        covers=occupation.covers,
        figures=figures,
    )


def newest_projection(occupation: Occupation) -> Projection | None:
    """The projection of the newest period."""
    return max(occupation.outlook, key=lambda o: o.period, default=None)


# --- AAPC members' survey ------------------------------------------------------------------------


@record
class SurveyReport(Result):
    """`mbc pay --by-credential`: what a body's members say they earn, by credential and
    certification; self-reported, never mixed with BLS's estimates."""

    publisher: str
    label: str
    figures: list[SurveyFigure]


def survey_report(catalog: Catalog) -> SurveyReport:
    """Every survey figure, newest survey first."""
    survey = catalog.survey
    figures = sorted(survey.figures, key=lambda f: -f.survey_year)
    return SurveyReport(publisher=survey.publisher, label=survey.label, figures=figures)
