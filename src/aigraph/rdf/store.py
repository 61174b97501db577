"""SPARQL over a built graph: :class:`SparqlStore`.

Queries run in worker processes (``aigraph.rdf._worker``), a small pool per store
(:mod:`aigraph.rdf.pool`), each
holding the build's Oxigraph store open read-only (or, for an older build, ``graph.ttl``
loaded into memory). A query that runs past its timeout is stopped by ending its process
(Oxigraph cannot interrupt a query); the next query starts a fresh one. Workers die with
the process that started them. Queries are parsed and checked by
:func:`aigraph.readonly.check_sparql` before they are sent (no update, no SERVICE, no
foreign dataset); the worker only ever runs queries, has no network to reach, and its
memory is capped (:data:`DEFAULT_MEMORY_MB`), so a huge sort fails alone. Parameters
are bound as constants the planner sees (:mod:`aigraph.rdf.params`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aigraph.errors import GraphError, QueryError, first_line
from aigraph.rdf.params import Iri, bind_values, encode_param
from aigraph.readonly import check_sparql

#: Seconds a query may run unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0
#: Worker processes one store keeps at most; a slow query holds one, others use the rest.
DEFAULT_WORKERS = 2
#: Data memory (MB) a worker serving an on-disk store may use; a query needing more fails.
DEFAULT_MEMORY_MB = 2048


def _raise_for(answer: dict[str, Any]) -> None:
    """Raise the error a worker's answer reports, if any."""
    if answer["ok"]:
        return
    if answer["error"] == "too-large":
        raise QueryError(f"SPARQL result too large: {first_line(answer['message'])}; add a LIMIT")
    if answer["error"] == "memory":
        raise QueryError("SPARQL query needed more memory than a query may use; narrow it down")
    kind = "malformed SPARQL" if answer["error"] == "syntax" else "SPARQL query failed"
    raise QueryError(f"{kind}: {first_line(answer['message'])}")


@dataclass(frozen=True, slots=True)
class SerializedResult:
    """A query result as Oxigraph wrote it (see :meth:`SparqlStore.serialize`)."""

    kind: str  # "solutions", "boolean" or "graph"
    format: str | None  # the format name used, None when none was wanted for this kind
    body: bytes | None


class SparqlStore:
    """Read-only SPARQL over one graph directory, in Oxigraph worker processes.

    Cheap to create: no worker starts until the first :meth:`query`. Each worker opens
    the build's on-disk store (``oxigraph/``) read-only, or loads ``graph.ttl`` for a
    build made before the store existed. Safe to share between threads: up to
    ``workers`` queries run at once, each in its own process, so one slow query does not
    hold up the others. A rebuilt graph directory (a new ``manifest.json``) is picked up
    by the next query.

    Parameters
    ----------
    graph_dir
        A directory written by ``aigraph build`` (default ``data/graph``).
    workers
        Most worker processes kept at once (at least 1).
    memory_mb
        Data memory each worker may use (``None``: no cap). A worker that loads
        ``graph.ttl`` (an older build) gets ten times the file's size on top.

    Examples
    --------
    >>> store = SparqlStore("data/graph")  # doctest: +SKIP
    >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
    (['n'], [(931,)])
    """

    def __init__(
        self,
        graph_dir: str | os.PathLike[str] | None = None,
        *,
        workers: int = DEFAULT_WORKERS,
        memory_mb: int | None = DEFAULT_MEMORY_MB,
    ) -> None:
        from aigraph.graph.paths import DEFAULT_GRAPH_DIR, GraphPaths
        from aigraph.rdf.pool import WorkerPool

        self.paths = GraphPaths(DEFAULT_GRAPH_DIR if graph_dir is None else graph_dir)
        self.size = max(1, int(workers))
        self.memory_mb = memory_mb
        self._pool = WorkerPool(self._source, self.size, memory_mb)

    def _source(self) -> tuple[tuple[int, int, int], Path]:
        from aigraph.rdf.disk import has_store, store_dir

        stamp = self.paths.build_stamp()
        if has_store(self.paths.root):
            return stamp, store_dir(self.paths.root)
        if not self.paths.turtle.is_file():
            raise GraphError(f"the graph in {self.paths.root} has no graph.ttl: run `aigraph build` again")
        return stamp, self.paths.turtle

    def query(
        self,
        text: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        params: dict[str, Any] | None = None,
        max_rows: int | None = None,
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only SPARQL query and return ``(columns, rows)``.

        Parameters
        ----------
        text
            A SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE). Updates are refused.
        timeout
            Seconds the query may run (``None``: no limit); starting a worker on first
            use is not counted, waiting for a free one is.
        params
            Values bound to variables (``{"key": "deepmind"}`` binds ``?key``); ``str``,
            ``int``, ``float``, ``bool`` or :class:`Iri`. Each is written as one escaped
            term in a ``VALUES`` block at the start of the WHERE group (and of subqueries
            that project it), so the planner uses it (:func:`aigraph.rdf.params.bind_values`);
            a value never becomes query text. The variable need not be selected.
        max_rows
            Keep at most ``max_rows + 1`` rows (``None``: all); the engine stops
            producing rows there, so a huge result never exists in memory.

        Returns
        -------
        (columns, rows)
            Variable names, and one tuple per solution with literals as Python values
            (numbers and booleans typed), IRIs as strings and unbound variables as ``None``.
            ASK gives ``(["ask"], [(bool,)])``; CONSTRUCT/DESCRIBE one row per triple.

        Raises
        ------
        ReadOnlyError
            The text is an update, uses SERVICE, or names another dataset.
        QueryError
            The text is not valid SPARQL, a parameter cannot be bound, or the store failed.
        QueryTimeout
            The query ran longer than ``timeout`` and was stopped.
        GraphError
            The graph directory is missing, incomplete or unreadable.
        """
        checked = check_sparql(text)  # the checked form: line ends and escapes normalised
        bound = bind_values(checked, params or {})  # None: Oxigraph substitutes them instead
        request = {
            "query": checked if bound is None else bound,
            "params": {k: encode_param(v) for k, v in (params or {}).items()} if bound is None else {},
            "max_rows": max_rows,
        }
        answer = self._pool.exchange(request, timeout)
        _raise_for(answer)
        return answer["columns"], [tuple(row) for row in answer["rows"]]

    def serialize(
        self,
        text: str,
        *,
        formats: dict[str, str | None],
        timeout: float | None = DEFAULT_TIMEOUT,
        max_bytes: int | None = None,
    ) -> SerializedResult:
        """Run one read-only SPARQL query and return its result written by Oxigraph.

        Parameters
        ----------
        text
            A SPARQL query, checked as :meth:`query` checks it.
        formats
            The format wanted for each kind of result: ``"solutions"`` and ``"boolean"``
            take ``json``, ``xml``, ``csv`` or ``tsv``; ``"graph"`` (CONSTRUCT, DESCRIBE)
            ``turtle``, ``ntriples``, ``jsonld`` or ``rdfxml``. A kind missing or ``None``
            gives a result without a body (the caller cannot take that kind).
        timeout
            Seconds the query may run, as in :meth:`query`.
        max_bytes
            Largest result body; past it the query fails (``None``: no cap).

        Returns
        -------
        SerializedResult
            The kind of result, the format used, and the body (``None`` when no format).

        Raises
        ------
        ReadOnlyError, QueryError, QueryTimeout, GraphError
            As :meth:`query`; a result past ``max_bytes`` is a :class:`QueryError`.
        """
        request = {
            "op": "serialize",
            "query": check_sparql(text),
            "formats": dict(formats),
            "max_bytes": max_bytes,
        }
        answer = self._pool.exchange(request, timeout)
        _raise_for(answer)
        body = answer.get("body")
        return SerializedResult(answer["kind"], answer.get("format"), None if body is None else body.encode("utf-8"))

    def worker_pids(self) -> list[int]:
        """Return the process ids of the idle workers (for tests and status pages)."""
        return self._pool.pids()

    def close(self) -> None:
        """Stop the idle workers, and busy ones when their query ends; the next query starts afresh."""
        self._pool.close()

    def __enter__(self) -> SparqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Iri", "SparqlStore", "encode_param"]
