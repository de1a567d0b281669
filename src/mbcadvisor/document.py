"""Answers as documents: headings, paragraphs, lists, checklists, tables and sources, built once
from a result object and written by each text format (markdown.py, plain.py) in its own way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mbcadvisor.figures import (
    count,
    dated,
    duration,
    first_sentence,
    length,
    lower_first,
    money,
    money_range,
    months,
    ratio,
    statistic,
    weeks,
    years,
)
from mbcadvisor.wording import Cell, comparison_rows

if TYPE_CHECKING:
    from mbcadvisor.advice.certs import ApprenticeStatus, CertDetail, CertListing
    from mbcadvisor.advice.compare import Comparison
    from mbcadvisor.advice.eligibility import Eligibility, Missing
    from mbcadvisor.advice.glossary import Explanation, Glossary
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.pay import (
        IndustryReport,
        PayFigure,
        PayReport,
        StateRanking,
        SurveyReport,
    )
    from mbcadvisor.advice.plan import Plan, Step, Way
    from mbcadvisor.advice.result import Result
    from mbcadvisor.advice.sources import SourcesCheck, SourcesReport
    from mbcadvisor.advice.start import Start
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.models import Cert, Estimate, Guidance, Program, Source


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
    """One line of a checklist: done, not done or not known (None), its facts (time, cost)
    and details."""

    text: str
    done: bool | None
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
    """The pages the answer rests on, numbered from `start` in the order first cited: what
    the answer's [n] markers point to."""

    sources: tuple[Source, ...]
    start: int = 1
    detail: bool = False  # also when each was read and what it states (mbc certs ID --sources)


Block = Heading | Paragraph | Bullets | Numbered | Checklist | Table | Facts | Links


@dataclass(frozen=True)
class Document:
    """An answer: a title, a summary of at most five lines (the verdict, the figure, the next
    step) and its blocks."""

    title: str
    blocks: list[Block]
    summary: tuple[str, ...] = ()


class Refs:
    """Numbered references: `cite()` gives the marker for some sources (" [1, 2]"), numbering
    each page the first time it is cited; `block()` is the numbered list for the answer's end."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.sources: list[Source] = []

    def cite(self, sources: Iterable[Source]) -> str:
        numbers = []
        for source in sources:
            key = source.url or source.title
            if key not in self.numbers:
                self.sources.append(source)
                self.numbers[key] = len(self.sources)
            numbers.append(self.numbers[key])
        return marker(sorted(set(numbers)))

    def block(self) -> list[Block]:
        return [Heading("Sources"), Links(tuple(self.sources))] if self.sources else []


def marker(numbers: Sequence[int]) -> str:
    """' [3]', ' [1, 4]', ' [2\u20135]' (a run of three or more as a range), or ''."""
    if not numbers:
        return ""
    parts: list[str] = []
    run = [numbers[0]]
    for n in [*numbers[1:], None]:
        if n is not None and n == run[-1] + 1:
            run.append(n)
            continue
        if len(run) >= 3:
            parts.append(f"{run[0]}\u2013{run[-1]}")
        else:
            parts += [str(r) for r in run]
        if n is not None:
            run = [n]
    return " [" + ", ".join(parts) + "]"


def _links(sources: Iterable[Source]) -> list[Block]:
    """The numbered list of an answer's sources, where its text carries no markers."""
    refs = Refs()
    refs.cite(sources)
    return refs.block()


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
    from mbcadvisor.advice.certs import listing_parts, standard_fee

    document = Document("Certifications", [])
    if not result.count:
        document.blocks.append(Paragraph("No certification matches those filters."))
        return document
    for group in result.groups:
        rows, brief, unknown = listing_parts(group, result)
        document.blocks.append(Heading(group.track.capitalize()))
        cells = tuple(
            (
                c.id,
                c.name,
                result.bodies.get(c.body, c.body),
                c.level,
                str(c.exam.questions) if c.exam.questions else "n/a",
                duration(c.exam.minutes),
                c.exam.passing_score or "n/a",
                money(standard_fee(c)),
                "yes" if c.id in group.first_choice else "",
            )
            for c in rows
        )
        header = ("ID", "Name", "Body", "Level", "Questions", "Time", "Pass", "Fee", "First")
        if cells:
            document.blocks.append(Table(header, cells))
        if brief:
            document.blocks.append(Paragraph(f"Specialty credentials ({len(brief)}):"))
            document.blocks.append(
                Bullets(
                    tuple(f"{c.id}: {c.name} ({result.bodies.get(c.body, c.body)})" for c in brief)
                )
            )
        if unknown:
            names = ", ".join(c.id for c in unknown)
            document.blocks.append(Paragraph(f"No exam facts found yet for {names}."))
    return document


def _fee_line(c: Cert) -> str:
    fees = c.fees
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
    return ", ".join(prices) or "not known"


def cert_detail(result: CertDetail) -> Document:
    from mbcadvisor.advice.certs import standard_fee

    c, body = result.cert, result.body
    exam, fees, mem, pre, ren = c.exam, c.fees, c.membership, c.prerequisites, c.renewal
    yes_no = {True: "yes", False: "no", None: "not known"}
    issuer = body.acronym if body.acronym == body.name else f"{body.acronym}: {body.name}"
    if body.formerly:
        issuer += f" (formerly {body.formerly})"
    membership = f"required: {yes_no[mem.required]}"
    if mem.annual_fee_usd:
        membership += f", {money(mem.annual_fee_usd)} a year"
    renewal = []
    if ren.ceus:
        renewal.append(f"{ren.ceus} CEUs")
    if ren.cycle_years:
        renewal.append("every year" if ren.cycle_years == 1 else f"every {ren.cycle_years} years")
    if ren.fee_usd:
        renewal.append(f"fee {money(ren.fee_usd)}")
    questions = f"{exam.questions} questions" if exam.questions else "questions not known"
    passing = f"passing score {exam.passing_score}" if exam.passing_score else "pass mark not known"
    refs = Refs()
    cited = refs.cite(c.sources)
    pairs: list[tuple[str, str | None]] = [
        ("Issued by", issuer),
        ("Tracks", ", ".join(c.tracks)),
        ("Level", c.level),
        ("Setting", c.setting),
        ("Specialty", c.specialty),
        ("About", c.summary),
        ("Exam", f"{questions}, {duration(exam.minutes)}, {passing}"),
        ("Open book", None if exam.open_book is None else yes_no[exam.open_book]),
        ("Books", ", ".join(exam.books) or None),
        ("Delivery", ", ".join(d.replace("_", " ") for d in exam.delivery) or None),
        ("Exam note", exam.note),
        ("Fee", _fee_line(c)),
        ("Fee includes", fees.includes),
        ("Fee note", fees.note),
        ("Membership", membership + (f"; {mem.note}" if mem.note else "")),
        ("Experience", pre.experience),
        ("Education", pre.education),
        ("Needs first", ", ".join(pre.credentials) or None),
        ("Prerequisite note", pre.note),
        ("Renewal", ", ".join(renewal) + (f"; {ren.note}" if ren.note else "") or None),
        (
            "Apprentice",
            f"{c.apprentice.designation}: {c.apprentice.removal}" if c.apprentice else None,
        ),
        *(
            (
                "Members' pay",
                f"{result.survey_label}, {f.survey_year}: {f.statistic} {money(f.usd)} a year "
                f"({f.group}); not a BLS figure",
            )
            for f in ([result.survey] if result.survey else [])
        ),
        *(("Note", note) for note in c.notes),
        ("Checked", f"{max(s.read_on for s in c.sources).isoformat()}, against its sources{cited}"),
    ]
    facts = tuple((label, value) for label, value in pairs if value)
    fee = standard_fee(c)
    summary = [
        f"{c.id}, from {body.acronym}: {c.level} level; {questions}, {duration(exam.minutes)}, "
        f"{passing}.",
        f"Fee: {money(fee) if fee else 'not found'}"
        + (f" ({fees.includes})" if fees.includes and fee else "")
        + (f"; {body.acronym} membership required" if mem.required else "")
        + ".",
    ]
    if c.apprentice:
        summary.append(
            f"Passed without two years' experience, it reads {c.apprentice.designation}."
        )
    blocks: list[Block] = [Facts(facts)]
    if result.show_sources:
        blocks += [Heading("Sources"), Links(tuple(refs.sources), detail=True)]
        if c.curation:
            blocks += [Heading("For maintainers"), Bullets(tuple(c.curation))]
    else:
        blocks += refs.block()
    return Document(f"{c.id}: {c.name}", blocks, tuple(summary))


def _check(met: bool | None, label: str, reason: str) -> Check:
    return Check(f"{label}: {reason}", met)


def _options(options: Sequence[str]) -> str:
    """'--age', '--answers or --track', '--diploma, --ged or --no-diploma'."""
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]


def _missing_line(missing: Sequence[Missing]) -> str:
    """What was not given, and the options that give it."""
    parts = [f"{m.question} Add {_options(m.options)}" for m in missing]
    return "Not given: " + "; ".join(parts)


def eligibility(result: Eligibility, refs: Refs | None = None) -> Document:
    refs = refs if refs is not None else Refs()
    checks = Checklist(
        tuple(_check(c.met, c.label, c.reason + refs.cite(c.sources)) for c in result.checks)
    )
    blocks: list[Block] = [checks]
    summary: list[str] = []
    if result.eligible is None:
        flags = _options([o for m in result.missing for o in m.options])
        if any(case.eligible for case in result.cases):
            summary.append("It depends on whether you have a high school diploma or GED.")
            summary.append("With one: you can enroll now. Without one: not yet.")
            summary.append(f"For one answer, add {flags}.")
        else:  # not yet either way: only the next steps depend on the schooling
            summary.append("Not yet: " + "; ".join(_unmet(result)) + ".")
            summary.append(f"For the next steps that fit you, add {flags}.")
        for case in result.cases:
            blocks += [Heading(case.when), Numbered(tuple(case.next_steps))]
    else:
        if result.eligible:
            summary.append("Yes: you can enroll in a training program now.")
        else:
            summary.append("Not yet: " + "; ".join(_unmet(result)) + ".")
        if result.next_steps:
            blocks += [Heading("Next steps"), Numbered(tuple(result.next_steps))]
    summary.append(f"Next: {result.next_command}")
    refs.cite(result.sources)
    blocks += refs.block()
    return Document("Can I enroll in a training program?", blocks, tuple(summary))


def _unmet(result: Eligibility) -> list[str]:
    return [c.reason for c in result.checks if c.met is False]


def _enroll_blocks(result: Eligibility, refs: Refs) -> list[Block]:
    """The eligibility answer's checks and steps (under their headings where they depend on
    the schooling), citing into another answer's references."""
    blocks = eligibility(result, refs).blocks
    return [b for b in blocks if not isinstance(b, Links) and b != Heading("Sources")]


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


SCHOOLING_WORDS = {
    "diploma": "diploma",
    "ged": "GED",
    "none": "no diploma or GED",
    None: "schooling not given",
}


def _person(age: int | None, schooling: str | None, budget: float | None = None) -> str:
    """What the person told us, in a few words."""
    parts = [f"age {age}" if age is not None else "age not given"]
    parts.append(SCHOOLING_WORDS[schooling])
    if budget is not None:
        parts.append(f"budget {money(budget)}")
    return ", ".join(parts)


def _step_facts(step: Step) -> str:
    facts = []
    if step.done is False:
        if step.months_min or step.months_max:
            open_ended = step.months_max is None
            facts.append(f"time: {months(step.months_min, step.months_max, open_ended)}")
        if step.cost_min_usd or step.cost_max_usd:
            facts.append(f"cost: {money_range(step.cost_min_usd, step.cost_max_usd)}")
    return "; ".join(facts)


def _and(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def way_cost(way: Way) -> str:
    """A way's total cost to the first credential, and what is not priced."""
    if way.cost_min_usd is None:
        return "not found"
    text = money_range(way.cost_min_usd, way.cost_max_usd)
    if way.unknown_costs:
        text = f"from {money(way.cost_min_usd)}, plus " + _and(way.unknown_costs)
    return text


def plan_summary(result: Plan) -> list[str]:
    """The plan's verdict in at most four lines: when, how much, the budget, what is missing."""
    lines = []
    if result.stage == "credentialed":
        held = ", ".join(result.certs_held)
        lines.append(f"You hold {held}: your plan is the next credential, work and the ladder.")
        if result.cost_min_usd is not None:
            cost = money_range(result.cost_min_usd, result.cost_max_usd)
            lines.append(f"Next credential exam fees: {cost}.")
    else:
        cert = result.steps[3].title.rsplit(" ", 1)[-1]
        wait = result.earliest_credential_months
        when = f"in about {months(wait, wait)} at the earliest" if wait else "time not known"
        if result.schooling == "none":
            when += ", after your GED for a program or course"
        lines.append(f"Your first credential, {cert}: {when}.")
        priced = [w for w in result.ways if w.cost_min_usd is not None]
        if priced:
            cheap = min(priced, key=lambda w: w.cost_min_usd or 0)
            dear = max(priced, key=lambda w: w.cost_max_usd or 0)
            cost = f"{money(cheap.cost_min_usd)} ({cheap.short})"
            if dear is not cheap or dear.cost_max_usd != cheap.cost_min_usd:
                cost += f" to {money(dear.cost_max_usd)} ({dear.short})"
            unknown = _and(result.unknown_costs)
            lines.append(f"Cost: {cost}" + (f", plus {unknown}." if unknown else "."))
    if result.budget_note:
        lines.append(result.budget_note)
    elif result.budget_usd is not None and result.over_budget_usd:
        lines.append(
            f"Over your budget of {money(result.budget_usd)} by {money(result.over_budget_usd)}."
        )
    if result.missing:
        lines.append(_missing_line(result.missing) + ".")
    return lines


def plan(result: Plan) -> Document:
    refs = Refs()
    items = tuple(
        Check(
            step.title + refs.cite(step.sources), step.done, _step_facts(step), tuple(step.details)
        )
        for step in result.steps
    )
    blocks: list[Block] = [Checklist(items, numbered=True)]
    for n, way in enumerate(result.ways, 1):
        blocks.append(Heading(f"Way {n} of {len(result.ways)}: {way.name.lower()}"))
        facts = [
            ("Time", way.length + refs.cite(way.sources)),
            ("Total cost", way_cost(way) + refs.cite(way.cost_sources)),
        ]
        if way.within_budget is not None:
            facts.append(
                (
                    "Within your budget",
                    {"yes": "yes", "maybe": "maybe", "no": "no"}[way.within_budget],
                )
            )
        blocks.append(Facts(tuple(facts)))
        blocks.append(Bullets(tuple(f"Built from: {line}" for line in way.built_from)))
        if way.trade_offs:
            blocks.append(Bullets(tuple(way.trade_offs)))
    summary = plan_summary(result)
    summary.append("Next: " + "; ".join(result.next_commands))
    blocks += refs.block()
    if result.stage == "credentialed":
        who = f"age {result.age}, holds " + ", ".join(result.certs_held)
        if result.experience_years:
            who += f", {years(result.experience_years)} of experience"
        title = f"Your next steps as a {result.track_name.lower()} ({who})"
    else:
        who = _person(result.age, result.schooling, result.budget_usd)
        title = f"Your plan to become a {result.track_name.lower()} ({who})"
    return Document(title, blocks, tuple(summary))


MATCH_VERDICTS = {
    "strong": "a strong lean",
    "moderate": "a moderate lean",
    "slight": "a slight lean",
    "none": "no lean",
}
FIELD_FIT = {
    "good": "The field itself suits what you said you like.",
    "mixed": "The field suits some of what you said, not all of it.",
    "poor": "You said no to what the field as a whole is known for.",
    "unknown": "You did not say whether the field itself suits you.",
}


def match_summary(result: Match) -> list[str]:
    based = f"from {result.answered} of {result.asked} answers"
    if result.verdict == "track":
        line = f"{result.track_name} fits you best: {MATCH_VERDICTS[result.strength]}, {based}."
    elif result.verdict == "both":
        line = f"Both sides fit you ({based}): most programs teach billing and coding together."
    elif result.verdict == "not_this_field":
        line = f"Billing and coding may not suit you ({based}); nearby routes are below."
    else:
        line = f"No lean either way yet ({based})."
    return [line, FIELD_FIT[result.field_fit]]


def match(result: Match) -> Document:
    refs = Refs()
    rows = tuple(
        (
            r.question + refs.cite(r.sources),
            r.answer,
            ", ".join(f"{k} {v:+d}" for k, v in r.points.items() if v)
            or ("the field as a whole" if not r.points else "nothing"),
        )
        for r in result.reasons
    )
    blocks: list[Block] = [
        Heading("Why, answer by answer"),
        Table(("Question", "You", "Points to"), rows),
    ]
    if result.combined:
        blocks += [
            Heading("Billing and coding together"),
            Bullets(tuple(g.text + refs.cite(g.sources) for g in result.combined)),
        ]
    if result.nearby:
        blocks.append(Heading("Nearby routes, with their national median pay"))
        blocks.append(
            Table(
                ("Route", "Median pay", "Why"),
                tuple(
                    (n.step, statistic(n.median_annual) + " a year", n.why + refs.cite(n.sources))
                    for n in result.nearby
                ),
            )
        )
    blocks += [Heading("Next"), Bullets(tuple(result.next_commands))]
    summary = [*match_summary(result), "Next: " + result.next_commands[0]]
    return Document("Which track fits you?", blocks + refs.block(), tuple(summary))


def _guidance(title: str, items: Sequence[Guidance], refs: Refs) -> list[Block]:
    if not items:
        return []
    return [Heading(title), Bullets(tuple(g.text + refs.cite(g.sources) for g in items))]


def _length_of(program: Program, longest: bool = False) -> str:
    if program.min_weeks is not None:
        return weeks(program.max_weeks if longest else program.min_weeks, None)
    value = program.max_months if longest else program.min_months
    return months(value, None)


def training(result: TrainingGuide) -> Document:
    refs = Refs()
    rows = tuple(
        (
            p.name + refs.cite([*p.sources, *(s for c in p.costs for s in c.sources)]),
            ", ".join(p.tracks),
            length(p.min_months, p.max_months, p.min_weeks, p.max_weeks),
            money_range(
                min((c.low_usd for c in p.costs), default=None),
                max((c.high_usd or c.low_usd for c in p.costs), default=None),
            ),
        )
        for p in result.programs
    )
    blocks: list[Block] = [Table(("Program", "Tracks", "Length", "Prices found"), rows)]
    if result.on_the_job:
        blocks.append(Paragraph(result.on_the_job))
    blocks += [
        Heading("To enroll"),
        Bullets(tuple(r.label + refs.cite(r.sources) for r in result.requirements)),
    ]
    blocks += [Heading("What you will study"), Bullets(tuple(result.topics))]
    sections = (
        ("Paying for training", result.paying),
        ("Checking a school", result.checking_a_school),
        ("Ask the school", result.school_questions),
        ("Red flags", result.red_flags),
        ("Studying on your own", result.self_study),
        ("Billing and coding together", result.combined),
        ("Your first job", result.first_job),
        ("Reality checks", result.reality_checks),
        ("The GED", result.ged),
    )
    for title, items in sections:
        blocks += _guidance(title, items, refs)
    blocks += refs.block()
    spans = [(p.months(), p) for p in result.programs if p.months()[0] is not None]
    summary_lines = []
    if spans:
        short = min(spans, key=lambda s: s[0][0] or 0)[1]
        long = max(spans, key=lambda s: s[0][1] or s[0][0] or 0)[1]
        summary_lines.append(
            f"Programs take from {_length_of(short)} ({lower_first(short.name)}) to "
            f"{_length_of(long, longest=True)} ({lower_first(long.name)})."
        )
    summary = (
        *summary_lines,
        "To enroll: " + "; ".join(lower_first(r.label) for r in result.requirements) + ".",
        "Before you pay: check the school, ask for numbers in writing, and look for federal aid "
        "or WIOA money.",
    )
    return Document("Training programs", blocks, summary)


def _enroll_line(e: Eligibility) -> str:
    if e.eligible is None and any(case.eligible for case in e.cases):
        return "Enroll: it depends on whether you have a diploma or GED."
    if e.eligible:
        return "Enroll: yes, you can enroll in a training program now."
    return "Enroll: not yet (" + "; ".join(_unmet(e)) + ")."


def start(result: Start) -> Document:
    blocks: list[Block] = []
    summary: list[str] = []
    refs = Refs()
    who = _person(result.age, result.schooling, result.budget_usd)
    if result.state:
        who += f", {result.state}"
    blocks.append(Paragraph(f"You: {who}."))
    blocks.append(Heading("Can you enroll?"))
    if result.eligibility is None:
        blocks.append(Paragraph("Give your age (--age) to check."))
        summary.append("Enroll: give your age to check.")
    else:
        blocks += _enroll_blocks(result.eligibility, refs)
        summary.append(_enroll_line(result.eligibility))
    blocks.append(Heading("Which track fits you?"))
    if result.match is not None:
        blocks += [Paragraph(line) for line in match_summary(result.match)]
        liked = [r for r in result.match.reasons if r.answer == "yes" and r.points]
        if liked:
            said = ", ".join(r.short for r in liked) + refs.cite(
                s for r in liked for s in r.sources
            )
            blocks.append(Paragraph(f"You said yes to: {said}."))
        if result.match.nearby:
            routes = tuple(
                f"{n.step}: median {statistic(n.median_annual)} a year" + refs.cite(n.sources)
                for n in result.match.nearby
            )
            blocks += [Paragraph("Nearby routes, with their national median pay:"), Bullets(routes)]
        if result.match.combined:
            combined = result.match.combined
            blocks.append(Bullets(tuple(g.text + refs.cite(g.sources) for g in combined)))
    if result.track_from == "you chose it":
        blocks.append(Paragraph(f"You chose {result.track}."))
    elif result.match is None:
        blocks.append(Paragraph("Not asked: answer the questions (--answers) or choose (--track)."))
    why = "your choice" if result.track_from == "you chose it" else "from your answers"
    if result.track:
        summary.append(f"Track: {result.track} ({why}).")
    elif result.track_from == "both fit":
        summary.append("Track: both fit you; most programs teach billing and coding together.")
    else:
        summary.append("Track: not decided yet.")
    blocks.append(Heading("Your plan"))
    if result.plan is not None:
        p = result.plan
        items = tuple(Check(s.title, s.done, _step_facts(s)) for s in p.steps)
        blocks.append(Checklist(items))
        lines = plan_summary(p)
        cited = refs.cite(s for w in p.ways for s in w.cost_sources)  # the costs' own pages
        blocks += [Paragraph(line + (cited if n == 1 else "")) for n, line in enumerate(lines)]
        summary += lines[:1]
    else:
        needs = [
            n
            for n, gap in (("a track", result.track is None), ("your age", result.age is None))
            if gap
        ]
        if result.track_from == "both fit" and result.age is not None:
            blocks.append(Paragraph("Both tracks fit: pick one for your plan (see Next)."))
        else:
            blocks.append(Paragraph("A plan needs " + " and ".join(needs) + "."))
    blocks.append(Heading("Pay where you live"))
    rows: list[tuple[str, ...]] = []
    for pay in result.pay:
        here = statistic(pay.annual_median) if pay.place else "give --state"
        rows.append((pay.role_name, pay.occupation, here, statistic(pay.national_annual_median)))
    place = result.state or "your state"
    header = ("Role", "BLS occupation", f"Median in {place}", "National median")
    blocks.append(Table(header, tuple(rows)))
    if result.pay:
        first = result.pay[0]
        cited = refs.cite(result.sources)
        blocks.append(
            Paragraph(f"Median pay a year, BLS {first.release}: half earn more, half less{cited}.")
        )
        if first.place and len(result.pay) == 1:
            median = statistic(first.annual_median)
            who = first.role_name.lower() + "s"
            summary.append(f"Pay: {who} earn a median {median} a year in {first.place}.")
    if result.missing:
        blocks += [
            Heading("Not given"),
            Bullets(tuple(f"{m.question} Add {_options(m.options)}." for m in result.missing)),
        ]
    blocks += [Heading("Next"), Bullets(tuple(result.next_commands))]
    summary = summary[:4]
    summary.append("Next: " + result.next_commands[0])
    return Document(
        "Your start in medical billing and coding", blocks + refs.block(), tuple(summary)
    )


def explanation(result: Explanation) -> Document:
    term = result.term
    head = term.term + (f" ({term.stands_for})" if term.stands_for else "")
    refs = Refs()
    blocks: list[Block] = [Paragraph(term.definition + refs.cite(term.sources))]
    if term.example:
        blocks.append(Paragraph(f"For example: {term.example}"))
    blocks += [Paragraph(note) for note in term.notes]
    if result.see_also:
        related = ", ".join(f"{t.term} (mbc explain {t.id})" for t in result.see_also)
        blocks.append(Paragraph(f"See also: {related}"))
    return Document(head, [*blocks, *refs.block()])


def glossary(result: Glossary) -> Document:
    rows = tuple((t.term, t.id, first_sentence(t.definition)) for t in result.terms)
    return Document(
        "Words mbc uses",
        [Table(("Term", "mbc explain", "Meaning"), rows)],
        (f"{len(rows)} words; `mbc explain TERM` shows one in full, with its sources.",),
    )


def apprentice(result: ApprenticeStatus) -> Document:
    cert = result.cert
    title = f"{result.designation}: {cert.name} ({cert.id}), apprentice status, from "
    title += result.body.acronym
    blocks: list[Block] = [
        Paragraph(result.meaning),
        Heading("How the A is removed"),
        Paragraph(result.removal),
        Paragraph(f"The credential itself: mbc certs {cert.id}"),
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


def _told(age: int | None, schooling: str | None, budget: float | None) -> list[tuple[str, str]]:
    return [
        ("Age", str(age) if age is not None else "not given"),
        ("Diploma or GED", {**SCHOOLING_WORDS, None: "not given"}[schooling]),
        ("Budget", money(budget) if budget is not None else "not given"),
    ]


def answers(result: Result) -> tuple[tuple[str, str], ...]:
    """What the person told us, as labelled answers (for the top of a handout); none for an
    answer that asks nothing of the person (a comparison, a listing)."""
    from mbcadvisor.advice.eligibility import Eligibility
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.start import Start

    if isinstance(result, Eligibility):
        return tuple(_told(result.age, result.schooling, None)[:2])
    if isinstance(result, Plan):
        pairs = [("Track", result.track_name), *_told(result.age, result.schooling, None)[:2]]
        if result.certs_held:
            pairs.append(("Credentials held", ", ".join(result.certs_held)))
        if result.experience_years:
            pairs.append(("Experience", years(result.experience_years)))
        if result.budget_usd is not None:
            pairs.append(("Budget", money(result.budget_usd)))
        return tuple(pairs)
    if isinstance(result, Start):
        pairs = _told(result.age, result.schooling, result.budget_usd)
        pairs.append(("State", result.state or "not given"))
        if result.match is not None:
            said = "; ".join(f"{r.short}: {r.answer}" for r in result.match.reasons)
            pairs.append(("Your answers", said))
        if result.track_from == "you chose it" and result.track is not None:
            pairs.append(("Track", f"{result.track} (your choice)"))
        return tuple(pairs)
    return ()


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
    "Start": start,
}


def document(result: Result) -> Document:
    """The document of any answer, opening with its summary."""
    made = BUILDERS[type(result).__name__](result)
    own = SUMMARIES.get(type(result).__name__)
    if own is not None and not made.summary:
        return Document(made.title, made.blocks, own(result))
    return made


# --- summaries: the answer first, in at most five lines ----------------------------------------


def _median(figures: Sequence[PayFigure]) -> str:
    median = next((f.annual for f in figures if f.statistic == "median"), None)
    return statistic(median)


def comparison_summary(result: Comparison) -> tuple[str, ...]:
    place = "nationally" if result.place == "National" else f"in {result.place}"
    pay = "; ".join(f"{r.name.lower()}s {_median(r.pay.figures)}" for r in result.roles)
    firsts = ", ".join(f"{r.certs[0].id} ({r.name.lower()})" for r in result.roles if r.certs)
    return (
        f"Median pay a year {place}: {pay} (BLS {result.release}).",
        f"Usual first credentials: {firsts}.",
        "Which fits you: mbc start (or mbc match); every source: mbc sources.",
    )


def listing_summary(result: CertListing) -> tuple[str, ...]:
    from mbcadvisor.advice.certs import standard_fee

    def fee(cert: Cert) -> str:
        price = standard_fee(cert)
        return money(price) if price is not None else "fee not found"

    if not result.count:
        return ("No certification matches those filters.",)
    lines = []
    for group in result.groups[:2]:
        levels = {lvl: [c for c in group.certs if c.level == lvl] for lvl in LEVEL_ORDER}
        present = {k: v for k, v in levels.items() if v}
        noun = "credential" if len(group.certs) == 1 else "credentials"
        line = f"{group.track.capitalize()}: {len(group.certs)} {noun}"
        if len(present) == 1:
            line += f", {'all ' if len(group.certs) > 1 else ''}{next(iter(present))} level."
        else:
            line += " (" + ", ".join(f"{len(v)} {k}" for k, v in present.items()) + ")."
        first = [c for c in group.certs if c.id in group.first_choice]
        if first:
            body = result.bodies
            names = " or ".join(f"{c.id} ({body.get(c.body, c.body)}, {fee(c)})" for c in first)
            line += f" A common first credential: {names}."
        lines.append(line)
    if len(result.groups) > 2:
        lines.append(f"Also: {', '.join(g.track for g in result.groups[2:])}.")
    lines.append("One in full, with its sources: mbc certs ID (e.g. mbc certs CPC).")
    return tuple(lines[:5])


def pay_summary_lines(result: PayReport) -> tuple[str, ...]:
    unit = "an hour" if result.hourly else "a year"
    lines = []
    for group in result.groups:
        row = group.rows[0]
        column = "hourly_median" if result.hourly else "annual_median"
        median = statistic(getattr(row.estimate, column), result.hourly)
        where = "nationally" if row.place == "National" else f"in {row.place}"
        lines.append(f"{group.role_name}s: median {median} {unit} {where}.")
    lines.append(f"BLS Occupational Employment and Wage Statistics, {result.release}.")
    return tuple(lines[:5])


def ranking_summary(result: StateRanking) -> tuple[str, ...]:
    column = "hourly_median" if result.hourly else "annual_median"
    ranked = [r for r in result.rows if isinstance(getattr(r, column), int | float)]
    if not ranked:
        return ()
    top, bottom = ranked[0], ranked[-1]
    unit = "an hour" if result.hourly else "a year"

    def value(row: Estimate) -> str:
        return statistic(getattr(row, column), result.hourly)

    return (
        f"{result.role_name}s: highest median in {top.area_name} ({value(top)} {unit}), lowest "
        f"in {bottom.area_name} ({value(bottom)}); national {value(result.national)}.",
        f"BLS Occupational Employment and Wage Statistics, {result.release}.",
    )


def industries_summary(result: IndustryReport) -> tuple[str, ...]:
    lines = []
    if result.most_employed:
        top = result.most_employed[0]
        lines.append(f"Most {result.role_name.lower()}s work in {top.industry_name.lower()}.")
    lines.append(f"BLS Occupational Employment and Wage Statistics, {result.release}.")
    return tuple(lines)


def sources_summary(result: SourcesReport) -> tuple[str, ...]:
    kinds = {k: sum(s.kind == k for s in result.sources) for k in ("official", "secondary")}
    stale = sum(s.stale for s in result.sources)
    return (
        f"{result.count} pages: {kinds['official']} official (the body's own page), "
        f"{kinds['secondary']} secondary (a page quoting them).",
        f"{stale} dated more than {result.stale_after_years} years ago; an undated page is not "
        "counted as old.",
    )


def survey_summary(result: SurveyReport) -> tuple[str, ...]:
    if not result.figures:
        return ()
    newest = max(f.survey_year for f in result.figures)
    latest = [f for f in result.figures if f.survey_year == newest]
    overall = latest[0]
    return (
        f"{result.label}, {newest}: {overall.group}, {overall.statistic} {money(overall.usd)} "
        "a year.",
        "Members' own answers, not BLS figures: higher than the BLS medians (mbc pay).",
    )


def check_summary(result: SourcesCheck) -> tuple[str, ...]:
    return (
        f"{len(result.old_pages)} pages dated more than {result.stale_after_years} years ago; "
        f"{len(result.secondary_only)} records rest only on secondary pages or the article; "
        f"{len(result.all_stale)} records have only old sources.",
    )


SUMMARIES: dict[str, Callable[[Any], tuple[str, ...]]] = {
    "SurveyReport": survey_summary,
    "SourcesCheck": check_summary,
    "Comparison": comparison_summary,
    "CertListing": listing_summary,
    "PayReport": pay_summary_lines,
    "StateRanking": ranking_summary,
    "IndustryReport": industries_summary,
    "SourcesReport": sources_summary,
}
LEVEL_ORDER = ("entry", "advanced", "specialty")


def summary(result: Result) -> tuple[str, ...]:
    """The summary of any answer: its document's, or one written for its own layout."""
    made = SUMMARIES.get(type(result).__name__)
    return made(result) if made is not None else document(result).summary
