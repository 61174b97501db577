"""The on-disk SPARQL store: written at build time, opened without parsing graph.ttl."""

from __future__ import annotations

from aigraph.build.stores import write_stores
from aigraph.graph.paths import GraphPaths
from aigraph.graph.store import write_manifest
from aigraph.rdf import SparqlStore, graph_to_rdf, has_store, write_store, write_turtle

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_the_build_hooks_write_the_store_beside_the_turtle(tmp_path, graph):
    stores = write_stores(graph, GraphPaths(tmp_path))
    assert stores["oxigraph"] == "written"
    assert has_store(tmp_path) and (tmp_path / "graph.ttl").is_file()


def test_queries_are_served_from_the_store_alone(tmp_path, graph):
    write_store(graph, tmp_path)  # no graph.ttl: the triples come from the graph itself
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    assert not (tmp_path / "graph.ttl").exists()
    with SparqlStore(tmp_path) as store:
        assert store.query(COUNT)[1] == [(len(graph_to_rdf(graph)),)]


def test_store_and_turtle_answer_alike_and_a_rewrite_replaces(tmp_path, graph):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        write_turtle(graph, folder / "graph.ttl")
        write_manifest({"format": 1}, folder / "manifest.json")
    write_store(graph, new)
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    with SparqlStore(old) as from_turtle, SparqlStore(new) as from_store:
        assert not has_store(old) and has_store(new)
        assert from_store.query(query) == from_turtle.query(query)


def test_writing_again_replaces_the_store(tmp_path, graph):
    changed = graph.copy()
    changed.remove_node("org:deepmind")
    write_store(changed, tmp_path)
    write_store(graph, tmp_path)
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    with SparqlStore(tmp_path) as store:
        assert store.query(COUNT)[1] == [(len(graph_to_rdf(graph)),)]
