"""What to know before choosing a training program: requirements, questions, red flags."""

from __future__ import annotations

from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Guidance, Program, Requirement, record


@record
class TrainingGuide(Result):
    """`mbc training`: programs, requirements, topics, questions to ask, red flags, reality
    checks, paying for training, checking a school, studying on your own, billing and coding
    together, the first job and the GED."""

    on_the_job: str | None
    requirements: list[Requirement]
    programs: list[Program]
    topics: list[str]
    builds: list[str]
    school_questions: list[Guidance]
    red_flags: list[Guidance]
    reality_checks: list[Guidance]
    paying: list[Guidance]
    checking_a_school: list[Guidance]
    self_study: list[Guidance]
    combined: list[Guidance]
    first_job: list[Guidance]
    ged: list[Guidance]


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
        paying=t.paying,
        checking_a_school=t.checking_a_school,
        self_study=t.self_study,
        combined=t.combined,
        first_job=t.first_job,
        ged=t.ged,
    )
