"""The subgraph around one node, for the interactive graph view.

:func:`neighbourhood` walks out from a focus node (edges either way) up to a depth,
only through nodes of the chosen labels, and stops at a node cap; the nodes closest
to the focus and most tied to it are kept first. :func:`cytoscape_elements` turns the
result into the ``{"nodes": [...], "edges": [...]}`` elements Cytoscape.js draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigraph.explore.entity import EntityNotFound
from aigraph.explore.labels import label_sort_key, node_years

if TYPE_CHECKING:
    import networkx as nx

#: Default and largest node caps of the graph view (a browser draws a few hundred nodes well).
DEFAULT_CAP = 60
MAX_CAP = 400

#: Marks the focus node's caption in the drawing.
FOCUS_MARK = "\u2605 "


@dataclass(frozen=True, slots=True)
class SubNode:
    """A node of the neighbourhood and its distance (in edges) from the focus."""

    id: str
    name: str
    label: str
    distance: int
    years: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SubEdge:
    """An edge between two nodes of the neighbourhood."""

    source: str
    target: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class Subgraph:
    """The neighbourhood of ``focus``.

    ``reachable`` counts the nodes the walk found; when the cap left some out,
    ``truncated`` is true and ``len(nodes) < reachable``.
    """

    focus: str
    depth: int
    nodes: tuple[SubNode, ...]
    edges: tuple[SubEdge, ...]
    reachable: int

    @property
    def truncated(self) -> bool:
        """True when the node cap left reachable nodes out."""
        return len(self.nodes) < self.reachable


def _adjacent(graph: nx.MultiDiGraph, node: str) -> set[str]:
    return (set(graph.successors(node)) | set(graph.predecessors(node))) - {node}


def neighbourhood(
    graph: nx.MultiDiGraph,
    focus: str,
    *,
    depth: int = 1,
    labels: Iterable[str] | None = None,
    cap: int = DEFAULT_CAP,
) -> Subgraph:
    """Return the nodes within ``depth`` edges of ``focus`` and the edges among them.

    Parameters
    ----------
    graph
        A graph loaded with :func:`aigraph.graph.load_graph`.
    focus
        The node id at the centre (always kept, whatever its label).
    depth
        How many edges out to walk (either direction).
    labels
        Only walk to and through nodes with these labels (default: every label).
    cap
        Keep at most this many nodes, the focus included. Nearer nodes come first;
        among equally near ones, those with more edges to the nodes already kept,
        then label order and name.

    Raises
    ------
    EntityNotFound
        When the graph has no node ``focus``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sub = neighbourhood(sample_graph(), "org:deepmind", labels=["Organization", "Model"])
    >>> [n.name for n in sub.nodes]
    ['DeepMind', 'Google', 'AlphaFold', 'AlphaFold2', 'MuZero']
    >>> sorted({e.type for e in sub.edges}), sub.truncated
    (['DEVELOPED', 'PART_OF'], False)
    >>> neighbourhood(sample_graph(), "org:deepmind", cap=3).truncated
    True
    """
    if focus not in graph:
        raise EntityNotFound(f"no node {focus!r} in this graph")
    allowed = None if labels is None else set(labels)
    kept, distance, reachable = _walk(graph, focus, max(0, int(depth)), allowed, max(1, int(cap)))
    inside = set(kept)
    nodes = tuple(
        SubNode(n, str(graph.nodes[n].get("name") or n), str(graph.nodes[n].get("label")), distance[n],
                tuple(node_years(graph.nodes[n])))
        for n in sorted(kept, key=lambda n: (distance[n], *_display_key(graph, n)))
    )
    edges = tuple(
        SubEdge(u, v, str(data.get("type") or key), int(data.get("count") or 1))
        for u, v, key, data in sorted(graph.edges(inside, keys=True, data=True), key=lambda e: e[:3])
        if v in inside
    )
    return Subgraph(focus, int(depth), nodes, edges, reachable)


def _display_key(graph: nx.MultiDiGraph, node: str) -> tuple:
    """Label order, then name (case-insensitive), then id."""
    attrs = graph.nodes[node]
    return (label_sort_key(str(attrs.get("label"))), str(attrs.get("name") or node).lower(), node)


def _walk(
    graph: nx.MultiDiGraph, focus: str, depth: int, allowed: set[str] | None, cap: int
) -> tuple[list[str], dict[str, int], int]:
    """Breadth-first from ``focus``: the nodes kept (at most ``cap``), every reached node's
    distance, and how many nodes were reachable. Among equally near nodes, those with
    more edges to the previous ring come first."""
    distance = {focus: 0}
    kept = [focus]
    reachable = 1
    frontier = [focus]
    for step in range(1, depth + 1):
        ties: dict[str, int] = {}
        for node in frontier:
            for other in _adjacent(graph, node):
                if other in distance:
                    continue
                if allowed is not None and graph.nodes[other].get("label") not in allowed:
                    continue
                ties[other] = ties.get(other, 0) + graph.number_of_edges(node, other) + graph.number_of_edges(other, node)
        reachable += len(ties)
        frontier = []
        for node in sorted(ties, key=lambda n: (-ties[n], *_display_key(graph, n))):
            distance[node] = step
            if len(kept) < cap:
                kept.append(node)
                frontier.append(node)
    return kept, distance, reachable


def _years_text(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]} ({len(years)} reports)"


def cytoscape_elements(sub: Subgraph) -> dict[str, list[dict[str, Any]]]:
    """Return the Cytoscape.js elements of a neighbourhood.

    Each node's data has ``id``, ``label`` (its node label, which styles pick colours
    by), ``name`` (the caption; the focus is marked with a star), ``years``,
    ``distance`` (edges from the focus) and ``focus`` (1 for the focus, else 0); each
    edge's data has ``id``, ``source``, ``target`` and ``label`` (the edge type).

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sub = neighbourhood(sample_graph(), "model:gpt-3", labels=["Organization"])
    >>> elements = cytoscape_elements(sub)
    >>> [n["data"]["name"] for n in elements["nodes"]]
    ['★ GPT-3', 'OpenAI']
    >>> elements["edges"][0]["data"]["label"]
    'DEVELOPED'
    """
    nodes = [
        {"data": {
            "id": n.id,
            "label": n.label,
            "name": (FOCUS_MARK if n.id == sub.focus else "") + n.name,
            "years": _years_text(n.years),
            "distance": n.distance,
            "focus": 1 if n.id == sub.focus else 0,
        }}
        for n in sub.nodes
    ]
    edges = [
        {"data": {"id": f"{e.source}|{e.type}|{e.target}", "source": e.source, "target": e.target,
                  "label": e.type, "count": e.count}}
        for e in sub.edges
    ]
    return {"nodes": nodes, "edges": edges}
