"""Find the data folder and read its files safely: type and size are checked before any byte is
read, so a FIFO, a device or a huge file is refused instead of hanging or filling memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mbcadvisor.errors import DataIssue, MbcError

# the data files of a catalog, in the order they are read (models.FILES has the YAML ones)
NATIONAL = "oews/national.csv"
DATA_FILES = (
    "roles.yaml",
    "certs.yaml",
    "bodies.yaml",
    "occupations.yaml",
    "oews/release.yaml",
    "training.yaml",
    "match.yaml",
    "glossary.yaml",
    "salary_survey.yaml",
    NATIONAL,
)


def table_file(name: str) -> str:
    """Where an OEWS table lives in a data folder: national, states, areas or industries."""
    return f"oews/{name}.csv"


# The real data is well under 1 MB; a file far past that is a mistake, not data to wait for.
MAX_FILE_BYTES = 32 * 1024 * 1024


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


class UnreadableFile(Exception):
    """A data file that must not or cannot be read; `issue` says why, for the user."""

    def __init__(self, issue: DataIssue) -> None:
        super().__init__(str(issue))
        self.issue = issue


def read_data_file(path: Path) -> bytes:
    """A data file's bytes. The file is opened without blocking and checked before it is read:
    it must be a regular file (a symbolic link to one is fine) of at most MAX_FILE_BYTES."""

    def refuse(message: str) -> UnreadableFile:
        return UnreadableFile(DataIssue(label(path), None, None, "", message))

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise refuse("file is missing.") from None
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror or exc}.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise refuse(f"{kind} (a FIFO, device or socket is never read); use a plain file.")
        limit = MAX_FILE_BYTES // (1024 * 1024)
        if info.st_size > MAX_FILE_BYTES:
            raise refuse(f"file is {info.st_size:,} bytes; the limit is {limit} MB.")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            content = handle.read(MAX_FILE_BYTES + 1)  # the size may have grown since
        if len(content) > MAX_FILE_BYTES:
            raise refuse(f"file is over the limit of {limit} MB.")
        return content
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)


def read_folder(folder: Path) -> dict[str, bytes | DataIssue]:
    """Every data file's bytes, or the problem met reading it."""
    contents: dict[str, bytes | DataIssue] = {}
    for name in DATA_FILES:
        try:
            contents[name] = read_data_file(folder / name)
        except UnreadableFile as exc:
            contents[name] = exc.issue
    return contents
