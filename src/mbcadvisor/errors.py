"""Errors a user can fix (MbcError) and problems found in data files (DataError)."""

from __future__ import annotations

from dataclasses import dataclass

from mbcadvisor.models import FORBIDDEN


class MbcError(Exception):
    """A problem the user can fix: an unknown name, a bad path, a bad value. Exit code 1."""

    exit_code = 1


class MissingAnswer(MbcError):
    """A fact the command needs was not given, and there is no terminal to ask in. Exit 2,
    as for any missing option."""

    exit_code = 2


def printable(text: str) -> str:
    """Text that cannot act on a terminal or break a line: every character data may not hold
    (models.FORBIDDEN: controls, line separators, bidirectional overrides) shown escaped."""
    return FORBIDDEN.sub(lambda found: repr(found[0])[1:-1], text)


class UnknownNameError(MbcError):
    """A name (role, certification, track, ...) that is not in the data, with close matches."""

    def __init__(self, kind: str, name: str, suggestions: list[str], known: list[str]) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        self.known = known
        if suggestions:
            hint = "did you mean " + " or ".join(f"'{s}'" for s in suggestions) + "?"
        else:
            hint = "known: " + ", ".join(known)
        super().__init__(f"unknown {kind} '{printable(name)}'; {hint}")


@dataclass(frozen=True)
class DataIssue:
    """One problem in one data file, located as precisely as the YAML allows."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f"  {self.field}" if self.field else ""
        return printable(f"{where}{field}  {self.message}")  # one line, whatever the data held


class DataError(MbcError):
    """Every problem found in a data folder; raised only after all files were checked."""

    def __init__(self, issues: list[DataIssue]) -> None:
        self.issues = issues
        count = len(issues)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the data:\n" + "\n".join(str(i) for i in issues))
