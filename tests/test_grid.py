"""grid.py: word wrap, column widths and tables laid out by mbc, for any text and width."""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from mbcadvisor.grid import Column, Lines, add_table, cell_width, widths, wrap, wrap_cell

# words of letters, some wide (two columns each) and some long
WORD = st.text(alphabet=st.sampled_from("abcXYZ-é✓漢"), min_size=1, max_size=30)
TEXT = st.lists(WORD, max_size=12).map(" ".join)


@given(TEXT, st.integers(1, 60))
@settings(max_examples=300)
def test_wrap_fits_and_loses_nothing(text: str, width: int) -> None:
    lines = wrap(text, max(width, 2))  # a wide character needs two columns
    assert all(cell_width(line) <= max(width, 2) for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


@given(TEXT, st.integers(4, 60), st.integers(0, 2))  # room for a wide character
@settings(max_examples=300)
def test_wrap_with_a_hang_fits_and_loses_nothing(text: str, width: int, hang: int) -> None:
    first, *rest = wrap(text, width, hang)
    assert cell_width(first) <= width
    assert all(cell_width(line) <= width - hang for line in rest)
    assert "".join("".join([first, *rest]).split()) == "".join(text.split())


def test_a_web_address_is_never_cut() -> None:
    """A URL gets a line of its own, whole, however narrow: the terminal wraps it without
    inserting a break, so that it can still be clicked and copied."""
    url = "https://example.org/a/long/path?x=1"
    assert wrap(f"see {url} for more", 12) == ["see", url, "for more"]
    assert wrap(f"({url})", 8) == [f"({url})"]


def test_cells_of_several_lines_and_bullets() -> None:
    cell = "A title\nexample.org/a/long/path\n• backs one thing and another"
    assert wrap_cell(cell, 16) == [
        "A title",
        "example.org/a/lo",
        "ng/path",
        "• backs one",
        "  thing and",
        "  another",
    ]
    columns = (Column("Source", wraps=True, least=8, most=16), Column("Backs", wraps=True))
    rows = [(cell, "x"), ("B", "y")]
    sizes = widths(columns, rows, 60)
    assert sizes == [16, 5]  # Source no wider than its most
    lines = Lines()
    add_table(lines, columns, rows, sizes, "-", spaced=True)
    assert str(lines).splitlines()[2:] == [
        "  A title           x",
        "  example.org/a/lo",
        "  ng/path",
        "  • backs one",
        "    thing and",
        "    another",
        "",
        "  B                 y",
    ]


def test_wrap_keeps_words_whole_when_they_fit() -> None:
    assert wrap("Certified Professional Coder", 12) == ["Certified", "Professional", "Coder"]
    assert wrap("Certified Professional Coder", 22) == ["Certified Professional", "Coder"]
    assert wrap("short", 10) == ["short"]
    assert wrap("Medical Coder\u00a0*", 10) == ["Medical", "Coder\u00a0*"]  # the mark stays
    assert wrap("Specialist\u00a0*", 11) == ["Specialist\u00a0", "*"]  # cut only when too long
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("漢漢漢", 3) == ["漢", "漢", "漢"]


COLUMNS = (
    Column("ID", style="bold"),
    Column("Name", wraps=True, least=8),
    Column("Qs", justify="right"),
    Column("Pass", wraps=True, least=4),
)
ROW = st.tuples(WORD, TEXT, st.integers(0, 9999).map(str), TEXT)


def _lines(rows: Sequence[tuple[str, ...]], sizes: list[int]) -> list[str]:
    lines = Lines()
    add_table(lines, COLUMNS, rows, sizes, "-")
    return str(lines).splitlines()


@given(st.lists(ROW, max_size=8), st.integers(10, 120))
@settings(max_examples=300)
def test_a_table_fits_or_says_it_cannot(rows: list[tuple[str, ...]], width: int) -> None:
    sizes = widths(COLUMNS, rows, width)
    if sizes is None:
        # it could not: even at their least the columns need more than the width
        return
    lines = _lines(rows, sizes)
    assert all(cell_width(line) <= width for line in lines)
    assert all(line == line.rstrip() for line in lines)
    # every cell's words are there, in its own column
    joined = " ".join(lines[2:])
    for row in rows:
        for cell in row:
            for word in cell.split():
                assert word[:1] in joined


def test_widths_prefer_the_first_wrapping_column() -> None:
    rows = [("CPC", "Certified Professional Coder", "100", "390 scaled (of 500)")]
    assert widths(COLUMNS, rows, 200) == [3, 28, 3, 19]  # room for every cell
    sizes = widths(COLUMNS, rows, 40)
    assert sizes is not None and sizes[3] == 4 and sum(sizes) + 2 + 6 == 40
    assert widths(COLUMNS, rows, 20) is None


def test_table_layout() -> None:
    rows = [("CPC", "Certified Professional Coder", "100", "70%")]
    assert _lines(rows, [3, 12, 3, 4]) == [
        "  ID   Name           Qs  Pass",
        " " + "-" * 29,
        "  CPC  Certified     100  70%",
        "       Professional",
        "       Coder",
    ]


def test_lines_print_styled_through_rich() -> None:
    lines = Lines()
    lines.add(("Title", "bold"), (" plain", None))
    lines.blank()
    lines.paragraph("a few words to wrap", 8, "italic", indent=2)
    console = Console(file=StringIO(), width=40, force_terminal=True, color_system="standard")
    console.print(lines, crop=False)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[1mTitle\x1b[0m plain\n\n" in out
    assert "\x1b[3m  a few\x1b[0m\n" in out
    assert str(lines) == "Title plain\n\n  a few\n  words\n  to\n  wrap\n"


@pytest.mark.parametrize("text", ["", " ", "a  b"])
def test_wrap_odd_spacing(text: str) -> None:
    assert all(cell_width(line) <= 3 for line in wrap(text, 3))


def test_an_export_places_each_column_by_itself() -> None:
    """Recorded for --export, unstyled runs are cut at column gaps, so that an SVG viewer with
    another font still lines the columns up; printed, they stay whole (fewer pieces)."""
    lines = Lines()
    lines.add(("  CPC  Certified Coder  AAPC", None))
    printed = Console(file=StringIO(), width=40)
    recorded = Console(file=StringIO(), width=40, record=True)
    assert next(s.text for s in printed.render(lines)) == "  CPC  Certified Coder  AAPC"
    pieces = [s.text for s in recorded.render(lines)][:-1]
    assert pieces == ["  ", "CPC", "  ", "Certified Coder", "  ", "AAPC"]
