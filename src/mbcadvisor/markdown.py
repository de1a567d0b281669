"""Documents as Markdown (`--format markdown`): a printable checklist or table."""

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
    """Data text made inert: on one line, no HTML, control characters shown escaped."""
    return printable(" ".join(text.split())).replace("<", "&lt;")


def _target(url: str) -> str:
    """A link's address, with the characters that would end a Markdown link encoded."""
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _cell(cell: Cell) -> str:
    lines = (cell,) if isinstance(cell, str) else cell
    return "<br>".join(_text(line).replace("|", "\\|") for line in lines)


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"## {_text(block.text)}"]
    if isinstance(block, Paragraph):
        text = _text(block.text)
        return [f"**{text}**" if block.strong else text]
    if isinstance(block, Bullets):
        return [f"- {_text(item)}" for item in block.items]
    if isinstance(block, Numbered):
        return [f"{n}. {_text(item)}" for n, item in enumerate(block.items, 1)]
    if isinstance(block, Checklist):
        lines = []
        for n, item in enumerate(block.items, 1):
            box = f"[{'x' if item.done else ' '}]"
            text = _text(item.text) + (" *(not known)*" if item.done is None else "")
            if not block.numbered:
                lines.append(f"- {box} {text}")
                continue
            lines.append(f"{n}. {box} **{_text(item.text)}**" + text[len(_text(item.text)) :])
            if item.facts:
                lines.append(f"   *{_text(item.facts)}*")
            lines += [f"   - {_text(detail)}" for detail in item.details]
        return lines
    if isinstance(block, Table):
        lines = ["| " + " | ".join(_cell(h) for h in block.header) + " |"]
        lines.append("|" + "---|" * len(block.header))
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return lines
    if isinstance(block, Facts):
        return [f"- **{_text(label)}:** {_text(value)}" for label, value in block.pairs]
    assert isinstance(block, Links)
    return [
        f"{n}. "
        + (f"[{_text(s.title)}]({_target(printable(s.url))})" if s.url else _text(s.title))
        + f" ({s.kind}, {dated(s.published)})"
        + (f"; read {s.read_on.isoformat()}; states: {_text(s.backs)}" if block.detail else "")
        for n, s in enumerate(block.sources, block.start)
    ]


def write(document: Document) -> str:
    """The Markdown text of a document."""
    lines = [f"# {_text(document.title)}"]
    if document.summary:  # the answer first: a quote block, its first line the verdict
        first, *rest = document.summary
        lines += ["", f"> **{_text(first)}**", *(f">\n> {_text(line)}" for line in rest)]
    for block in document.blocks:
        lines += ["", *_block(block)]
    return "\n".join(lines) + "\n"
