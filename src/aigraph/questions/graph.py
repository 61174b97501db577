"""The graph functions of the canned questions (``--via graph``), over networkx.

Each function takes the ``MultiDiGraph`` of a build and the parsed argument and returns
raw row dicts; the runner (:func:`aigraph.questions.answer`) keeps the question's
columns, drops repeats and orders them, as for the SPARQL and Cypher rows. Names
resolve case-insensitively against ``name`` and ``aliases``; an unknown name gives no
rows. The table that ties each function to its question is
:mod:`aigraph.questions.catalog`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from aigraph.errors import QueryError
from aigraph.records import STRUCTURE_LABELS

if TYPE_CHECKING:
    import networkx as nx

Row = dict[str, Any]

#: Node labels that are not entities (left out of ``mentions``, ``new-in``, ``dropped-in``).
NON_ENTITY_LABELS = frozenset(STRUCTURE_LABELS)
#: Labels ``new-in`` and ``dropped-in`` leave out (not entities, or year-scoped).
NOT_IN_YEAR_LABELS = tuple(sorted(NON_ENTITY_LABELS | {"Metric"}))


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
    >>> sorted((r["model"], r["year"]) for r in models_by_org(sample_graph(), "DeepMind"))
    [('AlphaFold', 2020), ('AlphaFold2', 2021), ('AlphaFold2', 2022), ('MuZero', 2020)]
    """
    rows = []
    for org_id in resolve(graph, org, ["Organization"]):
        org_name = graph.nodes[org_id]["name"]
        for model in _out(graph, org_id, "DEVELOPED"):
            attrs = graph.nodes[model]
            for year in attrs.get("years", ()):
                rows.append({"org": org_name, "model": attrs["name"], "year": year})
    return rows


def mentions(graph: nx.MultiDiGraph, entity: str) -> list[Row]:
    """Every mention of an entity: report year, slide, section and evidence sentence.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["year"], r["slide"]) for r in mentions(sample_graph(), "alphafold 2"))
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
    return rows


def metrics_on(graph: nx.MultiDiGraph, dataset: str) -> list[Row]:
    """Metrics reported on a dataset: metric, value, the model that achieves it, year.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["value"], r["model"]) for r in metrics_on(sample_graph(), "ImageNet"))
    [(76.1, None), (84.2, 'SEER'), (87.8, 'ConvNeXt')]
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
    return rows


def _entities(graph: nx.MultiDiGraph) -> Iterable[tuple[str, dict[str, Any]]]:
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") not in NOT_IN_YEAR_LABELS:
            yield node, attrs


def new_in(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Entities first seen in report year ``year``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted(r["entity"] for r in new_in(sample_graph(), 2022) if r["label"] == "Model")
    ['ConvNeXt']
    """
    year = _year_arg(year)
    rows = [
        {"entity": attrs["name"], "label": attrs["label"], "year": year}
        for _, attrs in _entities(graph)
        if attrs.get("years") and min(attrs["years"]) == year
    ]
    return rows


def dropped_in(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Entities present in report year ``year - 1`` and absent in ``year``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted(r["entity"] for r in dropped_in(sample_graph(), 2021) if r["label"] == "Model")
    ['AlphaFold', 'GPT-3', 'MuZero']
    """
    year = _year_arg(year)
    rows = [
        {"entity": attrs["name"], "label": attrs["label"], "last_year": year - 1}
        for _, attrs in _entities(graph)
        if (year - 1) in attrs.get("years", ()) and year not in attrs.get("years", ())
    ]
    return rows


def co_occurring(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Organisations mentioned on the same slides as ``org``, most shared slides first.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["org"], r["shared_slides"]) for r in co_occurring(sample_graph(), "DeepMind"))
    [('Google', 1), ('Google Brain', 1), ('Meta AI', 1), ('OpenAI', 2)]
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
    return rows


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
    >>> sorted((r["model"], r["date_published"], r["first_year"], r["lag_years"])
    ...        for r in publication_lag(sample_graph(), "DeepMind"))[1:]
    [('AlphaFold2', '2020-11-30', 2021, 1), ('MuZero', '2019-11-19', 2020, 1)]
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
    return rows


def largest_models(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """Models seen in report year ``year`` with a known training compute, largest first, with parameters.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["model"], r["training_compute"]) for r in largest_models(sample_graph(), 2020))
    [('AlphaFold', 1e+20), ('GPT-3', 3.14e+23), ('MuZero', 4.8e+19)]
    """
    year = _year_arg(year)
    rows = [
        {"year": year, "model": attrs["name"], "training_compute": float(attrs["training_compute"]),
         "parameters": None if attrs.get("parameters") is None else float(attrs["parameters"])}
        for _, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Model" and year in (attrs.get("years") or ())
        and attrs.get("training_compute") is not None
    ]
    return rows


# -- predictions and their grades -------------------------------------------------------
# The SPARQL and Cypher forms fetch one flat row per (prediction, named entity, grade) and
# share these folds, so the three forms agree by construction on the entity lists and counts.

def _predictions(graph: nx.MultiDiGraph) -> Iterable[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """Each Prediction node with the attributes of the Outcome that grades it (or None)."""
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") == "Prediction":
            graders = sorted(_in(graph, node, "GRADES"))
            yield node, attrs, graph.nodes[graders[0]] if graders else None


def predictions(graph: nx.MultiDiGraph, year: int | str) -> list[Row]:
    """A report year's predictions, one flat row per named entity (``entity``; None once each).

    ``outcome`` and ``evidence`` are None for a prediction no later report graded; the
    question's fold (:func:`aigraph.questions.rows.fold_predictions`) lists the entities.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["number"], r["entity"] or "", r["outcome"] or "") for r in predictions(sample_graph(), 2021))
    [(1, '', 'yes'), (1, 'DeepMind', 'yes'), (2, '', ''), (2, 'OpenAI', '')]
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
    return flat


def prediction_record(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Predictions that name an organisation, across report years, with their grades.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["year"], r["outcome"]) for r in prediction_record(sample_graph(), "deepmind"))
    [(2021, 'yes')]
    """
    matched = set(resolve(graph, org, ["Organization"]))
    rows = [
        {"org": graph.nodes[e]["name"], "year": attrs.get("year"), "number": attrs.get("number"),
         "prediction": attrs.get("text"), "outcome": (outcome or {}).get("grade")}
        for node, attrs, outcome in _predictions(graph)
        for e in _out(graph, node, "ABOUT") if e in matched
    ]
    return rows


def hit_rate(graph: nx.MultiDiGraph, year: int | None = None) -> list[Row]:
    """Every prediction as a flat row ``{id, year, outcome}``; the question's fold counts them.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> sorted((r["year"], r["outcome"] or "") for r in hit_rate(sample_graph()))
    [(2021, ''), (2021, 'yes')]
    """
    return [{"id": node, "year": attrs.get("year"), "outcome": (outcome or {}).get("grade")}
            for node, attrs, outcome in _predictions(graph)]
