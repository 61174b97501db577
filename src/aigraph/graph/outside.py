"""Outside facts on graph nodes: Epoch AI's records for the Model nodes they describe.

:func:`link_epoch` adds the facts as node properties and returns what it decided,
so the build can log ambiguous names with their candidates. The facts stay apart
from what the reports said: they carry ``facts_source`` and never touch the
mentions, slides or evidence of a node.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigraph.knowledge.linking import LinkReport, ModelRef, link_models

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.knowledge import Knowledge
    from aigraph.knowledge.epoch import EpochModel

#: Node property -> the Epoch record's field it is copied from (the order properties are set in).
EPOCH_PROPERTIES = {
    "epoch_id": "id",
    "date_published": "date_published",
    "parameters": "parameters",
    "training_compute": "training_compute",
    "domain": "domain",
    "paper_title": "paper_title",
    "link": "link",
    "arxiv_id": "arxiv_id",
    "epoch_organizations": "organizations",
    "epoch_countries": "countries",
}
#: Every node property an outside source may set, for stores and exports to declare.
OUTSIDE_PROPERTIES = (*EPOCH_PROPERTIES, "facts_source")


def model_refs(graph: nx.MultiDiGraph, knowledge: Knowledge | None = None) -> list[ModelRef]:
    """The graph's Model nodes with their developers (edges, else curated) and first report year."""
    refs = []
    for key, node in graph.nodes(data=True):
        if node.get("label") != "Model":
            continue
        developers = [graph.nodes[org].get("name") for org, _, etype in graph.in_edges(key, keys=True)
                      if etype == "DEVELOPED"]
        if not developers and knowledge is not None:
            curated = knowledge.get(key.split(":", 1)[-1], "MODEL")
            developers = [d.name for d in knowledge.developers_of(curated.id)] if curated else []
        years = node.get("years") or []
        refs.append(ModelRef(key, node.get("name", ""), tuple(node.get("aliases") or ()),
                             tuple(d for d in developers if d), min(years) if years else None))
    return refs


def link_epoch(graph: nx.MultiDiGraph, records: Sequence[EpochModel], *,
               knowledge: Knowledge | None = None, credit: str) -> LinkReport:
    """Link Model nodes to Epoch records and copy the facts onto the linked nodes (in place)."""
    report = link_models(model_refs(graph, knowledge), records, knowledge=knowledge)
    by_id = {r.id: r for r in records}
    for link in report.links:
        node = graph.nodes[link.key]
        record = by_id[link.epoch_id]
        for prop, attr in EPOCH_PROPERTIES.items():
            value = getattr(record, attr)
            if value not in (None, (), ""):
                node[prop] = list(value) if isinstance(value, tuple) else value
        node["facts_source"] = credit
    return report
