"""The embedded Cypher store: LadybugDB (``ladybug``) built into ``<graph dir>/cypher/``.

:func:`build_database` creates one node table per label and one relationship table per
edge type, then bulk loads each with ``COPY FROM`` (no per-row CREATE). It does so in
two steps a large build calls apart: :func:`stage_database` writes the tables as
Parquet files while the graph is in memory, :func:`load_database` loads them without
it. The read-only store over the database is :class:`aigraph.cypher.store.CypherStore`.

Never import ``kuzu`` in a process that uses this module: the two engines crash together.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.cypher import statements as cy
from aigraph.errors import GraphError, first_line
from aigraph.records import ENTITY_LABELS, STRUCTURE_LABELS

if TYPE_CHECKING:
    import networkx as nx
    import pyarrow as pa

#: File name of the database inside the ``cypher/`` directory.
DATABASE_FILE = "graph.lbug"
#: Folder inside ``cypher/`` where the tables wait as Parquet files while the database is loaded.
STAGING_DIR = "staging"
#: Edges loaded by one ``COPY`` (and one transaction) while the database is built.
COPY_ROWS = 50_000
#: Rows per staged Parquet file (the Arrow table of one file is in memory at a time).
STAGE_ROWS = 10_000
#: Node tables loaded before the database being built is closed and opened again.
REOPEN_TABLES = 4
#: Write-ahead log size at which the build checkpoints (a small build: once, at the end).
CHECKPOINT_BYTES = 64 << 20
#: LadybugDB's page cache while the database is built (its default is 80% of the
#: machine's memory, which a large build took: +700 MB on a 50 MB corpus). A COPY of one
#: staged file needs far less; 256 MB was too little for 50,000-row COPYs.
BUILD_BUFFER_BYTES = 320 << 20


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


class _WriteSession:
    """The database being built and its connection, closed and opened again on demand."""

    def __init__(self, target: Path, *, big: bool) -> None:
        self.target = target
        # A small graph is loaded in one transaction, as before: commits and reopening
        # (~50 ms a time) would make the everyday build slower for no memory to speak of.
        self.big = big
        self.db: Any = None
        self.conn: Any = None
        self._open()

    def _open(self) -> None:
        import ladybug

        self.db = ladybug.Database(str(self.target), buffer_pool_size=BUILD_BUFFER_BYTES, max_num_threads=1,
                                   auto_checkpoint=True, checkpoint_threshold=CHECKPOINT_BYTES)
        self.conn = ladybug.Connection(self.db)
        self.tables = self.rows = 0

    def loaded(self, rows: int, *, table: bool = True) -> None:
        """Note one COPY; on a big graph, reopen after REOPEN_TABLES node tables or COPY_ROWS rows."""
        self.tables += table
        self.rows += rows
        if self.big and (self.rows >= COPY_ROWS or self.tables >= REOPEN_TABLES):
            self.reopen()

    def reopen(self) -> None:
        """Checkpoint, close (LadybugDB frees a loaded table's memory only then) and open again."""
        self.conn.execute(cy.CHECKPOINT)
        self.close()
        self._open()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.db.close()
            self.conn = self.db = None


def _plan(graph: nx.MultiDiGraph) -> tuple[list[str], dict[str, list[tuple[str, str]]], dict, dict]:
    """Node labels, relationship table pairs, and the graph's nodes and edges grouped per table."""
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
    return labels, pairs, by_label, groups


def stage_database(graph: nx.MultiDiGraph, staging: str | os.PathLike[str]) -> Path:
    """Write the tables of a graph's Cypher database as Parquet files into ``staging``.

    :func:`load_database` then builds the database from them without the graph, so
    a large build can let go of the graph first. Each file holds at most
    :data:`STAGE_ROWS` rows; ``plan.json`` lists the schema and the files in load order.

    Returns
    -------
    Path
        The plan file.
    """
    import pyarrow.parquet as pq

    labels, pairs, by_label, groups = _plan(graph)
    directory = Path(staging)
    directory.mkdir(parents=True, exist_ok=True)
    copies: list[dict[str, Any]] = []

    def put(table: pa.Table, name: str, pair: tuple[str, str] | None) -> None:
        file = directory / f"{len(copies):05d}.parquet"
        pq.write_table(table, file, compression="none")
        copies.append({"table": name, "pair": list(pair) if pair else None, "file": file.name,
                       "rows": table.num_rows})

    for label in labels:
        nodes = by_label.get(label) or []
        for first in range(0, len(nodes), STAGE_ROWS):
            types = dict(cy.node_columns(label))
            put(_table(node_rows(label, nodes[first:first + STAGE_ROWS]), types, f"the {label} nodes"),
                label, None)
    rel_types = {name: kind for name, kind in cy.REL_COLUMNS} | {"from": "STRING", "to": "STRING"}
    for (kind, a, b), edges in sorted(groups.items()):
        for first in range(0, len(edges), STAGE_ROWS):
            put(_table(edge_rows(edges[first:first + STAGE_ROWS]), rel_types, f"the {kind} edges"),
                kind, (a, b))
    plan = {"labels": labels, "pairs": {t: [list(p) for p in ps] for t, ps in pairs.items()},
            "copies": copies, "rows": graph.number_of_edges()}
    target = directory / "plan.json"
    target.write_text(json.dumps(plan), encoding="utf-8")
    return target


def _file_literal(path: Path) -> str:
    """A Cypher string literal of a file path."""
    return "'" + str(path).replace("\\", "\\\\").replace("'", "\\'") + "'"


def load_database(staging: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """Build the database in directory ``path`` from the files :func:`stage_database` wrote.

    Any database already there is replaced. A small graph is loaded in one transaction
    and checkpointed once. A big one (:data:`COPY_ROWS` edges or more) commits each
    file's COPY: an uncommitted load stays in memory; LadybugDB checkpoints when its
    log passes :data:`CHECKPOINT_BYTES`. An open database also keeps ~25 MB per node
    table it has loaded until it is closed, so a big graph's database is closed and
    opened again every few tables.
    """
    directory = Path(staging)
    plan = json.loads((directory / "plan.json").read_text(encoding="utf-8"))
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    target = database_file(out)
    for stale in out.glob(DATABASE_FILE + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    session = _WriteSession(target, big=plan["rows"] >= COPY_ROWS)
    try:
        conn = session.conn
        conn.execute(cy.BEGIN)
        for label in plan["labels"]:
            conn.execute(cy.create_node_table(label))
        for rel_type, ends in plan["pairs"].items():
            conn.execute(cy.create_rel_table(rel_type, [tuple(pair) for pair in ends]))
        if session.big:
            conn.execute(cy.COMMIT)
        for copy in plan["copies"]:
            pair = tuple(copy["pair"]) if copy["pair"] else None
            statement = cy.copy_statement(copy["table"], pair, source=_file_literal(directory / copy["file"]))
            session.conn.execute(statement)
            session.loaded(copy["rows"], table=pair is None)
        if not session.big:
            session.conn.execute(cy.COMMIT)
        session.conn.execute(cy.CHECKPOINT)
    except RuntimeError as err:
        raise GraphError(f"cannot build the Cypher database: {first_line(str(err))}") from err
    finally:
        session.close()
    return target


def build_database(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Build the embedded Cypher database of a graph into directory ``path``.

    Any database already there is replaced. The tables are staged as Parquet files in
    a folder beside the database (removed afterwards) and bulk loaded from there.

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
    out = Path(path)
    staging = out / STAGING_DIR
    try:
        stage_database(graph, staging)
        return load_database(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


__all__ = ["DATABASE_FILE", "STAGING_DIR", "build_database", "database_file", "load_database", "stage_database"]
