"""Validated data at run time: plain attribute records rebuilt from JSON, and JSON back out.

The pydantic models in models.py check the data files; once a catalog has passed, mbc answers
from these lightweight records so that a start does not pay for importing and building pydantic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mbcadvisor.models import Body, Cert, Occupation, Question, Role, Training


class Record:
    """One validated mapping from a data file, read by attribute (`cert.exam.questions`)."""

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
    """Records from JSON text: mappings become Records, `as_of` strings become dates, and the
    MAPPING_FIELDS stay dicts. One pass in the C parser builds them."""
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


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from records, dataclasses, pydantic models, dates and containers."""
    if isinstance(value, Record):
        return {k: to_jsonable(v) for k, v in value.__dict__.items()}
    if isinstance(value, CatalogView):
        return value.as_data()
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


# up to this many certifications are read one by one; more are read in one pass
FEW = 8


class CatalogView:
    """The run-time catalog: roles, bodies, pay, training and questions at hand; certifications
    (the bulk of the data) read one by one when an answer needs them."""

    def __init__(
        self,
        small: Any,
        index: list[tuple[str, list[str], str, str]],
        fetch: Callable[[int], Any],
        fetch_all: Callable[[], list[Any]],
    ) -> None:
        self.roles: list[Role] = small.roles
        self.bodies: list[Body] = small.bodies
        self.occupations: list[Occupation] = small.occupations
        self.training: Training = small.training
        self.questions: list[Question] = small.questions
        self._index = index
        self._position = {entry[0]: i for i, entry in enumerate(index)}
        self._fetch = fetch
        self._fetch_all = fetch_all
        self._loaded: dict[int, Cert] = {}
        self._all: list[Cert] | None = None

    @property
    def cert_ids(self) -> list[str]:
        """Every certification id, in data order."""
        return [entry[0] for entry in self._index]

    def cert_ids_where(
        self, track: str | None = None, level: str | None = None, body: str | None = None
    ) -> list[str]:
        """Ids of the certifications with this track, level and body (None: any)."""
        return [
            cert_id
            for cert_id, tracks, cert_level, cert_body in self._index
            if (track is None or track in tracks)
            and (level is None or cert_level == level)
            and (body is None or cert_body == body)
        ]

    def cert(self, cert_id: str) -> Cert:
        """One certification by its exact id (KeyError when there is none)."""
        position = self._position[cert_id]
        if self._all is not None:
            return self._all[position]
        if position not in self._loaded:
            self._loaded[position] = self._fetch(position)
        return self._loaded[position]

    def certs_for(self, cert_ids: list[str]) -> list[Cert]:
        """Several certifications by id: read one by one when few, else all in one pass."""
        if self._all is None and len(cert_ids) <= FEW:
            return [self.cert(i) for i in cert_ids]
        every = self.certs
        return [every[self._position[i]] for i in cert_ids]

    @property
    def certs(self) -> list[Cert]:
        """Every certification, in data order."""
        if self._all is None:
            self._all = self._fetch_all()
        return self._all

    def as_data(self) -> dict[str, Any]:
        """The whole catalog as JSON data, in the shape of the validated model."""
        return {
            "roles": to_jsonable(self.roles),
            "certs": to_jsonable(self.certs),
            "bodies": to_jsonable(self.bodies),
            "occupations": to_jsonable(self.occupations),
            "training": to_jsonable(self.training),
            "questions": to_jsonable(self.questions),
        }


def cert_index(certs: list[dict[str, Any]]) -> list[tuple[str, list[str], str, str]]:
    """What lookups and filters need of each certification without reading it all."""
    return [(c["id"], list(c["tracks"]), c["level"], c["body"]) for c in certs]


def catalog_in_memory(data: dict[str, Any]) -> CatalogView:
    """A catalog view over validated data held in memory (no cache folder)."""
    import json

    certs = loads(json.dumps(data["certs"]))
    small = loads(json.dumps({k: v for k, v in data.items() if k != "certs"}))
    return CatalogView(small, cert_index(data["certs"]), certs.__getitem__, lambda: list(certs))
