"""Parse data files safely, validate them against the models and say exactly where they are wrong.

Every problem becomes a DataIssue (`file:line:column  field  message`); nothing here raises on
bad data, so that one run lists every problem of every file.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mbcadvisor.datafiles import (
    NATIONAL,
    UnreadableFile,
    label,
    read_data_file,
    read_folder,
    table_file,
)
from mbcadvisor.errors import DataIssue, printable
from mbcadvisor.models import ESTIMATE_COLUMNS, FILES, FORBIDDEN, Catalog, Estimate

# Nesting deeper than this is never data; refusing it keeps the parser's recursion bounded.
MAX_NESTING = 200

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclasses.dataclass
class ParsedFile:
    """A data file read and parsed: its plain value, its node tree (for line numbers), and the
    nodes already reported as wrong (so that one mistake is reported once)."""

    label: str
    data: Any
    node: yaml.Node | None
    reported: set[int] = dataclasses.field(default_factory=set)


def _issue(where: str, node: yaml.Node | None, message: str, field: str = "") -> DataIssue:
    if node is None:
        return DataIssue(where, None, None, field, message)
    mark = node.start_mark
    return DataIssue(where, mark.line + 1, mark.column + 1, field, message)


def _bracket_depth(text: str) -> int:
    """Deepest [ / { nesting, counted before parsing so the parser never recurses too far."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def _check_nodes(node: yaml.Node, where: str) -> list[DataIssue]:
    """Refuse anchors/aliases (the way alias bombs blow up) and runaway nesting."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:
            return [
                _issue(
                    where,
                    current,
                    "anchors and aliases (&name, *name) are not allowed in data files; "
                    "write the value out in full.",
                )
            ]
        seen.add(id(current))
        if depth > MAX_NESTING:
            return [_issue(where, current, "nesting is too deep.")]
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return []


def _field(path: tuple[Any, ...]) -> str:
    """A location as a dotted field path: certs[3].exam.questions."""
    field = ""
    for part in path:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return field


class _Values:
    """Plain values (dicts, lists, text, numbers, booleans, None) from a node tree. Each value
    that cannot be one (a bad number, a list as a key, a tag, a control character) is reported
    where it stands, and the walk goes on."""

    def __init__(self, loader: Any, where: str, parsed: ParsedFile) -> None:
        self.loader = loader
        self.where = where
        self.parsed = parsed
        self.issues: list[DataIssue] = []

    def report(self, node: yaml.Node, path: tuple[Any, ...], message: str) -> None:
        self.parsed.reported.add(id(node))
        self.issues.append(_issue(self.where, node, message, _field(path)))

    def value(self, node: yaml.Node, path: tuple[Any, ...] = ()) -> Any:
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            kind = "map" if isinstance(node, yaml.MappingNode) else "seq"
            if node.tag != f"{_TAG}{kind}":
                self.report(node, path, _tag_message(node.tag))
                return None
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, (*path, n)) for n, item in enumerate(node.value)]
            return self.mapping(node, path)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: tuple[Any, ...]) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        firsts: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_TAG}merge":
                self.report(key_node, path, "merge keys (<<) are not allowed; write the keys out.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                self.report(key_node, path, f"a key must be plain text, not {kind}.")
                continue
            key = self.scalar(key_node, path)
            if key in firsts:
                first = firsts[key].start_mark.line + 1
                shown = printable(str(key))
                message = f"duplicate key '{shown}' (first at line {first})."
                self.report(key_node, (*path, key), message)
                continue
            firsts[key] = key_node
            result[key] = self.value(value_node, (*path, key))
        return result

    def scalar(self, node: yaml.Node, path: tuple[Any, ...]) -> Any:
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            self.report(node, path, _tag_message(tag))
            return None
        text = node.value
        bad = FORBIDDEN.search(text)
        if bad:
            message = (
                f"control character U+{ord(bad[0]):04X} is not allowed in data text; remove it."
            )
            self.report(node, path, message)
            return None
        if tag in (f"{_TAG}str", f"{_TAG}timestamp"):
            return text  # a date stays text: the model parses it and says where it is wrong
        try:
            return self.loader.construct_object(node)
        except (ValueError, KeyError, OverflowError, yaml.YAMLError):
            self.report(node, path, _not_a(tag.removeprefix(_TAG), text))
            return None


def _not_a(kind: str, text: str) -> str:
    """Why a value written as a number or a boolean is not one."""
    shown = printable(text if len(text) <= 24 else text[:20] + "...")
    if kind == "int" and len(text) > 100 and text.lstrip("+-").isdigit():
        return f"a whole number of {len(text):,} digits is not a plausible value."
    noun = {"int": "a whole number", "float": "a number", "bool": "true or false"}.get(kind, kind)
    return f"'{shown}' is not {noun}."


def _tag_message(tag: str) -> str:
    return (
        f"tag {printable(tag)} is not allowed; data files may hold only plain values, "
        "lists and mappings."
    )


def parse(where: str, raw: bytes) -> tuple[ParsedFile | None, list[DataIssue]]:
    """Parse one YAML file's bytes into plain values; problems become DataIssues."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save as UTF-8."
        return None, [DataIssue(where, line, None, "", message)]
    if ("[" in text or "{" in text) and _bracket_depth(text) > MAX_NESTING:
        return None, [DataIssue(where, None, None, "", "nesting is too deep.")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataIssue(where, 1, 1, "", "file is empty; see `mbc data schema`.")]
        issues = _check_nodes(node, where)
        if issues:
            return None, issues
        parsed = ParsedFile(where, None, node)
        values = _Values(loader, where, parsed)
        parsed.data = values.value(node)
        return parsed, values.issues
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        at_line = mark.line + 1 if mark else None
        at_column = mark.column + 1 if mark else None
        return None, [DataIssue(where, at_line, at_column, "", f"YAML: {printable(message)}.")]
    except yaml.YAMLError as exc:
        return None, [DataIssue(where, None, None, "", f"YAML: {printable(str(exc))}.")]
    finally:
        loader.dispose()


def _child(node: yaml.Node | None, key: Any) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The (key node, value node) of one step down a node tree."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                return key_node, value_node
    elif (
        isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value)
    ):
        item = node.value[key]
        return item, item
    return None, None


def locate(parsed: ParsedFile, loc: Iterable[Any]) -> tuple[yaml.Node | None, str]:
    """The node a location (keys and list indexes) points at, and its dotted field path."""
    node: yaml.Node | None = parsed.node
    mark_node = node
    field = ""
    for part in loc:
        if isinstance(part, int):
            field += f"[{part}]"
        else:
            field += f".{part}" if field else str(part)
        key_node, node = _child(node, part)
        if key_node is not None:
            mark_node = key_node
        if node is not None and id(node) in parsed.reported:
            return node, field
    return mark_node, field


@cache
def _adapter(model: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


@cache
def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model)


def _model_at(model: type, loc: tuple[Any, ...]) -> type | None:
    """The model class that a location points into, following fields and list items."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and dataclasses.is_dataclass(current)):
            return None
        hint = _hints(current).get(part)
        if hint is None:
            return None
        current = _inner_model(hint)
    return current if isinstance(current, type) and dataclasses.is_dataclass(current) else None


def _inner_model(hint: Any) -> Any:
    """The model inside list[Model], Model | None and the like."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return hint
    for arg in typing.get_args(hint):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _explain(error: Any, model: type, loc: tuple[Any, ...]) -> str:
    """Pydantic's message, ending in a full stop, with a hint where one helps."""
    kind = error["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        name = str(loc[-1])
        owner = _model_at(model, loc[:-1])
        known = [f.name for f in dataclasses.fields(owner)] if owner else []
        close = difflib.get_close_matches(name, known, n=1)
        message = f"unknown field '{printable(name)}'"
        message += f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(known)}."
        return message
    if kind in ("missing", "missing_keyword_only_argument", "missing_argument"):
        return "Field required: add it."
    message = printable(str(error["msg"]))
    return message if message.endswith(".") else message + "."


def _location(error: Any) -> tuple[Any, ...]:
    """Pydantic's location, less the steps it adds for dataclass arguments."""
    return tuple(part for part in error["loc"] if part not in ("dataclass-arguments",))


def validate(parsed: ParsedFile, model: type) -> tuple[Any, list[DataIssue]]:
    """Validate one parsed file against its model; every error becomes a located DataIssue."""
    from pydantic import ValidationError

    try:
        return _adapter(model).validate_python(parsed.data), []
    except ValidationError as exc:
        issues = []
        for error in exc.errors():
            loc = _location(error)
            node, field = locate(parsed, loc)
            if node is not None and id(node) in parsed.reported:
                continue  # already said when the file was read
            issues.append(_issue(parsed.label, node, _explain(error, model, loc), field))
        return None, issues


# --- OEWS tables (CSV) ---------------------------------------------------------------------------


@dataclasses.dataclass
class ParsedTable:
    """An OEWS table read: each row as a mapping of column to text (None for an empty cell), the
    line it stands on, and the cells already reported as wrong."""

    label: str
    data: list[dict[str, Any]]
    lines: list[int]
    reported: set[tuple[int, str]] = dataclasses.field(default_factory=set)

    def issue(self, index: int | None, column: str | None, message: str) -> DataIssue:
        """A problem at a row (by index) and column, located as file:line:column."""
        line = self.lines[index] if index is not None and index < len(self.lines) else None
        at = ESTIMATE_COLUMNS.index(column) + 1 if column in ESTIMATE_COLUMNS else None
        return DataIssue(self.label, line, at if line else None, column or "", message)


def parse_table(where: str, raw: bytes) -> tuple[ParsedTable | None, list[DataIssue]]:
    """Read an OEWS table: UTF-8 CSV whose header is ESTIMATE_COLUMNS; problems become
    DataIssues (a row of the wrong length, a control character) and the rest is still read."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save as UTF-8."
        return None, [DataIssue(where, line, None, "", message)]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return None, [DataIssue(where, 1, 1, "", "file is empty; see `mbc data schema`.")]
        if tuple(header) != ESTIMATE_COLUMNS:
            expected = ",".join(ESTIMATE_COLUMNS)
            return None, [DataIssue(where, 1, 1, "", f"the header must be: {expected}.")]
        table = ParsedTable(where, [], [])
        issues: list[DataIssue] = []
        for row in reader:
            line = reader.line_num
            if len(row) != len(ESTIMATE_COLUMNS):
                count = f"{len(row)} fields, not {len(ESTIMATE_COLUMNS)}"
                issues.append(DataIssue(where, line, None, "", f"{count}; see the header."))
                continue
            index = len(table.data)
            table.lines.append(line)
            cells: dict[str, Any] = {}
            for column, cell in zip(ESTIMATE_COLUMNS, row, strict=True):
                bad = FORBIDDEN.search(cell)
                if bad:
                    table.reported.add((index, column))
                    message = f"control character U+{ord(bad[0]):04X} is not allowed; remove it."
                    issues.append(table.issue(index, column, message))
                    cell = ""
                cells[column] = cell if cell != "" or column == "footnotes" else None
            table.data.append(cells)
    except csv.Error as exc:
        return None, [DataIssue(where, reader.line_num, None, "", f"CSV: {printable(str(exc))}.")]
    return table, issues


def validate_table(table: ParsedTable) -> tuple[list[Estimate] | None, list[DataIssue]]:
    """Validate a table's rows as Estimates; every error becomes a located DataIssue."""
    from pydantic import ValidationError

    try:
        rows: list[Estimate] = _adapter(list[Estimate]).validate_python(table.data)
        return rows, []
    except ValidationError as exc:
        issues = []
        for error in exc.errors():
            loc = _location(error)
            index = loc[0] if loc and isinstance(loc[0], int) else None
            column = str(loc[1]) if len(loc) > 1 else None
            if index is not None and column is not None and (index, column) in table.reported:
                continue
            message = _explain(error, Estimate, loc[1:])
            issues.append(table.issue(index, column, message))
        return None, issues


# what each table holds: its area type, and whether its rows are for one industry or all
TABLES = {
    "national": ("N", "all"),
    "states": ("S", "all"),
    "areas": ("M", "all"),
    "industries": ("N", "one"),
}


def check_table_rows(
    table: ParsedTable, name: str, rows: list[Estimate], socs: set[str]
) -> list[DataIssue]:
    """Rules of one table: the right kind of rows, occupations the data knows, no row twice."""
    area_type, industries = TABLES[name]
    issues: list[DataIssue] = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, row in enumerate(rows):
        if row.area_type != area_type:
            message = f"a {name} row has area type {area_type}, not {row.area_type}."
            issues.append(table.issue(index, "area_type", message))
        if (row.industry == "000000") != (industries == "all"):
            want = "000000 (all industries)" if industries == "all" else "one industry, not 000000"
            issues.append(table.issue(index, "industry", f"a {name} row's industry is {want}."))
        if row.soc not in socs:
            message = f"no occupation '{row.soc}' in occupations.yaml."
            issues.append(table.issue(index, "soc", message))
        key = (row.soc, row.area, row.industry)
        if key in seen:
            first = table.lines[seen[key]]
            issues.append(table.issue(index, "soc", f"this row is already at line {first}."))
        seen.setdefault(key, index)
    return issues


def check_table(
    name: str, where: str, raw: bytes, socs: set[str]
) -> tuple[list[Estimate] | None, list[DataIssue]]:
    """Parse, validate and check one OEWS table: its rows, or every problem found."""
    table, issues = parse_table(where, raw)
    if table is None:
        return None, issues
    rows, problems = validate_table(table)
    issues += problems
    if rows is None or issues:
        return None, issues
    issues = check_table_rows(table, name, rows, socs)
    return (None, issues) if issues else (rows, [])


def _duplicates(items: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, int]]:
    """(index, value, first index) of every value seen before, case-insensitively."""
    first: dict[str, int] = {}
    for index, value in items:
        key = value.casefold()
        if key in first:
            yield index, value, first[key]
        else:
            first[key] = index


def _unknown(kind: str, name: str, known: Iterable[str] = ()) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    return f"unknown {kind} '{name}'{hint}"


def cross_check(files: dict[str, Any], parsed: dict[str, ParsedFile]) -> list[DataIssue]:
    """Rules across records and files: unique ids and names, every reference resolves."""
    issues: list[DataIssue] = []

    def issue(name: str, loc: tuple[Any, ...], message: str) -> None:
        node, field = locate(parsed[name], loc)
        issues.append(_issue(parsed[name].label, node, message, field))

    roles = files["roles.yaml"].roles
    certs = files["certs.yaml"].certs
    bodies = files["bodies.yaml"].bodies
    occupations = files["occupations.yaml"].occupations
    questions = files["match.yaml"].questions
    cert_ids = {c.id.casefold() for c in certs}
    body_ids = {b.id for b in bodies}
    socs = {o.soc for o in occupations}

    for name, key, records in (
        ("certs.yaml", "certs", certs),
        ("roles.yaml", "roles", roles),
        ("bodies.yaml", "bodies", bodies),
        ("match.yaml", "questions", questions),
    ):
        for index, value, first in _duplicates((i, r.id) for i, r in enumerate(records)):
            issue(name, (key, index, "id"), f"duplicate id '{value}' (also {key}[{first}]).")
    terms = files["glossary.yaml"].terms
    names = [(i, n) for i, t in enumerate(terms) for n in (t.id, t.term, *t.aliases)]
    for index, value, first in _duplicates(names):
        if index != first:
            issue("glossary.yaml", ("terms", index), f"name '{value}' is used by two terms.")
    term_ids = {t.id for t in terms}
    for i, term in enumerate(terms):
        for j, other in enumerate(term.see_also):
            if other not in term_ids:
                message = _unknown("term", other, term_ids)
                issue("glossary.yaml", ("terms", i, "see_also", j), message)
    for index, value, first in _duplicates((i, o.soc) for i, o in enumerate(occupations)):
        message = f"duplicate soc '{value}' (also occupations[{first}])."
        issue("occupations.yaml", ("occupations", index, "soc"), message)

    names = [(i, n) for i, r in enumerate(roles) for n in (r.id, *r.aliases)]
    for index, value, first in _duplicates(names):
        if index != first:
            issue("roles.yaml", ("roles", index), f"name '{value}' is used by two roles.")

    for i, role in enumerate(roles):
        for j, cert_id in enumerate(role.certs):
            if cert_id.casefold() not in cert_ids:
                issue("roles.yaml", ("roles", i, "certs", j), _unknown("certification", cert_id))
        if role.soc not in socs:
            issue(
                "roles.yaml",
                ("roles", i, "soc"),
                f"no occupation '{role.soc}' in occupations.yaml.",
            )
        for j, step in enumerate(role.career_path):
            if step.soc is not None and step.soc not in socs:
                message = f"no occupation '{step.soc}' in occupations.yaml."
                issue("roles.yaml", ("roles", i, "career_path", j, "soc"), message)
    role_ids_known = {r.id for r in roles}
    for i, occupation in enumerate(occupations):
        for j, role_id in enumerate(occupation.roles):
            if role_id not in role_ids_known:
                message = _unknown("role", role_id, role_ids_known)
                issue("occupations.yaml", ("occupations", i, "roles", j), message)
    role_ids = [r.id for r in roles]
    for i, question in enumerate(questions):
        for role_id in question.favours:
            if role_id not in role_ids:
                issue(
                    "match.yaml",
                    ("questions", i, "favours", role_id),
                    _unknown("role", role_id, role_ids),
                )
    for i, figure in enumerate(files["salary_survey.yaml"].figures):
        if figure.credential is not None and figure.credential.casefold() not in cert_ids:
            message = _unknown("certification", figure.credential)
            issue("salary_survey.yaml", ("figures", i, "credential"), message)
    for i, cert in enumerate(certs):
        if cert.body not in body_ids:
            issue("certs.yaml", ("certs", i, "body"), _unknown("body", cert.body, body_ids))
        for j, needed in enumerate(cert.prerequisites.credentials):
            if needed.casefold() not in cert_ids:
                issue(
                    "certs.yaml",
                    ("certs", i, "prerequisites", "credentials", j),
                    _unknown("certification", needed),
                )
    return issues


def check(
    folder: Path, contents: dict[str, bytes | DataIssue]
) -> tuple[Catalog | None, list[DataIssue]]:
    """Parse, validate and cross-check the files of a catalog (the YAML files and the national
    OEWS table), given their bytes (or the problem met reading them): the catalog, or every
    problem found."""
    issues: list[DataIssue] = []
    files: dict[str, Any] = {}
    parsed_files: dict[str, ParsedFile] = {}
    for name, model in FILES.items():
        raw = contents[name]
        if isinstance(raw, DataIssue):
            issues.append(raw)
            continue
        parsed, problems = parse(label(folder / name), raw)
        issues.extend(problems)
        if parsed is None:
            continue
        parsed_files[name] = parsed
        validated, problems = validate(parsed, model)
        issues.extend(problems)
        if validated is not None and not problems:
            files[name] = validated
    national = contents[NATIONAL]
    if isinstance(national, DataIssue):
        return None, [*issues, national]
    table, problems = parse_table(label(folder / NATIONAL), national)
    issues += problems
    rows = None
    if table is not None:
        rows, problems = validate_table(table)
        issues += problems
    if issues or table is None or rows is None:
        return None, issues
    issues = cross_check(files, parsed_files)
    socs = {o.soc for o in files["occupations.yaml"].occupations}
    issues += check_table_rows(table, "national", rows, socs)
    missing = sorted(socs - {row.soc for row in rows})
    if missing:
        message = f"no national row for {', '.join(missing)} (run scripts/import_oews.py)."
        issues.append(DataIssue(table.label, None, None, "", message))
    if issues:
        return None, issues
    catalog = Catalog(
        roles=files["roles.yaml"].roles,
        certs=files["certs.yaml"].certs,
        bodies=files["bodies.yaml"].bodies,
        occupations=files["occupations.yaml"].occupations,
        release=files["oews/release.yaml"],
        national=rows,
        training=files["training.yaml"].training,
        questions=files["match.yaml"].questions,
        glossary=files["glossary.yaml"].terms,
        survey=files["salary_survey.yaml"],
    )
    return catalog, []


def check_dir(folder: Path) -> tuple[Catalog | None, list[DataIssue]]:
    """Read, validate and cross-check every data file of a folder, the OEWS tables included
    (`mbc data validate`)."""
    catalog, issues = check(folder, read_folder(folder))
    socs = {o.soc for o in catalog.occupations} if catalog is not None else None
    for name in TABLES:
        if name == "national":
            continue
        path = folder / table_file(name)
        try:
            raw = read_data_file(path)
        except UnreadableFile as exc:
            issues.append(exc.issue)
            continue
        if socs is None:  # the catalog is broken: check the table on its own
            table, problems = parse_table(label(path), raw)
            issues += problems
            if table is not None:
                issues += validate_table(table)[1]
        else:
            issues += check_table(name, label(path), raw, socs)[1]
    return (catalog if not issues else None), issues


# --- JSON Schema ----------------------------------------------------------------------------------


def field_docs() -> dict[str, tuple[str, dict[str, str]]]:
    """Each model's docstring and its fields' docstrings (the string under each field), read
    from models.py: the descriptions of `mbc data schema`."""
    import ast
    import inspect

    from mbcadvisor import models

    docs: dict[str, tuple[str, dict[str, str]]] = {}
    for node in ast.parse(inspect.getsource(models)).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields: dict[str, str] = {}
        body = node.body
        for item, after in zip(body, [*body[1:], None], strict=True):
            if (
                isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                fields[item.target.id] = " ".join(after.value.value.split())
        docs[node.name] = (" ".join((ast.get_docstring(node) or "").split()), fields)
    return docs


def json_schema(model: type) -> dict[str, Any]:
    """The JSON Schema of a data file's model (or of a table row), with descriptions."""
    schema: dict[str, Any] = _adapter(model).json_schema()
    docs = field_docs()
    for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        doc, fields = docs.get(name, ("", {}))
        if doc:
            definition["description"] = doc
        for field, prop in definition.get("properties", {}).items():
            if field in fields:
                prop["description"] = fields[field]
    return schema
