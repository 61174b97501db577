"""Every export format carries the Prediction and Outcome nodes and their edges."""

from __future__ import annotations

import pytest

from aigraph.export import export_graph, formats
from aigraph.graph.sample import sample_graph

NEEDLES = ("prediction:2021:1", "outcome:2022:1", "The structure database grew")


@pytest.fixture(scope="module")
def graph():
    return sample_graph()


@pytest.mark.parametrize("fmt", formats())
def test_a_format_carries_predictions_grades_and_their_edges(tmp_path, graph, fmt):
    written = export_graph(graph, fmt, tmp_path / f"out-{fmt}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        text = " ".join(str(pq.read_table(p).to_pylist()) for p in written)
    else:
        text = " ".join(p.read_text(encoding="utf-8") for p in written)
    for needle in NEEDLES:
        assert needle in text, f"{fmt} lost {needle}"
    # The GRADES and ABOUT edges: as a relationship type, an RDF predicate or a key.
    assert any(term in text for term in ("GRADES", "#grades", "aig:grades"))
    assert any(term in text for term in ("ABOUT", "#about", "aig:about"))
