"""The other stores a build writes beside ``graph.json``: RDF and Cypher.

:func:`aigraph.rdf.write_turtle` writes ``graph.ttl``, :func:`aigraph.rdf.write_store`
bulk-loads the on-disk SPARQL store (``oxigraph/``) from it, and
:func:`aigraph.cypher.build_database` writes the embedded Cypher database. The build
sits above the stores and imports them plainly (inside the function, so importing the
build stays cheap); an error in a writer fails the build.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.graph.paths import GraphPaths

#: The stores in the order they are written (the SPARQL store is loaded from graph.ttl).
STORE_NAMES = ("graph.ttl", "oxigraph", "cypher")


def store_writers() -> list[tuple[str, Callable[..., Any], str]]:
    """Return (name in the manifest, writer(graph, path), GraphPaths attribute) per store."""
    from aigraph.cypher import build_database
    from aigraph.rdf import write_store, write_turtle

    return [
        ("graph.ttl", write_turtle, "turtle"),
        ("oxigraph", write_store, "root"),
        ("cypher", build_database, "cypher"),
    ]


def write_stores(
    graph: nx.MultiDiGraph, paths: GraphPaths, timings: dict[str, float] | None = None
) -> dict[str, str]:
    """Write the RDF and Cypher stores into ``paths``.

    Returns
    -------
    dict
        Store name -> ``"written"``; ``timings`` (when given) gets the seconds each
        writer took.
    """
    stores: dict[str, str] = {}
    for name, writer, attr in store_writers():
        started = time.perf_counter()
        writer(graph, getattr(paths, attr))
        if timings is not None:
            timings[name] = round(time.perf_counter() - started, 4)
        stores[name] = "written"
    return stores


__all__ = ["STORE_NAMES", "store_writers", "write_stores"]
