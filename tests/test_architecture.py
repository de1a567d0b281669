"""The shape of the code: imports flow one way (models -> loader -> advice -> render/output ->
cli) with no cycle, a start pays for neither pydantic nor PyYAML, and lint and types are clean."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src" / "mbcadvisor"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every mbcadvisor module and the mbcadvisor modules it imports: at the top, inside
    functions, or for type checking only."""
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text())):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module]
                targets += [f"{node.module}.{alias.name}" for alias in node.names]
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def test_no_import_cycle() -> None:
    graph = import_graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:  # pragma: no cover - the failure message
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")
    assert order.index("mbcadvisor.models") < order.index("mbcadvisor.loader")
    assert order.index("mbcadvisor.loader") < order.index("mbcadvisor.cli")


# what each layer may not import: the pipeline reads from the file list
FORBIDDEN_IMPORTS = {
    "mbcadvisor.models": {"*"},
    "mbcadvisor.errors": {"mbcadvisor.loader", "mbcadvisor.advice", "mbcadvisor.cli"},
    "mbcadvisor.loader": {"mbcadvisor.advice", "mbcadvisor.render", "mbcadvisor.output"},
    "mbcadvisor.validation": {"mbcadvisor.loader", "mbcadvisor.cache", "mbcadvisor.advice"},
    "mbcadvisor.cache": {"*"},
    "mbcadvisor.advice": {"mbcadvisor.render", "mbcadvisor.output", "mbcadvisor.cli",
                          "mbcadvisor.document", "mbcadvisor.markdown", "mbcadvisor.plain"},
    "mbcadvisor.render": {"mbcadvisor.output", "mbcadvisor.cli"},
    "mbcadvisor.document": {"mbcadvisor.render", "mbcadvisor.output", "mbcadvisor.cli"},
    "mbcadvisor.html": {"mbcadvisor.render", "mbcadvisor.output", "mbcadvisor.cli",
                        "mbcadvisor.layout", "mbcadvisor.grid"},
    "mbcadvisor.clock": {"mbcadvisor.loader", "mbcadvisor.advice", "mbcadvisor.document",
                         "mbcadvisor.output", "mbcadvisor.cli"},
    "mbcadvisor.output": {"mbcadvisor.cli"},
}  # fmt: skip


def test_imports_flow_one_way() -> None:
    for module, imports in import_graph().items():
        for prefix, banned in FORBIDDEN_IMPORTS.items():
            if module != prefix and not module.startswith(prefix + "."):
                continue
            for target in imports:
                blocked = "*" in banned or any(
                    target == b or target.startswith(b + ".") for b in banned
                )
                assert not blocked, f"{module} imports {target}"


def _imported_modules(*args: str) -> set[str]:
    """The modules a real run of mbc imports (with the cache already warm)."""
    command = [sys.executable, "-X", "importtime", "-m", "mbcadvisor", *args]
    env = dict(os.environ, COLUMNS="100")
    subprocess.run(command, capture_output=True, env=env, check=True)  # warm the cache
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines()[1:]}


@pytest.mark.parametrize(
    "args",
    [["compare", "billing", "coding"], ["certs", "--json"], ["eligible", "--age", "19", "--ged"]],
)
def test_a_start_needs_neither_pydantic_nor_yaml(args: list[str]) -> None:
    imported = _imported_modules(*args)
    assert "mbcadvisor.loader" in imported
    assert not {"pydantic", "yaml", "mbcadvisor.validation"} & imported


def test_json_needs_no_rich() -> None:
    imported = _imported_modules("certs", "--json")
    assert not any(name == "rich.console" for name in imported)


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff check", "ruff format", "mypy --strict"],
)
def test_lint_and_types(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
