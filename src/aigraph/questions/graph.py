"""The canned questions answered on the networkx graph itself (``--via graph``).

Each function takes the ``MultiDiGraph`` of a build and returns row dicts with
exactly the columns of the table in ``docs/graph-model.md``, distinct, in the
stated order. Names resolve case-insensitively (``str.lower``) against ``name`` and
``aliases``; an unknown name gives no rows. The SPARQL and Cypher forms return the
same rows on the same build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from aigraph.errors import QueryError

if TYPE_CHECKING:
    import networkx as nx

Row = dict[str, Any]

#: Question name -> (columns, sort spec). A sort spec entry is (column, descending).
QUESTIONS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]] = {
    "models-by-org": (("org", "model", "year"), (("year", False), ("model", False))),
    "mentions": (
        ("entity", "label", "year", "slide", "section", "sentence"),
        (("year", False), ("slide", False), ("sentence", False)),
    ),
    "metrics-on": (
        ("dataset", "metric", "value", "model", "year"),
        (("year", False), ("metric", False), ("model", False)),
    ),
    "new-in": (("entity", "label", "year"), (("label", False), ("entity", False))),
    "dropped-in": (("entity", "label", "last_year"), (("label", False), ("entity", False))),
    "co-occurring": (("org", "shared_slides"), (("shared_slides", True), ("org", False))),
    # Outside facts (Epoch AI) on the models: see aigraph.graph.outside.
    "publication-lag": (
        ("org", "model", "date_published", "first_year", "lag_years"),
        (("date_published", False), ("model", False), ("org", False)),
    ),
    "largest-models": (
        ("year", "model", "training_compute", "parameters"),
        (("training_compute", True), ("model", False)),
    ),
    "predictions": (
        ("year", "number", "slide", "prediction", "entities", "outcome", "evidence"),
        (("number", False), ("prediction", False)),
    ),
    "prediction-record": (
        ("org", "year", "number", "prediction", "outcome"),
        (("year", False), ("number", False), ("org", False)),
    ),
    "hit-rate": (("year", "predictions", "yes", "partly", "no", "ungraded"), (("year", False),)),
}

#: Node labels that are not entities (left out of ``mentions``, ``new-in``, ``dropped-in``).
NON_ENTITY_LABELS = frozenset({"Report", "Slide", "Prediction", "Outcome"})
_NOT_IN_YEAR_QUESTIONS = NON_ENTITY_LABELS | {"Metric"}


def _none_first(value: Any) -> tuple[bool, Any]:
    return (value is not None, value)


def order_rows(question: str, rows: Iterable[Row]) -> list[Row]:
    """Return the distinct rows of a question, keyed and sorted as the contract says.

    Sorting is stable and applied key by key (last key first); ``None`` sorts
    before any value. Use it on the rows of every ``via`` so all three agree.

    Examples
    --------
    >>> rows = [{"org": "B", "shared_slides": 1}, {"org": "A", "shared_slides": 1},
    ...         {"org": "C", "shared_slides": 3}, {"org": "A", "shared_slides": 1}]
    >>> [r["org"] for r in order_rows("co-occurring", rows)]
    ['C', 'A', 'B']
    """
    columns, spec = _spec(question)
    seen: dict[tuple, Row] = {}
    for row in rows:
        ordered = {column: row.get(column) for column in columns}
        seen.setdefault(tuple(ordered.values()), ordered)
    result = list(seen.values())
    for column, descending in reversed(spec):
        if descending:
            result.sort(key=lambda r: _none_first(r[column]), reverse=True)
        else:
            result.sort(key=lambda r: _none_first(r[column]))
    return result


def _spec(question: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    try:
        return QUESTIONS[question]
    except KeyError:
        known = ", ".join(QUESTIONS)
        raise QueryError(f"unknown question {question!r} (known: {known})") from None


def resolve(graph: nx.MultiDiGraph, name: str, labels: Iterable[str] | None = None) -> list[str]:
    """Return the ids of nodes whose name or an alias equals ``name``, ignoring case.

    Parameters
    ----------
    graph
        A built graph.
    name
        The name to look for; surrounding whitespace is ignored.
    labels
        Only nodes with one of these labels; ``None`` means every entity label
        (not Report or Slide).

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> resolve(sample_graph(), "google deepmind", ["Organization"])
    ['org:deepmind']
    >>> resolve(sample_graph(), "Nobody", ["Organization"])
    []
    """
    wanted = name.strip().lower()
    allowed = set(labels) if labels is not None else None
    found = []
    for node, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if allowed is not None and label not in allowed:
            continue
        if allowed is None and label in NON_ENTITY_LABELS:
            continue
        forms = [attrs.get("name", ""), *attrs.get("aliases", ())]
        if any(str(form).lower() == wanted for form in forms):
            found.append(node)
    return sorted(found)


def _out(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return sorted({v for _, v, k in graph.out_edges(node, keys=True) if k == kind})


def _in(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return sorted({u for u, _, k in graph.in_edges(node, keys=True) if k == kind})


def _year_arg(year: int | str) -> int:
    try:
        return int(year)
    except (TypeError, ValueError):
        raise QueryError(f"a year must be a whole number, got {year!r}") from None


def models_by_org(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Models an organisation developed, one row per report year the model appears in.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["model"], r["year"]) for r in models_by_org(sample_graph(), "DeepMind")]
    [('AlphaFold', 2020), ('MuZero', 2020), ('AlphaFold2', 2021), ('AlphaFold2', 2022)]
    """
    rows = []
    for org_id in resolve(graph, org, ["Organization"]):
        org_name = graph.nodes[org_id]["name"]
        for model in _out(graph, org_id, "DEVELOPED"):
            attrs = graph.nodes[model]
            for year in attrs.get("years", ()):
                rows.append({"org": org_name, "model": attrs["name"], "year": year})
    return order_rows("models-by-org", rows)


def mentions(graph: nx.MultiDiGraph, entity: str) -> list[Row]:
    """Every mention of an entity: report year, slide, section and evidence sentence.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["year"], r["slide"]) for r in mentions(sample_graph(), "alphafold 2")]
    [(2021, 15), (2022, 20)]
    """
    rows = []
    for node in resolve(graph, entity):
        attrs = graph.nodes[node]
        for _, target, kind, edge in graph.out_edges(node, keys=True, data=True):
            if kind not in ("MENTIONED_ON", "MENTIONED_IN"):
                continue
            place = graph.nodes[target]
            slide = place.get("number") if kind == "MENTIONED_ON" else None
            section = place.get("section") if kind == "MENTIONED_ON" else None
            for item in edge.get("evidence", ()):
                rows.append({
                    "entity": attrs["name"], "label": attrs["label"], "year": place.get("year"),
                    "slide": slide, "section": section, "sentence": item["sentence"],
                })
    return order_rows("mentions", rows)


def metrics_on(graph: nx.MultiDiGraph, dataset: str) -> list[Row]:
    """Metrics reported on a dataset: metric, value, the model that achieves it, year.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["value"], r["model"]) for r in metrics_on(sample_graph(), "ImageNet")]
    [(84.2, 'SEER'), (76.1, None), (87.8, 'ConvNeXt')]
    """
    rows = []
    for dataset_id in resolve(graph, dataset, ["Dataset"]):
        dataset_name = graph.nodes[dataset_id]["name"]
        for metric in _in(graph, dataset_id, "MEASURED_ON"):
            attrs = graph.nodes[metric]
            models = [graph.nodes[m]["name"] for m in _in(graph, metric, "ACHIEVES")] or [None]
            for model in models:
                rows.append({
                    "dataset": dataset_name, "metric": attrs["name"], "value": attrs.get("value"),
                    "model": model, "year": attrs.get("year"),
                })
    return order_rows("metrics-on", rows)


def _entities(graph: nx.MultiDiGraph) -> Iterable[tuple[str, dict[str, Any]]]:
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") not in _NOT_IN_YEAR_QUESTIONS:
            yield node, attrs


def new_in(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Entities first seen in report year ``year``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [r["entity"] for r in new_in(sample_graph(), 2022) if r["label"] == "Model"]
    ['ConvNeXt']
    """
    year = _year_arg(year)
    rows = [
        {"entity": attrs["name"], "label": attrs["label"], "year": year}
        for _, attrs in _entities(graph)
        if attrs.get("years") and min(attrs["years"]) == year
    ]
    return order_rows("new-in", rows)


def dropped_in(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Entities present in report year ``year - 1`` and absent in ``year``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [r["entity"] for r in dropped_in(sample_graph(), 2021) if r["label"] == "Model"]
    ['AlphaFold', 'GPT-3', 'MuZero']
    """
    year = _year_arg(year)
    rows = [
        {"entity": attrs["name"], "label": attrs["label"], "last_year": year - 1}
        for _, attrs in _entities(graph)
        if (year - 1) in attrs.get("years", ()) and year not in attrs.get("years", ())
    ]
    return order_rows("dropped-in", rows)


def co_occurring(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Organisations mentioned on the same slides as ``org``, most shared slides first.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["org"], r["shared_slides"]) for r in co_occurring(sample_graph(), "DeepMind")]
    [('OpenAI', 2), ('Google', 1), ('Google Brain', 1), ('Meta AI', 1)]
    """
    matched = resolve(graph, org, ["Organization"])
    slides = {s for node in matched for s in _out(graph, node, "MENTIONED_ON")}
    shared: dict[str, set[str]] = {}
    for slide in slides:
        for other in _in(graph, slide, "MENTIONED_ON"):
            if other not in matched and graph.nodes[other].get("label") == "Organization":
                shared.setdefault(other, set()).add(slide)
    rows = [
        {"org": graph.nodes[other]["name"], "shared_slides": len(on)}
        for other, on in shared.items()
    ]
    return order_rows("co-occurring", rows)


# -- outside facts on models (Epoch AI) ---------------------------------------------------


def publication_year(date_published: Any) -> int | None:
    """The year of a publication date (``2022-03-29``, ``2022-03`` or ``2022``), else ``None``.

    Examples
    --------
    >>> publication_year("2022-03-29"), publication_year(None)
    (2022, None)
    """
    text = str(date_published or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


def publication_lag(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Each model an organisation developed: publication date, first report year, lag in years.

    ``date_published`` is the outside source's (Epoch AI's); a model it does not
    describe has ``None`` there and as its lag.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["model"], r["date_published"], r["first_year"], r["lag_years"])
    ...  for r in publication_lag(sample_graph(), "DeepMind")][:2]
    [('MuZero', '2019-11-19', 2020, 1), ('AlphaFold', '2020-01-15', 2020, 0)]
    """
    rows = []
    for org_id in resolve(graph, org, ["Organization"]):
        org_name = graph.nodes[org_id]["name"]
        for model in _out(graph, org_id, "DEVELOPED"):
            attrs = graph.nodes[model]
            if attrs.get("label") != "Model":
                continue
            years = attrs.get("years") or ()
            first = min(years) if years else None
            published = publication_year(attrs.get("date_published"))
            rows.append({
                "org": org_name, "model": attrs["name"], "date_published": attrs.get("date_published"),
                "first_year": first,
                "lag_years": first - published if first is not None and published is not None else None,
            })
    return order_rows("publication-lag", rows)


def largest_models(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Models seen in report year ``year`` with a known training compute, largest first, with parameters.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["model"], r["training_compute"]) for r in largest_models(sample_graph(), 2020)]
    [('GPT-3', 3.14e+23), ('AlphaFold', 1e+20), ('MuZero', 4.8e+19)]
    """
    year = _year_arg(year)
    rows = [
        {"year": year, "model": attrs["name"], "training_compute": float(attrs["training_compute"]),
         "parameters": None if attrs.get("parameters") is None else float(attrs["parameters"])}
        for _, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Model" and year in (attrs.get("years") or ())
        and attrs.get("training_compute") is not None
    ]
    return order_rows("largest-models", rows)


# -- predictions and their grades -------------------------------------------------------
# The SPARQL and Cypher forms fetch one flat row per (prediction, named entity, grade) and
# share these folds, so the three forms agree by construction on the entity lists and counts.

#: The grades, in the order ``hit-rate`` counts them.
GRADE_COLUMNS = ("yes", "partly", "no")


def fold_predictions(flat: Iterable[Row]) -> list[Row]:
    """``predictions`` rows from flat rows with an ``entity`` column (one name or None)."""
    named: dict[tuple, set[str]] = {}
    for row in flat:
        key = tuple(row.get(c) for c in ("year", "number", "slide", "prediction", "outcome", "evidence"))
        names = named.setdefault(key, set())
        if row.get("entity") is not None:
            names.add(str(row["entity"]))
    rows = [
        {"year": y, "number": n, "slide": s, "prediction": p, "entities": "; ".join(sorted(names)),
         "outcome": o, "evidence": e}
        for (y, n, s, p, o, e), names in named.items()
    ]
    return order_rows("predictions", rows)


def fold_hit_rate(flat: Iterable[Row], year: int | None) -> list[Row]:
    """``hit-rate`` rows from flat rows ``{id, year, outcome}`` (one per prediction).

    One row per report year that made predictions (``year`` given: that year only); with
    no year, a first row with ``year`` None totals them all.
    """
    per_year: dict[Any, dict[str, int]] = {}
    seen: set[Any] = set()
    for row in flat:
        if row.get("id") in seen or (year is not None and row.get("year") != year):
            continue
        seen.add(row.get("id"))
        keys = [row.get("year")] if year is not None else [row.get("year"), "all"]
        for key in keys:
            counts = per_year.setdefault(key, {"predictions": 0, **dict.fromkeys((*GRADE_COLUMNS, "ungraded"), 0)})
            counts["predictions"] += 1
            counts[row["outcome"] if row.get("outcome") in GRADE_COLUMNS else "ungraded"] += 1
    rows = [{"year": None if key == "all" else key, **counts} for key, counts in per_year.items()]
    return order_rows("hit-rate", rows)


def _predictions(graph: nx.MultiDiGraph) -> Iterable[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """Each Prediction node with the attributes of the Outcome that grades it (or None)."""
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") == "Prediction":
            graders = sorted(_in(graph, node, "GRADES"))
            yield node, attrs, graph.nodes[graders[0]] if graders else None


def predictions(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """A report year's predictions: slide, the entities each names, the grade and its evidence.

    ``outcome`` and ``evidence`` are None for a prediction no later report graded.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["number"], r["entities"], r["outcome"]) for r in predictions(sample_graph(), 2021)]
    [(1, 'DeepMind', 'yes'), (2, 'OpenAI', None)]
    """
    year = _year_arg(year)
    flat = []
    for node, attrs, outcome in _predictions(graph):
        if attrs.get("year") != year:
            continue
        base = {"year": year, "number": attrs.get("number"), "slide": attrs.get("slide"),
                "prediction": attrs.get("text"), "outcome": (outcome or {}).get("grade"),
                "evidence": (outcome or {}).get("evidence")}
        flat.append({**base, "entity": None})
        flat.extend({**base, "entity": graph.nodes[e].get("name")} for e in _out(graph, node, "ABOUT"))
    return fold_predictions(flat)


def prediction_record(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Predictions that name an organisation, across report years, with their grades.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["year"], r["outcome"]) for r in prediction_record(sample_graph(), "deepmind")]
    [(2021, 'yes')]
    """
    matched = set(resolve(graph, org, ["Organization"]))
    rows = [
        {"org": graph.nodes[e]["name"], "year": attrs.get("year"), "number": attrs.get("number"),
         "prediction": attrs.get("text"), "outcome": (outcome or {}).get("grade")}
        for node, attrs, outcome in _predictions(graph)
        for e in _out(graph, node, "ABOUT") if e in matched
    ]
    return order_rows("prediction-record", rows)


def hit_rate(graph: nx.MultiDiGraph, year: int | str | None = None) -> list[Row]:
    """How many of a report year's predictions were graded yes, partly, no, or not at all.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> hit_rate(sample_graph(), 2021)
    [{'year': 2021, 'predictions': 2, 'yes': 1, 'partly': 0, 'no': 0, 'ungraded': 1}]
    """
    year = None if year is None else _year_arg(year)
    flat = [{"id": node, "year": attrs.get("year"), "outcome": (outcome or {}).get("grade")}
            for node, attrs, outcome in _predictions(graph)]
    return fold_hit_rate(flat, year)


#: Question name -> function(graph, argument) -> rows.
FUNCTIONS: dict[str, Callable[[nx.MultiDiGraph, Any], list[Row]]] = {
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


def ask(graph: nx.MultiDiGraph, question: str, argument: Any) -> list[Row]:
    """Answer a canned question by name on the networkx graph.

    Raises
    ------
    QueryError
        For an unknown question or a year that is not a number.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> ask(sample_graph(), "models-by-org", "openai")
    [{'org': 'OpenAI', 'model': 'GPT-3', 'year': 2020}]
    """
    _spec(question)
    return FUNCTIONS[question](graph, argument)
