"""The endpoint over plain HTTP (httpx and raw sockets): every content type, every refusal."""

from __future__ import annotations

import csv
import io
import json
import socket
import xml.etree.ElementTree as ET

import httpx
import pytest

ORGS = "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/> " \
       "SELECT ?name WHERE { ?o a aig:Organization ; schema:name ?name } ORDER BY ?name"
DEEPMIND = "PREFIX schema: <https://schema.org/> CONSTRUCT { ?o schema:name ?n } " \
           "WHERE { ?o schema:name ?n FILTER (?n = \"DeepMind\") }"
#: A query that runs far past the test time limit on any graph of some size.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def get(endpoint, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return httpx.get(endpoint, params={"query": query, **params}, headers=headers, timeout=30)


def org_names(graph):
    return sorted(a["name"] for _, a in graph.nodes(data=True) if a.get("label") == "Organization")


def assert_one_line(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.count("\n") == 1 and "Traceback" not in response.text


def test_select_in_every_result_format(endpoint, graph):
    names = org_names(graph)
    as_json = get(endpoint, ORGS)
    assert as_json.headers["content-type"] == "application/sparql-results+json"
    assert [b["name"]["value"] for b in as_json.json()["results"]["bindings"]] == names

    as_xml = get(endpoint, ORGS, "application/sparql-results+xml")
    assert as_xml.headers["content-type"] == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [e.text for e in ET.fromstring(as_xml.content).findall(".//r:literal", ns)] == names

    as_csv = get(endpoint, ORGS, "text/csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert [row[0] for row in csv.reader(io.StringIO(as_csv.text))] == ["name", *names]

    as_tsv = get(endpoint, ORGS, "text/tab-separated-values")
    assert as_tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert as_tsv.text.splitlines() == ["?name", *(json.dumps(n) for n in names)]


def test_ask_in_json_and_xml(endpoint):
    assert get(endpoint, "ASK { ?s ?p ?o }").json() == {"head": {}, "boolean": True}
    xml = get(endpoint, "ASK { <http://nothing.example/> ?p ?o }", "application/sparql-results+xml")
    assert xml.headers["content-type"] == "application/sparql-results+xml"
    assert ET.fromstring(xml.content).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "false"


@pytest.mark.parametrize("accept, content_type, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct_in_every_graph_format(endpoint, accept, content_type, rdflib_format):
    import rdflib

    response = get(endpoint, DEEPMIND, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == content_type
    parsed = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert {str(o) for o in parsed.objects()} == {"DeepMind"}


def test_post_form_and_post_query_body_give_the_same_answer(endpoint):
    by_get = get(endpoint, ORGS).json()
    by_form = httpx.post(endpoint, data={"query": ORGS}, timeout=30)
    by_body = httpx.post(endpoint, content=ORGS.encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-query"})
    assert by_form.json() == by_get == by_body.json()


def test_q_values_choose_the_format(endpoint):
    response = get(endpoint, ORGS, "application/sparql-results+json;q=0.4, text/csv;q=0.9, */*;q=0.1")
    assert response.headers["content-type"].startswith("text/csv")
    assert "Accept" in response.headers["vary"]


def test_unknown_accept_types_get_406(endpoint):
    assert_one_line(get(endpoint, ORGS, "image/png"), 406)
    # Acceptable for one kind of result only: a CONSTRUCT cannot be sent as CSV.
    response = get(endpoint, DEEPMIND, "text/csv")
    assert_one_line(response, 406)
    assert "graph results" in response.text


def test_service_description_without_a_query(endpoint):
    import rdflib

    response = httpx.get(endpoint, timeout=30)
    assert response.headers["content-type"].startswith("text/turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    parsed = rdflib.Graph().parse(data=response.text, format="turtle")
    assert (None, sd.endpoint, rdflib.URIRef(endpoint)) in parsed
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in parsed
    formats = {str(o) for o in parsed.objects(None, sd.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_CSV" in formats


def test_html_page_says_how_to_query_and_lists_the_prefixes(server, endpoint):
    page = httpx.get(server.url + "/", timeout=30)
    assert page.headers["content-type"].startswith("text/html")
    assert endpoint in page.text and "curl" in page.text and "YASGUI" in page.text
    assert "https://w3id.org/aigraph/vocab#" in page.text
    # A browser asking /sparql for HTML gets the same page.
    assert endpoint in httpx.get(endpoint, headers={"Accept": "text/html"}, timeout=30).text


@pytest.mark.parametrize("query, status", [
    ("INSERT DATA { <http://x/a> <http://x/b> 1 }", 400),
    ("DELETE WHERE { ?s ?p ?o }", 400),
    ("DROP ALL", 400),
    ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403),
    ("SELECT * { ?s ?p }", 400),
    ("SELEKT * { ?s ?p ?o }", 400),
])
def test_updates_service_and_malformed_queries_are_refused(endpoint, query, status):
    assert_one_line(get(endpoint, query), status)


def test_update_requests_are_refused(endpoint):
    assert_one_line(httpx.post(endpoint, data={"update": "CLEAR ALL"}, timeout=30), 403)
    assert_one_line(httpx.post(endpoint, content=b"CLEAR ALL", timeout=30,
                               headers={"Content-Type": "application/sparql-update"}), 403)
    assert_one_line(httpx.put(endpoint, content=b"x", timeout=30), 405)
    assert_one_line(httpx.post(endpoint, content=b"ASK {}", timeout=30, headers={"Content-Type": "text/plain"}), 415)


def test_dataset_parameters_are_refused(endpoint):
    response = get(endpoint, "ASK { ?s ?p ?o }", **{"default-graph-uri": "http://example.org/g"})
    assert_one_line(response, 400)
    assert "default-graph-uri" in response.text


def test_oversized_queries_are_refused(endpoint):
    big = "ASK { ?s ?p ?o } #" + "x" * 1_100_000
    assert_one_line(httpx.post(endpoint, content=big.encode(), timeout=30,
                               headers={"Content-Type": "application/sparql-query"}), 413)
    # httpx refuses such a URL itself; http.client sends it as given.
    import http.client
    from urllib.parse import quote, urlsplit

    parts = urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path + "?query=" + quote(big))
        response = connection.getresponse()
        body = response.read().decode()
    finally:
        connection.close()
    assert response.status == 414 and body.count("\n") == 1


def test_cors_headers_for_a_browser_page(endpoint):
    preflight = httpx.options(endpoint, timeout=30, headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    simple = httpx.get(endpoint, params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"}, timeout=30)
    assert simple.headers["access-control-allow-origin"] == "*"


def test_a_query_past_the_time_limit_stops_and_the_server_goes_on(endpoint):
    stopped = get(endpoint, SLOW)
    assert_one_line(stopped, 503)
    assert "time limit" in stopped.text
    assert get(endpoint, "ASK { ?s ?p ?o }").json()["boolean"] is True


def test_a_slow_client_gets_408_and_others_are_served_meanwhile(server, endpoint):
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as slow:
        slow.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK {")
        assert get(endpoint, "ASK { ?s ?p ?o }").status_code == 200
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = slow.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408")


def test_unknown_paths_get_a_one_line_404(server):
    assert_one_line(httpx.get(server.url + "/nothing", timeout=30), 404)


def test_missing_graph_and_oversized_results(tmp_path, graph_dir, start_server):
    from aigraph.serve import create_app

    missing = start_server(create_app(tmp_path / "no-graph-here", timeout=5))
    small = start_server(create_app(graph_dir, timeout=5, max_result_bytes=2000))
    url = missing.url + "/sparql"
    response = get(url, "ASK { ?s ?p ?o }")
    assert_one_line(response, 503)
    assert "aigraph build" in response.text
    assert "No graph is loaded yet" in httpx.get(missing.url + "/", timeout=30).text
    assert httpx.get(url, timeout=30).status_code == 200  # the description still answers

    too_big = get(small.url + "/sparql", "SELECT * { ?s ?p ?o }")
    assert_one_line(too_big, 500)
    assert "too large" in too_big.text
    assert get(small.url + "/sparql", "SELECT * { ?s ?p ?o } LIMIT 2").status_code == 200
