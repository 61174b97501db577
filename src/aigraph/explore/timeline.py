"""An organisation's models by report year: the explorer's answer to "which DeepMind models
appear in which years?".

Rows follow the ``models-by-org`` question of ``docs/graph-model.md`` (one row per
``DEVELOPED`` edge and per report year the model appears in) but carry node ids, so a
page can link each model to its entity page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.labels import node_years

if TYPE_CHECKING:
    import networkx as nx

#: The organisation the organisation page opens on when the graph has it.
PREFERRED_ORGANISATION = "deepmind"


@dataclass(frozen=True, slots=True)
class OrganisationChoice:
    """An organisation to pick from, with how many models it developed."""

    id: str
    name: str
    models: int


@dataclass(frozen=True, slots=True)
class ModelYear:
    """A model of the organisation (``org``: which one developed it) seen in a report year."""

    year: int
    model_id: str
    model: str
    org_id: str
    org: str


def _developed(graph: nx.MultiDiGraph, org: str) -> list[str]:
    return sorted({v for _, v, k in graph.out_edges(org, keys=True) if k == "DEVELOPED"})


def organisations(graph: nx.MultiDiGraph) -> list[OrganisationChoice]:
    """Return every organisation, those that developed most models first, then by name.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(o.name, o.models) for o in organisations(sample_graph())][:2]
    [('DeepMind', 3), ('Facebook AI', 1)]
    """
    choices = [
        OrganisationChoice(node, str(attrs.get("name") or node), len(_developed(graph, node)))
        for node, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Organization"
    ]
    choices.sort(key=lambda o: (-o.models, o.name.lower(), o.id))
    return choices


def default_organisation(graph: nx.MultiDiGraph) -> str | None:
    """Return the organisation to show first: DeepMind when present, else the one with most models.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> default_organisation(sample_graph())
    'org:deepmind'
    """
    from aigraph.questions.graph import resolve

    found = resolve(graph, PREFERRED_ORGANISATION, ["Organization"])
    if found:
        return sorted(found)[0]
    choices = organisations(graph)
    return choices[0].id if choices else None


def parts_of(graph: nx.MultiDiGraph, org: str) -> list[str]:
    """Return the organisations that are part of ``org``, directly or further down (``PART_OF``)."""
    found: list[str] = []
    todo = [org]
    while todo:
        parent = todo.pop()
        for child, _, key in graph.in_edges(parent, keys=True):
            if key == "PART_OF" and child != org and child not in found:
                found.append(child)
                todo.append(child)
    return sorted(found)


def models_by_year(graph: nx.MultiDiGraph, org: str, *, include_parts: bool = False) -> list[ModelYear]:
    """Return the models ``org`` developed, one row per report year each model appears in.

    Parameters
    ----------
    graph
        A graph loaded with :func:`aigraph.graph.load_graph`.
    org
        The organisation's node id (e.g. ``"org:deepmind"``).
    include_parts
        Also count the models of organisations that are part of it (for Google:
        DeepMind's and Google Brain's).

    Returns
    -------
    list of ModelYear
        Ordered by year, model name, model id, organisation; an unknown id gives no rows.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r.year, r.model) for r in models_by_year(sample_graph(), "org:deepmind")]
    [(2020, 'AlphaFold'), (2020, 'MuZero'), (2021, 'AlphaFold2'), (2022, 'AlphaFold2')]
    >>> len(models_by_year(sample_graph(), "org:google")), len(models_by_year(sample_graph(), "org:google", include_parts=True))
    (0, 4)
    """
    if org not in graph:
        return []
    orgs = [org, *parts_of(graph, org)] if include_parts else [org]
    rows = set()
    for developer in orgs:
        developer_name = str(graph.nodes[developer].get("name") or developer)
        for model in _developed(graph, developer):
            name = str(graph.nodes[model].get("name") or model)
            for year in node_years(graph.nodes[model]):
                rows.add(ModelYear(year, model, name, developer, developer_name))
    return sorted(rows, key=lambda r: (r.year, r.model.lower(), r.model_id, r.org.lower()))


def models_per_year(rows: list[ModelYear]) -> list[dict[str, object]]:
    """Return one row per year: ``{"year", "models" (count), "names" (comma-separated)}``.

    Examples
    --------
    >>> rows = [ModelYear(2020, "m:a", "A", "o", "O"), ModelYear(2020, "m:b", "B", "o", "O")]
    >>> models_per_year(rows)
    [{'year': 2020, 'models': 2, 'names': 'A, B'}]
    """
    names: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        if row.model not in names[row.year]:
            names[row.year].append(row.model)
    return [{"year": y, "models": len(n), "names": ", ".join(n)} for y, n in sorted(names.items())]


def model_years(rows: list[ModelYear]) -> dict[str, tuple[int, ...]]:
    """Return each model's report years, once each (a model of two developers counts once).

    Examples
    --------
    >>> rows = [ModelYear(2023, "m:g", "G", "o:a", "A"), ModelYear(2023, "m:g", "G", "o:b", "B"),
    ...         ModelYear(2024, "m:g", "G", "o:a", "A")]
    >>> model_years(rows)
    {'m:g': (2023, 2024)}
    """
    years: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        years[row.model_id].add(row.year)
    return {model: tuple(sorted(found)) for model, found in years.items()}


def timeline_points(rows: list[ModelYear], report_years: list[int]) -> list[dict[str, object]]:
    """Return one point per model and report year, with the run of consecutive reports it is in.

    A line joins a model's points only within a ``run``: report years that follow each
    other in ``report_years`` with the model in each. A report year without the model
    starts a new run, so no line crosses a gap.

    Examples
    --------
    >>> rows = [ModelYear(y, "m:a", "A", "o", "O") for y in (2018, 2019, 2021)]
    >>> [(p["year"], p["run"]) for p in timeline_points(rows, [2018, 2019, 2020, 2021])]
    [(2018, 'm:a#0'), (2019, 'm:a#0'), (2021, 'm:a#1')]
    """
    position = {year: i for i, year in enumerate(sorted(report_years))}
    developers: dict[tuple[str, int], list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in rows:
        if row.org not in developers[(row.model_id, row.year)]:
            developers[(row.model_id, row.year)].append(row.org)
        names[row.model_id] = row.model
    points = []
    for model, years in model_years(rows).items():
        run, previous = 0, None
        for year in years:
            here = position.get(year)
            if previous is not None and (here is None or previous is None or here != previous + 1):
                run += 1
            previous = here
            points.append({"year": year, "model": names[model], "model_id": model, "run": f"{model}#{run}",
                           "developer": ", ".join(developers[(model, year)])})
    points.sort(key=lambda p: (p["model"].lower(), p["year"]))
    return points


def year_table(rows: list[ModelYear]) -> list[dict[str, object]]:
    """Return one row per report year: the models named that year, each once, with ids.

    ``models`` is a list of ``(model_id, name)``, sorted by name.

    Examples
    --------
    >>> rows = [ModelYear(2023, "m:g", "G", "o:a", "A"), ModelYear(2023, "m:g", "G", "o:b", "B")]
    >>> year_table(rows)
    [{'year': 2023, 'models': [('m:g', 'G')]}]
    """
    by_year: dict[int, dict[str, str]] = defaultdict(dict)
    for row in rows:
        by_year[row.year][row.model_id] = row.model
    return [{"year": year, "models": sorted(models.items(), key=lambda m: (m[1].lower(), m[0]))}
            for year, models in sorted(by_year.items())]


def comparison(graph: nx.MultiDiGraph, orgs: list[str], *, include_parts: bool = False) -> list[dict[str, object]]:
    """Compare organisations: one row per report year, one column of models per organisation.

    Each row is ``{"year": Y, org_id: [(model_id, name), ...], ...}`` for every report
    year any of the organisations has a model in.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> rows = comparison(sample_graph(), ["org:deepmind", "org:openai"])
    >>> [(r["year"], [n for _, n in r["org:deepmind"]], [n for _, n in r["org:openai"]]) for r in rows]
    [(2020, ['AlphaFold', 'MuZero'], ['GPT-3']), (2021, ['AlphaFold2'], []), (2022, ['AlphaFold2'], [])]
    """
    tables = {org: {r["year"]: r["models"] for r in year_table(models_by_year(graph, org, include_parts=include_parts))}
              for org in orgs}
    years = sorted({year for table in tables.values() for year in table})
    return [{"year": year, **{org: tables[org].get(year, []) for org in orgs}} for year in years]


def comparison_csv(rows: list[dict[str, object]], names: dict[str, str]) -> str:
    """Return a comparison (:func:`comparison`) as CSV: a year column, one column per organisation.

    Examples
    --------
    >>> comparison_csv([{"year": 2020, "o:a": [("m:x", "X"), ("m:y", "Y")]}], {"o:a": "A"})
    'year,A\\r\\n2020,X; Y\\r\\n'
    """
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["year", *names.values()])
    for row in rows:
        writer.writerow([row["year"], *("; ".join(name for _, name in row.get(org, [])) for org in names)])
    return out.getvalue()
