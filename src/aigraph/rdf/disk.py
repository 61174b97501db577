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
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from aigraph.errors import GraphError

if TYPE_CHECKING:
    import networkx as nx

#: Name of the store directory inside a graph directory.
STORE_DIR = "oxigraph"
#: Bytes of ``graph.ttl`` handed to Oxigraph's bulk loader at a time (bounds the build's
#: memory: Oxigraph's one-call loader buffers up to ~2 GB per thread).
LOAD_BYTES = 4 << 20
# A RocksDB directory is complete once it has this file (written when it is created).
_MARKER = "CURRENT"


def store_dir(graph_dir: str | os.PathLike[str]) -> Path:
    """Return the Oxigraph store directory of a graph directory (it may not exist)."""
    return Path(graph_dir) / STORE_DIR


def has_store(graph_dir: str | os.PathLike[str]) -> bool:
    """Return true when a graph directory holds a written Oxigraph store."""
    return (store_dir(graph_dir) / _MARKER).is_file()


def turtle_pieces(stream: BinaryIO, size: int = LOAD_BYTES) -> Iterator[bytes]:
    """Yield a Turtle file (as :func:`aigraph.rdf.write_turtle` writes it) in whole statements.

    Each piece holds about ``size`` bytes of statements, cut after a line that ends a
    statement (`` .``) and before a line that starts a subject; every piece after the
    first begins with the file's ``@prefix`` lines, so each parses on its own. Our
    writer escapes line breaks inside literals, so every line break is one of these.

    Examples
    --------
    >>> import io
    >>> data = b"@prefix e: <http://e/> .\\ne:a e:p 1 ;\\n\\te:q 2 .\\ne:b e:p 3 .\\n"
    >>> [p.decode() for p in turtle_pieces(io.BytesIO(data), size=20)]  # doctest: +NORMALIZE_WHITESPACE
    ['@prefix e: <http://e/> .\\ne:a e:p 1 ;\\n\\te:q 2 .\\n', '@prefix e: <http://e/> .\\ne:b e:p 3 .\\n']
    """
    header: bytes | None = None
    buffer, first = b"", True
    while True:
        block = stream.read(size)
        buffer += block
        if header is None:
            # The @prefix lines come first; keep them for the pieces after the first.
            end = 0
            while buffer.startswith(b"@prefix ", end) and (line_end := buffer.find(b"\n", end)) >= 0:
                end = line_end + 1
            if block and buffer.find(b"\n", end) < 0:
                continue  # the header may go on in the next block
            header = buffer[:end]
        skip = len(header) if first else 0
        cut = _last_statement_end(buffer, skip) if block else len(buffer)
        if cut > skip or (not block and buffer):
            piece, buffer = buffer[:cut], buffer[cut:]
            yield piece if first else header + piece
            first = False
        if not block:
            return


def _last_statement_end(data: bytes, start: int) -> int:
    """Return the offset after the last `` .`` line (past ``start``) that a subject line follows, or 0."""
    end = len(data)
    while (found := data.rfind(b" .\n", start, end)) >= 0:
        after = found + 3
        if after < len(data) and data[after:after + 1] not in (b"\t", b" "):
            return after
        end = found
    return 0


def write_store(graph: nx.MultiDiGraph | None, graph_dir: str | os.PathLike[str]) -> Path:
    """Bulk-load the graph's triples into ``<graph_dir>/oxigraph/`` (replacing any there).

    The triples come from ``<graph_dir>/graph.ttl`` when the build wrote it already,
    parsed by Oxigraph itself :data:`LOAD_BYTES` at a time (:func:`turtle_pieces`);
    otherwise from :func:`aigraph.rdf.generate_turtle` of ``graph``.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``; may be ``None`` when
        ``graph.ttl`` is written already.
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
    import io

    import pyoxigraph as ox

    target = store_dir(graph_dir)
    if target.exists():
        shutil.rmtree(target)
    turtle = Path(graph_dir) / "graph.ttl"
    try:
        store = ox.Store(str(target))
        with ExitStack() as stack:
            if turtle.is_file():
                stream: BinaryIO = stack.enter_context(open(turtle, "rb"))
            else:
                from aigraph.rdf.convert import generate_turtle

                if graph is None:
                    raise GraphError(f"no graph and no graph.ttl in {graph_dir} to load the SPARQL store from")
                stream = io.BytesIO(generate_turtle(graph))
            # One bulk load per piece: Oxigraph's loader keeps a batch of about a million
            # quads per thread in memory (1.8 GB for a 540 MB graph.ttl); a 4 MB piece
            # is about 75,000 triples and keeps the loader near 150 MB.
            for piece in turtle_pieces(stream):
                store.bulk_load(piece, ox.RdfFormat.TURTLE)
        store.flush()
        del store  # closes the database before a reader opens it
    except (OSError, SyntaxError, ValueError, RuntimeError) as err:
        raise GraphError(f"cannot write the SPARQL store in {target}: {err}") from err
    return target


__all__ = ["LOAD_BYTES", "STORE_DIR", "has_store", "store_dir", "turtle_pieces", "write_store"]
