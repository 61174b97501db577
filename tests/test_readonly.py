"""Read-only guards: writes are found by tokens, not by substrings."""

from __future__ import annotations

import pytest

from aigraph.errors import QueryError, ReadOnlyError
from aigraph.readonly import check_cypher, check_sparql, find_cypher_write, find_sparql_write


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("CREATE (n:Model {id: 'x'})", "CREATE"),
        ("match (n) merge (m:Model {id: 'y'})", "MERGE"),
        ("MATCH (n) DELETE n", "DELETE"),
        ("MATCH (n)\nDETACH DELETE n", "DETACH DELETE"),
        ("MATCH (n) SET n.name = 'x'", "SET"),
        ("MATCH (n) REMOVE n.name", "REMOVE"),
        ("DROP TABLE Model", "DROP"),
        ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV"),
        ("LOAD FROM '/etc/passwd' RETURN *", "LOAD FROM"),
        ("COPY Model FROM 'x.csv'", "COPY"),
        ("ALTER TABLE Model ADD x INT64", "ALTER"),
        ("INSTALL json", "INSTALL"),
        ("LOAD EXTENSION json", "LOAD EXTENSION"),
        ("EXPORT DATABASE '/tmp/x'", "EXPORT"),
        ("ATTACH '/tmp/other.lbug' AS other", "ATTACH"),
        ("CALL timeout = 100000", "CALL timeout = ..."),
        ("CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "CALL apoc.create.node"),
        ("CALL db.index.fulltext.createNodeIndex('x', ['M'], ['name'])", "CALL db.index.fulltext.createNodeIndex"),
        ("MATCH (n) WITH n CALL { WITH n SET n.x = 1 } RETURN n", "SET"),
    ],
)
def test_cypher_writes_are_found(query, found):
    assert find_cypher_write(query) == found
    with pytest.raises(ReadOnlyError, match="read-only"):
        check_cypher(query)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n:Model) WHERE n.name = 'CREATE TABLE x; DROP' RETURN n.created, n.settings",
        'MATCH (n) WHERE n.text CONTAINS "DELETE" RETURN n',
        "MATCH (n) // SET n.x = 1\nRETURN n",
        "MATCH (n) /* MERGE (m) */ RETURN n",
        "MATCH (n:`Create`) RETURN n.`set`, n.delete, n.remove",
        "RETURN {set: 1, merge: 2} AS settings",
        "MATCH (n) WHERE $create = n.id RETURN n",
        "CALL show_tables() RETURN *",
        "CALL table_info('Model') RETURN *",
        "MATCH (n) CALL { WITH n RETURN n.name AS x } RETURN x",
        "CALL db.labels()",
        "MATCH (n) RETURN n.name ORDER BY n.name;",
    ],
)
def test_cypher_reads_pass(query):
    assert find_cypher_write(query) is None
    check_cypher(query)


def test_cypher_one_statement_at_a_time():
    with pytest.raises(QueryError, match="one Cypher statement"):
        check_cypher("MATCH (n) RETURN n; MATCH (m) RETURN m")
    with pytest.raises(QueryError, match="empty"):
        check_cypher("  // nothing\n")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
        ("PREFIX ex: <urn:x#> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE"),
        ("delete where { ?s ?p ?o }", "DELETE"),
        ("LOAD <http://example.org/x.ttl>", "LOAD"),
        ("CLEAR DEFAULT", "CLEAR"),
        ("CREATE GRAPH <urn:g>", "CREATE"),
        ("DROP ALL", "DROP"),
        ("COPY DEFAULT TO <urn:g>", "COPY"),
        ("MOVE <urn:a> TO <urn:b>", "MOVE"),
        ("ADD <urn:a> TO <urn:b>", "ADD"),
        ("WITH <urn:g> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "INSERT"),
    ],
)
def test_sparql_updates_are_found(query, found):
    assert find_sparql_write(query) == found
    with pytest.raises(ReadOnlyError, match="read-only"):
        check_sparql(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?s WHERE { ?s ?p "INSERT DATA { }" }',
        "SELECT ?s WHERE { ?s ?p '''DROP\nALL''' }",
        "SELECT ?s WHERE { ?s ?p ?o } # CLEAR ALL",
        "SELECT ?s WHERE { ?s <http://example.org/ns#delete> ?o }",
        "PREFIX ex: <urn:x#> SELECT ?created WHERE { ?s ex:drop ?created ; ex:insert ?settings }",
        'SELECT ?s WHERE { ?s ?p "x"@add }',
        "SELECT ?s WHERE { ?s ?p ?o FILTER (?o < 5 && ?o > 1) }",
        "ASK { ?s a <urn:Load> }",
    ],
)
def test_sparql_reads_pass(query):
    assert find_sparql_write(query) is None
    check_sparql(query)


def test_sparql_service_is_refused():
    with pytest.raises(ReadOnlyError, match="SERVICE"):
        check_sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="empty"):
        check_sparql("# only a comment")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("SELECT * FROM <http://example.org/other> WHERE { ?s ?p ?o }", "FROM <http://example.org/other>"),
        ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
        ("SELECT * WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }", "GRAPH <http://example.org/g>"),
        ("SELECT * WHERE { { SELECT * WHERE { SERVICE ?x { ?s ?p ?o } } } }", "SERVICE"),
    ],
)
def test_sparql_reaching_past_this_graph_is_found(query, found):
    assert find_sparql_write(query) == found
    with pytest.raises(ReadOnlyError, match="only queries this graph"):
        check_sparql(query)


def test_sparql_checked_text_is_what_runs():
    assert check_sparql("ASK { <urn:\\u0041> ?p ?o }") == "ASK { <urn:A> ?p ?o }"
    assert check_sparql("ASK { ?s ?p ?o } # note\r\n") == "ASK { ?s ?p ?o } # note\n"
    assert check_sparql("SELECT * WHERE { GRAPH <https://w3id.org/aigraph/id/g> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="malformed"):
        check_sparql("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="another escape"):
        check_sparql("ASK { <urn:\\u005Cu0041> ?p ?o }")
