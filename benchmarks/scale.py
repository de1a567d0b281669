"""Run mbc on a synthetic data folder 100 times the real one and compare with the real data.

Usage: python benchmarks/scale.py [--factor 100] [--runs N] [--keep DIR]

The synthetic folder repeats every certification, body and BLS occupation `factor` times under
new ids (CPC -> CPC-X0001, ...), with roles that reference some of them, so that loading,
validation and look-ups see thousands of records. Each command is timed on both folders (cache
warm). The first, validating run is timed once on the big folder and once on a folder a quarter
its size: its time per certification should not grow with the data.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import yaml
from startup import COMMANDS, mbc_command  # the same commands, found the same way

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TARGET = 2.0
LINEAR = 1.3  # a first run's time per certification, 100x over 25x data: nothing quadratic


def _load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _dump(folder: Path, name: str, data: dict) -> None:
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False)
    (folder / name).write_text(text, encoding="utf-8")


def make_big_data(folder: Path, factor: int) -> dict[str, int]:
    """Write the synthetic folder; return how many records of each kind it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    certs, bodies, pay = _load("certs.yaml"), _load("bodies.yaml"), _load("pay.yaml")
    roles = _load("roles.yaml")
    body_ids = [b["id"] for b in bodies["bodies"]]
    big_bodies = list(bodies["bodies"])
    big_certs = list(certs["certs"])
    big_occupations = list(pay["occupations"])
    for n in range(1, factor):
        for body in bodies["bodies"]:
            clone = copy.deepcopy(body)
            clone["id"] = f"{body['id']}-x{n:04d}"
            big_bodies.append(clone)
        for cert in certs["certs"]:
            clone = copy.deepcopy(cert)
            clone["id"] = f"{cert['id']}-X{n:04d}"
            clone["body"] = f"{cert['body']}-x{n:04d}" if cert["body"] in body_ids else cert["body"]
            clone["prerequisites"]["credentials"] = []
            big_certs.append(clone)
        for i, occupation in enumerate(pay["occupations"]):
            clone = copy.deepcopy(occupation)
            clone["soc"] = f"{80 + 10 * i + n % 10}-{n:04d}"  # a made-up SOC code, unique
            big_occupations.append(clone)
    big_roles = list(roles["roles"])
    for n in range(1, factor):
        for role in roles["roles"]:
            clone = copy.deepcopy(role)
            clone["id"] = f"{role['id']}-x{n:04d}"
            clone["aliases"] = [f"{a}-x{n:04d}" for a in role["aliases"]]
            clone["certs"] = [f"{c}-X{n:04d}" for c in role["certs"]]
            clone["soc"] = big_occupations[len(pay["occupations"]) * n]["soc"]
            big_roles.append(clone)
    _dump(folder, "certs.yaml", {"certs": big_certs})
    _dump(folder, "bodies.yaml", {"bodies": big_bodies})
    _dump(folder, "pay.yaml", {"occupations": big_occupations})
    _dump(folder, "roles.yaml", {"roles": big_roles})
    for name in ("training.yaml", "match.yaml"):
        shutil.copy(DATA / name, folder / name)
    return {
        "certs": len(big_certs),
        "bodies": len(big_bodies),
        "occupations": len(big_occupations),
        "roles": len(big_roles),
    }


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}: {result.stderr.decode()[-300:]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the synthetic folder here and keep it")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mbc-scale-"))
    big = options.keep or work / "data"
    cache = work / "cache"
    try:
        counts = make_big_data(big, options.factor)
        size = sum(p.stat().st_size for p in big.glob("*.yaml")) / 1e6
        print(
            f"synthetic data: {', '.join(f'{v:,} {k}' for k, v in counts.items())} ({size:.1f} MB)"
        )
        base_env = dict(os.environ, COLUMNS="100", NO_COLOR="1", MBC_CACHE_DIR=str(cache))
        real_env = dict(base_env, MBC_DATA_DIR=str(DATA))
        big_env = dict(base_env, MBC_DATA_DIR=str(big))
        mbc = mbc_command()
        # the first run validates and caches: time it at a quarter of the size as well, to
        # show that its cost per certification does not grow with the data
        quarter = work / "quarter"
        quarter_certs = make_big_data(quarter, max(1, options.factor // 4))["certs"]
        first_quarter = _time([*mbc, "certs", "--json"], dict(base_env, MBC_DATA_DIR=str(quarter)))
        first = _time([*mbc, "certs", "--json"], big_env)
        per_quarter = first_quarter / quarter_certs * 1000
        per_big = first / counts["certs"] * 1000
        growth = per_big / per_quarter
        print(
            f"first run (validates and caches): {first_quarter * 1000:.0f} ms for "
            f"{quarter_certs:,} certifications ({per_quarter:.2f} ms each), {first * 1000:.0f} ms "
            f"for {counts['certs']:,} ({per_big:.2f} ms each): {growth:.2f}x per certification "
            f"(target {LINEAR:.1f}x){'  MISSED' if growth > LINEAR else ''}"
        )
        missed = ["first run"] if growth > LINEAR else []
        for _, args in COMMANDS:  # warm both caches
            _time([*mbc, *args], real_env)
            _time([*mbc, *args], big_env)
        print(f"{'command':<32} {'real data':>10} {'100x data':>10} {'ratio':>6} {'target':>7}")
        for name, args in COMMANDS:
            real, bigger = [], []
            for _ in range(options.runs):
                real.append(_time([*mbc, *args], real_env))
                bigger.append(_time([*mbc, *args], big_env))
            ratio = statistics.median(bigger) / statistics.median(real)
            mark = "" if ratio <= TARGET else "  MISSED"
            if mark:
                missed.append(name)
            print(
                f"{name:<32} {statistics.median(real) * 1000:>8.1f}ms "
                f"{statistics.median(bigger) * 1000:>8.1f}ms {ratio:>5.2f}x {TARGET:>6.1f}x{mark}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if missed and options.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
