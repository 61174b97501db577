"""Edges are staged and loaded a slice at a time, one transaction each: none lost, none doubled."""

from __future__ import annotations

from collections import Counter

import aigraph.cypher.embedded as embedded
from aigraph.cypher import CypherStore, build_database
from aigraph.graph.paths import GraphPaths
from aigraph.graph.store import write_manifest


def test_edges_copied_in_slices_are_all_there_once(tmp_path, graph, monkeypatch):
    monkeypatch.setattr(embedded, "COPY_ROWS", 2)
    monkeypatch.setattr(embedded, "STAGE_ROWS", 2)
    paths = GraphPaths(tmp_path)
    build_database(graph, paths.cypher)
    write_manifest({"format": 1}, paths.manifest)
    with CypherStore(tmp_path) as store:
        _, rows = store.query("MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS n")
        assert Counter(dict(rows)) == Counter(k for _, _, k in graph.edges(keys=True))
        _, rows = store.query(
            "MATCH (a)-[r:MENTIONED_ON]->(b) RETURN a.id, b.id, r.count, r.evidence ORDER BY a.id, b.id"
        )
    expected = sorted(
        (u, v, attrs["count"], attrs["evidence"])
        for u, v, key, attrs in graph.edges(keys=True, data=True) if key == "MENTIONED_ON"
    )
    assert rows == expected


def test_the_staged_tables_are_removed_once_loaded(tmp_path, graph):
    paths = GraphPaths(tmp_path)
    build_database(graph, paths.cypher)
    assert sorted(p.name for p in paths.cypher.iterdir()) == [embedded.DATABASE_FILE]


def test_a_database_loads_from_staged_files_alone(tmp_path, graph):
    staging = tmp_path / "staging"
    embedded.stage_database(graph, staging)
    paths = GraphPaths(tmp_path / "graph")
    embedded.load_database(staging, paths.cypher)
    write_manifest({"format": 1}, paths.manifest)
    with CypherStore(paths.root) as store:
        _, rows = store.query("MATCH (n) RETURN count(n)")
    assert rows == [(graph.number_of_nodes(),)]
