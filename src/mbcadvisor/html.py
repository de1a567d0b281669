"""Documents as a handout (`--export FILE.html`): one standalone HTML page, made from the
Document (never from terminal text), that a counselor can print on A4 or US Letter.

The page needs nothing else: no external file, no font to fetch, no JavaScript. All data text is
escaped; the only links are the sources' own http(s) addresses and the "[n]" markers, which point
to the numbered sources at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mbcadvisor import __version__
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
from mbcadvisor.errors import printable
from mbcadvisor.figures import dated

if TYPE_CHECKING:
    from mbcadvisor.advice.result import Result
    from mbcadvisor.models import Source
    from mbcadvisor.wording import Cell

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

# " [3]", " [1, 4]", " [2\u20135]": what document.marker() writes after a cited text
MARKER = re.compile(r"\[(\d+(?:\u2013\d+)?(?:, \d+(?:\u2013\d+)?)*)\]")
NUMBER = re.compile(r"\d+")
CODE = re.compile(r"`([^`]+)`")

MANY = 3  # a list of this many items or more is set in two columns on paper
# each mark of a checklist, and what it means for a reader who cannot see it
BOXES = {True: ("\u2611", "done"), False: ("\u2610", "to do"), None: ("\u2610", "not known")}

STYLE = """
:root { --ink: #1a1a1a; --soft: #555; --line: #bbb; --tint: #fff6d6; --edge: #d9a300; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 16px;
  line-height: 1.4; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5em; line-height: 1.2; margin: 0 0 0.3em; }
h2 { font-size: 1.15em; margin: 1.1em 0 0.3em; border-bottom: 1px solid var(--line);
  break-after: avoid; page-break-after: avoid; }
p, ul, ol, dl, table { margin: 0.35em 0; }
ul, ol { padding-left: 1.5em; }
a { color: #0645ad; }
code { font-family: "Courier New", "Liberation Mono", monospace; font-size: 0.95em; }
.made { color: var(--soft); margin: 0; }
dl.answers { margin: 0.3em 0 0; }
dl.answers div, dl.answers dt, dl.answers dd { display: inline; margin: 0; }
dl.answers div { margin-right: 1.2em; }
dl.answers dt { font-weight: bold; }
dl.answers dt::after { content: ": "; }
.summary { background: var(--tint); border: 1px solid var(--edge);
  border-left: 0.35em solid var(--edge); padding: 0.4em 0.8em; margin: 0.7em 0;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; break-inside: avoid; }
.summary p { margin: 0.15em 0; }
.checklist { list-style: none; padding-left: 0; }
ol.checklist { counter-reset: step; }
.checklist > li { margin: 0.35em 0; padding-left: 1.6em; text-indent: -1.6em;
  break-inside: avoid; }
ol.checklist > li { counter-increment: step; padding-left: 2.7em; text-indent: -2.7em; }
ol.checklist > li::before { content: counter(step) "."; display: inline-block; width: 1.1em;
  text-indent: 0; font-weight: bold; }
.checklist > li > * { text-indent: 0; }
.box { display: inline-block; width: 1.6em; text-indent: 0; font-size: 1.05em;
  font-family: "Segoe UI Symbol", "DejaVu Sans", "Apple Symbols", sans-serif; }
.unknown { font-style: italic; color: var(--soft); }
.when { font-style: italic; margin: 0.1em 0; }
.checklist ul { margin: 0.15em 0; }
.checklist ul li { margin: 0.1em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.2em 0.4em; text-align: left;
  vertical-align: top; }
thead th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 0.8em; }
dl.facts div { display: contents; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.cite { white-space: nowrap; font-size: 0.85em; }
.cite a { text-decoration: none; }
ol.sources { padding-left: 2.2em; }
ol.sources li { margin: 0.25em 0; break-inside: avoid; page-break-inside: avoid; }
ol.sources .address { display: block; overflow-wrap: anywhere; word-break: break-all; }
ol.sources .about { color: var(--soft); }
@page { margin: 7mm 8mm 9mm; }
@page { @bottom-right { content: "page " counter(page) " of " counter(pages);
  font: 7pt Arial, "Liberation Sans", sans-serif; color: #555; } }
@media print {
  body { font-family: "Arial Narrow", "Liberation Sans Narrow", "Nimbus Sans Narrow", Arial,
    "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.05; max-width: none;
    margin: 0; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: 0.3em 0 0.1em; }
  p, ul, ol, dl, table { margin: 0.05em 0; }
  a { color: inherit; }
  .summary { margin: 0.25em 0 0.3em; padding: 0.15em 0.5em; }
  .checklist > li { margin: 0.1em 0; }
  ol.checklist > li { padding-left: 2.3em; text-indent: -2.3em; }
  ol.checklist > li::before { width: 0.9em; }
  .box { width: 1.4em; }
  .many { columns: 2; column-gap: 5mm; }
  ul, ol { padding-left: 1.1em; }
  .checklist ul { padding-left: 0.9em; margin: 0; }
  .when { margin: 0; }
  dl.facts { display: flex; flex-wrap: wrap; gap: 0 1.2em; }
  dl.facts div { display: flex; gap: 0.3em; }
  dl.facts dt::after { content: ":"; }
  .sources-part { font-size: 6.3pt; line-height: 1.05; }
  .sources-part h2 { font-size: 11pt; }
  ol.sources { columns: 4; column-gap: 4mm; padding-left: 1.9em; }
  ol.sources li { margin: 0 0 0.1em; }
  ol.sources .address { display: inline; }
}
"""


def made_on_words(day: dt.date) -> str:
    """'November 27, 2026', the same in any locale."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _inline(text: str, cited: frozenset[int]) -> str:
    """Data text as inert HTML on one line: escaped, `code` set as code, and each "[n]" marker
    linked to its source (only numbers the page lists are linked)."""
    safe = escape(printable(" ".join(text.split())), quote=True)
    safe = CODE.sub(r"<code>\1</code>", safe)

    def link(number: re.Match[str]) -> str:
        n = number[0]
        return f'<a href="#source-{n}">{n}</a>' if int(n) in cited else n

    def cite(found: re.Match[str]) -> str:
        return '<span class="cite">[' + NUMBER.sub(link, found[1]) + "]</span>"

    return MARKER.sub(cite, safe)


def _cell(cell: Cell, cited: frozenset[int]) -> str:
    lines = (cell,) if isinstance(cell, str) else cell
    return "<br>".join(_inline(line, cited) for line in lines)


def _address(url: str) -> str:
    """A source's address, whole: a link when it is a web address, else plain text."""
    shown = escape(printable(url), quote=True)
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a class="address" href="{shown}">{shown}</a>'
    return f'<span class="address">{shown}</span>'


def _source(n: int, source: Source, detail: bool, anchored: bool) -> str:
    about = f"{source.kind}, {dated(source.published)}"
    if detail:
        about += f"; read {source.read_on.isoformat()}; states: {printable(source.backs)}"
    anchor = f' id="source-{n}"' if anchored else ""
    parts = [f'<li{anchor} value="{n}">{escape(printable(source.title))} ']
    parts.append(f'<span class="about">({escape(about)})</span> ')
    if source.url:
        parts.append(_address(source.url))
    return "".join(parts) + "</li>"


def _check(item: Check, numbered: bool, cited: frozenset[int]) -> str:
    mark, meaning = BOXES[item.done]
    text = _inline(item.text, cited)
    parts = [
        f'<li class="{meaning.replace(" ", "-")}"><span class="box" role="img" '
        f'aria-label="{meaning}">{mark}</span>'
    ]
    if item.done is None:
        parts.append('<span class="unknown">not known:</span> ')
    parts.append(f"<strong>{text}</strong>" if numbered else text)
    if item.facts:
        parts.append(f'<p class="when">{_inline(item.facts, cited)}</p>')
    if item.details:
        parts.append(_list("ul", item.details, cited))
    return "".join(parts) + "</li>"


def _list(tag: str, items: Sequence[str], cited: frozenset[int]) -> str:
    rows = "".join(f"<li>{_inline(item, cited)}</li>" for item in items)
    many = ' class="many"' if len(items) >= MANY else ""  # in columns on paper
    return f"<{tag}{many}>{rows}</{tag}>"


def _table(block: Table, cited: frozenset[int]) -> str:
    head = "".join(f'<th scope="col">{_inline(h, cited)}</th>' for h in block.header)
    labelled = not block.header or not block.header[0]  # rows named by their first cell
    rows = []
    for row in block.rows:
        cells = []
        for i, cell in enumerate(row):
            tag = "th" if i == 0 and labelled else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}>{_cell(cell, cited)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _block(block: Block, cited: frozenset[int], anchored: set[int]) -> str:
    if isinstance(block, Heading):
        return f"<h2>{_inline(block.text, cited)}</h2>"
    if isinstance(block, Paragraph):
        text = _inline(block.text, cited)
        return f"<p><strong>{text}</strong></p>" if block.strong else f"<p>{text}</p>"
    if isinstance(block, Bullets):
        return _list("ul", block.items, cited)
    if isinstance(block, Numbered):
        return _list("ol", block.items, cited)
    if isinstance(block, Checklist):
        tag = "ol" if block.numbered else "ul"
        checks = "".join(_check(item, block.numbered, cited) for item in block.items)
        return f'<{tag} class="checklist">{checks}</{tag}>'
    if isinstance(block, Table):
        return _table(block, cited)
    if isinstance(block, Facts):
        pairs = "".join(
            f"<div><dt>{_inline(label, cited)}</dt><dd>{_inline(value, cited)}</dd></div>"
            for label, value in block.pairs
        )
        return f'<dl class="facts">{pairs}</dl>'
    assert isinstance(block, Links)
    listed = []
    for n, source in enumerate(block.sources, block.start):
        listed.append(_source(n, source, block.detail, n not in anchored))
        anchored.add(n)
    return f'<ol class="sources">{"".join(listed)}</ol>'


def _cited(document: Document) -> frozenset[int]:
    """The numbers of the sources the page lists: the markers that can be linked."""
    return frozenset(
        n
        for block in document.blocks
        if isinstance(block, Links)
        for n in range(block.start, block.start + len(block.sources))
    )


def write(
    document: Document,
    made_on: dt.date,
    name: str | None = None,
    answers: Sequence[tuple[str, str]] = (),
) -> str:
    """The handout of a document: a whole HTML page, dated, for a named person when `name` is
    given, with what the person answered at the top."""
    cited = _cited(document)
    title = escape(printable(" ".join(document.title.split())))
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="mbc {escape(__version__)}">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
        f'<p class="made">Prepared on {made_on_words(made_on)}</p>',
    ]
    pairs = [("Student", name)] if name and name.strip() else []
    pairs += list(answers)
    if pairs:
        entries = "".join(
            f"<div><dt>{_inline(label, frozenset())}</dt><dd>{_inline(value, frozenset())}</dd>"
            "</div>"
            for label, value in pairs
        )
        head.append(f'<dl class="answers">{entries}</dl>')
    head.append("</header>")
    body = ["<main>"]
    if document.summary:
        first, *rest = document.summary
        lines = [f"<p><strong>{_inline(first, cited)}</strong></p>"]
        lines += [f"<p>{_inline(line, cited)}</p>" for line in rest]
        body.append(f'<section class="summary">{"".join(lines)}</section>')
    blocks = list(document.blocks)
    end: list[Block] = []
    if len(blocks) >= 2 and isinstance(blocks[-1], Links) and isinstance(blocks[-2], Heading):
        end, blocks = blocks[-2:], blocks[:-2]  # the sources, in small print across the page
    anchored: set[int] = set()
    body += [_block(block, cited, anchored) for block in blocks]
    body.append("</main>")
    if end:
        parts = "".join(_block(block, cited, anchored) for block in end)
        body.append(f'<footer class="sources-part">{parts}</footer>')
    body += ["</body>", "</html>"]
    return "\n".join(head + body) + "\n"


def page(
    result: Result,
    made_on: dt.date,
    name: str | None = None,
    more: Sequence[tuple[str, str]] = (),
) -> str:
    """The handout of any answer, with the person's answers that the result holds (and `more`
    that it does not, such as a state a plan does not use)."""
    from mbcadvisor.document import answers, document

    return write(document(result), made_on, name, [*answers(result), *more])
