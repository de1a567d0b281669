"""The `mbc` console script: answers --version at once, else hands over to the Typer app."""

import sys


def main() -> None:
    """Entry point of `mbc` and `python -m mbcadvisor`."""
    if sys.argv[1:] == ["--version"]:  # needs no data, no rich, no pydantic, not even Typer
        from mbcadvisor import __version__

        sys.stdout.write(f"mbc {__version__}\n")
        return
    from mbcadvisor.cli import main as run

    run()
