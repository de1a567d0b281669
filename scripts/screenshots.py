"""Make the README's pictures: run each documented command and save what it shows as SVG.

Usage: python scripts/screenshots.py [OUT_DIR]   (default: docs/img)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SHOTS: dict[str, list[str]] = {
    "compare": ["compare", "billing", "coding"],
    "certs": ["certs", "--track", "billing"],
    "cert": ["certs", "CPC"],
    "eligible": ["eligible", "--age", "17", "--diploma"],
    "pay": ["pay"],
    "plan": ["plan", "--track", "coding", "--age", "17", "--budget", "2000"],
    "match": ["match", "--answers", "yynnyy"],
    "training": ["training"],
    "sources": ["sources", "--stale"],
}


def main(argv: list[str]) -> int:
    out = (
        Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "img"
    )
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, COLUMNS="100", FORCE_COLOR="1", TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    for name, args in SHOTS.items():
        target = out / f"{name}.svg"
        command = [sys.executable, "-m", "mbcadvisor", *args, "--export", str(target)]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
