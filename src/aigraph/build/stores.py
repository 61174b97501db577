"""The other stores a build writes beside ``graph.json``: RDF and Cypher.

They are written in two steps, so that a large build can let go of the graph in
between. While the graph is in memory (:func:`write_from_graph`):
:func:`aigraph.rdf.write_turtle` writes ``graph.ttl`` and
:func:`aigraph.cypher.embedded.stage_database` writes the Cypher tables as Parquet
files. Then, from those files alone (:func:`load_from_files`):
:func:`aigraph.rdf.write_store` bulk-loads the on-disk SPARQL store (``oxigraph/``)
and :func:`aigraph.cypher.embedded.load_database` the embedded Cypher database.
The build sits above the stores and imports them plainly (inside the functions, so
importing the build stays cheap); an error in a writer fails the build.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.graph.paths import GraphPaths

#: The stores in the order they are finished (the SPARQL store is loaded from graph.ttl).
STORE_NAMES = ("graph.ttl", "oxigraph", "cypher")


def _staging(paths: GraphPaths) -> Path:
    """Where the Cypher tables wait between the two steps."""
    from aigraph.cypher.embedded import STAGING_DIR

    return paths.cypher / STAGING_DIR


def graph_writers() -> list[tuple[str, Callable[[nx.MultiDiGraph, GraphPaths], Any]]]:
    """Return (step name, writer(graph, paths)) for the steps that read the graph."""
    from aigraph.cypher.embedded import stage_database
    from aigraph.rdf import write_turtle

    return [
        ("graph.ttl", lambda graph, paths: write_turtle(graph, paths.turtle)),
        ("cypher tables", lambda graph, paths: stage_database(graph, _staging(paths))),
    ]


def file_loaders() -> list[tuple[str, Callable[[GraphPaths], Any]]]:
    """Return (store name, loader(paths)) for the steps that read only the files."""
    from aigraph.cypher.embedded import load_database
    from aigraph.rdf import write_store

    def cypher(paths: GraphPaths) -> Any:
        try:
            return load_database(_staging(paths), paths.cypher)
        finally:
            shutil.rmtree(_staging(paths), ignore_errors=True)

    return [
        ("oxigraph", lambda paths: write_store(None, paths.root)),
        ("cypher", cypher),
    ]


def release_memory() -> None:
    """Hand memory freed by the last step back to the system before the next (glibc only)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is reused by this process, only not returned


def write_from_graph(graph: nx.MultiDiGraph, paths: GraphPaths, timings: dict[str, float] | None = None) -> None:
    """Write ``graph.ttl`` and the staged Cypher tables of ``graph`` into ``paths``."""
    for name, writer in graph_writers():
        started = time.perf_counter()
        writer(graph, paths)
        release_memory()
        if timings is not None:
            timings[name] = round(time.perf_counter() - started, 4)


def load_from_files(paths: GraphPaths, timings: dict[str, float] | None = None) -> dict[str, str]:
    """Load the SPARQL and Cypher stores from what :func:`write_from_graph` wrote."""
    for name, loader in file_loaders():
        started = time.perf_counter()
        loader(paths)
        if timings is not None:
            timings[name] = round(time.perf_counter() - started, 4)
    return {name: "written" for name in STORE_NAMES}


def write_stores(
    graph: nx.MultiDiGraph, paths: GraphPaths, timings: dict[str, float] | None = None
) -> dict[str, str]:
    """Write the RDF and Cypher stores of ``graph`` into ``paths`` (both steps).

    Returns
    -------
    dict
        Store name -> ``"written"``; ``timings`` (when given) gets the seconds each
        step took.
    """
    write_from_graph(graph, paths, timings)
    return load_from_files(paths, timings)


__all__ = ["STORE_NAMES", "file_loaders", "graph_writers", "load_from_files", "release_memory", "write_from_graph", "write_stores"]
