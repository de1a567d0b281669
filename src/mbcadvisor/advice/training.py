"""What to know before choosing a training program: requirements, questions, red flags."""

from __future__ import annotations

from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Guidance, Program, Requirement, record


@record
class TrainingGuide(Result):
    """`mbc training`: programs, requirements, topics, questions, red flags, reality checks."""

    on_the_job: str | None
    requirements: list[Requirement]
    programs: list[Program]
    topics: list[str]
    builds: list[str]
    school_questions: list[Guidance]
    red_flags: list[Guidance]
    reality_checks: list[Guidance]


def training_guide(catalog: Catalog) -> TrainingGuide:
    """Everything the data says about choosing and finishing a training program."""
    t = catalog.training
    return TrainingGuide(
        on_the_job=t.on_the_job,
        requirements=t.requirements,
        programs=t.programs,
        topics=t.topics,
        builds=t.builds,
        school_questions=t.school_questions,
        red_flags=t.red_flags,
        reality_checks=t.reality_checks,
    )
