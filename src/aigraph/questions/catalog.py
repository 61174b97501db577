"""The canned questions: one declaration each, in one table (:data:`QUESTIONS`).

A :class:`Question` says everything about one question: its name and help, its
argument, the graph function (:mod:`aigraph.questions.graph`), the SPARQL text, the
Cypher text (LadybugDB dialect), its columns and their order. The runner
(:func:`aigraph.questions.answer` / :func:`aigraph.questions.ask`), the CLI
(``aigraph ask``), the explorer's example queries, the SPARQL endpoint's standalone
texts and the tests all read this table; nothing else lists the questions.

How to add a question
---------------------
1. Write its graph function in :mod:`aigraph.questions.graph`: ``f(graph, value)``
   returning raw row dicts (repeats and any order are fine).
2. Add one ``Question(...)`` to the tuple below: ``name``, ``arg`` (``"org"``,
   ``"entity"``, ``"dataset"`` or ``"year"``), ``help``, ``columns``, ``order``
   (columns, most significant first, ``-`` for descending), ``graph``, ``sparql``
   (without ``PREFIX`` lines: :meth:`Question.text` adds them), ``cypher``, and ``arg_type=int`` for a year.
3. The argument is bound, never pasted: a name as ``key`` (stripped, lower-cased, see
   :func:`aigraph.keys.name_key`; match it against ``aig:key`` / the ``keys``
   column), a year as ``year``. A text gets only the parameters it mentions
   (``?year`` / ``$year``); give ``bind`` for others. A SPARQL text selects the
   variables it binds (Oxigraph substitutes projected variables only).
4. Rows that need folding after the query (one row per prediction from flat rows)
   give ``fold``: all three engines then return the flat rows and the fold runs once.
5. Add an argument for it in ``tests/questions/test_three_vias.py`` (``CASES``): the
   test fails until every question there gives the same rows through all three engines.

Examples
--------
>>> QUESTIONS["models-by-org"].columns
('org', 'model', 'year')
>>> QUESTIONS["new-in"].params("cypher", 2021)
{'year': 2021}
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aigraph.errors import QueryError
from aigraph.keys import name_key
from aigraph.questions import graph as on_graph
from aigraph.questions.rows import fold_hit_rate, fold_predictions

Row = dict[str, Any]

#: The engines a question can be answered with.
VIAS = ("graph", "sparql", "cypher")


@dataclass(frozen=True, slots=True)
class Question:
    """One canned question: what it asks, how each engine answers it, its rows' shape."""

    name: str
    arg: str
    help: str
    columns: tuple[str, ...]
    order: tuple[str, ...]
    graph: Callable[..., list[Row]]
    sparql: str
    cypher: str
    arg_type: type = str
    #: The argument may be left out (``None``, ``""`` or ``"all"``), e.g. ``hit-rate``.
    optional: bool = False
    #: value -> parameters, when they are not just ``key`` or ``year``.
    bind: Callable[[Any], dict[str, Any]] | None = None
    #: (flat rows, value) -> rows, for questions whose rows are folded after the query.
    fold: Callable[[list[Row], Any], list[Row]] | None = None

    def parse_argument(self, value: Any) -> Any:
        """Return the argument as the question needs it (a year as ``int``).

        Raises
        ------
        QueryError
            When a year is not a whole number, or a needed argument is missing.
        """
        if value is None or (self.optional and str(value).strip().lower() in ("", "all")):
            if self.optional:
                return None
            raise QueryError(f"{self.name} needs its argument ({self.arg})")
        if self.arg_type is int:
            try:
                return int(str(value).strip())
            except ValueError:
                raise QueryError(f"{self.arg} must be a whole number, got {value!r}") from None
        return str(value)

    def text(self, via: str) -> str:
        """Return the query text of a store engine (``"sparql"`` or ``"cypher"``).

        The SPARQL text gets its ``PREFIX`` lines here, so declarations leave them out.
        """
        if via not in ("sparql", "cypher"):
            raise QueryError(f"{self.name}: no query text for via {via!r}")
        return sparql_prefixes() + self.sparql if via == "sparql" else self.cypher

    def params(self, via: str, value: Any) -> dict[str, Any]:
        """Return the parameters the text of ``via`` binds, for a parsed argument."""
        if self.bind is not None:
            bound = self.bind(value)
        elif value is None:
            bound = {}
        else:
            bound = {"year": int(value)} if self.arg_type is int else {"key": name_key(value)}
        sigil = r"[?$]" if via == "sparql" else r"\$"
        text = self.text(via)
        return {k: v for k, v in bound.items() if re.search(sigil + re.escape(k) + r"\b", text)}


@lru_cache(maxsize=1)
def sparql_prefixes() -> str:
    """The ``PREFIX`` lines every canned SPARQL text starts with (read when first needed)."""
    from aigraph.rdf.vocab import sparql_prologue

    
    return sparql_prologue()


def _labels(labels: tuple[str, ...] | frozenset[str], quote: str) -> str:
    return ", ".join(f"{quote}{label}{quote}" for label in sorted(labels))


_NOT_ENTITY_SPARQL = _labels(on_graph.NON_ENTITY_LABELS, '"')
_NOT_IN_YEAR_SPARQL = _labels(on_graph.NOT_IN_YEAR_LABELS, '"')
_NOT_IN_YEAR_CYPHER = "[" + _labels(on_graph.NOT_IN_YEAR_LABELS, "'") + "]"

# The SPARQL texts have no ORDER BY (the runner orders every engine's rows alike, and
# sorting in the store costs time at 100x); a mention resource is found by its
# rdf:predicate (asking for `a aig:Mention` makes Oxigraph scan every mention).
# LadybugDB cannot read a $parameter inside a list predicate, hence `WITH $year AS year`.

_QUESTIONS = (
    Question(
        "models-by-org", "org", "Models an organisation developed, by report year.",
        ("org", "model", "year"), ("year", "model"), on_graph.models_by_org,
        sparql="""
SELECT DISTINCT ?key ?org ?model ?year WHERE {
  ?o a aig:Organization ; aig:key ?key ; schema:name ?org ; aig:developed ?m .
  ?m schema:name ?model ; aig:seenInYear ?year .
}
""",
        cypher="""
MATCH (o:Organization)-[:DEVELOPED]->(m)
WHERE $key IN o.keys
UNWIND m.years AS year
RETURN DISTINCT o.name AS org, m.name AS model, year
ORDER BY year, model, org
"""),
    Question(
        "mentions", "entity", "Every mention of an entity: year, slide, section, sentence.",
        ("entity", "label", "year", "slide", "section", "sentence"), ("year", "slide", "sentence"),
        on_graph.mentions,
        sparql=f"""
SELECT DISTINCT ?key ?entity ?label ?year ?slide ?section ?sentence WHERE {{
  ?e aig:key ?key ; schema:name ?entity ; aig:label ?label .
  FILTER (?label NOT IN ({_NOT_ENTITY_SPARQL}))
  ?mention rdf:subject ?e ; rdf:predicate ?edge ; rdf:object ?place ; prov:wasDerivedFrom ?evidence .
  FILTER (?edge IN (aig:mentionedOn, aig:mentionedIn))
  ?evidence aig:sentence ?sentence .
  OPTIONAL {{ ?place aig:year ?year }}
  OPTIONAL {{ ?place aig:number ?slide }}
  OPTIONAL {{ ?place aig:section ?section }}
}}
""",
        cypher="""
MATCH (e)-[r:MENTIONED_ON]->(s:Slide)
WHERE $key IN e.keys
UNWIND r.evidence AS ev
RETURN DISTINCT e.name AS entity, label(e) AS label, s.year AS year, s.number AS slide,
       s.section AS section, ev.sentence AS sentence
UNION
MATCH (e)-[r:MENTIONED_IN]->(p:Report)
WHERE $key IN e.keys
UNWIND r.evidence AS ev
RETURN DISTINCT e.name AS entity, label(e) AS label, p.year AS year, CAST(NULL AS INT64) AS slide,
       CAST(NULL AS STRING) AS section, ev.sentence AS sentence
"""),
    Question(
        "metrics-on", "dataset", "Metrics reported on a dataset: value, model, year.",
        ("dataset", "metric", "value", "model", "year"), ("year", "metric", "model"), on_graph.metrics_on,
        sparql="""
SELECT DISTINCT ?key ?dataset ?metric ?value ?model ?year WHERE {
  ?d a aig:Dataset ; aig:key ?key ; schema:name ?dataset .
  ?x aig:measuredOn ?d ; schema:name ?metric .
  OPTIONAL { ?x schema:value ?value }
  OPTIONAL { ?x aig:year ?year }
  OPTIONAL { ?achiever aig:achieves ?x ; schema:name ?model }
}
""",
        cypher="""
MATCH (x)-[:MEASURED_ON]->(d:Dataset)
WHERE $key IN d.keys
OPTIONAL MATCH (m)-[:ACHIEVES]->(x)
RETURN DISTINCT d.name AS dataset, x.name AS metric, x.value AS value, m.name AS model,
       x.year AS year
ORDER BY year, metric, model
"""),
    Question(
        "new-in", "year", "Entities first seen in a report year.",
        ("entity", "label", "year"), ("label", "entity"), on_graph.new_in, arg_type=int,
        sparql=f"""
SELECT DISTINCT ?entity ?label ?year WHERE {{
  ?e aig:seenInYear ?year ; aig:label ?label ; schema:name ?entity .
  FILTER (?label NOT IN ({_NOT_IN_YEAR_SPARQL}))
  FILTER NOT EXISTS {{ ?e aig:seenInYear ?earlier . FILTER (?earlier < ?year) }}
}}
""",
        cypher=f"""
WITH $year AS year
MATCH (e)
WHERE NOT label(e) IN {_NOT_IN_YEAR_CYPHER} AND year IN e.years AND all(y IN e.years WHERE y >= year)
RETURN DISTINCT e.name AS entity, label(e) AS label, year
ORDER BY label, entity
"""),
    Question(
        "dropped-in", "year", "Entities in the year before but not in this one.",
        ("entity", "label", "last_year"), ("label", "entity"), on_graph.dropped_in, arg_type=int,
        bind=lambda year: {"year": int(year), "last_year": int(year) - 1},
        sparql=f"""
SELECT DISTINCT ?year ?entity ?label ?last_year WHERE {{
  ?e aig:seenInYear ?last_year ; aig:label ?label ; schema:name ?entity .
  FILTER (?label NOT IN ({_NOT_IN_YEAR_SPARQL}))
  FILTER NOT EXISTS {{ ?e aig:seenInYear ?year }}
}}
""",
        cypher=f"""
MATCH (e)
WHERE NOT label(e) IN {_NOT_IN_YEAR_CYPHER} AND $last_year IN e.years AND NOT $year IN e.years
RETURN DISTINCT e.name AS entity, label(e) AS label, $last_year AS last_year
ORDER BY label, entity
"""),
    # SPARQL: count shared slides per entity first and check labels and names on the
    # (few) grouped rows; checking the label on every (slide, entity) pair is 7x slower.
    Question(
        "co-occurring", "org", "Organisations on the same slides as one, ranked.",
        ("org", "shared_slides"), ("-shared_slides", "org"), on_graph.co_occurring,
        sparql="""
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
""",
        cypher="""
MATCH (o:Organization)-[:MENTIONED_ON]->(s:Slide)<-[:MENTIONED_ON]-(p:Organization)
WHERE $key IN o.keys AND NOT $key IN p.keys
WITH p, count(DISTINCT s) AS shared_slides
RETURN DISTINCT p.name AS org, shared_slides
ORDER BY shared_slides DESC, org
"""),
    # Outside facts (Epoch AI). SPARQL: the first report year is the least aig:seenInYear;
    # the lag takes the year from the date's lexical form (xsd:date, gYearMonth or gYear).
    # Cypher: list_min of an empty list is NULL, as is arithmetic with NULL.
    Question(
        "publication-lag", "org",
        "Models of an organisation: publication date (Epoch AI), first report year, lag in years.",
        ("org", "model", "date_published", "first_year", "lag_years"), ("date_published", "model", "org"),
        on_graph.publication_lag,
        sparql="""
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
""",
        cypher="""
MATCH (o:Organization)-[:DEVELOPED]->(m:Model)
WHERE $key IN o.keys
RETURN DISTINCT o.name AS org, m.name AS model, m.date_published AS date_published,
       list_min(m.years) AS first_year,
       list_min(m.years) - CAST(substring(m.date_published, 1, 4) AS INT64) AS lag_years
"""),
    Question(
        "largest-models", "year",
        "Models in a report year ranked by training compute (Epoch AI), with parameters.",
        ("year", "model", "training_compute", "parameters"), ("-training_compute", "model"),
        on_graph.largest_models, arg_type=int,
        sparql="""
SELECT DISTINCT ?year ?model ?training_compute ?parameters WHERE {
  ?m aig:seenInYear ?year ; a aig:Model ; aig:trainingCompute ?training_compute ; schema:name ?model .
  OPTIONAL { ?m aig:parameters ?parameters }
}
""",
        cypher="""
WITH $year AS year
MATCH (m:Model)
WHERE year IN m.years AND m.training_compute IS NOT NULL
RETURN DISTINCT year, m.name AS model, m.training_compute AS training_compute, m.parameters AS parameters
"""),
    # Predictions and grades: every engine returns flat rows (one per prediction, named
    # entity and grade) and the fold makes the question's rows from them.
    Question(
        "predictions", "year", "A report year's predictions: slide, entities named, grade.",
        ("year", "number", "slide", "prediction", "entities", "outcome", "evidence"), ("number", "prediction"),
        on_graph.predictions, arg_type=int, fold=fold_predictions,
        sparql="""
SELECT ?year ?number ?slide ?prediction ?entity ?outcome ?evidence WHERE {
  # The year's predictions first, the year compared rather than matched: matched,
  # Oxigraph starts from every node of that year (slides too); 2.6x slower at 100x.
  { SELECT ?p ?year WHERE { ?p a aig:Prediction ; aig:year ?made . FILTER (?made = ?year) } }
  ?p aig:number ?number ; aig:text ?prediction .
  OPTIONAL { ?p aig:slideNumber ?slide }
  OPTIONAL { ?p aig:about ?e . ?e schema:name ?entity }
  OPTIONAL { ?o aig:grades ?p ; aig:grade ?outcome . OPTIONAL { ?o aig:evidenceText ?evidence } }
}
""",
        cypher="""
MATCH (p:Prediction)
WHERE p.year = $year
OPTIONAL MATCH (p)-[:ABOUT]->(e)
OPTIONAL MATCH (o:Outcome)-[:GRADES]->(p)
RETURN p.year AS year, p.number AS number, p.slide AS slide, p.text AS prediction,
       e.name AS entity, o.grade AS outcome, o.evidence AS evidence
"""),
    Question(
        "prediction-record", "org", "Predictions naming an organisation, across years, graded.",
        ("org", "year", "number", "prediction", "outcome"), ("year", "number", "org"),
        on_graph.prediction_record,
        sparql="""
SELECT DISTINCT ?key ?org ?year ?number ?prediction ?outcome WHERE {
  ?o aig:key ?key ; aig:label "Organization" ; schema:name ?org .
  ?p aig:about ?o ; a aig:Prediction ; aig:number ?number ; aig:text ?prediction .
  OPTIONAL { ?p aig:year ?year }
  OPTIONAL { ?g aig:grades ?p ; aig:grade ?outcome }
}
""",
        cypher="""
MATCH (p:Prediction)-[:ABOUT]->(o:Organization)
WHERE $key IN o.keys
OPTIONAL MATCH (g:Outcome)-[:GRADES]->(p)
RETURN DISTINCT o.name AS org, p.year AS year, p.number AS number, p.text AS prediction,
       g.grade AS outcome
"""),
    Question(
        "hit-rate", "year",
        "Predictions graded yes / partly / no / not yet, per report year (no year or 'all': every year, "
        "with a total).",
        ("year", "predictions", "yes", "partly", "no", "ungraded"), ("year",), on_graph.hit_rate,
        arg_type=int, optional=True, bind=lambda year: {}, fold=fold_hit_rate,
        sparql="""
SELECT ?id ?year ?outcome WHERE {
  ?p a aig:Prediction ; schema:identifier ?id .
  OPTIONAL { ?p aig:year ?year }
  OPTIONAL { ?g aig:grades ?p ; aig:grade ?outcome }
}
""",
        cypher="""
MATCH (p:Prediction)
OPTIONAL MATCH (g:Outcome)-[:GRADES]->(p)
RETURN p.id AS id, p.year AS year, g.grade AS outcome
"""),
)

#: Question name -> :class:`Question`, in the order they are listed to users.
QUESTIONS: dict[str, Question] = {q.name: q for q in _QUESTIONS}


def get_question(name: str) -> Question:
    """Return a question by name.

    Raises
    ------
    QueryError
        For an unknown name; the message lists the known ones.
    """
    try:
        return QUESTIONS[name]
    except KeyError:
        raise QueryError(f"unknown question {name!r} (known: {', '.join(QUESTIONS)})") from None


__all__ = ["QUESTIONS", "VIAS", "Question", "get_question", "sparql_prefixes"]
