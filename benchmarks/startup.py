"""Time whole `mbc` processes against the interpreter's floor, and measure their peak memory.

Usage: python benchmarks/startup.py [--runs N] [--data-dir PATH] [--check]

Each round runs every command once, in turn (so slow drifts of the machine hit all commands
alike); the median over the rounds is reported with its ratio to the floor
`python -c "import typer, rich.table, pydantic, yaml"`, and the peak resident memory of one run.
"first run" is `mbc compare billing coding` with an empty cache folder: it validates the data
and writes the cache. With --check, exits 1 when a target is missed: commands <= 1.2x the
floor, --json <= 1.0x, --version <= 0.3x, the first run <= 0.6 s, peak memory <= 1.3x the
floor's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = "floor: import typer, rich.table, pydantic, yaml"
BARE = "python -c pass"
FIRST_RUN = "first run (validate, write the cache)"
COMMANDS: list[tuple[str, list[str]]] = [
    ("mbc compare billing coding", ["compare", "billing", "coding"]),
    ("mbc certs --track coding", ["certs", "--track", "coding"]),
    ("mbc eligible --age 19 --ged", ["eligible", "--age", "19", "--ged"]),
    ("mbc pay coding --state TX", ["pay", "coding", "--state", "TX"]),
    ("mbc pay coding --area austin", ["pay", "coding", "--area", "austin"]),
    ("mbc certs --json", ["certs", "--json"]),
    ("mbc --help", ["--help"]),
    ("mbc --version", ["--version"]),
]
TARGETS = {"mbc certs --json": 1.0, "mbc --version": 0.3}
DEFAULT_TARGET = 1.2
FIRST_RUN_SECONDS = 0.6
MEMORY_TARGET = 1.3


def mbc_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m mbcadvisor`."""
    script = Path(sys.executable).with_name("mbc")
    if script.exists():
        return [str(script)]
    found = shutil.which("mbc")
    return [found] if found else [sys.executable, "-m", "mbcadvisor"]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KiB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def measure(runs: int, data_dir: str | None) -> dict[str, tuple[float, int]]:
    """Median time and peak memory of every command, the floor and a bare interpreter."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    if data_dir:
        env["MBC_DATA_DIR"] = data_dir
    mbc = mbc_command()
    jobs = {
        BARE: [sys.executable, "-c", "pass"],
        FLOOR: [sys.executable, "-c", "import typer, rich.table, pydantic, yaml"],
        **{name: [*mbc, *args] for name, args in COMMANDS},
        FIRST_RUN: [*mbc, "compare", "billing", "coding"],
    }
    times: dict[str, list[float]] = {name: [] for name in jobs}
    peaks: dict[str, int] = dict.fromkeys(jobs, 0)
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(runs + 1):  # round 0 warms the file cache and .pyc files
            for name, argv in jobs.items():
                job_env = env
                if name == FIRST_RUN:  # an empty cache folder: validate and write the cache
                    job_env = dict(env, MBC_CACHE_DIR=f"{scratch}/first-{round_number}")
                elapsed, peak = run_once(argv, job_env)
                if round_number:
                    times[name].append(elapsed)
                    peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in jobs}


def report(results: dict[str, tuple[float, int]]) -> list[str]:
    """Print the table; return the targets that were missed."""
    floor_time, floor_peak = results[FLOOR]
    missed = []
    print(
        f"{'command':<40} {'median':>9} {'x floor':>8} {'target':>7} {'peak MB':>8} {'x floor':>8}"
    )
    for name, (median, peak) in results.items():
        ratio = median / floor_time
        memory = peak / floor_peak
        shown = ""
        late = False
        if name == FIRST_RUN:
            shown = f"{FIRST_RUN_SECONDS:.1f} s"
            late = median > FIRST_RUN_SECONDS
        elif name.startswith("mbc"):
            target = TARGETS.get(name, DEFAULT_TARGET)
            shown = f"{target:.1f}x"
            late = ratio > target
        mark = ""
        if late or (shown and name != FIRST_RUN and memory > MEMORY_TARGET):
            mark = "  MISSED"
            missed.append(name)
        print(
            f"{name:<40} {median * 1000:>7.1f}ms {ratio:>7.2f}x {shown:>7} "
            f"{peak / 1024:>8.1f} {memory:>7.2f}x{mark}"
        )
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="rounds of every command (20)")
    parser.add_argument("--data-dir", help="run mbc on this data folder (MBC_DATA_DIR)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {options.runs} rounds")
    missed = report(measure(options.runs, options.data_dir))
    if missed and options.check:
        print("missed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
