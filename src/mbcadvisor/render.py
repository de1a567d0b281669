"""Turn result objects into rich renderables (tables, panels); nothing here prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mbcadvisor.advice.certs import CertDetail, CertListing, standard_fee
from mbcadvisor.advice.sources import SourcesReport, stale_cutoff
from mbcadvisor.errors import printable as visible
from mbcadvisor.figures import dated, duration, money, money_range, months
from mbcadvisor.grid import GAP, MARGIN, Column, Lines, add_table, cell_width, widths, wrap_cell

if TYPE_CHECKING:
    from mbcadvisor.advice.compare import Comparison, RoleSummary
    from mbcadvisor.advice.eligibility import Eligibility
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.pay import PayReport
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.result import Result
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.models import Cert, Guidance, Source, Wages


@dataclass(frozen=True)
class Symbols:
    """Marks that need a Unicode terminal, and their ASCII stand-ins."""

    yes: str
    no: str
    bullet: str
    whisker: str
    box: str
    median: str
    dash: str


UNICODE = Symbols(yes="✓", no="✗", bullet="•", whisker="─", box="█", median="┃", dash="\u2013")
ASCII = Symbols(yes="+", no="x", bullet="*", whisker="-", box="#", median="|", dash="-")

TRACK_TITLES = {
    "billing": "Billing",
    "coding": "Coding",
    "auditing": "Auditing and compliance",
    "cdi": "Clinical documentation improvement (CDI)",
    "management": "Practice management",
}


def _source_line(source: Source) -> str:
    where = f": {source.url}" if source.url else ""
    return f"{source.title} ({source.kind}, {dated(source.published)}){where}"


def _cited(sources: Iterable[Source]) -> list[str]:
    """Where each source can be found: its address, or the source article's title."""
    return list(dict.fromkeys(s.url or s.title for s in sources))


def _bullets(items: Sequence[str], sym: Symbols) -> str:
    return "\n".join(f"{sym.bullet} {i}" for i in items)


# --- compare ----------------------------------------------------------------------------------


STATISTIC_LABELS = {"median": "median", "mean": "mean", "p90": "top 10% earn"}


def _pay_cell(role: RoleSummary) -> str:
    pay = role.pay
    lines = []
    for fig in pay.figures:
        text = f"{STATISTIC_LABELS[fig.statistic]} {money(fig.annual)}"
        text += "+" if fig.statistic == "p90" else ""
        text += "/yr"
        if fig.hourly is not None:
            text += f" ({money(fig.hourly, True)}/h)"
        text += f", May {fig.year}"
        if fig.source.kind == "secondary":
            text += "*"
        lines.append(text)
    if not lines:
        lines.append("no BLS figures in the data")
    lines.append(f"BLS: {pay.occupation} (SOC {pay.soc})")
    return "\n".join(lines)


def _outlook_cell(role: RoleSummary) -> str:
    out = role.outlook
    text = out.text
    if out.period:
        growth = f"{out.growth_percent:+g}%" if out.growth_percent is not None else "n/a"
        wording = f", {out.wording.lower()}" if out.wording else ""
        covers = f" ({out.covers})" if out.covers else ""
        text += f"\nBLS {out.period}{covers}: {growth}{wording}"
    return text


NARROW = 72  # below this, a column of text per role reads worse than one role after the other
COMPARISON_TITLE = "Medical billing and coding roles compared"
COMPARISON_NOTE = (
    "Pay: BLS Occupational Employment and Wage Statistics; medical coders are counted as "
    "medical records specialists, medical billers as billing and posting clerks (all "
    "industries). 'Top 10% earn' is the 90th percentile wage: one in ten earns more. "
    "* BLS figure read on a secondary page quoting BLS. Sources: mbc sources."
)


def render_comparison(result: Comparison, sym: Symbols, width: int = 100) -> Lines:
    """A table with one column per role and one row per aspect, laid out by grid.py; an aspect
    that is the same for every role says so. Where the table cannot fit, the same rows are
    stacked: each aspect, then each role under it."""
    lines = Lines()
    lines.paragraph(COMPARISON_TITLE, width, "bold")
    lines.blank()
    rows = []
    for label, cell in _comparison_rows(sym):
        values = ["\n".join(map(visible, cell(r).split("\n"))) for r in result.roles]
        same = len(set(values)) == 1
        rows.append((label + (" (same)" if same else ""), *values))
    label_width = max(cell_width(row[0]) for row in rows)
    share = (width - len(MARGIN) - len(GAP) * len(result.roles) - label_width) // len(result.roles)
    columns = (
        Column("", style="bold"),
        *(Column(visible(r.name), wraps=True, least=16, most=share) for r in result.roles),
    )
    sizes = widths(columns, rows, width) if width >= NARROW else None
    if sizes is not None:
        add_table(lines, columns, rows, sizes, sym.whisker, spaced=True)
    else:  # too narrow for the table: each aspect, then each role under it
        for label, *values in rows:
            lines.paragraph(label, width, "bold")
            named = len(set(values)) > 1
            for role, value in zip(result.roles, values, strict=True):
                if named:
                    lines.paragraph(role.name, width, "underline", indent=1)
                for line in wrap_cell(value, width - 2):
                    lines.add(("  " + line, None))
                if not named:
                    break
            lines.blank()
    lines.blank()
    lines.paragraph(COMPARISON_NOTE, width, "italic")
    return lines


def _comparison_rows(sym: Symbols) -> list[tuple[str, Callable[[RoleSummary], str]]]:
    return [
        ("In short", lambda r: r.summary),
        ("Duties", lambda r: _bullets(r.duties, sym)),
        ("Works in", lambda r: _bullets(r.workplaces, sym)),
        ("Skills", lambda r: _bullets(r.skills, sym)),
        ("Pay", _pay_cell),
        (
            "Training",
            lambda r: "\n".join(
                f"{sym.bullet} {p.name}: {p.credential}, {months(p.min_months, p.max_months)}"
                for p in r.training
            ),
        ),
        (
            "Certifications",
            lambda r: "\n".join(f"{c.id} ({c.body.upper()}): {c.name}" for c in r.certs),
        ),
        ("Remote work", lambda r: f"{r.remote}\nCaveat: {r.remote_caveat}"),
        ("Outlook", _outlook_cell),
        ("Career path", lambda r: _bullets(r.career_path, sym)),
    ]


# --- certs ------------------------------------------------------------------------------------


def _exam_facts(cert: Cert) -> tuple[str, str, str, str]:
    exam = cert.exam
    questions = str(exam.questions) if exam.questions else "n/a"
    passing = exam.passing_score or "n/a"
    return questions, duration(exam.minutes), passing, money(standard_fee(cert))


CERT_COLUMNS = (
    Column("ID", style="bold"),
    Column("Name", wraps=True, least=20),
    Column("Body"),
    Column("Level"),
    Column("Qs", justify="right"),
    Column("Time", justify="right"),
    Column("Pass", wraps=True, least=10),
    Column("Fee", justify="right"),
    Column("Online"),
)


def render_cert_listing(result: CertListing, sym: Symbols, width: int = 100) -> Lines:
    """A table per track group, with the same column widths throughout: acronym, name, body
    and key exam facts. Where the table cannot fit, each credential takes two lines instead.
    Laid out by grid.py, so that thousands of rows take milliseconds."""
    lines = Lines()
    if not result.count:
        lines.add(("No certification matches those filters.", None))
        return lines
    groups = [(g.track, [_cert_row(c, result.bodies, sym) for c in g.certs]) for g in result.groups]
    sizes = widths(CERT_COLUMNS, (row for _, rows in groups for row in rows), width)
    for track, rows in groups:
        lines.paragraph(f"{TRACK_TITLES[track]} certifications", width, "bold")
        if sizes is None:  # too narrow for the table
            for cert_id, name, body, level, questions, time, passing, fee, online in rows:
                lines.paragraph(f"{cert_id}: {name}", width)
                facts = f"{body}, {level}; {questions} Qs, {time}, pass {passing}; fee {fee}; "
                online = {"no": "not online", "n/a": "online: n/a"}.get(online, "online")
                lines.paragraph(facts + online, width, "dim", indent=2)
        else:
            lines.blank()
            add_table(lines, CERT_COLUMNS, rows, sizes, sym.whisker)
        lines.blank()
    footer = f"{result.count} certification(s). * named in the source article. Fee: the "
    footer += "standard exam price (non-member where prices differ); what it includes, and "
    footer += "sources: mbc certs ID"
    lines.paragraph(footer, width, "italic")
    return lines


def _cert_row(cert: Cert, bodies: dict[str, str], sym: Symbols) -> tuple[str, ...]:
    """The cells of one certification in a listing."""
    questions, time, passing, fee = _exam_facts(cert)
    if "online" in cert.exam.delivery:
        online = f"{sym.yes} yes"
    else:
        online = "no" if cert.exam.delivery else "n/a"
    name = cert.name + ("\u00a0*" if cert.in_article else "")  # the mark never wraps alone
    return (
        cert.id,
        name,
        bodies.get(cert.body, cert.body),
        cert.level,
        questions,
        time,
        passing,
        fee,
        online,
    )


def _yes_no(value: bool | None) -> str:
    return "n/a" if value is None else ("yes" if value else "no")


def render_cert_detail(result: CertDetail, sym: Symbols) -> RenderableType:
    """Everything known about one credential, then its sources."""
    cert, body = result.cert, result.body
    table = Table(box=box.SIMPLE, show_header=False)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("", ratio=1)

    def row(label: str, value: Any) -> None:
        if value not in (None, "", []):
            table.add_row(label, value if isinstance(value, str) else escape(str(value)))

    issuer = body.acronym if body.acronym == body.name else f"{body.acronym}: {body.name}"
    if body.formerly:
        issuer += f" (formerly {body.formerly})"
    row("Issued by", escape(issuer))
    row("Tracks", ", ".join(cert.tracks))
    row("Level", cert.level)
    row("Setting", escape(cert.setting or ""))
    row("Specialty", escape(cert.specialty or ""))
    row("About", escape(cert.summary))
    exam = cert.exam
    questions, time, passing, _ = _exam_facts(cert)
    row("Exam", f"{questions} questions, {time}, passing score {escape(passing)}")
    row("Open book", _yes_no(exam.open_book))
    row("Books", ", ".join(escape(b) for b in exam.books))
    row("Delivery", ", ".join(d.replace("_", " ") for d in exam.delivery) or "n/a")
    row("Exam note", escape(exam.note or ""))
    fees = cert.fees
    prices = [
        f"{label} {money(v)}"
        for label, v in (
            ("standard", fees.exam_usd),
            ("members", fees.member_usd),
            ("non-members", fees.non_member_usd),
            ("students", fees.student_usd),
        )
        if v is not None
    ]
    row("Fee", ", ".join(prices) or "n/a")
    row("Fee includes", escape(fees.includes or ""))
    row("Fee note", escape(fees.note or ""))
    mem = cert.membership
    membership = f"required: {_yes_no(mem.required)}"
    if mem.annual_fee_usd:
        membership += f", {money(mem.annual_fee_usd)} a year"
    row("Membership", membership + (f"; {escape(mem.note)}" if mem.note else ""))
    pre = cert.prerequisites
    row("Experience", escape(pre.experience or ""))
    row("Education", escape(pre.education or ""))
    row("Needs first", ", ".join(pre.credentials))
    row("Prerequisite note", escape(pre.note or ""))
    ren = cert.renewal
    renewal = []
    if ren.ceus:
        renewal.append(f"{ren.ceus} CEUs")
    if ren.cycle_years:
        renewal.append("every year" if ren.cycle_years == 1 else f"every {ren.cycle_years} years")
    if ren.fee_usd:
        renewal.append(f"fee {money(ren.fee_usd)}")
    row("Renewal", ", ".join(renewal) + (f"; {escape(ren.note)}" if ren.note else ""))
    if cert.apprentice:
        row(
            "Apprentice",
            f"{escape(cert.apprentice.designation)}: {escape(cert.apprentice.removal)}",
        )
    for note in cert.notes:
        row("Note", escape(note))
    row("Checked", f"{max(s.read_on for s in cert.sources).isoformat()}, against its sources")
    sources = "\n".join(f"{sym.bullet} " + escape(_source_line(s)) for s in cert.sources)
    return Group(
        Panel(table, title=f"[bold]{cert.id}[/bold]: {escape(cert.name)}", title_align="left"),
        Text("Sources", style="bold"),
        Text.from_markup(sources),
    )


# --- eligibility ------------------------------------------------------------------------------


def render_eligibility(result: Eligibility, sym: Symbols) -> RenderableType:
    """A checklist of enrollment requirements, a verdict and the next steps."""
    table = Table(box=box.SIMPLE_HEAVY, title="Enrollment requirements of a training program")
    table.add_column("", no_wrap=True)
    table.add_column("Requirement")
    table.add_column("You")
    for check in result.checks:
        mark = f"{sym.yes} met" if check.met else f"{sym.no} not met"
        table.add_row(
            Text(mark, style="green" if check.met else "red"),
            escape(check.label),
            escape(check.reason),
        )
    verdict = (
        Text("Eligible: you can enroll in a training program.", style="bold green")
        if result.eligible
        else Text("Not eligible yet.", style="bold red")
    )
    parts: list[RenderableType] = [table, verdict]
    if result.next_steps:
        parts.append(Text("\nNext steps", style="bold"))
        parts.append(
            Text.from_markup(
                "\n".join(f"{n}. {escape(s)}" for n, s in enumerate(result.next_steps, 1))
            )
        )
    urls = _cited(s for c in result.checks for s in c.sources)
    parts.append(Text("\nSources: " + ", ".join(urls), style="italic"))
    return Group(*parts)


# --- pay --------------------------------------------------------------------------------------


def pay_bar(wages: Wages, low: float, high: float, width: int, sym: Symbols) -> str:
    """p10..p90 as a bar on a shared scale: whiskers to p10/p90, a box p25..p75, median mark."""
    span = (high - low) or 1.0

    def pos(value: float | None) -> int | None:
        if value is None:
            return None
        return min(width - 1, max(0, round((value - low) / span * (width - 1))))

    cells = [" "] * width
    p10, p25, med, p75, p90 = (
        pos(wages.p10),
        pos(wages.p25),
        pos(wages.median),
        pos(wages.p75),
        pos(wages.p90),
    )
    if p10 is not None and p90 is not None:
        for i in range(p10, p90 + 1):
            cells[i] = sym.whisker
    if p25 is not None and p75 is not None:
        for i in range(p25, p75 + 1):
            cells[i] = sym.box
    if med is not None:
        cells[med] = sym.median
    return "".join(cells)


def render_pay(result: PayReport, sym: Symbols, width: int = 100) -> RenderableType:
    """Each role's pay distribution as a horizontal bar on one scale, with figures and source."""
    dists = [r.estimate.hourly if result.hourly else r.estimate.annual for r in result.rows]
    lows = [d.p10 for d in dists if d.p10]
    highs = [d.p90 for d in dists if d.p90]
    if not lows or not highs:
        unit = "hourly" if result.hourly else "annual"
        return Text(f"No {unit} percentile figures in the data for these roles.")
    low, high = min(lows), max(highs)
    bar_width = max(10, min(60, width - 30))
    unit = "an hour" if result.hourly else "a year"
    parts: list[RenderableType] = [
        Text(
            f"Pay {unit}, BLS: 10th to 90th percentile; box 25th-75th; {sym.median} median",
            style="bold",
        )
    ]
    for row, dist in zip(result.rows, dists, strict=True):
        hourly = result.hourly
        est = row.estimate
        parts.append(Text(f"\n{row.role_name} ({row.occupation}, SOC {row.soc})", style="bold"))
        parts.append(Text(pay_bar(dist, low, high, bar_width, sym)))
        parts.append(
            Text(
                f"p10 {money(dist.p10, hourly)}  p25 {money(dist.p25, hourly)}  "
                f"median {money(dist.median, hourly)}  p75 {money(dist.p75, hourly)}  "
                f"p90 {money(dist.p90, hourly)}  mean {money(dist.mean, hourly)}"
            )
        )
        source = est.sources[0]
        parts.append(
            Text(
                f"BLS OEWS May {est.year}, read on "
                f"{'an official' if source.kind == 'official' else 'a secondary'} page "
                f"({dated(source.published)}): {source.url}",
                style="italic",
            )
        )
    parts.append(
        Text(
            f"\nScale: {money(low, result.hourly)} to {money(high, result.hourly)}. "
            "'Top 10% earn' means the 90th percentile: one in ten earns more.",
            style="italic",
        )
    )
    parts += _guidance_block("Reality check", result.caveats, sym)
    return Group(*parts)


# --- sources ----------------------------------------------------------------------------------


SOURCE_COLUMNS = (
    Column("As of"),
    Column("Kind"),
    Column("Source", wraps=True, least=20, most=36),
    Column("Backs", wraps=True, least=24),
)


def render_sources(result: SourcesReport, sym: Symbols, width: int = 100) -> Lines:
    """Every source with its kind, date and what it backs: a table where it fits, else a
    list. Laid out by grid.py, so that thousands of sources take milliseconds."""
    lines = Lines()
    if not result.sources:
        what = "dated more than two years ago" if result.only_stale else "in the data"
        lines.add((f"No sources {what}.", None))
        return lines
    title = f"{result.count} source(s)"
    if result.only_stale:
        title += f" dated more than {result.stale_after_years} years ago (before "
        title += f"{stale_cutoff(result.today).isoformat()})"
    lines.paragraph(title, width, "bold")
    lines.blank()
    rows = [
        (
            dated(use.published) + (" (stale)" if use.stale else ""),
            use.kind,
            f"{use.title}\n{use.url or '(the source article: no address)'}",
            "\n".join(f"{sym.bullet} {backs}" for backs in use.backs),
        )
        for use in result.sources
    ]
    sizes = widths(SOURCE_COLUMNS, rows, width)
    if sizes is not None:
        add_table(lines, SOURCE_COLUMNS, rows, sizes, sym.whisker, spaced=True)
        return lines
    for date, kind, source, backs in rows:  # too narrow for the table
        title, url = source.split("\n")
        lines.paragraph(title, width, "bold")
        lines.paragraph(f"{kind}, {date}", width, "dim", indent=2)
        lines.paragraph(url, width, indent=2)
        for line in wrap_cell(backs, width - 2):
            lines.add(("  " + line, None))
        lines.blank()
    return lines


# --- plan, match, training ----------------------------------------------------------------------


def _indent(text: str, sym: Symbols | None = None, style: str = "") -> RenderableType:
    """A line indented under a step; wrapped lines keep the indent."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row("  " + (sym.bullet if sym else " "), Text(text, style=style, overflow="fold"))
    return table


def render_plan(result: Plan, sym: Symbols) -> RenderableType:
    """The roadmap as a numbered checklist, with time, cost and sources per step, then totals."""
    who = f"age {result.age}"
    if result.schooling:
        who += f", {'GED' if result.schooling == 'ged' else 'diploma'}"
    if result.experience_years:
        who += f", {result.experience_years:g} years' experience"
    if result.certs_held:
        who += ", holds " + ", ".join(result.certs_held)
    parts: list[RenderableType] = [
        Text(f"Your plan into {result.track_name.lower()} ({who})", style="bold")
    ]
    for step in result.steps:
        mark = f"[{sym.yes}]" if step.done else "[ ]"
        head = Text(f"\n{step.number}. {mark} {step.title}", style="bold")
        if step.done:
            head.append("  (done)", style="green")
        parts.append(head)
        facts = []
        if not step.done and (step.months_min or step.months_max):
            open_ended = step.months_max is None
            facts.append(f"time: {months(step.months_min, step.months_max, open_ended)}")
        if not step.done and (step.cost_min_usd or step.cost_max_usd):
            facts.append(f"cost: {money_range(step.cost_min_usd, step.cost_max_usd)}")
        if facts:
            parts.append(_indent("; ".join(facts), style="italic"))
        for detail in step.details:
            parts.append(_indent(detail, sym))
        urls = _cited(step.sources)[:3]
        if urls and not step.done:
            parts.append(_indent("sources: " + ", ".join(urls), style="dim"))
    totals = Text("\nTotals", style="bold")
    parts.append(totals)
    if result.earliest_credential_months is not None:
        wait = result.earliest_credential_months
        when = "now" if wait == 0 else f"in about {months(wait, wait)} at the earliest"
        parts.append(_indent(f"Your first credential: {when}."))
    cost_line = (
        f"Cost of the remaining steps: {money_range(result.cost_min_usd, result.cost_max_usd)}"
    )
    if result.unknown_costs:
        cost_line += ", plus " + " and ".join(result.unknown_costs)
    parts.append(_indent(cost_line + "."))
    if result.budget_usd is not None:
        if result.over_budget:
            verdict = f"Over your budget of {money(result.budget_usd)}. The cheaper route:"
        elif result.cheaper_route:
            verdict = f"Within your budget of {money(result.budget_usd)} only at the low end:"
        else:
            verdict = f"Within your budget of {money(result.budget_usd)}."
        parts.append(_indent(verdict))
        for line in result.cheaper_route:
            parts.append(_indent(line, sym))
    return Group(*parts)


def render_match(result: Match, sym: Symbols) -> RenderableType:
    """The verdict, then why, answer by answer, then what to run next."""
    if result.track_name:
        verdict = Text(f"{result.track_name} fits you best ({result.strength} fit).", style="bold")
    else:
        verdict = Text("No clear preference between the tracks.", style="bold")
    scores = ", ".join(f"{k} {v:+d}" for k, v in result.scores.items())
    table = Table(box=box.SIMPLE_HEAVY, title="Why, answer by answer")
    table.add_column("Question")
    table.add_column("You", no_wrap=True)
    table.add_column("Points to", no_wrap=True)
    for reason in result.reasons:
        points = ", ".join(f"{k} {v:+d}" for k, v in reason.points.items() if v)
        if not reason.points:
            points = "the field as a whole"
        elif not points:
            points = sym.dash
        table.add_row(escape(reason.question), reason.answer, points)
    fit = {
        "good": "The field itself suits what you said you like.",
        "mixed": "The field suits some of what you said, not all of it.",
        "poor": "You said no to what the field is known for: read `mbc compare billing coding`.",
        "unknown": "You did not say whether the field itself suits you.",
    }[result.field_fit]
    return Group(
        verdict,
        Text(f"Scores: {scores}. {fit}"),
        table,
        Text(f"Next: {result.next_command}", style="bold"),
    )


def _guidance_block(title: str, items: Sequence[Guidance], sym: Symbols) -> list[RenderableType]:
    if not items:
        return []
    parts: list[RenderableType] = [Text(f"\n{title}", style="bold")]
    for item in items:
        parts.append(_indent(item.text, sym))
        urls = _cited(item.sources)[:2]
        parts.append(_indent(", ".join(urls), style="dim"))
    return parts


def render_training(result: TrainingGuide, sym: Symbols) -> RenderableType:
    """Programs, requirements, topics, questions to ask, red flags and reality checks."""
    table = Table(box=box.SIMPLE_HEAVY, title="Training programs")
    table.add_column("Program")
    table.add_column("You earn")
    table.add_column("Length", no_wrap=True)
    table.add_column("Cost found", no_wrap=True)
    for p in result.programs:
        table.add_row(
            escape(p.name),
            escape(p.credential),
            months(p.min_months, p.max_months),
            money_range(p.cost_min_usd, p.cost_max_usd),
        )
    parts: list[RenderableType] = [table]
    if result.on_the_job:
        parts.append(Text(result.on_the_job))
    parts.append(Text("\nTo enroll", style="bold"))
    for req in result.requirements:
        parts.append(Text(f"{sym.bullet} {req.label}"))
    parts.append(Text("\nWhat you will study", style="bold"))
    parts.append(Text(", ".join(result.topics)))
    if result.builds:
        parts.append(Text("\nWhat a good school builds", style="bold"))
        parts.append(Text(", ".join(result.builds)))
    parts += _guidance_block("Ask the school", result.school_questions, sym)
    parts += _guidance_block("Red flags", result.red_flags, sym)
    parts += _guidance_block("Reality checks", result.reality_checks, sym)
    return Group(*parts)


# keyed by class name, so that rendering one answer does not import every advice module
RENDERERS: dict[str, Callable[..., RenderableType]] = {
    "Comparison": render_comparison,
    "CertListing": render_cert_listing,
    "CertDetail": render_cert_detail,
    "Eligibility": render_eligibility,
    "PayReport": render_pay,
    "SourcesReport": render_sources,
    "Plan": render_plan,
    "Match": render_match,
    "TrainingGuide": render_training,
}
WIDTH_AWARE = (render_pay, render_comparison, render_cert_listing, render_sources)


def render(result: Result, sym: Symbols, width: int = 100) -> RenderableType:
    """The renderable for any result object."""
    renderer = RENDERERS[type(result).__name__]
    if renderer in WIDTH_AWARE:
        return renderer(result, sym, width)
    return renderer(result, sym)
