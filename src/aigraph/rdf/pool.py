"""The SPARQL worker processes of one store: starting them, lending them out, ending them.

A :class:`WorkerPool` keeps up to ``size`` worker processes (``aigraph.rdf._worker``),
each holding the build's Oxigraph store open. :meth:`WorkerPool.exchange` lends one
worker a request and waits for its answer; a worker that does not answer in time is
ended (Oxigraph cannot interrupt a query) and the next request starts a fresh one.
Every worker is started from one long-lived thread (:class:`_Spawner`), so it dies with
this process and not with the thread that asked for it.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aigraph.errors import GraphError, QueryError, QueryTimeout, first_line

log = logging.getLogger(__name__)

#: Seconds the worker may take to load ``graph.ttl``.
LOAD_TIMEOUT = 600.0

#: Where a store's workers read from now: the build's stamp, and its store directory or Turtle file.
Source = Callable[[], tuple[tuple[int, int, int], Path]]


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



class WorkerPool:
    """Up to ``size`` worker processes over the graph ``source()`` names; safe across threads.

    Parameters
    ----------
    source
        Called before each request: ``(build stamp, path)``. A worker started for another
        stamp is stopped when next handed out, so a rebuilt graph is picked up.
    size
        Most worker processes at once (at least 1).
    memory_mb
        Data memory each worker may use (``None``: no cap); a worker loading a Turtle file
        gets ten times the file's size on top.
    """

    def __init__(self, source: Source, size: int, memory_mb: int | None) -> None:
        self.source = source
        self.size = max(1, int(size))
        self.memory_mb = memory_mb
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._starting = 0  # workers being started or running a query
        self._generation = 0  # bumped by close(): older workers are stopped when handed back

    def _acquire(self, deadline: float | None) -> _Worker:
        stamp, source = self.source()
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

    def exchange(self, request: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        """Send one request to a worker and return its answer; a late answer ends the worker."""
        deadline = None if timeout is None else time.monotonic() + timeout
        worker: _Worker | None = self._acquire(deadline)
        try:
            try:
                worker.send(request)
            except OSError:  # the worker died since its last query: start another, once
                worker.stop()
                stamp, source = self.source()
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

    def pids(self) -> list[int]:
        """Return the process ids of the idle workers."""
        with self._cond:
            return [w.pid for w in self._idle if w.alive()]

    def close(self) -> None:
        """Stop the idle workers, and busy ones when their query ends; the next request starts afresh."""
        with self._cond:
            idle, self._idle = self._idle, []
            self._generation += 1
        for worker in idle:
            worker.stop()


__all__ = ["LOAD_TIMEOUT", "WorkerPool"]
