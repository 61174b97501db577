"""On a real build of two report summaries, the three vias agree on every question."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from aigraph.build import build_graph
from aigraph.graph import load_graph
from aigraph.questions import QUESTIONS, VIAS, ask, close_stores

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for year in (2020, 2021):
        shutil.copy(RAW / f"state-of-ai-{year}.md", raw)
    out = tmp_path_factory.mktemp("build") / "graph"
    build_graph(raw, out)
    yield out, load_graph(out)
    close_stores()


def _most(graph, edge_type, end, label):
    counts = Counter(
        e[end] for e in graph.edges(keys=True) if e[2] == edge_type and graph.nodes[e[end]]["label"] == label
    )
    node = min(counts, key=lambda n: (-counts[n], n))
    return graph.nodes[node]["name"]


def _arguments(graph):
    return {
        "models-by-org": _most(graph, "DEVELOPED", 0, "Organization"),
        "mentions": _most(graph, "MENTIONED_ON", 0, "Model"),
        "metrics-on": _most(graph, "MEASURED_ON", 1, "Dataset"),
        "new-in": 2021,
        "dropped-in": 2021,
        "co-occurring": _most(graph, "MENTIONED_ON", 0, "Organization"),
        "publication-lag": _most(graph, "DEVELOPED", 0, "Organization"),
        "largest-models": 2021,
        "predictions": 2020,
        "prediction-record": _most(graph, "ABOUT", 1, "Organization"),
        "hit-rate": None,
    }


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_three_vias_agree_on_a_real_build(built, question):
    graph_dir, graph = built
    arg = _arguments(graph)[question]
    answers = {via: ask(question, arg, via=via, graph_dir=graph_dir) for via in VIAS}
    assert answers["graph"], f"{question} {arg!r} should have rows on this build"
    assert answers["sparql"] == answers["graph"]
    assert answers["cypher"] == answers["graph"]
