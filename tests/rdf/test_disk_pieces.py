"""The SPARQL store is bulk-loaded from graph.ttl in pieces that each parse on their own."""

from __future__ import annotations

import io

import pyoxigraph as ox

from aigraph.graph.store import write_manifest
from aigraph.rdf import SparqlStore, graph_to_rdf, write_turtle
from aigraph.rdf.disk import turtle_pieces, write_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _triples(data: bytes) -> set:
    return set(ox.parse(data, format=ox.RdfFormat.TURTLE))


def test_pieces_parse_alone_and_add_up_to_the_file(tmp_path, graph):
    write_turtle(graph, tmp_path / "graph.ttl")
    data = (tmp_path / "graph.ttl").read_bytes()
    pieces = list(turtle_pieces(io.BytesIO(data), size=2_000))
    assert len(pieces) > 10
    header = data[: data.index(b"\n", data.rindex(b"@prefix ")) + 1]
    assert all(piece.startswith(header) for piece in pieces)
    parsed = [_triples(piece) for piece in pieces]
    assert set().union(*parsed) == _triples(data)
    assert sum(len(p) for p in parsed) == len(_triples(data))  # no statement cut in two


def test_a_block_smaller_than_one_statement_still_gives_whole_statements(tmp_path, graph):
    write_turtle(graph, tmp_path / "graph.ttl")
    data = (tmp_path / "graph.ttl").read_bytes()
    pieces = list(turtle_pieces(io.BytesIO(data), size=7))
    assert set().union(*(_triples(p) for p in pieces)) == _triples(data)


def test_empty_turtle_gives_no_piece():
    assert list(turtle_pieces(io.BytesIO(b""))) == []


def test_store_loaded_in_small_pieces_holds_every_triple(tmp_path, graph, monkeypatch):
    import aigraph.rdf.disk as disk

    monkeypatch.setattr(disk, "LOAD_BYTES", 3_000)
    write_turtle(graph, tmp_path / "graph.ttl")
    write_store(graph, tmp_path)
    write_manifest({"format": 1}, tmp_path / "manifest.json")
    (tmp_path / "graph.ttl").unlink()  # answered from the store alone
    with SparqlStore(tmp_path) as store:
        assert store.query(COUNT)[1] == [(len(graph_to_rdf(graph)),)]


def test_the_store_needs_a_graph_or_its_turtle(tmp_path):
    import pytest

    from aigraph.errors import GraphError
    from aigraph.rdf import write_store

    with pytest.raises(GraphError, match="no graph and no graph.ttl"):
        write_store(None, tmp_path)
