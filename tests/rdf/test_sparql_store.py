"""SparqlStore: typed rows, bound parameters, read-only, malformed queries, timeouts."""

from __future__ import annotations

import os
import signal

import psutil
import pytest

from aigraph.errors import GraphError, QueryError, QueryTimeout, ReadOnlyError
from aigraph.graph.store import write_manifest
from aigraph.rdf import Iri, SparqlStore, graph_to_rdf, write_turtle

PREFIX = "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/>\n"

# Every triple against every triple against every triple: far more than a second of work.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store(turtle_dir):
    with SparqlStore(turtle_dir) as store:
        yield store


def test_counts_every_triple(store, graph):
    columns, rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert columns == ["n"]
    assert rows == [(len(graph_to_rdf(graph)),)]


def test_rows_are_typed_python_values(store):
    columns, rows = store.query(
        PREFIX + "SELECT ?name ?year ?missing WHERE { ?o a aig:Organization ; schema:name ?name ;"
        " aig:seenInYear ?year . OPTIONAL { ?o aig:nothing ?missing } } ORDER BY ?name ?year LIMIT 1"
    )
    assert columns == ["name", "year", "missing"]
    (name, year, missing), = rows
    assert isinstance(name, str) and isinstance(year, int) and missing is None


def test_parameters_are_bound_not_pasted(store):
    query = PREFIX + "SELECT ?key ?name WHERE { ?o aig:key ?key ; schema:name ?name }"
    assert store.query(query, params={"key": "google deepmind"})[1] == [("google deepmind", "DeepMind")]
    # A quote in a value is data, not syntax.
    assert store.query(query, params={"key": 'x" } ?s ?p ?o { "'})[1] == []
    iri = "https://w3id.org/aigraph/id/org:deepmind"
    query = PREFIX + "SELECT ?o ?name WHERE { ?o schema:name ?name }"
    assert store.query(query, params={"o": Iri(iri)})[1] == [(iri, "DeepMind")]


def test_ask_and_construct(store):
    assert store.query(PREFIX + "ASK { ?o schema:name 'DeepMind' }") == (["ask"], [(True,)])
    columns, rows = store.query(PREFIX + "CONSTRUCT { ?o schema:name ?n } WHERE { ?o schema:name ?n } LIMIT 2")
    assert columns == ["subject", "predicate", "object"] and len(rows) == 2


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_are_refused_before_reaching_the_store(tmp_path, update):
    # The directory holds no graph at all: the refusal comes first.
    with pytest.raises(ReadOnlyError):
        SparqlStore(tmp_path / "nowhere").query(update)


def test_malformed_query_is_one_clear_line(store):
    with pytest.raises(QueryError) as info:
        store.query("SELECT ?s WHERE { ?s ?p }")
    message = str(info.value)
    assert message.startswith("malformed SPARQL:") and "\n" not in message


def test_a_query_past_its_timeout_is_stopped_and_the_store_recovers(store):
    with pytest.raises(QueryTimeout, match="stopped after 0.3 s"):
        store.query(SLOW, timeout=0.3)
    assert store.query("ASK { ?s ?p ?o }") == (["ask"], [(True,)])


def test_missing_or_half_written_graph(tmp_path, graph):
    with pytest.raises(GraphError, match="run `aigraph build`"):
        SparqlStore(tmp_path).query("ASK { ?s ?p ?o }")
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    with pytest.raises(GraphError, match="no graph.ttl"):
        SparqlStore(tmp_path).query("ASK { ?s ?p ?o }")
    (tmp_path / "graph.ttl").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot load"):
        SparqlStore(tmp_path).query("ASK { ?s ?p ?o }")


def test_a_rebuilt_directory_is_picked_up(tmp_path, graph):
    write_turtle(graph, tmp_path / "graph.ttl")
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    query = "PREFIX schema: <https://schema.org/> ASK { ?o schema:name 'Deep Mind' }"
    with SparqlStore(tmp_path) as store:
        assert store.query(query)[1] == [(False,)]
        changed = graph.copy()
        changed.nodes["org:deepmind"]["name"] = "Deep Mind"
        write_turtle(changed, tmp_path / "graph.ttl")
        (tmp_path / "manifest.json").unlink()
        write_manifest({"format": 1, "rebuilt": True}, tmp_path / "manifest.json")
        assert store.query(query)[1] == [(True,)]


def test_a_worker_that_died_between_queries_is_replaced(turtle_dir):
    with SparqlStore(turtle_dir) as store:
        assert store.query("ASK { ?s ?p ?o }")[1] == [(True,)]
        (pid,) = store.worker_pids()
        os.kill(pid, signal.SIGKILL)  # as if the system had ended it
        psutil.wait_procs([psutil.Process(pid)], timeout=10)
        assert store.query("ASK { ?s ?p ?o }")[1] == [(True,)]
