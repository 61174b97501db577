"""The prediction questions on the sample graph: what they answer, the same through every via."""

from __future__ import annotations

import pytest

from aigraph.errors import QueryError
from aigraph.questions import VIAS, ask


@pytest.mark.parametrize("via", VIAS)
def test_a_years_predictions_carry_slide_entities_and_grade(graph_dir, via):
    rows = ask("predictions", 2021, via=via, graph_dir=graph_dir)
    assert [(r["number"], r["slide"], r["entities"], r["outcome"]) for r in rows] == [
        (1, 30, "DeepMind", "yes"), (2, 31, "OpenAI", None)]
    assert rows[0]["evidence"].startswith("The structure database") and rows[1]["evidence"] is None


@pytest.mark.parametrize("via", VIAS)
def test_a_year_without_predictions_and_an_unknown_org_give_no_rows(graph_dir, via):
    assert ask("predictions", 2020, via=via, graph_dir=graph_dir) == []
    assert ask("prediction-record", "Nobody Labs", via=via, graph_dir=graph_dir) == []
    assert ask("hit-rate", 2030, via=via, graph_dir=graph_dir) == []


@pytest.mark.parametrize("via", VIAS)
def test_an_organisations_record_resolves_aliases(graph_dir, via):
    rows = ask("prediction-record", "Google DeepMind", via=via, graph_dir=graph_dir)
    assert [(r["org"], r["year"], r["outcome"]) for r in rows] == [("DeepMind", 2021, "yes")]


@pytest.mark.parametrize("via", VIAS)
def test_hit_rate_counts_every_grade_and_totals_all_years(graph_dir, via):
    every = ask("hit-rate", "all", via=via, graph_dir=graph_dir)
    assert every == [
        {"year": None, "predictions": 2, "yes": 1, "partly": 0, "no": 0, "ungraded": 1},
        {"year": 2021, "predictions": 2, "yes": 1, "partly": 0, "no": 0, "ungraded": 1},
    ]
    assert ask("hit-rate", None, via=via, graph_dir=graph_dir) == every


def test_a_needed_argument_cannot_be_left_out(graph_dir):
    with pytest.raises(QueryError, match="needs its argument"):
        ask("predictions", None, graph_dir=graph_dir)


def test_predictions_and_outcomes_are_not_entities(graph_dir):
    new = ask("new-in", 2021, graph_dir=graph_dir)
    assert not {r["label"] for r in new} & {"Prediction", "Outcome"}
