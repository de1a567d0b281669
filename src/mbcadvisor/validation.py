"""Read data files safely, validate them and say exactly where they are wrong.

Only `mbc data validate`, `mbc data schema` and a first run on new data come here; every other
start reads the cache of a catalog that already passed (see loader.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from mbcadvisor.errors import DataIssue
from mbcadvisor.loader import label as file_label
from mbcadvisor.loader import paused_gc
from mbcadvisor.models import FILES, Catalog, Strict

# The real data is well under 1 MB; a file far past that is a mistake, not data to wait for.
MAX_FILE_BYTES = 32 * 1024 * 1024
# Nesting deeper than this is never data; refusing it keeps the parser's recursion bounded.
MAX_NESTING = 200

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader (C when available) that refuses duplicate keys."""


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            earlier = seen.get(key)
        except TypeError:  # an unhashable key: let the safe constructor report it
            continue
        if earlier is not None:
            raise _DuplicateKey(
                None,
                None,
                f"duplicate key '{key}' (first at line {earlier.start_mark.line + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node
    loader.flatten_mapping(node)
    return {
        loader.construct_object(k, deep=deep): loader.construct_object(v, deep=deep)
        for k, v in node.value
    }


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass
class ParsedFile:
    """A data file read and parsed: its Python value and its node tree (for line numbers)."""

    label: str
    data: Any
    node: yaml.Node | None


def _check_nodes(node: yaml.Node, label: str) -> list[DataIssue]:
    """Refuse anchors/aliases (the way alias bombs blow up) and runaway nesting."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:
            mark = current.start_mark
            return [
                DataIssue(
                    label,
                    mark.line + 1,
                    mark.column + 1,
                    "",
                    "anchors and aliases (&name, *name) are not allowed in data files; "
                    "write the value out in full.",
                )
            ]
        seen.add(id(current))
        if depth > MAX_NESTING:
            mark = current.start_mark
            return [DataIssue(label, mark.line + 1, mark.column + 1, "", "nesting is too deep.")]
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return []


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


def parse_file(path: Path) -> tuple[ParsedFile | None, list[DataIssue]]:
    """Read one YAML file; on any problem return it as a DataIssue instead of raising."""
    label = file_label(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return None, [
                DataIssue(
                    label, None, None, "", f"file is {size:,} bytes; the limit is {limit} MB."
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [DataIssue(label, None, None, "", f"cannot read: {exc.strerror or exc}.")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            DataIssue(
                label,
                line,
                None,
                "",
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save as UTF-8.",
            )
        ]
    if ("[" in text or "{" in text) and _bracket_depth(text) > MAX_NESTING:
        return None, [DataIssue(label, None, None, "", "nesting is too deep.")]
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataIssue(label, 1, 1, "", "file is empty; see `mbc data schema`.")]
        issues = _check_nodes(node, label)
        if issues:
            return None, issues
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in message:
            message = f"{message}; data files may hold only plain values, lists and mappings"
        at_line = mark.line + 1 if mark else None
        at_column = mark.column + 1 if mark else None
        return None, [DataIssue(label, at_line, at_column, "", f"YAML: {message}.")]
    except yaml.YAMLError as exc:
        return None, [DataIssue(label, None, None, "", f"YAML: {exc}.")]
    finally:
        loader.dispose()
    return ParsedFile(label, data, node), []


def _child(node: yaml.Node | None, key: Any) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The (key node, value node) of one step down a node tree."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return key_node, value_node
    elif (
        isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value)
    ):
        item = node.value[key]
        return item, item
    return None, None


def locate(parsed: ParsedFile, loc: Iterable[Any]) -> tuple[int | None, int | None, str]:
    """Line, column and dotted field path of a location given as keys and list indexes."""
    node = parsed.node
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
    if mark_node is None:
        return None, None, field
    return mark_node.start_mark.line + 1, mark_node.start_mark.column + 1, field


def _explain(error: Any, model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Pydantic's message, ending in a full stop, with a hint where one helps."""
    message: str = error["msg"]
    if error["type"] == "extra_forbidden":
        name = str(loc[-1])
        owner = _model_at(model, loc[:-1])
        known = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(name, known, n=1)
        message = f"unknown field '{name}'"
        message += f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(known)}."
        return message
    if error["type"] == "missing":
        return "Field required: add it."
    return message if message.endswith(".") else message + "."


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that a location points into, following fields and list items."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model inside list[Model], Model | None and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate_file(parsed: ParsedFile, model: type[Strict]) -> tuple[Strict | None, list[DataIssue]]:
    """Validate one parsed file against its model; every error becomes a located DataIssue."""
    try:
        return model.model_validate(parsed.data), []
    except ValidationError as exc:
        issues = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            line, column, field = locate(parsed, loc)
            issues.append(DataIssue(parsed.label, line, column, field, _explain(error, model, loc)))
        return None, issues


def _duplicates(items: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, int]]:
    """(index, value, first index) of every value seen before, case-insensitively."""
    first: dict[str, int] = {}
    for index, value in items:
        key = value.casefold()
        if key in first:
            yield index, value, first[key]
        else:
            first[key] = index


def cross_check(files: dict[str, Any], parsed: dict[str, ParsedFile]) -> list[DataIssue]:
    """Rules across records and files: unique ids and names, every reference resolves."""
    issues: list[DataIssue] = []

    def issue(name: str, loc: tuple[Any, ...], message: str) -> None:
        line, column, field = locate(parsed[name], loc)
        issues.append(DataIssue(parsed[name].label, line, column, field, message))

    roles = files["roles.yaml"].roles
    certs = files["certs.yaml"].certs
    bodies = files["bodies.yaml"].bodies
    occupations = files["pay.yaml"].occupations
    cert_ids = {c.id.casefold() for c in certs}
    body_ids = {b.id for b in bodies}
    socs = {o.soc for o in occupations}

    for name, key, records in (
        ("certs.yaml", "certs", certs),
        ("roles.yaml", "roles", roles),
        ("bodies.yaml", "bodies", bodies),
    ):
        for index, value, first in _duplicates((i, r.id) for i, r in enumerate(records)):
            issue(name, (key, index, "id"), f"duplicate id '{value}' (also {key}[{first}]).")
    for index, value, first in _duplicates((i, o.soc) for i, o in enumerate(occupations)):
        issue("pay.yaml", ("occupations", index, "soc"), f"duplicate soc '{value}' ({first}).")

    names = [(i, n) for i, r in enumerate(roles) for n in (r.id, *r.aliases)]
    for index, value, first in _duplicates(names):
        if index != first:
            issue("roles.yaml", ("roles", index), f"name '{value}' is used by two roles.")

    for i, role in enumerate(roles):
        for j, cert_id in enumerate(role.certs):
            if cert_id.casefold() not in cert_ids:
                issue("roles.yaml", ("roles", i, "certs", j), _unknown("certification", cert_id))
        if role.soc not in socs:
            issue("roles.yaml", ("roles", i, "soc"), f"no occupation '{role.soc}' in pay.yaml.")
    role_ids = [r.id for r in roles]
    for i, question in enumerate(files["match.yaml"].questions):
        for role_id in question.favours:
            if role_id not in role_ids:
                issue(
                    "match.yaml",
                    ("questions", i, "favours", role_id),
                    _unknown("role", role_id, role_ids),
                )
    for index, value, first in _duplicates(
        (i, q.id) for i, q in enumerate(files["match.yaml"].questions)
    ):
        issue("match.yaml", ("questions", index, "id"), f"duplicate id '{value}' ({first}).")
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


def _unknown(kind: str, name: str, known: Iterable[str] = ()) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    return f"unknown {kind} '{name}'{hint}"


def check_dir(data_dir: Path) -> tuple[Catalog | None, list[DataIssue]]:
    """Read, validate and cross-check every data file; all problems, or the catalog."""
    with paused_gc():
        return _check_dir(data_dir)


def _check_dir(data_dir: Path) -> tuple[Catalog | None, list[DataIssue]]:
    issues: list[DataIssue] = []
    files: dict[str, Any] = {}
    parsed_files: dict[str, ParsedFile] = {}
    for name, model in FILES.items():
        path = data_dir / name
        if not path.is_file():
            issues.append(DataIssue(file_label(path), None, None, "", "file is missing."))
            continue
        parsed, problems = parse_file(path)
        issues.extend(problems)
        if parsed is None:
            continue
        parsed_files[name] = parsed
        validated, problems = validate_file(parsed, model)
        issues.extend(problems)
        if validated is not None:
            files[name] = validated
    if issues:
        return None, issues
    issues = cross_check(files, parsed_files)
    if issues:
        return None, issues
    catalog = Catalog.model_construct(
        roles=files["roles.yaml"].roles,
        certs=files["certs.yaml"].certs,
        bodies=files["bodies.yaml"].bodies,
        occupations=files["pay.yaml"].occupations,
        training=files["training.yaml"].training,
        questions=files["match.yaml"].questions,
    )
    return catalog, []
