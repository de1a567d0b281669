"""Result objects as Markdown (`--format markdown`) and as plain lines (`--plain`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from mbcadvisor.advice import (
    CertDetail,
    CertListing,
    Comparison,
    Eligibility,
    PayReport,
    Result,
    SourcesReport,
    standard_fee,
)
from mbcadvisor.figures import dated, money

if TYPE_CHECKING:
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.models import Guidance, Source


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", "<br>")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _sources(sources: Iterable[Source]) -> list[str]:
    seen = dict.fromkeys(f"- [{s.title}]({s.url}) ({s.kind}, {dated(s.as_of)})" for s in sources)
    return ["", "Sources:", "", *seen]


def comparison(result: Comparison) -> list[str]:
    roles = result.roles
    rows = [
        ("In short", [r.summary for r in roles]),
        ("Duties", ["<br>".join(r.duties) for r in roles]),
        ("Works in", ["<br>".join(r.workplaces) for r in roles]),
        ("Skills", ["<br>".join(r.skills) for r in roles]),
        (
            "Pay",
            [
                "<br>".join(
                    f"{f.statistic}: {money(f.annual)}/yr, May {f.year}" for f in r.pay.figures
                )
                + f"<br>BLS {r.pay.occupation} (SOC {r.pay.soc})"
                for r in roles
            ],
        ),
        (
            "Training",
            [
                "<br>".join(f"{p.name}: {p.min_months}-{p.max_months} months" for p in r.training)
                for r in roles
            ],
        ),
        ("Certifications", ["<br>".join(f"{c.id}: {c.name}" for c in r.certs) for r in roles]),
        ("Remote work", [f"{r.remote}<br>Caveat: {r.remote_caveat}" for r in roles]),
        ("Outlook", [r.outlook.text for r in roles]),
        ("Career path", ["<br>".join(r.career_path) for r in roles]),
    ]
    lines = ["# Medical billing and coding roles compared", ""]
    lines += _table(["", *(r.name for r in roles)], ([label, *cells] for label, cells in rows))
    lines += ["", "'Top 10% earn' (p90) is the 90th percentile wage: one in ten earns more."]
    return lines


def cert_listing(result: CertListing) -> list[str]:
    lines = ["# Certifications", ""]
    if not result.count:
        return [*lines, "No certification matches those filters."]
    for group in result.groups:
        lines += [f"## {group.track.capitalize()}", ""]
        lines += _table(
            ["ID", "Name", "Body", "Level", "Questions", "Minutes", "Pass", "Fee"],
            (
                [
                    c.id,
                    c.name,
                    result.bodies.get(c.body, c.body),
                    c.level,
                    c.exam.questions or "n/a",
                    c.exam.minutes or "n/a",
                    c.exam.passing_score or "n/a",
                    money(standard_fee(c)),
                ]
                for c in group.certs
            ),
        )
        lines.append("")
    return lines


def cert_detail(result: CertDetail) -> list[str]:
    c = result.cert
    exam = c.exam
    facts = [
        ("Issued by", f"{result.body.acronym} ({result.body.name})"),
        ("Tracks", ", ".join(c.tracks)),
        ("Level", c.level),
        ("About", c.summary),
        (
            "Exam",
            f"{exam.questions or 'n/a'} questions, {exam.minutes or 'n/a'} minutes, "
            f"pass {exam.passing_score or 'n/a'}",
        ),
        ("Fee", money(standard_fee(c))),
        ("Membership required", {True: "yes", False: "no", None: "n/a"}[c.membership.required]),
        ("Renewal", f"{c.renewal.ceus or 'n/a'} CEUs every {c.renewal.cycle_years or 'n/a'} years"),
        ("Data as of", c.as_of.isoformat()),
    ]
    lines = [f"# {c.id}: {c.name}", ""]
    lines += [f"- **{k}:** {v}" for k, v in facts]
    lines += [f"- **Note:** {n}" for n in c.notes]
    return lines + _sources(c.sources)


def eligibility(result: Eligibility) -> list[str]:
    lines = ["# Can I enroll in a training program?", ""]
    lines += [f"- [{'x' if c.met else ' '}] {c.label}: {c.reason}" for c in result.checks]
    lines += ["", "**Eligible.**" if result.eligible else "**Not eligible yet.**", ""]
    lines += [f"{n}. {s}" for n, s in enumerate(result.next_steps, 1)]
    return lines + _sources(s for c in result.checks for s in c.sources)


def pay(result: PayReport) -> list[str]:
    unit = "hourly" if result.hourly else "annual"
    lines = [f"# Pay ({unit}, BLS)", ""]
    rows = []
    for row in result.rows:
        w = row.estimate.hourly if result.hourly else row.estimate.annual
        rows.append(
            [
                row.role_name,
                f"{row.soc} {row.occupation}",
                row.estimate.year,
                *(money(v, result.hourly) for v in (w.p10, w.p25, w.median, w.p75, w.p90, w.mean)),
            ]
        )
    lines += _table(
        ["Role", "BLS occupation", "May", "p10", "p25", "median", "p75", "p90", "mean"], rows
    )
    return [*lines, "", "p90 is the 90th percentile: 'top 10% earn' at least this."]


def sources(result: SourcesReport) -> list[str]:
    lines = [f"# Sources ({result.count})", ""]
    return lines + _table(
        ["As of", "Kind", "Source", "Backs"],
        (
            [dated(s.as_of), s.kind, f"[{s.title}]({s.url})", "<br>".join(s.backs)]
            for s in result.sources
        ),
    )


def plan(result: Plan) -> list[str]:
    lines = [f"# Your plan into {result.track_name.lower()}", ""]
    for step in result.steps:
        lines.append(f"{step.number}. [{'x' if step.done else ' '}] **{step.title}**")
        extra = []
        if step.months_min and not step.done:
            extra.append(
                f"time: {step.months_min}"
                + (
                    f"-{step.months_max}"
                    if step.months_max and step.months_max != step.months_min
                    else "+"
                    if not step.months_max
                    else ""
                )
                + " months"
            )
        if step.cost_min_usd and not step.done:
            extra.append(f"cost: {money(step.cost_min_usd)} to {money(step.cost_max_usd)}")
        if extra:
            lines.append(f"   *{'; '.join(extra)}*")
        lines += [f"   - {d}" for d in step.details]
    lines += ["", "## Totals", ""]
    if result.earliest_credential_months is not None:
        months = result.earliest_credential_months
        lines.append(f"- First credential in about {months} months at the earliest")
    low, high = money(result.cost_min_usd), money(result.cost_max_usd)
    lines.append(f"- Cost of the remaining steps: {low} to {high}")
    lines += [f"- Cheaper route: {c}" for c in result.cheaper_route]
    return lines + _sources(s for step in result.steps for s in step.sources)


def match(result: Match) -> list[str]:
    verdict = (
        f"{result.track_name} ({result.strength} fit)"
        if result.track_name
        else "no clear preference"
    )
    lines = [f"# Track that fits: {verdict}", ""]
    lines += _table(
        ["Question", "You", "Points to"],
        (
            [
                r.question,
                r.answer,
                ", ".join(f"{k} {v:+d}" for k, v in r.points.items()) or "the field",
            ]
            for r in result.reasons
        ),
    )
    return [*lines, "", f"Next: `{result.next_command}`"]


def _guidance(title: str, items: Sequence[Guidance]) -> list[str]:
    lines = ["", f"## {title}", ""]
    for g in items:
        lines.append(f"- {g.text} ({', '.join(dict.fromkeys(s.url for s in g.sources))})")
    return lines


def training(result: TrainingGuide) -> list[str]:
    lines = ["# Training programs", ""]
    lines += _table(
        ["Program", "You earn", "Months", "Cost found"],
        (
            [
                p.name,
                p.credential,
                f"{p.min_months}-{p.max_months}",
                f"{money(p.cost_min_usd)} to {money(p.cost_max_usd)}",
            ]
            for p in result.programs
        ),
    )
    lines += ["", "## To enroll", ""] + [f"- {r.label}" for r in result.requirements]
    lines += ["", "## What you will study", ""] + [f"- {t}" for t in result.topics]
    lines += _guidance("Ask the school", result.school_questions)
    lines += _guidance("Red flags", result.red_flags)
    lines += _guidance("Reality checks", result.reality_checks)
    return lines


# keyed by class name, so that writing one answer does not import every advice module
WRITERS: dict[str, Callable[..., list[str]]] = {
    "Comparison": comparison,
    "CertListing": cert_listing,
    "CertDetail": cert_detail,
    "Eligibility": eligibility,
    "PayReport": pay,
    "SourcesReport": sources,
    "Plan": plan,
    "Match": match,
    "TrainingGuide": training,
}


def to_markdown(result: Result) -> str:
    """The Markdown text of any result object."""
    return "\n".join(WRITERS[type(result).__name__](result)).rstrip() + "\n"


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)]+)\)")


def to_plain(result: Result) -> str:
    """Plain text for screen readers, grep and awk: one record per line, tab-separated fields,
    no box drawing, no colour (`--plain`, and the default when TERM=dumb)."""
    lines = []
    for line in WRITERS[type(result).__name__](result):
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(line.strip("|"))]
            line = "\t".join(cells)
        line = line.replace("<br>", "; ").replace("**", "").replace("`", "")
        line = _LINK.sub(r"\1 <\2>", line.lstrip("#").lstrip() if line.startswith("#") else line)
        lines.append(line.rstrip())
    return "\n".join(lines).rstrip() + "\n"
