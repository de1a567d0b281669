"""Make the README's pictures: run each documented command and save what it shows as SVG, and a
handout (`mbc plan ... --export FILE.html`) with a PNG preview of it taken by headless Chromium.
Every run uses the same date (MBC_TODAY), so that the pictures change only when mbc does.

Usage: python scripts/screenshots.py [OUT_DIR]   (default: docs/img; the handout's page goes
in the folder above it, e.g. docs/handout-plan.html)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TODAY = "2026-11-27"
LARGEST = 300 * 1024  # bytes: a picture bigger than this is too slow for the README
SHOTS: dict[str, list[str]] = {
    "compare": ["compare", "billing", "coding"],
    "certs": ["certs", "--track", "billing"],
    "cert": ["certs", "CPC"],
    "eligible": ["eligible", "--age", "17", "--diploma"],
    "pay": ["pay"],
    "plan": ["plan", "--track", "coding", "--age", "17", "--budget", "2000"],
    "match": ["match", "--answers", "yynnyy"],
    "training": ["training"],
    "sources": ["sources", "--stale"],  # only the old pages: every source would be 800 KB
}
HANDOUT = ["plan", "--track", "coding", "--age", "19", "--ged", "--budget", "3000",
           "--name", "Sample student"]  # fmt: skip
WINDOW = "900,1250"  # the preview: the top of the handout, as a browser shows it


def environment() -> dict[str, str]:
    """A 100-column color terminal, no pager, and the fixed date."""
    env = dict(os.environ, COLUMNS="100", FORCE_COLOR="1", TERM="xterm-256color")
    env.update(MBC_TODAY=TODAY, MBC_PAGER="cat")
    env.pop("NO_COLOR", None)
    return env


def mbc(args: list[str], env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mbcadvisor", *args]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def preview(page: Path, png: Path) -> bool:
    """A PNG of the top of the page in headless Chromium; False when it is not installed."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
             "--force-device-scale-factor=1", f"--window-size={WINDOW}",
             f"--screenshot={png}", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
    return True


def main(argv: list[str]) -> int:
    out = (
        Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "img"
    )
    out.mkdir(parents=True, exist_ok=True)
    env = environment()
    for name, args in SHOTS.items():
        target = out / f"{name}.svg"
        mbc([*args, "--export", str(target)], env)
        print(f"wrote {target}")
    page = out.parent / "handout-plan.html"
    mbc([*HANDOUT, "--export", str(page)], env)
    print(f"wrote {page}")
    png = out / "handout-plan.png"
    if preview(page.resolve(), png):
        print(f"wrote {png}")
    else:
        print(f"left {png} as it was: chromium is not installed", file=sys.stderr)
    big = [p for p in sorted(out.iterdir()) if p.is_file() and p.stat().st_size > LARGEST]
    for picture in big:
        print(f"{picture} is {picture.stat().st_size // 1024} KB, over {LARGEST // 1024} KB: "
              "shoot something smaller", file=sys.stderr)  # fmt: skip
    return 1 if big else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
