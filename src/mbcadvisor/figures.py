"""How figures read in every output format: money, ranges, durations and dates (stdlib only)."""

from __future__ import annotations

import datetime as dt

UNKNOWN = "n/a"


def money(value: float | None, hourly: bool = False) -> str:
    """$44,800 a year or $21.54 an hour; 'n/a' stands for unknown."""
    if value is None:
        return UNKNOWN
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


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
