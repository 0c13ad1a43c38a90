"""The core's folders follow the path of a record, and data flows one way along it.

model → reading → graph → outputs: a stage imports only the stages before it. The editors' tools
(`editing/`) derive from the whole model and nothing imports them. Nothing in the core imports an engine.
"""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "plugins" / "conseil" / "core"
STAGES = ["model", "reading", "graph", "outputs"]
ENGINES = {"mkdocs", "properdocs", "material"}


def core_imports(path: Path) -> list[tuple[str, int]]:
    """The absolute names this module imports, with their lines (`conseil.core.graph.nodes`, `mkdocs.plugins`)."""
    package = path.relative_to(CORE.parent.parent).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            found += [(f"{name}.{alias.name}" if not node.module else name, node.lineno) for alias in node.names]
    return found


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["conseil", "core"] else None


MODULES = sorted(CORE.rglob("*.py"))


def test_every_module_is_in_a_stage():
    loose = [p.name for p in CORE.glob("*.py") if p.name not in ("__init__.py", "loader.py")]
    assert not loose, f"modules outside a stage folder: {loose}"
    assert {p.parent.name for p in MODULES if p.parent != CORE} == set(STAGES) | {"editing"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_no_engine_and_one_way_flow(path):
    own = path.parent.name if path.parent != CORE else None
    for name, line in core_imports(path):
        assert name.split(".")[0] not in ENGINES, f"{path.name}:{line} imports {name}: the core stays free of the engine"
        target = stage_of(name)
        if own is None or target is None or target == own:
            continue
        assert target != "editing", f"{path.name}:{line} imports the editors' tools ({name})"
        assert target in STAGES, f"{path.name}:{line} imports {name}"
        if own in STAGES:
            assert STAGES.index(target) < STAGES.index(own), \
                f"{own}/{path.name}:{line} imports {name}: a stage imports only the stages before it"
