"""SPARQL over a built graph: :class:`SparqlStore`.

The store loads ``graph.ttl`` into Oxigraph in a worker process (``aigraph.rdf._worker``)
the first time it is queried and keeps it there. A query that runs past its timeout is
stopped by ending that process (Oxigraph cannot interrupt a query); the next query starts
a fresh one. Queries are checked by :func:`aigraph.readonly.check_sparql` before they are
sent, and the worker only ever runs queries (Oxigraph's ``query`` never updates), so the
store is read-only twice over.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from aigraph.errors import GraphError, QueryError, QueryTimeout, first_line
from aigraph.readonly import check_sparql

#: Seconds a query may run unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0
#: Seconds the worker may take to load ``graph.ttl``.
LOAD_TIMEOUT = 600.0

_XSD = "http://www.w3.org/2001/XMLSchema#"


class Iri(str):
    """A query parameter that is an IRI rather than a string literal."""

    __slots__ = ()


def encode_param(value: Any) -> list[Any]:
    """Return the wire form ``[kind, lexical, datatype]`` of a bound parameter.

    Examples
    --------
    >>> encode_param(2021)
    ['literal', '2021', 'http://www.w3.org/2001/XMLSchema#integer']
    >>> encode_param("deepmind")
    ['literal', 'deepmind', None]
    """
    if isinstance(value, Iri):
        return ["iri", str(value), None]
    if isinstance(value, bool):
        return ["literal", "true" if value else "false", _XSD + "boolean"]
    if isinstance(value, int):
        return ["literal", str(value), _XSD + "integer"]
    if isinstance(value, float):
        return ["literal", repr(value), _XSD + "double"]
    if isinstance(value, str):
        return ["literal", value, None]
    raise QueryError(f"cannot bind a {type(value).__name__} as a SPARQL parameter")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def _pump(stream: Any, lines: queue.Queue[bytes | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


class _Worker:
    """One running worker process and the thread that reads its answers."""

    def __init__(self, turtle: Path) -> None:
        import aigraph

        env = dict(os.environ)
        src = str(Path(aigraph.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aigraph.rdf._worker", str(turtle)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        threading.Thread(target=_pump, args=(self.proc.stdout, self.lines), daemon=True).start()
        self._finalizer = weakref.finalize(self, _stop, self.proc)

    def receive(self, timeout: float | None) -> dict[str, Any] | None:
        """Return the next answer, or ``None`` when none came in time (or the worker died)."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            return None
        return json.loads(line)

    def send(self, request: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        self._finalizer()


class SparqlStore:
    """Read-only SPARQL over one graph directory (``graph.ttl`` in Oxigraph).

    Cheap to create: nothing is loaded until the first :meth:`query`. Safe to share
    between threads (queries run one at a time). A rebuilt graph directory (a new
    ``manifest.json``) is picked up by the next query.

    Parameters
    ----------
    graph_dir
        A directory written by ``aigraph build`` (default ``data/graph``).

    Examples
    --------
    >>> store = SparqlStore("data/graph")  # doctest: +SKIP
    >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
    (['n'], [(931,)])
    """

    def __init__(self, graph_dir: str | os.PathLike[str] | None = None) -> None:
        from aigraph.graph.paths import DEFAULT_GRAPH_DIR, GraphPaths

        self.paths = GraphPaths(DEFAULT_GRAPH_DIR if graph_dir is None else graph_dir)
        self._lock = threading.RLock()
        self._worker: _Worker | None = None
        self._stamp: tuple[int, int, int] | None = None
        self.triples = 0

    def _check_build(self) -> tuple[int, int, int]:
        stamp = self.paths.build_stamp()
        if not self.paths.turtle.is_file():
            raise GraphError(f"the graph in {self.paths.root} has no graph.ttl: run `aigraph build` again")
        return stamp

    def _ensure_worker(self) -> _Worker:
        stamp = self._check_build()
        worker = self._worker
        if worker is not None and worker.alive() and stamp == self._stamp:
            return worker
        self.close()
        worker = _Worker(self.paths.turtle)
        ready = worker.receive(LOAD_TIMEOUT)
        if not ready or not ready.get("ready"):
            worker.stop()
            detail = first_line(ready.get("message", "")) if ready else "the SPARQL worker did not start"
            raise GraphError(f"cannot load {self.paths.turtle}: {detail}")
        self._worker, self._stamp, self.triples = worker, stamp, int(ready.get("triples", 0))
        return worker

    def query(
        self,
        text: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        params: dict[str, Any] | None = None,
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only SPARQL query and return ``(columns, rows)``.

        Parameters
        ----------
        text
            A SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE). Updates are refused.
        timeout
            Seconds the query may run (``None``: no limit); loading the graph on first
            use is not counted.
        params
            Values bound to variables (``{"key": "deepmind"}`` binds ``?key``); ``str``,
            ``int``, ``float``, ``bool`` or :class:`Iri`. Never pasted into the text.

        Returns
        -------
        (columns, rows)
            Variable names, and one tuple per solution with literals as Python values
            (numbers and booleans typed), IRIs as strings and unbound variables as ``None``.
            ASK gives ``(["ask"], [(bool,)])``; CONSTRUCT/DESCRIBE one row per triple.

        Raises
        ------
        ReadOnlyError
            The text is an update (INSERT, DELETE, LOAD, CLEAR, ...).
        QueryError
            The text is not valid SPARQL, or the store failed.
        QueryTimeout
            The query ran longer than ``timeout`` and was stopped.
        GraphError
            The graph directory is missing, incomplete or unreadable.
        """
        check_sparql(text)
        request = {"query": text, "params": {k: encode_param(v) for k, v in (params or {}).items()}}
        with self._lock:
            worker = self._ensure_worker()
            try:
                worker.send(request)
            except OSError:  # the worker died since the last query: start another, once
                self.close()
                worker = self._ensure_worker()
                worker.send(request)
            started = time.monotonic()
            answer = worker.receive(timeout)
            if answer is None:
                died = not worker.alive() and (timeout is None or time.monotonic() - started < timeout)
                self.close()
                if died:
                    raise QueryError("the SPARQL worker stopped unexpectedly while running the query")
                raise QueryTimeout(
                    f"SPARQL query stopped after {timeout:g} s (the time limit); "
                    "narrow it down or raise --timeout"
                )
        if not answer["ok"]:
            kind = "malformed SPARQL" if answer["error"] == "syntax" else "SPARQL query failed"
            raise QueryError(f"{kind}: {first_line(answer['message'])}")
        return answer["columns"], [tuple(row) for row in answer["rows"]]

    def close(self) -> None:
        """Stop the worker process, if one runs; the next query starts another."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()

    def __enter__(self) -> SparqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DEFAULT_TIMEOUT", "Iri", "SparqlStore", "encode_param"]
