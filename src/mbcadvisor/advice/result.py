"""The base of every answer, and its JSON form (a public interface, pinned by tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from mbcadvisor.models import Record


class Result(Record):
    """Base of every answer: a frozen record (models.record) whose JSON form is public."""

    def payload(self) -> Any:
        """The answer as JSON-ready data: the shape `--json` prints."""
        return to_jsonable(self)


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from dataclasses (records and results), dates and containers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
