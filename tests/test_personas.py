"""Personas: what every personal command must and must not say to each person, on the packaged
data, and that every command an answer hands over to runs as printed.

Each row is one person and one command; `must` phrases appear in the answer (plain text, words
joined across line breaks), `must_not` phrases never do.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field

import pytest
from typer.testing import CliRunner

from mbcadvisor.cli import app

runner = CliRunner()


@dataclass(frozen=True)
class Persona:
    name: str
    args: tuple[str, ...]
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    json: dict[str, object] = field(default_factory=dict)


def _words(text: str) -> str:
    return " ".join(text.split())


PARENT = "parent's consent"
PERSONAS = [
    # --- 16, nothing said -------------------------------------------------------------------
    Persona(
        "16 with nothing: eligible",
        ("eligible", "--age", "16"),
        must=(
            "Not yet: you are 16; you will be 18 in 2 years.",  # either way: no "it depends"
            "With a diploma or GED",
            "Without a diploma or GED",
            "You can enroll at 18, in 2 years.",
            "At 16 or 17 you need a parent's consent",
            "add --diploma, --ged or --no-diploma",
            "Next: mbc start --age 16",
        ),
        must_not=("you can enroll now", "At your age you can take it without anyone's"),
        json={"eligible": None},
    ),
    Persona(
        "16 with nothing: plan",
        ("plan", "--track", "coding", "--age", "16"),
        must=(
            "[?] High school diploma or GED",
            "You did not say whether you have one",
            "With a diploma or GED: Some schools admit younger students",
            "Without one: Ask your high school",
        ),
        must_not=("without anyone's permission",),
    ),
    # --- 17 with a diploma --------------------------------------------------------------------
    Persona(
        "17 with a diploma: eligible",
        ("eligible", "--age", "17", "--diploma"),
        must=(
            "Not yet: you are 17; you will be 18 in 1 year.",
            "Some schools admit younger students who already have a diploma or GED",
            "[✓] High school diploma or GED: you have a high school diploma",
        ),
        must_not=("finish high school", "Earn a GED", "early-college", PARENT),
        json={"eligible": False},
    ),
    Persona(
        "17 with a diploma: plan",
        ("plan", "--track", "coding", "--age", "17", "--diploma"),
        must=(
            "1. [✓] High school diploma or GED",
            "You turn 18 in 1 year.",
            "in about 16 months at the earliest",
        ),
        must_not=("finish high school", "Earn a GED", "You did not say"),
    ),
    # --- 19, not saying ------------------------------------------------------------------------
    Persona(
        "19 not saying: eligible",
        ("eligible", "--age", "19"),
        must=(
            "With one: you can enroll now. Without one: not yet.",
            "[?] High school diploma or GED: you did not say",
        ),
        must_not=("Not eligible", PARENT),
        json={"eligible": None},
    ),
    Persona(
        "19 not saying: start",
        ("start", "--age", "19", "--answers", "??????"),
        must=(
            "Enroll: it depends on whether you have a diploma or GED.",
            "Not given",
            "Do you have a high school diploma or GED? Add --diploma, --ged or",
            "No lean either way yet (from 0 of 6 answers)",
            "Track: not decided yet.",
        ),
        must_not=("Your first credential",),
    ),
    # --- 19 with a GED -------------------------------------------------------------------------
    Persona(
        "19 with a GED: eligible",
        ("eligible", "--age", "19", "--ged"),
        must=("Yes: you can enroll in a training program now.", "Next: mbc start --age 19 --ged"),
        must_not=("Earn a GED", PARENT, "finish high school"),
        json={"eligible": True},
    ),
    # --- 30 with no diploma ---------------------------------------------------------------------
    Persona(
        "30 with no diploma: eligible",
        ("eligible", "--age", "30", "--no-diploma"),
        must=(
            "Not yet: you do not have a diploma or GED yet.",
            "Earn a GED",
            "At your age you can take it without anyone's permission",
            "AAPC says you do not need proof of education",
        ),
        must_not=(PARENT, "finish high school", "You can enroll at 18"),
        json={"eligible": False},
    ),
    Persona(
        "30 with no diploma: plan",
        ("plan", "--track", "coding", "--age", "30", "--no-diploma"),
        must=(
            "1. [ ] High school diploma or GED",
            "after your GED for a program or course",
            "the GED test (each state sets its price)",
        ),
        must_not=(PARENT, "You did not say"),
    ),
    # --- 45, changing careers, with CPC and 3 years ---------------------------------------------
    Persona(
        "45 with CPC and 3 years: plan",
        ("plan", "--track", "coding", "--age", "45", "--certs", "CPC", "--experience-years", "3"),
        must=(
            "Your next steps as a medical coder",
            "1. [✓] Your credential: CPC",
            "Earn your next credential",
            "CRC (Certified Risk Adjustment Coder, AAPC): $499",
            "your 3 years of experience can remove it",
            "Specialty credentials:",
            "Manage a medical office (BLS median",
        ),
        must_not=(
            "0 months",
            "$0 to $0",
            "Earn your first certification",
            "GED",
            "RHIT",
        ),
        json={"stage": "credentialed", "earliest_credential_months": None},
    ),
    Persona(
        "45 with CPC: start",
        ("start", "--age", "45", "--track", "coding", "--diploma"),
        must=("Track: coding (your choice).", "You chose coding."),
    ),
    # --- billing on a $500 budget ---------------------------------------------------------------
    Persona(
        "billing on $500: plan",
        ("plan", "--track", "billing", "--age", "30", "--diploma", "--budget", "500"),
        must=(
            "Earn your first certification: CPB",
            "the CPB exam fee (not in the data)",
            "Maybe within it",
            "Over it: a school program",
            "Built from: AAPC membership: $190 a year (required)",
        ),
        must_not=(
            "CPC course",
            "MedCode Logix",
            "Chronicles",
            "coding certificate",
            "exam-prep course",
        ),
    ),
    # --- coding on $3,000 in Texas --------------------------------------------------------------
    Persona(
        "coding on $3,000 in Texas: start",
        (
            "start",
            "--age",
            "24",
            "--diploma",
            "--track",
            "coding",
            "--budget",
            "3000",
            "--state",
            "TX",
        ),
        must=(
            "Pay: medical coders earn a median $48,860 a year in Texas.",
            "Your budget: $3,000. Maybe within it (at the low end, or before costs not in "
            "the data): a school program, an exam-prep course, self-study.",
            "Next: mbc plan --track coding --age 24 --diploma --budget 3000",
            "mbc pay coding --state TX",
        ),
    ),
    Persona(
        "coding on $3,000: plan",
        ("plan", "--track", "coding", "--age", "24", "--diploma", "--budget", "3000"),
        must=(
            "Way 1 of 3: a school program",
            "Way 2 of 3: an exam-prep course",
            "Way 3 of 3: study on your own",
            "Built from: CPC exam: $499 (two attempts)",
            "Built from: a private online CPC course (MedCode Logix): $3,895 (includes books, "
            "membership, exam)",
            "Cost: $689 (self-study) to $3,895 (an exam-prep course)",
        ),
        must_not=("Advanced College", "Medical Billing/Medical Office Assistant"),
    ),
    # --- questionnaire: all yes, all no, all unsure ----------------------------------------------
    Persona(
        "all yes: match",
        ("match", "--answers", "yyyyyy"),
        must=("Both sides fit you (from 6 of 6 answers)", "NHA's CBCS", "Next: mbc certs CBCS"),
        must_not=("no clear preference", "fits you best"),
        json={"verdict": "both", "track": None},
    ),
    Persona(
        "17 with a diploma, all yes: start",
        ("start", "--age", "17", "--diploma", "--answers", "yyyyyy"),
        must=(
            "Track: both fit you; most programs teach billing and coding together.",
            "mbc plan --track billing --age 17 --diploma",
            "mbc plan --track coding --age 17 --diploma",
            "mbc certs CBCS",
        ),
        must_not=("finish high school", "Track: not decided"),
    ),
    Persona(
        "15 with nothing: eligible",
        ("eligible", "--age", "15"),
        must=(
            "Not yet: you are 15; you will be 18 in 3 years.",
            "For the next steps that fit you, add --diploma, --ged or --no-diploma.",
        ),
        must_not=("It depends", "you can enroll now"),
        json={"eligible": None},
    ),
    Persona(
        "15 with nothing, all no: start",
        ("start", "--age", "15", "--answers", "nnnnnn"),
        must=(
            "Enroll: not yet (you are 15; you will be 18 in 3 years).",
            "With a diploma or GED",
            "Without a diploma or GED",
            "Nearby routes, with their national median pay:",
            "Claims processor at an insurance company: median $49,230 a year",
        ),
        must_not=("Enroll: it depends",),
    ),
    Persona(
        "50 with CPB and 1 year: plan",
        ("plan", "--track", "billing", "--age", "50", "--certs", "CPB", "--experience-years", "1"),
        must=(
            "Your next steps as a medical biller (age 50, holds CPB, 1 year of experience)",
            "You have 1 year of experience.",
            "Earn your next credential",
        ),
        must_not=("1 years", "Earn your first certification", "[ ] High school diploma"),
    ),
    Persona(
        "all no: match",
        ("match", "--answers", "nnnnnn"),
        must=(
            "Billing and coding may not suit you",
            "Nearby routes, with their national median",
            "Claims processor at an insurance company",
            "$49,230 a year",
        ),
        must_not=("fits you best",),
        json={"verdict": "not_this_field"},
    ),
    Persona(
        "all unsure: match",
        ("match", "--answers", "??????"),
        must=(
            "No lean either way yet (from 0 of 6 answers)",
            "You did not say whether the field itself suits you",
        ),
        must_not=("strong", "fits you best"),
        json={"verdict": "undecided", "strength": "none", "answered": 0},
    ),
    Persona(
        "two answers: match",
        ("match", "--answers", "????yy"),
        must=("Medical coder fits you best: a moderate lean, from 2 of 6 answers.",),
        must_not=("strong",),
        json={"strength": "moderate", "answered": 2},
    ),
]


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input="")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_persona(persona: Persona) -> None:
    code, out, err = _run(*persona.args)
    assert code == 0, err
    text = _words(out.split("\nSources\n")[0])  # the answer, not the titles of its sources
    for phrase in persona.must:
        assert _words(phrase) in text, phrase
    for phrase in persona.must_not:
        assert phrase.casefold() not in text.casefold(), phrase
    if persona.json:
        code, out, err = _run(*persona.args, "--json")
        data = json.loads(out)
        for key, value in persona.json.items():
            assert data[key] == value, key


def _next_commands(text: str) -> list[str]:
    """Every `mbc ...` command an answer tells the person to run."""
    found = re.findall(r"(?:Next: |• |`)(mbc [^`\n;]+?)(?:`|;|$)", text, re.M)
    return sorted({c.strip().rstrip(".") for c in found})


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_every_command_handed_over_runs_as_printed(persona: Persona) -> None:
    """Run each command as printed, with no terminal: it answers, or (where it would ask in a
    terminal) says exactly which option to add."""
    _, out, _ = _run(*persona.args)
    commands = _next_commands(out)
    assert commands, "an answer always says what to run next"
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "mbc"
        code, _, err = _run(*words[1:])
        assert code == 0 or (code == 2 and re.search(r"add --(age|answers)\b", err)), (command, err)


def test_match_hands_over_to_a_plan_that_asks_for_the_age() -> None:
    """`mbc match` knows no age: the plan it names asks for it (here, with no terminal, it says
    exactly which option to add)."""
    code, _, err = _run("plan", "--track", "coding")
    assert code == 2 and "add --age, e.g. `mbc plan --track coding --age 30`" in err
