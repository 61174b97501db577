"""Outside facts on graph nodes: Epoch AI's records for the Model nodes they describe.

:func:`link_epoch` adds the facts as node properties and returns what it decided,
so the build can log ambiguous names with their candidates: :func:`add_outside_facts`
is what the build calls (its summary goes into ``manifest.json`` as ``outside``, its
lines into :data:`OUTSIDE_LOG`). The facts stay apart
from what the reports said: they carry ``facts_source`` and never touch the
mentions, slides or evidence of a node.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class OutsideSource:
    """A public dataset outside facts come from: what stores say about it (RDF: a ``prov:Entity``)."""

    id: str
    name: str
    url: str
    licence: str
    licence_url: str
    credit: str


def source_of(credit: str) -> OutsideSource | None:
    """The dataset a node's ``facts_source`` (its credit line) names; ``None`` for an unknown one.

    Examples
    --------
    >>> source_of('Data: Epoch AI, "Data on Notable AI Models" (CC BY 4.0)').id
    'source:epoch-notable-ai-models'
    """
    from aigraph.knowledge import epoch

    if credit == epoch.CREDIT:
        return OutsideSource("source:epoch-notable-ai-models", epoch.SOURCE_NAME, epoch.SOURCE_URL,
                             epoch.LICENCE, epoch.LICENCE_URL, epoch.CREDIT)
    return None


#: The build's log of linking decisions, one JSON line per Model node, beside ``merge_log.jsonl``.
OUTSIDE_LOG = "outside_log.jsonl"


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


def outside_log(graph: nx.MultiDiGraph, report: LinkReport, records: Sequence[EpochModel]) -> list[dict]:
    """One log line per Model node: linked (to which record, how), ambiguous (candidates) or unmatched."""
    names = {r.id: r.name for r in records}
    lines: list[dict] = []
    for link in report.links:
        lines.append({"node": link.key, "name": graph.nodes[link.key].get("name"), "decision": "linked",
                      "epoch_id": link.epoch_id, "epoch_name": names.get(link.epoch_id), "how": link.how})
    for key, candidates in report.ambiguous.items():
        lines.append({"node": key, "name": graph.nodes[key].get("name"), "decision": "ambiguous",
                      "candidates": list(candidates)})
    for key in report.unmatched:
        lines.append({"node": key, "name": graph.nodes[key].get("name"), "decision": "unmatched"})
    return sorted(lines, key=lambda line: line["node"])


def add_outside_facts(graph: nx.MultiDiGraph, knowledge: Knowledge | None = None,
                      records: Sequence[EpochModel] | None = None) -> tuple[dict, list[dict]]:
    """Link the graph's models to Epoch AI's records (the package's own by default), in place.

    Returns
    -------
    (summary, log)
        ``summary`` is the build manifest's ``outside`` entry: the source, its credit
        and licence, how many records and models, how many linked, ambiguous (with
        their candidates) and unmatched; ``log`` has one line per Model node
        (:func:`outside_log`).

    Examples
    --------
    >>> import networkx as nx
    >>> from aigraph.knowledge.epoch import EpochModel
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:muzero", label="Model", name="MuZero", years=[2020])
    >>> summary, log = add_outside_facts(g, records=[EpochModel(id="muzero", name="MuZero")])
    >>> summary["linked"], log[0]["decision"], g.nodes["model:muzero"]["epoch_id"]
    (1, 'linked', 'muzero')
    """
    from aigraph.knowledge.epoch import CREDIT, LICENCE, SOURCE_NAME, SOURCE_URL, load_epoch

    records = load_epoch() if records is None else records
    report = link_epoch(graph, records, knowledge=knowledge, credit=CREDIT)
    accessed = sorted({r.accessed for r in records if r.accessed})
    summary = {
        "source": SOURCE_NAME, "url": SOURCE_URL, "licence": LICENCE, "credit": CREDIT,
        "accessed": accessed[-1] if accessed else None, "records": len(records),
        "models": len(report.links) + len(report.ambiguous) + len(report.unmatched),
        "linked": len(report.links), "unmatched": len(report.unmatched),
        "ambiguous": {key: list(names) for key, names in sorted(report.ambiguous.items())},
    }
    return summary, outside_log(graph, report, records)


def sample_epoch_records() -> list[EpochModel]:
    """Epoch AI's facts on the models of :func:`aigraph.graph.sample.sample_graph` (a small slice)."""
    from aigraph.knowledge.epoch import EpochModel

    deepmind = {"organizations": ("DeepMind",), "countries": ("United Kingdom of Great Britain and Northern Ireland",)}
    return [
        EpochModel(id="muzero", name="MuZero", date_published="2019-11-19", domain=("Games",),
                   parameters=36864000.0, training_compute=4.8e19, link="https://arxiv.org/abs/1911.08265v2",
                   arxiv_id="1911.08265", paper_title="Mastering Atari Go Chess and Shogi by Planning with a Learned Model",
                   **deepmind),
        EpochModel(id="alphafold", name="AlphaFold", date_published="2020-01-15", domain=("Biology",),
                   parameters=16340840.0, training_compute=1e20,
                   link="https://www.nature.com/articles/s41586-019-1923-7",
                   paper_title="Improved protein structure prediction using potentials from deep learning", **deepmind),
        EpochModel(id="alphafold-2", name="AlphaFold 2", date_published="2020-11-30", domain=("Biology",),
                   parameters=93000000.0, training_compute=2.99e21,
                   link="https://www.nature.com/articles/s41586-021-03819-2",
                   paper_title="Highly accurate protein structure prediction with AlphaFold", **deepmind),
        EpochModel(id="gpt-3-175b-davinci", name="GPT-3 175B (davinci)", organizations=("OpenAI",),
                   date_published="2020-05-28", domain=("Language",), parameters=174600000000.0,
                   training_compute=3.14e23, link="https://arxiv.org/abs/2005.14165", arxiv_id="2005.14165",
                   paper_title="Language Models are Few-Shot Learners", countries=("United States of America",)),
        EpochModel(id="seer", name="SEER", organizations=("Facebook AI Research", "INRIA"),
                   date_published="2021-07-29", domain=("Vision",), parameters=1300000000.0,
                   training_compute=1.8e22, link="https://arxiv.org/abs/2103.01988", arxiv_id="2103.01988",
                   paper_title="Self-supervised Pretraining of Visual Features in the Wild",
                   countries=("United States of America", "France")),
    ]
