"""Find the data folder and load its catalog: from the cache when the files are unchanged,
else validated afresh (validation.py), so that a start rarely pays for YAML or pydantic."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mbcadvisor.errors import DataError, MbcError
from mbcadvisor.records import Record, from_json, loads

if TYPE_CHECKING:
    from mbcadvisor.models import Catalog

# the data files, in the order they are read (models.FILES has the same names)
CATALOG_KEYS = ("roles", "certs", "bodies", "occupations", "training", "questions")
DATA_FILES = ("roles.yaml", "certs.yaml", "bodies.yaml", "pay.yaml", "training.yaml", "match.yaml")


def packaged_data_dir() -> Path:
    """The data shipped with mbc: inside the installed package, or data/ of a source checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "data"
    if inside.is_dir():
        return inside
    return here.parent.parent / "data"


def resolve_data_dir(data_dir: Path | None = None) -> Path:
    """The folder to read: --data-dir, else $MBC_DATA_DIR, else the packaged data."""
    if data_dir is None:
        env = os.environ.get("MBC_DATA_DIR", "").strip()
        if env:
            data_dir = Path(env)
    if data_dir is None:
        return packaged_data_dir()
    if not data_dir.exists():
        raise MbcError(f"data folder '{data_dir}' does not exist")
    if not data_dir.is_dir():
        raise MbcError(f"data folder '{data_dir}' is not a folder")
    return data_dir


def label(path: Path) -> str:
    """How a file is named in messages: data/<file> for the packaged data, else the path given."""
    if path.parent == packaged_data_dir():
        return f"data/{path.name}"
    return str(path)


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """The validated catalog from the chosen data folder; DataError lists every problem.

    A catalog that validated once is kept in a cache file named after a hash of the data files'
    bytes (and mbc's version), so a changed file can never be served from the cache.
    """
    folder = resolve_data_dir(data_dir)
    cache = _cache_file(folder)
    if cache is not None:
        cached = _read_cache(cache)
        if cached is not None:
            return cached
    from mbcadvisor.validation import check_dir

    catalog, issues = check_dir(folder)
    if catalog is None:
        raise DataError(issues)
    data = catalog.model_dump(mode="json")
    if cache is not None:
        _write_cache(cache, data)
    return cast("Catalog", from_json(data))


def cache_dir() -> Path | None:
    """Where validated catalogs are cached; None when MBC_NO_CACHE is set."""
    if os.environ.get("MBC_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MBC_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "mbcadvisor"


def _cache_file(folder: Path) -> Path | None:
    """The cache file for the current contents of a data folder (None: no caching)."""
    import hashlib

    from mbcadvisor import __version__

    where = cache_dir()
    if where is None:
        return None
    digest = hashlib.sha256(__version__.encode())
    # the rules a catalog was checked by are part of its identity too
    here = Path(__file__).resolve().parent
    for rules in ("models.py", "validation.py", "vocab.py"):
        try:
            digest.update((here / rules).read_bytes())
        except OSError:
            return None
    for name in DATA_FILES:
        try:
            content = (folder / name).read_bytes()
        except OSError:
            return None  # let check_dir report it
        digest.update(f"\0{name}\0{len(content)}\0".encode())
        digest.update(content)
    return where / f"catalog-{digest.hexdigest()[:32]}.json"


def _read_cache(path: Path) -> Catalog | None:
    """The cached catalog, or None when there is none or it cannot be read."""
    try:
        catalog = loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None
    if not isinstance(catalog, Record) or tuple(catalog.__dict__) != CATALOG_KEYS:
        return None
    return cast("Catalog", catalog)


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Store a validated catalog; failing to write a cache is never an error."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        return
