"""The canned questions in SPARQL, over :class:`aigraph.rdf.SparqlStore`.

All SPARQL text aigraph runs is here. Arguments are bound (``?key``, ``?year``), never
pasted; ``?key`` is the stripped, lower-cased name, matched against ``aig:key`` (the
lower-cased names and aliases the RDF mapping writes). Oxigraph only substitutes a
variable the query projects, so each query selects its bound variables too;
:func:`aigraph.questions.rows_as_dicts` keeps the question's columns and applies the
contract's order (so the queries have no ORDER BY: sorting in the store costs time at 100x
and the store's collation would not decide the order anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aigraph.questions import NOT_IN_YEAR_QUESTIONS, name_key, rows_as_dicts
from aigraph.questions.graph import NON_ENTITY_LABELS, fold_hit_rate, fold_predictions
from aigraph.rdf.vocab import sparql_prologue


def _not_in(labels: tuple[str, ...] | frozenset[str]) -> str:
    return ", ".join(f'"{label}"' for label in sorted(labels))


PROLOGUE = sparql_prologue()

MODELS_BY_ORG = PROLOGUE + """
SELECT DISTINCT ?key ?org ?model ?year WHERE {
  ?o a aig:Organization ; aig:key ?key ; schema:name ?org ; aig:developed ?m .
  ?m schema:name ?model ; aig:seenInYear ?year .
}
"""

# A mention resource is found by its rdf:predicate; asking for `a aig:Mention` instead
# makes Oxigraph scan every mention (5x slower).
MENTIONS = PROLOGUE + f"""
SELECT DISTINCT ?key ?entity ?label ?year ?slide ?section ?sentence WHERE {{
  ?e aig:key ?key ; schema:name ?entity ; aig:label ?label .
  FILTER (?label NOT IN ({_not_in(NON_ENTITY_LABELS)}))
  ?mention rdf:subject ?e ; rdf:predicate ?edge ; rdf:object ?place ; prov:wasDerivedFrom ?evidence .
  FILTER (?edge IN (aig:mentionedOn, aig:mentionedIn))
  ?evidence aig:sentence ?sentence .
  OPTIONAL {{ ?place aig:year ?year }}
  OPTIONAL {{ ?place aig:number ?slide }}
  OPTIONAL {{ ?place aig:section ?section }}
}}
"""

METRICS_ON = PROLOGUE + """
SELECT DISTINCT ?key ?dataset ?metric ?value ?model ?year WHERE {
  ?d a aig:Dataset ; aig:key ?key ; schema:name ?dataset .
  ?x aig:measuredOn ?d ; schema:name ?metric .
  OPTIONAL { ?x schema:value ?value }
  OPTIONAL { ?x aig:year ?year }
  OPTIONAL { ?achiever aig:achieves ?x ; schema:name ?model }
}
"""

NEW_IN = PROLOGUE + f"""
SELECT DISTINCT ?entity ?label ?year WHERE {{
  ?e aig:seenInYear ?year ; aig:label ?label ; schema:name ?entity .
  FILTER (?label NOT IN ({_not_in(NOT_IN_YEAR_QUESTIONS)}))
  FILTER NOT EXISTS {{ ?e aig:seenInYear ?earlier . FILTER (?earlier < ?year) }}
}}
"""

DROPPED_IN = PROLOGUE + f"""
SELECT DISTINCT ?year ?entity ?label ?last_year WHERE {{
  ?e aig:seenInYear ?last_year ; aig:label ?label ; schema:name ?entity .
  FILTER (?label NOT IN ({_not_in(NOT_IN_YEAR_QUESTIONS)}))
  FILTER NOT EXISTS {{ ?e aig:seenInYear ?year }}
}}
"""

# Count shared slides per entity first and check labels and names on the (few) grouped
# rows: checking the label on every (slide, entity) pair is 7x slower at 100x.
CO_OCCURRING = PROLOGUE + """
SELECT ?key ?org ?shared_slides WHERE {
  {
    SELECT ?key ?other (COUNT(DISTINCT ?slide) AS ?shared_slides) WHERE {
      ?o aig:key ?key ; aig:label "Organization" ; aig:mentionedOn ?slide .
      ?other aig:mentionedOn ?slide .
    }
    GROUP BY ?key ?other
  }
  ?other aig:label "Organization" ; schema:name ?org .
  FILTER NOT EXISTS { ?other aig:key ?key }
}
"""

# Predictions and grades: flat rows (one per prediction, named entity and grade), folded
# by aigraph.questions.graph.fold_predictions / fold_hit_rate as for the other engines.
PREDICTIONS = PROLOGUE + """
SELECT ?year ?number ?slide ?prediction ?entity ?outcome ?evidence WHERE {
  ?p a aig:Prediction ; aig:year ?year ; aig:number ?number ; aig:text ?prediction .
  OPTIONAL { ?p aig:slideNumber ?slide }
  OPTIONAL { ?p aig:about ?e . ?e schema:name ?entity }
  OPTIONAL { ?o aig:grades ?p ; aig:grade ?outcome . OPTIONAL { ?o aig:evidenceText ?evidence } }
}
"""

PREDICTION_RECORD = PROLOGUE + """
SELECT DISTINCT ?key ?org ?year ?number ?prediction ?outcome WHERE {
  ?o aig:key ?key ; aig:label "Organization" ; schema:name ?org .
  ?p aig:about ?o ; a aig:Prediction ; aig:number ?number ; aig:text ?prediction .
  OPTIONAL { ?p aig:year ?year }
  OPTIONAL { ?g aig:grades ?p ; aig:grade ?outcome }
}
"""

HIT_RATE = PROLOGUE + """
SELECT ?id ?year ?outcome WHERE {
  ?p a aig:Prediction ; schema:identifier ?id .
  OPTIONAL { ?p aig:year ?year }
  OPTIONAL { ?g aig:grades ?p ; aig:grade ?outcome }
}
"""

# Outside facts (Epoch AI): the first report year is the least aig:seenInYear; the lag
# takes the year from the date's lexical form (xsd:date, gYearMonth or gYear alike).
PUBLICATION_LAG = PROLOGUE + """
SELECT ?key ?org ?model ?date_published ?first_year ?lag_years WHERE {
  {
    SELECT ?key ?org ?m (MIN(?seen) AS ?first_year) WHERE {
      ?o a aig:Organization ; aig:key ?key ; schema:name ?org ; aig:developed ?m .
      ?m a aig:Model .
      OPTIONAL { ?m aig:seenInYear ?seen }
    }
    GROUP BY ?key ?org ?m
  }
  ?m schema:name ?model .
  OPTIONAL { ?m schema:datePublished ?published }
  BIND (STR(?published) AS ?date_published)
  BIND (?first_year - xsd:integer(SUBSTR(?date_published, 1, 4)) AS ?lag_years)
}
"""

LARGEST_MODELS = PROLOGUE + """
SELECT DISTINCT ?year ?model ?training_compute ?parameters WHERE {
  ?m aig:seenInYear ?year ; a aig:Model ; aig:trainingCompute ?training_compute ; schema:name ?model .
  OPTIONAL { ?m aig:parameters ?parameters }
}
"""

Row = dict[str, Any]


def _run(store: Any, question: str, text: str, params: dict[str, Any], **kwargs: Any) -> list[Row]:
    columns, rows = store.query(text, params=params, **kwargs)
    return rows_as_dicts(question, columns, rows)


def models_by_org(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Models an organisation developed, one row per report year the model appears in."""
    return _run(store, "models-by-org", MODELS_BY_ORG, {"key": name_key(org)}, **kwargs)


def mentions(store: Any, entity: str, **kwargs: Any) -> list[Row]:
    """Every mention of an entity: report year, slide, section, evidence sentence."""
    return _run(store, "mentions", MENTIONS, {"key": name_key(entity)}, **kwargs)


def metrics_on(store: Any, dataset: str, **kwargs: Any) -> list[Row]:
    """Metrics reported on a dataset: metric, value, achieving model, year."""
    return _run(store, "metrics-on", METRICS_ON, {"key": name_key(dataset)}, **kwargs)


def new_in(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Entities first seen in report year ``year``."""
    return _run(store, "new-in", NEW_IN, {"year": int(year)}, **kwargs)


def dropped_in(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Entities present in report year ``year - 1`` and absent in ``year``."""
    return _run(store, "dropped-in", DROPPED_IN, {"year": int(year), "last_year": int(year) - 1}, **kwargs)


def co_occurring(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Organisations mentioned on the same slides as ``org``, most shared slides first."""
    return _run(store, "co-occurring", CO_OCCURRING, {"key": name_key(org)}, **kwargs)


def publication_lag(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Each model an organisation developed: publication date, first report year, lag in years."""
    return _run(store, "publication-lag", PUBLICATION_LAG, {"key": name_key(org)}, **kwargs)


def largest_models(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Models seen in a report year with a known training compute, largest first, with parameters."""
    return _run(store, "largest-models", LARGEST_MODELS, {"year": int(year)}, **kwargs)


def _flat(store: Any, text: str, params: dict[str, Any], **kwargs: Any) -> list[Row]:
    columns, rows = store.query(text, params=params, **kwargs)
    return [dict(zip(columns, row)) for row in rows]


def predictions(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """A report year's predictions: slide, the entities each names, the grade and its evidence."""
    return fold_predictions(_flat(store, PREDICTIONS, {"year": int(year)}, **kwargs))


def prediction_record(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Predictions that name an organisation, across report years, with their grades."""
    return _run(store, "prediction-record", PREDICTION_RECORD, {"key": name_key(org)}, **kwargs)


def hit_rate(store: Any, year: int | None = None, **kwargs: Any) -> list[Row]:
    """How many of a report year's predictions were graded yes, partly, no, or not at all."""
    return fold_hit_rate(_flat(store, HIT_RATE, {}, **kwargs), None if year is None else int(year))


#: Question name -> function(store, argument, *, timeout=...) -> rows.
FUNCTIONS: dict[str, Callable[..., list[Row]]] = {
    "models-by-org": models_by_org,
    "mentions": mentions,
    "metrics-on": metrics_on,
    "new-in": new_in,
    "dropped-in": dropped_in,
    "co-occurring": co_occurring,
    "publication-lag": publication_lag,
    "largest-models": largest_models,
    "predictions": predictions,
    "prediction-record": prediction_record,
    "hit-rate": hit_rate,
}

__all__ = ["FUNCTIONS", "co_occurring", "dropped_in", "mentions", "metrics_on", "models_by_org", "new_in"]
