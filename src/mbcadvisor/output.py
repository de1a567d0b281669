"""The two consoles (answers to stdout, problems to stderr) and emit(): a result in a format."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from mbcadvisor.advice import Result
    from mbcadvisor.render import Symbols


class Format(str, Enum):
    """Output formats every command offers."""

    table = "table"
    json = "json"


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    # rich already honours NO_COLOR, FORCE_COLOR, TERM=dumb and pipes; COLUMNS sets the width
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _symbols(console: Console) -> Symbols:
    from mbcadvisor.render import ASCII, UNICODE

    encoding = (console.encoding or "ascii").lower()
    try:
        "\u2713\u2717\u2022\u2500\u2588\u2503\u2013".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII
    return UNICODE


def emit(result: Result, fmt: Format = Format.table) -> None:
    """Write a result to stdout: JSON straight from the model, or rendered with rich."""
    if fmt is Format.json:
        sys.stdout.write(json.dumps(result.payload(), indent=2, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    from mbcadvisor.render import render

    console = _console()
    console.print(render(result, _symbols(console), console.width))


def error(message: str) -> None:
    """A problem on stderr, plain text, in whatever encoding stderr can take."""
    text = f"mbc: error: {message}\n"
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    sys.stderr.write(text.encode(encoding, "replace").decode(encoding))
    sys.stderr.flush()


def debug_enabled() -> bool:
    """MBC_DEBUG=1 shows tracebacks of internal errors."""
    return os.environ.get("MBC_DEBUG", "") not in ("", "0")
