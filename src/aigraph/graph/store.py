"""Reading and writing a graph directory: ``graph.json``, ``merge_log.jsonl``, ``manifest.json``.

``generate_*`` functions return text (pure); ``write_*`` / ``load_*`` handle the files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.errors import GraphError
from aigraph.graph.paths import GraphPaths

if TYPE_CHECKING:
    import networkx as nx

_REBUILD = "run `aigraph build` to make one"


def _dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def generate_graph_json(graph: nx.MultiDiGraph) -> str:
    """Return the node-link JSON of a graph, byte-stable for equal graphs.

    Nodes are sorted by id, edges by (source, target, key), object keys
    alphabetically; one node or edge per line. Nothing time-dependent is written.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("b", "a", key="T", type="T")
    'T'
    >>> print(generate_graph_json(g))
    {"directed":true,"graph":{},"multigraph":true,
    "nodes":[
    {"id":"a"},
    {"id":"b"}],
    "edges":[
    {"key":"T","source":"b","target":"a","type":"T"}]}
    <BLANKLINE>
    """
    return "".join(iter_graph_json(graph))


def iter_graph_json(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Yield the text of :func:`generate_graph_json` a line at a time (a large build's
    graph.json is hundreds of MB: :func:`write_graph_json` never holds it whole)."""
    yield _dumps({"directed": True, "graph": dict(graph.graph), "multigraph": True})[:-1] + ",\n"
    yield '"nodes":[\n'
    separator = ""
    for node in sorted(graph.nodes):
        yield separator + _dumps({**graph.nodes[node], "id": node})
        separator = ",\n"
    yield "],\n" + '"edges":[\n'
    separator = ""
    for u, v, k in sorted(graph.edges(keys=True)):
        yield separator + _dumps({**graph.edges[u, v, k], "source": u, "target": v, "key": k})
        separator = ",\n"
    yield "]}\n"


def parse_graph_json(text: str) -> nx.MultiDiGraph:
    """Return the graph of a node-link JSON text (as written by :func:`generate_graph_json`).

    Raises
    ------
    GraphError
        When the text is not node-link JSON of a directed multigraph.
    """
    import networkx as nx

    try:
        data = json.loads(text)
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as err:
        raise GraphError(f"graph.json is not a node-link graph ({err})") from err


def write_graph_json(graph: nx.MultiDiGraph, path: str | PathLike[str]) -> None:
    """Write :func:`generate_graph_json` to a file (UTF-8), a line at a time."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(iter_graph_json(graph))


def write_jsonl(records: list[dict[str, Any]], path: str | PathLike[str]) -> None:
    """Write one compact, key-sorted JSON object per line."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(_dumps(record) + "\n")


def write_manifest(manifest: dict[str, Any], path: str | PathLike[str]) -> None:
    """Write the manifest, indented for people to read."""
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def read_manifest(graph_dir: str | PathLike[str]) -> dict[str, Any]:
    """Return the manifest of a complete graph directory.

    Raises
    ------
    GraphError
        When the directory or its manifest is missing or unreadable.
    """
    paths = GraphPaths(graph_dir)
    if not paths.root.is_dir():
        raise GraphError(f"no graph at {paths.root}: {_REBUILD}")
    if not paths.manifest.is_file():
        raise GraphError(f"the graph at {paths.root} is incomplete (no manifest.json): {_REBUILD}")
    try:
        manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise GraphError(f"cannot read {paths.manifest} ({err}): {_REBUILD}") from err
    if not isinstance(manifest, dict):
        raise GraphError(f"{paths.manifest} is not a JSON object: {_REBUILD}")
    return manifest


def load_graph(graph_dir: str | PathLike[str] = "data/graph") -> nx.MultiDiGraph:
    """Load the graph a build wrote into ``graph_dir``.

    Parameters
    ----------
    graph_dir
        A directory written by ``aigraph build`` (default ``data/graph``).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges in sorted order, with all their properties.

    Raises
    ------
    GraphError
        When the directory is missing, the build is incomplete (no ``manifest.json``)
        or ``graph.json`` cannot be read; the message says to run ``aigraph build``.

    Examples
    --------
    >>> graph = load_graph("data/graph")  # doctest: +SKIP
    >>> graph.nodes["org:deepmind"]["years"]  # doctest: +SKIP
    [2018, 2019, 2020, 2021]
    """
    paths = GraphPaths(graph_dir)
    read_manifest(paths.root)
    try:
        text = paths.graph_json.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GraphError(f"cannot read {paths.graph_json} ({err.__class__.__name__}): {_REBUILD}") from err
    try:
        return parse_graph_json(text)
    except GraphError as err:
        raise GraphError(f"{paths.graph_json} is unreadable ({err}): {_REBUILD}") from err
