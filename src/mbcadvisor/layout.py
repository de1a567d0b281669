"""Documents laid out for the terminal: every block of a Document (document.py) as finished,
styled lines (grid.Lines) at the terminal's width, so that one builder serves the terminal,
Markdown and plain text alike.

Addresses are never cut: a URL gets a line of its own, and a terminal narrower than it wraps
it as it would any long line, so that it can still be copied whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from mbcadvisor.grid import GAP, MARGIN, Column, Lines, Symbols, add_table, cell_width, wrap

if TYPE_CHECKING:
    from mbcadvisor.wording import Cell

WIDE_CELL = 24  # a column with a cell wider than this may wrap
READABLE = 20  # a wrapping column narrower than this reads badly: rows go one after another


def _text(text: str) -> str:
    """Data text on one line, control characters shown escaped."""
    return printable(" ".join(text.split()))


def _hanging(
    lines: Lines, lead: str, text: str, width: int, style: str | None = None, indent: int = 0
) -> None:
    """`lead` then the text, its wrapped lines under the text's first character; a lead too
    wide for that (a long label in a narrow terminal) gets a line of its own."""
    pad = " " * indent
    hang = cell_width(lead)
    if lead and hang > (width - indent) // 2:
        lines.add((pad + lead.rstrip(), style))
        _hanging(lines, "", text, width, style, indent + 2)
        return
    rows = wrap(_text(text), max(1, width - indent - hang))
    lines.add((pad + lead, style), (rows[0], style))
    for row in rows[1:]:
        lines.add((pad + " " * hang + row, style))


def _mark(done: bool | None, sym: Symbols) -> str:
    return {True: f"[{sym.yes}]", False: "[ ]", None: "[?]"}[done]


def _check(lines: Lines, n: int, item: Check, numbered: bool, sym: Symbols, width: int) -> None:
    lead = (f"{n}. " if numbered else "") + _mark(item.done, sym) + " "
    _hanging(lines, lead, item.text, width, "bold" if numbered else None)
    inner = cell_width(lead)
    if item.facts:
        _hanging(lines, "", item.facts, width, "italic", indent=inner)
    for detail in item.details:
        _hanging(lines, f"{sym.bullet} ", detail, width, indent=inner)


def _cell_text(cell: Cell) -> str:
    return "\n".join(_text(c) for c in ((cell,) if isinstance(cell, str) else cell))


def _fair_widths(
    columns: list[Column], rows: list[tuple[str, ...]], width: int
) -> list[int] | None:
    """Column widths for `width`: every column as wide as its widest cell if that fits; else
    the wrapping columns share the room left, each getting at most what it needs and never
    less than its longest word (so words are not cut). None when even that does not fit."""
    natural = [cell_width(c.header) for c in columns]
    longest = [max((cell_width(w) for w in c.header.split()), default=0) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            for line in cell.split("\n"):
                natural[i] = max(natural[i], cell_width(line))
                longest[i] = max([longest[i], *(cell_width(w) for w in line.split())])
    room = width - len(MARGIN) - len(GAP) * (len(columns) - 1)
    if sum(natural) <= room:
        return natural
    wrapping = [i for i, c in enumerate(columns) if c.wraps]
    left = room - sum(n for i, n in enumerate(natural) if i not in wrapping)
    least = {i: min(natural[i], max(longest[i], READABLE)) for i in wrapping}
    if not wrapping or left < sum(least.values()):
        return None
    sizes = list(natural)
    open_ = sorted(wrapping, key=lambda i: natural[i])
    while open_:  # water-filling: the narrowest needs are met first, the rest share evenly
        share = left // len(open_)
        i = open_[0]
        if natural[i] <= share:
            sizes[i] = natural[i]
        else:
            for j in open_:
                sizes[j] = max(least[j], share)
            extra = left - share * len(open_)
            for j in open_[:extra]:
                sizes[j] += 1
            break
        left -= sizes[i]
        open_.pop(0)
    return sizes if sum(sizes) <= room else None


def _table(lines: Lines, block: Table, sym: Symbols, width: int) -> None:
    rows = [tuple(_cell_text(c) for c in row) for row in block.rows]
    header = tuple(_text(h) for h in block.header)
    columns = []
    for i, name in enumerate(header):
        widest = max((cell_width(line) for row in rows for line in row[i].split("\n")), default=0)
        columns.append(
            Column(name, style="bold" if i == 0 else None, wraps=widest > WIDE_CELL, least=1)
        )
    sizes = _fair_widths(columns, rows, width)
    if sizes is not None:
        add_table(lines, columns, rows, sizes, sym.whisker)
        return
    for n, row in enumerate(rows):  # too narrow for columns: one row after the other
        if n:
            lines.blank()
        _hanging(lines, "", row[0].replace("\n", "; "), width, "bold")
        for name, cell in zip(header[1:], row[1:], strict=True):
            if cell:
                _hanging(lines, f"{name}: " if name else "", cell.replace("\n", "; "), width,
                         indent=2)  # fmt: skip


def links(lines: Lines, block: Links, sym: Symbols, width: int) -> None:
    """Numbered sources: title, kind and date, then the address whole on a line of its own."""
    for n, source in enumerate(block.sources, block.start):
        about = f"{_text(source.title)} ({source.kind}, {dated(source.published)})"
        _hanging(lines, f"[{n}] ", about, width)
        if source.url:  # whole, never cut; a link where the terminal shows links
            url = printable(source.url)
            style = (
                f"link {url}" if sym.links and url.startswith(("http://", "https://")) else "dim"
            )
            lines.add(("    ", None), (url, style))
        if block.detail:
            states = f"read {source.read_on.isoformat()}; states: {source.backs}"
            _hanging(lines, "", states, width, "dim", indent=4)


def _block(lines: Lines, block: Block, sym: Symbols, width: int) -> None:
    if isinstance(block, Heading):
        _hanging(lines, "", block.text, width, "bold")
    elif isinstance(block, Paragraph):
        _hanging(lines, "", block.text, width, "bold" if block.strong else None)
    elif isinstance(block, Bullets):
        for item in block.items:
            _hanging(lines, f"{sym.bullet} ", item, width)
    elif isinstance(block, Numbered):
        for n, item in enumerate(block.items, 1):
            _hanging(lines, f"{n}. ", item, width)
    elif isinstance(block, Checklist):
        for n, check in enumerate(block.items, 1):
            if block.numbered and n > 1 and (check.details or block.items[n - 2].details):
                lines.blank()
            _check(lines, n, check, block.numbered, sym, width)
    elif isinstance(block, Table):
        _table(lines, block, sym, width)
    elif isinstance(block, Facts):
        for label, value in block.pairs:
            _hanging(lines, f"{_text(label)}: ", value, width)
    else:
        links(lines, block, sym, width)


def lay_out(document: Document, sym: Symbols, width: int) -> Lines:
    """The document as lines no wider than `width` (but for whole URLs)."""
    width = max(1, width)
    lines = Lines()
    _hanging(lines, "", document.title, width, "bold")
    for n, line in enumerate(document.summary):
        if n == 0:
            lines.blank()
        _hanging(lines, "", line, width, "bold" if n == 0 else None)
    previous: Block | None = None
    for block in document.blocks:
        if not isinstance(previous, Heading):
            lines.blank()
        _block(lines, block, sym, width)
        previous = block
    return lines


def render_document(result: object, sym: Symbols, width: int) -> Lines:
    """Any answer, through its document."""
    from mbcadvisor.document import document

    return lay_out(document(result), sym, width)  # type: ignore[arg-type]
