"""Graph -> flat node and edge rows, shared by the tabular formats.

Columns: nodes ``id, label, name`` then every other property sorted; edges
``source, target, type`` then the others sorted (the edge key equals ``type``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

NODE_LEAD = ("id", "label", "name")
EDGE_LEAD = ("source", "target", "type")


def to_scalar(value: Any) -> Any:
    """Return ``value`` unchanged when it is a scalar, else its compact JSON text.

    Examples
    --------
    >>> to_scalar(3), to_scalar(["a", "b"]), to_scalar(None)
    (3, '["a","b"]', None)
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _columns(lead: tuple[str, ...], dicts: list[dict[str, Any]]) -> list[str]:
    rest = sorted({key for d in dicts for key in d} - set(lead))
    return [*lead, *rest]


def node_table(graph: nx.MultiDiGraph, *, scalar: bool = True) -> tuple[list[str], list[dict[str, Any]]]:
    """Return (columns, rows) of the nodes, sorted by id; nested values as JSON when ``scalar``."""
    rows = [{"id": node, **attrs} for node, attrs in sorted(graph.nodes(data=True), key=lambda n: n[0])]
    columns = _columns(NODE_LEAD, rows)
    return columns, [_row(columns, r, scalar) for r in rows]


def edge_table(graph: nx.MultiDiGraph, *, scalar: bool = True) -> tuple[list[str], list[dict[str, Any]]]:
    """Return (columns, rows) of the edges, sorted by (source, target, type)."""
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    rows = [{**attrs, "source": u, "target": v, "type": attrs.get("type", k)} for u, v, k, attrs in edges]
    columns = _columns(EDGE_LEAD, rows)
    return columns, [_row(columns, r, scalar) for r in rows]


def _row(columns: list[str], row: dict[str, Any], scalar: bool) -> dict[str, Any]:
    if scalar:
        return {c: to_scalar(row.get(c)) for c in columns}
    return {c: row.get(c) for c in columns}


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy whose properties are all scalars (nested ones as JSON text, ``None`` dropped)."""
    import networkx as nx

    flat = nx.MultiDiGraph()
    for node, attrs in sorted(graph.nodes(data=True), key=lambda n: n[0]):
        flat.add_node(node, **{k: to_scalar(v) for k, v in attrs.items() if v is not None})
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        flat.add_edge(u, v, key=key, **{k: to_scalar(a) for k, a in attrs.items() if a is not None})
    return flat
