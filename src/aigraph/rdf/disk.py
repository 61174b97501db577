"""The on-disk Oxigraph store a build writes beside ``graph.ttl``.

SPARQL on a big graph used to start by parsing ``graph.ttl`` into memory (tens of seconds
and gigabytes on a 50 MB input). The build now bulk-loads the same triples once into an
Oxigraph store directory, ``<graph dir>/oxigraph/``, which the SPARQL worker opens
read-only in well under a second. A graph directory from an older build has no such
directory and is still served from ``graph.ttl``.
"""

from __future__ import annotations

import os
import shutil
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.errors import GraphError

if TYPE_CHECKING:
    import networkx as nx

#: Name of the store directory inside a graph directory.
STORE_DIR = "oxigraph"
#: Quads handed to Oxigraph's bulk loader at a time (bounds the build's memory).
LOAD_BATCH = 250_000
# A RocksDB directory is complete once it has this file (written when it is created).
_MARKER = "CURRENT"


def store_dir(graph_dir: str | os.PathLike[str]) -> Path:
    """Return the Oxigraph store directory of a graph directory (it may not exist)."""
    return Path(graph_dir) / STORE_DIR


def has_store(graph_dir: str | os.PathLike[str]) -> bool:
    """Return true when a graph directory holds a written Oxigraph store."""
    return (store_dir(graph_dir) / _MARKER).is_file()


def write_store(graph: nx.MultiDiGraph, graph_dir: str | os.PathLike[str]) -> Path:
    """Bulk-load the graph's triples into ``<graph_dir>/oxigraph/`` (replacing any there).

    The triples come from ``<graph_dir>/graph.ttl`` when the build wrote it already
    (streamed, :data:`LOAD_BATCH` quads at a time); otherwise they are generated from
    ``graph``.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``.
    graph_dir
        The (staged) graph directory being built.

    Returns
    -------
    Path
        The store directory.

    Raises
    ------
    GraphError
        Oxigraph could not write or parse.

    Examples
    --------
    >>> import tempfile
    >>> from aigraph.graph.sample import sample_graph
    >>> write_store(sample_graph(), tempfile.mkdtemp()).name
    'oxigraph'
    """
    import pyoxigraph as ox

    target = store_dir(graph_dir)
    if target.exists():
        shutil.rmtree(target)
    turtle = Path(graph_dir) / "graph.ttl"
    try:
        if turtle.is_file():
            quads = ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)
        else:
            from aigraph.rdf.convert import generate_turtle

            quads = ox.parse(generate_turtle(graph), format=ox.RdfFormat.TURTLE)
        store = ox.Store(str(target))
        # Oxigraph's one-call bulk_load buffers about a million quads per thread (1.8 GB
        # for a 540 MB graph.ttl); feeding it in slices keeps a build near 300 MB.
        while batch := list(islice(quads, LOAD_BATCH)):
            store.bulk_extend(batch)
        store.flush()
        del store  # closes the database before a reader opens it
    except (OSError, SyntaxError, ValueError, RuntimeError) as err:
        raise GraphError(f"cannot write the SPARQL store in {target}: {err}") from err
    return target


__all__ = ["STORE_DIR", "has_store", "store_dir", "write_store"]
