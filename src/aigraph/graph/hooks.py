"""The other stores a build writes beside ``graph.json``, when their packages provide them.

``aigraph.rdf.write_turtle(graph, path)`` writes ``graph.ttl``,
``aigraph.rdf.write_store(graph, graph_dir)`` the on-disk SPARQL store (``oxigraph/``)
and ``aigraph.cypher.build_database(graph, path)`` the embedded Cypher database. Both are
imported lazily; a missing package or function is skipped (and says so), while an
error inside one fails the build.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.graph.paths import GraphPaths

log = logging.getLogger(__name__)

#: (name in the manifest, module, function, GraphPaths attribute).
STORE_HOOKS = (
    ("graph.ttl", "aigraph.rdf", "write_turtle", "turtle"),
    # After graph.ttl: the SPARQL store is bulk-loaded from it into <dir>/oxigraph/.
    ("oxigraph", "aigraph.rdf", "write_store", "root"),
    ("cypher", "aigraph.cypher", "build_database", "cypher"),
)


def optional_function(module_name: str, function: str) -> Callable[..., Any] | None:
    """Return ``module.function`` when both exist; ``None`` when either is not there.

    An ``ImportError`` raised from inside an existing module is a bug and propagates.
    """
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name and module_name.startswith(err.name):
            return None
        raise
    return getattr(module, function, None)


def write_stores(
    graph: nx.MultiDiGraph, paths: GraphPaths, timings: dict[str, float] | None = None
) -> dict[str, str]:
    """Write the RDF and Cypher stores into ``paths`` where their writers exist.

    Returns
    -------
    dict
        Store name -> ``"written"`` or ``"skipped: <why>"``; ``timings`` (when given)
        gets the seconds each writer took.
    """
    stores: dict[str, str] = {}
    for name, module, function, attr in STORE_HOOKS:
        writer = optional_function(module, function)
        if writer is None:
            stores[name] = f"skipped: {module}.{function} is not available"
            log.info("%s not written: %s.%s is not available", name, module, function)
            continue
        started = time.perf_counter()
        writer(graph, getattr(paths, attr))
        if timings is not None:
            timings[name] = round(time.perf_counter() - started, 4)
        stores[name] = "written"
    return stores
