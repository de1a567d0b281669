"""Load the validated catalog: from the cache when neither the data files nor the code that
checks them changed, else validated afresh (validation.py) and cached (cache.py).

What the cache gives back is built from the same dataclasses (models.py) that validation
produces: one record type, whichever way a catalog was loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from mbcadvisor import cache, models
from mbcadvisor.datafiles import read_folder, resolve_data_dir
from mbcadvisor.errors import DataError, DataIssue
from mbcadvisor.models import FORBIDDEN, Catalog

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


def _content_hash(contents: dict[str, bytes | DataIssue]) -> str:
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
    """The catalog as compact UTF-8 JSON."""
    return json.dumps(_plain(catalog), ensure_ascii=False, separators=(",", ":")).encode()


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


def _rebuilt(data: dict[str, Any]) -> Any:
    kind = data.pop(TYPE, None)
    if kind is None:
        return data  # a plain mapping (a question's weights)
    if kind == "date":
        return dt.date.fromisoformat(data["iso"])
    return RECORDS[kind](**data)


# JSON's escapes of control characters (\\n, \\u001b ...), and of the backslash itself
_ESCAPE = re.compile(rb"\\(?:\\|[bfnrt]|u00[01][0-9a-fA-F]|u007[fF])")


def decode(body: bytes) -> Catalog:
    """A catalog from what encode() wrote: the same record classes, field by field. A body
    holding a character no validated text may hold (models.FORBIDDEN) was not written by
    encode() from validated data: it is refused, so that it never reaches a terminal."""
    text = body.decode("utf-8")
    escaped = any(found[0] != b"\\\\" for found in _ESCAPE.finditer(body))
    if escaped or FORBIDDEN.search(text):
        raise ValueError("control characters in a cached catalog")
    catalog = json.loads(text, object_hook=_rebuilt)
    if not isinstance(catalog, Catalog):
        raise ValueError("not a cached catalog")
    return catalog
