"""LadybugDB: the built database holds the graph; the store is read-only and time-limited."""

from __future__ import annotations

from collections import Counter

import pytest

import aigraph.cypher.store as cypher_store
from aigraph.cypher import CypherStore, build_database
from aigraph.errors import GraphError, QueryError, QueryTimeout, ReadOnlyError
from aigraph.graph.store import write_manifest

# Every node five times over, with string work per row: seconds of work, not milliseconds.
SLOW = (
    "MATCH (a), (b), (c), (d), (e) "
    "WHERE a.name + b.name + c.name + d.name + e.name = 'none' RETURN count(*)"
)


@pytest.fixture(scope="module")
def store(cypher_dir):
    with CypherStore(cypher_dir) as store:
        yield store


def test_every_node_and_edge_is_loaded(store, graph):
    _, rows = store.query("MATCH (n) RETURN label(n) AS label, count(*) AS n")
    assert Counter(dict(rows)) == Counter(attrs["label"] for _, attrs in graph.nodes(data=True))
    _, rows = store.query("MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS n")
    assert Counter(dict(rows)) == Counter(k for _, _, k in graph.edges(keys=True))


def test_lists_and_evidence_are_kept(store, graph):
    attrs = graph.nodes["org:deepmind"]
    columns, rows = store.query(
        "MATCH (o:Organization {id: $id}) RETURN o.name, o.aliases, o.years, o.keys", params={"id": "org:deepmind"}
    )
    assert rows == [(attrs["name"], attrs["aliases"], attrs["years"], ["deepmind", "google deepmind"])]
    edge = graph.edges["org:deepmind", "slide:2021:15", "MENTIONED_ON"]
    _, rows = store.query(
        "MATCH (:Organization {id: $u})-[r:MENTIONED_ON]->(:Slide {id: $v}) RETURN r.count, r.evidence",
        params={"u": "org:deepmind", "v": "slide:2021:15"},
    )
    assert rows == [(edge["count"], edge["evidence"])]


def test_writes_are_refused_by_the_guard(store):
    with pytest.raises(ReadOnlyError, match="CREATE"):
        store.query("CREATE (:Model {id: 'model:new', name: 'New'})")


def test_the_database_itself_is_read_only(store, monkeypatch):
    monkeypatch.setattr(cypher_store, "check_cypher", lambda text: None)  # let a write past the guard
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.query("CREATE (:Model {id: 'model:new', name: 'New'})")


def test_malformed_and_failing_queries_are_one_line(store):
    with pytest.raises(QueryError) as info:
        store.query("MATCH (n RETURN n")
    assert str(info.value).startswith("malformed Cypher:") and "\n" not in str(info.value)
    with pytest.raises(QueryError, match="Cypher query failed: .*NoSuchTable"):
        store.query("MATCH (n:NoSuchTable) RETURN n")


def test_a_query_past_its_timeout_is_stopped(store):
    with pytest.raises(QueryTimeout, match="stopped after 0.2 s"):
        store.query(SLOW, timeout=0.2)
    assert store.query("RETURN 1 AS one") == (["one"], [(1,)])


def test_missing_or_half_written_graph(tmp_path):
    with pytest.raises(GraphError, match="run `aigraph build`"):
        CypherStore(tmp_path).query("RETURN 1")
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    with pytest.raises(GraphError, match="no Cypher database"):
        CypherStore(tmp_path).query("RETURN 1")


def _write_build(graph, root):
    build_database(graph, root / "cypher")
    write_manifest({"format": 1, "nodes": graph.number_of_nodes()}, root / "manifest.json")


def test_a_swapped_in_rebuild_is_picked_up_by_an_open_store(tmp_path, graph):
    live = tmp_path / "graph"
    _write_build(graph, live)
    count = "MATCH (m:Model) RETURN count(*) AS n"
    with CypherStore(live) as store:
        models = sum(1 for _, a in graph.nodes(data=True) if a["label"] == "Model")
        assert store.query(count)[1] == [(models,)]
        # As `aigraph build` does: write a new directory, then swap it in.
        smaller = graph.subgraph([n for n, a in graph.nodes(data=True) if a["label"] != "Model"]).copy()
        _write_build(smaller, tmp_path / "staged")
        live.rename(tmp_path / "old")
        (tmp_path / "staged").rename(live)
        assert store.query(count)[1] == [(0,)]


def test_building_again_in_place_replaces_the_database(tmp_path, graph):
    target = build_database(graph, tmp_path)
    assert build_database(graph, tmp_path) == target
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
