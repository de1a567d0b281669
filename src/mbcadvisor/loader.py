"""Find the data folder and load its catalog: from the cache when the files are unchanged,
else validated afresh (validation.py), so that a start rarely pays for YAML or pydantic."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mbcadvisor.errors import DataError, MbcError
from mbcadvisor.records import (
    TEXT_INDENT,
    CatalogView,
    ListedCert,
    catalog_in_memory,
    cert_index,
    listed_fields,
    loads,
)

if TYPE_CHECKING:
    from mbcadvisor.records import Bytes, IndexEntry

# the data files, in the order they are read (models.FILES has the same names)
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
    where = cache_dir()
    cache = stamp = seen = None
    if where is not None:
        inputs = _inputs(folder)
        stamp = _stamp(inputs)
        seen = _seen(where, stamp)
        cache = seen or _cache_folder(where, inputs)
        if cache is not None:
            cached = _read_cache(cache, folder)
            if cached is not None:
                if seen is None:
                    _remember(where, stamp, cache)
                return cached
    with paused_gc():
        data = _validated(folder)
        written = where is not None and cache is not None and _write_cache(cache, data)
    if written and where is not None and cache is not None:
        cached = _read_cache(cache, folder)
        if cached is not None:
            if seen is None:
                _remember(where, stamp, cache)
            return cached
    return catalog_in_memory(data)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while big acyclic structures (node trees, models,
    JSON data) are built: each collection walks every object made so far, which made a first
    run grow faster than the data (9.4 s instead of 3.8 s on benchmarks/scale.py's folder)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _validated(folder: Path) -> dict[str, Any]:
    """The data folder's catalog as JSON data, validated now (DataError when it is not valid)."""
    from mbcadvisor.validation import check_dir

    catalog, issues = check_dir(folder)
    if catalog is None:
        raise DataError(issues)
    return catalog.model_dump(mode="json")


def cache_dir() -> Path | None:
    """Where validated catalogs are cached; None when MBC_NO_CACHE is set."""
    if os.environ.get("MBC_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MBC_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "mbcadvisor"


def _inputs(folder: Path) -> list[Path]:
    """The files a cached catalog depends on: the data files, and the rules that checked them
    and the code that writes and reads the cache folder."""
    here = Path(__file__).resolve().parent
    rules = ("models.py", "validation.py", "vocab.py", "loader.py", "records.py")
    return [here / name for name in rules] + [folder / name for name in DATA_FILES]


def _digest() -> Any:
    """A 16-byte BLAKE2 hash, started with mbc's version (a new version gets new names)."""
    try:  # CPython's built-in BLAKE2: no OpenSSL to load at start-up
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b

    from mbcadvisor import __version__

    return blake2b(__version__.encode(), digest_size=16)


def _cache_folder(where: Path, inputs: list[Path]) -> Path | None:
    """The cache folder for the current contents of these files (None: one cannot be read)."""
    digest = _digest()
    for path in inputs:
        try:
            content = path.read_bytes()
        except OSError:
            return None  # let check_dir report it
        digest.update(f"\0{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return where / f"catalog-{digest.hexdigest()}"


# Reading and hashing every file on each start costs time in proportion to the data. So the
# cache folder found for a set of files is also remembered under their sizes, modification and
# change times, inodes and devices (`seen/`): while none of these has changed, neither has a
# file. A file changed within the last RECENT_NS could change again within its file system's
# timestamp tick with none of them changing: while any file is that recent, the contents decide.
RECENT_NS = 2_000_000_000


def _stamp(inputs: list[Path]) -> str | None:
    """A name for the files' current state, or None when one is missing or recently changed."""
    import time

    now = time.time_ns()
    parts = []
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            return None
        if now - max(st.st_mtime_ns, st.st_ctime_ns) < RECENT_NS:
            return None
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}")
        parts.append(f"{st.st_ino}\0{st.st_dev}")
    digest = _digest()
    digest.update("\n".join(parts).encode())
    return str(digest.hexdigest())


def _seen(where: Path, stamp: str | None) -> Path | None:
    """The cache folder remembered for files in this state, if any."""
    if stamp is None:
        return None
    try:
        name = (where / "seen" / stamp).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    if not name.startswith("catalog-") or "/" in name or "\\" in name:
        return None
    return where / name


def _remember(where: Path, stamp: str | None, cache: Path) -> None:
    """Remember the cache folder for files in this state (never an error if it cannot)."""
    if stamp is None:
        return
    seen = where / "seen"
    try:
        seen.mkdir(exist_ok=True)
        temporary = seen / f".{stamp}.{os.getpid()}"
        temporary.write_text(cache.name, encoding="utf-8")
        os.replace(temporary, seen / stamp)
    except OSError:
        pass


# a cache folder holds one file per part of the catalog, read when an answer first needs it
SECTIONS = ("roles", "bodies", "occupations", "training", "questions")
INDEX_KEYS = ("cert_index", "cert_spans", "acronyms")
CERTS_END = b"\n]\n"  # how certs.json ends
CACHE_FILES = (*(f"{name}.json" for name in SECTIONS), "index.json", "certs.json", "listed.json")


def _read_cache(folder: Path, data_folder: Path) -> CatalogView | None:
    """The cached catalog, or None when there is none or its index cannot be read."""
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        present = all((folder / name).is_file() for name in CACHE_FILES)
        if not present or tuple(index) != INDEX_KEYS:
            return None
        entries = [(i, list(t), level, body) for i, t, level, body in index["cert_index"]]
    except (OSError, ValueError, TypeError):
        return None
    files = CacheFiles(folder, data_folder)
    return CatalogView(
        files.section, entries, CachedCerts(files, index["cert_spans"]), index["acronyms"]
    )


class CacheFiles:
    """Reads a cache folder's files. Should one prove unreadable after all (a damaged cache),
    the answer comes from validating the data folder again, as if there were no cache."""

    def __init__(self, folder: Path, data_folder: Path) -> None:
        self.folder = folder
        self._data_folder = data_folder
        self._data: dict[str, Any] | None = None

    def validated(self) -> dict[str, Any]:
        """The data folder's catalog, validated now (once)."""
        if self._data is None:
            self._data = _validated(self._data_folder)
        return self._data

    def section(self, name: str) -> Any:
        """One part of the catalog (roles, bodies, ...) as records."""
        try:
            return loads((self.folder / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return loads(json.dumps(self.validated()[name]))


class CachedCerts:
    """The certifications of a cache folder: certs.json holds each one's JSON text (indent 2) at
    the byte spans index.json gives; listed.json holds what listings need of each."""

    def __init__(self, files: CacheFiles, spans: list[list[int]]) -> None:
        self._files = files
        self._spans = spans
        self._bytes: memoryview | None = None
        self._listed: list[Any] | None = None

    def _slice(self, position: int) -> bytes:
        start, end = self._spans[position]
        try:
            if self._bytes is not None:
                return bytes(self._bytes[start:end])
            with (self._files.folder / "certs.json").open("rb") as handle:
                handle.seek(start)
                return handle.read(end - start)
        except OSError:
            return self._text_from_data(position)

    def _text_from_data(self, position: int) -> bytes:
        return _cert_text(self._files.validated()["certs"][position])

    def one(self, position: int) -> Any:
        try:
            return loads(self._slice(position).decode("utf-8"))
        except ValueError:  # a damaged span (UnicodeDecodeError is a ValueError too)
            return loads(self._text_from_data(position).decode("utf-8"))

    def every(self) -> list[Any]:
        try:
            return list(loads((self._files.folder / "certs.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return list(loads(json.dumps(self._files.validated()["certs"])))

    def listed(self, position: int, entry: IndexEntry) -> Any:
        return ListedCert(entry, self, position)

    def listed_fields(self, position: int) -> list[Any]:
        if self._listed is None:
            try:
                listed = json.loads((self._files.folder / "listed.json").read_bytes())
            except (OSError, ValueError):
                listed = None
            if not isinstance(listed, list) or len(listed) != len(self._spans):
                listed = [listed_fields(c) for c in self._files.validated()["certs"]]
            self._listed = listed
        return self._listed[position]  # type: ignore[no-any-return]

    def text(self, position: int) -> Bytes:
        if self._bytes is None:  # a listing asks for many: map the file once
            try:
                self._bytes = _map(self._files.folder / "certs.json")
            except (OSError, ValueError):  # ValueError: an empty file
                self._bytes = memoryview(b"")
        if len(self._bytes) != self._spans[-1][1] + len(CERTS_END):  # damaged
            return self._text_from_data(position)
        start, end = self._spans[position]
        return self._bytes[start:end]  # a view: no copy


def _map(path: Path) -> memoryview:
    """A file's bytes without reading them all: a read-only memory map (cache files are never
    changed in place: a new catalog gets a new folder)."""
    import mmap

    with path.open("rb") as handle:
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def _cert_text(cert: dict[str, Any]) -> bytes:
    """A certification's JSON as the cache keeps it: indent 2, lines after the first indented
    by TEXT_INDENT more, as it stands in a listing's JSON."""
    text = json.dumps(cert, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * TEXT_INDENT).encode("utf-8")


def _write_cache(folder: Path, data: dict[str, Any]) -> bool:
    """Store a validated catalog; failing to write a cache is never an error (returns False)."""
    import shutil
    import tempfile

    def write(name: str, value: Any) -> None:
        (work / name).write_text(json.dumps(value, separators=(",", ":")), "utf-8")

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".catalog-"))
        # certs.json is a JSON array; each element's bytes are also served on their own
        texts = [_cert_text(c) for c in data["certs"]]
        pad = b" " * TEXT_INDENT
        spans, position = [], 2 + len(pad)
        for text in texts:
            spans.append([position, position + len(text)])
            position += len(text) + 2 + len(pad)
        (work / "certs.json").write_bytes(b"[\n" + pad + (b",\n" + pad).join(texts) + CERTS_END)
        write("listed.json", [listed_fields(c) for c in data["certs"]])
        for name in SECTIONS:
            write(f"{name}.json", data[name])
        write(
            "index.json",
            {
                "cert_index": cert_index(data["certs"]),
                "cert_spans": spans,
                "acronyms": {b["id"]: b["acronym"] for b in data["bodies"]},
            },
        )
        try:
            os.replace(work, folder)
        except OSError:  # another mbc wrote it first: theirs is the same
            shutil.rmtree(work, ignore_errors=True)
        else:
            _prune(folder.parent)
        return True
    except OSError:
        return False


# catalogs kept in the cache: one per data folder in use, and a few older versions
KEEP = 8


def _prune(where: Path) -> None:
    """Remove all but the KEEP newest cached catalogs, and what remembers the others, so that
    the cache does not grow with every change of the data or of mbc."""
    import shutil

    try:
        catalogs = sorted(where.glob("catalog-*"), key=lambda p: p.stat().st_mtime_ns)
        for old in catalogs[:-KEEP]:
            shutil.rmtree(old, ignore_errors=True)
        seen = where / "seen"
        for pointer in seen.iterdir() if seen.is_dir() else ():
            try:
                if not (where / pointer.read_text(encoding="utf-8").strip()).is_dir():
                    pointer.unlink()
            except (OSError, ValueError):
                pointer.unlink(missing_ok=True)
    except OSError:  # a folder removed meanwhile, say: pruning is never an error
        pass
