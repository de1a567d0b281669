"""The `mbc` commands an answer tells the person to run next, carrying what they told us.

Every command built here runs as printed: its values are quoted for the shell, and it names
only options the command has.
"""

from __future__ import annotations

import shlex

from mbcadvisor.models import Schooling

SCHOOLING_FLAGS: dict[Schooling, str] = {
    "diploma": "--diploma",
    "ged": "--ged",
    "none": "--no-diploma",
}
ASK_SCHOOLING = "Do you have a high school diploma or GED?"


def command(
    name: str,
    *arguments: str,
    track: str | None = None,
    age: int | None = None,
    schooling: Schooling | None = None,
    certs: list[str] | None = None,
    experience_years: float | None = None,
    budget_usd: float | None = None,
    state: str | None = None,
) -> str:
    """`mbc NAME ARGUMENTS --option value ...`, options in one fixed order, values quoted."""
    words = ["mbc", *name.split(), *arguments]
    if track is not None:
        words += ["--track", track]
    if age is not None:
        words += ["--age", str(age)]
    if schooling is not None:
        words.append(SCHOOLING_FLAGS[schooling])
    if certs:
        words += ["--certs", ",".join(certs)]
    if experience_years:
        words += ["--experience-years", f"{experience_years:g}"]
    if budget_usd is not None:
        words += ["--budget", f"{budget_usd:g}"]
    if state is not None:
        words += ["--state", state]
    return " ".join(shlex.quote(w) for w in words)
