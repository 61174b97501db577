"""A complete graph directory of the sample graph: graph.json, graph.ttl, cypher/, manifest."""

from __future__ import annotations

import pytest

from aigraph.build.stores import write_stores
from aigraph.graph.paths import GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_graph_json, write_manifest
from aigraph.questions import close_stores


def write_graph_dir(graph, root):
    """Write a graph directory the way ``aigraph build`` lays it out; return its root."""
    paths = GraphPaths(root)
    paths.root.mkdir(parents=True, exist_ok=True)
    write_graph_json(graph, paths.graph_json)
    stores = write_stores(graph, paths)
    assert stores == {"graph.ttl": "written", "oxigraph": "written", "cypher": "written"}
    write_manifest({"format": 1}, paths.manifest)
    return paths.root


@pytest.fixture(scope="session")
def graph():
    return sample_graph()


@pytest.fixture(scope="session")
def graph_dir(tmp_path_factory, graph):
    root = write_graph_dir(graph, tmp_path_factory.mktemp("sample") / "graph")
    yield root
    close_stores()
