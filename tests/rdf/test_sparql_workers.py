"""SPARQL workers: they die with their parent, and one slow query does not hold up others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import psutil
import pytest

from aigraph.errors import QueryError
from aigraph.rdf import SparqlStore

# Far more work than any test waits for: every triple against every triple, five times.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"

PARENT = textwrap.dedent(
    """
    import sys
    from aigraph.rdf import SparqlStore

    store = SparqlStore(sys.argv[1], workers=1)
    store.query("ASK { ?s ?p ?o }")
    print(store.worker_pids()[0], flush=True)
    store.query(sys.argv[2], timeout=None)  # runs until the test kills this process
    """
)


def _gone(pid: int, within: float) -> bool:
    """Poll until ``pid`` has exited (a zombie counts as exited), for at most ``within`` s."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_a_busy_worker_dies_with_a_killed_parent(turtle_dir):
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(turtle_dir), RUNAWAY], stdout=subprocess.PIPE, text=True
    )
    try:
        worker = int(parent.stdout.readline())
        assert psutil.Process(worker).ppid() == parent.pid
        time.sleep(0.5)  # let the runaway query start
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _gone(worker, within=15), "the worker outlived its parent"
    finally:
        parent.kill()
        parent.wait()
        parent.stdout.close()


def _worker_pids() -> set[int]:
    return {p.pid for p in psutil.Process().children() if "aigraph.rdf._worker" in " ".join(p.cmdline())}


def test_a_slow_query_does_not_block_a_short_one(turtle_dir):
    others = _worker_pids()  # workers of other tests' stores, left alone
    with SparqlStore(turtle_dir, workers=2) as store:
        errors: list[BaseException] = []

        def runaway() -> None:
            try:
                store.query(RUNAWAY, timeout=120)
            except QueryError as err:  # ended below, once the short query has answered
                errors.append(err)

        slow = threading.Thread(target=runaway)
        slow.start()
        while not _worker_pids() - others:
            time.sleep(0.05)
        (busy,) = _worker_pids() - others
        columns, rows = store.query("ASK { ?s ?p ?o }", timeout=60)
        still_running = slow.is_alive()
        os.kill(busy, signal.SIGKILL)
        slow.join()
    assert rows == [(True,)]
    assert still_running, "the short query waited for the slow one"
    assert errors and "stopped unexpectedly" in str(errors[0])


def test_a_timed_out_worker_is_ended_and_replaced(turtle_dir):
    with SparqlStore(turtle_dir, workers=1) as store:
        store.query("ASK { ?s ?p ?o }")
        (first,) = store.worker_pids()
        with pytest.raises(QueryError, match="time limit"):
            store.query(RUNAWAY, timeout=1)
        assert _gone(first, within=10)
        assert store.query("ASK { ?s ?p ?o }")[1] == [(True,)]
        assert store.worker_pids() != [first]
