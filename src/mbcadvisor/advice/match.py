"""Which track fits a person: parse questionnaire answers and weigh them."""

from __future__ import annotations

from typing import Literal

from mbcadvisor.advice.commands import command
from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError, UnknownNameError, printable
from mbcadvisor.models import Catalog, Guidance, Question, Source, Statistic, record

Answer = Literal["yes", "no", "unsure"]

_WORDS: dict[str, Answer] = {
    "y": "yes",
    "yes": "yes",
    "true": "yes",
    "1": "yes",
    "n": "no",
    "no": "no",
    "false": "no",
    "0": "no",
    "?": "unsure",
    "u": "unsure",
    "unsure": "unsure",
    "skip": "unsure",
    "-": "unsure",
}


def parse_answer(text: str) -> Answer:
    """One answer: y/yes, n/no or ?/unsure/skip (any case)."""
    word = text.strip().casefold()
    if word not in _WORDS:
        raise MbcError(f"answer '{printable(text)}' is not one of yes, no, unsure (y, n, ?)")
    return _WORDS[word]


def parse_answers(text: str, questions: list[Question]) -> dict[str, Answer]:
    """Answers given on the command line, in either of two forms.

    - one letter per question, in order: ``yyn?ny`` (commas and spaces allowed);
    - ``id=answer`` pairs: ``payments=no,medical_records=yes`` (unnamed questions are unsure).
    """
    ids = [q.id for q in questions]
    if "=" in text:
        answers: dict[str, Answer] = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, value = part.partition("=")
            key = key.strip().casefold().replace("-", "_")
            if not sep or not key:
                raise MbcError(f"'{printable(part)}' is not of the form question=answer")
            if key not in ids:
                from difflib import get_close_matches

                raise UnknownNameError("question", key, get_close_matches(key, ids, n=1), ids)
            if key in answers:
                raise MbcError(f"question '{key}' is answered twice")
            answers[key] = parse_answer(value)
        return {i: answers.get(i, "unsure") for i in ids}
    letters = [c for c in text if not c.isspace() and c != ","]
    if len(letters) != len(ids):
        raise MbcError(
            f"give {len(ids)} answers, one per question (y, n or ?), not {len(letters)}; "
            f"or name them: {ids[0]}=yes,..."
        )
    return {i: parse_answer(c) for i, c in zip(ids, letters, strict=True)}


@record
class Reason(Result):
    """One answer and what it pointed to."""

    question: str
    short: str
    answer: Answer
    points: dict[str, int]
    sources: list[Source]


@record
class NearbyRoute(Result):
    """A route next to billing and coding (or up from it), with its national median pay."""

    step: str
    why: str
    soc: str
    occupation: str
    kind: str
    median_annual: Statistic
    sources: list[Source]


Verdict = Literal["track", "both", "not_this_field", "undecided"]
Strength = Literal["strong", "moderate", "slight", "none"]


@record
class Match(Result):
    """`mbc match`: the track that fits, how strongly, and why.

    verdict: track (one track leads), both (the answers favour both tracks equally), not_this_field
    (no 'yes' at all, three or more 'no'), undecided (too few answers to lean either way).
    strength reflects both the lead and how many questions were answered."""

    verdict: Verdict
    track: str | None
    track_name: str | None
    strength: Strength
    answered: int
    asked: int
    scores: dict[str, int]
    field_fit: Literal["good", "mixed", "poor", "unknown"]
    reasons: list[Reason]
    combined: list[Guidance]
    nearby: list[NearbyRoute]
    next_commands: list[str]


def intro(count: int) -> tuple[str, str]:
    """The two lines before the questions."""
    return (
        f"{count} questions about the work you would enjoy: answer y (yes), n (no) or ? (unsure).",
        "Press Enter to skip a question (it counts as unsure). Nothing you answer is saved.",
    )


STRENGTHS: tuple[Strength, ...] = ("none", "slight", "moderate", "strong")


def _strength(lead: int, deciding_answered: int) -> Strength:
    """The lead's strength (3 or more points strong, 2 moderate, 1 slight), no stronger than
    the answers allow: one deciding answer gives at most a slight lean, two a moderate one."""
    by_lead = min(abs(lead), 3)
    allowed = min(deciding_answered, 3)
    return STRENGTHS[min(by_lead, allowed)]


def _nearby(catalog: Catalog) -> list[NearbyRoute]:
    from mbcadvisor.advice.pay import bls_source, national

    routes = []
    for occupation in catalog.occupations:
        if occupation.kind not in ("nearby", "ladder"):
            continue
        row = national(catalog, occupation.soc)
        routes.append(
            NearbyRoute(
                step=occupation.step,
                why=occupation.why,
                soc=occupation.soc,
                occupation=occupation.title,
                kind=occupation.kind,
                median_annual=row.annual_median,
                sources=[*occupation.sources, bls_source(catalog, "national median pay")],
            )
        )
    return routes


def match_track(catalog: Catalog, answers: dict[str, Answer]) -> Match:
    """Weigh the answers: 'yes' adds a question's weights to the roles it favours, 'no' subtracts.

    Questions favouring every role say whether the field suits the person; the others decide
    between the roles.
    """
    role_ids = [r.id for r in catalog.roles]
    scores = dict.fromkeys(role_ids, 0)
    liked = dict.fromkeys(role_ids, 0)  # 'yes' points only: whether each side appeals at all
    field_yes = field_no = deciding_answered = 0
    reasons = []
    for question in catalog.questions:
        answer = answers.get(question.id, "unsure")
        sign = {"yes": 1, "no": -1, "unsure": 0}[answer]
        general = set(question.favours) == set(role_ids)
        points = {role: sign * weight for role, weight in question.favours.items()}
        if general:
            field_yes += answer == "yes"
            field_no += answer == "no"
        else:
            deciding_answered += answer != "unsure"
            for role, value in points.items():
                scores[role] += value
                liked[role] += max(value, 0)
        reasons.append(
            Reason(
                question=question.text,
                short=question.short,
                answer=answer,
                points={} if general else points,
                sources=question.sources,
            )
        )
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], role_ids.index(kv[0])))
    lead = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0)
    answered = sum(a != "unsure" for a in (answers.get(q.id, "unsure") for q in catalog.questions))
    yes = sum(a == "yes" for a in answers.values())
    no = sum(a == "no" for a in answers.values())
    verdict: Verdict
    if yes == 0 and no >= 3:
        verdict = "not_this_field"
    elif lead > 0 and ranked[0][1] > 0:  # a lead by elimination alone is no lean
        verdict = "track"
    elif len(role_ids) > 1 and all(liked[r] > 0 for r in role_ids):
        verdict = "both"
    else:
        verdict = "undecided"
    track = ranked[0][0] if verdict == "track" else None
    track_name = next((r.name for r in catalog.roles if r.id == track), None)
    fit: Literal["good", "mixed", "poor", "unknown"]
    if field_yes and not field_no:
        fit = "good"
    elif field_no and not field_yes:
        fit = "poor"
    elif field_yes or field_no:
        fit = "mixed"
    else:
        fit = "unknown"
    if verdict == "track" and track is not None:
        commands = [command("plan", track=track), command("certs", track=track)]
    elif verdict == "both":
        credential = _combined_credential(catalog)
        commands = [command("certs", credential)] if credential else []
        commands.append(command("compare", *role_ids))
    elif verdict == "not_this_field":
        commands = [command("compare", *role_ids)]
    else:
        commands = [command("compare", *role_ids), command("match")]
    combined = catalog.training.combined if verdict == "both" else []
    return Match(
        verdict=verdict,
        track=track,
        track_name=track_name,
        strength=_strength(lead, deciding_answered) if verdict == "track" else "none",
        answered=answered,
        asked=len(catalog.questions),
        scores=scores,
        field_fit=fit,
        reasons=reasons,
        combined=combined,
        nearby=_nearby(catalog) if verdict == "not_this_field" else [],
        next_commands=commands,
    )


def _combined_credential(catalog: Catalog) -> str | None:
    """The entry credential that covers every role's track (billing and coding in one)."""
    role_ids = {r.id for r in catalog.roles}
    return next(
        (c.id for c in catalog.certs if c.level == "entry" and role_ids <= set(c.tracks)), None
    )
