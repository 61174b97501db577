"""A graph directory holding the sample graph's LadybugDB database, as a build writes it."""

from __future__ import annotations

import pytest

from aigraph.cypher import build_database
from aigraph.graph.paths import GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_manifest


@pytest.fixture(scope="session")
def graph():
    return sample_graph()


@pytest.fixture(scope="module")
def cypher_dir(tmp_path_factory, graph):
    paths = GraphPaths(tmp_path_factory.mktemp("graph"))
    build_database(graph, paths.cypher)
    write_manifest({"format": 1}, paths.manifest)
    return paths.root
