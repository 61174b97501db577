"""publication-lag and largest-models give the same rows through networkx, SPARQL and Cypher."""

from __future__ import annotations

import networkx as nx
import pytest

from aigraph.graph.outside import add_outside_facts
from aigraph.knowledge.epoch import EpochModel
from aigraph.questions import VIAS, ask, close_stores
from tests.questions.conftest import write_graph_dir


@pytest.mark.parametrize(("question", "arg"), [
    ("publication-lag", "DeepMind"), ("publication-lag", "google deepmind"), ("publication-lag", "Meta AI"),
    ("largest-models", 2020), ("largest-models", "2021"), ("largest-models", 2022),
])
def test_three_vias_agree_on_the_sample(graph_dir, question, arg):
    answers = {via: ask(question, arg, via=via, graph_dir=graph_dir) for via in VIAS}
    assert answers["sparql"] == answers["graph"]
    assert answers["cypher"] == answers["graph"]


def test_how_long_the_reports_took_to_notice_deepmind_models(graph_dir):
    rows = ask("publication-lag", "DeepMind", via="sparql", graph_dir=graph_dir)
    assert [(r["model"], r["date_published"], r["first_year"], r["lag_years"]) for r in rows] == [
        ("MuZero", "2019-11-19", 2020, 1), ("AlphaFold", "2020-01-15", 2020, 0),
        ("AlphaFold2", "2020-11-30", 2021, 1)]


def test_a_model_without_outside_facts_has_no_date_and_no_lag(graph_dir):
    rows = ask("publication-lag", "Meta AI", via="cypher", graph_dir=graph_dir)
    assert rows == [{"org": "Meta AI", "model": "ConvNeXt", "date_published": None,
                     "first_year": 2022, "lag_years": None}]


def test_largest_models_ranked_by_training_compute_with_parameters(graph_dir):
    rows = ask("largest-models", 2021, via="cypher", graph_dir=graph_dir)
    # SEER is ambiguous in the sample (its developer disagrees), so it has no facts.
    assert [(r["model"], r["training_compute"], r["parameters"]) for r in rows] == [
        ("AlphaFold2", 2.99e21, 93e6)]
    assert ask("largest-models", 1999, via="sparql", graph_dir=graph_dir) == []


@pytest.fixture(scope="module")
def partial_dir(tmp_path_factory):
    """Dates of every precision, a model in no report year, one without parameters."""
    g = nx.MultiDiGraph()
    g.add_node("org:acme", label="Organization", name="Acme Labs", aliases=["Acme"], years=[2021, 2023])
    for key, name, years in (("model:a", "Alpha", [2023]), ("model:b", "Beta", [2021, 2023]),
                             ("model:c", "Gamma", []), ("model:d", "Delta", [2023])):
        g.add_node(key, label="Model", name=name, years=years)
        g.add_edge("org:acme", key, key="DEVELOPED", type="DEVELOPED", count=1, curated=False, evidence=[])
    add_outside_facts(g, records=[
        EpochModel(id="alpha", name="Alpha", date_published="2020-06", training_compute=1e22),
        EpochModel(id="beta", name="Beta", date_published="2019", training_compute=1e22, parameters=7e9),
        EpochModel(id="gamma", name="Gamma", date_published="2018-01-02", training_compute=5e24),
    ])
    root = write_graph_dir(g, tmp_path_factory.mktemp("partial") / "graph")
    yield root
    close_stores()


@pytest.mark.parametrize(("question", "arg"), [("publication-lag", "acme"), ("largest-models", 2023)])
def test_partial_dates_empty_years_and_ties_agree(partial_dir, question, arg):
    answers = {via: ask(question, arg, via=via, graph_dir=partial_dir) for via in VIAS}
    assert answers["graph"] and answers["sparql"] == answers["graph"] == answers["cypher"]


def test_partial_dates_give_their_year(partial_dir):
    rows = ask("publication-lag", "Acme", via="cypher", graph_dir=partial_dir)
    assert [(r["model"], r["first_year"], r["lag_years"]) for r in rows] == [
        ("Delta", 2023, None), ("Gamma", None, None), ("Beta", 2021, 2), ("Alpha", 2023, 3)]
    ranked = ask("largest-models", 2023, via="sparql", graph_dir=partial_dir)
    assert [(r["model"], r["parameters"]) for r in ranked] == [("Alpha", None), ("Beta", 7e9)]
