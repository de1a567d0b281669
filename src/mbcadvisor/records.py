"""Validated data at run time: plain attribute records rebuilt from JSON, and JSON back out.

The pydantic models in models.py check the data files; once a catalog has passed, mbc answers
from these lightweight records so that a start does not pay for importing and building pydantic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any


class Record:
    """One validated mapping from a data file, read by attribute (`cert.exam.questions`)."""

    __slots__ = ("__dict__",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Record({inner})"


# fields whose value is a real mapping (name -> value), not a record; a test checks the models
MAPPING_FIELDS = frozenset({"favours"})


def _record_hook(fields: dict[str, Any]) -> Record:
    as_of = fields.get("as_of")
    if isinstance(as_of, str):
        fields["as_of"] = dt.date.fromisoformat(as_of)
    return Record(fields)


def loads(text: str) -> Any:
    """Records straight from JSON text (one pass in the C parser), as from_json would build."""
    import json

    data = json.loads(text, object_hook=_record_hook)
    return _restore_mappings(data, "")


def _restore_mappings(value: Any, key: str) -> Any:
    """Turn the records that stand for MAPPING_FIELDS back into dicts."""
    if isinstance(value, Record):
        if key in MAPPING_FIELDS:
            return dict(value.__dict__)
        for name, inner in value.__dict__.items():
            if isinstance(inner, Record | list):
                value.__dict__[name] = _restore_mappings(inner, name)
        return value
    if isinstance(value, list):
        return [_restore_mappings(v, key) for v in value]
    return value


def from_json(value: Any, key: str = "") -> Any:
    """Records from JSON data: mappings become Records, `as_of` strings become dates."""
    if isinstance(value, dict):
        if key in MAPPING_FIELDS:
            return dict(value)
        return Record({k: from_json(v, k) for k, v in value.items()})
    if isinstance(value, list):
        return [from_json(v, key) for v in value]
    if key == "as_of" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from records, dataclasses, pydantic models, dates and containers."""
    if isinstance(value, Record):
        return {k: to_jsonable(v) for k, v in value.__dict__.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    dump = getattr(value, "model_dump", None)
    if dump is not None:  # a pydantic model (tests and the loader may pass one)
        return dump(mode="json")
    return value
