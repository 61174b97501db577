"""JSON Lines export: one object per node, then one per edge.

``{"kind": "node", "id": ..., "properties": {...}}`` and
``{"kind": "edge", "source": ..., "target": ..., "type": ..., "properties": {...}}``;
nodes sorted by id, edges by (source, target, type).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


def generate_jsonl(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Yield one JSON line (without newline) per node, then per edge."""
    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    for node, attrs in sorted(graph.nodes(data=True), key=lambda n: n[0]):
        yield dumps({"kind": "node", "id": node, "properties": attrs})
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        properties = {k: a for k, a in attrs.items() if k != "type"}
        yield dumps({"kind": "edge", "source": u, "target": v, "type": key, "properties": properties})


def write_jsonl(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write :func:`generate_jsonl` to the file ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for line in generate_jsonl(graph):
            handle.write(line + "\n")
    return [out]
