"""Validated data at run time: plain attribute records rebuilt from JSON, and JSON back out.

The pydantic models in models.py check the data files; once a catalog has passed, mbc answers
from these lightweight records so that a start does not pay for importing and building pydantic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

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
    if not any(f'"{name}"' in text for name in MAPPING_FIELDS):
        return data  # nothing to restore: skip the walk
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


class Raw:
    """JSON already written: one value, or a list of values (`many`), as UTF-8 bytes whose lines
    after the first are indented by `indent` spaces more than they would be at depth 0.
    output.json_chunks copies them out as they are, so that a listing of thousands of
    certifications is not rebuilt and encoded again."""

    __slots__ = ("indent", "many", "values")

    def __init__(self, values: list[Bytes], indent: int = 0, many: bool = False) -> None:
        self.values = values
        self.indent = indent
        self.many = many

    def at(self, indent: int) -> list[Bytes]:
        """The JSON, in pieces, placed on a line indented by `indent` spaces (indent 2)."""
        inner = indent + 2 if self.many else indent
        values = self.values
        if inner != self.indent:
            stored, wanted = b"\n" + b" " * self.indent, b"\n" + b" " * inner
            values = [bytes(v).replace(stored, wanted) for v in values]
        if not self.many:
            return values
        pad = b" " * inner
        between = b",\n" + pad
        pieces: list[Bytes] = [b"[\n" + pad]
        for value in values:
            pieces += (value, between)
        pieces[-1] = b"\n" + b" " * indent + b"]"
        return pieces


class ListedCert(Record):
    """A certification in a listing. Its id, tracks, level and body come from the cache's index;
    what a listing shows of the rest (LISTED) is read, for every listed certification at once,
    when one is first used; any other field reads the whole record."""

    __slots__ = ("_certs", "_position", "_read")

    def __init__(self, entry: IndexEntry, certs: CertTexts, position: int) -> None:
        self.__dict__.update(zip(("id", "tracks", "level", "body"), entry, strict=True))
        self._certs = certs
        self._position = position
        self._read = False  # the whole record

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # slots not set yet, dunder look-ups by copy and pickle
            raise AttributeError(name)
        if name in LISTED and "exam" not in self.__dict__:
            values = self._certs.listed_fields(self._position)
            at = 0
            for field, inner in LISTED.items():
                if inner:
                    fields = dict(zip(inner, values[at : at + len(inner)], strict=True))
                    self.__dict__[field] = Part(fields, self, field)
                    at += len(inner)
                else:
                    self.__dict__[field] = values[at]
                    at += 1
            return self.__dict__[name]
        fields = self.whole().__dict__
        if name not in fields:
            raise AttributeError(name)
        return fields[name]

    def whole(self) -> ListedCert:
        """This certification with every field read (the whole record's)."""
        if not self._read:
            fields = self._certs.one(self._position).__dict__
            self.__dict__.clear()
            self.__dict__.update(fields)
            self._read = True
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self.whole().__dict__ == _whole(other).__dict__

    def json(self) -> Bytes:
        """The certification's JSON, as stored in the cache (indented by TEXT_INDENT)."""
        return self._certs.text(self._position)


class Part(Record):
    """Some fields of a mapping inside a ListedCert (its exam, its fees); any other field
    reads the whole record."""

    __slots__ = ("_field", "_owner")

    def __init__(self, fields: dict[str, Any], owner: ListedCert, field: str) -> None:
        self.__dict__ = fields  # a dict made for it: no copy
        self._owner = owner
        self._field = field

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        fields = self.whole().__dict__
        if name not in fields:
            raise AttributeError(name)
        return fields[name]

    def whole(self) -> Record:
        """The whole mapping, from the whole record."""
        whole: Record = getattr(self._owner.whole(), self._field)
        self.__dict__.clear()
        self.__dict__.update(whole.__dict__)
        return whole

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self.whole().__dict__ == _whole(other).__dict__


def _whole(record: Record) -> Record:
    return record.whole() if isinstance(record, ListedCert | Part) else record


# what a listing reads of each certification beyond the index: fields, and fields of mappings
LISTED: dict[str, tuple[str, ...]] = {
    "name": (),
    "in_article": (),
    "exam": ("questions", "minutes", "passing_score", "delivery"),
    "fees": ("exam_usd", "member_usd", "non_member_usd", "student_usd"),
}


def listed_fields(cert: dict[str, Any]) -> list[Any]:
    """What a listing reads of a certification's JSON data, in the order of LISTED."""
    values: list[Any] = []
    for field, inner in LISTED.items():
        if inner:
            values += (cert[field][name] for name in inner)
        else:
            values.append(cert[field])
    return values


# how far the cache indents each certification's JSON text: where listings print it
TEXT_INDENT = 8


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from records, dataclasses, pydantic models, dates and containers. Listed
    certifications become Raw JSON (output.json_chunks writes it out)."""
    if isinstance(value, ListedCert):
        return Raw([value.json()], TEXT_INDENT)
    if value and isinstance(value, list) and all(isinstance(v, ListedCert) for v in value):
        return Raw([v.json() for v in value], TEXT_INDENT, many=True)
    if isinstance(value, Part):
        value = value.whole()
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


class CertSource(Protocol):
    """Where a catalog's certifications come from: memory, or the cache (loader.CachedCerts)."""

    def one(self, position: int) -> Any:
        """The certification at this position, whole."""

    def every(self) -> list[Any]:
        """Every certification, whole, in data order."""

    def listed(self, position: int, entry: IndexEntry) -> Any:
        """The certification at this position for a listing (ListedCert, or the whole record)."""


Bytes = bytes | memoryview


class CertTexts(Protocol):
    """What a ListedCert reads from (the cache)."""

    def one(self, position: int) -> Any:
        """The certification at this position, whole."""

    def listed_fields(self, position: int) -> list[Any]:
        """What a listing reads of the certification at this position (see listed_fields)."""

    def text(self, position: int) -> Bytes:
        """The certification's JSON as UTF-8, indent 2, lines after the first indented by
        TEXT_INDENT more."""


class MemoryCerts:
    """Certifications validated in this run and held whole."""

    def __init__(self, certs: list[Any]) -> None:
        self._certs = certs

    def one(self, position: int) -> Any:
        return self._certs[position]

    def every(self) -> list[Any]:
        return list(self._certs)

    def listed(self, position: int, entry: IndexEntry) -> Any:
        return self._certs[position]


# up to this many certifications are read one by one; more are read in one pass
FEW = 8

IndexEntry = tuple[str, list[str], str, str]


class CatalogView:
    """The run-time catalog. Each part (roles, bodies, pay, training, questions) is read when an
    answer first needs it, and certifications (the bulk of the data) one by one."""

    def __init__(
        self,
        section: Callable[[str], Any],
        index: list[IndexEntry],
        certs: CertSource,
        acronyms: dict[str, str],
    ) -> None:
        self._section = section
        self._index = index
        self._position = {entry[0]: i for i, entry in enumerate(index)}
        self._certs = certs
        self._loaded: dict[int, Cert] = {}
        self._all: list[Cert] | None = None
        self.acronyms = acronyms  # body id -> acronym, for listings

    @cached_property
    def roles(self) -> list[Role]:
        return self._section("roles")  # type: ignore[no-any-return]

    @cached_property
    def bodies(self) -> list[Body]:
        return self._section("bodies")  # type: ignore[no-any-return]

    @cached_property
    def occupations(self) -> list[Occupation]:
        return self._section("occupations")  # type: ignore[no-any-return]

    @cached_property
    def training(self) -> Training:
        return self._section("training")  # type: ignore[no-any-return]

    @cached_property
    def questions(self) -> list[Question]:
        return self._section("questions")  # type: ignore[no-any-return]

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
            self._loaded[position] = self._certs.one(position)
        return self._loaded[position]

    def certs_for(self, cert_ids: list[str]) -> list[Cert]:
        """Several certifications by id: read one by one when few, else all in one pass."""
        if self._all is None and len(cert_ids) <= FEW:
            return [self.cert(i) for i in cert_ids]
        every = self.certs
        return [every[self._position[i]] for i in cert_ids]

    def listed(self, cert_ids: list[str]) -> list[Cert]:
        """Certifications by id for a listing: what LISTED names at hand, the rest read on use."""
        if self._all is not None:
            return [self._all[self._position[i]] for i in cert_ids]
        index, source = self._index, self._certs
        return [source.listed(p, index[p]) for p in (self._position[i] for i in cert_ids)]

    @property
    def certs(self) -> list[Cert]:
        """Every certification, in data order."""
        if self._all is None:
            self._all = self._certs.every()
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


def cert_index(certs: list[dict[str, Any]]) -> list[IndexEntry]:
    """What lookups and filters need of each certification without reading it all."""
    return [(c["id"], list(c["tracks"]), c["level"], c["body"]) for c in certs]


def catalog_in_memory(data: dict[str, Any]) -> CatalogView:
    """A catalog view over validated data held in memory (no cache folder)."""
    import json

    def section(name: str) -> Any:
        return loads(json.dumps(data[name]))

    acronyms = {b["id"]: b["acronym"] for b in data["bodies"]}
    return CatalogView(section, cert_index(data["certs"]), MemoryCerts(section("certs")), acronyms)
