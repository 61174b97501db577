"""How the field moves across report years: the Trends page's tables (one per chart).

Every function returns plain rows (dicts), which the page draws with Altair and offers
as CSV (:func:`rows_to_csv`), so a chart's data is the table you download. Money
amounts are not counted as entities here (they are counted with their organisation,
see :mod:`aigraph.explore.money`); metrics and amounts are left out of new and
no-longer-mentioned entities, as each belongs to one report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aigraph.explore.labels import MENTION_TYPES, entities, node_years, report_years, sort_labels

if TYPE_CHECKING:
    import networkx as nx

#: Labels not counted as entities on the Trends page.
NOT_ENTITIES = frozenset({"Money"})
#: Labels left out of new / no longer mentioned (each such node belongs to one report).
ONE_REPORT_LABELS = frozenset({"Metric", "Money"})


def _mention_year(graph: nx.MultiDiGraph, place: str, item: dict) -> int | None:
    year = item.get("year")
    if year is None:
        year = graph.nodes[place].get("year")
    return None if year is None else int(year)


def mentions_per_label(graph: nx.MultiDiGraph) -> list[dict[str, object]]:
    """Return ``{"year", "label", "mentions", "entities"}`` per report year and entity label.

    ``mentions`` counts sentences that mention an entity of the label (one per entity,
    slide and sentence); ``entities`` counts distinct entities mentioned that year.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> rows = mentions_per_label(sample_graph())
    >>> next(r for r in rows if r["year"] == 2021 and r["label"] == "Organization")["entities"]
    4
    """
    mentions: Counter[tuple[int, str]] = Counter()
    seen: dict[tuple[int, str], set[str]] = defaultdict(set)
    for node, attrs in entities(graph):
        label = str(attrs.get("label"))
        if label in NOT_ENTITIES:
            continue
        for _, place, key, data in graph.out_edges(node, keys=True, data=True):
            if key not in MENTION_TYPES:
                continue
            for item in data.get("evidence") or ():
                year = _mention_year(graph, place, item)
                if year is not None:
                    mentions[(year, label)] += 1
                    seen[(year, label)].add(node)
    order = {label: i for i, label in enumerate(sort_labels(label for _, label in mentions))}
    return [{"year": year, "label": label, "mentions": n, "entities": len(seen[(year, label)])}
            for (year, label), n in sorted(mentions.items(), key=lambda t: (t[0][0], order[t[0][1]]))]


def top_per_year(graph: nx.MultiDiGraph, label: str, *, top: int = 5) -> list[dict[str, object]]:
    """Return the ``top`` entities of ``label`` per report year, by slides mentioning them that year.

    Rows: ``{"year", "rank", "name", "id", "slides"}``; ties are broken by name.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["year"], r["name"]) for r in top_per_year(sample_graph(), "Organization", top=1)]
    [(2020, 'DeepMind'), (2021, 'DeepMind'), (2022, 'DeepMind')]
    """
    slides: dict[int, Counter[str]] = defaultdict(Counter)
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != label:
            continue
        places: dict[int, set[str]] = defaultdict(set)
        for _, place, key, data in graph.out_edges(node, keys=True, data=True):
            if key not in MENTION_TYPES:
                continue
            for item in data.get("evidence") or ():
                year = _mention_year(graph, place, item)
                if year is not None:
                    places[year].add(place)
        for year, found in places.items():
            slides[year][node] = len(found)
    rows = []
    for year in sorted(slides):
        ranked = sorted(slides[year].items(),
                        key=lambda t: (-t[1], str(graph.nodes[t[0]].get("name") or t[0]).lower(), t[0]))
        for rank, (node, n) in enumerate(ranked[:top], start=1):
            rows.append({"year": year, "rank": rank, "name": str(graph.nodes[node].get("name") or node),
                         "id": node, "slides": n})
    return rows


def arrivals_and_departures(graph: nx.MultiDiGraph) -> list[dict[str, object]]:
    """Return per report year and label how many entities are new and how many no longer mentioned.

    A report year is compared with the report year before it in the graph: *new* are
    entities mentioned this year and in no earlier report; *no longer mentioned* are
    entities of the previous report that this one does not mention. The first report
    year has nothing to compare with and gets no row. Rows: ``{"year", "label",
    "change", "entities"}`` with ``change`` ``"new"`` or ``"no longer mentioned"``.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> rows = arrivals_and_departures(sample_graph())
    >>> [(r["change"], r["entities"]) for r in rows if r["year"] == 2022 and r["label"] == "Model"]
    [('new', 1), ('no longer mentioned', 1)]
    """
    years = report_years(graph)
    counts: Counter[tuple[int, str, str]] = Counter()
    for _, attrs in entities(graph):
        label = str(attrs.get("label"))
        if label in ONE_REPORT_LABELS:
            continue
        seen = set(node_years(attrs))
        for previous, year in zip(years, years[1:]):
            if year in seen and not any(y < year for y in seen):
                counts[(year, label, "new")] += 1
            if previous in seen and year not in seen:
                counts[(year, label, "no longer mentioned")] += 1
    order = {label: i for i, label in enumerate(sort_labels(label for _, label, _ in counts))}
    return [{"year": y, "label": label, "change": change, "entities": n}
            for (y, label, change), n in sorted(counts.items(), key=lambda t: (t[0][0], order[t[0][1]], t[0][2]))]


def rows_to_csv(rows: Iterable[dict[str, object]]) -> str:
    """Return rows (dicts with the same keys) as CSV text, header first.

    Examples
    --------
    >>> rows_to_csv([{"year": 2020, "label": "Model"}])
    'year,label\\r\\n2020,Model\\r\\n'
    """
    import csv
    import io

    rows = list(rows)
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
