"""Which track fits a person: parse questionnaire answers and weigh them."""

from __future__ import annotations

from typing import Literal

from mbcadvisor.advice.result import Result
from mbcadvisor.errors import MbcError, UnknownNameError, printable
from mbcadvisor.models import Catalog, Question, Source, record

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
class Match(Result):
    """`mbc match`: the track that fits, how strongly, and why."""

    track: str | None
    track_name: str | None
    strength: Literal["strong", "moderate", "slight", "none"]
    scores: dict[str, int]
    field_fit: Literal["good", "mixed", "poor", "unknown"]
    reasons: list[Reason]
    next_command: str


def match_track(catalog: Catalog, answers: dict[str, Answer]) -> Match:
    """Weigh the answers: 'yes' adds a question's weights to the roles it favours, 'no' subtracts.

    Questions favouring every role say whether the field suits the person; the others decide
    between the roles.
    """
    role_ids = [r.id for r in catalog.roles]
    scores = dict.fromkeys(role_ids, 0)
    field_yes = field_no = 0
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
            for role, value in points.items():
                scores[role] += value
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
    strength: Literal["strong", "moderate", "slight", "none"] = (
        "strong" if lead >= 3 else "moderate" if lead == 2 else "slight" if lead == 1 else "none"
    )
    track = ranked[0][0] if lead > 0 else None
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
    command = f"mbc plan --track {track}" if track else "mbc compare billing coding"
    return Match(
        track=track,
        track_name=track_name,
        strength=strength,
        scores=scores,
        field_fit=fit,
        reasons=reasons,
        next_command=command,
    )
