"""The shape of geo/: layers that import only downward, no cycles, no Streamlit in the core,
no module too big to hold one concept."""

from __future__ import annotations

import ast
from functools import cache

from tests.conftest import ROOT

GEO = ROOT / "geo"
#: Lowest first: a module may import its own layer or a lower one, never a higher one.
LAYERS = ["package", "model", "rules", "io", "ingest", "render", "tools", "cli", "state"]
MAX_LINES = 400


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "package"  # geo/__init__.py
    return "cli" if parts[1] == "__main__" else parts[1]


@cache
def _modules() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in GEO.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(p for p in rel.parts if p != "__init__")
        imports: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imports.add(node.module)
                imports.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                imports.update(a.name for a in node.names)
        graph[name] = imports
    return graph


def test_layers_import_only_downward():
    graph = _modules()
    wrong = []
    for module, imports in graph.items():
        mine = LAYERS.index(_layer(module))
        for target in (i for i in imports if i.startswith("geo.") and i in graph):
            if LAYERS.index(_layer(target)) > mine:
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_no_import_cycles():
    # An edge to one's own parent package (its __init__) is Python's import machinery, not a dependency.
    graph = {m: {i for i in imps if i in _modules_set() and not m.startswith(i + ".")} - {m}
             for m, imps in _modules().items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> bool:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle.extend([*path, node, nxt])
                return True
            if nxt not in state and visit(nxt, [*path, node]):
                return True
        state[node] = 2
        return False

    for start in graph:
        if start not in state and visit(start, []):
            break
    assert not cycle, " → ".join(cycle)


def _modules_set() -> set[str]:
    return set(_modules())


def test_streamlit_only_in_the_state_module():
    users = [m for m, imps in _modules().items() if any(i == "streamlit" or i.startswith("streamlit") for i in imps)]
    assert users == ["geo.state"], users


def test_no_module_is_too_big():
    big = {str(p.relative_to(ROOT)): n for p in GEO.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, big
