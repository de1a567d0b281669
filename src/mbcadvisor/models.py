"""The data's schema: frozen dataclasses that pydantic validates and mbc answers from.

One record type: validation (validation.py) hands pydantic these very classes, and what the
cache gives back is built from them too, so a record's static type is what it is at run time.
Importing this module costs no pydantic: each rule pydantic enforces is an annotation (a
`Rule` or `Past` marker) that is read only when a file is validated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

# --- closed vocabularies -------------------------------------------------------------------------

Track = Literal["billing", "coding", "auditing", "cdi", "management"]
TRACKS: tuple[Track, ...] = ("billing", "coding", "auditing", "cdi", "management")
Level = Literal["entry", "advanced", "specialty"]
LEVELS: tuple[Level, ...] = ("entry", "advanced", "specialty")
Delivery = Literal["online", "test_center", "paper"]
SourceKind = Literal["official", "secondary", "article"]


# Characters no data text may hold: they could move the cursor, recolor or rewrite a terminal
# line, forge a line of plain output, or reorder text on screen. Control characters (C0, DEL,
# C1: ESC, tab and newline among them), the Unicode line and paragraph separators, and the
# bidirectional marks and overrides.
FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


# --- records ------------------------------------------------------------------------------------

R = TypeVar("R", bound="type[Record]")


class Record:
    """Base of every record and answer: built by keyword, frozen once built, compared field by
    field. These methods are written once here rather than generated for each class, as
    @dataclass would (an exec() per method and class, 17 ms of every start)."""

    __record_fields__: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()

    def __init__(self, **values: Any) -> None:
        for name, default, factory in self.__record_fields__:
            if name in values:
                value = values.pop(name)
            elif default is not dataclasses.MISSING:
                value = default
            elif factory is not dataclasses.MISSING:
                value = factory()
            else:
                raise TypeError(f"{type(self).__name__}: missing field '{name}'")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: unknown field '{next(iter(values))}'")
        check: Callable[[], None] | None = getattr(self, "__post_init__", None)
        if check is not None:
            check()

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name, _, _ in self.__record_fields__
        )

    __hash__ = None  # type: ignore[assignment]  # records hold lists

    def __repr__(self) -> str:
        fields = (f"{name}={getattr(self, name)!r}" for name, _, _ in self.__record_fields__)
        return f"{type(self).__name__}({', '.join(fields)})"


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: R) -> R:
    """Make a Record subclass a dataclass (its fields known to pydantic, mypy and
    dataclasses.fields) whose methods are Record's."""
    made = dataclass(init=False, repr=False, eq=False, match_args=False)(cls)  # the same class
    fields = vars(made)["__dataclass_fields__"].values()
    cls.__record_fields__ = tuple((f.name, f.default, f.default_factory) for f in fields)
    return cls


# --- rules, as annotations pydantic reads --------------------------------------------------------


class Rule:
    """Constraints on a value (`ge`, `le`, `gt`, `min_length`, `max_length`, `pattern`), set on
    the schema pydantic builds for it, so that they also appear in `mbc data schema`."""

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.constraints)
        return schema


class Past:
    """A date that is not after today (a page cannot be dated in the future)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_not_in_future, handler(source))


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


class PageDateRule:
    """A date as precise as a page shows it: "2025-03-02", "2025-03" or "2025"; real and not
    in the future."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_page_date, handler(source))


def _page_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError("a page's date is YYYY-MM-DD, YYYY-MM or YYYY, as precise as it shows")
    parts = [int(p) for p in value.split("-")]
    try:
        first = dt.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except ValueError as exc:
        raise ValueError(f"{value} is not a date: {exc}") from None
    _not_in_future(first)
    return value


def page_date_end(value: str) -> dt.date:
    """The last day a page date can mean ("2023" -> 2023-12-31): how old a page is, at least."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


PastDate = Annotated[dt.date, Past()]
PageDate = Annotated[str, PageDateRule()]
Usd = Annotated[float, Rule(gt=0, le=5_000)]  # fees and dues
CostUsd = Annotated[float, Rule(gt=0, le=200_000)]  # program costs
Money = Annotated[float, Rule(gt=0)]
Text = Annotated[str, Rule(min_length=1)]
Id = Annotated[str, Rule(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
Url = Annotated[str, Rule(pattern=r"^https?://\S+$")]
Soc = Annotated[str, Rule(pattern=r"^\d{2}-\d{4}$")]

# Unknown fields are errors. (Each field's docstring is its description in `mbc data schema`,
# read by validation.field_docs: pydantic's own reading of them costs half a second.)
CONFIG = {"extra": "forbid", "allow_inf_nan": False}


# --- sources ------------------------------------------------------------------------------------


@record
class Source(Record):
    """A public page (or the source article) that states some of a record's facts."""

    __pydantic_config__ = CONFIG

    url: Url | None = None
    """Address of the page; null only for the source article, whose address is not known."""
    title: Text
    """Short human title of the page."""
    kind: SourceKind
    """official: the owner's own page (the credentialing body's, BLS's, O*NET's, a school's own
    policy); secondary: any other page (schools, career sites quoting BLS); article: the
    project's source article."""
    published: PageDate | None
    """The date the page itself shows (an update, post or copyright date), as precise as it
    shows it: YYYY-MM-DD, YYYY-MM or YYYY; null when the page shows none."""
    read_on: PastDate
    """The day the page was read for this record."""
    backs: Text
    """Which facts of the record this page states."""

    def __post_init__(self) -> None:
        if self.url is None and self.kind != "article":
            raise ValueError("a source needs its url (only the source article has none)")


@record
class Sourced(Record):
    """A record whose facts are backed by sources."""

    __pydantic_config__ = CONFIG

    sources: Annotated[list[Source], Rule(min_length=1)]
    """Pages stating this record's facts."""
    notes: list[Text] = field(default_factory=list)
    """What a student should know: caveats and changes over time, in plain words."""
    curation: list[Text] = field(default_factory=list)
    """For maintainers: conflicts between sources, what was searched and not found. Shown only
    with --json and `mbc certs ID --sources`."""


# --- certifications and bodies ------------------------------------------------------------------


@record
class Exam(Record):
    """The certification exam; null means the value is not known from a source."""

    __pydantic_config__ = CONFIG

    questions: Annotated[int, Rule(ge=1, le=1000)] | None = None
    """Number of questions."""
    minutes: Annotated[int, Rule(ge=1, le=1440)] | None = None
    """Total time in minutes."""
    passing_score: Text | None = None
    """As the body states it."""
    open_book: bool | None = None
    """Whether code books may be used."""
    books: list[Text] = field(default_factory=list)
    """Manuals allowed in the exam."""
    delivery: list[Delivery] = field(default_factory=list)
    """online (remote proctored), test_center, paper."""
    note: Text | None = None
    """What changed when, unknowns."""


@record
class Fees(Record):
    """What the exam costs."""

    __pydantic_config__ = CONFIG

    exam_usd: Usd | None = None
    """Standard price of one attempt."""
    member_usd: Usd | None = None
    """Price for members of the body."""
    non_member_usd: Usd | None = None
    """Price for non-members."""
    student_usd: Usd | None = None
    """Price for students."""
    includes: Text | None = None
    """What the fee includes (a retake...)."""
    note: Text | None = None
    """Caveats and unknowns."""


@record
class Membership(Record):
    """Membership of the issuing body."""

    __pydantic_config__ = CONFIG

    required: bool | None = None
    """Required to sit or hold the exam."""
    annual_fee_usd: Usd | None = None
    """Yearly membership fee."""
    note: Text | None = None
    """Caveats and unknowns."""


@record
class Prerequisites(Record):
    """What a candidate needs before sitting the exam."""

    __pydantic_config__ = CONFIG

    experience: Text | None = None
    """Work experience required."""
    education: Text | None = None
    """Education required."""
    credentials: list[Id] = field(default_factory=list)
    """Credential ids required."""
    note: Text | None = None
    """Caveats and unknowns."""


@record
class Renewal(Record):
    """Keeping the credential current."""

    __pydantic_config__ = CONFIG

    ceus: Annotated[int, Rule(ge=1, le=200)] | None = None
    """Continuing education units."""
    cycle_years: Annotated[int, Rule(ge=1, le=10)] | None = None
    """Years per cycle."""
    fee_usd: Usd | None = None
    """Renewal fee per cycle."""
    note: Text | None = None
    """Caveats and unknowns."""


@record
class Apprentice(Record):
    """Apprentice status given to new credential holders without experience."""

    __pydantic_config__ = CONFIG

    designation: Text
    """The apprentice designation, e.g. CPC-A."""
    removal: Text
    """How the apprentice status is removed."""


@record
class Cert(Sourced):
    """A certification in medical billing, coding, auditing, CDI or practice management."""

    id: Id
    """The body's acronym, e.g. CPC."""
    name: Text
    """Full name of the credential."""
    body: Id
    """Id of the issuing body in bodies.yaml."""
    tracks: Annotated[list[Track], Rule(min_length=1)]
    """Career tracks the credential serves."""
    level: Level
    """entry, advanced or specialty."""
    setting: Text | None = None
    """Where holders work."""
    specialty: Text | None = None
    """Medical specialty, if any."""
    summary: Text
    """What the credential shows, in one sentence."""
    in_article: bool = False
    """Named in the project's source article."""
    exam: Exam = field(default_factory=Exam)
    """The exam."""
    fees: Fees = field(default_factory=Fees)
    """Exam fees."""
    membership: Membership = field(default_factory=Membership)
    """Body membership."""
    prerequisites: Prerequisites = field(default_factory=Prerequisites)
    """Before the exam."""
    renewal: Renewal = field(default_factory=Renewal)
    """Keeping it current."""
    apprentice: Apprentice | None = None
    """Apprentice status, if any."""


@record
class Body(Sourced):
    """An organization that issues credentials."""

    id: Id
    """Short lowercase id, e.g. aapc."""
    acronym: Text
    """How the body is usually written, e.g. AAPC."""
    name: Text
    """Full name."""
    formerly: Text | None = None
    """Former name, if any."""
    url: Url | None = None
    """Home page, where a page showing it was found."""


# --- roles --------------------------------------------------------------------------------------


@record
class Remote(Record):
    """Working from home, and the realistic caveat."""

    __pydantic_config__ = CONFIG

    summary: Text
    """How common remote work is."""
    caveat: Text
    """What usually comes first."""


@record
class CareerStep(Record):
    """A step up a role's career ladder, and the BLS occupation whose pay stands for it."""

    __pydantic_config__ = CONFIG

    step: Text
    """The step, in a student's words."""
    soc: Soc | None = None
    """Its occupation in occupations.yaml, where one stands for it."""


@record
class Role(Sourced):
    """A career role: medical biller or medical coder."""

    id: Id
    """Short id used on the command line, e.g. billing."""
    name: Text
    """Human name of the role."""
    aliases: list[Text] = field(default_factory=list)
    """Other names users type."""
    summary: Text
    """One-sentence description."""
    duties: Annotated[list[Text], Rule(min_length=1)]
    """What the role does."""
    workplaces: Annotated[list[Text], Rule(min_length=1)]
    """Where the role works."""
    skills: Annotated[list[Text], Rule(min_length=1)]
    """Skills the role needs."""
    suits: list[Text] = field(default_factory=list)
    """Who the role suits."""
    certs: Annotated[list[Id], Rule(min_length=1)]
    """Certification ids of the track."""
    soc: Soc
    """BLS occupation code for pay."""
    remote: Remote
    """Working from home."""
    outlook: Text
    """Job outlook in words."""
    career_path: Annotated[list[CareerStep], Rule(min_length=1)]
    """Steps up the career ladder."""


# --- occupations, pay and outlook ---------------------------------------------------------------

OccupationKind = Literal["role", "ladder", "nearby", "first_job"]
Statistic = float | Literal["#", "*", "**"] | None
"""A BLS figure: a number, or BLS's marker: '#' a wage at or above the top code, '*' an
estimate not released, '**' an employment estimate not available; None where BLS publishes no
such figure (jobs per 1,000 and location quotient exist only for states and areas)."""


@record
class Projection(Sourced):
    """A BLS employment projection (Employment Projections program)."""

    period: Annotated[str, Rule(pattern=r"^\d{4}-\d{2,4}$")]
    """Projection period, e.g. 2024-34."""
    growth_percent: Annotated[float, Rule(ge=-100, le=100)] | None = None
    """Change over the period, in percent."""
    wording: Text | None = None
    """BLS's words for the growth rate ("faster than average")."""
    employment_start: Annotated[int, Rule(ge=1)] | None = None
    """Employment at the start of the period."""
    employment_end: Annotated[int, Rule(ge=1)] | None = None
    """Projected employment at its end."""
    openings_per_year: Annotated[int, Rule(ge=1)] | None = None
    """Openings each year, on average."""
    covers: Text | None = None
    """What the figures cover, when not this occupation alone (a wider group)."""


@record
class ArticleFigures(Sourced):
    """What the source article said a role earns, and what those figures were."""

    said: Text
    """The article's words, in short."""
    year: Annotated[int, Rule(ge=1990, le=2100)]
    """The year the article gives."""
    average: Money | None = None
    """The article's "average"."""
    top_10_percent: Money | None = None
    """The article's "top 10 percent"."""
    were: Text
    """What the figures are (a BLS statistic of a release), or that no BLS table shows them."""


@record
class Occupation(Sourced):
    """A BLS occupation (SOC code) that stands for a role, a step up, a nearby route or a first
    job; its pay comes from the OEWS tables (data/oews/)."""

    soc: Soc
    """Standard Occupational Classification code."""
    title: Text
    """BLS's title."""
    kind: OccupationKind
    """role: where the role is counted; ladder: a step up; nearby: a route next to the role;
    first_job: a job people start in."""
    roles: Annotated[list[Id], Rule(min_length=1)]
    """The roles it relates to."""
    step: Text
    """What it stands for, in a student's words (e.g. Manage a medical office)."""
    why: Text
    """How it follows from billing or coding work, in one or two plain sentences."""
    covers: Text | None = None
    """A caveat on what BLS counts here (e.g. every industry, not only health care)."""
    outlook: list[Projection] = field(default_factory=list)
    """Projections, one per period."""
    article: ArticleFigures | None = None
    """The source article's pay figures for the role, checked."""


@record
class SurveyFigure(Sourced):
    """One figure of a salary survey: what a group of members said they earn."""

    survey_year: Annotated[int, Rule(ge=1990, le=2100)]
    """The year the survey was run."""
    group: Text
    """Who the figure is for, e.g. CPC holders."""
    credential: Id | None = None
    """The credential the group holds, when the figure is for one."""
    statistic: Literal["average", "median"]
    """Which statistic the survey gives."""
    usd: Money
    """A year's pay, US dollars."""


@record
class SurveyFile(Record):
    """data/salary_survey.yaml: a credentialing body's survey of its members' pay."""

    __pydantic_config__ = CONFIG

    publisher: Text
    """Who ran the survey."""
    label: Text
    """How every figure of it is labelled."""
    figures: Annotated[list[SurveyFigure], Rule(min_length=1)]
    """Its figures."""


@record
class OccupationsFile(Record):
    """data/occupations.yaml."""

    __pydantic_config__ = CONFIG

    occupations: Annotated[list[Occupation], Rule(min_length=1)]
    """The occupations whose pay mbc shows."""


@record
class ReleaseFile(Record):
    """One BLS file an OEWS release was read from."""

    __pydantic_config__ = CONFIG

    name: Text
    """The file's name, e.g. oe.data.0.Current."""
    url: Url
    """Where BLS publishes it."""
    bytes: Annotated[int, Rule(ge=1)]
    """Its size."""
    sha256: Annotated[str, Rule(pattern=r"^[0-9a-f]{64}$")]
    """Its SHA-256, as read."""
    last_modified: PastDate | None = None
    """The date BLS's server gave for it."""


@record
class Release(Record):
    """data/oews/release.yaml: which OEWS release the tables hold, and where it was read."""

    __pydantic_config__ = CONFIG

    release: Text
    """The reference period, e.g. May 2025."""
    code: Text
    """BLS's code for it, e.g. 2025A01."""
    published: PastDate
    """The day BLS published it."""
    read_on: PastDate
    """The day it was read for mbc."""
    read_through: Text
    """How it was read: BLS's flat files, or a named snapshot of them."""
    files: Annotated[list[ReleaseFile], Rule(min_length=1)]
    """The BLS files it was read from."""
    footnotes: dict[Text, Text]
    """BLS's footnotes by code."""
    notice: Text
    """BLS's notice on data retrieved from it."""


@record
class Estimate(Record):
    """One row of an OEWS table: an occupation's estimates in an area and industry."""

    __pydantic_config__ = CONFIG

    soc: Soc
    """The occupation."""
    area_type: Literal["N", "S", "M"]
    """N national, S a state or territory, M a metropolitan or nonmetropolitan area."""
    area: Annotated[str, Rule(pattern=r"^\d{7}$")]
    """BLS's area code."""
    area_name: Text
    """The area's name, e.g. Austin-Round Rock-San Marcos, TX."""
    state: Annotated[str, Rule(pattern=r"^\d{2}$")]
    """BLS's state code (00 for national)."""
    industry: Annotated[str, Rule(pattern=r"^[0-9A-Z-]{6}$")]
    """BLS's industry code (000000: all industries)."""
    industry_name: Text
    """The industry's name."""
    industry_level: Annotated[int, Rule(ge=0, le=9)]
    """BLS's display level of the industry (0 all industries, 2 sectors ... 5 the finest)."""
    employment: Statistic
    """People employed."""
    employment_rse: Statistic
    """Relative standard error of the employment estimate, percent."""
    jobs_per_1000: Statistic
    """Jobs in the occupation per 1,000 jobs in the area."""
    location_quotient: Statistic
    """The occupation's share of the area's jobs over its share of the nation's."""
    hourly_mean: Statistic
    """Mean hourly wage."""
    annual_mean: Statistic
    """Mean annual wage."""
    wage_rse: Statistic
    """Relative standard error of the mean wage, percent."""
    hourly_p10: Statistic
    """10th percentile hourly wage."""
    hourly_p25: Statistic
    """25th percentile hourly wage."""
    hourly_median: Statistic
    """Median hourly wage."""
    hourly_p75: Statistic
    """75th percentile hourly wage."""
    hourly_p90: Statistic
    """90th percentile hourly wage."""
    annual_p10: Statistic
    """10th percentile annual wage."""
    annual_p25: Statistic
    """25th percentile annual wage."""
    annual_median: Statistic
    """Median annual wage."""
    annual_p75: Statistic
    """75th percentile annual wage."""
    annual_p90: Statistic
    """90th percentile annual wage ('top 10% earn' at least this)."""
    footnotes: str
    """BLS footnote codes on the row's figures: 'column:code' pairs, space-separated."""

    def __post_init__(self) -> None:
        for unit in ("hourly", "annual"):
            known = [
                value
                for value in (getattr(self, f"{unit}_{p}") for p in PERCENTILES)
                if isinstance(value, float | int)
            ]
            if known != sorted(known):
                raise ValueError(f"{unit} percentiles must increase: p10 <= p25 <= ... <= p90")


PERCENTILES = ("p10", "p25", "median", "p75", "p90")
# the columns of every OEWS table, in order (data/oews/*.csv)
ESTIMATE_COLUMNS = (
    "soc",
    "area_type",
    "area",
    "area_name",
    "state",
    "industry",
    "industry_name",
    "industry_level",
    "employment",
    "employment_rse",
    "jobs_per_1000",
    "location_quotient",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "footnotes",
)


# --- training and the questionnaire ---------------------------------------------------------------


Schooling = Literal["diploma", "ged", "none"]
SCHOOLING: tuple[Schooling, ...] = ("diploma", "ged", "none")
Age = Annotated[int, Rule(ge=0, le=120)]


@record
class Remedy(Record):
    """One thing to do about an unmet requirement, and the people it fits (by age and
    schooling); backed by its requirement's sources."""

    __pydantic_config__ = CONFIG

    text: Text
    """What to do, in one or two sentences."""
    min_age: Age | None = None
    """The youngest it fits."""
    max_age: Age | None = None
    """The oldest it fits."""
    schooling: list[Schooling] = field(default_factory=list)
    """The schooling it fits: diploma, ged, none (empty: any)."""

    def fits(self, age: int, schooling: Schooling | None) -> bool:
        """Whether this line is for a person of this age and schooling (None: not said, so a
        line for one schooling only does not fit)."""
        if self.min_age is not None and age < self.min_age:
            return False
        if self.max_age is not None and age > self.max_age:
            return False
        return not self.schooling or schooling in self.schooling


@record
class Requirement(Sourced):
    """An enrollment requirement of a training program."""

    id: Id
    """Short id."""
    kind: Literal["min_age", "diploma_or_ged"]
    """What is checked."""
    label: Text
    """How the requirement reads in a checklist."""
    value: int | None = None
    """The figure, e.g. 18 for min_age."""
    remedies: Annotated[list[Remedy], Rule(min_length=1)]
    """What to do when it is not met, line by line for the people each fits."""


Route = Literal["school", "course"]
Included = Literal["books", "exam", "membership", "externship"]


@record
class Cost(Sourced):
    """One cost found for a program: what it is, for which tracks, and what it includes."""

    what: Text
    """Which school or course, and for whom, in plain words."""
    tracks: Annotated[list[Track], Rule(min_length=1)]
    """The tracks it trains for."""
    low_usd: CostUsd
    """The figure, or the low end of a range."""
    high_usd: CostUsd | None = None
    """The high end of a range."""
    includes: list[Included] = field(default_factory=list)
    """What the price includes beyond teaching: books, exam, membership, externship."""


@record
class Program(Sourced):
    """A kind of training program or exam-prep course."""

    id: Id
    """Short id."""
    name: Text
    """Kind of program."""
    credential: Text
    """What the graduate earns."""
    route: Route
    """school: a certificate or degree program; course: an exam-prep course."""
    tracks: Annotated[list[Track], Rule(min_length=1)]
    """The tracks it trains for."""
    min_months: Annotated[int, Rule(ge=1, le=72)] | None = None
    """Shortest length, in months."""
    max_months: Annotated[int, Rule(ge=1, le=72)] | None = None
    """Longest length, in months."""
    min_weeks: Annotated[int, Rule(ge=1, le=312)] | None = None
    """Shortest length, in weeks, where the sources give weeks."""
    max_weeks: Annotated[int, Rule(ge=1, le=312)] | None = None
    """Longest length, in weeks."""
    costs: list[Cost] = field(default_factory=list)
    """Costs found, each sourced."""

    def __post_init__(self) -> None:
        if (self.min_months or self.max_months) and (self.min_weeks or self.max_weeks):
            raise ValueError("give the length in months or in weeks, not both")

    def months(self) -> tuple[int | None, int | None]:
        """The length in months (weeks rounded to the nearest month, at least one)."""
        if self.min_weeks or self.max_weeks:
            return _weeks_to_months(self.min_weeks), _weeks_to_months(self.max_weeks)
        return self.min_months, self.max_months


def _weeks_to_months(weeks: int | None) -> int | None:
    return None if weeks is None else max(1, round(weeks * 7 / 30.44))


@record
class Guidance(Sourced):
    """A sourced piece of advice: a question to ask a school, a red flag, a reality check."""

    id: Id
    """Short id."""
    title: Text | None = None
    """A few words naming it, e.g. a job title."""
    tracks: list[Track] = field(default_factory=list)
    """The tracks it is for (empty: every track)."""
    text: Text
    """The advice, in one or two sentences."""


@record
class Training(Sourced):
    """What training programs require, last and teach."""

    requirements: Annotated[list[Requirement], Rule(min_length=1)]
    """What it takes to enroll."""
    programs: Annotated[list[Program], Rule(min_length=1)]
    """Kinds of program."""
    topics: Annotated[list[Text], Rule(min_length=1)]
    """What school covers."""
    builds: list[Text] = field(default_factory=list)
    """What a good school builds."""
    on_the_job: Text | None = None
    """Learning on the job instead."""
    school_questions: list[Guidance] = field(default_factory=list)
    """Questions to ask a school."""
    red_flags: list[Guidance] = field(default_factory=list)
    """Warning signs."""
    reality_checks: list[Guidance] = field(default_factory=list)
    """Where people are misled."""
    paying: list[Guidance] = field(default_factory=list)
    """Ways to pay for training: federal aid, WIOA, employers, and what to watch for."""
    checking_a_school: list[Guidance] = field(default_factory=list)
    """Where to check a program's accreditation or approval, and what to ask."""
    first_job: list[Guidance] = field(default_factory=list)
    """Entry titles, the words of job ads, where to look, what 'experience required' means."""
    self_study: list[Guidance] = field(default_factory=list)
    """Taking an exam without a program: who may, how long courses take, the trade-offs."""
    combined: list[Guidance] = field(default_factory=list)
    """Training for billing and coding together, and the credential that covers both."""
    ged: list[Guidance] = field(default_factory=list)
    """The GED: who may take it, and what it costs."""


@record
class Question(Sourced):
    """One question of the `mbc match` questionnaire."""

    id: Id
    """Short id, also the key in --answers."""
    text: Text
    """The question as asked."""
    short: Text
    """A few words naming it in the explanation."""
    favours: Annotated[dict[Id, Annotated[int, Rule(ge=1, le=5)]], Rule(min_length=1)]
    """Role id -> weight a 'yes' adds to that role."""


@record
class Term(Sourced):
    """A word the output uses, explained for a first-time reader (`mbc explain`)."""

    id: Id
    """Short lowercase id, as typed after `mbc explain`, e.g. cpt."""
    term: Text
    """The term as it is written, e.g. CPT."""
    stands_for: Text | None = None
    """What an abbreviation stands for."""
    aliases: list[Text] = field(default_factory=list)
    """Other spellings a user may type."""
    definition: Text
    """One to three plain sentences."""
    example: Text | None = None
    """An example a student would meet."""
    see_also: list[Id] = field(default_factory=list)
    """Ids of related terms."""


# --- files and the catalog ----------------------------------------------------------------------


@record
class RolesFile(Record):
    """data/roles.yaml."""

    __pydantic_config__ = CONFIG

    roles: Annotated[list[Role], Rule(min_length=1)]
    """Career roles."""


@record
class CertsFile(Record):
    """data/certs.yaml."""

    __pydantic_config__ = CONFIG

    certs: Annotated[list[Cert], Rule(min_length=1)]
    """Certifications."""


@record
class BodiesFile(Record):
    """data/bodies.yaml."""

    __pydantic_config__ = CONFIG

    bodies: Annotated[list[Body], Rule(min_length=1)]
    """Credentialing bodies."""


@record
class TrainingFile(Record):
    """data/training.yaml."""

    __pydantic_config__ = CONFIG

    training: Training
    """Training programs and their requirements."""


@record
class MatchFile(Record):
    """data/match.yaml."""

    __pydantic_config__ = CONFIG

    questions: Annotated[list[Question], Rule(min_length=1)]
    """The match questionnaire."""


@record
class GlossaryFile(Record):
    """data/glossary.yaml."""

    __pydantic_config__ = CONFIG

    terms: Annotated[list[Term], Rule(min_length=1)]
    """The terms `mbc explain` knows."""


# each data file and the model of its contents, in the order they are read
FILES: dict[str, type] = {
    "roles.yaml": RolesFile,
    "certs.yaml": CertsFile,
    "bodies.yaml": BodiesFile,
    "occupations.yaml": OccupationsFile,
    "oews/release.yaml": Release,
    "training.yaml": TrainingFile,
    "match.yaml": MatchFile,
    "glossary.yaml": GlossaryFile,
    "salary_survey.yaml": SurveyFile,
}


@record
class Catalog(Record):
    """Everything mbc knows, from every data file, cross-checked."""

    __pydantic_config__ = CONFIG

    roles: list[Role]
    certs: list[Cert]
    bodies: list[Body]
    occupations: list[Occupation]
    release: Release
    national: list[Estimate]
    training: Training
    questions: list[Question]
    glossary: list[Term]
    survey: SurveyFile


class Table:
    """One OEWS table at run time: its rows by occupation, built into Estimates when first
    asked for (a table holds thousands of rows; an answer needs one occupation's), the areas it
    covers, and, for the states table, each state's postal code by its BLS code. Rows come as
    lists (`rows`), or as JSON texts that `parse` reads on demand (a cached table)."""

    def __init__(
        self,
        name: str,
        rows: dict[str, list[list[Any]]],
        postal: dict[str, str],
        places: dict[str, tuple[str, str]] | None = None,
        texts: dict[str, str] | None = None,
        parse: Callable[[str], list[list[Any]]] | None = None,
    ) -> None:
        self.name = name
        self.postal = postal
        self._stored = rows
        self._texts = texts or {}
        self._parse = parse
        self._places = places
        self._built: dict[str, list[Estimate]] = {}

    @property
    def socs(self) -> list[str]:
        """The occupations the table has rows for."""
        return sorted({*self._stored, *self._texts})

    @property
    def stored(self) -> dict[str, list[list[Any]]]:
        """Every occupation's rows as lists (parsing what is not parsed yet)."""
        return {soc: self._lists(soc) for soc in self.socs}

    def _lists(self, soc: str) -> list[list[Any]]:
        if soc not in self._stored and soc in self._texts and self._parse is not None:
            self._stored[soc] = self._parse(self._texts[soc])
        return self._stored.get(soc, [])

    def places(self) -> dict[str, tuple[str, str]]:
        """Every area of the table, whatever the occupation: code -> (name, BLS state code)."""
        if self._places is None:
            area, name, state = (ESTIMATE_COLUMNS.index(c) for c in ("area", "area_name", "state"))
            self._places = {
                r[area]: (r[name], r[state]) for soc in self.socs for r in self._lists(soc)
            }
        return self._places

    def row(self, soc: str, column: str, value: str) -> Estimate | None:
        """The occupation's first row whose column (area, state) has this value: only that row
        is built."""
        at = ESTIMATE_COLUMNS.index(column)
        found = next((r for r in self._lists(soc) if r[at] == value), None)
        return (
            None if found is None else Estimate(**dict(zip(ESTIMATE_COLUMNS, found, strict=True)))
        )

    def rows(self, soc: str) -> list[Estimate]:
        """The occupation's rows, in table order."""
        if soc not in self._built:
            self._built[soc] = [
                Estimate(**dict(zip(ESTIMATE_COLUMNS, r, strict=True))) for r in self._lists(soc)
            ]
        return self._built[soc]
