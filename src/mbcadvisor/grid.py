"""Tables and lists that mbc lays out itself, in one pass over their cells, for rich to print.

rich's Table measures and wraps every cell in several layout passes, about a millisecond a row:
a listing of thousands of certifications took seconds. Here each cell is measured once, widths
are settled once for the whole listing, and rich gets finished lines (segments) that it prints
without measuring them again, styled, recorded for --export, and in the terminal's colours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment

# a line is a sequence of (text, style) parts; style is a rich style name or None
Part = tuple[str, str | None]
GAP = "  "  # between columns
MARGIN = "  "  # before the first column
_COLUMN_GAPS = re.compile(r"(  +)")


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
    star: str = "*"
    links: bool = False  # addresses as OSC 8 hyperlinks (a terminal that shows them)


UNICODE = Symbols(
    yes="✓", no="✗", bullet="•", whisker="─", box="█", median="┃", dash="\u2013", star="★"
)
ASCII = Symbols(yes="+", no="x", bullet="*", whisker="-", box="#", median="|", dash="-")


def cell_width(text: str) -> int:
    """Terminal columns a string takes (wide characters take two, combining ones none)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    others = text.translate(_ASCII)  # measure only the few characters that are not ASCII
    return len(text) - len(others) + cell_len(others)


_ASCII = dict.fromkeys(range(128))  # str.translate: delete every ASCII character


BULLETS = ("• ", "* ", "- ")  # a paragraph starting so hangs its wrapped lines under its text


def wrap_cell(text: str, width: int) -> list[str]:
    """A cell's lines at `width`: each of its own lines wrapped, bulleted ones hanging."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if paragraph.startswith(BULLETS) and width > 4:
            first, *rest = wrap(paragraph, width, hang=2)
            lines += [first, *("  " + line for line in rest)]
        else:
            lines += wrap(paragraph, width)
    return lines


URL_STARTS = ("http://", "https://", "(http://", "(https://")


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """Greedy word wrap to `width` columns (lines after the first to `width - hang`, for the
    caller to indent); a word longer than a line is cut, but for a web address, which gets a
    line of its own however long (a terminal wraps it without breaking it). Every line holds
    at least one character, however narrow the width, so that wrapping always ends."""
    width = max(1, width)
    hang = min(hang, width - 1)
    if (len(text) if text.isascii() else cell_width(text)) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0  # the line being filled, and its width
    for word in text.split(" "):  # only spaces: a no-break space keeps words together
        if not word:
            continue
        size = len(word) if word.isascii() else cell_width(word)
        if line:
            room = width - hang if lines else width  # the room of the line being filled
            if used + 1 + size <= room:
                line, used = f"{line} {word}", used + 1 + size
                continue
            lines.append(line)
        room = width - hang if lines else width  # the word starts a line
        if word.startswith(URL_STARTS):  # an address is never cut: it overflows whole
            room = size
        while size > room:  # cut what cannot fit on any line
            head = _cut(word, room)
            lines.append(head)
            word = word[len(head) :]
            size = cell_width(word)
            room = width - hang
        line, used = word, size
    if line:
        lines.append(line)
    return lines or [""]


def _cut(word: str, width: int) -> str:
    """The longest start of `word` that fits in `width` columns (at least one character)."""
    end = min(len(word), width)
    while end > 1 and cell_width(word[:end]) > width:
        end -= 1
    return word[:end]


class Lines:
    """Finished lines of styled text, each no wider than the width they were laid out for.
    A rich renderable: print it with crop=False (nothing needs cropping)."""

    def __init__(self) -> None:
        self.lines: list[Sequence[Part]] = []

    def add(self, *parts: Part) -> None:
        """One line made of parts."""
        self.lines.append(parts)

    def blank(self) -> None:
        self.lines.append(())

    def paragraph(self, text: str, width: int, style: str | None = None, indent: int = 0) -> None:
        """Text wrapped to `width`, every line indented by `indent` spaces."""
        pad = " " * indent
        for line in wrap(text, max(1, width - indent)):
            self.lines.append(((pad + line, style),))

    def __str__(self) -> str:
        return "".join("".join(text for text, _ in line) + "\n" for line in self.lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment
        from rich.style import Style

        styles: dict[str | None, Style | None] = {None: None}
        newline = Segment.line()
        # an export (SVG, HTML) places each piece by itself; where the viewer's font is not
        # the terminal's, columns stay lined up only if each column's text is its own piece
        split = _COLUMN_GAPS.split if console.record else None
        for line in self.lines:
            for text, name in line:
                if name not in styles:
                    styles[name] = Style.parse(name) if name else None
                if split is None:
                    yield Segment(text, styles[name])
                else:
                    yield from (Segment(piece, styles[name]) for piece in split(text) if piece)
            yield newline


@dataclass(frozen=True)
class Column:
    """A table column: its header, which side its cells keep to, a style for its cells, and
    whether its cells may wrap onto more lines when the table is too wide otherwise (never
    narrower than `least` columns, or the widest cell if that is narrower; never wider than
    `most`)."""

    header: str
    justify: Literal["left", "right"] = "left"
    style: str | None = None
    wraps: bool = False
    least: int = 16
    most: int | None = None  # a wrapping column's widest, to leave room for the next


def widths(
    columns: Sequence[Column], rows: Iterable[Sequence[str]], width: int
) -> list[int] | None:
    """Each column's width for a table of these rows in `width` terminal columns: as wide as
    its widest cell, the wrapping columns narrowed to fit, the first of them served first.
    None when the table cannot fit."""
    sizes = [cell_width(c.header) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            if "\n" in cell:
                size = max(cell_width(line) for line in cell.split("\n"))
            else:
                size = len(cell) if cell.isascii() else cell_width(cell)
            if size > sizes[i]:
                sizes[i] = size
    room = width - len(MARGIN) - len(GAP) * (len(columns) - 1)
    wrapping = [i for i, c in enumerate(columns) if c.wraps]
    for i in wrapping:
        sizes[i] = min(sizes[i], columns[i].most or sizes[i])
    least = {i: min(columns[i].least, sizes[i]) for i in wrapping}
    spare = room - sum(s for i, s in enumerate(sizes) if i not in least)
    for n, i in enumerate(wrapping):  # in column order, leaving the rest their least
        size = min(sizes[i], spare - sum(least[j] for j in wrapping[n + 1 :]))
        if size < least[i]:
            return None
        sizes[i] = size
        spare -= size
    return sizes if spare >= 0 else None


def add_table(
    lines: Lines,
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    sizes: Sequence[int],
    rule: str,
    spaced: bool = False,
) -> None:
    """The header, a rule under it and the rows, at the column widths given (see widths());
    cells may hold several lines; `spaced` puts a blank line between rows."""
    header = GAP.join(_fit(c.header, s, c.justify) for c, s in zip(columns, sizes, strict=True))
    lines.add((MARGIN + header.rstrip(), "bold"))
    lines.add((" " + rule * (sum(sizes) + len(GAP) * (len(sizes) - 1) + 1), None))
    wraps = [(i, size) for i, (c, size) in enumerate(zip(columns, sizes, strict=True)) if c.wraps]
    form, spans = _plan(columns, sizes)
    for number, row in enumerate(rows):
        if spaced and number:
            lines.blank()
        # a row of narrow characters (nearly every one) is formatted a line at a time and cut
        # at the columns' fixed places into its styled pieces; others are measured cell by cell
        narrow = all(cell.isascii() or _narrow(cell) for cell in row)
        if narrow and _one_line(row, wraps):
            texts_by_line: Iterable[Sequence[str]] = (row,)
        else:
            cells = [
                _wrap_cell(cell, size) if column.wraps else cell.split("\n")
                for cell, column, size in zip(row, columns, sizes, strict=True)
            ]
            height = max(len(c) for c in cells)
            texts_by_line = ([c[n] if n < len(c) else "" for c in cells] for n in range(height))
        for texts in texts_by_line:
            if narrow:
                lines.add(*_pieces(form.format(*texts).rstrip(), spans))
            else:
                lines.add(*_measured(texts, columns, sizes))


def _plan(
    columns: Sequence[Column], sizes: Sequence[int]
) -> tuple[str, list[tuple[int, int, str | None]]]:
    """How a row line of narrow characters is made: one format string for the whole line, and
    where its styled and unstyled pieces start and end (the last piece runs to the end)."""
    form = MARGIN
    spans: list[tuple[int, int, str | None]] = []
    start, at, style = 0, len(MARGIN), None
    for i, (column, size) in enumerate(zip(columns, sizes, strict=True)):
        if column.style != style:
            spans.append((start, at, style))
            start, style = at, column.style
        form += "{:" + (">" if column.justify == "right" else "<") + f"{size}}}"
        at += size
        if i < len(columns) - 1:
            if column.style:  # the gap after a styled cell goes unstyled
                spans.append((start, at, style))
                start, style = at, None
            form += GAP
            at += len(GAP)
    spans.append((start, 1 << 30, style))
    return form, [span for span in spans if span[1] > span[0]]


def _pieces(line: str, spans: Sequence[tuple[int, int, str | None]]) -> list[Part]:
    """A formatted line cut into its pieces; blank ones go unstyled, empty ones go."""
    return [
        (text, style if text.strip() else None)
        for text, style in ((line[start:end], style) for start, end, style in spans)
        if text
    ]


def _one_line(row: Sequence[str], wraps: Sequence[tuple[int, int]]) -> bool:
    """Whether a row of narrow characters takes one line: no line breaks, and every wrapping
    cell fits its width."""
    return not any("\n" in cell for cell in row) and all(len(row[i]) <= size for i, size in wraps)


@lru_cache(maxsize=4096)
def _narrow(text: str) -> bool:
    """Whether each character of the text takes one column (so str.format pads it right)."""
    return cell_width(text) == len(text)


@lru_cache(maxsize=4096)
def _wrap_cell(text: str, width: int) -> list[str]:
    """wrap_cell, remembered: listings repeat names, marks and sources."""
    return wrap_cell(text, width)


def _measured(texts: Sequence[str], columns: Sequence[Column], sizes: Sequence[int]) -> list[Part]:
    """A line of cells padded by their measured widths (for wide characters)."""
    parts: list[Part] = [(MARGIN, None)]
    for text, column, size in zip(texts, columns, sizes, strict=True):
        parts += ((_fit(text, size, column.justify), column.style if text else None), (GAP, None))
    return _trim(parts)


def _fit(text: str, size: int, justify: str) -> str:
    pad = " " * (size - (len(text) if text.isascii() else cell_width(text)))
    return pad + text if justify == "right" else text + pad


def _trim(parts: list[Part]) -> list[Part]:
    """No spaces at the end of a line."""
    while parts and not parts[-1][0].strip():
        parts.pop()
    if parts:
        text, style = parts[-1]
        parts[-1] = (text.rstrip(), style)
    return parts
