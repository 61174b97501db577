"""The read-only Cypher store over a build's embedded LadybugDB database.

:class:`CypherStore` opens ``<graph dir>/cypher/graph.lbug`` (written by
:func:`aigraph.cypher.embedded.build_database`) read-only and lazily, runs each query on
a connection of its own with LadybugDB's query timeout, and picks up a rebuilt graph
directory at the next query.

Never import ``kuzu`` in a process that uses this module: the two engines crash together.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from aigraph.cypher.embedded import database_file
from aigraph.errors import GraphError, QueryError, QueryTimeout, ReadOnlyError, first_line
from aigraph.readonly import check_cypher

#: Seconds a query may run unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0
#: Memory the engine may use for pages and query state, all queries together (its
#: default is 80% of the machine's memory); a query that needs more fails with one line.
QUERY_BUFFER_BYTES = 1 << 30


class _Overdue(Exception):
    """The deadline passed while rows were being read."""


def read_rows(result: Any, keep: int | None, deadline: float | None) -> list[tuple[Any, ...]]:
    """Pull at most ``keep`` rows from a LadybugDB result, one at a time, until ``deadline``.

    ``keep=None`` reads every row; ``deadline`` is a :func:`time.monotonic` time.
    """
    rows: list[tuple[Any, ...]] = []
    while (keep is None or len(rows) < keep) and result.has_next():
        if deadline is not None and len(rows) % 256 == 0 and time.monotonic() > deadline:
            raise _Overdue
        rows.append(tuple(result.get_next()))
    return rows


class _Opened:
    """One read-only database of one build, and its connections."""

    def __init__(self, db: Any, stamp: tuple[int, int, int]) -> None:
        self.db, self.stamp = db, stamp
        self.idle: list[Any] = []
        self.busy = 0
        self.retired = False

    def close_if_done(self) -> None:
        if self.retired and self.busy == 0:
            for conn in self.idle:
                conn.close()
            self.idle = []
            if self.db is not None:
                self.db.close()
                self.db = None


class CypherStore:
    """Read-only Cypher over one graph directory (``cypher/graph.lbug`` in LadybugDB).

    Cheap to create: the database opens on the first :meth:`query`, read-only, so it
    can be read while another process writes it. Safe to share between threads: up to
    ``connections`` queries run at once, each on its own connection, so one slow query
    does not hold up the others. A rebuilt graph directory is picked up by the next
    query (queries still running finish on the build they started on).

    Parameters
    ----------
    graph_dir
        A directory written by ``aigraph build`` (default ``data/graph``).
    connections
        Most queries running at once (at least 1); more wait for a free connection.
    """

    def __init__(self, graph_dir: str | os.PathLike[str] | None = None, *, connections: int = 2) -> None:
        from aigraph.graph.paths import DEFAULT_GRAPH_DIR, GraphPaths

        self.paths = GraphPaths(DEFAULT_GRAPH_DIR if graph_dir is None else graph_dir)
        self.size = max(1, int(connections))
        self._cond = threading.Condition(threading.RLock())
        self._opened: _Opened | None = None

    def _check_build(self) -> tuple[int, int, int]:
        stamp = self.paths.build_stamp()
        if not database_file(self.paths.cypher).is_file():
            raise GraphError(
                f"the graph in {self.paths.root} has no Cypher database: run `aigraph build` again"
            )
        return stamp

    def _open(self, stamp: tuple[int, int, int]) -> _Opened:
        import ladybug

        try:
            # One engine thread per connection, so a slow query cannot take every worker
            # thread of the shared scheduler and hold a short one back.
            db = ladybug.Database(str(database_file(self.paths.cypher)), read_only=True,
                                  max_num_threads=self.size, buffer_pool_size=QUERY_BUFFER_BYTES)
        except RuntimeError as err:
            raise GraphError(f"cannot open the Cypher database: {first_line(str(err))}") from err
        return _Opened(db, stamp)

    def _checkout(self, deadline: float | None) -> tuple[_Opened, Any]:
        import ladybug

        with self._cond:
            stamp = self._check_build()
            while True:
                opened = self._opened
                if opened is None or opened.stamp != stamp:
                    if opened is not None:
                        opened.retired = True
                        opened.close_if_done()
                    self._opened = opened = self._open(stamp)
                if opened.idle:
                    conn = opened.idle.pop()
                    break
                if opened.busy < self.size:
                    try:
                        conn = ladybug.Connection(opened.db)
                        conn.set_max_threads_for_exec(1)
                    except RuntimeError as err:
                        raise GraphError(f"cannot open the Cypher database: {first_line(str(err))}") from err
                    break
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    raise QueryTimeout(
                        f"every Cypher connection stayed busy for the whole time limit ({self.size} at once); "
                        "try again or raise --timeout"
                    )
                self._cond.wait(wait)
            opened.busy += 1
            return opened, conn

    def _checkin(self, opened: _Opened, conn: Any) -> None:
        with self._cond:
            opened.busy -= 1
            if opened.retired:
                conn.close()
                opened.close_if_done()
            else:
                opened.idle.append(conn)
            self._cond.notify()

    def query(
        self,
        text: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        params: dict[str, Any] | None = None,
        max_rows: int | None = None,
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only Cypher statement and return ``(columns, rows)``.

        Parameters
        ----------
        text
            One Cypher statement; writing clauses are refused.
        timeout
            Seconds the query may run (``None``: no limit).
        params
            Values for ``$name`` parameters; never pasted into the text.
        max_rows
            Keep at most ``max_rows + 1`` rows (``None``: all). Rows are pulled from the
            engine one at a time and it stops there, so a huge result (a cross join)
            never exists in memory. The timeout covers this reading too.

        Raises
        ------
        ReadOnlyError
            The statement writes (see :func:`aigraph.readonly.check_cypher`).
        QueryError
            The statement is malformed or failed.
        QueryTimeout
            It ran longer than ``timeout`` and was stopped.
        GraphError
            The graph directory is missing or incomplete.
        """
        check_cypher(text)
        deadline = None if timeout is None else time.monotonic() + timeout
        opened, conn = self._checkout(deadline)
        try:
            conn.set_query_timeout(0 if timeout is None else max(1, int(timeout * 1000)))
            try:
                result = conn.execute(text, params or {})
                if isinstance(result, list):
                    result = result[-1]
                try:
                    columns = result.get_column_names()
                    rows = read_rows(result, None if max_rows is None else max_rows + 1, deadline)
                finally:
                    result.close()
            except _Overdue as err:
                raise QueryTimeout(
                    f"Cypher query stopped after {timeout:g} s (the time limit) while reading its rows; "
                    "narrow it down, add a LIMIT or raise --timeout"
                ) from err
            except RuntimeError as err:
                message = first_line(str(err))
                if message.startswith("Interrupted"):
                    raise QueryTimeout(
                        f"Cypher query stopped after {timeout:g} s (the time limit); "
                        "narrow it down or raise --timeout"
                    ) from err
                if "read-only" in message:
                    raise ReadOnlyError(f"the Cypher database is read-only: {message}") from err
                if message.startswith("Parser exception"):
                    raise QueryError(f"malformed Cypher: {message}") from err
                if message.startswith("Buffer manager exception"):
                    raise QueryError(
                        f"the Cypher query needs more than the {QUERY_BUFFER_BYTES >> 20} MB of memory "
                        "queries may use: add a LIMIT or narrow the MATCH"
                    ) from err
                raise QueryError(f"Cypher query failed: {message}") from err
        finally:
            self._checkin(opened, conn)
        return columns, rows

    def close(self) -> None:
        """Close the database (once running queries end); the next query opens it again."""
        with self._cond:
            opened, self._opened = self._opened, None
            if opened is not None:
                opened.retired = True
                opened.close_if_done()

    def __enter__(self) -> CypherStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DEFAULT_TIMEOUT", "CypherStore", "read_rows"]
