"""Documents as plain lines (`--plain`, and the default when TERM=dumb): one record a line,
fields separated by tabs, no markup, no box drawing, no colour; for screen readers, grep, awk."""

from __future__ import annotations

from mbcadvisor.document import (
    Block,
    Bullets,
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
from mbcadvisor.wording import Cell


def _text(text: str) -> str:
    """One field: tabs and line breaks in data could forge fields or lines, so every run of
    white space becomes one space, and any other control character is shown escaped."""
    return printable(" ".join(text.split()))


def _cell(cell: Cell) -> str:
    return "; ".join(_text(line) for line in ((cell,) if isinstance(cell, str) else cell))


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading | Paragraph):
        return [_text(block.text)]
    if isinstance(block, Bullets):
        return [_text(item) for item in block.items]
    if isinstance(block, Numbered):
        return [f"{n}. {_text(item)}" for n, item in enumerate(block.items, 1)]
    if isinstance(block, Checklist):
        lines = []
        for n, item in enumerate(block.items, 1):
            fields = [f"{n}."] if block.numbered else []
            fields += [{True: "[x]", False: "[ ]", None: "[?]"}[item.done], _text(item.text)]
            if item.facts:
                fields.append(_text(item.facts))
            lines.append("\t".join(fields))
            lines += [f"\t\t{_text(detail)}" for detail in item.details]
        return lines
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return ["\t".join(_cell(c) for c in row).rstrip() for row in rows]
    if isinstance(block, Facts):
        return [f"{_text(label)}\t{_text(value)}" for label, value in block.pairs]
    assert isinstance(block, Links)
    return [
        f"[{n}]\t{_text(s.title)}\t{_text(s.url or '')}\t{s.kind}\t{dated(s.published)}"
        + (f"\t{s.read_on.isoformat()}\t{_text(s.backs)}" if block.detail else "")
        for n, s in enumerate(block.sources, block.start)
    ]


def write(document: Document) -> str:
    """The plain text of a document."""
    lines = [_text(document.title)]
    if document.summary:
        lines += ["", *(_text(line) for line in document.summary)]
    for block in document.blocks:
        lines += ["", *_block(block)]
    return "\n".join(line.rstrip() for line in lines) + "\n"
