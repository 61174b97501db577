"""The Predictions page and the entity page's predictions, over the sample build of data/raw."""

from __future__ import annotations

from aigraph.explore.predictions import hit_rate_rows, prediction_cards, predictions_naming


def test_a_years_predictions_with_grade_and_evidence(open_app, graph):
    at = open_app("predictions", year="2023")
    assert not at.exception
    assert at.selectbox(key="predictions_year").value == 2023
    cards = prediction_cards(graph, 2023)
    assert f"The 2023 report's predictions ({len(cards)})" in [s.value for s in at.subheader]
    graded = next(c for c in cards if c.grade == "yes")
    shown = " ".join(m.value for m in at.markdown)
    assert "Yes**]" in shown and graded.evidence.split(" and ")[0] in shown
    assert len(at.expander) >= len(cards)


def test_the_hit_rate_table_covers_every_year_that_predicted(open_app, graph):
    at = open_app("predictions")
    table = at.dataframe[0].value
    rows = hit_rate_rows(graph)
    assert list(table["year"]) == [r["year"] for r in rows]
    assert list(table["yes"]) == [r["yes"] for r in rows]
    assert sum(table["predictions"]) == len(prediction_cards(graph))


def test_another_year_is_picked(open_app):
    at = open_app("predictions")
    at.selectbox(key="predictions_year").set_value(2021).run()
    assert not at.exception
    assert any(s.value.startswith("The 2021 report's predictions") for s in at.subheader)


def test_an_entity_page_lists_the_predictions_naming_it(open_app, graph):
    node = next(n for n, a in graph.nodes(data=True) if a.get("name") == "OpenAI" and a.get("label") == "Organization")
    at = open_app("entity", id=node)
    assert not at.exception
    naming = predictions_naming(graph, node)
    assert naming
    box = [e for e in at.expander if e.label.startswith("Predictions naming it")]
    assert box and box[0].label == f"Predictions naming it ({len(naming)})"
