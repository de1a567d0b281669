"""Answers as documents: headings, paragraphs, lists, checklists, tables and sources, built once
from a result object and written by each text format (markdown.py, plain.py) in its own way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mbcadvisor.figures import dated, duration, money, money_range, months

if TYPE_CHECKING:
    from mbcadvisor.advice.certs import CertDetail, CertListing
    from mbcadvisor.advice.compare import Comparison, RoleSummary
    from mbcadvisor.advice.eligibility import Eligibility
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.pay import PayReport
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.result import Result
    from mbcadvisor.advice.sources import SourcesReport
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.models import Guidance, Source

# a table cell: one line, or several
Cell = str | tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    """A section heading (level 2; the document's title is level 1)."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; `strong` for a verdict."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Bullets:
    """An unordered list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Numbered:
    """An ordered list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """One line of a checklist: done or not, its facts (time, cost) and details."""

    text: str
    done: bool
    facts: str = ""
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Checklist:
    """Things to do or to have, each ticked when done; numbered when they are steps."""

    items: tuple[Check, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Facts:
    """Labelled values: one fact a line."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Links:
    """Pages the answer rests on: title, address, kind and date."""

    sources: tuple[Source, ...]


Block = Heading | Paragraph | Bullets | Numbered | Checklist | Table | Facts | Links


@dataclass(frozen=True)
class Document:
    """An answer: a title and its blocks."""

    title: str
    blocks: list[Block] = field(default_factory=list)


def _links(sources: Iterable[Source]) -> list[Block]:
    unique = tuple({s.url: s for s in sources}.values())
    return [Heading("Sources"), Links(unique)] if unique else []


def _lines(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


# --- one builder per answer ---------------------------------------------------------------------

STATISTICS = {"median": "median", "mean": "mean", "p90": "top 10% earn"}


def comparison(result: Comparison) -> Document:
    roles = result.roles
    rows: list[tuple[str, list[Cell]]] = [
        ("In short", [r.summary for r in roles]),
        ("Duties", [_lines(r.duties) for r in roles]),
        ("Works in", [_lines(r.workplaces) for r in roles]),
        ("Skills", [_lines(r.skills) for r in roles]),
        (
            "Pay",
            [
                (
                    *(
                        f"{STATISTICS[f.statistic]} {money(f.annual)} a year, May {f.year}"
                        for f in r.pay.figures
                    ),
                    f"BLS: {r.pay.occupation} (SOC {r.pay.soc})",
                )
                for r in roles
            ],
        ),
        (
            "Training",
            [
                _lines(
                    f"{p.name}: {p.credential}, {months(p.min_months, p.max_months)}"
                    for p in r.training
                )
                for r in roles
            ],
        ),
        ("Certifications", [_lines(f"{c.id}: {c.name}" for c in r.certs) for r in roles]),
        ("Remote work", [(r.remote, f"Caveat: {r.remote_caveat}") for r in roles]),
        ("Outlook", [_outlook(r) for r in roles]),
        ("Career path", [_lines(r.career_path) for r in roles]),
    ]
    table = Table(("", *(r.name for r in roles)), tuple((label, *cells) for label, cells in rows))
    note = Paragraph(
        "'Top 10% earn' is the 90th percentile wage: one in ten earns more. Sources: `mbc sources`."
    )
    return Document("Medical billing and coding roles compared", [table, note])


def _outlook(role: RoleSummary) -> Cell:
    out = role.outlook
    if not out.period:
        return out.text
    growth = f"{out.growth_percent:+g}%" if out.growth_percent is not None else "n/a"
    wording = f", {out.wording.lower()}" if out.wording else ""
    covers = f" ({out.covers})" if out.covers else ""
    return (out.text, f"BLS {out.period}{covers}: {growth}{wording}")


def cert_listing(result: CertListing) -> Document:
    from mbcadvisor.advice.certs import standard_fee

    document = Document("Certifications")
    if not result.count:
        document.blocks.append(Paragraph("No certification matches those filters."))
        return document
    for group in result.groups:
        document.blocks.append(Heading(group.track.capitalize()))
        rows = tuple(
            (
                c.id,
                c.name,
                result.bodies.get(c.body, c.body),
                c.level,
                str(c.exam.questions) if c.exam.questions else "n/a",
                duration(c.exam.minutes),
                c.exam.passing_score or "n/a",
                money(standard_fee(c)),
            )
            for c in group.certs
        )
        header = ("ID", "Name", "Body", "Level", "Questions", "Time", "Pass", "Fee")
        document.blocks.append(Table(header, rows))
    return document


def cert_detail(result: CertDetail) -> Document:
    from mbcadvisor.advice.certs import standard_fee

    c = result.cert
    exam = c.exam
    renewal = "n/a"
    if c.renewal.ceus or c.renewal.cycle_years:
        every = c.renewal.cycle_years
        cycle = "every year" if every == 1 else f"every {every} years" if every else ""
        renewal = " ".join(
            p for p in (f"{c.renewal.ceus} CEUs" if c.renewal.ceus else "", cycle) if p
        )
    facts = [
        ("Issued by", f"{result.body.acronym} ({result.body.name})"),
        ("Tracks", ", ".join(c.tracks)),
        ("Level", c.level),
        ("About", c.summary),
        (
            "Exam",
            f"{exam.questions or 'n/a'} questions, {duration(exam.minutes)}, "
            f"passing score {exam.passing_score or 'n/a'}",
        ),
        ("Fee", money(standard_fee(c))),
        ("Membership required", {True: "yes", False: "no", None: "n/a"}[c.membership.required]),
        ("Renewal", renewal),
        ("Checked", f"{max(s.read_on for s in c.sources).isoformat()}, against the sources below"),
        *(("Note", note) for note in c.notes),
    ]
    return Document(f"{c.id}: {c.name}", [Facts(tuple(facts)), *_links(c.sources)])


def eligibility(result: Eligibility) -> Document:
    checks = Checklist(tuple(Check(f"{c.label}: {c.reason}", c.met) for c in result.checks))
    verdict = Paragraph("Eligible." if result.eligible else "Not eligible yet.", strong=True)
    blocks: list[Block] = [checks, verdict]
    if result.next_steps:
        blocks += [Heading("Next steps"), Numbered(tuple(result.next_steps))]
    blocks += _links(s for c in result.checks for s in c.sources)
    return Document("Can I enroll in a training program?", blocks)


def pay(result: PayReport) -> Document:
    hourly = result.hourly
    rows = []
    for row in result.rows:
        w = row.estimate.hourly if hourly else row.estimate.annual
        figures = (w.p10, w.p25, w.median, w.p75, w.p90, w.mean)
        rows.append(
            (
                row.role_name,
                f"{row.soc} {row.occupation}",
                f"May {row.estimate.year}",
                *(money(v, hourly) for v in figures),
            )
        )
    header = ("Role", "BLS occupation", "Period", "p10", "p25", "median", "p75", "p90", "mean")
    note = "p90 is the 90th percentile: 'top 10% earn' at least this."
    blocks: list[Block] = [Table(header, tuple(rows)), Paragraph(note)]
    blocks += _links(s for row in result.rows for s in row.estimate.sources)
    return Document(f"Pay ({'hourly' if hourly else 'annual'}, BLS)", blocks)


def sources(result: SourcesReport) -> Document:
    rows = tuple(
        (dated(s.published), s.kind, s.title, s.url or "(no address)", tuple(s.backs))
        for s in result.sources
    )
    table = Table(("Page date", "Kind", "Title", "Address", "Backs"), rows)
    return Document(f"Sources ({result.count})", [table])


def plan(result: Plan) -> Document:
    items = []
    for step in result.steps:
        facts = []
        if not step.done:
            if step.months_min or step.months_max:
                open_ended = step.months_max is None
                facts.append(f"time: {months(step.months_min, step.months_max, open_ended)}")
            if step.cost_min_usd or step.cost_max_usd:
                facts.append(f"cost: {money_range(step.cost_min_usd, step.cost_max_usd)}")
        items.append(Check(step.title, step.done, "; ".join(facts), tuple(step.details)))
    totals = []
    if result.earliest_credential_months is not None:
        wait = result.earliest_credential_months
        totals.append(
            "Your first credential: now."
            if wait == 0
            else f"Your first credential: in about {months(wait, wait)} at the earliest."
        )
    cost = f"Cost of the remaining steps: {money_range(result.cost_min_usd, result.cost_max_usd)}"
    if result.unknown_costs:
        cost += ", plus " + " and ".join(result.unknown_costs)
    totals.append(cost + ".")
    totals += [f"Cheaper route: {c}" for c in result.cheaper_route]
    steps = Checklist(tuple(items), numbered=True)
    blocks: list[Block] = [steps, Heading("Totals"), Bullets(tuple(totals))]
    blocks += _links(s for step in result.steps for s in step.sources)
    return Document(f"Your plan into {result.track_name.lower()}", blocks)


def match(result: Match) -> Document:
    verdict = (
        f"{result.track_name} ({result.strength} fit)"
        if result.track_name
        else "no clear preference"
    )
    rows = tuple(
        (
            r.question,
            r.answer,
            ", ".join(f"{k} {v:+d}" for k, v in r.points.items()) or "the field",
        )
        for r in result.reasons
    )
    return Document(
        f"Track that fits: {verdict}",
        [Table(("Question", "You", "Points to"), rows), Paragraph(f"Next: {result.next_command}")],
    )


def _guidance(title: str, items: Sequence[Guidance]) -> list[Block]:
    if not items:
        return []
    return [Heading(title), Bullets(tuple(g.text for g in items))]


def training(result: TrainingGuide) -> Document:
    rows = tuple(
        (
            p.name,
            p.credential,
            months(p.min_months, p.max_months),
            money_range(p.cost_min_usd, p.cost_max_usd),
        )
        for p in result.programs
    )
    blocks: list[Block] = [Table(("Program", "You earn", "Length", "Cost found"), rows)]
    blocks += [Heading("To enroll"), Bullets(tuple(r.label for r in result.requirements))]
    blocks += [Heading("What you will study"), Bullets(tuple(result.topics))]
    blocks += _guidance("Ask the school", result.school_questions)
    blocks += _guidance("Red flags", result.red_flags)
    blocks += _guidance("Reality checks", result.reality_checks)
    guidance = [*result.school_questions, *result.red_flags, *result.reality_checks]
    blocks += _links(s for g in guidance for s in g.sources)
    return Document("Training programs", blocks)


# keyed by class name, so that writing one answer does not import every advice module
BUILDERS: dict[str, Callable[[Any], Document]] = {
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


def document(result: Result) -> Document:
    """The document of any answer."""
    return BUILDERS[type(result).__name__](result)
