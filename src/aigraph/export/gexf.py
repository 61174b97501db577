"""GEXF 1.2 export through networkx, for Gephi.

GEXF gives ``label`` and an edge's ``type`` fixed meanings, so a node's GEXF label is
its ``name`` and its graph label is kept as the attribute ``node_label``; an edge's
relation type is its GEXF ``label`` and the attribute ``relation``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.export.tables import scalar_graph

if TYPE_CHECKING:
    import networkx as nx


def gexf_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a scalar copy of ``graph`` with GEXF's reserved attributes renamed."""
    flat = scalar_graph(graph)
    for _, attrs in flat.nodes(data=True):
        attrs["node_label"] = attrs.pop("label", "")
        attrs["label"] = attrs.get("name", "")
    for _, _, key, attrs in flat.edges(keys=True, data=True):
        relation = attrs.pop("type", key)
        attrs["relation"] = relation
        attrs["label"] = relation
    return flat


def write_gexf(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write the graph as GEXF 1.2 to the file ``out``."""
    import networkx as nx

    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(gexf_graph(graph), out, encoding="utf-8", prettyprint=True, version="1.2draft")
    return [out]
