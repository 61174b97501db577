"""The networkx form of the canned questions, on the hand-made sample graph."""

from __future__ import annotations

import pytest

from aigraph.errors import QueryError
from aigraph.graph.sample import sample_graph
from aigraph.questions import QUESTIONS, answer
from aigraph.questions.graph import resolve
from aigraph.questions.rows import order_rows


@pytest.fixture(scope="module")
def graph():
    return sample_graph()


def ask(graph, question, argument):
    return answer(graph, question, argument)


def test_every_question_declares_its_columns_order_and_three_forms():
    for question in QUESTIONS.values():
        assert callable(question.graph) and "SELECT" in question.sparql and "RETURN" in question.cypher
        assert {c.lstrip("-") for c in question.order} <= set(question.columns), question.name


@pytest.mark.parametrize(
    ("question", "argument"),
    [("models-by-org", "DeepMind"), ("mentions", "DeepMind"), ("metrics-on", "ImageNet"),
     ("new-in", 2021), ("dropped-in", 2021), ("co-occurring", "DeepMind")],
)
def test_rows_have_exactly_the_contract_columns(graph, question, argument):
    rows = ask(graph, question, argument)
    assert rows
    spec = QUESTIONS[question]
    assert all(tuple(row) == spec.columns for row in rows)
    assert rows == order_rows(rows, spec.columns, spec.order)
    assert len({tuple(r.values()) for r in rows}) == len(rows)


def test_models_by_org_across_years_and_spellings(graph):
    rows = ask(graph, "models-by-org", "  deepmind ")
    assert [(r["model"], r["year"]) for r in rows] == [
        ("AlphaFold", 2020), ("MuZero", 2020), ("AlphaFold2", 2021), ("AlphaFold2", 2022)]
    assert {r["org"] for r in rows} == {"DeepMind"}
    assert ask(graph, "models-by-org", "Google DeepMind") == rows  # an alias


def test_unknown_name_gives_no_rows(graph):
    assert ask(graph, "models-by-org", "Nobody Labs") == []
    assert ask(graph, "mentions", "Nothing") == []
    assert ask(graph, "metrics-on", "DeepMind") == []  # an org is not a dataset


def test_mentions_include_sections_and_outside_slides(graph):
    rows = ask(graph, "mentions", "OpenAI")
    assert [(r["year"], r["slide"], r["section"]) for r in rows] == [
        (2020, 12, "Industry"), (2021, None, None), (2022, 22, "Talent")]
    assert rows[1]["sentence"] == "This year OpenAI and others kept scaling."
    assert {r["label"] for r in rows} == {"Organization"}


def test_a_name_shared_by_two_nodes_gives_rows_for_both(graph):
    assert resolve(graph, "facebook ai") == ["org:facebook-ai", "org:meta-ai"]
    entities = {r["entity"] for r in ask(graph, "mentions", "Facebook AI")}
    assert entities == {"Facebook AI", "Meta AI"}


def test_metrics_on_dataset(graph):
    rows = ask(graph, "metrics-on", "imagenet")
    assert [(r["year"], r["metric"], r["value"], r["model"]) for r in rows] == [
        (2021, "84.2% top-1 accuracy", 84.2, "SEER"),
        (2022, "76.1% top-1 accuracy", 76.1, None),
        (2022, "87.8% top-1 accuracy", 87.8, "ConvNeXt"),
    ]


def test_new_and_dropped(graph):
    new = {(r["label"], r["entity"]) for r in ask(graph, "new-in", "2021")}
    assert ("Model", "AlphaFold2") in new and ("Organization", "DeepMind") not in new
    assert not {label for label, _ in new} & {"Metric", "Slide", "Report"}
    dropped = ask(graph, "dropped-in", 2021)
    assert {(r["label"], r["entity"]) for r in dropped} >= {("Model", "MuZero"), ("Dataset", "CASP14")}
    assert {r["last_year"] for r in dropped} == {2020}
    assert ("Organization", "OpenAI") not in {(r["label"], r["entity"]) for r in dropped}
    assert ask(graph, "new-in", 1999) == []


def test_co_occurring_ranked(graph):
    rows = ask(graph, "co-occurring", "DeepMind")
    assert rows[0] == {"org": "OpenAI", "shared_slides": 2}
    assert "DeepMind" not in {r["org"] for r in rows}


def test_bad_question_or_year_is_a_query_error(graph):
    with pytest.raises(QueryError, match="unknown question"):
        ask(graph, "who-knows", "x")
    with pytest.raises(QueryError, match="whole number"):
        ask(graph, "new-in", "last year")


def test_order_rows_puts_none_first_and_dedupes():
    rows = [{"dataset": "D", "metric": "m", "value": 1.0, "model": "B", "year": 2021},
            {"dataset": "D", "metric": "m", "value": 1.0, "model": None, "year": 2021},
            {"dataset": "D", "metric": "m", "value": 1.0, "model": "B", "year": 2021},
            {"dataset": "D", "metric": "a", "value": 2.0, "model": "A", "year": None}]
    spec = QUESTIONS["metrics-on"]
    ordered = order_rows(rows, spec.columns, spec.order)
    assert [(r["year"], r["metric"], r["model"]) for r in ordered] == [
        (None, "a", "A"), (2021, "m", None), (2021, "m", "B")]
