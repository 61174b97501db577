"""How the graph view draws a neighbourhood: Cytoscape.js styles, and the legend that explains them.

The drawing must be readable at first sight: the focus and its neighbours carry their
names at the default zoom (farther nodes show theirs when zoomed in), each node label
has its colour, each relation type its own line (colour, dash, width), and an edge's
caption shows only when the edge or one of its nodes is selected, so captions never
cover the names. :func:`cytoscape_styles` returns the style rules (later rules win);
:func:`legend_markdown` the legend drawn next to the view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aigraph.explore.labels import color_of, sort_labels


@dataclass(frozen=True, slots=True)
class EdgeLook:
    """How one relation type is drawn."""

    color: str
    line: str  # Cytoscape line-style: solid, dashed, dotted
    width: float
    arrow: str  # Cytoscape arrow shape at the target


#: One look per relation type; types not listed get :data:`OTHER_EDGE`.
EDGE_LOOKS: dict[str, EdgeLook] = {
    "DEVELOPED": EdgeLook("#0072B2", "solid", 2.4, "triangle"),
    "PART_OF": EdgeLook("#4D4D4D", "dashed", 2.0, "triangle-tee"),
    "ACHIEVES": EdgeLook("#D55E00", "solid", 1.6, "vee"),
    "MEASURED_ON": EdgeLook("#CC79A7", "dashed", 1.6, "vee"),
    "INTRODUCES": EdgeLook("#009E73", "solid", 1.6, "chevron"),
    "MENTIONED_ON": EdgeLook("#B0B0B0", "dotted", 1.2, "none"),
    "MENTIONED_IN": EdgeLook("#B0B0B0", "dotted", 1.2, "none"),
    "IN_REPORT": EdgeLook("#B0B0B0", "dotted", 1.0, "none"),
}
OTHER_EDGE = EdgeLook("#7F7F7F", "solid", 1.4, "triangle")

#: Caption size of the focus and its neighbours, in graph units (nodes are 20 across).
NEAR_FONT = 10
#: Caption size of farther nodes; shown only once zoomed in far enough to read.
FAR_FONT = 6

_DASH = {"solid": "\u2500\u2500\u2500", "dashed": "\u2576 \u2576 \u2576", "dotted": "\u00b7 \u00b7 \u00b7 \u00b7"}


def edge_look(edge_type: str) -> EdgeLook:
    """Return how a relation type is drawn."""
    return EDGE_LOOKS.get(edge_type, OTHER_EDGE)


def cytoscape_styles(labels: Iterable[str], edge_types: Iterable[str]) -> list[dict[str, object]]:
    """Return the Cytoscape.js style rules of the graph view (applied after the component's own).

    Examples
    --------
    >>> rules = cytoscape_styles(["Model"], ["PART_OF"])
    >>> next(r for r in rules if r["selector"] == "edge[label='PART_OF']")["style"]["line-style"]
    'dashed'
    >>> [r["style"]["label"] for r in rules if r["selector"].startswith("edge:selected")]
    ['data(label)']
    """
    rules: list[dict[str, object]] = [
        {"selector": "node", "style": {
            "label": "data(name)", "font-size": FAR_FONT, "min-zoomed-font-size": 9, "text-wrap": "ellipsis",
            "text-max-width": 110, "text-valign": "bottom", "text-margin-y": 3, "color": "#1A1A1A",
            "text-background-color": "#FFFFFF", "text-background-opacity": 0.85,
            "text-background-padding": 1, "text-background-shape": "round-rectangle", "border-width": 1.2,
            "border-color": "#FFFFFF"}},
        {"selector": "node[distance <= 1]", "style": {"font-size": NEAR_FONT, "min-zoomed-font-size": 0}},
        {"selector": "node[focus = 1]", "style": {
            "width": 34, "height": 34, "font-size": NEAR_FONT + 3, "font-weight": "bold",
            "border-width": 3, "border-color": "#1A1A1A"}},
    ]
    for label in sort_labels(labels):
        rules.append({"selector": f"node[label='{label}']", "style": {"background-color": color_of(label)}})
    rules.append({"selector": "edge", "style": {"label": "", "curve-style": "bezier", "arrow-scale": 0.8,
                                                "opacity": 0.85}})
    for edge_type in sorted(set(edge_types)):
        look = edge_look(edge_type)
        rules.append({"selector": f"edge[label='{edge_type}']", "style": {
            "line-color": look.color, "target-arrow-color": look.color, "target-arrow-shape": look.arrow,
            "line-style": look.line, "width": look.width, "text-background-color": look.color}})
    # Captions of edges only for the selected edge, or the edges of a selected node.
    rules.append({"selector": "edge:selected, edge.highlight", "style": {
        "label": "data(label)", "font-size": 6, "min-zoomed-font-size": 0, "color": "#FFFFFF",
        "text-background-opacity": 1, "text-background-padding": 1.5, "opacity": 1}})
    return rules


def legend_markdown(labels: Iterable[str], edge_types: Iterable[str]) -> str:
    """Return the legend of the graph view as Streamlit Markdown: a coloured dot per node
    label, a line sample per relation type.

    Examples
    --------
    >>> print(legend_markdown(["Model"], ["PART_OF"]))
    <span style="color:#D55E00">\u25cf</span> Model &emsp; <span style="color:#4D4D4D">\u2576 \u2576 \u2576\u25b6</span> PART\\_OF
    """
    nodes = [f'<span style="color:{color_of(label)}">\u25cf</span> {label}' for label in sort_labels(labels)]
    edges = []
    for edge_type in sorted(set(edge_types)):
        look = edge_look(edge_type)
        arrow = "" if look.arrow == "none" else "\u25b6"
        edges.append(f'<span style="color:{look.color}">{_DASH.get(look.line, _DASH["solid"])}{arrow}</span> '
                     + edge_type.replace("_", "\\_"))
    return " &emsp; ".join(nodes + edges)
