"""The canned questions in Cypher, over :class:`aigraph.cypher.CypherStore` (LadybugDB).

The Cypher text lives with all other Cypher in :mod:`aigraph.cypher.statements`; this
module binds the arguments (``$key``: the stripped, lower-cased name, matched against the
``keys`` column; ``$year``) and hands the rows to :func:`aigraph.questions.rows_as_dicts`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aigraph.cypher import statements as cy
from aigraph.questions import NOT_IN_YEAR_QUESTIONS, name_key, rows_as_dicts
from aigraph.questions.graph import fold_hit_rate, fold_predictions

Row = dict[str, Any]


def _run(store: Any, question: str, text: str, params: dict[str, Any], **kwargs: Any) -> list[Row]:
    columns, rows = store.query(text, params=params, **kwargs)
    return rows_as_dicts(question, columns, rows)


def models_by_org(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Models an organisation developed, one row per report year the model appears in."""
    return _run(store, "models-by-org", cy.QUESTION_MODELS_BY_ORG, {"key": name_key(org)}, **kwargs)


def mentions(store: Any, entity: str, **kwargs: Any) -> list[Row]:
    """Every mention of an entity: report year, slide, section, evidence sentence."""
    return _run(store, "mentions", cy.QUESTION_MENTIONS, {"key": name_key(entity)}, **kwargs)


def metrics_on(store: Any, dataset: str, **kwargs: Any) -> list[Row]:
    """Metrics reported on a dataset: metric, value, achieving model, year."""
    return _run(store, "metrics-on", cy.QUESTION_METRICS_ON, {"key": name_key(dataset)}, **kwargs)


def new_in(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Entities first seen in report year ``year``."""
    params = {"year": int(year), "excluded": list(NOT_IN_YEAR_QUESTIONS)}
    return _run(store, "new-in", cy.QUESTION_NEW_IN, params, **kwargs)


def dropped_in(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Entities present in report year ``year - 1`` and absent in ``year``."""
    params = {"year": int(year), "excluded": list(NOT_IN_YEAR_QUESTIONS)}
    return _run(store, "dropped-in", cy.QUESTION_DROPPED_IN, params, **kwargs)


def co_occurring(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Organisations mentioned on the same slides as ``org``, most shared slides first."""
    return _run(store, "co-occurring", cy.QUESTION_CO_OCCURRING, {"key": name_key(org)}, **kwargs)


def publication_lag(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Each model an organisation developed: publication date, first report year, lag in years."""
    return _run(store, "publication-lag", cy.QUESTION_PUBLICATION_LAG, {"key": name_key(org)}, **kwargs)


def largest_models(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """Models seen in a report year with a known training compute, largest first, with parameters."""
    return _run(store, "largest-models", cy.QUESTION_LARGEST_MODELS, {"year": int(year)}, **kwargs)


def _flat(store: Any, text: str, params: dict[str, Any], **kwargs: Any) -> list[Row]:
    columns, rows = store.query(text, params=params, **kwargs)
    return [dict(zip(columns, row)) for row in rows]


def predictions(store: Any, year: int, **kwargs: Any) -> list[Row]:
    """A report year's predictions: slide, the entities each names, the grade and its evidence."""
    return fold_predictions(_flat(store, cy.QUESTION_PREDICTIONS, {"year": int(year)}, **kwargs))


def prediction_record(store: Any, org: str, **kwargs: Any) -> list[Row]:
    """Predictions that name an organisation, across report years, with their grades."""
    return _run(store, "prediction-record", cy.QUESTION_PREDICTION_RECORD, {"key": name_key(org)}, **kwargs)


def hit_rate(store: Any, year: int | None = None, **kwargs: Any) -> list[Row]:
    """How many of a report year's predictions were graded yes, partly, no, or not at all."""
    params = {"every": year is None, "year": 0 if year is None else int(year)}
    return fold_hit_rate(_flat(store, cy.QUESTION_HIT_RATE, params, **kwargs), None if year is None else int(year))


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
