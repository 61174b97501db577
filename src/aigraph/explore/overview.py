"""The overview page's numbers: counts per label and report year, the most mentioned entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.labels import (
    MENTION_TYPES,
    entities,
    node_years,
    report_years,
    sort_labels,
)

if TYPE_CHECKING:
    import networkx as nx

#: Labels that are not entities: the document structure, and money amounts (each the
#: size of something else, see :mod:`aigraph.explore.money`).
NOT_ENTITY_LABELS = frozenset({"Report", "Slide", "Money"})


@dataclass(frozen=True, slots=True)
class RankedEntity:
    """An entity with how often the reports mention it.

    ``slides`` counts distinct slides, ``mentions`` every mention (slides and text
    outside slides), ``years`` the report years it appears in.
    """

    id: str
    name: str
    label: str
    slides: int
    mentions: int
    years: int


@dataclass(frozen=True, slots=True)
class Overview:
    """Counts over a whole graph.

    ``year_counts`` holds one ``(year, label, entities)`` triple per report year and
    entity label with at least one entity seen in that year.
    """

    nodes: int
    edges: int
    label_counts: dict[str, int]
    edge_counts: dict[str, int]
    years: list[int]
    year_counts: list[tuple[int, str, int]]
    top_organizations: list[RankedEntity]
    top_models: list[RankedEntity]

    @property
    def entity_count(self) -> int:
        """Number of entities: things the reports talk about (not reports, slides or money amounts)."""
        return sum(n for label, n in self.label_counts.items() if label not in NOT_ENTITY_LABELS)

    @property
    def amount_count(self) -> int:
        """Number of money amounts (counted with what they are about, not as entities)."""
        return self.label_counts.get("Money", 0)

    def breakdown(self) -> str:
        """Say how the graph's nodes split into entities, money amounts, slides and reports.

        Examples
        --------
        >>> Overview(10, 0, {"Model": 5, "Money": 1, "Slide": 3, "Report": 1}, {}, [], [], [], []).breakdown()
        '10 nodes in all: 5 entities, 1 money amount, 3 slides, 1 report'
        """
        parts = [(self.entity_count, "entity", "entities"), (self.amount_count, "money amount", "money amounts"),
                 (self.label_counts.get("Slide", 0), "slide", "slides"),
                 (self.label_counts.get("Report", 0), "report", "reports")]
        return f"{self.nodes:,} nodes in all: " + ", ".join(
            f"{n:,} {one if n == 1 else many}" for n, one, many in parts)


def ranked_entities(graph: nx.MultiDiGraph, label: str, *, top: int = 10) -> list[RankedEntity]:
    """Return the ``top`` entities of one label, most slides first (then mentions, then name).

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [e.name for e in ranked_entities(sample_graph(), "Organization", top=2)]
    ['DeepMind', 'OpenAI']
    """
    ranked = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != label:
            continue
        slides, mentions = set(), 0
        for _, target, key, data in graph.out_edges(node, keys=True, data=True):
            if key in MENTION_TYPES:
                mentions += int(data.get("count") or 0)
                if key == "MENTIONED_ON":
                    slides.add(target)
        name = str(attrs.get("name") or node)
        ranked.append(RankedEntity(node, name, label, len(slides), mentions, len(node_years(attrs))))
    ranked.sort(key=lambda e: (-e.slides, -e.mentions, e.name.lower(), e.id))
    return ranked[:top]


def overview(graph: nx.MultiDiGraph, *, top: int = 10) -> Overview:
    """Return the counts the overview page shows.

    Parameters
    ----------
    graph
        A graph loaded with :func:`aigraph.graph.load_graph`.
    top
        How many organisations and models to rank.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> view = overview(sample_graph())
    >>> view.label_counts["Model"], view.years
    (6, [2020, 2021, 2022])
    >>> (2021, "Organization", 4) in view.year_counts
    True
    """
    labels = Counter(str(attrs.get("label")) for _, attrs in graph.nodes(data=True))
    edge_types = Counter(str(key) for _, _, key in graph.edges(keys=True))
    per_year: Counter[tuple[int, str]] = Counter()
    for _, attrs in entities(graph):
        if attrs.get("label") in NOT_ENTITY_LABELS:
            continue
        for year in node_years(attrs):
            per_year[(year, str(attrs.get("label")))] += 1
    order = {label: i for i, label in enumerate(sort_labels(labels))}
    year_counts = sorted(
        ((year, label, n) for (year, label), n in per_year.items()),
        key=lambda t: (t[0], order.get(t[1], len(order))),
    )
    return Overview(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        label_counts={label: labels[label] for label in sort_labels(labels)},
        edge_counts=dict(sorted(edge_types.items())),
        years=report_years(graph),
        year_counts=year_counts,
        top_organizations=ranked_entities(graph, "Organization", top=top),
        top_models=ranked_entities(graph, "Model", top=top),
    )
