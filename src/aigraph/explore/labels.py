"""Node labels as the explorer lists and colours them, and small look-ups shared by its views."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from aigraph import records

if TYPE_CHECKING:
    import networkx as nx

#: Labels of the document structure and of the reports' forecasts (not things the reports talk about).
STRUCTURE_LABELS = frozenset(records.STRUCTURE_LABELS)

#: Entity labels in the order the explorer lists them; unknown labels follow, sorted.
ENTITY_LABELS: tuple[str, ...] = records.ENTITY_LABELS

#: Every label in display order: entities, then the document structure.
ALL_LABELS: tuple[str, ...] = (*ENTITY_LABELS, "Slide", "Report")

#: One colour per label (graph view and charts); colour-blind friendly (Okabe-Ito based).
LABEL_COLORS: dict[str, str] = {
    "Organization": "#0072B2",
    "Model": "#D55E00",
    "Paper": "#009E73",
    "Dataset": "#CC79A7",
    "Metric": "#E69F00",
    "Person": "#56B4E9",
    "Country": "#8C6D31",
    "Software": "#7F3C8D",
    "Money": "#3B7A57",
    "Slide": "#9A9A9A",
    "Report": "#4D4D4D",
}

#: Colour of a label not in :data:`LABEL_COLORS`.
OTHER_COLOR = "#666666"

#: Edge types that place an entity in the documents rather than relate two things.
MENTION_TYPES = frozenset({"MENTIONED_ON", "MENTIONED_IN"})


def label_sort_key(label: str) -> tuple[int, str]:
    """Return a key that sorts labels in display order (known ones first).

    Examples
    --------
    >>> sorted(["Slide", "Zebra", "Model", "Organization"], key=label_sort_key)
    ['Organization', 'Model', 'Slide', 'Zebra']
    """
    try:
        return (ALL_LABELS.index(label), "")
    except ValueError:
        return (len(ALL_LABELS), label)


def sort_labels(labels: Iterable[str]) -> list[str]:
    """Return distinct labels in display order."""
    return sorted(set(labels), key=label_sort_key)


def color_of(label: str) -> str:
    """Return the display colour of a label."""
    return LABEL_COLORS.get(label, OTHER_COLOR)


def is_entity(attrs: dict[str, Any]) -> bool:
    """Return true for a node that is a thing the reports talk about (not a Report or Slide)."""
    return attrs.get("label") not in STRUCTURE_LABELS


def entities(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(id, attrs)`` of every entity node, in graph order."""
    for node, attrs in graph.nodes(data=True):
        if is_entity(attrs):
            yield node, attrs


def node_name(graph: nx.MultiDiGraph, node: str) -> str:
    """Return a node's display name (its ``name``, else its id)."""
    return str(graph.nodes[node].get("name") or node)


def node_years(attrs: dict[str, Any]) -> list[int]:
    """Return the report years of a node as a sorted list of ints (``years``, else ``year``)."""
    years = attrs.get("years")
    if years is None and attrs.get("year") is not None:
        years = [attrs["year"]]
    return sorted({int(y) for y in years or () if y is not None})


def report_years(graph: nx.MultiDiGraph) -> list[int]:
    """Return the years of the reports in the graph, ascending.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> report_years(sample_graph())
    [2020, 2021, 2022]
    """
    years = {
        int(attrs["year"])
        for _, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Report" and attrs.get("year") is not None
    }
    return sorted(years)


def present_labels(graph: nx.MultiDiGraph) -> list[str]:
    """Return the labels present in the graph, in display order."""
    return sort_labels(str(attrs.get("label")) for _, attrs in graph.nodes(data=True))
