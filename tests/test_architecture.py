"""The shape of the code: no import cycles, and a shallow application.

Measured with grimp (import-linter's graph builder) over every import
statement, those inside functions included. Package ``__init__`` modules
and ``__main__`` are entry doors (the command line's ``__init__`` gathers
its subcommands), not steps of the application's structure, so a chain
counts the modules between them. Cycles are sought among every import; the
chain follows the imports that run (an ``if TYPE_CHECKING:`` import names a
type for the reader and the checker, and loads nothing).
"""

from __future__ import annotations

import functools

import grimp
import networkx as nx
import pytest

PACKAGES = ("engine", "widgets", "workbench")
#: Issue 12's bound (13 before workbench/ was split into parts).
MAX_CHAIN = 7


@functools.cache
def _graph(run_time: bool = False) -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, exclude_type_checking_imports=run_time,
                             cache_dir=None)       # a stale cache kept a moved import


def _imports(package: str, *, doors: bool = True, run_time: bool = False) -> nx.DiGraph:
    """Modules of ``package`` and the imports among them (without the doors if asked; only
    those that run if asked)."""
    graph = _graph(run_time)
    modules = {m for m in graph.modules if m == package or m.startswith(f"{package}.")}
    if not doors:
        modules = {m for m in modules if not _is_door(graph, m)}
    out = nx.DiGraph()
    out.add_nodes_from(modules)
    for module in modules:
        out.add_edges_from((module, imported)
                           for imported in graph.find_modules_directly_imported_by(module)
                           if imported in modules)
    return out


def _is_door(graph: grimp.ImportGraph, module: str) -> bool:
    return module.endswith(".__main__") or bool(graph.find_children(module)) \
        or module in PACKAGES


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycles(package):
    cycles = [sorted(c) for c in nx.strongly_connected_components(_imports(package))
              if len(c) > 1]
    assert not cycles, f"modules importing each other in a circle: {cycles}"


def test_longest_chain_of_imports_inside_the_workbench(capsys):
    chain = nx.dag_longest_path(_imports("workbench", doors=False, run_time=True))
    with capsys.disabled():
        print(f"\nlongest chain inside workbench/: {len(chain)} modules: "  # noqa: T201
              f"{' -> '.join(chain)}")
    assert len(chain) <= MAX_CHAIN, " -> ".join(chain)
