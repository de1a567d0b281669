"""How answers are worded, the same in every format: the cells of a comparison (a table on a
terminal, Markdown, plain lines). Kept apart from document.py so that a terminal answer does
not build the document classes it does not use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mbcadvisor.figures import length, statistic

if TYPE_CHECKING:
    from mbcadvisor.advice.compare import Comparison, LadderStep, RoleSummary

# a cell: one line, or several
Cell = str | tuple[str, ...]

STATISTICS = {"median": "median", "mean": "mean", "p90": "top 10% earn"}


def comparison_rows(result: Comparison, bullet: str = "") -> list[tuple[str, list[Cell]]]:
    """The rows of a comparison: an aspect, and each role's cell (its lines), the one place
    that words them for every format; `bullet` starts each item of a list cell."""
    lead = f"{bullet} " if bullet else ""

    def items(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(f"{lead}{v}" for v in values)

    roles = result.roles
    return [
        ("In short", [r.summary for r in roles]),
        ("Duties", [items(r.duties) for r in roles]),
        ("Works in", [items(r.workplaces) for r in roles]),
        ("Skills", [items(r.skills) for r in roles]),
        ("Pay", [_pay(r) for r in roles]),
        (
            "Training",
            [
                items(
                    f"{p.name}: {length(p.min_months, p.max_months, p.min_weeks, p.max_weeks)}"
                    + (f", ends in a {p.credential}" if p.route == "school" else "")
                    for p in r.training
                )
                for r in roles
            ],
        ),
        (
            "Certifications",
            [tuple(f"{c.id} ({c.body.upper()}): {c.name}" for c in r.certs) for r in roles],
        ),
        ("Remote work", [(r.remote, f"Caveat: {r.remote_caveat}") for r in roles]),
        ("Outlook", [_outlook(r) for r in roles]),
        ("Career path", [items(_step(s) for s in r.career_path) for r in roles]),
    ]


def _pay(role: RoleSummary) -> tuple[str, ...]:
    pay = role.pay
    lines = []
    for fig in pay.figures:
        text = f"{STATISTICS[fig.statistic]} {statistic(fig.annual)}"
        text += "+" if fig.statistic == "p90" and isinstance(fig.annual, int | float) else ""
        text += " a year"
        if isinstance(fig.hourly, int | float):
            text += f" ({statistic(fig.hourly, True)} an hour)"
        lines.append(text)
    covers = f"; {pay.covers}" if pay.covers else ""
    where = "" if pay.place == "National" else f", {pay.place}"
    lines.append(f"BLS {pay.release}{where}: {pay.occupation.lower()} (SOC {pay.soc}{covers})")
    return tuple(lines)


def _outlook(role: RoleSummary) -> Cell:
    out = role.outlook
    if not out.period:
        return out.text
    growth = f"{out.growth_percent:+g}%" if out.growth_percent is not None else "n/a"
    wording = f", {out.wording.lower()}" if out.wording else ""
    covers = f" ({out.covers})" if out.covers else ""
    line = f"BLS projection {out.period}{covers}: {growth}{wording}"
    if out.openings_per_year:
        line += f", about {out.openings_per_year:,} openings a year"
    if any(s.kind == "secondary" for s in out.sources):
        line += " (as a career site quotes it)"
    return (out.text, line)


def _step(step: LadderStep) -> str:
    if isinstance(step.median_annual, int | float) and step.occupation:
        median = statistic(step.median_annual)
        return f"{step.step}: median {median} a year ({step.occupation.lower()})"
    return step.step
