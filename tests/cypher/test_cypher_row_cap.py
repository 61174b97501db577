"""A cross join is read only up to the row cap (memory stays bounded); slow queries run side by side."""

from __future__ import annotations

import subprocess
import threading
import time
import sys
import textwrap

from aigraph.cypher import CypherStore
from aigraph.errors import QueryTimeout

# 37 nodes to the fifth power: 69 million rows, gigabytes if they were all made.
CROSS_JOIN = "MATCH (a),(b),(c),(d),(e) RETURN a.id, b.id, c.id, d.id, e.id"

MEASURE = textwrap.dedent(
    """
    import os, sys, threading, time
    import psutil

    LIMIT = int(sys.argv[3]) << 20
    me = psutil.Process()

    def guard():  # a regression ends here instead of eating the machine
        while True:
            if me.memory_info().rss > LIMIT:
                print("over", flush=True)
                os._exit(3)
            time.sleep(0.05)

    threading.Thread(target=guard, daemon=True).start()
    from aigraph.cypher import CypherStore

    with CypherStore(sys.argv[1]) as store:
        columns, rows = store.query(sys.argv[2], timeout=120, max_rows=1000)
    peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print(len(rows), int(peak) >> 10, flush=True)
    """
)


def test_a_cross_join_stops_at_the_cap_with_bounded_memory(cypher_dir):
    limit_mb = 800
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cypher_dir), CROSS_JOIN, str(limit_mb)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows, peak_mb = map(int, done.stdout.split())
    assert rows == 1001
    assert peak_mb < limit_mb


def test_without_a_cap_every_row_comes_back(cypher_dir):
    with CypherStore(cypher_dir) as store:
        _, capped = store.query("MATCH (a),(b) RETURN a.id, b.id", max_rows=10)
        _, whole = store.query("MATCH (a),(b) RETURN a.id, b.id")
        _, exact = store.query("MATCH (a) RETURN a.id", max_rows=37)
    assert len(capped) == 11
    assert len(whole) == 37 * 37
    assert len(exact) == 37


def test_a_slow_query_does_not_block_a_short_one(cypher_dir):
    slow_join = "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id + b.id + c.id + d.id + e.id + f.id = 'x' RETURN count(*)"
    with CypherStore(cypher_dir, connections=2) as store:
        store.query("RETURN 1")
        errors: list[Exception] = []

        def slow() -> None:
            try:
                store.query(slow_join, timeout=5)
            except QueryTimeout as err:
                errors.append(err)

        thread = threading.Thread(target=slow)
        thread.start()
        while store._opened is None or store._opened.busy == 0:
            time.sleep(0.01)
        answer = store.query("MATCH (n:Organization) RETURN count(n)", timeout=30)
        still_running = thread.is_alive()
        thread.join()
    assert answer[1][0][0] > 0
    assert still_running, "the short query waited for the slow one"
    assert errors  # the slow one ran into its own time limit


SORTED_JOIN = "MATCH (a),(b),(c),(d) RETURN a.id, b.id, c.id, d.id ORDER BY a.id, b.id, c.id, d.id"

BOUNDED = textwrap.dedent(
    """
    import sys
    from aigraph.cypher import store as cypher_store
    from aigraph.errors import QueryError

    cypher_store.QUERY_BUFFER_BYTES = 64 << 20
    with cypher_store.CypherStore(sys.argv[1]) as store:
        try:
            store.query(sys.argv[2], timeout=120, max_rows=10)
            print("answered")
        except QueryError as err:
            print(err)
    """
)


def test_a_query_that_must_hold_every_row_fails_at_the_memory_bound(cypher_dir):
    # Sorting 1.9 million rows takes the engine ~600 MB; with a 64 MB bound it stops.
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(cypher_dir), SORTED_JOIN],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    message = done.stdout.strip().splitlines()[0]
    assert message.startswith("the Cypher query needs more than the 64 MB"), message
