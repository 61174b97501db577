"""`aigraph query`, `aigraph ask`, `aigraph neo4j push`: rows out, one clear line on error."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading

import pytest

from aigraph.cli import main
from aigraph.build.stores import write_stores
from aigraph.graph.paths import GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_graph_json, write_manifest
from aigraph.questions import ask, close_stores

SLOW_CYPHER = "MATCH (a), (b), (c), (d), (e) WHERE a.name + b.name + c.name + d.name + e.name = 'x' RETURN count(*)"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory):
    graph = sample_graph()
    paths = GraphPaths(tmp_path_factory.mktemp("cli") / "graph")
    paths.root.mkdir()
    write_graph_json(graph, paths.graph_json)
    write_stores(graph, paths)
    write_manifest({"format": 1}, paths.manifest)
    yield str(paths.root)
    close_stores()


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_same_json_through_every_via(capsys, graph_dir):
    outputs = []
    for via in ("graph", "sparql", "cypher"):
        code, out, err = run(capsys, "ask", "models-by-org", "DeepMind", "--via", via, "--format", "json", "--graph", graph_dir)
        assert (code, err) == (0, "")
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1] == outputs[2] == ask("models-by-org", "DeepMind", graph_dir=graph_dir)


def test_ask_table_has_the_columns_and_a_row_count(capsys, graph_dir):
    code, out, _ = run(capsys, "ask", "co-occurring", "OpenAI", "--via", "sparql", "--graph", graph_dir)
    assert code == 0
    assert "org" in out and "shared_slides" in out and "DeepMind" in out and "3 rows" in out


def test_query_sparql_as_csv(capsys, graph_dir):
    text = (
        "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/> "
        "SELECT ?name ?year WHERE { ?m a aig:Model ; schema:name ?name ; aig:seenInYear ?year } ORDER BY ?year ?name"
    )
    code, out, _ = run(capsys, "query", "--sparql", text, "--format", "csv", "--graph", graph_dir)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "year"]
    assert ["AlphaFold", "2020"] in rows


def test_query_cypher_as_json(capsys, graph_dir):
    code, out, _ = run(
        capsys, "query", "--cypher", "MATCH (o:Organization) RETURN o.name AS name, o.years AS years ORDER BY name",
        "--format", "json", "--graph", graph_dir,
    )
    assert code == 0
    records = json.loads(out)
    assert {"name": "DeepMind", "years": [2020, 2021, 2022]} in records


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cypher", "MATCH (n) DETACH DELETE n"], "DETACH DELETE is not allowed"),
        (["--sparql", "DELETE WHERE { ?s ?p ?o }"], "DELETE is not allowed"),
        (["--sparql", "SELECT ?s WHERE { ?s ?p }"], "malformed SPARQL"),
        (["--cypher", "MATCH (n RETURN n"], "malformed Cypher"),
        (["--cypher", SLOW_CYPHER, "--timeout", "0.2"], "stopped after 0.2 s"),
        ([], "exactly one of --sparql or --cypher"),
    ],
)
def test_query_errors_are_one_line_and_exit_non_zero(capsys, graph_dir, args, message):
    code, out, err = run(capsys, "query", *args, "--graph", graph_dir)
    assert code == 1 and out == ""
    assert err.startswith("aigraph: error: ") and message in err and err.count("\n") == 1


def test_a_missing_graph_is_one_line(capsys, tmp_path):
    for args in (["query", "--cypher", "RETURN 1"], ["ask", "mentions", "DeepMind", "--via", "sparql"]):
        code, _, err = run(capsys, *args, "--graph", str(tmp_path / "none"))
        assert code == 1 and "run `aigraph build`" in err and err.count("\n") == 1


def test_neo4j_push_to_an_unreachable_server_is_one_line(capsys, graph_dir):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = run(capsys, "neo4j", "push", "--graph", graph_dir, "--uri", f"bolt://127.0.0.1:{port}", "--password", "x")
    assert code == 1
    assert err.startswith(f"aigraph: error: cannot reach Neo4j at bolt://127.0.0.1:{port}") and err.count("\n") == 1


class _Impostor:
    """Something that is not Neo4j on a local port: it accepts and stays silent or talks nonsense."""

    def __init__(self, reply: bytes) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.reply, self.held = reply, []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self.reply:
                conn.sendall(self.reply)
            self.held.append(conn)  # kept open, never answered

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.mark.parametrize("reply", [b"", b"HTTP/1.1 200 OK\r\n\r\nnot bolt at all\n"])
def test_neo4j_push_to_something_else_gives_up_with_one_line(capsys, graph_dir, reply):
    impostor = _Impostor(reply)
    try:
        uri = f"bolt://127.0.0.1:{impostor.port}"
        code, _, err = run(capsys, "neo4j", "push", "--graph", graph_dir, "--uri", uri, "--password", "x")
    finally:
        impostor.close()
    assert code == 1
    assert err.startswith(f"aigraph: error: cannot reach Neo4j at {uri}") and err.count("\n") == 1


def test_neo4j_push_help_keeps_its_environment_hints(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "neo4j", "push", "--help")
    assert code == 0
    for hint in ("[env NEO4J_URI; bolt://localhost:7687]", "[env NEO4J_USER; neo4j]",
                 "[env NEO4J_PASSWORD]", "[env NEO4J_DATABASE]"):
        assert hint in out


def test_query_stops_at_max_rows_and_says_so(capsys, graph_dir):
    cross = "MATCH (a), (b), (c), (d), (e) RETURN a.id, b.id, c.id, d.id, e.id"
    code, out, err = run(capsys, "query", "--cypher", cross, "--graph", graph_dir, "-f", "csv", "--max-rows", "7")
    assert code == 0
    assert len(out.splitlines()) == 1 + 7
    assert "first 7 rows" in err
    code, out, err = run(capsys, "query", "--sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--graph", graph_dir,
                         "-f", "csv", "--max-rows", "4")
    assert code == 0 and len(out.splitlines()) == 1 + 4 and "first 4 rows" in err
