"""Outside facts for the explorer: what a Model page's facts box and an organisation's size chart show.

Pure functions over the graph (no Streamlit): :func:`outside_facts` gives the box of one
node (``None`` when no outside source describes it), :func:`size_points` the points of
the parameters / training compute chart of some models over report years. The facts
come from a public dataset (Epoch AI's, :mod:`aigraph.graph.outside`), never from the
reports, so they are shown apart from the reports' properties, with their credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["OutsideFacts", "format_quantity", "outside_facts", "report_properties", "size_points"]

#: Node properties that hold outside facts (kept out of the reports' property list).
OUTSIDE_KEYS = frozenset({
    "epoch_id", "date_published", "parameters", "training_compute", "domain", "paper_title", "link",
    "arxiv_id", "epoch_organizations", "epoch_countries", "facts_source",
})
#: The two measures the organisation chart plots, as (node property, axis title).
MEASURES = (("parameters", "parameters"), ("training_compute", "training compute (FLOP)"))
_URL = re.compile(r"https?://[^\s,<>\"]+")
_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


@dataclass(frozen=True, slots=True)
class OutsideFacts:
    """The facts box of one node: (label, value) rows, the paper's title and link, the source."""

    rows: tuple[tuple[str, str], ...]
    paper_title: str | None
    paper_url: str | None
    arxiv_id: str | None
    credit: str
    source_name: str | None
    source_url: str | None


def format_quantity(value: Any, unit: str = "") -> str:
    """A count as people write it (``70B``), a FLOP figure in powers of ten (``5.8e23 FLOP``).

    Examples
    --------
    >>> format_quantity(70e9), format_quantity(16340840.0), format_quantity(5.76e23, "FLOP")
    ('70B', '16.3M', '5.8e23 FLOP')
    """
    number = float(value)
    if unit:
        mantissa, exponent = f"{number:.1e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)} {unit}"
    for size, suffix in _SUFFIXES:
        if number >= size:
            return f"{number / size:.3g}{suffix}"
    return f"{number:g}"


def report_properties(properties: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of a node the reports gave it (outside facts left out)."""
    return {k: v for k, v in properties.items() if k not in OUTSIDE_KEYS}


def outside_facts(attrs: Mapping[str, Any]) -> OutsideFacts | None:
    """The facts box of a node with outside facts; ``None`` for a node without.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> box = outside_facts(sample_graph().nodes["model:muzero"])
    >>> box.rows[:2], box.arxiv_id
    ((('Published', '2019-11-19'), ('Parameters', '36.9M')), '1911.08265')
    >>> outside_facts(sample_graph().nodes["model:convnext"]) is None
    True
    """
    credit = attrs.get("facts_source")
    if not credit:
        return None
    from aigraph.graph.outside import source_of

    rows: list[tuple[str, str]] = []
    if attrs.get("date_published"):
        rows.append(("Published", str(attrs["date_published"])))
    if attrs.get("parameters") is not None:
        rows.append(("Parameters", format_quantity(attrs["parameters"])))
    if attrs.get("training_compute") is not None:
        rows.append(("Training compute", format_quantity(attrs["training_compute"], "FLOP")))
    for key, label in (("domain", "Domain"), ("epoch_organizations", "Developed by"),
                       ("epoch_countries", "Country")):
        if attrs.get(key):
            rows.append((label, ", ".join(str(v) for v in attrs[key])))
    urls = _URL.findall(str(attrs.get("link") or ""))
    source = source_of(str(credit))
    return OutsideFacts(
        rows=tuple(rows), paper_title=attrs.get("paper_title"), paper_url=urls[0] if urls else None,
        arxiv_id=attrs.get("arxiv_id"), credit=str(credit),
        source_name=source.name if source else None, source_url=source.url if source else None,
    )


def size_points(graph: nx.MultiDiGraph, model_years: Iterable[tuple[str, int]]) -> list[dict[str, Any]]:
    """Chart points: one per (model, report year, measure) with a known value.

    ``model_years`` are (model id, report year) pairs, e.g. an organisation's models by
    year; a model without outside facts gives no point.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> points = size_points(sample_graph(), [("model:muzero", 2020), ("model:convnext", 2022)])
    >>> [(p["model"], p["year"], p["measure"], p["value"]) for p in points]
    [('MuZero', 2020, 'parameters', 36864000.0), ('MuZero', 2020, 'training compute (FLOP)', 4.8e+19)]
    """
    points = []
    for model_id, year in sorted(set(model_years), key=lambda p: (p[1], p[0])):
        attrs = graph.nodes[model_id] if model_id in graph else {}
        for key, measure in MEASURES:
            value = attrs.get(key)
            if isinstance(value, (int, float)) and value > 0:
                points.append({"model": attrs.get("name", model_id), "model_id": model_id, "year": year,
                               "measure": measure, "value": float(value),
                               "published": attrs.get("date_published")})
    return points
