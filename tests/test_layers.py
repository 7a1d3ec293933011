"""The package structure: imports point one way (api -> eval -> index -> matcher), no module imports itself back
through others, and no module of matcher/ passes 350 lines."""

from __future__ import annotations

from pathlib import Path

import grimp
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

PACKAGES = ("api", "eval", "index", "matcher")
ROOT = Path(__file__).resolve().parents[1]


def _graph() -> grimp.ImportGraph:
    # TYPE_CHECKING imports count: a circle hidden behind one is still a circle for the reader
    return grimp.build_graph(*PACKAGES, exclude_type_checking_imports=False, cache_dir=None)


def test_imports_point_one_way() -> None:
    illegal = _graph().find_illegal_dependencies_for_layers(layers=list(PACKAGES))
    assert illegal == set(), [(d.importer, d.imported) for d in illegal]


def import_circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of modules that import each other round a circle (strongly connected, more than one)."""
    modules = sorted(graph.modules)
    position = {name: i for i, name in enumerate(modules)}
    edges = [(position[m], position[t]) for m in modules for t in graph.find_modules_directly_imported_by(m)]
    adjacency = csr_matrix(([1] * len(edges), ([a for a, _ in edges], [b for _, b in edges])),
                           shape=(len(modules), len(modules)))
    _, labels = connected_components(adjacency, directed=True, connection="strong")
    members = [[m for m in modules if labels[position[m]] == label] for label in sorted(set(labels))]
    return [group for group in members if len(group) > 1]


def test_no_import_circle() -> None:
    assert import_circles(_graph()) == []


def test_no_matcher_module_over_350_lines() -> None:
    lengths = {str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
               for path in (ROOT / "matcher").rglob("*.py")}
    assert lengths, "matcher/ has no modules"
    assert {name: n for name, n in lengths.items() if n > 350} == {}


def test_the_circle_check_sees_a_circle() -> None:
    # a -> b -> c -> a is one circle; d imports into it but is not part of it
    graph = grimp.ImportGraph()
    for name in ("pkg.a", "pkg.b", "pkg.c", "pkg.d"):
        graph.add_module(name)
    for importer, imported in (("pkg.a", "pkg.b"), ("pkg.b", "pkg.c"), ("pkg.c", "pkg.a"), ("pkg.d", "pkg.a")):
        graph.add_import(importer=importer, imported=imported)
    assert import_circles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
