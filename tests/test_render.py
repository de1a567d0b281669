"""Rendered output at a fixed width, compared with reviewed golden files in tests/golden/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
from rich.console import Console

from mbcadvisor.advice.certs import (
    CertDetail,
    CertFilters,
    CertListing,
    cert_detail,
    list_certs,
    listing_parts,
)
from mbcadvisor.advice.compare import Comparison, compare_roles
from mbcadvisor.advice.eligibility import Eligibility, eligibility
from mbcadvisor.advice.match import match_track, parse_answers
from mbcadvisor.advice.pay import (
    IndustryReport,
    PayReport,
    StateRanking,
    SurveyReport,
    industries,
    pay_report,
    rank_states,
    survey_report,
)
from mbcadvisor.advice.plan import build_plan
from mbcadvisor.advice.result import Result
from mbcadvisor.advice.sources import SourcesReport, sources_report
from mbcadvisor.advice.start import start
from mbcadvisor.advice.training import training_guide
from mbcadvisor.figures import money
from mbcadvisor.grid import ASCII, UNICODE
from mbcadvisor.loader import load_table
from mbcadvisor.models import ESTIMATE_COLUMNS, Catalog, Estimate
from mbcadvisor.render import pay_bar, render

from .conftest import GOLDEN, VALID


def _text(result: Result, ascii_only: bool = False, width: int = 100) -> str:
    file = StringIO()
    console = Console(file=file, width=width, color_system=None, legacy_windows=False)
    console.print(render(result, ASCII if ascii_only else UNICODE, width))
    return file.getvalue()


def _check(name: str, text: str, update: bool, suffix: str = ".txt") -> None:
    path = GOLDEN / f"{name}{suffix}"
    if update or not path.exists():
        path.write_text(text)
        if not update:
            pytest.fail(f"golden file {path.name} was missing and has been written: review it")
    assert text == path.read_text(), f"output differs from {path}; run pytest --update-golden"


CASES: dict[str, Callable[[Catalog], Result]] = {
    "compare": lambda c: compare_roles(c, ["billing", "coding"]),
    "certs_all": lambda c: list_certs(c, CertFilters()),
    "certs_coding": lambda c: list_certs(c, CertFilters(track="coding")),
    "certs_none": lambda c: list_certs(c, CertFilters(max_fee=1)),
    "cert_cpc": lambda c: cert_detail(c, "CPC"),
    "eligible_17": lambda c: eligibility(c, 17, None),
    "eligible_19_ged": lambda c: eligibility(c, 19, "ged"),
    "eligible_30_none": lambda c: eligibility(c, 30, "none"),
    "pay": lambda c: pay_report(c, []),
    "pay_hourly": lambda c: pay_report(c, ["coding"], hourly=True),
    "pay_texas": lambda c: pay_report(c, [], states=load_table("states", c, VALID), state="tx"),
    "pay_austin": lambda c: pay_report(
        c,
        ["coding"],
        states=load_table("states", c, VALID),
        areas=load_table("areas", c, VALID),
        area="austin",
    ),
    "pay_states": lambda c: rank_states(c, load_table("states", c, VALID), "billing"),
    "pay_industry": lambda c: industries(c, load_table("industries", c, VALID), "coding"),
    "pay_survey": lambda c: survey_report(c),
    "plan_17": lambda c: build_plan(c, "coding", 17, budget_usd=300),
    "plan_done": lambda c: build_plan(c, "coding", 30, "ged", 3, ["CPC"]),
    "match": lambda c: match_track(c, parse_answers("yynnyy", c.questions)),
    "match_all_no": lambda c: match_track(c, parse_answers("nnnnnn", c.questions)),
    "start_17_all_yes": lambda c: start(c, 17, "diploma", parse_answers("yyyyyy", c.questions)),
    "start": lambda c: start(
        c,
        19,
        "ged",
        parse_answers("yynnyy", c.questions),
        3000,
        load_table("states", c, VALID),
        "tx",
    ),
    "training": lambda c: training_guide(c),
    "sources": lambda c: sources_report(c, today=dt.date(2026, 11, 26)),
}


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, catalog: Catalog, update_golden: bool) -> None:
    _check(name, _text(CASES[name](catalog)), update_golden)


def test_ascii_symbols(catalog: Catalog, update_golden: bool) -> None:
    text = _text(eligibility(catalog, 17, "diploma"), ascii_only=True)
    _check("eligible_17_ascii", text, update_golden)
    assert "[+] High school diploma" in text and not {"✓", "✗", "•"} & set(text)


def test_every_result_type_has_a_renderer() -> None:
    from mbcadvisor.advice.certs import ApprenticeStatus
    from mbcadvisor.advice.glossary import Explanation, Glossary
    from mbcadvisor.advice.match import Match
    from mbcadvisor.advice.plan import Plan
    from mbcadvisor.advice.sources import SourcesCheck
    from mbcadvisor.advice.start import Start
    from mbcadvisor.advice.training import TrainingGuide
    from mbcadvisor.document import BUILDERS
    from mbcadvisor.render import RENDERERS

    answers = {
        Comparison,
        CertListing,
        CertDetail,
        Eligibility,
        PayReport,
        StateRanking,
        IndustryReport,
        SurveyReport,
        SourcesReport,
        SourcesCheck,
        Explanation,
        Glossary,
        ApprenticeStatus,
        Plan,
        Match,
        TrainingGuide,
        Start,
    }
    assert set(RENDERERS) == {a.__name__ for a in answers} == set(BUILDERS)


def test_pay_bar_marks(catalog: Catalog) -> None:
    row = catalog.national[0]
    values = {
        f"annual_{p}": v
        for p, v in zip(("p10", "p25", "median", "p75", "p90"), (10, 20, 30, 40, 50), strict=True)
    }
    fields = {**{f: getattr(row, f) for f in ESTIMATE_COLUMNS}, **values}
    assert pay_bar(Estimate(**fields), False, 10, 50, 9, ASCII) == "--##|##--"
    fields.update(annual_p25="*", annual_p75=None)
    assert pay_bar(Estimate(**fields), False, 10, 50, 5, ASCII) == "--|--"


def test_money() -> None:
    assert money(44800) == "$44,800"
    assert money(21.5, hourly=True) == "$21.50"
    assert money(None) == "n/a"


@pytest.mark.parametrize("name", ["compare", "certs_all", "sources", "plan_17", "match", "start"])
def test_golden_narrow(name: str, catalog: Catalog, update_golden: bool) -> None:
    text = _text(CASES[name](catalog), width=40)
    long = [line for line in text.splitlines() if len(line) > 40]
    assert all(line.strip().startswith("http") for line in long)  # whole addresses only
    _check(f"{name}_40", text, update_golden)


@pytest.mark.parametrize("width", [60, 76, 80, 90, 100, 140])
def test_listing_of_the_real_data_fits_and_keeps_names_whole(
    real_catalog: Catalog, width: int
) -> None:
    """At any width: no line too wide, no ellipsis, every name's words all there in order; a
    table where it fits (86 columns), two lines per credential below."""
    listing = list_certs(real_catalog, CertFilters())
    text = _text(listing, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "…" not in text
    body = text[text.index("certifications\n") :]  # the listing, after its summary
    words = body.replace(":", " ").split()
    shown = {c.id for g in listing.groups for c in listing_parts(g, listing)[0]}
    for cert in (c for g in listing.groups for c in g.certs if c.id in shown):
        name = cert.name.split()
        start = words.index(name[0], words.index(cert.id))
        assert [w for w in words[start:] if w in name][: len(name)] == name
    assert ("  ID " in text) == (width >= 86)  # what the real data's table needs
    if width < 86:
        assert "CPC: Certified Professional Coder\u00a0★" in text


def test_listing_columns_line_up_and_rows_wrap_in_their_column(real_catalog: Catalog) -> None:
    listing = list_certs(real_catalog, CertFilters(track="billing"))
    lines = _text(listing, width=100).splitlines()
    header = next(line for line in lines if line.startswith("  ID "))
    body_at = header.index("Body")
    acronyms = {body.acronym for body in real_catalog.bodies}
    for line in lines[lines.index(header) + 2 :]:
        if not line.strip():
            break
        if line.startswith("  C"):  # a credential's first line: its body in the Body column
            assert line[body_at : body_at + 5].strip() in acronyms
        else:  # a wrapped name or pass mark: nothing under Body
            assert not line[body_at : body_at + 5].strip()


@pytest.mark.parametrize("name", CASES)
def test_golden_markdown_and_plain(name: str, catalog: Catalog, update_golden: bool) -> None:
    """Markdown and --plain, each written by its own format module from the same document."""
    from mbcadvisor import markdown, plain
    from mbcadvisor.document import document

    doc = document(CASES[name](catalog))
    _check(name, markdown.write(doc), update_golden, ".md")
    _check(name, plain.write(doc), update_golden, ".plain")
