"""Predictions and their scorecard grades in the graph (part of the build's assembly).

Each prediction a document makes becomes a ``Prediction`` node
``prediction:<report key>:<n>`` (``n`` counts the report's predictions from 1, over its
input files in (year, source) order) with a ``PREDICTS`` edge from its Report and an
``ABOUT`` edge to each entity it names. Grades are tied to predictions over all
documents at once (:func:`link_grades`: a grade of report year ``Y`` grades one of
``Y - 1``'s predictions, by text similarity); each tied grade becomes an ``Outcome``
node ``outcome:<report key>:<n>`` with a ``GRADES`` edge to its prediction. A grade that
ties to no prediction, a second grade of one prediction and a predictions section with
no items become build notes (:func:`grade_notes`); nothing is invented for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aigraph.extract.predictions import OutcomeMatch
    from aigraph.records import Extraction, Outcome, Prediction

#: Extractor names on the evidence of the edges made here.
PREDICTION_EXTRACTOR = "rule:prediction"
GRADE_EXTRACTOR = "rapidfuzz:token_set_ratio"

#: Node labels and edge types this module adds.
FORECAST_LABELS = ("Prediction", "Outcome")
FORECAST_EDGES = ("PREDICTS", "ABOUT", "GRADES")


@dataclass(frozen=True, slots=True)
class GradeLinks:
    """Grades tied to predictions, and what could not be tied (see :func:`link_grades`)."""

    matches: tuple[OutcomeMatch, ...]
    unmatched: tuple[tuple[str, Outcome], ...]
    repeats: tuple[tuple[str, OutcomeMatch], ...]
    empty_sections: tuple[tuple[str, str], ...]
    #: ``id()`` of a Prediction record -> (report key, position among the report's predictions).
    places: dict[int, tuple[str, int]]
    #: ``id()`` of an Outcome record -> (its source, its report key).
    outcome_sources: dict[int, tuple[str, str]]


def _document_order(extraction: Extraction) -> tuple:
    doc = extraction.document
    return (doc.year is None, doc.year or 0, doc.source)


def link_grades(extractions: Iterable[Extraction]) -> GradeLinks:
    """Tie every scorecard grade to the prediction it grades, over all documents (pure).

    Examples
    --------
    >>> from aigraph.records import Document, Extraction, Outcome, Prediction
    >>> made = Extraction(Document("r-2030.md", "", (), year=2030), [], [],
    ...                   predictions=[Prediction("Acme would open its weights", 2030, 9, 0, 27, 1)])
    >>> graded = Extraction(Document("r-2031.md", "", (), year=2031), [], [],
    ...                     outcomes=[Outcome("Acme opens its weights", "yes", "It did.", 2031, 4, 0, 30)])
    >>> links = link_grades([graded, made])
    >>> [(m.outcome.grade, m.prediction.text) for m in links.matches], links.unmatched
    ([('yes', 'Acme would open its weights')], ())
    """
    from aigraph.extract.predictions import empty_prediction_sections, match_outcomes
    from aigraph.graph.identity import report_key

    predictions: list[Prediction] = []
    outcomes: list[Outcome] = []
    places: dict[int, tuple[str, int]] = {}
    sources: dict[int, tuple[str, str]] = {}
    counters: dict[str, int] = {}
    empty: list[tuple[str, str]] = []
    for extraction in sorted(extractions, key=_document_order):
        doc = extraction.document
        key = report_key(doc)
        for prediction in extraction.predictions:
            counters[key] = counters.get(key, 0) + 1
            places[id(prediction)] = (key, counters[key])
            predictions.append(prediction)
        for outcome in extraction.outcomes:
            sources[id(outcome)] = (doc.source, key)
            outcomes.append(outcome)
        empty.extend((doc.source, heading) for heading, _ in empty_prediction_sections(doc, extraction.predictions))
    matches, unmatched, repeats = match_outcomes(outcomes, predictions)
    return GradeLinks(
        tuple(matches),
        tuple((sources[id(o)][0], o) for o in unmatched),
        tuple((sources[id(m.outcome)][0], m) for m in repeats),
        tuple(empty),
        places,
        sources,
    )


def grade_notes(links: GradeLinks) -> list[str]:
    """One line per grade not tied, second grade, and predictions section without items.

    Examples
    --------
    >>> from aigraph.records import Outcome
    >>> o = Outcome("Quantum computers break RSA", "no", "", 2031, 4, 0, 27)
    >>> grade_notes(GradeLinks((), (("r-2031.md", o),), (), (), {}, {}))
    ["r-2031.md: slide 4: a 'no' grade matches no 2030 prediction, left out: Quantum computers break RSA"]
    """
    notes = []
    for source, o in links.unmatched:
        before = f"{o.year - 1} " if o.year is not None else ""
        notes.append(f"{source}: {_where(o.slide)}a {o.grade!r} grade matches no {before}prediction, "
                     f"left out: {o.claim}")
    for source, m in links.repeats:
        o, p = m.outcome, m.prediction
        notes.append(f"{source}: {_where(o.slide)}a second grade ({o.grade!r}) of the {p.year} prediction "
                     f"{p.text!r}, the first kept: {o.claim}")
    for source, heading in links.empty_sections:
        notes.append(f"{source}: the predictions section {heading!r} has no prediction items")
    return notes


def _where(slide: int | None) -> str:
    return f"slide {slide}: " if slide is not None else ""


def prediction_id(key: str, number: int) -> str:
    """Return the node id of a report's ``number``-th prediction.

    Examples
    --------
    >>> prediction_id("2023", 4)
    'prediction:2023:4'
    """
    return f"prediction:{key}:{number}"


def add_forecasts(assembler, extraction: Extraction, key: str, report: str, names: dict) -> None:
    """Add one document's Prediction nodes with their PREDICTS and ABOUT edges.

    ``names`` maps (entity label, surface key) to the entity's node id, as the
    assembler resolved them for this document.
    """
    from aigraph.graph.evidence import evidence_item
    from aigraph.keys import surface_key

    doc = extraction.document
    counters: dict[str, int] = assembler.forecast_counts
    for prediction in extraction.predictions:
        counters[key] = counters.get(key, 0) + 1
        node_id = prediction_id(key, counters[key])
        props = assembler._node(node_id, "Prediction", doc.year)
        props.update(name=prediction.text, text=prediction.text, number=counters[key])
        for prop, value in (("year", doc.year), ("slide", prediction.slide)):
            if value is not None:
                props[prop] = value
        item = evidence_item(doc.year, prediction.slide, doc.source, prediction.start, prediction.end,
                             prediction.text, PREDICTION_EXTRACTOR, 1.0)
        assembler._edge(report, node_id, "PREDICTS", item, curated=False, count=0)
        for label, name in prediction.entities:
            entity = names.get((label, surface_key(name) or name))
            if entity is not None:
                assembler._edge(node_id, entity, "ABOUT", item, curated=False, count=0)


def add_grades(assembler, links: GradeLinks) -> None:
    """Add an Outcome node and a GRADES edge per grade :func:`link_grades` tied."""
    from aigraph.graph.evidence import evidence_item
    counters: dict[str, int] = {}
    for match in links.matches:
        outcome, prediction = match.outcome, match.prediction
        source, o_key = links.outcome_sources[id(outcome)]
        p_key, p_number = links.places[id(prediction)]
        counters[o_key] = counters.get(o_key, 0) + 1
        node_id = f"outcome:{o_key}:{counters[o_key]}"
        props = assembler._node(node_id, "Outcome", outcome.year)
        props.update(name=f"{outcome.grade}: {outcome.claim}", text=outcome.claim, grade=outcome.grade)
        for prop, value in (("evidence", outcome.evidence), ("year", outcome.year), ("slide", outcome.slide)):
            if value is not None and value != "":
                props[prop] = value
        item = evidence_item(outcome.year, outcome.slide, source, outcome.start, outcome.end,
                             f"{outcome.claim} ({outcome.grade}) {outcome.evidence}".strip(),
                             GRADE_EXTRACTOR, round(match.score / 100.0, 4))
        assembler._edge(node_id, prediction_id(p_key, p_number), "GRADES", item, curated=False, count=0)


__all__ = [
    "FORECAST_EDGES",
    "FORECAST_LABELS",
    "GradeLinks",
    "add_forecasts",
    "add_grades",
    "grade_notes",
    "link_grades",
    "prediction_id",
]
