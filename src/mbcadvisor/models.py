"""Pydantic models of the data files: one strict base, every record with its sources and date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from mbcadvisor.vocab import LEVELS, TRACKS, Delivery, Level, SourceKind, Track

__all__ = ["LEVELS", "TRACKS", "Delivery", "Level", "SourceKind", "Track"]


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]
Usd = Annotated[float, Field(gt=0, le=5_000, description="US dollars (fees and dues)")]
CostUsd = Annotated[float, Field(gt=0, le=200_000, description="US dollars (program costs)")]
Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]


class Strict(BaseModel):
    """Base of every data model: unknown fields are errors and records never change once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Strict):
    """A public page that states some of a record's facts."""

    url: str = Field(pattern=r"^https?://\S+$", description="Address of the page.")
    title: Text = Field(description="Short human title of the page.")
    kind: SourceKind = Field(
        description="official: the credentialing body's, BLS's or O*NET's own page; "
        "secondary: anything else (schools, career sites quoting BLS)."
    )
    as_of: PastDate | None = Field(
        description="Date the page states (its update or copyright date, or the data year it "
        "reports); null when the page states no date."
    )
    backs: Text = Field(description="Which facts of the record this page states.")


class Sourced(Strict):
    """A record whose facts are backed by sources and dated."""

    sources: list[Source] = Field(min_length=1, description="Pages stating this record's facts.")
    as_of: PastDate = Field(
        description="Date the record's facts hold as of: its newest dated source, or, where no "
        "source states a date, the day the pages were checked."
    )
    notes: list[Text] = Field(
        default_factory=list, description="Conflicts between sources, changes over time, caveats."
    )


class Exam(Strict):
    """The certification exam; null means the value is not known from a source."""

    questions: int | None = Field(default=None, ge=1, le=1000, description="Number of questions.")
    minutes: int | None = Field(default=None, ge=1, le=1440, description="Total time in minutes.")
    passing_score: str | None = Field(default=None, description="As the body states it.")
    open_book: bool | None = Field(default=None, description="Whether code books may be used.")
    books: list[Text] = Field(default_factory=list, description="Manuals allowed in the exam.")
    delivery: list[Delivery] = Field(
        default_factory=list, description="online (remote proctored), test_centre, paper."
    )
    note: str | None = Field(default=None, description="What changed when, unknowns.")


class Fees(Strict):
    """What the exam costs."""

    exam_usd: Usd | None = Field(default=None, description="Standard price of one attempt.")
    member_usd: Usd | None = Field(default=None, description="Price for members of the body.")
    non_member_usd: Usd | None = Field(default=None, description="Price for non-members.")
    student_usd: Usd | None = Field(default=None, description="Price for students.")
    includes: str | None = Field(default=None, description="What the fee includes (a retake...).")
    note: str | None = Field(default=None, description="Caveats and unknowns.")


class Membership(Strict):
    """Membership of the issuing body."""

    required: bool | None = Field(default=None, description="Required to sit or hold the exam.")
    annual_fee_usd: Usd | None = Field(default=None, description="Yearly membership fee.")
    note: str | None = Field(default=None, description="Caveats and unknowns.")


class Prerequisites(Strict):
    """What a candidate needs before sitting the exam."""

    experience: str | None = Field(default=None, description="Work experience required.")
    education: str | None = Field(default=None, description="Education required.")
    credentials: list[Id] = Field(default_factory=list, description="Credential ids required.")
    note: str | None = Field(default=None, description="Caveats and unknowns.")


class Renewal(Strict):
    """Keeping the credential current."""

    ceus: int | None = Field(default=None, ge=1, le=200, description="Continuing education units.")
    cycle_years: int | None = Field(default=None, ge=1, le=10, description="Years per cycle.")
    fee_usd: Usd | None = Field(default=None, description="Renewal fee per cycle.")
    note: str | None = Field(default=None, description="Caveats and unknowns.")


class Apprentice(Strict):
    """Apprentice status given to new credential holders without experience."""

    designation: Text = Field(description="The apprentice designation, e.g. CPC-A.")
    removal: Text = Field(description="How the apprentice status is removed.")


class Cert(Sourced):
    """A certification in medical billing, coding, auditing, CDI or practice management."""

    id: Id = Field(description="The body's acronym, e.g. CPC.")
    name: Text = Field(description="Full name of the credential.")
    body: Id = Field(description="Id of the issuing body in bodies.yaml.")
    tracks: list[Track] = Field(min_length=1, description="Career tracks the credential serves.")
    level: Level = Field(description="entry, advanced or specialty.")
    setting: str | None = Field(default=None, description="Where holders work.")
    specialty: str | None = Field(default=None, description="Medical specialty, if any.")
    summary: Text = Field(description="What the credential shows, in one sentence.")
    in_article: bool = Field(default=False, description="Named in the project's source article.")
    exam: Exam = Field(default_factory=Exam, description="The exam.")
    fees: Fees = Field(default_factory=Fees, description="Exam fees.")
    membership: Membership = Field(default_factory=Membership, description="Body membership.")
    prerequisites: Prerequisites = Field(default_factory=Prerequisites, description="Before.")
    renewal: Renewal = Field(default_factory=Renewal, description="Keeping it current.")
    apprentice: Apprentice | None = Field(default=None, description="Apprentice status, if any.")


class Body(Sourced):
    """An organisation that issues credentials."""

    id: Id = Field(description="Short lowercase id, e.g. aapc.")
    acronym: Text = Field(description="How the body is usually written, e.g. AAPC.")
    name: Text = Field(description="Full name.")
    formerly: str | None = Field(default=None, description="Former name, if any.")
    url: str = Field(pattern=r"^https?://\S+$", description="Home page.")


class Remote(Strict):
    """Working from home, and the realistic caveat."""

    summary: Text = Field(description="How common remote work is.")
    caveat: Text = Field(description="What usually comes first.")


class Role(Sourced):
    """A career role: medical biller or medical coder."""

    id: Id = Field(description="Short id used on the command line, e.g. billing.")
    name: Text = Field(description="Human name of the role.")
    aliases: list[Text] = Field(default_factory=list, description="Other names users type.")
    summary: Text = Field(description="One-sentence description.")
    duties: list[Text] = Field(min_length=1, description="What the role does.")
    workplaces: list[Text] = Field(min_length=1, description="Where the role works.")
    skills: list[Text] = Field(min_length=1, description="Skills the role needs.")
    suits: list[Text] = Field(default_factory=list, description="Who the role suits.")
    certs: list[Id] = Field(min_length=1, description="Certification ids of the track.")
    soc: str = Field(pattern=r"^\d{2}-\d{4}$", description="BLS occupation code for pay.")
    remote: Remote = Field(description="Working from home.")
    outlook: Text = Field(description="Job outlook in words.")
    career_path: list[Text] = Field(min_length=1, description="Steps up the career ladder.")


class Wages(Strict):
    """A wage distribution: mean and percentiles."""

    mean: float | None = Field(default=None, gt=0, description="Mean wage.")
    p10: float | None = Field(default=None, gt=0, description="10th percentile.")
    p25: float | None = Field(default=None, gt=0, description="25th percentile.")
    median: float | None = Field(default=None, gt=0, description="50th percentile.")
    p75: float | None = Field(default=None, gt=0, description="75th percentile.")
    p90: float | None = Field(default=None, gt=0, description="90th percentile ('top 10% earn').")

    @model_validator(mode="after")
    def _percentiles_in_order(self) -> Wages:
        known = [v for v in (self.p10, self.p25, self.median, self.p75, self.p90) if v is not None]
        if known != sorted(known):
            raise ValueError("percentiles must increase: p10 <= p25 <= median <= p75 <= p90")
        return self


class PayEstimate(Sourced):
    """One year of BLS OEWS national estimates for an occupation."""

    year: int = Field(ge=1990, le=2100, description="OEWS reference year (May).")
    employment: int | None = Field(default=None, ge=1, description="Number employed.")
    annual: Wages = Field(description="Annual wages, US dollars.")
    hourly: Wages = Field(description="Hourly wages, US dollars.")
    note: str | None = Field(default=None, description="Caveats.")

    @model_validator(mode="after")
    def _annual_above_hourly(self) -> PayEstimate:
        if self.annual.median and self.hourly.median and self.annual.median < self.hourly.median:
            raise ValueError("annual median is below hourly median: are the two swapped?")
        return self


class Outlook(Sourced):
    """A BLS employment projection."""

    period: str = Field(pattern=r"^\d{4}-\d{2,4}$", description="Projection period, e.g. 2024-34.")
    growth_percent: float | None = Field(default=None, ge=-100, le=100, description="Change, %.")
    wording: str | None = Field(default=None, description="BLS's words for the growth rate.")
    employment_start: int | None = Field(default=None, ge=1, description="Employment at start.")
    employment_end: int | None = Field(default=None, ge=1, description="Projected at the end.")
    openings_per_year: int | None = Field(default=None, ge=1, description="Openings each year.")
    covers: str | None = Field(
        default=None,
        description="The wider BLS group the figures are for, when not this SOC alone.",
    )


class Occupation(Strict):
    """A BLS occupation (SOC code) with its pay estimates and outlook."""

    soc: str = Field(pattern=r"^\d{2}-\d{4}$", description="Standard Occupational Classification.")
    title: Text = Field(description="BLS title.")
    estimates: list[PayEstimate] = Field(min_length=1, description="OEWS estimates by year.")
    outlook: list[Outlook] = Field(default_factory=list, description="Projections, newest first.")
    article_check: str | None = Field(default=None, description="The article's figures checked.")


class Requirement(Sourced):
    """An enrollment requirement of a training program."""

    id: Id = Field(description="Short id.")
    kind: Literal["min_age", "diploma_or_ged"] = Field(description="What is checked.")
    label: Text = Field(description="How the requirement reads in a checklist.")
    value: int | None = Field(default=None, description="The figure, e.g. 18 for min_age.")
    exceptions: str | None = Field(default=None, description="Known exceptions, sourced.")
    remedy: Text = Field(description="What to do when it is not met.")


class Program(Sourced):
    """A kind of training program."""

    id: Id = Field(description="Short id.")
    name: Text = Field(description="Kind of program.")
    credential: Text = Field(description="What the graduate earns.")
    min_months: int | None = Field(default=None, ge=1, le=72, description="Shortest length.")
    max_months: int | None = Field(default=None, ge=1, le=72, description="Longest length.")
    cost_min_usd: CostUsd | None = Field(default=None, description="Lowest total cost found.")
    cost_max_usd: CostUsd | None = Field(default=None, description="Highest total cost found.")


class Guidance(Sourced):
    """A sourced piece of advice: a question to ask a school, a red flag, a reality check."""

    id: Id = Field(description="Short id.")
    text: Text = Field(description="The advice, in one or two sentences.")


class Training(Sourced):
    """What training programs require, last and teach."""

    requirements: list[Requirement] = Field(min_length=1, description="To enroll.")
    programs: list[Program] = Field(min_length=1, description="Kinds of program.")
    topics: list[Text] = Field(min_length=1, description="What school covers.")
    builds: list[Text] = Field(default_factory=list, description="What a good school builds.")
    on_the_job: str | None = Field(default=None, description="Learning on the job instead.")
    school_questions: list[Guidance] = Field(default_factory=list, description="Ask a school.")
    red_flags: list[Guidance] = Field(default_factory=list, description="Warning signs.")
    reality_checks: list[Guidance] = Field(
        default_factory=list, description="Where people are misled."
    )


class Question(Sourced):
    """One question of the `mbc match` questionnaire."""

    id: Id = Field(description="Short id, also the key in --answers.")
    text: Text = Field(description="The question as asked.")
    short: Text = Field(description="A few words naming it in the explanation.")
    favours: dict[Id, Annotated[int, Field(ge=1, le=5)]] = Field(
        min_length=1, description="Role id -> weight a 'yes' adds to that role."
    )


class Catalog(Strict):
    """Everything mbc knows, from every data file, cross-checked."""

    roles: list[Role]
    certs: list[Cert]
    bodies: list[Body]
    occupations: list[Occupation]
    training: Training
    questions: list[Question]


class RolesFile(Strict):
    """data/roles.yaml."""

    roles: list[Role] = Field(min_length=1, description="Career roles.")


class CertsFile(Strict):
    """data/certs.yaml."""

    certs: list[Cert] = Field(min_length=1, description="Certifications.")


class BodiesFile(Strict):
    """data/bodies.yaml."""

    bodies: list[Body] = Field(min_length=1, description="Credentialing bodies.")


class PayFile(Strict):
    """data/pay.yaml."""

    occupations: list[Occupation] = Field(min_length=1, description="BLS occupations.")


class TrainingFile(Strict):
    """data/training.yaml."""

    training: Training = Field(description="Training programs and their requirements.")


class MatchFile(Strict):
    """data/match.yaml."""

    questions: list[Question] = Field(min_length=1, description="The match questionnaire.")


FILES: dict[str, type[Strict]] = {
    "roles.yaml": RolesFile,
    "certs.yaml": CertsFile,
    "bodies.yaml": BodiesFile,
    "pay.yaml": PayFile,
    "training.yaml": TrainingFile,
    "match.yaml": MatchFile,
}
