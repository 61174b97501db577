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
