"""The Typer app: each command parses its options, loads the catalog, asks advice and emits.

This module is the one error boundary: user errors become one line on stderr and exit 1,
anything unexpected becomes one line and exit 3 (MBC_DEBUG=1 shows the traceback).
"""

# No `from __future__ import annotations` here: Typer reads every command's signature at each
# start, and string annotations would make it compile and evaluate each of them (10 ms a run).
import dataclasses
import functools
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, cast

import typer
from typer._click.core import Context
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter, wrap_text
from typer.core import TyperGroup

from mbcadvisor import __version__
from mbcadvisor.output import Format, check_export, debug_enabled, emit, error, is_handout

if TYPE_CHECKING:
    from mbcadvisor.advice.match import Answer
    from mbcadvisor.advice.result import Result
    from mbcadvisor.models import Catalog, Table

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


# the order `mbc --help` lists the commands in: where to start first
COMMAND_ORDER = (
    "start",
    "compare",
    "certs",
    "eligible",
    "plan",
    "match",
    "training",
    "pay",
    "explain",
    "sources",
    "data",
    "help",
)


def _help_width() -> int:
    """The width help is laid out for: the terminal's (at most 80), however narrow; click's
    own floor of 50 columns would overflow a narrow terminal."""
    import shutil

    return max(20, min(shutil.get_terminal_size().columns, 80) - 2)


class _Formatter(HelpFormatter):
    """Help text as click writes it, but for a narrow terminal: when the description column
    would be too narrow to read, each option or command is on its own line and its
    description under it."""

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        widest = max((len(first) for first, _ in rows), default=0)
        if self.width - self.current_indent - min(widest, col_max) - col_spacing >= 34:
            super().write_dl(rows, col_max, col_spacing)
            return
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}\n")
            if second:
                text = wrap_text(second, max(self.width - self.current_indent - 4, 10))
                for line in text.splitlines():
                    self.write(f"{'':>{self.current_indent + 4}}{line}\n")


Context.formatter_class = _Formatter  # every context of mbc's, the subcommands' too


class _Group(TyperGroup):
    """The top-level command: usage errors become one line on stderr, exit 2; help as wide as
    the terminal; the commands listed in the order a newcomer needs them."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: COMMAND_ORDER.index(n) if n in COMMAND_ORDER else 99)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        extra.setdefault("terminal_width", _help_width())
        return super().make_context(info_name, args, parent, **extra)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        forward = dict(
            prog_name=prog_name,
            complete_var=complete_var,
            windows_expand_args=windows_expand_args,
            **extra,
        )
        if not standalone_mode:
            return super().main(args, standalone_mode=False, **forward)
        try:
            code = super().main(args, standalone_mode=False, **forward)
        except NoArgsIsHelpError:  # `mbc` alone: where to start
            sys.stdout.write(_start_here())
            if _interactive() and _shows_on_a_terminal():
                try:
                    begin = typer.confirm("Start now (mbc start)?", default=True)
                except typer.Abort:
                    sys.stdout.write("\n")
                    sys.exit(0)
                if begin:
                    return self.main(["start"], prog_name, complete_var, standalone_mode)
            sys.exit(0)
        except UsageError as exc:
            if not exc.format_message():  # the help was already shown
                sys.exit(0)
            hint = ""
            if exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            error(exc.format_message().rstrip(".") + hint)
            sys.exit(EXIT_USAGE)
        except ClickException as exc:
            error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:  # Ctrl-C or Ctrl-D at a prompt
            sys.stderr.write("\n")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


START_HERE = (
    "mbc: career advice for US medical billing and coding. Every figure is sourced and dated.",
    (
        "Start here:",
        [
            (
                "mbc start",
                "a few questions (each can be skipped), then one page: can you enroll, "
                "which track fits you, your plan, and pay where you live",
            ),
            (
                "mbc start --age 19 --ged --answers 'yynnyy' --budget 3000 --state TX",
                "the same page, without questions",
            ),
        ],
    ),
    (
        "Or look around:",
        [
            ("mbc compare billing coding", "the two jobs side by side"),
            ("mbc certs --track coding", "certifications, fees and exams"),
            ("mbc pay coding --state TX", "pay from BLS, in your state"),
            ("mbc training", "programs, paying for them, checking a school, first jobs"),
            ("mbc explain cpt", "a word explained"),
            ("mbc help", "every command"),
        ],
    ),
)


def _start_here() -> str:
    """Where to start, laid out for the terminal's width: each command whole on its line, its
    description beside it where it fits, else under it."""
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size().columns - 1)
    intro, *sections = START_HERE
    lines = [*textwrap.wrap(str(intro), width), ""]
    for title, rows in sections:
        lines.append(title)
        side = max(len(command) for command, _ in rows if len(command) < 32) + 4
        for command, about in rows:
            if len(command) + 4 <= side and width - side >= 30:
                wrapped = textwrap.wrap(about, width - side)
                lines.append(f"  {command:<{side - 2}}{wrapped[0]}")
                lines += [" " * side + rest for rest in wrapped[1:]]
            else:
                lines.append(f"  {command}")
                lines += textwrap.wrap(
                    about, width, initial_indent="      ", subsequent_indent="      "
                )
        lines.append("")
    return "\n".join(lines)


app = typer.Typer(
    cls=_Group,
    name="mbc",
    help="Career advice for US medical billing and coding: roles, certifications, pay, "
    "eligibility. Every figure is sourced and dated (see `mbc sources`).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: readable anywhere, and no rich import for --help
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the answer as JSON (same as --format json).")
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table, json, markdown (printable) or plain (one record a line).",
    ),
]
PlainOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="One record per line, no box drawing (screen readers, grep, awk); as --format plain.",
    ),
]
ExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        help="Also save the answer: FILE.html (a handout to print, dated, with its sources), "
        "FILE.txt (the text shown) or FILE.svg (a picture of it).",
        show_default=False,
        metavar="FILE",
    ),
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        help="The student's name, printed at the top of the handout (--export FILE.html).",
        show_default=False,
    ),
]
DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="MBC_DATA_DIR",
        help="Read data files from this folder instead of the packaged data.",
        show_default=False,
    ),
]


def _show(
    result: "Result",
    as_json: bool,
    fmt: Format,
    export: Path | None,
    plain: bool,
    name: str | None = None,
) -> None:
    """Emit in the chosen format; --json and --plain are short for --format json / plain."""
    if as_json + plain > 1 or ((as_json or plain) and fmt is not Format.table):
        raise typer.BadParameter("give one of --json, --plain or --format")
    emit(result, Format.json if as_json else Format.plain if plain else fmt, export, name)


def _check_name(name: str | None, export: Path | None) -> str | None:
    """A student's name goes on a handout only: refused without --export FILE.html."""
    if name is None:
        return None
    if not is_handout(export):
        raise typer.BadParameter("--name is printed on a handout: add --export FILE.html")
    return name.strip() or None


def _complete(kind: str) -> Callable[[str], list[str]]:
    """Shell completion of one kind of name: from the data (role, cert, body, term, state, area),
    a fixed list (track, level, sort, datafile), or "certs", a comma-separated list of
    certification ids. Typer keeps only what starts with the text typed, as zsh and fish do, so
    each name is given in the case being typed (see _cased)."""

    def complete(incomplete: str) -> list[str]:
        try:
            if kind == "certs":
                return _complete_list(_names("cert"), incomplete)
            if kind == "role":  # the ids; an alias only when no id fits (`biller`)
                from mbcadvisor.loader import load_catalog

                roles = load_catalog().roles
                return _starting(incomplete, [r.id for r in roles]) or _starting(
                    incomplete, [a for r in roles for a in r.aliases]
                )
            return _starting(incomplete, _names(kind))
        except Exception:  # completion must never print a traceback into the shell
            return []

    return complete


def _names(kind: str) -> Sequence[str]:
    """Every name of one kind that a command accepts, spelled as in the data."""
    from mbcadvisor.models import FILES, LEVELS, TRACKS

    if kind in ("track", "level", "datafile"):
        return {"track": TRACKS, "level": LEVELS, "datafile": (*FILES, ROWS)}[kind]
    if kind == "sort":
        from mbcadvisor.advice.certs import CERT_SORTS

        return CERT_SORTS
    from mbcadvisor.loader import load_catalog

    catalog = load_catalog()
    if kind in ("state", "area"):
        from mbcadvisor.advice.pay import area_names, state_names
        from mbcadvisor.loader import load_table

        table = load_table("states" if kind == "state" else "areas", catalog)
        return sorted(state_names(table) if kind == "state" else area_names(table))
    return {
        "cert": [c.id for c in catalog.certs],
        "body": [b.id for b in catalog.bodies],
        "term": [t.id for t in catalog.glossary],
    }[kind]


def _starting(typed: str, names: Sequence[str], like: str | None = None) -> list[str]:
    """The names that start with `typed` in any case, each in the case of `like` (default: the
    text typed), without repeats."""
    found = (_cased(n, typed, typed if like is None else like) for n in names)
    return list(dict.fromkeys(n for n in found if n.startswith(typed)))


def _cased(name: str, typed: str, like: str) -> str:
    """`name` as the shell must offer it to keep it: in lower case when `like` is typed in lower
    case, in upper case when in upper case; else what is typed as typed, the rest as the data has
    it (nothing typed: as the data has it)."""
    if any(c.isalpha() for c in like):
        if like == like.lower():
            return name.lower()
        if like == like.upper():
            return name.upper()
    if name[: len(typed)].casefold() != typed.casefold():
        return name
    return typed + name[len(typed) :]


def _complete_list(names: Sequence[str], typed: str) -> list[str]:
    """Completion of a comma-separated list (`--certs CPC,cc`): the last item, after what is
    before it, leaving out the items already listed."""
    head, comma, last = typed.rpartition(",")
    item = last.lstrip()
    kept = head + comma + last[: len(last) - len(item)]
    listed = {n.strip().casefold() for n in head.split(",")}
    like = item if any(c.isalpha() for c in item) else head
    fresh = [n for n in names if n.casefold() not in listed]
    return [kept + n for n in _starting(item, fresh, like)]


def boundary(command: F) -> F:
    """Turn MbcError into a one-line message and exit 1; anything unexpected into exit 3."""
    from mbcadvisor.errors import MbcError

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MbcError as exc:
            error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `mbc ... | head`: the reader has all it wanted
            _quiet_stdout()
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort, UsageError, KeyboardInterrupt):
            raise
        except Exception as exc:
            if debug_enabled():
                raise
            error(f"internal error: {type(exc).__name__}: {exc}; run with MBC_DEBUG=1 for details")
            raise typer.Exit(EXIT_INTERNAL) from None

    return run  # type: ignore[return-value]


def _interactive() -> bool:
    """Whether a person is at the keyboard (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _shows_on_a_terminal() -> bool:
    """Whether what mbc writes goes to a terminal (not a pipe or a file)."""
    return sys.stdout is not None and sys.stdout.isatty()


Schooling = Literal["diploma", "ged", "none"]


def _schooling(ged: bool, diploma: bool, no_diploma: bool = False) -> Schooling | None:
    """The schooling the flags give: None when none was given (never guessed)."""
    if ged + diploma + no_diploma > 1:
        raise typer.BadParameter("give one of --diploma, --ged or --no-diploma")
    return "diploma" if diploma else "ged" if ged else "none" if no_diploma else None


T = TypeVar("T")


def _ask(question: str, parse: Callable[[str], T]) -> T | None:
    """Ask in the terminal until the reply reads; an empty reply skips the question (None)."""
    from mbcadvisor.errors import MbcError

    while True:
        reply = typer.prompt(question, default="", show_default=False)
        if not reply.strip():
            return None
        try:
            return parse(reply)
        except MbcError as exc:
            error(str(exc))


def _parse_age(text: str) -> int:
    from mbcadvisor.advice.eligibility import check_age
    from mbcadvisor.errors import MbcError

    try:
        age = int(text.strip())
    except ValueError:
        raise MbcError(f"'{text.strip()}' is not an age in years (a whole number)") from None
    check_age(age)
    return age


def _parse_schooling(text: str) -> Schooling:
    from mbcadvisor.errors import MbcError

    word = text.strip().casefold()
    for value, words in (
        ("diploma", ("d", "diploma", "high school diploma", "yes", "y")),
        ("ged", ("g", "ged")),
        ("none", ("n", "no", "none", "neither")),
    ):
        if word in words:
            return cast("Schooling", value)
    raise MbcError("answer d (diploma), g (GED) or n (neither); Enter skips")


def _parse_money(text: str) -> float:
    from mbcadvisor.advice.students import dollars

    return dollars(text)


def _ask_questions(catalog: "Catalog") -> "dict[str, Answer]":
    """The match questions, one by one, after a two-line introduction; Enter is 'unsure'."""
    from mbcadvisor.advice.match import intro, parse_answer

    sys.stdout.write("\n".join(intro(len(catalog.questions))) + "\n")
    given: dict[str, Answer] = {}
    total = len(catalog.questions)
    for number, question in enumerate(catalog.questions, 1):
        reply = _ask(f"{number}/{total}. {question.text} [y/n/?]", parse_answer)
        given[question.id] = reply or "unsure"
    return given


def _need_age(age: int | None, example: str) -> int:
    """The age given, or asked for in a terminal; in a pipe, say which option to add."""
    from mbcadvisor.errors import MissingAnswer

    if age is None and _interactive():
        age = _ask("How old are you?", _parse_age)
    if age is None:
        raise MissingAnswer(f"this needs your age: add --age, e.g. `{example}`")
    return age


def _ask_schooling(schooling: Schooling | None) -> Schooling | None:
    """The schooling given, or asked in a terminal (Enter skips: then it stays unknown)."""
    if schooling is None and _interactive():
        schooling = _ask(
            "Do you have a high school diploma or GED? [d = diploma, g = GED, n = neither, "
            "Enter = skip]",
            _parse_schooling,
        )
    return schooling


def _finite(value: float | None) -> float | None:
    """A number option must be a number: 'nan' and 'inf' are refused."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number of dollars or years")
    return value


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mbc {__version__}\n")
        raise typer.Exit()


StateOpt = Annotated[
    str | None,
    typer.Option(
        "--state",
        help="A state or territory, by name or postal code (TX, texas, 'Puerto Rico').",
        show_default=False,
        autocompletion=_complete("state"),
    ),
]


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="No pager for long answers (default: $MBC_PAGER, $PAGER or less -FRX).",
        ),
    ] = False,
) -> None:
    """Career advice for US medical billing and coding, from sourced, dated data."""
    if no_pager:
        import mbcadvisor.output

        mbcadvisor.output.PAGER_OFF = True


@app.command(
    short_help="Compare billing and coding side by side.",
    epilog=(
        "\b\nExamples:\n  mbc compare billing coding\n  mbc compare billing coding --state TX\n"
        "  mbc compare biller coder --json"
    ),
)
@boundary
def compare(
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more roles: billing, coding (or biller, coder, medical-billing, ...).",
            show_default=False,
            autocompletion=_complete("role"),
        ),
    ],
    state: StateOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    name: NameOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Compare roles side by side: duties, workplaces, skills, pay, training, certifications."""
    from mbcadvisor.advice.compare import compare_roles
    from mbcadvisor.loader import load_catalog

    check_export(export)
    name = _check_name(name, export)
    catalog = load_catalog(data_dir)
    if state is None:
        result = compare_roles(catalog, roles)
    else:
        from mbcadvisor.advice.pay import find_state
        from mbcadvisor.loader import load_table

        table = load_table("states", catalog, data_dir)
        code, place = find_state(table, state)
        result = compare_roles(catalog, roles, table, code, place)
    _show(result, as_json, fmt, export, plain, name)


@app.command(
    short_help="Certifications: exams, fees, and one in full.",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc certs --track coding\n"
        "  mbc certs CPC\n"
        "  mbc certs --body aapc --max-fee 400 --sort fee\n"
        "  mbc certs --remote --json"
    ),
)
@boundary
def certs(
    cert_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="One certification to show in full, e.g. CPC (any case).",
            show_default=False,
            autocompletion=_complete("cert"),
        ),
    ] = None,
    track: Annotated[
        str | None,
        typer.Option(
            help="billing, coding, auditing, cdi or management.",
            show_default=False,
            autocompletion=_complete("track"),
        ),
    ] = None,
    body: Annotated[
        str | None,
        typer.Option(
            help="Issuing body: aapc, ahima, amba, pmi, nha, ...",
            show_default=False,
            autocompletion=_complete("body"),
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            help="entry, advanced or specialty.",
            show_default=False,
            autocompletion=_complete("level"),
        ),
    ] = None,
    max_fee: Annotated[
        float | None,
        typer.Option(
            "--max-fee",
            min=0,
            callback=_finite,
            help="Only exams whose cheapest listed fee is at most this (USD).",
            show_default=False,
        ),
    ] = None,
    remote: Annotated[
        bool | None,
        typer.Option(
            "--remote/--no-remote",
            help="Only exams that can (or cannot) be taken online.",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            help="Sort by name, fee, questions or minutes.", autocompletion=_complete("sort")
        ),
    ] = "name",
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Every specialty credential in full (by default, one line each)."
        ),
    ] = False,
    show_sources: Annotated[
        bool,
        typer.Option(
            "--sources",
            help="With an ID: every source in full (what it states, when it was read) and the "
            "maintainers' notes.",
        ),
    ] = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """List certifications by track, with exam facts and fees; or show one in full."""
    from mbcadvisor.advice import certs as advice
    from mbcadvisor.advice.names import find_body, find_level, find_track, pick
    from mbcadvisor.loader import load_catalog

    check_export(export)
    if cert_id is not None and (
        show_all or any(v is not None for v in (track, body, level, max_fee, remote))
    ):
        raise typer.BadParameter("filters do not apply to one certification ID")
    catalog = load_catalog(data_dir)
    if cert_id is not None:
        detail = advice.cert_detail(catalog, cert_id)
        if show_sources and isinstance(detail, advice.CertDetail):
            detail = dataclasses.replace(detail, show_sources=True)
        _show(detail, as_json, fmt, export, plain)
        return
    if show_sources:
        raise typer.BadParameter("--sources shows one certification's sources: give its ID")
    filters = advice.CertFilters(
        track=find_track(track) if track is not None else None,
        body=find_body(catalog, body).id if body is not None else None,
        level=find_level(level) if level is not None else None,
        max_fee=max_fee,
        remote=remote,
        sort=cast("advice.CertSort", pick("sort", sort, {s: s for s in advice.CERT_SORTS})),
        all=show_all,
    )
    _show(advice.list_certs(catalog, filters), as_json, fmt, export, plain)


AgeOpt = Annotated[
    int | None,
    typer.Option(help="Your age in years (asked in a terminal when left out).", show_default=False),
]
GedOpt = Annotated[bool, typer.Option("--ged", help="You have a GED.")]
DiplomaOpt = Annotated[bool, typer.Option("--diploma", help="You have a high school diploma.")]
BudgetOpt = Annotated[
    float | None,
    typer.Option(
        "--budget", callback=_finite, help="What you can spend, in USD.", show_default=False
    ),
]
AnswersOpt = Annotated[
    str | None,
    typer.Option(
        help="Your answers to the six match questions, quoted: one y/n/? each in order "
        "('yyn?yy'), or question=answer pairs. Without it, mbc asks (in a terminal).",
        show_default=False,
    ),
]
NoDiplomaOpt = Annotated[
    bool, typer.Option("--no-diploma", help="You have neither a diploma nor a GED.")
]


@app.command(
    short_help="Can you enroll in a training program?",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc eligible --age 19 --ged\n"
        "  mbc eligible --age 17 --diploma\n"
        "  mbc eligible --age 30 --no-diploma --json"
    ),
)
@boundary
def eligible(
    age: AgeOpt = None,
    ged: GedOpt = False,
    diploma: DiplomaOpt = False,
    no_diploma: NoDiplomaOpt = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    name: NameOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Can you enroll in a training program? Checks age and diploma or GED, never guessing."""
    from mbcadvisor.advice.eligibility import eligibility
    from mbcadvisor.loader import load_catalog

    check_export(export)
    name = _check_name(name, export)
    schooling = _schooling(ged, diploma, no_diploma)
    catalog = load_catalog(data_dir)
    known = _need_age(age, "mbc eligible --age 19 --diploma")
    schooling = _ask_schooling(schooling)
    _show(eligibility(catalog, known, schooling), as_json, fmt, export, plain, name)


@app.command(
    short_help="Pay from BLS: nationally, by state, area or industry.",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc pay\n"
        "  mbc pay coding --state TX\n"
        "  mbc pay coding --area austin --hourly\n"
        "  mbc pay billing --states\n"
        "  mbc pay coding --industry\n"
        "  mbc pay --by-credential"
    ),
)
@boundary
def pay(
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            help="Roles to show (default: all).",
            show_default=False,
            autocompletion=_complete("role"),
        ),
    ] = None,
    state: StateOpt = None,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            help="A metropolitan or nonmetropolitan area, by its name or a part of it ('austin').",
            show_default=False,
            autocompletion=_complete("area"),
        ),
    ] = None,
    states: Annotated[
        bool, typer.Option("--states", help="Every state and territory, ranked by median pay.")
    ] = False,
    industry: Annotated[
        bool,
        typer.Option("--industry", help="Where the occupation works, and what each industry pays."),
    ] = False,
    by_credential: Annotated[
        bool,
        typer.Option(
            "--by-credential",
            help="AAPC members' self-reported pay by credential (a survey, not BLS figures).",
        ),
    ] = False,
    hourly: Annotated[bool, typer.Option("--hourly", help="Hourly instead of annual.")] = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Pay from BLS (May 2025): the roles nationally, in a state or an area, by industry."""
    from mbcadvisor.advice import pay as advice
    from mbcadvisor.loader import load_catalog, load_table, load_tables

    check_export(export)
    views = sum((state is not None or area is not None, states, industry, by_credential))
    if views > 1:
        raise typer.BadParameter(
            "give one of --state/--area, --states, --industry or --by-credential"
        )
    catalog = load_catalog(data_dir)
    if by_credential:
        if roles:
            raise typer.BadParameter("--by-credential lists every credential: give no role")
        result: Result = advice.survey_report(catalog)
    elif states or industry:
        if len(roles or []) != 1:
            raise typer.BadParameter(f"--{'states' if states else 'industry'} needs one role")
        assert roles is not None
        if states:
            table = load_table("states", catalog, data_dir)
            result = advice.rank_states(catalog, table, roles[0], hourly)
        else:
            result = advice.industries(
                catalog, load_table("industries", catalog, data_dir), roles[0], hourly
            )
    else:
        needed = ["states", "areas"] if area else ["states"] if state else []
        tables = load_tables(needed, catalog, data_dir)
        result = advice.pay_report(
            catalog,
            roles or [],
            hourly,
            states=tables.get("states"),
            state=state,
            areas=tables.get("areas"),
            area=area,
        )
    _show(result, as_json, fmt, export, plain)


@app.command(
    short_help="Every source behind the data, with its date.",
    epilog="\b\nExamples:\n  mbc sources\n  mbc sources --stale\n  mbc sources --check --json",
)
@boundary
def sources(
    stale: Annotated[
        bool, typer.Option("--stale", help="Only pages dated more than two years ago.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="For maintainers: old pages, records resting only on secondary pages, records "
            "whose sources are all old (offline; --json for scripts).",
        ),
    ] = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Every source behind the data: what it backs, its date and kind (official or secondary)."""
    from mbcadvisor.advice.sources import check_sources, sources_report
    from mbcadvisor.clock import today
    from mbcadvisor.loader import load_catalog

    check_export(export)
    if check and stale:
        raise typer.BadParameter("give --check or --stale, not both")
    catalog = load_catalog(data_dir)
    day = today()
    result = check_sources(catalog, day) if check else sources_report(catalog, stale, day)
    _show(result, as_json, fmt, export, plain)


data_app = typer.Typer(
    name="data",
    help="Check a data folder, or print the JSON Schema of the data files.",
    short_help="For your own data: check a folder, print the schema.",
    no_args_is_help=True,
)
app.add_typer(data_app)


@data_app.command(
    "validate",
    short_help="Check a data folder: one line per problem.",
    epilog="\b\nExamples:\n  mbc data validate\n  mbc data validate ./my-school-data --json",
)
@boundary
def data_validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The folder to check (default: --data-dir, $MBC_DATA_DIR or the packaged data).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check every data file: one line per problem (file:line:column  field  message)."""
    import json

    from mbcadvisor.datafiles import resolve_data_dir
    from mbcadvisor.validation import check_dir

    folder = resolve_data_dir(path)
    catalog, issues = check_dir(folder)
    if as_json:
        report = {
            "ok": not issues,
            "folder": str(folder),
            "issues": [vars(i) for i in issues],
        }
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    elif issues:
        sys.stdout.write("".join(f"{i}\n" for i in issues))
    else:
        assert catalog is not None
        records = len(catalog.roles) + len(catalog.certs) + len(catalog.bodies)
        sys.stdout.write(f"ok: {folder}: {records} roles, certifications and bodies, no problems\n")
    if issues:
        noun = "problem" if len(issues) == 1 else "problems"
        error(f"{len(issues)} {noun} in {folder}")
        raise typer.Exit(EXIT_USER)


@data_app.command(
    "schema",
    short_help="The JSON Schema of the data files.",
    epilog=("\b\nExamples:\n  mbc data schema\n  mbc data schema certs.yaml > certs.schema.json"),
)
@boundary
def data_schema(
    file: Annotated[
        str | None,
        typer.Argument(
            help="One data file, e.g. certs.yaml (default: all).",
            show_default=False,
            autocompletion=_complete("datafile"),
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the data files (for editors that check YAML as you type), and of
    a row of the OEWS tables ("oews/*.csv")."""
    import json

    from mbcadvisor.advice.names import pick
    from mbcadvisor.models import FILES, Estimate
    from mbcadvisor.validation import json_schema

    models: dict[str, type] = {**FILES, ROWS: Estimate}
    names = {n: n for n in models} | {n.removesuffix(".yaml"): n for n in FILES}
    names |= {"oews": ROWS, "oews/*.csv": ROWS, "csv": ROWS}
    chosen = [pick("data file", file, names)] if file is not None else list(models)
    schemas = {name: json_schema(models[name]) for name in chosen}
    document = schemas[chosen[0]] if file is not None else schemas
    sys.stdout.write(json.dumps(document, indent=2) + "\n")


ROWS = "oews/*.csv"  # the schema of one row of an OEWS table


@app.command(
    short_help="Your plan: steps, time and cost to a credential.",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc plan --track coding --age 17 --diploma\n"
        "  mbc plan --track billing --age 35 --no-diploma --budget 500\n"
        "  mbc plan --track coding --age 45 --certs CPC --experience-years 3 -f markdown\n"
        "  mbc plan --track coding --age 19 --ged --export plan.html --name 'Ana Lopez'\n"
        "  mbc plan --template > students.csv\n"
        "  mbc plan --from students.csv --export-dir handouts"
    ),
)
@boundary
def plan(
    track: Annotated[
        str | None,
        typer.Option(
            help="billing or coding (needed, but for --from and --template).",
            show_default=False,
            autocompletion=_complete("role"),
        ),
    ] = None,
    age: AgeOpt = None,
    ged: GedOpt = False,
    diploma: DiplomaOpt = False,
    no_diploma: NoDiplomaOpt = False,
    experience_years: Annotated[
        float,
        typer.Option(
            "--experience-years", callback=_finite, help="Years of billing or coding work."
        ),
    ] = 0,
    certs_held: Annotated[
        str | None,
        typer.Option(
            "--certs",
            help="Certifications you hold, e.g. CPC,CPB.",
            show_default=False,
            autocompletion=_complete("certs"),
        ),
    ] = None,
    budget: BudgetOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    name: NameOpt = None,
    class_list: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="A class list (CSV: name, age, schooling, track, budget, state): one handout "
            "per student, into --export-dir.",
            show_default=False,
            metavar="FILE.csv",
        ),
    ] = None,
    export_dir: Annotated[
        Path | None,
        typer.Option(
            "--export-dir",
            help="The folder for the handouts of --from (made if missing).",
            show_default=False,
            metavar="FOLDER",
        ),
    ] = None,
    template: Annotated[
        bool,
        typer.Option("--template", help="Print a class list to fill in for --from (CSV)."),
    ] = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Your roadmap into a track: numbered steps with time, cost and sources, and totals."""
    from mbcadvisor.advice.names import find_role
    from mbcadvisor.advice.plan import build_plan
    from mbcadvisor.loader import load_catalog

    one_person = {
        "--track": track is not None,
        "--age": age is not None,
        "--ged": ged,
        "--diploma": diploma,
        "--no-diploma": no_diploma,
        "--experience-years": experience_years != 0,
        "--certs": certs_held is not None,
        "--budget": budget is not None,
        "--name": name is not None,
        "--json": as_json,
        "--format": fmt is not Format.table,
        "--plain": plain,
        "--export": export is not None,
    }
    given = [option for option, used in one_person.items() if used]
    if template:
        others = given + [o for o, v in (("--from", class_list), ("--export-dir", export_dir)) if v]
        if others:
            raise typer.BadParameter(f"--template goes alone, without {others[0]}")
        from mbcadvisor.advice.students import TEMPLATE

        sys.stdout.write(TEMPLATE)
        return
    if class_list is not None or export_dir is not None:
        if class_list is None or export_dir is None:
            raise typer.BadParameter("--from and --export-dir go together")
        if given:
            raise typer.BadParameter(f"--from takes each student from the file: drop {given[0]}")
        _plan_class(class_list, export_dir, data_dir)
        return
    if track is None:
        raise UsageError("Missing option '--track' (billing or coding)")
    check_export(export)
    name = _check_name(name, export)
    schooling = _schooling(ged, diploma, no_diploma)
    held = [c.strip() for c in (certs_held or "").split(",") if c.strip()]
    catalog = load_catalog(data_dir)
    role = find_role(catalog, track)  # an unknown track is refused before any question
    known = _need_age(age, f"mbc plan --track {role.id} --age 30")
    if not held:
        schooling = _ask_schooling(schooling)
    result = build_plan(catalog, track, known, schooling, experience_years, held, budget)
    _show(result, as_json, fmt, export, plain, name)


def _plan_class(class_list: Path, folder: Path, data_dir: Path | None) -> None:
    """A handout per student of a class list; each bad row is named with its line and reason,
    the others are still written (exit 1 if any row was bad)."""
    from mbcadvisor.advice.plan import build_plan
    from mbcadvisor.advice.students import file_name, read_students
    from mbcadvisor.clock import today
    from mbcadvisor.errors import MbcError
    from mbcadvisor.loader import load_catalog, load_table
    from mbcadvisor.output import save_handout

    today()  # a bad MBC_TODAY is refused before anything is written
    if folder.exists() and not folder.is_dir():
        raise MbcError(f"--export-dir '{folder}' is a file, not a folder")
    catalog = load_catalog(data_dir)
    students = read_students(class_list, catalog, load_table("states", catalog, data_dir))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MbcError(f"cannot make folder '{folder}': {exc.strerror or exc}") from None
    for student in students.students:
        result = build_plan(
            catalog, student.track, student.age, student.schooling, budget_usd=student.budget_usd
        )
        more = [("State", student.state)] if student.state else []
        save_handout(result, folder / file_name(student, students.rows), student.name, more)
    sys.stdout.write("".join(f"{bad}\n" for bad in students.bad_rows))
    written = len(students.students)
    noun = "handout" if written == 1 else "handouts"
    sys.stdout.write(f"Wrote {written} {noun} in {folder}\n")
    if students.bad_rows:
        count = len(students.bad_rows)
        rows = "row" if count == 1 else "rows"
        error(f"{count} {rows} of {class_list} could not be read, so got no handout")
        raise typer.Exit(EXIT_USER)


@app.command(
    short_help="Which track fits you: six questions.",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc match\n"
        "  mbc match --answers 'yyn?yy'\n"
        "  mbc match --answers payments=no,medical_records=yes"
    ),
)
@boundary
def match(
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Which track fits you: a short questionnaire, answer by answer, and the plan to run next."""
    from mbcadvisor.advice.match import match_track, parse_answers
    from mbcadvisor.errors import MissingAnswer
    from mbcadvisor.loader import load_catalog

    check_export(export)
    catalog = load_catalog(data_dir)
    if answers is not None:
        given = parse_answers(answers, catalog.questions)
    elif _interactive():
        given = _ask_questions(catalog)
    else:
        raise MissingAnswer(
            "no answers and no terminal to ask in: add --answers, e.g. "
            "`mbc match --answers 'yyn?yy'` (see mbc match --help)"
        )
    _show(match_track(catalog, given), as_json, fmt, export, plain)


@app.command(
    short_help="Training: programs, paying, checking a school, first jobs.",
    epilog="\b\nExamples:\n  mbc training\n  mbc training --format markdown > school.md",
)
@boundary
def training(
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    name: NameOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Training programs: length, requirements, topics, what to ask a school, red flags."""
    from mbcadvisor.advice.training import training_guide
    from mbcadvisor.loader import load_catalog

    check_export(export)
    name = _check_name(name, export)
    _show(training_guide(load_catalog(data_dir)), as_json, fmt, export, plain, name)


@app.command(
    short_help="A word mbc uses, explained: CPT, CEU, median and more.",
    epilog="\b\nExamples:\n  mbc explain\n  mbc explain cpt\n  mbc explain 'scaled score'",
)
@boundary
def explain(
    term: Annotated[
        str | None,
        typer.Argument(
            help="A word mbc uses, e.g. CPT, CEU, median (default: list them all).",
            show_default=False,
            autocompletion=_complete("term"),
        ),
    ] = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Explain a word mbc uses (CPT, CEU, scaled score, median ...), with its sources."""
    from mbcadvisor.advice.glossary import explain as explain_term
    from mbcadvisor.advice.glossary import glossary
    from mbcadvisor.loader import load_catalog

    check_export(export)
    catalog = load_catalog(data_dir)
    result = glossary(catalog) if term is None else explain_term(catalog, term)
    _show(result, as_json, fmt, export, plain)


@app.command(
    short_help="Start here: a few questions, then your one-page answer.",
    epilog=(
        "\b\n"
        "Examples:\n"
        "  mbc start\n"
        "  mbc start --age 19 --ged --answers 'yynnyy' --budget 3000 --state TX\n"
        "  mbc start --age 45 --track coding --format markdown > my-start.md"
    ),
)
@boundary
def start(
    age: AgeOpt = None,
    ged: GedOpt = False,
    diploma: DiplomaOpt = False,
    no_diploma: NoDiplomaOpt = False,
    answers: AnswersOpt = None,
    track: Annotated[
        str | None,
        typer.Option(
            help="billing or coding, if you already know (skips the questions).",
            show_default=False,
            autocompletion=_complete("role"),
        ),
    ] = None,
    budget: BudgetOpt = None,
    state: StateOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
    plain: PlainOpt = False,
    export: ExportOpt = None,
    name: NameOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Start here: a few questions, then one page: can you enroll, which track fits, your plan, and
    pay where you live."""
    from mbcadvisor.advice.match import parse_answers
    from mbcadvisor.advice.names import find_role
    from mbcadvisor.advice.pay import find_state
    from mbcadvisor.advice.start import start as start_page
    from mbcadvisor.loader import load_catalog, load_table

    check_export(export)
    name = _check_name(name, export)
    schooling = _schooling(ged, diploma, no_diploma)
    if budget is not None and budget < 0:
        raise typer.BadParameter("budget must be 0 or more")
    catalog = load_catalog(data_dir)
    given = parse_answers(answers, catalog.questions) if answers is not None else None
    if track is not None:
        find_role(catalog, track)
    needs_states = state is not None or _interactive()
    states = load_table("states", catalog, data_dir) if needs_states else None
    if state is not None and states is not None:
        find_state(states, state)  # a bad state is refused before any question
    unasked = age is None or schooling is None or (given is None and track is None)
    if _interactive() and (unasked or budget is None or state is None):
        sys.stdout.write("A few questions; Enter skips one.\n")
        if age is None:
            age = _ask("How old are you?", _parse_age)
        schooling = _ask_schooling(schooling)
        if given is None and track is None:
            given = _ask_questions(catalog)
        if budget is None:
            budget = _ask("How much can you spend on training, in dollars?", _parse_money)
        if state is None and states is not None:
            table = states
            state = _ask("Which state do you live in (e.g. TX)?", lambda s: _state(table, s))
        sys.stdout.write("\n")
    page = start_page(catalog, age, schooling, given, budget, states, state, track)
    _show(page, as_json, fmt, export, plain, name)


def _state(states: "Table", text: str) -> str:
    """A state the user typed, checked against the pay data."""
    from mbcadvisor.advice.pay import find_state

    find_state(states, text.strip())
    return text.strip()


@app.command(
    "help",
    short_help="Help on mbc, or on one command: mbc help plan.",
    epilog="\b\nExamples:\n  mbc help\n  mbc help plan\n  mbc help data validate",
)
def help_(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            help="A command (and subcommand), e.g. plan or data validate.", show_default=False
        ),
    ] = None,
) -> None:
    """Show the help of mbc, or of one command, with its options and examples."""
    import difflib

    here = ctx.find_root()
    shown: Any = here.command
    for name in command or []:
        sub = shown.get_command(here, name) if hasattr(shown, "get_command") else None
        if sub is None:
            known = list(shown.list_commands(here)) if hasattr(shown, "list_commands") else []
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(known)}"
            raise UsageError(f"no command '{name}'{hint}", ctx=ctx)
        here = sub.make_context(name, [], parent=here, resilient_parsing=True)
        shown = sub
    sys.stdout.write(shown.get_help(here) + "\n")


def main() -> None:
    """Console-script entry point: nothing escapes as a traceback unless MBC_DEBUG=1."""
    if sys.stdout is None:  # started with stdout closed (`mbc ... >&-`)
        error("standard output is closed; nothing was written")
        sys.exit(EXIT_USER)
    args = sys.argv[1:]
    if "--no-pager" in args[1:]:  # a global option, also taken after the command
        args = ["--no-pager", *(a for a in args if a != "--no-pager")]
    try:
        app(args=args, prog_name="mbc")
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # `mbc ... | head`: the reader has all it wanted
        _quiet_stdout()
        sys.exit(0)
    except Exception as exc:
        if debug_enabled():
            raise
        error(f"internal error: {type(exc).__name__}: {exc}; run with MBC_DEBUG=1 for details")
        sys.exit(EXIT_INTERNAL)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not complain again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
