"""The embedded Cypher store: LadybugDB (``ladybug``) built into ``<graph dir>/cypher/``.

:func:`build_database` creates one node table per label and one relationship table per
edge type, then bulk loads each from an Arrow table with ``COPY FROM`` (no per-row
CREATE). The read-only store over the database is :class:`aigraph.cypher.store.CypherStore`.

Never import ``kuzu`` in a process that uses this module: the two engines crash together.
"""

from __future__ import annotations

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
#: Edges loaded by one ``COPY`` (and one transaction) while the database is built.
COPY_ROWS = 50_000
#: Node tables loaded before the database being built is closed and opened again.
REOPEN_TABLES = 4
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

        self.db = ladybug.Database(str(self.target), auto_checkpoint=True, checkpoint_threshold=CHECKPOINT_BYTES)
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
    # A small graph is loaded in one transaction and checkpointed once. A big one
    # (COPY_ROWS edges or more) commits each COPY of at most COPY_ROWS rows: an
    # uncommitted load stays in memory, and one checkpoint of everything at the end
    # doubled the writer's memory (+1 GB on a 10 MB corpus); LadybugDB checkpoints when
    # its log passes CHECKPOINT_BYTES. An open database also keeps ~25 MB per node table
    # it has loaded (400 MB for the schema, whatever the graph's size) until it is
    # closed, so a big graph's database is closed and opened again every few tables.
    session = _WriteSession(target, big=graph.number_of_edges() >= COPY_ROWS)
    try:
        conn = session.conn
        conn.execute(cy.BEGIN)
        for label in labels:
            conn.execute(cy.create_node_table(label))
        for rel_type, ends in pairs.items():
            conn.execute(cy.create_rel_table(rel_type, ends))
        if session.big:
            conn.execute(cy.COMMIT)
        for label in labels:
            if by_label.get(label):
                types = dict(cy.node_columns(label))
                rows = _table(node_rows(label, by_label[label]), types, f"the {label} nodes")
                session.conn.execute(cy.copy_statement(label), {"rows": rows})
                session.loaded(len(by_label[label]))
                del rows
        del by_label
        for rel_type in sorted({key[0] for key in groups}):
            for (kind, a, b), edges in sorted(groups.items()):
                if kind != rel_type:
                    continue
                for first in range(0, len(edges), COPY_ROWS):
                    rows = _table(edge_rows(edges[first:first + COPY_ROWS]), rel_types, f"the {rel_type} edges")
                    session.conn.execute(cy.copy_statement(rel_type, (a, b)), {"rows": rows})
                    session.loaded(rows.num_rows, table=False)
                    del rows
        if not session.big:
            session.conn.execute(cy.COMMIT)
        session.conn.execute(cy.CHECKPOINT)
    except RuntimeError as err:
        raise GraphError(f"cannot build the Cypher database: {first_line(str(err))}") from err
    finally:
        session.close()
    return target


__all__ = ["DATABASE_FILE", "build_database", "database_file"]
