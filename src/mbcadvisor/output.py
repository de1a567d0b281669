"""The two consoles (answers to stdout, problems to stderr) and emit(): a result in a format."""

from __future__ import annotations

import json
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mbcadvisor.errors import MbcError

if TYPE_CHECKING:
    from rich.console import Console

    from mbcadvisor.advice import Result
    from mbcadvisor.records import Bytes
    from mbcadvisor.render import Symbols


class Format(str, Enum):
    """Output formats every command offers."""

    table = "table"
    json = "json"
    markdown = "markdown"
    plain = "plain"


EXPORT_SUFFIXES = (".svg", ".html", ".txt")


def _console(record: bool = False) -> Console:
    from rich.console import Console

    # rich already honours NO_COLOR, FORCE_COLOR, TERM=dumb and pipes; COLUMNS sets the width
    return Console(highlight=False, soft_wrap=False, record=record)


def _symbols(console: Console) -> Symbols:
    from mbcadvisor.render import ASCII, UNICODE

    encoding = (console.encoding or "ascii").lower()
    try:
        "\u2713\u2717\u2022\u2500\u2588\u2503\u2013".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII
    return UNICODE


def check_export(path: Path | None) -> None:
    """Refuse an export file we could not write, before any work is done."""
    if path is None:
        return
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise MbcError(
            f"--export needs a file ending in {', '.join(EXPORT_SUFFIXES)}, not '{path}'"
        )
    if not path.parent.is_dir():
        raise MbcError(f"cannot export to '{path}': folder '{path.parent}' does not exist")


def emit(result: Result, fmt: Format = Format.table, export: Path | None = None) -> None:
    """Write a result to stdout as a table, JSON or Markdown; optionally save what was shown."""
    if fmt is Format.table and os.environ.get("TERM") == "dumb":
        fmt = Format.plain
    if fmt is Format.table:
        from mbcadvisor.render import render

        console = _console(record=export is not None)
        symbols = _symbols(console)
        if symbols.yes.isascii():
            # an ASCII-only terminal: rich may still add an ellipsis; show '?' rather than fail
            reconfigure = getattr(sys.stdout, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")
        from mbcadvisor.grid import Lines

        shown = render(result, symbols, console.width)
        console.print(shown, crop=not isinstance(shown, Lines))  # Lines are laid out to fit
        if export is not None:
            _save(console, export)
        return
    if fmt is Format.json:
        chunks = json_chunks(result.payload())
        _write_stdout(chunks)
        text = b"".join(chunks).decode("utf-8") if export is not None else ""
    elif fmt is Format.markdown:
        from mbcadvisor.markdown import to_markdown

        text = to_markdown(result)
    else:
        from mbcadvisor.markdown import to_plain

        text = to_plain(result)
    if fmt is not Format.json:
        sys.stdout.write(text)
        sys.stdout.flush()
    if export is not None:
        if export.suffix.lower() == ".txt":
            _write(export, text)
        else:
            console = _console(record=True)
            console.begin_capture()  # record without printing twice
            console.print(text, markup=False, highlight=False, end="")
            console.end_capture()
            _save(console, export)


def _write_stdout(chunks: list[Bytes]) -> None:
    """JSON's UTF-8 pieces to stdout: straight to its buffer when stdout is UTF-8 (no decoding
    and encoding again of what may be megabytes). Any other encoding gets ASCII JSON, with
    \\u escapes for the rest (they can only stand inside strings), which every encoding takes."""
    buffer = getattr(sys.stdout, "buffer", None)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    if buffer is not None and encoding in ("utf-8", "utf8"):
        sys.stdout.flush()
        buffer.writelines(chunks)
        buffer.flush()
    else:
        text = b"".join(chunks).decode("utf-8")
        sys.stdout.write(re.sub(r"[^\x00-\x7f]", lambda c: json.dumps(c[0])[1:-1], text))
        sys.stdout.flush()


# where json.dumps left a Raw value: its number between NULs (which data never holds)
_PARKED = re.compile(rb'"\\u0000(\d+)\\u0000"')


def json_chunks(data: Any) -> list[Bytes]:
    """UTF-8 JSON (indent 2, with a closing newline), in pieces, of data that may hold
    records.Raw values: those are copied out as they are, indented to where they stand,
    instead of being encoded again."""
    from mbcadvisor.records import Raw

    parked: list[Raw] = []

    def park(value: object) -> str:
        if not isinstance(value, Raw):
            raise TypeError(f"{type(value).__name__} is not JSON data")
        parked.append(value)
        return f"\0{len(parked) - 1}\0"

    text = json.dumps(data, indent=2, ensure_ascii=False, default=park).encode("utf-8")
    pieces: list[Bytes] = []
    done = 0
    for found in _PARKED.finditer(text):
        line = text[text.rfind(b"\n", 0, found.start()) + 1 : found.start()]
        indent = len(line) - len(line.lstrip(b" "))
        pieces.append(text[done : found.start()])
        pieces += parked[int(found[1])].at(indent)
        done = found.end()
    pieces.append(text[done:] + b"\n")
    return pieces


def _save(console: Console, path: Path) -> None:
    suffix = path.suffix.lower()
    title = "mbc"
    if suffix == ".svg":
        _write(path, console.export_svg(title=title))
    elif suffix == ".html":
        _write(path, console.export_html())
    else:
        _write(path, console.export_text())


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MbcError(f"cannot write '{path}': {exc.strerror or exc}") from None


def error(message: str) -> None:
    """A problem on stderr, plain text, in whatever encoding stderr can take."""
    text = f"mbc: error: {message}\n"
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    sys.stderr.write(text.encode(encoding, "replace").decode(encoding))
    sys.stderr.flush()


def debug_enabled() -> bool:
    """MBC_DEBUG=1 shows tracebacks of internal errors."""
    return os.environ.get("MBC_DEBUG", "") not in ("", "0")
