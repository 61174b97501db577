"""The embedded Cypher store: LadybugDB (``ladybug``) built into ``<graph dir>/cypher/``.

:func:`build_database` creates one node table per label and one relationship table per
edge type, then bulk loads each from an Arrow table with ``COPY FROM`` (no per-row
CREATE). :class:`CypherStore` opens the database read-only, lazily, and runs one query at
a time with LadybugDB's own query timeout.

Never import ``kuzu`` in a process that uses this module: the two engines crash together.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.cypher import statements as cy
from aigraph.errors import GraphError, QueryError, QueryTimeout, ReadOnlyError, first_line
from aigraph.readonly import check_cypher
from aigraph.records import ENTITY_LABELS, STRUCTURE_LABELS

if TYPE_CHECKING:
    import networkx as nx
    import pyarrow as pa

#: File name of the database inside the ``cypher/`` directory.
DATABASE_FILE = "graph.lbug"
#: Seconds a query may run unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0
#: Edges loaded by one ``COPY`` (and one transaction) while the database is built.
COPY_ROWS = 50_000
#: Write-ahead log size at which the build checkpoints (a small build: once, at the end).
CHECKPOINT_BYTES = 64 << 20


#: Edge type -> the (from, to) label pairs its table always has, even with no edges.
_FIXED_PAIRS: dict[str, list[tuple[str, str]]] = {
    "IN_REPORT": [("Slide", "Report")],
    "DEVELOPED": [("Organization", "Model")],
    "ACHIEVES": [("Model", "Metric")],
    "MEASURED_ON": [("Metric", "Dataset")],
    "INTRODUCES": [("Paper", "Model")],
    "PART_OF": [("Organization", "Organization")],
    "PREDICTS": [("Report", "Prediction")],
    "GRADES": [("Outcome", "Prediction")],
}


def database_file(cypher_dir: str | os.PathLike[str]) -> Path:
    """Return the database file inside a ``cypher/`` directory."""
    return Path(cypher_dir) / DATABASE_FILE


def _known_labels() -> list[str]:
    """Structure labels (no MENTIONED_ON/IN tables; their tables always exist), then entities."""
    return [*STRUCTURE_LABELS, *ENTITY_LABELS]


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    scalar = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
    if kind.endswith("[]") and kind[:-2] in scalar:
        return pa.list_(scalar[kind[:-2]])
    if kind in scalar:
        return scalar[kind]
    fields = [(name, _arrow_type(t)) for name, t in cy.EVIDENCE_FIELDS]
    return pa.list_(pa.struct(fields))  # the evidence column


def node_rows(label: str, nodes: list[tuple[str, dict[str, Any]]]) -> dict[str, list[Any]]:
    """Return the column lists of one node table (pure): ``{column: [value per node]}``."""
    from aigraph.keys import name_keys

    columns: dict[str, list[Any]] = {name: [] for name, _ in cy.node_columns(label)}
    for node_id, attrs in nodes:
        for name, kind in cy.node_columns(label):
            if name == "id":
                value: Any = node_id
            elif name == "keys":
                value = name_keys(attrs)
            else:
                value = attrs.get(name)
                if kind.endswith("[]"):
                    value = list(value or ())
            columns[name].append(value)
    return columns


def edge_rows(edges: list[tuple[str, str, dict[str, Any]]]) -> dict[str, list[Any]]:
    """Return the column lists of one (type, from, to) group of edges (pure)."""
    evidence_keys = [name for name, _ in cy.EVIDENCE_FIELDS]
    columns: dict[str, list[Any]] = {"from": [], "to": [], "count": [], "curated": [], "evidence": []}
    for u, v, attrs in edges:
        columns["from"].append(u)
        columns["to"].append(v)
        columns["count"].append(attrs.get("count"))
        columns["curated"].append(bool(attrs.get("curated", False)))
        columns["evidence"].append(
            [{k: item.get(k) for k in evidence_keys} for item in attrs.get("evidence") or ()]
        )
    return columns


def _table(columns: dict[str, list[Any]], types: dict[str, str], what: str) -> pa.Table:
    import pyarrow as pa

    try:
        return pa.table({name: pa.array(values, _arrow_type(types[name])) for name, values in columns.items()})
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as err:
        raise GraphError(f"cannot store {what} in the Cypher database: {err}") from err


def build_database(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Build the embedded Cypher database of a graph into directory ``path``.

    Any database already there is replaced.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``.
    path
        The ``cypher/`` directory (created if needed); the database is
        ``path/graph.lbug``.

    Returns
    -------
    Path
        The database file.

    Examples
    --------
    >>> import networkx as nx, tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("org:deepmind", label="Organization", name="DeepMind", years=[2021])
    >>> build_database(g, tempfile.mkdtemp()).name
    'graph.lbug'
    """
    import ladybug

    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for node_id, attrs in graph.nodes(data=True):
        by_label[str(attrs.get("label"))].append((str(node_id), attrs))
    labels = list(dict.fromkeys([*_known_labels(), *sorted(by_label)]))
    entity_labels = [label for label in labels if label not in STRUCTURE_LABELS]

    groups: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, attrs in graph.edges(data=True):
        pair = (graph.nodes[u].get("label"), graph.nodes[v].get("label"))
        groups[(str(attrs.get("type")), str(pair[0]), str(pair[1]))].append((str(u), str(v), attrs))
    pairs: dict[str, list[tuple[str, str]]] = {t: list(p) for t, p in _FIXED_PAIRS.items()}
    pairs["MENTIONED_ON"] = [(label, "Slide") for label in entity_labels]
    pairs["MENTIONED_IN"] = [(label, "Report") for label in entity_labels]
    pairs["ABOUT"] = [("Prediction", label) for label in entity_labels]
    for rel_type, a, b in sorted(groups):
        if (a, b) not in pairs.setdefault(rel_type, []):
            pairs[rel_type].append((a, b))

    directory = Path(path)
    directory.mkdir(parents=True, exist_ok=True)
    target = database_file(directory)
    for stale in directory.glob(DATABASE_FILE + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()

    rel_types = {name: kind for name, kind in cy.REL_COLUMNS} | {"from": "STRING", "to": "STRING"}
    # The schema in one transaction, then one per COPY of at most COPY_ROWS rows: an
    # uncommitted load stays in memory, and one checkpoint of everything at the end
    # doubled the writer's memory (+1 GB on a 10 MB corpus). LadybugDB checkpoints
    # when the log passes CHECKPOINT_BYTES, so a small build still checkpoints once
    # (every commit checkpointing by default cost ~80 ms per statement).
    db = ladybug.Database(str(target), auto_checkpoint=True, checkpoint_threshold=CHECKPOINT_BYTES)
    conn = ladybug.Connection(db)
    try:
        conn.execute(cy.BEGIN)
        for label in labels:
            conn.execute(cy.create_node_table(label))
        for rel_type, ends in pairs.items():
            conn.execute(cy.create_rel_table(rel_type, ends))
        conn.execute(cy.COMMIT)
        for label in labels:
            if by_label.get(label):
                types = dict(cy.node_columns(label))
                rows = _table(node_rows(label, by_label[label]), types, f"the {label} nodes")
                conn.execute(cy.copy_statement(label), {"rows": rows})
        del by_label
        for (rel_type, a, b), edges in sorted(groups.items()):
            for first in range(0, len(edges), COPY_ROWS):
                part = edges[first:first + COPY_ROWS]
                rows = _table(edge_rows(part), rel_types, f"the {rel_type} edges")
                conn.execute(cy.copy_statement(rel_type, (a, b)), {"rows": rows})
                del rows
        conn.execute(cy.CHECKPOINT)
    except RuntimeError as err:
        raise GraphError(f"cannot build the Cypher database: {first_line(str(err))}") from err
    finally:
        conn.close()
        db.close()
    return target


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
            db = ladybug.Database(str(database_file(self.paths.cypher)), read_only=True)
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


__all__ = ["DATABASE_FILE", "DEFAULT_TIMEOUT", "CypherStore", "build_database", "database_file"]
