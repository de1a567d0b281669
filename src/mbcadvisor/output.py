"""Where answers go: emit() writes a result to stdout in a format (a rich table, JSON, Markdown
or plain lines) and may save it to a file; error() writes a problem to stderr."""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from mbcadvisor.errors import MbcError

if TYPE_CHECKING:
    from rich.console import Console

    from mbcadvisor.advice.result import Result
    from mbcadvisor.grid import Symbols


class Format(str, Enum):
    """Output formats every command offers."""

    table = "table"
    json = "json"
    markdown = "markdown"
    plain = "plain"


EXPORT_SUFFIXES = (".svg", ".html", ".txt")

# characters outside ASCII that mbc itself writes, and how they read on an ASCII-only stream
ASCII_STAND_INS = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
     "\u2022": "*", "\u2713": "+", "\u2717": "x", "\u00a0": " ", "\u2026": "...",
     "\u2605": "*"}
)  # fmt: skip


class OutputClosed(MbcError):
    """Standard output cannot take the answer (closed, or a full disk)."""


def check_export(path: Path | None) -> None:
    """Refuse an export file we could not write, before any work is done (and, for a
    handout, a date in MBC_TODAY that does not read)."""
    if path is None:
        return
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise MbcError(
            f"--export needs a file ending in {', '.join(EXPORT_SUFFIXES)}, not '{path}'"
        )
    if not path.parent.is_dir():
        raise MbcError(f"cannot export to '{path}': folder '{path.parent}' does not exist")
    if is_handout(path):
        from mbcadvisor.clock import today

        today()


def is_handout(path: Path | None) -> bool:
    """Whether an export is a handout (FILE.html), rather than what was shown."""
    return path is not None and path.suffix.lower() == ".html"


def emit(
    result: Result, fmt: Format = Format.table, export: Path | None = None, name: str | None = None
) -> None:
    """Write a result to stdout in a format; with `export`, also save it: a printable handout
    of the answer (.html, for `name` when given), or what was shown: its text (.txt) or a
    picture of it (.svg)."""
    if fmt is Format.table and os.environ.get("TERM") == "dumb":
        fmt = Format.plain
    shown = None if is_handout(export) else export
    if fmt is Format.table:
        _emit_table(result, shown)
    else:
        _emit_text(result, fmt, shown)
    if export is not None and shown is None:
        save_handout(result, export, name)


def save_handout(
    result: Result, path: Path, name: str | None = None, more: Sequence[tuple[str, str]] = ()
) -> None:
    """Save the answer as a handout (html.py) dated today, or MBC_TODAY's date; `more` are
    answers of the person that the result does not hold."""
    from mbcadvisor import html
    from mbcadvisor.clock import today

    _write(path, html.page(result, today(), name, more))


def _emit_text(result: Result, fmt: Format, export: Path | None) -> None:
    if fmt is Format.json:
        text = json.dumps(result.payload(), indent=2, ensure_ascii=False) + "\n"
        if not _encodes(getattr(sys.stdout, "encoding", None), text):
            # JSON escapes what the stream cannot take (\u2013): the same data, no '?'
            text = json.dumps(result.payload(), indent=2) + "\n"
    else:
        from mbcadvisor import markdown, plain
        from mbcadvisor.document import document

        writer = markdown.write if fmt is Format.markdown else plain.write
        text = writer(document(result))
    write_stdout(text)
    if export is not None:
        _export_text(text, export)


def _emit_table(result: Result, export: Path | None) -> None:
    from mbcadvisor.grid import Lines
    from mbcadvisor.render import render

    console = _console()
    shown = render(result, _symbols(console), console.width)
    crop = not isinstance(shown, Lines)  # Lines are laid out to fit
    try:
        pager = pager_command() if console.is_terminal else None
        if pager is None:
            console.print(shown, crop=crop)
        else:
            with console.capture() as captured:
                console.print(shown, crop=crop)
            text = captured.get()
            if text.count("\n") < console.height or not _page(text, pager):
                console.file.write(text)
                console.file.flush()
    except OSError as exc:
        raise _closed(exc) from None
    if export is not None:  # recorded apart: what goes through a pager is not recorded
        recorder = _console(record=True, file=io.StringIO(), like=console)
        recorder.print(shown, crop=crop)
        _save(recorder, export)


PAGER_OFF = False  # set by `mbc --no-pager`


def pager_command() -> str | None:
    """The pager to show a long answer with, as git chooses it: $MBC_PAGER, else $PAGER, else
    `less -FRX` (quit at once if it fits, keep colours, leave the text on screen). None when
    paging is off: --no-pager, or a pager of '' or 'cat'."""
    if PAGER_OFF:
        return None
    command = os.environ.get("MBC_PAGER", os.environ.get("PAGER", "less -FRX")).strip()
    return None if command in ("", "cat") else command


def _page(text: str, command: str) -> bool:
    """Show the text through the pager; False when it cannot be started."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git does, for a bare `less` too
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode(encoding, "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end: nothing is wrong
        pass
    while True:
        try:
            code = pager.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less stays open)
            continue
    return code != 127  # 127: the shell could not find the pager command


def _console(
    record: bool = False, file: io.StringIO | None = None, like: Console | None = None
) -> Console:
    """The console of stdout; with `file`, one that writes there instead (as wide as `like`,
    and with its colors, when given)."""
    from rich.console import Console

    if sys.stdout is None and file is None:
        raise OutputClosed("standard output is closed; nothing was written")
    if like is not None:
        return Console(
            highlight=False,
            soft_wrap=False,
            record=record,
            file=file,
            width=like.width,
            color_system=like.color_system,  # type: ignore[arg-type]  # a name it took
            force_terminal=like.is_terminal,
        )
    # rich already honours NO_COLOR, FORCE_COLOR, TERM=dumb and pipes; COLUMNS sets the width
    return Console(highlight=False, soft_wrap=False, record=record, file=file)


def _symbols(console: Console) -> Symbols:
    from mbcadvisor.grid import ASCII, UNICODE

    links = console.is_terminal and not os.environ.get("NO_COLOR") and not console.is_dumb_terminal
    if _encodes(console.encoding, "\u2713\u2717\u2022\u2500\u2588\u2503\u2013\u2605"):
        return dataclasses.replace(UNICODE, links=links)
    _replace_unencodable()  # rich may still add an ellipsis: show '?' rather than fail
    return dataclasses.replace(ASCII, links=links)


def _encodes(encoding: str | None, text: str) -> bool:
    try:
        text.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _replace_unencodable() -> None:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def _closed(exc: OSError) -> BaseException:
    if exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError):
        return BrokenPipeError(exc.errno, exc.strerror)
    return OutputClosed(f"cannot write the answer: {exc.strerror or exc}")


def write_stdout(text: str) -> None:
    """Text to stdout in whatever encoding it takes: mbc's own marks read as ASCII where
    needed, and anything else that cannot be encoded as '?'."""
    stream = sys.stdout
    if stream is None:
        raise OutputClosed("standard output is closed; nothing was written")
    if not _encodes(stream.encoding, text):
        text = text.translate(ASCII_STAND_INS)
        _replace_unencodable()
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        raise _closed(exc) from None


def _export_text(text: str, path: Path) -> None:
    if path.suffix.lower() == ".txt":
        _write(path, text)
        return
    console = _console(record=True, file=io.StringIO())  # records, prints nowhere
    console.print(text, markup=False, highlight=False, end="", crop=False, soft_wrap=True)
    _save(console, path)


def _save(console: Console, path: Path) -> None:
    if path.suffix.lower() == ".svg":
        _write(path, console.export_svg(title="mbc"))
    else:
        _write(path, console.export_text())


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MbcError(f"cannot write '{path}': {exc.strerror or exc}") from None


def error(message: str) -> None:
    """A problem on stderr, plain text, in whatever encoding stderr can take."""
    stream = sys.stderr
    if stream is None:
        return
    text = f"mbc: error: {message}\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        stream.write(text.encode(encoding, "replace").decode(encoding))
        stream.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it; the exit code still does


def debug_enabled() -> bool:
    """MBC_DEBUG=1 shows tracebacks of internal errors."""
    return os.environ.get("MBC_DEBUG", "") not in ("", "0")
