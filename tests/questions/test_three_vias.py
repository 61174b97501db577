"""Every canned question gives the same rows through networkx, SPARQL and Cypher."""

from __future__ import annotations

import pytest

from aigraph.errors import GraphError, QueryError
from aigraph.questions import QUESTIONS, VIAS, ask

CASES = [
    ("models-by-org", "DeepMind"),
    ("models-by-org", " google deepmind "),
    ("models-by-org", "OpenAI"),
    ("mentions", "DeepMind"),
    ("mentions", "AlphaFold 2"),
    ("mentions", "GPT-3"),
    ("metrics-on", "ImageNet"),
    ("metrics-on", "casp14"),
    ("new-in", 2020),
    ("new-in", "2021"),
    ("new-in", 2022),
    ("dropped-in", 2021),
    ("dropped-in", 2022),
    ("co-occurring", "DeepMind"),
    ("co-occurring", "openai"),
    ("publication-lag", "DeepMind"),
    ("publication-lag", "openai"),
    ("largest-models", 2020),
    ("largest-models", "2022"),
    ("predictions", 2021),
    ("prediction-record", "DeepMind"),
    ("prediction-record", "openai"),
    ("hit-rate", None),
    ("hit-rate", 2021),
]


@pytest.mark.parametrize(("question", "arg"), CASES)
def test_three_vias_return_the_same_rows(graph_dir, question, arg):
    answers = {via: ask(question, arg, via=via, graph_dir=graph_dir) for via in VIAS}
    assert answers["graph"], "the sample graph should answer this"
    assert answers["sparql"] == answers["graph"]
    assert answers["cypher"] == answers["graph"]
    assert all(tuple(row) == QUESTIONS[question].columns for row in answers["graph"])


def test_every_question_is_covered():
    assert {q for q, _ in CASES} == set(QUESTIONS)


#: One argument per kind, for every question of the table (a new one is checked unasked).
ARGUMENTS = {"org": "DeepMind", "entity": "DeepMind", "dataset": "ImageNet", "year": 2021}


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_every_question_of_the_table_agrees_through_every_engine(graph_dir, question):
    argument = ARGUMENTS[QUESTIONS[question].arg]
    answers = [ask(question, argument, via=via, graph_dir=graph_dir) for via in VIAS]
    assert answers[1] == answers[0] and answers[2] == answers[0]


def test_which_deepmind_models_appear_in_which_years(graph_dir):
    rows = ask("models-by-org", "deepmind", via="cypher", graph_dir=graph_dir)
    assert [(r["model"], r["year"]) for r in rows] == [
        ("AlphaFold", 2020), ("MuZero", 2020), ("AlphaFold2", 2021), ("AlphaFold2", 2022)]


@pytest.mark.parametrize("via", VIAS)
def test_an_unknown_name_gives_no_rows(graph_dir, via):
    assert ask("mentions", "Nobody At All", via=via, graph_dir=graph_dir) == []
    assert ask("co-occurring", 'x" } ?s ?p ?o { "', via=via, graph_dir=graph_dir) == []


def test_bad_questions_vias_and_years(graph_dir):
    with pytest.raises(QueryError, match="unknown question"):
        ask("models-by-lab", "DeepMind", graph_dir=graph_dir)
    with pytest.raises(QueryError, match="unknown via"):
        ask("mentions", "DeepMind", via="gremlin", graph_dir=graph_dir)
    with pytest.raises(QueryError, match="whole number"):
        ask("new-in", "last year", via="sparql", graph_dir=graph_dir)


@pytest.mark.parametrize("via", VIAS)
def test_a_missing_graph_is_a_graph_error(tmp_path, via):
    with pytest.raises(GraphError):
        ask("mentions", "DeepMind", via=via, graph_dir=tmp_path / "nothing")
