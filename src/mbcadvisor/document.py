"""Answers as documents: headings, paragraphs, lists, checklists, tables and sources, built once
from a result object and written by each text format (markdown.py, plain.py) in its own way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mbcadvisor.figures import count, dated, duration, money, money_range, months, ratio, statistic
from mbcadvisor.wording import Cell, comparison_rows

if TYPE_CHECKING:
    from mbcadvisor.advice.certs import ApprenticeStatus, CertDetail, CertListing
    from mbcadvisor.advice.compare import Comparison
    from mbcadvisor.advice.eligibility import Eligibility
    from mbcadvisor.advice.glossary import Explanation, Glossary
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.pay import IndustryReport, PayReport, StateRanking, SurveyReport
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.result import Result
    from mbcadvisor.advice.sources import SourcesCheck, SourcesReport
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.models import Estimate, Guidance, Source


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
    blocks: list[Block]


def _links(sources: Iterable[Source]) -> list[Block]:
    unique = tuple({s.url: s for s in sources}.values())
    return [Heading("Sources"), Links(unique)] if unique else []


def _lines(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


# --- one builder per answer ---------------------------------------------------------------------


def comparison(result: Comparison) -> Document:
    rows = comparison_rows(result)
    header = ("", *(r.name for r in result.roles))
    table = Table(header, tuple((label, *cells) for label, cells in rows))
    note = Paragraph(
        "Pay: BLS Occupational Employment and Wage Statistics, every figure from the "
        f"{result.release} release. 'Top 10% earn' is the 90th percentile wage: one in ten "
        "earns more. Sources: `mbc sources`."
    )
    where = "" if result.place == "National" else f" (pay in {result.place})"
    return Document(f"Medical billing and coding roles compared{where}", [table, note])


def cert_listing(result: CertListing) -> Document:
    from mbcadvisor.advice.certs import standard_fee

    document = Document("Certifications", [])
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
        *(
            (
                "Members' pay",
                f"{result.survey_label}, {f.survey_year}: {f.statistic} {money(f.usd)} a year "
                f"({f.group}); not a BLS figure",
            )
            for f in ([result.survey] if result.survey else [])
        ),
        *(("Note", note) for note in c.notes),
    ]
    blocks: list[Block] = [Facts(tuple(facts)), *_links(c.sources)]
    if result.show_sources:
        blocks.append(
            Table(
                ("Source", "Read on", "States"),
                tuple((s.title, s.read_on.isoformat(), s.backs) for s in c.sources),
            )
        )
        if c.curation:
            blocks += [Heading("For maintainers"), Bullets(tuple(c.curation))]
    return Document(f"{c.id}: {c.name}", blocks)


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
    unit = "hourly" if hourly else "annual"
    rows = []
    for group in result.groups:
        for row in group.rows:
            e = row.estimate
            figures = [
                getattr(e, f"{unit}_{p}") for p in ("p10", "p25", "median", "p75", "p90", "mean")
            ]
            rows.append(
                (
                    group.role_name,
                    f"{group.occupation} (SOC {group.soc})",
                    row.place,
                    *(statistic(v, hourly, result.top_code) for v in figures),
                    count(e.employment),
                )
            )
    header = (
        "Role",
        "BLS occupation",
        "Where",
        "p10",
        "p25",
        "median",
        "p75",
        "p90",
        "mean",
        "Employed",
    )
    blocks: list[Block] = [Table(header, tuple(rows))]
    blocks += [Paragraph(g.missing) for g in result.groups if g.missing]
    notes = [
        f"BLS OEWS {result.release}, {unit} wages. p90 is the 90th percentile: 'top 10% earn' "
        "at least this."
    ]
    notes += [
        f"{g.role_name}: {g.occupation.lower()} in {g.covers}." for g in result.groups if g.covers
    ]
    blocks += [Paragraph(n) for n in notes]
    for check in result.article:
        blocks.append(
            Paragraph(
                f'The source article said: "{check.said}" {check.were} BLS {result.release}: '
                f"mean {statistic(check.now_mean)}, 90th percentile {statistic(check.now_p90)}."
            )
        )
    blocks += [Paragraph("Reality check: " + g.text) for g in result.caveats]
    blocks += _links(result.sources)
    where = "nationally" if result.place == "National" else f"in {result.place}"
    return Document(f"Pay {where} ({unit}, BLS OEWS {result.release})", blocks)


def state_ranking(result: StateRanking) -> Document:
    unit = "hourly" if result.hourly else "annual"
    rows = [
        (
            str(n) if n else "",
            row.area_name
            + (f" ({result.postal[row.state]})" if row.state in result.postal else ""),
            *(
                statistic(getattr(row, f"{unit}_{p}"), result.hourly)
                for p in ("median", "p10", "p90")
            ),
            count(row.employment),
            ratio(row.jobs_per_1000) if row.area_type != "N" else "",
        )
        for n, row in enumerate([result.national, *result.rows])
    ]
    header = ("Rank", "State or territory", "Median", "p10", "p90", "Employed", "Per 1,000 jobs")
    title = f"{result.role_name}: {unit} pay by state (BLS OEWS {result.release})"
    return Document(title, [Table(header, tuple(rows)), *_links(result.sources)])


def industries(result: IndustryReport) -> Document:
    unit = "hourly" if result.hourly else "annual"

    def table(rows: list[Estimate]) -> Table:
        return Table(
            ("Industry", "Employed", "Median", "p90"),
            tuple(
                (
                    r.industry_name,
                    count(r.employment),
                    statistic(getattr(r, f"{unit}_median"), result.hourly),
                    statistic(getattr(r, f"{unit}_p90"), result.hourly),
                )
                for r in rows
            ),
        )

    best = f"Where pay is highest (industries employing at least {result.least_employment:,})"
    blocks: list[Block] = [
        Heading("Where most work"),
        table(result.most_employed),
        Heading(best),
        table(result.best_paid),
        *_links(result.sources),
    ]
    return Document(f"{result.role_name} by industry ({unit}, BLS OEWS {result.release})", blocks)


def survey(result: SurveyReport) -> Document:
    rows = tuple(
        (str(f.survey_year), f.group, f"{money(f.usd)} ({f.statistic})") for f in result.figures
    )
    note = (
        "What members who answered said they earn: people who pay for membership and hold "
        "credentials, so higher than BLS's medians for everyone in the work."
    )
    sources = {s.url: s for f in result.figures for s in f.sources}.values()
    blocks: list[Block] = [Paragraph(note), Table(("Survey", "Who", "Pay a year"), rows)]
    return Document(f"{result.label} (not BLS figures)", [*blocks, *_links(sources)])


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


def explanation(result: Explanation) -> Document:
    term = result.term
    head = term.term + (f" ({term.stands_for})" if term.stands_for else "")
    blocks: list[Block] = [Paragraph(term.definition)]
    if term.example:
        blocks.append(Paragraph(f"For example: {term.example}"))
    blocks += [Paragraph(note) for note in term.notes]
    if result.see_also:
        blocks.append(Paragraph("See also: " + ", ".join(t.term for t in result.see_also)))
    return Document(head, [*blocks, *_links(term.sources)])


def glossary(result: Glossary) -> Document:
    rows = tuple((t.term, t.id, t.definition) for t in result.terms)
    return Document("Words mbc uses", [Table(("Term", "mbc explain", "Meaning"), rows)])


def apprentice(result: ApprenticeStatus) -> Document:
    title = f"{result.designation}: apprentice status of {result.cert.id}"
    blocks: list[Block] = [
        Paragraph(result.meaning),
        Heading("How the A is removed"),
        Paragraph(result.removal),
        *_links(result.sources),
    ]
    return Document(title, blocks)


def sources_check(result: SourcesCheck) -> Document:
    blocks: list[Block] = [
        Heading(f"Pages dated more than {result.stale_after_years} years ago"),
        Table(
            ("Page date", "Title", "Address"),
            tuple((dated(u.published), u.title, u.url or "") for u in result.old_pages),
        ),
        Heading("Records backed only by secondary pages or the article"),
        Bullets(tuple(f"{r.record}: {r.reason}" for r in result.secondary_only)),
        Heading("Records whose sources are all over two years old"),
        Bullets(tuple(f"{r.record}: {r.reason}" for r in result.all_stale)),
        Paragraph(f"Undated pages (not counted as old): {result.undated_pages}"),
    ]
    return Document(f"Source check, {result.today.isoformat()}", blocks)


# keyed by class name, so that writing one answer does not import every advice module
BUILDERS: dict[str, Callable[[Any], Document]] = {
    "Comparison": comparison,
    "CertListing": cert_listing,
    "CertDetail": cert_detail,
    "Eligibility": eligibility,
    "PayReport": pay,
    "StateRanking": state_ranking,
    "IndustryReport": industries,
    "SurveyReport": survey,
    "SourcesReport": sources,
    "SourcesCheck": sources_check,
    "Explanation": explanation,
    "Glossary": glossary,
    "ApprenticeStatus": apprentice,
    "Plan": plan,
    "Match": match,
    "TrainingGuide": training,
}


def document(result: Result) -> Document:
    """The document of any answer."""
    return BUILDERS[type(result).__name__](result)
