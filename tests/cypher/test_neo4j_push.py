"""Neo4j push: the plan and its batches always; a real server when NEO4J_URI is set.

To run the server test: start a throwaway Neo4j (5.x), then
``NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... pytest -m neo4j``.
It writes the sample graph's nodes (ids like ``org:deepmind``) and deletes them after.
"""

from __future__ import annotations

import json
import os
import socket

import pytest

from aigraph.cypher.server import batches, connection_settings, neo4j_push, node_props, push_plan
from aigraph.errors import StoreUnavailable


def test_plan_covers_every_node_and_edge_once(graph):
    constraints, steps = push_plan(graph)
    labels = {attrs["label"] for _, attrs in graph.nodes(data=True)}
    assert len(constraints) == len(labels)
    node_ids = [row["id"] for step in steps if step.kind == "nodes" for row in step.rows]
    assert sorted(node_ids) == sorted(graph.nodes)
    edges = [(r["from"], r["to"], s.statement) for s in steps if s.kind == "relationships" for r in s.rows]
    assert len(edges) == graph.number_of_edges()
    assert all("UNWIND $rows AS row" in step.statement for step in steps)
    assert steps.index(next(s for s in steps if s.kind == "relationships")) == len(labels)


def test_rows_hold_only_values_neo4j_can_store(graph):
    _, steps = push_plan(graph)
    for step in steps:
        for row in step.rows:
            for value in row["props"].values():
                assert value is not None and not isinstance(value, dict)
                if isinstance(value, list):
                    assert len({type(v) for v in value}) <= 1
    mention = next(
        row for step in steps if step.what.startswith("MENTIONED_ON")
        for row in step.rows if row["from"] == "org:deepmind" and row["to"] == "slide:2021:15"
    )
    edge = graph.edges["org:deepmind", "slide:2021:15", "MENTIONED_ON"]
    assert json.loads(mention["props"]["evidence"]) == edge["evidence"]
    assert mention["props"]["sentences"] == [e["sentence"] for e in edge["evidence"]]


def test_node_props_drop_the_label_and_absent_values():
    props = node_props("org:x", {"label": "Organization", "name": "X", "aliases": [], "kind": None})
    assert props == {"id": "org:x", "name": "X", "aliases": []}


def test_batches_split_rows_in_order():
    rows = list(range(2345))
    chunks = list(batches(rows, 1000))
    assert [len(c) for c in chunks] == [1000, 1000, 345]
    assert [x for c in chunks for x in c] == rows
    assert list(batches([], 10)) == []
    with pytest.raises(ValueError):
        list(batches(rows, 0))


def test_settings_come_from_options_then_environment():
    env = {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USER": "reader", "NEO4J_PASSWORD": "secret"}
    settings = connection_settings(env=env)
    assert (settings.uri, settings.user, settings.password) == ("neo4j://db:7687", "reader", "secret")
    assert "secret" not in repr(settings)
    settings = connection_settings("bolt://other:7687", "admin", "pw", env=env)
    assert (settings.uri, settings.user, settings.password) == ("bolt://other:7687", "admin", "pw")
    assert connection_settings(env={}).uri == "bolt://localhost:7687"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_is_one_clear_line(graph):
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    with pytest.raises(StoreUnavailable) as info:
        neo4j_push(graph, uri, "neo4j", "password")
    message = str(info.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}") and "\n" not in message


def test_a_uri_that_is_not_neo4j_is_refused(graph):
    with pytest.raises(StoreUnavailable, match="not a Neo4j URI"):
        neo4j_push(graph, "http://localhost:7474", "neo4j", "password")


@pytest.mark.neo4j
@pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="needs a Neo4j server: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) and run `pytest -m neo4j`",
)
def test_push_to_a_real_server_is_idempotent(graph):
    import neo4j

    first = neo4j_push(graph, batch_size=7)
    assert (first.nodes, first.relationships) == (graph.number_of_nodes(), graph.number_of_edges())
    second = neo4j_push(graph, batch_size=1000)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    settings = connection_settings()
    with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        ids = sorted(graph.nodes)
        records, _, _ = driver.execute_query(
            "MATCH (n) WHERE n.id IN $ids OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r",
            ids=ids, database_=settings.database,
        )
        assert (records[0]["n"], records[0]["r"]) == (graph.number_of_nodes(), graph.number_of_edges())
        driver.execute_query("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", ids=ids, database_=settings.database)
