"""Predictions and grades in the graph: nodes, edges, build notes for bad input."""

from __future__ import annotations

import json

import pytest

from aigraph.build import build_graph
from aigraph.graph import GraphPaths, load_graph
from aigraph.graph.assemble import graph_from_extractions
from aigraph.graph.forecasts import grade_notes, link_grades
from aigraph.graph.sample import sample_extractions, sample_graph
from aigraph.records import Document, Extraction, Outcome, Prediction

MADE = """# Frontier Review 2030

## 1. Research (Slides 3 - 10)

- Slide 4: Zephyr Labs trained a planning model on 40 trillion tokens.

## 9. Predictions (Slides 50 - 51)

- Slide 50: Prediction: Zephyr Labs would release the weights of Orbweaver-3 under an open licence.
- Slide 51: Prediction: a robotics start-up would raise more than $2B in a single round.
"""

GRADED = """# Frontier Review 2031

## 1. Scorecard of the 2030 predictions (Slide 2)

- Slide 2: Zephyr Labs releasing the weights of Orbweaver-3. Grade: Yes. The weights came out in March.
- Slide 2: Zephyr Labs released Orbweaver-3 weights openly. Grade: No. Only a small version was released.
- Slide 2: Quantum computers breaking a public key scheme. Grade: No. Nothing of the kind happened.

## 8. Predictions (Slide 60)

This year the review makes no predictions.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "review-2030.md").write_text(MADE)
    (raw / "review-2031.md").write_text(GRADED)
    out = tmp_path_factory.mktemp("build") / "graph"
    return build_graph(raw, out), out


def test_bad_scorecard_lines_are_reported_once_each_and_the_rest_built(built):
    result, out = built
    assert len(result.notes) == 3
    unmatched, repeat, empty = result.notes
    assert "matches no 2030 prediction" in unmatched and "Quantum computers" in unmatched
    assert "second grade ('no')" in repeat and "Orbweaver-3" in repeat
    assert "review-2031.md" in empty and "no prediction items" in empty
    manifest = json.loads(GraphPaths(out).manifest.read_text())
    assert manifest["notes"] == list(result.notes)
    assert result.node_counts["Prediction"] == 2 and result.node_counts["Outcome"] == 1


def test_the_first_grade_is_kept_and_nothing_is_invented(built):
    graph = load_graph(built[1])
    grades = [(u, v) for u, v, k in graph.edges(keys=True) if k == "GRADES"]
    assert grades == [("outcome:2031:1", "prediction:2030:1")]
    outcome = graph.nodes["outcome:2031:1"]
    assert (outcome["grade"], outcome["slide"], outcome["year"]) == ("yes", 2, 2031)
    assert outcome["evidence"] == "The weights came out in March."
    assert not any(graph.nodes[n]["label"] == "Outcome" and "Quantum" in graph.nodes[n]["text"] for n in graph)


def test_predictions_hang_off_their_report_and_name_their_entities(built):
    graph = load_graph(built[1])
    first = graph.nodes["prediction:2030:1"]
    assert (first["number"], first["slide"], first["year"]) == (1, 50, 2030)
    assert first["text"].startswith("Zephyr Labs would release the weights")
    assert graph.has_edge("report:2030", "prediction:2030:1", "PREDICTS")
    about = {graph.nodes[v]["name"] for _, v, k in graph.out_edges("prediction:2030:1", keys=True) if k == "ABOUT"}
    assert "Zephyr Labs" in about
    money = {graph.nodes[v]["label"] for _, v, k in graph.out_edges("prediction:2030:2", keys=True) if k == "ABOUT"}
    assert "Money" in money


def test_an_up_to_date_build_still_gives_its_notes(built):
    result, out = built
    again = build_graph(_raw_of(out), out)
    assert again.up_to_date and again.notes == result.notes


def _raw_of(out):
    return json.loads(GraphPaths(out).manifest.read_text())["raw_dir"]


def _doc(year):
    return Document(f"r-{year}.md", "", (), year=year)


def test_grades_tie_only_to_the_previous_year_and_number_per_report():
    made = Extraction(_doc(2030), [], [], predictions=[
        Prediction("Acme would open its weights", 2030, 9, 0, 27, 1),
        Prediction("A robot maker would ship 10,000 units", 2030, 9, 30, 60, 2)])
    older = Extraction(_doc(2029), [], [], predictions=[Prediction("Acme would open its weights", 2029, 3, 0, 27, 1)])
    graded = Extraction(_doc(2031), [], [], outcomes=[
        Outcome("Acme opens its weights", "partly", "Only the small model.", 2031, 4, 0, 30)])
    graph, _ = graph_from_extractions([graded, made, older])
    assert [(u, v) for u, v, k in graph.edges(keys=True) if k == "GRADES"] == [
        ("outcome:2031:1", "prediction:2030:1")]
    assert graph.nodes["prediction:2030:2"]["number"] == 2
    assert grade_notes(link_grades([graded, made, older])) == []


def test_the_sample_graph_has_a_graded_prediction():
    graph = sample_graph()
    assert graph.nodes["prediction:2021:1"]["label"] == "Prediction"
    assert graph.has_edge("outcome:2022:1", "prediction:2021:1", "GRADES")
    assert graph.has_edge("prediction:2021:1", "org:deepmind", "ABOUT")
    assert grade_notes(link_grades(sample_extractions())) == []
