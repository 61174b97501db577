"""The house rules that keep the package readable, checked from the source itself.

- Layers: a module imports only from its own layer or lower ones (imports inside
  functions count too), so the stores never reach up to the build or the questions.
- No circles between modules.
- No source module over 400 lines (data files aside).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "aigraph"

#: Top-level part of the package -> layer (a higher number may import a lower one).
LAYERS = {
    "aigraph": 0, "_lazy": 0, "errors": 0, "records": 0, "keys": 0, "readonly": 0, "lexicon": 0, "diskcache": 0, "files": 0,
    "ingest": 1, "knowledge": 1,
    "extract": 2,
    "graph": 3, "evaluate": 3,
    "rdf": 4, "cypher": 4,
    "questions": 5, "export": 5, "build": 5,
    "serve": 6, "explore": 6,
    "cli": 7, "app": 7, "__main__": 7,
}

MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The aigraph modules ``name`` imports, wherever the import statement is."""
    modules = _modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:  # `from aigraph.x import y`: y may be a module
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in modules else module)
    return {m for m in found if m == "aigraph" or m.startswith("aigraph.")}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "aigraph"


@lru_cache(maxsize=1)
def _graph() -> dict[str, set[str]]:
    return {name: _imports(name, path) for name, path in _modules().items()}


def test_every_part_has_a_layer():
    assert {_part(m) for m in _modules()} <= set(LAYERS)


def test_no_import_reaches_up_a_layer():
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in _graph().items()
        for target in targets
        if LAYERS.get(_part(target), 0) > LAYERS[_part(module)]
    )
    assert upward == []


def test_no_circles_between_modules():
    graph = _graph()
    circles = []
    state: dict[str, int] = {}

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in graph or target == module:
                continue
            # A package's submodule importing the package itself (its public names)
            # is how a package is used, not a circle.
            if module.startswith(target + "."):
                continue
            if state.get(target) == 1:
                circles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert circles == []


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines: split it where the parts have names"


def test_lazy_exports_stay_inside_their_package():
    """``_lazy`` exports name modules in strings; they may only name the package's own."""
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_EXPORTS" for t in node.targets):
                targets = [v.value for v in node.value.values if isinstance(v, ast.Constant)]
                assert all(t.startswith(name + ".") for t in targets), name
