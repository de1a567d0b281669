"""Find the data folder and load its catalog: from the cache when the files are unchanged,
else validated afresh (validation.py), so that a start rarely pays for YAML or pydantic."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mbcadvisor.errors import DataError, MbcError
from mbcadvisor.records import CatalogView, Record, catalog_in_memory, cert_index, loads

# the data files, in the order they are read (models.FILES has the same names)
CACHE_KEYS = (
    "roles",
    "bodies",
    "occupations",
    "training",
    "questions",
    "cert_index",
    "cert_offsets",
)
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


def load_catalog(data_dir: Path | None = None) -> CatalogView:
    """The validated catalog from the chosen data folder; DataError lists every problem.

    A catalog that validated once is kept in a cache folder named after a hash of the data files'
    bytes (and of the rules that checked them), so a changed file is never served from the cache.
    """
    folder = resolve_data_dir(data_dir)
    cache = _cache_folder(folder)
    if cache is not None:
        cached = _read_cache(cache)
        if cached is not None:
            return cached
    from mbcadvisor.validation import check_dir

    catalog, issues = check_dir(folder)
    if catalog is None:
        raise DataError(issues)
    data = catalog.model_dump(mode="json")
    if cache is not None and _write_cache(cache, data):
        cached = _read_cache(cache)
        if cached is not None:
            return cached
    return catalog_in_memory(data)


def cache_dir() -> Path | None:
    """Where validated catalogs are cached; None when MBC_NO_CACHE is set."""
    if os.environ.get("MBC_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MBC_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "mbcadvisor"


def _cache_folder(folder: Path) -> Path | None:
    """The cache file for the current contents of a data folder (None: no caching)."""
    try:  # CPython's built-in BLAKE2: no OpenSSL to load at start-up
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b

    from mbcadvisor import __version__

    where = cache_dir()
    if where is None:
        return None
    digest = blake2b(__version__.encode(), digest_size=16)
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
    return where / f"catalog-{digest.hexdigest()}"


def _read_cache(folder: Path) -> CatalogView | None:
    """The cached catalog, or None when there is none or it cannot be read."""
    certs_file = folder / "certs.jsonl"
    try:
        small = loads((folder / "small.json").read_text(encoding="utf-8"))
        index = [tuple(entry) for entry in small.cert_index]
        offsets = small.cert_offsets
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    if not isinstance(small, Record) or tuple(small.__dict__) != CACHE_KEYS:
        return None

    def fetch(position: int) -> Any:
        start, end = offsets[position], offsets[position + 1]
        with certs_file.open("rb") as handle:
            handle.seek(start)
            return loads(handle.read(end - start).decode("utf-8"))

    def fetch_all() -> list[Any]:
        lines = certs_file.read_text(encoding="utf-8").splitlines()
        return list(loads("[" + ",".join(lines) + "]"))

    return CatalogView(small, index, fetch, fetch_all)


def _write_cache(folder: Path, data: dict[str, Any]) -> bool:
    """Store a validated catalog; failing to write a cache is never an error (returns False)."""
    import shutil
    import tempfile

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".catalog-"))
        lines = [
            json.dumps(c, separators=(",", ":")).encode("utf-8") + b"\n" for c in data["certs"]
        ]
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        (work / "certs.jsonl").write_bytes(b"".join(lines))
        small = {k: v for k, v in data.items() if k != "certs"}
        small["cert_index"] = cert_index(data["certs"])
        small["cert_offsets"] = offsets
        (work / "small.json").write_text(json.dumps(small, separators=(",", ":")), "utf-8")
        try:
            os.replace(work, folder)
        except OSError:  # another mbc wrote it first: theirs is the same
            shutil.rmtree(work, ignore_errors=True)
        return True
    except OSError:
        return False
