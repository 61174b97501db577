"""Predictions and grades in RDF: classes, properties and edges of the vocabulary."""

from __future__ import annotations

import pytest

from aigraph.graph.sample import sample_graph
from aigraph.rdf.mapping import IRI, generate_triples, node_iri
from aigraph.rdf.vocab import AIG


@pytest.fixture(scope="module")
def triples():
    return set(generate_triples(sample_graph()))


def test_a_prediction_and_its_grade_are_typed_and_linked(triples):
    prediction, outcome = node_iri("prediction:2021:1"), node_iri("outcome:2022:1")
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert (prediction, rdf_type, IRI(AIG.Prediction)) in triples
    assert (outcome, rdf_type, IRI(AIG.Outcome)) in triples
    assert (outcome, str(AIG.grades), IRI(prediction)) in triples
    assert (node_iri("report:2021"), str(AIG.predicts), IRI(prediction)) in triples
    assert (prediction, str(AIG.about), IRI(node_iri("org:deepmind"))) in triples


def test_numbers_slides_grades_and_evidence_are_literals(triples):
    prediction, outcome = node_iri("prediction:2021:1"), node_iri("outcome:2022:1")
    assert (prediction, str(AIG.number), 1) in triples and (prediction, str(AIG.slideNumber), 30) in triples
    assert (outcome, str(AIG.grade), "yes") in triples
    assert any(s == outcome and p == str(AIG.evidenceText) and o.startswith("The structure database")
               for s, p, o in triples)


def test_a_misspelt_term_is_refused():
    with pytest.raises(AttributeError):
        AIG.grading  # noqa: B018
