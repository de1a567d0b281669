"""Load the validated catalog: from the cache when neither the data files nor the code that
checks them changed, else validated afresh (validation.py) and cached (cache.py).

What the cache gives back is built from the same dataclasses (models.py) that validation
produces: one record type, whichever way a catalog was loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mbcadvisor import cache, models
from mbcadvisor.datafiles import (
    UnreadableFile,
    label,
    read_data_file,
    read_folder,
    resolve_data_dir,
    table_file,
)
from mbcadvisor.errors import DataError, DataIssue
from mbcadvisor.models import ESTIMATE_COLUMNS, Catalog, Estimate, Table

# the code whose change must invalidate a cached catalog: what reads, checks and stores it
CODE = ("models.py", "validation.py", "datafiles.py", "loader.py")


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """The validated catalog of a data folder (--data-dir, $MBC_DATA_DIR or the packaged data);
    DataError lists every problem of a folder that does not validate."""
    folder = resolve_data_dir(data_dir)
    contents = read_folder(folder)
    name = None
    if not any(isinstance(raw, DataIssue) for raw in contents.values()):
        name = f"catalog-{_content_hash(contents)}.cache"
        body = cache.read(name)
        if body is not None:
            try:
                return decode(body)
            except (ValueError, TypeError, KeyError):  # stored by a build that differs
                pass
    from mbcadvisor.validation import check

    catalog, issues = check(folder, contents)
    if catalog is None:
        raise DataError(issues)
    if name is not None:
        cache.write(name, encode(catalog))
    return catalog


def load_table(name: str, catalog: Catalog, data_dir: Path | None = None) -> Table:
    """An OEWS table (states, areas or industries) of a data folder, read only by the answers
    that show it (see load_tables)."""
    return load_tables((name,), catalog, data_dir)[name]


def load_tables(
    names: Iterable[str], catalog: Catalog, data_dir: Path | None = None
) -> dict[str, Table]:
    """OEWS tables (states, areas, industries) of a data folder, each from the cache when
    unchanged, else validated afresh (against the catalog's occupations) and cached. Each file
    is read once, however many tables need it (the states table needs the areas' names for its
    postal codes)."""
    folder = resolve_data_dir(data_dir)
    wanted = list(names)
    needed = {*wanted, *(["areas"] if "states" in wanted else [])}
    try:
        raw = {n: read_data_file(folder / table_file(n)) for n in needed}
    except UnreadableFile as exc:
        raise DataError([exc.issue]) from None
    socs = sorted(o.soc for o in catalog.occupations)
    digests = {n: cache.blake2b(content).hexdigest() for n, content in raw.items()}
    tables = {}
    for name in wanted:
        files = (name, "areas") if name == "states" else (name,)
        parts = {"table": name, "socs": " ".join(socs), **{f: digests[f] for f in files}}
        entry = f"{name}-{_content_hash({k: v.encode() for k, v in parts.items()})}.cache"
        cached = cache.read(entry)
        if cached is not None:
            try:
                tables[name] = decode_table(cached)
                continue
            except (ValueError, TypeError, KeyError):  # stored by a build that differs
                pass
        tables[name] = _validated_table(folder, name, raw, set(socs))
        cache.write(entry, encode_table(tables[name]))
    return tables


def _validated_table(folder: Path, name: str, raw: dict[str, bytes], socs: set[str]) -> Table:
    from mbcadvisor.validation import check_table

    rows, issues = check_table(name, label(folder / table_file(name)), raw[name], socs)
    if rows is None:
        raise DataError(issues)
    postal: dict[str, str] = {}
    if name == "states":  # each state's postal code, as the areas' names show it
        where = label(folder / table_file("areas"))
        areas, issues = check_table("areas", where, raw["areas"], socs)
        if areas is None:
            raise DataError(issues)
        postal = postal_codes(areas)
    return Table(name, _by_soc(rows), postal)


def postal_codes(areas: list[Estimate]) -> dict[str, str]:
    """Each state's postal code (TX), by its BLS state code (48), as BLS's own area names show
    it: "Austin-Round Rock-San Marcos, TX". A state whose areas share more than one code (a
    metro area across state lines) takes the code its areas name first."""
    named: dict[str, list[list[str]]] = {}
    for row in areas:
        found = re.search(r", ([A-Z]{2}(?:-[A-Z]{2})*)$", row.area_name)
        if found:
            named.setdefault(row.state, []).append(found[1].split("-"))
    postal = {}
    for state, lists in named.items():
        common = set(lists[0]).intersection(*lists[1:])
        order = [code for codes in lists for code in codes if code in common]
        if order:
            postal[state] = max(dict.fromkeys(order), key=order.count)
    return postal


def _by_soc(rows: list[Estimate]) -> dict[str, list[list[Any]]]:
    grouped: dict[str, list[list[Any]]] = {}
    for row in rows:
        grouped.setdefault(row.soc, []).append([getattr(row, c) for c in ESTIMATE_COLUMNS])
    return grouped


def encode_table(table: Table) -> bytes:
    """A table as compact UTF-8 JSON. Each occupation's rows (lists in ESTIMATE_COLUMNS order)
    are stored as a JSON text of their own, parsed only when that occupation is asked for:
    the areas table is a megabyte, and an answer needs a tenth of it."""
    rows = {soc: _compact(values) for soc, values in table.stored.items()}
    places = [[code, name, state] for code, (name, state) in table.places().items()]
    data = {"name": table.name, "places": places, "postal": table.postal, "rows": rows}
    return _compact(data).encode()


def _compact(value: Any) -> str:
    """Compact JSON in ASCII: every other character written as an escape (\\u2013), so that
    _checked() finds any character no validated text may hold by looking at escapes only."""
    return json.dumps(value, separators=(",", ":"))


def decode_table(body: bytes) -> Table:
    """A table from what encode_table() wrote. Its text is checked for control characters
    piece by piece, as it is read: the places now, each occupation's rows when asked for."""
    data = json.loads(body)
    places = {code: (name, state) for code, name, state in data["places"]}
    _checked(_compact([data["name"], data["places"], data["postal"]]).encode())

    def rows(text: str) -> list[list[Any]]:
        stored: list[list[Any]] = json.loads(_checked(text.encode()))
        return stored

    return Table(data["name"], {}, data["postal"], places=places, texts=data["rows"], parse=rows)


def _content_hash(contents: Mapping[str, bytes | DataIssue]) -> str:
    """A hash of the data files' bytes and of the code that checks and stores them."""
    from mbcadvisor import __version__

    digest = cache.blake2b(__version__.encode())
    here = Path(__file__).parent
    for name, raw in [(n, (here / n).read_bytes()) for n in CODE] + list(contents.items()):
        assert isinstance(raw, bytes)
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return str(digest.hexdigest())


# --- the catalog as JSON, and back ---------------------------------------------------------------

# Each record is stored as a JSON object naming its class ("@": "Cert"), and each date as
# {"@": "date", "iso": ...}, so that one pass of the JSON parser rebuilds them all.
TYPE = "@"
RECORDS: dict[str, type[models.Record]] = {
    name: value
    for name, value in vars(models).items()
    if isinstance(value, type) and issubclass(value, models.Record) and value is not models.Record
}


def encode(catalog: Catalog) -> bytes:
    """The catalog as compact ASCII JSON."""
    return _compact(_plain(catalog)).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, models.Record):
        fields = {name: _plain(getattr(value, name)) for name, _, _ in value.__record_fields__}
        return {TYPE: type(value).__name__, **fields}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return {TYPE: "date", "iso": value.isoformat()}
    return value


_new = object.__new__


def _rebuilt(data: dict[str, Any]) -> Any:
    """A record from its JSON object. Its fields are set as they were stored (every field was
    stored, from a record that passed validation), without the checks of Record.__init__."""
    kind = data.pop(TYPE, None)
    if kind is None:
        return data  # a plain mapping (a question's weights)
    if kind == "date":
        return dt.date.fromisoformat(data["iso"])
    record = _new(RECORDS[kind])
    record.__dict__.update(data)
    return record


def _checked(body: bytes) -> str:
    """A cached body as text, refused when it holds a character no validated text may hold
    (models.FORBIDDEN). What _compact() writes is ASCII, with such characters as escapes."""
    if not body.isascii() or any(found[0] != b"\\\\" for found in _ESCAPE.finditer(body)):
        raise ValueError("control characters in cached data")
    return body.decode("ascii")


# JSON's escapes of the characters of models.FORBIDDEN (\\n, \\u001b, \\u202e ...), and of
# the backslash itself (a pair of backslashes is text, not an escape)
_ESCAPE = re.compile(
    rb"\\(?:\\|[bfnrt]|u00[01][0-9a-fA-F]|u00[7][fF]|u00[89][0-9a-fA-F]"
    rb"|u061[cC]|u200[eEfF]|u202[89a-eA-E]|u206[6-9])"
)


def decode(body: bytes) -> Catalog:
    """A catalog from what encode() wrote: the same record classes, field by field. A body
    holding a character no validated text may hold (models.FORBIDDEN) was not written by
    encode() from validated data: it is refused, so that it never reaches a terminal."""
    catalog = json.loads(_checked(body), object_hook=_rebuilt)
    if not isinstance(catalog, Catalog):
        raise ValueError("not a cached catalog")
    return catalog
