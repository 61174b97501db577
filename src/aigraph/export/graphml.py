"""GraphML export through networkx; nested properties become JSON text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.export.tables import scalar_graph

if TYPE_CHECKING:
    import networkx as nx


def write_graphml(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write the graph as GraphML to the file ``out`` (edge ids are the edge types)."""
    import networkx as nx

    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(scalar_graph(graph), out, encoding="utf-8", prettyprint=True)
    return [out]
