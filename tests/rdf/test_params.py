"""Bound SPARQL parameters: written as escaped terms in a VALUES block the planner sees."""

from __future__ import annotations

import math

import pytest

from aigraph.errors import QueryError
from aigraph.rdf import Iri, SparqlStore
from aigraph.rdf.params import bind_values, sparql_term

PREFIX = "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/>\n"
ECHO = "SELECT ?v WHERE { }"

HOSTILE = [
    '"',
    "\\",
    '\\"',
    'x" } ; INSERT DATA { <a:b> <a:c> 1 } #',
    "x' } ?s ?p ?o { '",
    "line\nbreak\r\nand\ttab",
    "}",
    "{ } {",
    "\\u0022",  # an escape spelled out: stays six characters
    "\\\\u0022 }",
    "\\U0001F600",
    '""" \'\'\'',
    "# not a comment",
    "ünïcödé 😀 中文",
    "\x01\x1f\x7f",
    "> <http://x/y>",
    "",
]


@pytest.fixture(scope="module")
def store(turtle_dir):
    with SparqlStore(turtle_dir) as store:
        yield store


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_string_comes_back_as_itself(store, value):
    assert bind_values(ECHO, {"v": value}) is not None  # written into the text, not substituted
    assert store.query(ECHO, params={"v": value}) == (["v"], [(value,)])


def test_a_hostile_string_is_data_in_a_lookup(store):
    query = PREFIX + "SELECT ?key ?name WHERE { ?o aig:key ?key ; schema:name ?name }"
    for value in HOSTILE:
        assert store.query(query, params={"key": value})[1] == []
    assert store.query(query, params={"key": "google deepmind"})[1] == [("google deepmind", "DeepMind")]


def test_numbers_and_booleans_keep_their_types(store):
    query = "SELECT ?i ?n ?f ?b WHERE { }"
    (row,) = store.query(query, params={"i": 2021, "n": -7, "f": 2.5, "b": True})[1]
    assert row == (2021, -7, 2.5, True) and isinstance(row[0], int) and row[3] is True
    (nan, inf), = store.query("SELECT ?x ?y WHERE { }", params={"x": float("nan"), "y": float("-inf")})[1]
    assert math.isnan(nan) and inf == float("-inf")


def test_an_iri_binds_and_a_bad_one_is_refused(store):
    iri = "https://w3id.org/aigraph/id/org:deepmind"
    query = PREFIX + "SELECT ?o ?name WHERE { ?o schema:name ?name }"
    assert store.query(query, params={"o": Iri(iri)})[1] == [(iri, "DeepMind")]
    for bad in ["http://x/a> } ?s ?p ?o { <http://x/b", "http://x/a b", 'http://x/"', "http://x/\\u003E",
                "relative/path", "http://x/{y}", "http://x/\n"]:
        with pytest.raises(QueryError, match="IRI"):
            store.query(query, params={"o": Iri(bad)})


def test_other_values_and_names_are_refused():
    with pytest.raises(QueryError, match="cannot bind a list"):
        sparql_term([1])
    with pytest.raises(QueryError, match="surrogate"):
        sparql_term("\ud800")
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_values(ECHO, {"v } ?s": 1})


def test_a_variable_need_not_be_selected(store):
    # Oxigraph's substitutions refuse this; a VALUES block restricts the rows.
    query = PREFIX + "SELECT ?name WHERE { ?o aig:key ?key ; schema:name ?name }"
    assert store.query(query, params={"key": "google deepmind"})[1] == [("DeepMind",)]


def test_braces_in_strings_iris_and_comments_do_not_count():
    text = 'SELECT ?k WHERE # WHERE {\n{ ?o <http://x/{a}> "WHERE { }" ; <http://x/k> ?k }'
    assert bind_values(text, {"k": "a"}) == (
        'SELECT ?k WHERE # WHERE {\n{ VALUES (?k) { ("a") } ?o <http://x/{a}> "WHERE { }" ; <http://x/k> ?k }'
    )


def test_a_subquery_is_restricted_only_when_it_hands_the_variable_up(store):
    counted = (
        PREFIX + "SELECT ?key ?n WHERE { ?o aig:key ?key "
        "{ SELECT ?key (COUNT(*) AS ?n) WHERE { ?x aig:key ?key } GROUP BY ?key } }"
    )
    assert bind_values(counted, {"key": "a"}).count("VALUES") == 2
    assert store.query(counted, params={"key": "google deepmind"})[1] == [("google deepmind", 1)]
    # The inner ?key is its own variable: binding the outer one must not restrict it.
    local = PREFIX + "SELECT ?key ?n WHERE { ?o aig:key ?key { SELECT (COUNT(?key) AS ?n) WHERE { ?x aig:key ?key } } }"
    assert bind_values(local, {"key": "a"}).count("VALUES") == 1
    (_, total), = store.query(local, params={"key": "google deepmind"})[1]
    assert total == store.query(PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?x aig:key ?k }")[1][0][0] > 1
    # LIMIT picks rows before the outer join: restricting first would pick others.
    limited = PREFIX + "SELECT ?key WHERE { { SELECT ?key WHERE { ?x aig:key ?key } ORDER BY ?key LIMIT 1 } }"
    assert bind_values(limited, {"key": "a"}).count("VALUES") == 1
    first = store.query(limited)[1][0][0]
    assert store.query(limited, params={"key": "google deepmind"})[1] == ([] if first != "google deepmind" else [(first,)])


def test_a_group_holding_only_a_subquery_is_wrapped(store):
    text = PREFIX + "SELECT ?key WHERE { SELECT ?key WHERE { ?x aig:key ?key } }"
    assert store.query(text, params={"key": "google deepmind"})[1] == [("google deepmind",)]


def test_ask_construct_and_describe(store):
    ask = PREFIX + "ASK { ?o aig:key ?key }"
    assert store.query(ask, params={"key": "google deepmind"})[1] == [(True,)]
    assert store.query(ask, params={"key": "nobody"})[1] == [(False,)]
    construct = PREFIX + "CONSTRUCT { ?o schema:name ?n } WHERE { ?o aig:key ?key ; schema:name ?n }"
    assert "VALUES" not in bind_values(construct, {"key": "a"}).split("WHERE")[0]
    assert [row[2] for row in store.query(construct, params={"key": "google deepmind"})[1]] == ["DeepMind"]
    assert bind_values("DESCRIBE <http://x/a>", {"key": "a"}) is None


def test_a_variable_assigned_with_as_is_left_to_substitution(store):
    assert bind_values("SELECT ?k WHERE { BIND (1 AS ?k) }", {"k": 1}) is None
    text = PREFIX + "SELECT ?key (COUNT(*) AS ?n) WHERE { ?o aig:key ?key } GROUP BY ?key"
    assert bind_values(text, {"n": 1}) is None
    assert store.query(text, params={"key": "google deepmind"})[1] == [("google deepmind", 1)]
