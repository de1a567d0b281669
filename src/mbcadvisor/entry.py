"""The `mbc` console script: answers --version at once, else hands over to the Typer app."""

import gc
import sys


def main() -> None:
    """Entry point of `mbc` and `python -m mbcadvisor`."""
    if sys.argv[1:] == ["--version"]:  # needs no data, no rich, no pydantic, not even Typer
        from mbcadvisor import __version__

        sys.stdout.write(f"mbc {__version__}\n")
        return
    # One command, then exit: the cyclic garbage collector would only walk, again and again,
    # objects that live until the end (modules, the catalog, the lines of a listing), which
    # cost a listing of thousands of rows a third of its time. Reference counting still
    # frees everything that is not in a cycle.
    gc.disable()
    from mbcadvisor.cli import main as run

    run()
