"""What day it is: the computer's date, or the one MBC_TODAY gives (YYYY-MM-DD), so that dated
output (a handout's date, which pages count as old) can be made the same on any day."""

from __future__ import annotations

import datetime as dt
import os
import re

from mbcadvisor.errors import MbcError, printable

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> dt.date:
    """Today's date, or MBC_TODAY's when it is set (an empty value counts as unset)."""
    text = os.environ.get("MBC_TODAY", "").strip()
    if not text:
        return dt.date.today()
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        shown = printable(text)
        raise MbcError(
            f"MBC_TODAY must be a date: YYYY-MM-DD (e.g. 2026-11-27), not '{shown}'"
        ) from None
