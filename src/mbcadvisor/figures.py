"""How figures read in every output: money, dates and exam lengths (no imports beyond stdlib)."""

from __future__ import annotations

import datetime as dt


def money(value: float | None, hourly: bool = False) -> str:
    """$44,800 or $21.54; 'n/a' stands for unknown."""
    if value is None:
        return "n/a"
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


def dated(day: dt.date | None) -> str:
    """An ISO date, or 'undated' for a page that states none."""
    return day.isoformat() if day else "undated"


def duration(minutes: int | None) -> str:
    """4 h 00, 45 min, or 'n/a'."""
    if not minutes:
        return "n/a"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if hours else f"{rest} min"
