import pytest

from aigraph.serve.protocol import MAX_QUERY_BYTES, HttpError, query_refusal, read_operation

FORM = "application/x-www-form-urlencoded"


def status_of(*args):
    with pytest.raises(HttpError) as caught:
        read_operation(*args)
    return caught.value.status, str(caught.value)


def test_the_three_ways_to_send_a_query():
    assert read_operation("GET", "query=ASK+%7B%7D", None, b"") == "ASK {}"
    assert read_operation("POST", "", FORM + "; charset=UTF-8", b"query=ASK+%7B%7D") == "ASK {}"
    assert read_operation("POST", "", "application/sparql-query", "ASK { ?s ?p \"é\" }".encode()) == 'ASK { ?s ?p "é" }'


def test_get_without_a_query_asks_for_the_service_description():
    assert read_operation("GET", "", None, b"") is None
    assert read_operation("HEAD", "other=1", None, b"") is None


def test_update_requests_are_forbidden():
    assert status_of("GET", "update=CLEAR+ALL", None, b"")[0] == 403
    assert status_of("POST", "", FORM, b"update=CLEAR+ALL")[0] == 403
    status, message = status_of("POST", "", "application/sparql-update", b"CLEAR ALL")
    assert status == 403 and "read-only" in message


def test_dataset_parameters_are_refused_clearly():
    status, message = status_of("GET", "query=ASK+%7B%7D&default-graph-uri=http%3A%2F%2Fx%2F", None, b"")
    assert status == 400 and "default-graph-uri" in message
    assert status_of("POST", "named-graph-uri=http%3A%2F%2Fx%2F", "application/sparql-query", b"ASK {}")[0] == 400
    assert status_of("POST", "", FORM, b"query=ASK+%7B%7D&named-graph-uri=x")[0] == 400


def test_malformed_requests():
    assert status_of("GET", "query=a&query=b", None, b"")[0] == 400
    assert status_of("POST", "", FORM, b"other=1")[0] == 400
    assert status_of("POST", "", FORM, b"query=%ff%fe")[0] == 400
    assert status_of("POST", "", "application/sparql-query", b"\xff\xfe")[0] == 400
    assert status_of("POST", "", "text/plain", b"ASK {}")[0] == 415
    assert status_of("POST", "", None, b"ASK {}")[0] == 415
    assert status_of("DELETE", "", None, b"")[0] == 405


def test_oversized_queries():
    assert status_of("GET", "query=" + "x" * MAX_QUERY_BYTES, None, b"")[0] == 414
    assert status_of("POST", "", "application/sparql-query", b"#" * (MAX_QUERY_BYTES + 1))[0] == 413


@pytest.mark.parametrize("text, status, word", [
    ("INSERT DATA { <http://x/a> <http://x/b> 1 }", 400, "INSERT"),
    ("DELETE WHERE { ?s ?p ?o }", 400, "DELETE"),
    ("LOAD <http://x/data.ttl>", 400, "LOAD"),
    ("CLEAR DEFAULT", 400, "CLEAR"),
    ("SELECT * { OPTIONAL { SERVICE <http://x/sparql> { ?s ?p ?o } } }", 403, "SERVICE"),
    ("SELECT * FROM <http://elsewhere.example/g> { ?s ?p ?o }", 400, "FROM"),
    ("SELECT * { ?s ?p }", 400, "malformed"),
    ("   ", 400, "empty"),
])
def test_query_refusals(text, status, word):
    refusal = query_refusal(text)
    assert refusal is not None and refusal.status == status and word in str(refusal)
    assert "\n" not in str(refusal)


def test_read_queries_pass():
    assert query_refusal("PREFIX s: <https://schema.org/> SELECT ?n { ?x s:name ?n } LIMIT 1") is None
    assert query_refusal('ASK { ?s ?p "INSERT DATA" }') is None
