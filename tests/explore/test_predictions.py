"""The explorer's prediction records over the sample graph."""

from __future__ import annotations

from aigraph.explore.labels import entities
from aigraph.explore.predictions import (
    GRADE_COLORS, hit_rate_long, hit_rate_rows, prediction_cards, prediction_years, predictions_naming,
)
from aigraph.graph.sample import sample_graph


def test_cards_carry_grade_evidence_and_entities():
    graph = sample_graph()
    graded, open_ = prediction_cards(graph)
    assert (graded.grade, graded.graded_in, graded.graded_slide) == ("yes", 2022, 5)
    assert graded.evidence.startswith("The structure database") and graded.color == GRADE_COLORS["yes"]
    assert (open_.grade, open_.evidence, open_.color) == ("ungraded", None, GRADE_COLORS["ungraded"])
    assert [n.id for n in open_.entities] == ["org:openai"]
    assert prediction_years(graph) == [2021] and prediction_cards(graph, 2020) == []


def test_an_entity_without_predictions_and_an_unknown_node_give_none():
    graph = sample_graph()
    assert predictions_naming(graph, "model:gpt-3") == [] and predictions_naming(graph, "nope") == []


def test_the_chart_rows_stack_every_grade():
    rows = hit_rate_rows(sample_graph())
    long = hit_rate_long(rows)
    assert [(r["grade"], r["predictions"]) for r in long] == [("Yes", 1), ("Partly", 0), ("No", 0), ("Not graded", 1)]


def test_predictions_and_outcomes_are_not_listed_as_entities():
    labels = {a["label"] for _, a in entities(sample_graph())}
    assert not labels & {"Prediction", "Outcome", "Report", "Slide"}
