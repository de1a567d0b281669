"""Turn result objects into rich renderables (tables, panels); nothing here prints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType

from mbcadvisor.advice.certs import CertListing, listing_parts, standard_fee
from mbcadvisor.advice.pay import number
from mbcadvisor.advice.sources import SourcesReport, stale_cutoff
from mbcadvisor.errors import printable as visible
from mbcadvisor.figures import count, dated, duration, money, ratio, statistic
from mbcadvisor.grid import (
    GAP,
    MARGIN,
    Column,
    Lines,
    Symbols,
    add_table,
    cell_width,
    widths,
    wrap_cell,
)
from mbcadvisor.layout import render_document
from mbcadvisor.models import PERCENTILES
from mbcadvisor.wording import comparison_rows

if TYPE_CHECKING:
    from mbcadvisor.advice.compare import Comparison
    from mbcadvisor.advice.pay import (
        ArticleCheck,
        IndustryReport,
        PayReport,
        StateRanking,
        SurveyReport,
    )
    from mbcadvisor.advice.result import Result
    from mbcadvisor.advice.sources import SourcesCheck
    from mbcadvisor.models import Cert, Estimate, Source


TRACK_TITLES = {
    "billing": "Billing",
    "coding": "Coding",
    "auditing": "Auditing and compliance",
    "cdi": "Clinical documentation improvement (CDI)",
    "management": "Practice management",
}


NARROW = 72  # below this, a column of text per role reads worse than one role after the other
COMPARISON_TITLE = "Medical billing and coding roles compared"
COMPARISON_NOTE = (
    "Pay: BLS Occupational Employment and Wage Statistics, every figure from the same "
    "release; medical coders are counted as medical records specialists, medical billers as "
    "billing and posting clerks (in every industry). 'Top 10% earn' is the 90th percentile "
    "wage: one in ten earns more. More: mbc pay; sources: mbc sources."
)


def render_comparison(result: Comparison, sym: Symbols, width: int = 100) -> Lines:
    """A table with one column per role and one row per aspect, laid out by grid.py; an aspect
    that is the same for every role says so. Where the table cannot fit, the same rows are
    stacked: each aspect, then each role under it."""
    lines = Lines()
    where = "" if result.place == "National" else f", pay in {result.place}"
    lines.paragraph(COMPARISON_TITLE + where, width, "bold")
    lines.blank()
    rows = []
    for label, cells in comparison_rows(result, sym.bullet):
        values = ["\n".join(map(visible, (c,) if isinstance(c, str) else c)) for c in cells]
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
    """Per track: the entry-level credentials first, the common first choice marked, in a
    table with the same column widths throughout (two lines each where it cannot fit); then
    specialty credentials one line each (unless --all); credentials whose exam facts are all
    unknown are named once, not shown as rows of n/a. Laid out by grid.py, in one pass."""
    lines = Lines()
    if not result.count:
        lines.add(("No certification matches those filters.", None))
        return lines
    parts = [listing_parts(g, result) for g in result.groups]
    table_rows = [
        _cert_row(c, result.bodies, sym, g.first_choice)
        for g, (rows, _, _) in zip(result.groups, parts, strict=True)
        for c in rows
    ]
    sizes = widths(CERT_COLUMNS, table_rows, width)
    for group, (rows, brief, unknown) in zip(result.groups, parts, strict=True):
        lines.paragraph(f"{TRACK_TITLES[group.track]} certifications", width, "bold")
        cells = [_cert_row(c, result.bodies, sym, group.first_choice) for c in rows]
        if cells and sizes is None:  # too narrow for the table
            for cert_id, name, body, level, questions, time, passing, fee, online in cells:
                lines.paragraph(f"{cert_id}: {name}", width)
                facts = f"{body}, {level}; {questions} Qs, {time}, pass {passing}; fee {fee}; "
                online = {"no": "not online", "n/a": "online: n/a"}.get(online, "online")
                lines.paragraph(facts + online, width, "dim", indent=2)
        elif cells and sizes is not None:
            lines.blank()
            add_table(lines, CERT_COLUMNS, cells, sizes, sym.whisker)
        if brief:
            lines.blank()
            lines.paragraph(f"Specialty credentials, for after your first ({len(brief)}):", width)
            pad = max(len(c.id) for c in brief)
            for cert in brief:
                body = result.bodies.get(cert.body, cert.body)
                text = f"{cert.id.ljust(pad)}  {visible(cert.name)} ({body})"
                lines.paragraph(text, width, indent=2)
        if unknown:
            lines.blank()
            names = ", ".join(c.id for c in unknown)
            lines.paragraph(
                f"No exam facts found yet for {names} (mbc certs ID shows what is known).",
                width,
                "dim",
            )
        lines.blank()
    footer = f"{result.count} certification(s). {sym.star} a common first credential. Fee: "
    footer += "the standard exam price (non-member where prices differ); what it includes, and "
    footer += "sources: mbc certs ID"
    if any(brief for _, brief, _ in parts):
        footer += "; every specialty credential in full: --all"
    lines.paragraph(footer, width, "italic")
    return lines


def _cert_row(
    cert: Cert, bodies: dict[str, str], sym: Symbols, first: Sequence[str] = ()
) -> tuple[str, ...]:
    """The cells of one certification in a listing."""
    questions, time, passing, fee = _exam_facts(cert)
    if "online" in cert.exam.delivery:
        online = f"{sym.yes} yes"
    else:
        online = "no" if cert.exam.delivery else "n/a"
    name = cert.name + (f"\u00a0{sym.star}" if cert.id in first else "")  # never wraps alone
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


# --- eligibility ------------------------------------------------------------------------------


# --- pay --------------------------------------------------------------------------------------


def pay_bar(row: Estimate, hourly: bool, low: float, high: float, width: int, sym: Symbols) -> str:
    """p10..p90 as a bar on a shared scale: whiskers to p10/p90, a box p25..p75, median mark."""
    span = (high - low) or 1.0
    unit = "hourly" if hourly else "annual"

    def pos(name: str) -> int | None:
        value = number(getattr(row, f"{unit}_{name}"))
        if value is None:
            return None
        return min(width - 1, max(0, round((value - low) / span * (width - 1))))

    cells = [" "] * width
    p10, p25, med, p75, p90 = (pos(p) for p in PERCENTILES)
    if p10 is not None and p90 is not None:
        for i in range(p10, p90 + 1):
            cells[i] = sym.whisker
    if p25 is not None and p75 is not None:
        for i in range(p25, p75 + 1):
            cells[i] = sym.box
    if med is not None:
        cells[med] = sym.median
    return "".join(cells).rstrip()


def _scale(rows: Sequence[Estimate], hourly: bool) -> tuple[float, float] | None:
    unit = "hourly" if hourly else "annual"
    lows = [v for r in rows if (v := number(getattr(r, f"{unit}_p10"))) is not None]
    highs = [v for r in rows if (v := number(getattr(r, f"{unit}_p90"))) is not None]
    return (min(lows), max(highs)) if lows and highs else None


def _wage_line(row: Estimate, hourly: bool, top: tuple[float, float] | None) -> str:
    """The percentiles and the mean, each with its label; a no-break space keeps a label with
    its figure when the line wraps."""
    unit = "hourly" if hourly else "annual"
    parts = [
        f"{label}\u00a0{statistic(getattr(row, f'{unit}_{p}'), hourly, top)}"
        for label, p in (
            ("p10", "p10"),
            ("p25", "p25"),
            ("median", "median"),
            ("p75", "p75"),
            ("p90", "p90"),
        )
    ]
    parts.append(f"mean\u00a0{statistic(getattr(row, f'{unit}_mean'), hourly, top)}")
    return "\u00a0 ".join(parts)


def _jobs_line(row: Estimate) -> str:
    line = f"employed: {count(row.employment)}"
    if row.area_type != "N":
        line += f"; jobs per 1,000: {ratio(row.jobs_per_1000)}"
        line += f"; location quotient: {ratio(row.location_quotient)}"
    return line


def _source_note(lines: Lines, sources: Sequence[Source], sym: Symbols, width: int) -> None:
    """The numbered sources at the end of an answer, each address whole on its own line."""
    from mbcadvisor.document import Links
    from mbcadvisor.layout import links

    unique = tuple({s.url or s.title: s for s in sources}.values())
    if unique:
        lines.paragraph("Sources", width, "bold")
        links(lines, Links(unique), sym, width)


def render_pay(result: PayReport, sym: Symbols, width: int = 100) -> Lines:
    """Each role's pay in the place asked for, beside the wider places, as bars on one scale
    with the figures under them; then the source article's figures checked."""
    lines = Lines()
    unit = "an hour" if result.hourly else "a year"
    title = f"Pay {unit}, {result.place.lower() if result.place == 'National' else result.place}"
    title += f" (BLS OEWS {result.release})"
    lines.paragraph(title, width, "bold")
    key = f"10th to 90th percentile, box 25th to 75th, {sym.median} median"
    lines.paragraph(key, width, "italic")
    scale = _scale([r.estimate for g in result.groups for r in g.rows], result.hourly)
    bar_width = max(10, min(60, width - 16))
    for group in result.groups:
        lines.blank()
        covers = f"; {group.covers}" if group.covers else ""
        head = f"{group.role_name}: {group.occupation.lower()} (SOC {group.soc}{covers})"
        lines.paragraph(visible(head), width, "bold")
        if group.missing:
            lines.paragraph(group.missing, width, indent=2)
        for row in group.rows:
            lines.paragraph(visible(row.place), width, "underline", indent=2)
            if scale is not None:
                lines.add(
                    ("  " + pay_bar(row.estimate, result.hourly, *scale, bar_width, sym), None)
                )
            lines.paragraph(
                _wage_line(row.estimate, result.hourly, result.top_code), width, indent=2
            )
            lines.paragraph(_jobs_line(row.estimate), width, "dim", indent=2)
    if scale is not None:
        lines.blank()
        low, high = (money(v, result.hourly) for v in scale)
        note = f"Scale: {low} to {high}. 'Top 10% earn' is the 90th percentile (p90): one in "
        note += "ten earns more."
        lines.paragraph(note, width, "italic")
    for check in result.article:
        lines.blank()
        lines.paragraph(visible(_article_line(check, result.release)), width)
    for item in result.caveats:
        lines.blank()
        lines.paragraph("Reality check: " + visible(item.text), width)
    lines.blank()
    _source_note(
        lines, [*result.sources, *(s for g in result.caveats for s in g.sources)], sym, width
    )
    return lines


def _article_line(check: ArticleCheck, release: str) -> str:
    now = f"BLS {release}: mean {statistic(check.now_mean)}, 90th percentile "
    return f'The source article said: "{check.said}" {check.were} {now}{statistic(check.now_p90)}.'


def render_state_ranking(result: StateRanking, sym: Symbols, width: int = 100) -> Lines:
    """Every state and territory, highest median first, under the national line."""
    lines = Lines()
    unit = "an hour" if result.hourly else "a year"
    head = f"{result.role_name}: {result.occupation.lower()} (SOC {result.soc}), pay {unit} "
    head += f"by state, highest median first (BLS OEWS {result.release})"
    lines.paragraph(visible(head), width, "bold")
    lines.blank()
    kind = "hourly" if result.hourly else "annual"
    rows = [("", "National", *_state_cells(result.national, kind, result.hourly))]
    for n, row in enumerate(result.rows, 1):
        name = row.area_name + (
            f" ({result.postal[row.state]})" if row.state in result.postal else ""
        )
        rows.append((str(n), visible(name), *_state_cells(row, kind, result.hourly)))
    sizes = widths(STATE_COLUMNS, rows, width)
    if sizes is not None:
        add_table(lines, STATE_COLUMNS, rows, sizes, sym.whisker)
    else:
        for rank, name, median, p10, p90, employed, per_1000 in rows:
            lines.paragraph(f"{rank + '. ' if rank else ''}{name}: median {median}", width, "bold")
            lines.paragraph(
                f"p10 {p10}, p90 {p90}; employed {employed}; jobs per 1,000 {per_1000}",
                width,
                indent=2,
            )
    lines.blank()
    _source_note(lines, result.sources, sym, width)
    return lines


STATE_COLUMNS = (
    Column("#", justify="right"),
    Column("State or territory", wraps=True, least=12),
    Column("Median", justify="right"),
    Column("p10", justify="right"),
    Column("p90", justify="right"),
    Column("Employed", justify="right"),
    Column("Per 1,000 jobs", justify="right"),
)


def _state_cells(row: Estimate, kind: str, hourly: bool) -> tuple[str, ...]:
    return (
        statistic(getattr(row, f"{kind}_median"), hourly),
        statistic(getattr(row, f"{kind}_p10"), hourly),
        statistic(getattr(row, f"{kind}_p90"), hourly),
        count(row.employment),
        ratio(row.jobs_per_1000) if row.area_type != "N" else "",
    )


INDUSTRY_COLUMNS = (
    Column("Industry", wraps=True, least=20),
    Column("Employed", justify="right"),
    Column("Median", justify="right"),
    Column("p90", justify="right"),
)


def render_industries(result: IndustryReport, sym: Symbols, width: int = 100) -> Lines:
    """The industries employing the occupation most, then those paying it most."""
    lines = Lines()
    unit = "an hour" if result.hourly else "a year"
    head = f"{result.role_name}: {result.occupation.lower()} (SOC {result.soc}) by industry, "
    head += f"nationally, pay {unit} (BLS OEWS {result.release})"
    lines.paragraph(visible(head), width, "bold")
    kind = "hourly" if result.hourly else "annual"
    sections = (
        ("Where most work", result.most_employed),
        (
            f"Where pay is highest (industries employing at least {result.least_employment:,})",
            result.best_paid,
        ),
    )
    for title, chosen in sections:
        lines.blank()
        lines.paragraph(title, width, "bold")
        rows = [
            (
                visible(r.industry_name),
                count(r.employment),
                statistic(getattr(r, f"{kind}_median"), result.hourly),
                statistic(getattr(r, f"{kind}_p90"), result.hourly),
            )
            for r in chosen
        ]
        sizes = widths(INDUSTRY_COLUMNS, rows, width)
        if sizes is not None:
            add_table(lines, INDUSTRY_COLUMNS, rows, sizes, sym.whisker)
        else:
            for name, employed, median, p90 in rows:
                lines.paragraph(name, width)
                lines.paragraph(
                    f"employed {employed}; median {median}; p90 {p90}", width, "dim", indent=2
                )
    lines.blank()
    every = f"All industries: employed {count(result.national.employment)}, median "
    every += statistic(getattr(result.national, f"{kind}_median"), result.hourly)
    lines.paragraph(every, width)
    lines.blank()
    _source_note(lines, result.sources, sym, width)
    return lines


SURVEY_COLUMNS = (
    Column("Survey", justify="right"),
    Column("Who", wraps=True, least=16),
    Column("Pay a year", justify="right"),
)


def render_survey(result: SurveyReport, sym: Symbols, width: int = 100) -> Lines:
    """A body's survey of its members' pay, labelled as such, newest survey first."""
    lines = Lines()
    lines.paragraph(visible(f"{result.label} (not BLS figures)"), width, "bold")
    note = "What members who answered said they earn: people who pay for membership and "
    note += "hold credentials, so higher than BLS's medians for everyone in the work."
    lines.paragraph(note, width, "italic")
    lines.blank()
    rows = [
        (str(f.survey_year), visible(f.group), f"{money(f.usd)} ({f.statistic})")
        for f in result.figures
    ]
    sizes = widths(SURVEY_COLUMNS, rows, width)
    if sizes is not None:
        add_table(lines, SURVEY_COLUMNS, rows, sizes, sym.whisker)
    else:
        for year, who, usd in rows:
            lines.paragraph(f"{who}: {usd}, {year} survey", width)
    lines.blank()
    sources = list({s.url: s for f in result.figures for s in f.sources}.values())
    _source_note(lines, sources, sym, width)
    return lines


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
    for use in result.sources:  # one after another: an address is never cut to fit a column
        when = dated(use.published) + (", stale" if use.stale else "")
        lines.paragraph(f"{sym.bullet} {visible(use.title)} ({use.kind}, {when})", width, "bold")
        if use.url:
            lines.add(("  " + visible(use.url), None))  # whole, never cut
        else:
            lines.paragraph("(the source article: no address)", width, indent=2)
        backs = "Backs: " + "; ".join(use.backs)
        lines.paragraph(visible(backs), width, "dim", indent=2)
    return lines


def render_sources_check(result: SourcesCheck, sym: Symbols, width: int = 100) -> Lines:
    """For maintainers: old pages, records resting on secondary pages, records all stale."""
    lines = Lines()
    cutoff = stale_cutoff(result.today).isoformat()
    lines.paragraph(f"Source check, {result.today.isoformat()}", width, "bold")
    sections = [
        (
            f"Pages dated more than {result.stale_after_years} years ago (before {cutoff}): "
            f"{len(result.old_pages)}",
            [f"{dated(u.published)}  {u.title}  {u.url or ''}" for u in result.old_pages],
        ),
        (
            f"Records backed only by secondary pages or the article: {len(result.secondary_only)}",
            [f"{r.record}: {r.reason}" for r in result.secondary_only],
        ),
        (
            f"Records whose sources are all over two years old: {len(result.all_stale)}",
            [f"{r.record}: {r.reason}" for r in result.all_stale],
        ),
    ]
    for title, items in sections:
        lines.blank()
        lines.paragraph(title, width, "bold")
        for item in items:
            lines.paragraph(visible(item), width, indent=2)
    lines.blank()
    lines.paragraph(f"Undated pages (not counted as old): {result.undated_pages}", width)
    return lines


# keyed by class name, so that rendering one answer does not import every advice module
RENDERERS: dict[str, Callable[[Any, Symbols, int], RenderableType]] = {
    "Comparison": render_comparison,
    "CertListing": render_cert_listing,
    "CertDetail": render_document,
    "Eligibility": render_document,
    "PayReport": render_pay,
    "StateRanking": render_state_ranking,
    "IndustryReport": render_industries,
    "SurveyReport": render_survey,
    "SourcesReport": render_sources,
    "SourcesCheck": render_sources_check,
    "Explanation": render_document,
    "Glossary": render_document,
    "ApprenticeStatus": render_document,
    "Plan": render_document,
    "Match": render_document,
    "TrainingGuide": render_document,
    "Start": render_document,
}


def render(result: Result, sym: Symbols, width: int = 100) -> RenderableType:
    """The renderable for any result object, laid out for `width` columns; an answer with a
    layout of its own opens, under its title, with the same summary as its document."""
    renderer = RENDERERS[type(result).__name__]
    shown = renderer(result, sym, width)
    if renderer is render_document or not isinstance(shown, Lines) or not shown.lines:
        return shown
    from mbcadvisor.document import SUMMARIES

    made = SUMMARIES.get(type(result).__name__)
    lines = made(result) if made is not None else ()
    if not lines:
        return shown
    head = Lines()
    for n, line in enumerate(lines):
        head.paragraph(visible(line), width, "bold" if n == 0 else None)
    if isinstance(result, CertListing):  # no title of its own: the summary opens it
        shown.lines[0:0] = [*head.lines, ()]
        return shown
    title_end = 1  # after the title, however many lines it wrapped to
    while title_end < len(shown.lines) and _styled(shown.lines[title_end], "bold"):
        title_end += 1
    shown.lines[title_end:title_end] = [(), *head.lines]
    return shown


def _styled(line: Sequence[tuple[str, str | None]], style: str) -> bool:
    return bool(line) and all(part_style == style for _, part_style in line)
