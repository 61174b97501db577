"""Turtle written one subject group at a time: the same bytes as sorting every triple at once."""

from __future__ import annotations

import tracemalloc

import networkx as nx
import pytest

from aigraph.rdf.convert import (
    _OutOfOrder,
    _serialize,
    canonical_triples,
    generate_turtle,
    ordered_triples,
    write_turtle,
)
from aigraph.rdf.mapping import generate_triples


def _evidence(n: int, extractor: str = "gazetteer") -> list[dict]:
    return [
        {"year": 2021, "slide": n, "source": "a.md", "start": n, "end": n + 5,
         "sentence": f"Sentence number {n}.", "extractor": extractor, "confidence": 1.0}
        for n in range(1, n + 1)
    ]


def _tricky_graph() -> nx.MultiDiGraph:
    """Ids whose IRIs sort between a node and its edge resources (gpt < gpt-4 < gpt/...)."""
    g = nx.MultiDiGraph()
    ids = ["model:gpt", "model:gpt-4", "model:gpt.5", "model:gpt-4-turbo", "model:gpt4",
           "org:open ai", "org:100%", "model:μzero", "slide:2021:5", "slide:2021:50",
           "slide:2021:5-b", "org:lonely"]
    for node in ids:
        g.add_node(node, label="Slide" if node.startswith("slide") else "Model", name=node, years=[2021])
    for u in ids[:8]:
        for v in ids[8:11]:
            g.add_edge(u, v, key="MENTIONED_ON", type="MENTIONED_ON", count=12, curated=False,
                       evidence=_evidence(12))
        g.add_edge(u, "model:gpt", key="DEVELOPED", type="DEVELOPED", count=1, curated=True,
                   evidence=_evidence(1, "rule:org-verb-model"))
    return g


def test_group_order_is_the_global_order(graph):
    for g in (graph, _tricky_graph(), nx.MultiDiGraph()):
        assert list(ordered_triples(g)) == canonical_triples(generate_triples(g))


def test_written_file_is_byte_identical_to_sorting_everything(tmp_path):
    g = _tricky_graph()
    write_turtle(g, tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_bytes() == _serialize(canonical_triples(generate_triples(g)))
    assert generate_turtle(g) == (tmp_path / "graph.ttl").read_bytes()


def test_a_subject_outside_the_groups_falls_back_to_one_sort(tmp_path):
    # A node whose IRI is an extractor's: two groups share a subject.
    g = _tricky_graph()
    g.add_node("extractor:gazetteer", label="Software", name="Gazetteer", years=[2021])
    with pytest.raises(_OutOfOrder):
        list(ordered_triples(g))
    write_turtle(g, tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_bytes() == _serialize(canonical_triples(generate_triples(g)))
    assert not list(tmp_path.glob("*.partial"))


def test_writing_holds_one_group_not_the_file(tmp_path):
    g = nx.MultiDiGraph()
    for i in range(150):
        g.add_node(f"org:o{i}", label="Organization", name=f"O{i}", years=[2021])
        g.add_node(f"slide:2021:{i}", label="Slide", name=f"Slide {i}", years=[2021])
    for i in range(150):
        for j in range(5):
            g.add_edge(f"org:o{i}", f"slide:2021:{(i + j) % 150}", key="MENTIONED_ON",
                       type="MENTIONED_ON", count=8, curated=False, evidence=_evidence(8))
    peaks = {}
    for name, write in (("stream", lambda: write_turtle(g, tmp_path / "graph.ttl")),
                        ("all", lambda: _serialize(canonical_triples(generate_triples(g))))):
        tracemalloc.start()
        try:
            write()
            peaks[name] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    size = (tmp_path / "graph.ttl").stat().st_size
    assert size > 2_000_000
    # Sorting every triple at once held several times the file's size; the stream
    # holds its buffers and one node's triples.
    assert peaks["all"] > 2 * size
    assert peaks["stream"] < peaks["all"] / 4
