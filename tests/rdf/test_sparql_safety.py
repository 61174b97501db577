"""SPARQL safety: nothing leaves the machine, however the query is written; row caps hold."""

from __future__ import annotations

import socket
import sys
import threading

import pytest

from aigraph.errors import QueryError, ReadOnlyError
from aigraph.rdf import SparqlStore
from aigraph.rdf import store as store_module


class Listener:
    """A TCP server on 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store(turtle_dir):
    with SparqlStore(turtle_dir) as store:
        yield store


ANY = "?s ?p ?o"
# {url} is http://127.0.0.1:<port>/sparql; every query must be refused and send nothing.
OBFUSCATED = [
    # The old text guard took the '#' after an escape for a comment and missed the rest.
    "SELECT * WHERE { <http://x/\\u0041#> ?p ?o . SERVICE <{url}> { ?s ?p ?o } }",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\#b ?o . SERVICE <{url}> { ?s ?p ?o } }",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\#b ?o . SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { # a comment\n SERVICE # another\n <{url}> { ?s ?p ?o } }",
    "select * where { sErViCe <{url}> { ?s ?p ?o } }",
    "SELECT*{\tSERVICE\n\n<{url}>{?s ?p ?o}}",
    "SELECT * { { { { SERVICE <{url}> { ?s ?p ?o } } } } }",
    "SELECT * { ?a ?b ?c OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * { { ?a ?b ?c } UNION { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * { ?a ?b ?c MINUS { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * { ?a ?b ?c FILTER NOT EXISTS { SERVICE silent <{url}> { ?s ?p ?o } } }",
    "SELECT * { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } LIMIT 1 } }",
    "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * { VALUES ?u { <{url}> } SERVICE ?u { ?s ?p ?o } }",
    "PREFIX h: <{base}> SELECT * { SERVICE h:sparql { ?s ?p ?o } }",
    "BASE <{base}> SELECT * { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE <{escaped}> { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { GRAPH <{url}> { ?s ?p ?o } }",
    # rdflib and Oxigraph end comments and expand escapes differently; both must see one text.
    "SELECT * WHERE { ?s ?p ?o # a note\r SERVICE <{url}> { ?a ?b ?c } \n }",
    "LOAD <{url}>",
    "load silent <{url}> into graph <urn:g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
]


def _fill(template: str, port: int) -> str:
    base = f"http://127.0.0.1:{port}/"
    escaped = base.replace("h", "\\u0068", 1) + "\\u0073parql"
    return (
        template.replace("{url}", base + "sparql").replace("{base}", base).replace("{escaped}", escaped)
    )


@pytest.mark.parametrize("template", OBFUSCATED)
def test_reaching_out_is_refused_however_written(store, listener, template):
    with pytest.raises(QueryError) as caught:
        store.query(_fill(template, listener.port), timeout=5)
    # Refused as unsafe, or (an escaped keyword) not SPARQL at all: either way not run.
    assert isinstance(caught.value, ReadOnlyError) or "malformed" in str(caught.value)
    assert listener.connections == 0


def test_the_guard_and_the_engine_read_the_same_characters(store, listener):
    # rdflib expands the escaped newline, so to it the SERVICE line sits in a string; a
    # text sent as written would have Oxigraph take the escape as part of a comment and
    # run the SERVICE line. The store sends what it checked, so the engine sees a string.
    url = f"http://127.0.0.1:{listener.port}/sparql"
    query = (
        'SELECT ?note WHERE { BIND("x" AS ?note) # \\u000A BIND("""\n'
        f"SERVICE <{url}> {{ ?a ?b ?c }}\n"
        '# \\u000A """ AS ?other)\n}'
    )
    assert store.query(query, timeout=10) == (["note"], [("x",)])
    assert listener.connections == 0


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?s WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/>" }',
        "SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/> { }",
        "SELECT * FROM <https://w3id.org/aigraph/id/graph> WHERE { ?s ?p ?o }",
        "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
        "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\#b ?o }",
    ],
)
def test_reads_of_this_graph_still_run(store, query):
    columns, _ = store.query(query, timeout=10)
    assert columns


def test_the_worker_has_no_network_even_past_the_guard(turtle_dir, listener, monkeypatch):
    """The second line of defence: a SERVICE that got past the parser finds no network."""
    monkeypatch.setattr(store_module, "check_sparql", lambda text: text)
    with SparqlStore(turtle_dir, workers=1) as store:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        try:
            store.query(query, timeout=10)
        except QueryError:
            pass  # the engine reports the unreachable endpoint
        assert listener.connections == 0


def _peak_rss_mb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmHWM"))
    return int(line.split()[1]) >> 10


def test_the_row_cap_stops_the_engine_early(turtle_dir):
    # Hundreds of triples to the fourth power: far more rows than fit in memory as JSON.
    join = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with SparqlStore(turtle_dir, workers=1) as store:
        columns, rows = store.query(join, timeout=60, max_rows=100)
        (worker,) = store.worker_pids()
        if sys.platform.startswith("linux"):
            assert _peak_rss_mb(worker) < 500
        _, triples = store.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=5)
    assert len(columns) == 12
    assert len(rows) == 101  # one over the cap: the caller knows some were left out
    assert len(triples) == 6


def test_a_query_past_the_memory_cap_fails_and_the_next_one_runs(turtle_dir):
    # Sorting a three-way cross join must hold every row at once: far past 300 MB.
    huge_sort = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g ?c ?f ?i"
    with SparqlStore(turtle_dir, workers=1, memory_mb=300) as store:
        with pytest.raises(QueryError, match="300 MB a query may use"):
            store.query(huge_sort, timeout=120, max_rows=5)
        assert store.query("ASK { ?s ?p ?o }")[1] == [(True,)]
