"""SPARQL over a built graph: :class:`SparqlStore`.

Queries run in worker processes (``aigraph.rdf._worker``), a small pool per store, each
holding the build's Oxigraph store open read-only (or, for an older build, ``graph.ttl``
loaded into memory). A query that runs past its timeout is stopped by ending its process
(Oxigraph cannot interrupt a query); the next query starts a fresh one. Workers die with
the process that started them. Queries are parsed and checked by
:func:`aigraph.readonly.check_sparql` before they are sent (no update, no SERVICE, no
foreign dataset); the worker only ever runs queries, has no network to reach, and its
memory is capped (:data:`DEFAULT_MEMORY_MB`), so a huge sort fails alone.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aigraph.errors import GraphError, QueryError, QueryTimeout, first_line
from aigraph.readonly import check_sparql

log = logging.getLogger(__name__)

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


#: Worker processes one store keeps at most; a slow query holds one, others use the rest.
DEFAULT_WORKERS = 2
#: Data memory (MB) a worker serving an on-disk store may use; a query needing more fails.
DEFAULT_MEMORY_MB = 2048


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


class _Spawner:
    """A thread that lives as long as this process and starts every worker.

    ``PR_SET_PDEATHSIG`` fires when the *thread* that started a child ends, and the
    explorer runs queries on short-lived threads; starting workers from one long-lived
    thread means a worker dies with the process, not with the query that needed it.
    """

    _instance: _Spawner | None = None
    _guard = threading.Lock()
    warned = False  # said once per process that workers keep their network

    def __init__(self) -> None:
        self._requests: queue.Queue[tuple[list[str], dict[str, Any], queue.Queue[Any]]] = queue.Queue()
        threading.Thread(target=self._run, name="sparql-spawner", daemon=True).start()

    @classmethod
    def get(cls) -> _Spawner:
        with cls._guard:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _run(self) -> None:
        while True:
            args, kwargs, reply = self._requests.get()
            try:
                reply.put(subprocess.Popen(args, **kwargs))
            except OSError as err:
                reply.put(err)

    def popen(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        reply: queue.Queue[Any] = queue.Queue()
        self._requests.put((args, kwargs, reply))
        result = reply.get()
        if isinstance(result, OSError):
            raise GraphError(f"cannot start the SPARQL worker: {result}") from result
        return result


class _Worker:
    """One running worker process and the thread that reads its answers."""

    def __init__(self, source: Path, stamp: tuple[int, int, int], generation: int, memory_mb: int) -> None:
        import aigraph

        env = dict(os.environ)
        src = str(Path(aigraph.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        self.stamp, self.generation = stamp, generation
        self.proc = _Spawner.get().popen(
            [sys.executable, "-m", "aigraph.rdf._worker", str(os.getpid()), str(source), str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        threading.Thread(target=_pump, args=(self.proc.stdout, self.lines), daemon=True).start()
        self._finalizer = weakref.finalize(self, _stop, self.proc)
        self.memory_mb = memory_mb
        self.offline = False
        self.ended = False  # its output closed: the process is gone or going

    @property
    def pid(self) -> int:
        return self.proc.pid

    def receive(self, timeout: float | None) -> dict[str, Any] | None:
        """Return the next answer, or ``None`` when none came in time (or the worker died)."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            self.ended = True
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

        self.paths = GraphPaths(DEFAULT_GRAPH_DIR if graph_dir is None else graph_dir)
        self.size = max(1, int(workers))
        self.memory_mb = memory_mb
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._starting = 0  # workers being started or running a query
        self._generation = 0  # bumped by close(): older workers are stopped when handed back

    def _source(self) -> tuple[tuple[int, int, int], Path]:
        from aigraph.rdf.disk import has_store, store_dir

        stamp = self.paths.build_stamp()
        if has_store(self.paths.root):
            return stamp, store_dir(self.paths.root)
        if not self.paths.turtle.is_file():
            raise GraphError(f"the graph in {self.paths.root} has no graph.ttl: run `aigraph build` again")
        return stamp, self.paths.turtle

    def _acquire(self, deadline: float | None) -> _Worker:
        stamp, source = self._source()
        with self._cond:
            while True:
                for worker in [w for w in self._idle if w.stamp != stamp or not w.alive()]:
                    self._idle.remove(worker)
                    worker.stop()
                if self._idle:
                    worker = self._idle.pop()
                    self._starting += 1
                    return worker
                if self._starting < self.size:
                    self._starting += 1
                    generation = self._generation
                    break
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    raise QueryTimeout(
                        f"every SPARQL worker stayed busy for the whole time limit ({self.size} at once); "
                        "try again or raise --timeout"
                    )
                self._cond.wait(wait)
        try:
            return self._start(source, stamp, generation)
        except BaseException:
            with self._cond:
                self._starting -= 1
                self._cond.notify()
            raise

    def _start(self, source: Path, stamp: tuple[int, int, int], generation: int) -> _Worker:
        memory = 0
        if self.memory_mb is not None:
            memory = int(self.memory_mb)
            if source.is_file():  # the whole graph is held in memory
                memory += 10 * (source.stat().st_size >> 20)
        worker = _Worker(source, stamp, generation, memory)
        ready = worker.receive(LOAD_TIMEOUT)
        if not ready or not ready.get("ready"):
            worker.stop()
            detail = first_line(ready.get("message", "")) if ready else "the SPARQL worker did not start"
            raise GraphError(f"cannot load {source}: {detail}")
        worker.offline = bool(ready.get("offline"))
        if not worker.offline and not _Spawner.warned:
            _Spawner.warned = True
            log.warning(
                "the SPARQL worker could not give up network access (no unprivileged user "
                "namespaces here); SERVICE is still refused by the query parser"
            )
        return worker

    def _release(self, worker: _Worker | None) -> None:
        with self._cond:
            self._starting -= 1
            if worker is not None:
                if worker.alive() and worker.generation == self._generation:
                    self._idle.append(worker)
                else:
                    worker.stop()
            self._cond.notify()

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
            ``int``, ``float``, ``bool`` or :class:`Iri`. Never pasted into the text.
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
            The text is not valid SPARQL, or the store failed.
        QueryTimeout
            The query ran longer than ``timeout`` and was stopped.
        GraphError
            The graph directory is missing, incomplete or unreadable.
        """
        request = {
            "query": check_sparql(text),  # the checked form: line ends and escapes normalised
            "params": {k: encode_param(v) for k, v in (params or {}).items()},
            "max_rows": max_rows,
        }
        answer = self._exchange(request, timeout)
        _raise_for(answer)
        return answer["columns"], [tuple(row) for row in answer["rows"]]

    def _exchange(self, request: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        """Send one request to a worker and return its answer; a late answer ends the worker."""
        deadline = None if timeout is None else time.monotonic() + timeout
        worker: _Worker | None = self._acquire(deadline)
        try:
            try:
                worker.send(request)
            except OSError:  # the worker died since its last query: start another, once
                worker.stop()
                stamp, source = self._source()
                worker = self._start(source, stamp, worker.generation)
                worker.send(request)
            answer = worker.receive(timeout)
            if answer is None:
                died = worker.ended or not worker.alive()
                worker.stop()  # ended at the deadline; the next query starts a fresh one
                ended, memory, worker = worker.proc.returncode, worker.memory_mb, None
                if died and memory and ended == -signal.SIGABRT:  # an allocation over the cap
                    raise QueryError(
                        f"SPARQL query needed more than the {memory} MB a query may use; "
                        "narrow it down (fewer rows to sort or group)"
                    )
                if died:
                    raise QueryError("the SPARQL worker stopped unexpectedly while running the query")
                raise QueryTimeout(
                    f"SPARQL query stopped after {timeout:g} s (the time limit); "
                    "narrow it down or raise --timeout"
                )
        finally:
            self._release(worker)
        return answer

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
        answer = self._exchange(request, timeout)
        _raise_for(answer)
        body = answer.get("body")
        return SerializedResult(answer["kind"], answer.get("format"), None if body is None else body.encode("utf-8"))

    def worker_pids(self) -> list[int]:
        """Return the process ids of the idle workers (for tests and status pages)."""
        with self._cond:
            return [w.pid for w in self._idle if w.alive()]

    def close(self) -> None:
        """Stop the idle workers, and busy ones when their query ends; the next query starts afresh."""
        with self._cond:
            idle, self._idle = self._idle, []
            self._generation += 1
        for worker in idle:
            worker.stop()

    def __enter__(self) -> SparqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Iri", "SparqlStore", "encode_param"]
