"""What the explorer shows of predictions: each report year's, their grades, the hit rate.

Pure functions over the built graph (Prediction and Outcome nodes, ``PREDICTS`` /
``ABOUT`` / ``GRADES`` edges; see ``docs/graph-model.md``). The Predictions page and the
entity page render these records; the counts are those of the ``hit-rate`` question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

#: Colour of each grade (and of a prediction not graded), colour-blind friendly.
GRADE_COLORS: dict[str, str] = {"yes": "#009E73", "partly": "#E69F00", "no": "#D55E00", "ungraded": "#9A9A9A"}

#: How each grade reads on the page.
GRADE_TEXT: dict[str, str] = {"yes": "Yes", "partly": "Partly", "no": "No", "ungraded": "Not graded"}


@dataclass(frozen=True, slots=True)
class Named:
    """An entity a prediction names."""

    id: str
    name: str
    label: str


@dataclass(frozen=True, slots=True)
class PredictionCard:
    """One prediction with what the page shows of it and of its grade."""

    id: str
    year: int | None
    number: int | None
    slide: int | None
    text: str
    entities: tuple[Named, ...]
    #: ``"yes"``, ``"partly"``, ``"no"`` or ``"ungraded"``.
    grade: str
    evidence: str | None = None
    #: The grading report's year and slide, and the claim as it restated it.
    graded_in: int | None = None
    graded_slide: int | None = None
    claim: str | None = None

    @property
    def color(self) -> str:
        return GRADE_COLORS[self.grade]


def _card(graph: nx.MultiDiGraph, node: str) -> PredictionCard:
    attrs = graph.nodes[node]
    named = sorted(
        (Named(v, str(graph.nodes[v].get("name", v)), str(graph.nodes[v].get("label", "")))
         for _, v, k in graph.out_edges(node, keys=True) if k == "ABOUT"),
        key=lambda n: (n.label, n.name.lower()),
    )
    graders = sorted(u for u, _, k in graph.in_edges(node, keys=True) if k == "GRADES")
    outcome: dict[str, Any] = graph.nodes[graders[0]] if graders else {}
    return PredictionCard(
        id=node, year=attrs.get("year"), number=attrs.get("number"), slide=attrs.get("slide"),
        text=str(attrs.get("text") or attrs.get("name") or node), entities=tuple(named),
        grade=str(outcome.get("grade") or "ungraded"), evidence=outcome.get("evidence"),
        graded_in=outcome.get("year"), graded_slide=outcome.get("slide"), claim=outcome.get("text"),
    )


def _order(card: PredictionCard) -> tuple:
    return (card.year is None, card.year or 0, card.number or 0, card.id)


def prediction_cards(graph: nx.MultiDiGraph, year: int | None = None) -> list[PredictionCard]:
    """Every prediction (of one report year when ``year`` is given), by year and number.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(c.number, c.grade, [n.name for n in c.entities]) for c in prediction_cards(sample_graph(), 2021)]
    [(1, 'yes', ['DeepMind']), (2, 'ungraded', ['OpenAI'])]
    """
    cards = [
        _card(graph, node) for node, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Prediction" and (year is None or attrs.get("year") == year)
    ]
    return sorted(cards, key=_order)


def prediction_years(graph: nx.MultiDiGraph) -> list[int]:
    """The report years that made predictions, ascending."""
    return sorted({int(a["year"]) for _, a in graph.nodes(data=True)
                   if a.get("label") == "Prediction" and a.get("year") is not None})


def predictions_naming(graph: nx.MultiDiGraph, node: str) -> list[PredictionCard]:
    """The predictions that name an entity (an ``ABOUT`` edge to it), by year and number.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [c.id for c in predictions_naming(sample_graph(), "org:openai")]
    ['prediction:2021:2']
    """
    if node not in graph:
        return []
    sources = {u for u, _, k in graph.in_edges(node, keys=True)
               if k == "ABOUT" and graph.nodes[u].get("label") == "Prediction"}
    return sorted((_card(graph, u) for u in sources), key=_order)


def hit_rate_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Per report year: how many predictions were graded yes / partly / no / not at all.

    The rows of the ``hit-rate`` question without the total row, plus ``graded`` and
    ``hit_rate`` (yes as a share of the graded ones; ``None`` when none was graded).

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(r["year"], r["yes"], r["ungraded"], r["hit_rate"]) for r in hit_rate_rows(sample_graph())]
    [(2021, 1, 1, 1.0)]
    """
    from aigraph.questions import answer

    rows = []
    for row in answer(graph, "hit-rate", None):
        if row["year"] is None:
            continue
        graded = row["yes"] + row["partly"] + row["no"]
        rows.append({**row, "graded": graded, "hit_rate": round(row["yes"] / graded, 3) if graded else None})
    return rows


def hit_rate_long(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The hit-rate rows as one row per (year, grade) with a count, for a stacked chart."""
    return [{"year": str(r["year"]), "grade": GRADE_TEXT[g], "predictions": r[g], "order": i}
            for r in rows for i, g in enumerate(("yes", "partly", "no", "ungraded"))]


__all__ = [
    "GRADE_COLORS",
    "GRADE_TEXT",
    "Named",
    "PredictionCard",
    "hit_rate_long",
    "hit_rate_rows",
    "prediction_cards",
    "prediction_years",
    "predictions_naming",
]
