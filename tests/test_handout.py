"""The printable handout (`--export FILE.html`, html.py): escaped data, linked markers, checklist
marks, no outside resources; then printed to PDF in a real browser (headless Chromium) on A4 and
US Letter, counting pages and finding every source's link in the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbcadvisor import html
from mbcadvisor.cli import app
from mbcadvisor.document import (
    Block,
    Bullets,
    Check,
    Checklist,
    Document,
    Facts,
    Heading,
    Links,
    Numbered,
    Paragraph,
    Table,
)
from mbcadvisor.models import Source

runner = CliRunner()
DAY = dt.date(2026, 11, 27)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
READ = dt.date(2026, 1, 2)


def _source(n: int, url: str | None = None, title: str = "") -> Source:
    return Source(
        url=url if url is not None else f"https://example.org/page-{n}?a=1&b=2",
        title=title or f"Page {n}",
        kind="official",
        published="2025-05",
        read_on=READ,
        backs="x",
    )


class Tags(HTMLParser):
    """Every start tag with its attributes, every text, and whether the tags nest."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.nested = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.nested = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    assert tags.nested and not tags.open, "tags do not nest"
    return tags


def test_hostile_data_text_is_escaped_everywhere() -> None:
    evil = _source(1, 'https://example.org/?q="><script>x</script>', HOSTILE)
    document = Document(
        HOSTILE,
        [
            Heading(HOSTILE),
            Paragraph(HOSTILE, strong=True),
            Paragraph(HOSTILE),
            Bullets((HOSTILE,)),
            Numbered((HOSTILE,)),
            Checklist((Check(HOSTILE, True, HOSTILE, (HOSTILE,)),), numbered=True),
            Table((HOSTILE, "b"), ((HOSTILE, (HOSTILE, HOSTILE)),)),
            Facts(((HOSTILE, HOSTILE),)),
            Heading("Sources"),
            Links((evil,)),
        ],
        (HOSTILE, HOSTILE),
    )
    page = html.write(document, DAY, name=HOSTILE, answers=[(HOSTILE, HOSTILE)])
    tags = parse(page)
    assert not {"script", "img"} & {tag for tag, _ in tags.tags}
    assert all(not name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert "&lt;script&gt;" in page and "<script" not in page.lower()
    texts = "".join(tags.text)
    assert texts.count('<script>alert("x")</script>') >= 18  # read back, as text
    (link,) = [a["href"] for t, a in tags.tags if t == "a" and a.get("class") == "address"]
    assert link == evil.url  # the address itself, whole, in an attribute that holds


def test_control_characters_and_line_breaks_in_data_are_made_inert() -> None:
    page = html.write(Document("Title\u202e\x1b[31m", [Paragraph("a\nb\tc")]), DAY)
    assert "\u202e" not in page and "\x1b" not in page
    assert "<p>a b c</p>" in page


def test_markers_link_to_their_sources() -> None:
    sources = tuple(_source(n) for n in range(1, 6))
    document = Document(
        "T",
        [
            Paragraph("Fees [1, 3\u20135] and [9] and [x]"),
            Facts((("Cost", "$499 [2]"),)),
            Heading("Sources"),
            Links(sources),
        ],
        ("First [1]",),
    )
    page = html.write(document, DAY)
    for n in (1, 2, 3, 5):
        assert f'<a href="#source-{n}">{n}</a>' in page
    assert '<a href="#source-4">' not in page  # inside a range: the range's ends are linked
    assert "[9]" in page and "#source-9" not in page  # not a listed source: left as text
    assert "[x]" in page
    ids = re.findall(r'id="source-(\d+)"', page)
    assert ids == ["1", "2", "3", "4", "5"]
    assert page.index('class="summary"') < page.index("Fees")


def test_only_web_addresses_become_links() -> None:
    odd = _source(2, "javascript:alert(1)")
    page = html.write(Document("T", [Links((_source(1), odd))]), DAY)
    assert "javascript:" not in re.findall(r'href="([^"]*)"', page)
    assert '<span class="address">javascript:alert(1)</span>' in page


def test_the_source_article_has_no_address() -> None:
    article = Source(title="The article", kind="article", published=None, read_on=READ, backs="x")
    page = html.write(Document("T", [Links((article,), start=7, detail=True)]), DAY)
    assert '<li id="source-7" value="7">The article' in page
    assert "(article, undated; read 2026-01-02; states: x)" in page
    assert "address" not in page.split("<body>")[1]


def test_a_number_listed_twice_is_anchored_once() -> None:
    page = html.write(Document("T", [Links((_source(1),)), Links((_source(1),))]), DAY)
    assert page.count('id="source-1"') == 1


def test_checklist_marks() -> None:
    items = (Check("Done", True), Check("To do", False, "time: 4 months"), Check("Unknown", None))
    page = html.write(Document("T", [Checklist(items)]), DAY)
    assert '<span class="box" role="img" aria-label="done">\u2611</span>Done' in page
    assert 'aria-label="to do">\u2610</span>To do<p class="when">time: 4 months</p>' in page
    assert 'aria-label="not known">\u2610</span><span class="unknown">not known:</span>' in page
    numbered = html.write(Document("T", [Checklist(items, numbered=True)]), DAY)
    assert '<ol class="checklist">' in numbered and "<strong>Done</strong>" in numbered


def test_tables_have_header_cells_and_row_labels() -> None:
    table = Table(("", "Biller", "Coder"), (("Pay", "$1", ("$2", "or $3")),))
    page = html.write(Document("T", [table, Table(("A",), (("x",),))]), DAY)
    assert '<th scope="col">Biller</th>' in page
    assert '<th scope="row">Pay</th><td>$1</td><td>$2<br>or $3</td>' in page
    assert "<td>x</td>" in page


def test_lists_of_three_or_more_are_set_in_columns_on_paper() -> None:
    page = html.write(Document("T", [Bullets(("a", "b")), Numbered(("a", "b", "c"))]), DAY)
    assert "<ul><li>a</li>" in page and '<ol class="many"><li>a</li>' in page


def test_a_page_stands_alone() -> None:
    """No script, no stylesheet or font to fetch, no address but the sources' own."""
    sources = tuple(_source(n) for n in range(1, 4))
    blocks: list[Block] = [Paragraph("See `mbc sources` [1\u20133]"), Heading("Sources")]
    page = html.write(Document("T", [*blocks, Links(sources)]), DAY)
    tags = parse(page)
    assert not {"script", "link", "iframe", "object", "embed", "img"} & {t for t, _ in tags.tags}
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style
    addresses = {
        value
        for _, attrs in tags.tags
        for key, value in attrs.items()
        if key in ("href", "src", "action") and value and not value.startswith("#")
    }
    assert addresses == {s.url for s in sources}
    shown = re.findall(r"https?://[^\s\"'<>)]+", page.replace("&amp;", "&"))
    assert shown == [s.url for s in sources for _ in (1, 2)]  # each in its link and its text
    assert "<code>mbc sources</code>" in page


def test_the_header_the_date_the_name_and_the_answers() -> None:
    document = Document("Your plan", [Paragraph("x")], ("The verdict.", "More."))
    page = html.write(document, DAY, "Ana L\u00f3pez", [("Age", "19"), ("Budget", "$3,000")])
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert "<title>Your plan</title>" in page and "<h1>Your plan</h1>" in page
    assert '<p class="made">Prepared on November 27, 2026</p>' in page
    assert "<dt>Student</dt><dd>Ana L\u00f3pez</dd>" in page
    assert "<dt>Age</dt><dd>19</dd></div><div><dt>Budget</dt><dd>$3,000</dd>" in page
    assert '<section class="summary"><p><strong>The verdict.</strong></p><p>More.</p>' in page
    bare = html.write(Document("T", []), dt.date(2027, 1, 5), "  ")
    assert "Prepared on January 5, 2027" in bare and 'class="answers"' not in bare


def test_print_styles() -> None:
    page = html.write(Document("T", []), DAY)
    assert "@media print" in page and "@page" in page
    assert re.search(r"@media print \{\s*body \{[^}]*font-size: 10pt", page)
    assert "break-inside: avoid" in page


def test_the_answers_of_each_kind_of_result(real_catalog: object) -> None:
    from mbcadvisor.advice.eligibility import eligibility
    from mbcadvisor.advice.match import parse_answers
    from mbcadvisor.advice.plan import build_plan
    from mbcadvisor.advice.start import start
    from mbcadvisor.advice.training import training_guide
    from mbcadvisor.document import answers
    from mbcadvisor.loader import load_table
    from mbcadvisor.models import Catalog

    assert isinstance(real_catalog, Catalog)
    catalog = real_catalog
    assert answers(eligibility(catalog, 17, None)) == (
        ("Age", "17"),
        ("Diploma or GED", "not given"),
    )
    plan = build_plan(catalog, "coding", 45, "diploma", 3, ["CPC"], 900)
    assert answers(plan) == (
        ("Track", "Medical coder"),
        ("Age", "45"),
        ("Diploma or GED", "diploma"),
        ("Credentials held", "CPC"),
        ("Experience", "3 years"),
        ("Budget", "$900"),
    )
    states = load_table("states", catalog)
    given = parse_answers("yynnyy", catalog.questions)
    page = start(catalog, 19, "ged", given, 3000, states, "tx")
    told = dict(answers(page))
    assert told["State"] == "Texas" and told["Budget"] == "$3,000"
    assert told["Your answers"].startswith("behind the scenes, not face to face: yes;")
    chosen = dict(answers(start(catalog, None, None, None, None, None, None, "billing")))
    assert chosen["Track"] == "billing (your choice)" and chosen["Age"] == "not given"
    assert answers(training_guide(catalog)) == ()


# --- the command line -----------------------------------------------------------------------


def _run(*args: str, code: int = 0, env: dict[str, str] | None = None) -> tuple[str, str]:
    result = runner.invoke(app, list(args), env={"MBC_TODAY": "2026-11-27", **(env or {})})
    assert result.exit_code == code, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (["plan", "--track", "coding", "--age", "19", "--ged", "--budget", "3000"],
         "Your plan to become a medical coder"),
        (["start", "--age", "19", "--ged", "--answers", "yynnyy", "--state", "TX"],
         "Your start in medical billing and coding"),
        (["eligible", "--age", "17", "--diploma"], "Can I enroll in a training program?"),
        (["compare", "billing", "coding"], "Medical billing and coding roles compared"),
        (["training"], "Training programs"),
    ],
)  # fmt: skip
def test_export_html_writes_the_handout(tmp_path: Path, args: list[str], title: str) -> None:
    target = tmp_path / "handout.HTML"
    out, _ = _run(*args, "--export", str(target), "--name", "Ana <Lopez>")
    page = target.read_text(encoding="utf-8")
    assert f"<title>{title}" in page and f"<h1>{title}" in page
    assert "Prepared on November 27, 2026" in page
    assert "<dt>Student</dt><dd>Ana &lt;Lopez&gt;</dd>" in page
    assert out and "<html" not in out  # the answer is still shown
    parse(page)


@pytest.mark.parametrize("fmt", ["json", "markdown", "plain"])
def test_a_handout_whatever_is_shown(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "cpc.html"
    _run("certs", "CPC", "--format", fmt, "--export", str(target))
    assert "<h1>CPC: Certified Professional Coder</h1>" in target.read_text()


def test_a_name_needs_a_handout(tmp_path: Path) -> None:
    _, err = _run("eligible", "--age", "20", "--name", "Ana", code=2)
    assert "--name is printed on a handout: add --export FILE.html" in err
    _run("training", "--name", "Ana", "--export", str(tmp_path / "t.txt"), code=2)


def test_mbc_today_fixes_the_date_of_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    long_ago, _ = _run("sources", "--stale", "--json", env={"MBC_TODAY": "2000-01-01"})
    later, _ = _run("sources", "--stale", "--json", env={"MBC_TODAY": "2100-01-01"})
    assert '"today": "2000-01-01"' in long_ago and '"count": 0' in long_ago
    assert '"today": "2100-01-01"' in later and '"count": 0' not in later
    checked, _ = _run("sources", "--check", "--json", env={"MBC_TODAY": "2030-06-30"})
    assert '"today": "2030-06-30"' in checked


@pytest.mark.parametrize("value", ["2026-13-01", "27/11/2026", "tomorrow", "20261127"])
def test_a_bad_mbc_today_is_one_line_and_exit_1(tmp_path: Path, value: str) -> None:
    for args in (["sources"], ["training", "--export", str(tmp_path / "t.html")]):
        out, err = _run(*args, code=1, env={"MBC_TODAY": value})
        assert out == ""
        wanted = f"MBC_TODAY must be a date: YYYY-MM-DD (e.g. 2026-11-27), not '{value}'"
        assert err == f"mbc: error: {wanted}\n"
    assert not (tmp_path / "t.html").exists()


def test_an_empty_mbc_today_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    from mbcadvisor.clock import today

    monkeypatch.setenv("MBC_TODAY", " ")
    assert today() == dt.date.today()
    monkeypatch.setenv("MBC_TODAY", "2024-02-29")
    assert today() == dt.date(2024, 2, 29)


# --- printed in a real browser --------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)"
)
PAGE_SIZES = {"A4": (595, 842), "letter": (612, 792)}  # points, as pdfinfo reports them
PERSONAS = {
    "coding-19-ged": ["--track", "coding", "--age", "19", "--ged", "--budget", "3000"],
    "billing-30-none": ["--track", "billing", "--age", "30", "--no-diploma", "--budget", "500"],
}


def print_to_pdf(page: Path, size: str, pdf: Path) -> bytes:
    """The page printed by headless Chromium on paper of `size` (a copy of the page whose
    @page rule sets it, since the browser's own default is US Letter)."""
    assert CHROMIUM is not None
    sized = pdf.with_suffix(".html")
    text = page.read_text(encoding="utf-8")
    sized.write_text(text.replace("</head>", f"<style>@page {{ size: {size}; }}</style></head>"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", sized.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
    return pdf.read_bytes()


def pdf_pages(pdf: Path, data: bytes) -> tuple[int, tuple[int, int]]:
    """The number of pages and the size of the first, from pdfinfo (poppler-utils) if it is
    installed, else read from the PDF's page objects."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]
        found = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info.stdout, re.M)
        assert found is not None
        return pages, (round(float(found[1])), round(float(found[2])))
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box is not None
    return pages, (round(float(box[1])), round(float(box[2])))


def pdf_links(data: bytes) -> set[str]:
    """Every web address the PDF links to (its /URI annotations)."""
    found = re.findall(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", data)
    return {re.sub(rb"\\(.)", rb"\1", uri).decode("latin-1") for uri in found}


def page_links(page: str) -> set[str]:
    return {unescape(url) for url in re.findall(r'<a class="address" href="([^"]+)"', page)}


@needs_chromium
@pytest.mark.parametrize("size", sorted(PAGE_SIZES))
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_a_plan_prints_on_two_pages_with_its_links(tmp_path: Path, persona: str, size: str) -> None:
    handout = tmp_path / f"{persona}.html"
    _run("plan", *PERSONAS[persona], "--name", "Sample student", "--export", str(handout))
    pdf = tmp_path / f"{persona}-{size}.pdf"
    data = print_to_pdf(handout, size, pdf)
    pages, paper = pdf_pages(pdf, data)
    assert paper == PAGE_SIZES[size]
    assert pages <= 2, f"{persona} on {size}: {pages} pages"
    wanted = page_links(handout.read_text(encoding="utf-8"))
    assert len(wanted) > 20
    assert wanted <= pdf_links(data)


@needs_chromium
@pytest.mark.parametrize(
    "args",
    [
        ["start", "--age", "30", "--no-diploma", "--track", "billing", "--state", "OH"],
        ["eligible", "--age", "17", "--diploma"],
        ["compare", "billing", "coding"],
        ["training"],
    ],
    ids=["start", "eligible", "compare", "training"],
)
def test_other_handouts_print_with_their_links(tmp_path: Path, args: list[str]) -> None:
    handout = tmp_path / "handout.html"
    _run(*args, "--export", str(handout))
    pdf = tmp_path / "handout.pdf"
    data = print_to_pdf(handout, "letter", pdf)
    pages, _ = pdf_pages(pdf, data)
    assert pages >= 1
    assert page_links(handout.read_text(encoding="utf-8")) <= pdf_links(data)


def test_pdf_readers_without_pdfinfo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The fallback reading of a PDF, on a small one written by hand."""
    data = (
        b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >> endobj\n"
        b"2 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj\n"
        b"3 0 obj << /A << /S /URI /URI (https://a.example/x\\(1\\)) >> >> endobj\n"
    )
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert pdf_pages(tmp_path / "none.pdf", data) == (1, (612, 792))
    assert pdf_links(data) == {"https://a.example/x(1)"}
