"""Two report years side by side: which entities are new, no longer mentioned or continuing, per label.

(``dropped`` in the records and tables: mentioned in the first year, not in the second;
the pages call it "no longer mentioned", as nothing says the thing itself ended.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.labels import entities, node_years, sort_labels

if TYPE_CHECKING:
    import networkx as nx

#: Labels left out of the comparison: metrics carry their report year in their id,
#: so each one is "new" in its year and nowhere else (as for the ``new-in`` question);
#: money amounts are the size of something else, not things of their own.
SKIPPED_LABELS = frozenset({"Metric", "Money"})


@dataclass(frozen=True, slots=True)
class Named:
    """A node id with its display name."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class LabelDiff:
    """One label's entities: in the second year only (new), the first only (dropped), both."""

    label: str
    new: tuple[Named, ...]
    dropped: tuple[Named, ...]
    continuing: tuple[Named, ...]


@dataclass(frozen=True, slots=True)
class YearDiff:
    """The comparison of report years ``first`` and ``second``, one :class:`LabelDiff` per label."""

    first: int
    second: int
    labels: tuple[LabelDiff, ...]

    def counts(self) -> list[dict[str, object]]:
        """Return one row per label: ``label, new, dropped, continuing`` (numbers)."""
        return [
            {"label": d.label, "new": len(d.new), "dropped": len(d.dropped), "continuing": len(d.continuing)}
            for d in self.labels
        ]


def year_diff(graph: nx.MultiDiGraph, first: int, second: int) -> YearDiff:
    """Compare the entities of two report years.

    An entity is *new* when it appears in ``second`` but not in ``first``, *dropped*
    when in ``first`` but not in ``second``, *continuing* when in both. Report, Slide
    and Metric nodes are left out. Either year may be the later one.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> diff = year_diff(sample_graph(), 2021, 2022)
    >>> models = {d.label: d for d in diff.labels}["Model"]
    >>> [m.name for m in models.new], [m.name for m in models.dropped], [m.name for m in models.continuing]
    (['ConvNeXt'], ['SEER'], ['AlphaFold2'])
    """
    groups: dict[str, tuple[list[Named], list[Named], list[Named]]] = {}
    for node, attrs in entities(graph):
        label = str(attrs.get("label"))
        if label in SKIPPED_LABELS:
            continue
        years = set(node_years(attrs))
        in_first, in_second = first in years, second in years
        if not (in_first or in_second):
            continue
        named = Named(node, str(attrs.get("name") or node))
        new, dropped, continuing = groups.setdefault(label, ([], [], []))
        (continuing if in_first and in_second else new if in_second else dropped).append(named)
    key = lambda n: (n.name.lower(), n.id)  # noqa: E731
    diffs = tuple(
        LabelDiff(label, *(tuple(sorted(group, key=key)) for group in groups[label]))
        for label in sort_labels(groups)
    )
    return YearDiff(int(first), int(second), diffs)
