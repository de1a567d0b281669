"""The Typer app: each command parses its options, loads the catalog, asks advice and emits.

This module is the one error boundary: user errors become one line on stderr and exit 1,
anything unexpected becomes one line and exit 3 (MBC_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from mbcadvisor import __version__
from mbcadvisor.output import Format, debug_enabled, emit, error

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER = 1
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="mbc",
    help="Career advice for US medical billing and coding: roles, certifications, pay, "
    "eligibility. Every figure is sourced and dated (see `mbc sources`).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the answer as JSON (no colours, no tables).")
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


def _fmt(as_json: bool) -> Format:
    return Format.json if as_json else Format.table


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
        except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if debug_enabled():
                raise
            error(f"internal error: {type(exc).__name__}: {exc}; run with MBC_DEBUG=1 for details")
            raise typer.Exit(EXIT_INTERNAL) from None

    return run  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mbc {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Career advice for US medical billing and coding, from sourced, dated data."""


@app.command(epilog="Examples:  mbc compare billing coding   |   mbc compare biller coder --json")
@boundary
def compare(
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more roles: billing, coding (or biller, coder, medical-billing, ...).",
            show_default=False,
        ),
    ],
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Compare roles side by side: duties, workplaces, skills, pay, training, certifications."""
    from mbcadvisor.advice import compare_roles
    from mbcadvisor.loader import load_catalog

    emit(compare_roles(load_catalog(data_dir), roles), _fmt(as_json))


@app.command(
    epilog="Examples:  mbc certs --track coding   |   mbc certs CPC   |   "
    "mbc certs --body aapc --max-fee 400 --sort fee   |   mbc certs --remote --json"
)
@boundary
def certs(
    cert_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="One certification to show in full, e.g. CPC (any case).",
            show_default=False,
        ),
    ] = None,
    track: Annotated[
        str | None,
        typer.Option(help="billing, coding, auditing, cdi or management.", show_default=False),
    ] = None,
    body: Annotated[
        str | None,
        typer.Option(help="Issuing body: aapc, ahima, amba, pmi, nha, ...", show_default=False),
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="entry, advanced or specialty.", show_default=False)
    ] = None,
    max_fee: Annotated[
        float | None,
        typer.Option(
            "--max-fee",
            min=0,
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
    sort: Annotated[str, typer.Option(help="Sort by name, fee, questions or minutes.")] = "name",
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """List certifications by track, with exam facts and fees; or show one in full."""
    from mbcadvisor import advice
    from mbcadvisor.loader import load_catalog

    catalog = load_catalog(data_dir)
    if cert_id is not None:
        if any(v is not None for v in (track, body, level, max_fee, remote)):
            raise typer.BadParameter("filters do not apply to one certification ID")
        emit(advice.cert_detail(catalog, cert_id), _fmt(as_json))
        return
    filters = advice.CertFilters(
        track=advice.find_track(track) if track is not None else None,
        body=advice.find_body(catalog, body).id if body is not None else None,
        level=advice.find_level(level) if level is not None else None,
        max_fee=max_fee,
        remote=remote,
        sort=advice.pick("sort", sort, {s: s for s in advice.CERT_SORTS}),
    )
    emit(advice.list_certs(catalog, filters), _fmt(as_json))


@app.command(
    epilog="Examples:  mbc eligible --age 19 --ged   |   mbc eligible --age 17 --diploma   |   "
    "mbc eligible --age 30 --json"
)
@boundary
def eligible(
    age: Annotated[int, typer.Option(help="Your age in years.", show_default=False)],
    ged: Annotated[bool, typer.Option("--ged", help="You have a GED.")] = False,
    diploma: Annotated[
        bool, typer.Option("--diploma", help="You have a high school diploma.")
    ] = False,
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Check the enrollment requirements of a training program (age; diploma or GED)."""
    from mbcadvisor.advice import Schooling, eligibility
    from mbcadvisor.loader import load_catalog

    if ged and diploma:
        raise typer.BadParameter("give --ged or --diploma, not both")
    schooling: Schooling | None = "diploma" if diploma else "ged" if ged else None
    emit(eligibility(load_catalog(data_dir), age, schooling), _fmt(as_json))


@app.command(epilog="Examples:  mbc pay   |   mbc pay coding --hourly   |   mbc pay billing --json")
@boundary
def pay(
    roles: Annotated[
        list[str] | None,
        typer.Argument(help="Roles to show (default: all).", show_default=False),
    ] = None,
    hourly: Annotated[bool, typer.Option("--hourly", help="Hourly instead of annual.")] = False,
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Pay distribution of each role from BLS (10th to 90th percentile, median marked)."""
    from mbcadvisor.advice import pay_report
    from mbcadvisor.loader import load_catalog

    emit(pay_report(load_catalog(data_dir), roles or [], hourly), _fmt(as_json))


@app.command(epilog="Examples:  mbc sources   |   mbc sources --stale   |   mbc sources --json")
@boundary
def sources(
    stale: Annotated[
        bool, typer.Option("--stale", help="Only sources dated more than two years ago.")
    ] = False,
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Every source behind the data: what it backs, its date and kind (official or secondary)."""
    from mbcadvisor.advice import sources_report
    from mbcadvisor.loader import load_catalog

    emit(sources_report(load_catalog(data_dir), stale), _fmt(as_json))


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="mbc")
    except KeyboardInterrupt:  # pragma: no cover - typer maps it already; belt and braces
        sys.exit(EXIT_INTERRUPTED)
