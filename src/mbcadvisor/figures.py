"""How figures read in every output format: money, ranges, durations and dates (stdlib only)."""

from __future__ import annotations

import datetime as dt
import math

UNKNOWN = "n/a"


def money(value: float | None, hourly: bool = False) -> str:
    """$44,800 a year or $21.54 an hour; 'n/a' stands for unknown."""
    if value is None:
        return UNKNOWN
    if hourly:
        return f"${value:,.2f}"
    return f"${math.floor(value + 0.5):,}"  # half a dollar rounds up, as people round


def money_range(low: float | None, high: float | None = None, hourly: bool = False) -> str:
    """'$499', '$499 to $689', or 'n/a': one figure when both ends are the same or one is
    unknown."""
    if low is None or high is None or money(low, hourly) == money(high, hourly):
        return money(low if low is not None else high, hourly)
    return f"{money(low, hourly)} to {money(high, hourly)}"


def months(low: int | None, high: int | None, open_ended: bool = False) -> str:
    """'24 months', '10 to 24 months', '24 months or more' (open_ended: no upper end), or
    'n/a'."""
    if low is None and high is None:
        return UNKNOWN
    if low is None or high is None or low == high:
        value = low if low is not None else high
        unit = "month" if value == 1 else "months"
        return f"{value} {unit} or more" if open_ended and high is None else f"{value} {unit}"
    return f"{low} to {high} months"


def weeks(low: int | None, high: int | None) -> str:
    """'16 weeks', '16 to 18 weeks', or 'n/a'."""
    if low is None and high is None:
        return UNKNOWN
    if low is None or high is None or low == high:
        value = low if low is not None else high
        return f"{value} week" if value == 1 else f"{value} weeks"
    return f"{low} to {high} weeks"


def length(
    min_months: int | None,
    max_months: int | None,
    min_weeks: int | None = None,
    max_weeks: int | None = None,
) -> str:
    """A program's length, in the unit its sources give: weeks or months."""
    if min_weeks is not None or max_weeks is not None:
        return weeks(min_weeks, max_weeks)
    return months(min_months, max_months)


def duration(minutes: int | None) -> str:
    """An exam's length: '4 h 00', '45 min', or 'n/a'."""
    if not minutes:
        return UNKNOWN
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if hours else f"{rest} min"


def dated(day: str | dt.date | None) -> str:
    """A page's date as it shows it (2025-03-02, 2025-03 or 2025), or 'undated'."""
    if day is None:
        return "undated"
    return day if isinstance(day, str) else day.isoformat()


def statistic(
    value: float | str | None, hourly: bool = False, top: tuple[float, float] | None = None
) -> str:
    """A BLS wage as the student reads it: '$51,140', 'at least $239,200' (BLS's top code, '#'),
    'not released' ('*'), 'not available' ('**'), or 'n/a'."""
    if value == "#":
        amount = top[0 if hourly else 1] if top else None
        return f"at least {money(amount, hourly)}" if amount else "above BLS's top wage"
    if value == "*":
        return "not released"
    if value == "**":
        return "not available"
    return money(value if isinstance(value, int | float) else None, hourly)


def count(value: float | str | None) -> str:
    """A number of people or jobs: '194,720', or what BLS's marker means."""
    if isinstance(value, int | float):
        return f"{value:,.0f}"
    return statistic(value)


def ratio(value: float | str | None) -> str:
    """A ratio BLS gives with decimals (jobs per 1,000, location quotient): '1.10'."""
    if isinstance(value, int | float):
        return f"{value:,.2f}"
    return statistic(value)


def lower_first(name: str) -> str:
    """A name inside a sentence: its first word in lower case, unless it is an acronym (CPC)."""
    first, _, rest = name.partition(" ")
    if first.isupper():
        return name
    return " ".join(w for w in (first.lower(), rest) if w)


def first_sentence(text: str) -> str:
    """A text's first sentence (all of it, if it has one only)."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def years(value: float) -> str:
    """'1 year', '3 years', '2.5 years'."""
    return f"{value:g} year" if value == 1 else f"{value:g} years"
