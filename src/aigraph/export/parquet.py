"""Parquet export: ``nodes.parquet`` and ``edges.parquet`` in a folder.

Parquet holds nested values, so lists (``aliases``, ``years``) stay lists and
``evidence`` is a list of structs; a column whose values do not share one Arrow
type falls back to JSON text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.export.tables import edge_table, node_table, to_scalar

if TYPE_CHECKING:
    import networkx as nx
    import pyarrow as pa


def arrow_table(columns: list[str], rows: list[dict[str, Any]]) -> pa.Table:
    """Return an Arrow table of the rows, one typed column per name."""
    import pyarrow as pa

    arrays = {}
    for column in columns:
        values = [row[column] for row in rows]
        try:
            arrays[column] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays[column] = pa.array([to_scalar(v) if v is not None else None for v in values],
                                      type=pa.string())
    return pa.table(arrays)


def write_parquet(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write ``nodes.parquet`` and ``edges.parquet`` into the folder ``out``."""
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (columns, rows) in (
        ("nodes.parquet", node_table(graph, scalar=False)),
        ("edges.parquet", edge_table(graph, scalar=False)),
    ):
        pq.write_table(arrow_table(columns, rows), out / name)
        written.append(out / name)
    return written
