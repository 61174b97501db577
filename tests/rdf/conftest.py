"""A graph directory holding the sample graph's Turtle, as a build writes it."""

from __future__ import annotations

import pytest

from aigraph.graph.paths import GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_manifest
from aigraph.rdf import write_turtle


@pytest.fixture(scope="session")
def graph():
    return sample_graph()


@pytest.fixture(scope="module")
def turtle_dir(tmp_path_factory, graph):
    paths = GraphPaths(tmp_path_factory.mktemp("graph"))
    write_turtle(graph, paths.turtle)
    write_manifest({"format": 1}, paths.manifest)
    return paths.root
