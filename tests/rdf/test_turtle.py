"""Turtle output: deterministic bytes, and it reads back as the same RDF graph."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic

from aigraph.rdf import generate_turtle, graph_to_rdf, write_turtle


def _reversed_copy(graph):
    """The same graph with nodes and edges inserted in the opposite order."""
    other = nx.MultiDiGraph()
    for node, attrs in reversed(list(graph.nodes(data=True))):
        other.add_node(node, **attrs)
    for u, v, key, attrs in reversed(list(graph.edges(keys=True, data=True))):
        other.add_edge(u, v, key=key, **attrs)
    return other


def test_same_graph_gives_the_same_bytes(tmp_path, graph):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write_turtle(graph, first)
    write_turtle(_reversed_copy(graph), second)
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.partial"))


def test_a_changed_graph_gives_different_bytes(graph):
    changed = graph.copy()
    changed.nodes["org:deepmind"]["name"] = "Deep Mind"
    assert generate_turtle(changed) != generate_turtle(graph)


def test_turtle_reads_back_as_the_rdflib_graph(graph):
    data = generate_turtle(graph)
    parsed = rdflib.Graph()
    parsed.parse(data=data, format="turtle")
    assert isomorphic(parsed, graph_to_rdf(graph))


def test_oxigraph_parses_every_triple(graph):
    triples = list(ox.parse(generate_turtle(graph), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(graph_to_rdf(graph))


def test_empty_graph_is_valid_turtle():
    data = generate_turtle(nx.MultiDiGraph())
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == 0
