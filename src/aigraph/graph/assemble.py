"""Records -> graph: the pure heart of the build.

:func:`graph_from_extractions` turns :class:`~aigraph.records.Extraction` records into
the networkx ``MultiDiGraph`` described in ``docs/graph-model.md``. No file is read or
written here; :mod:`aigraph.build.pipeline` does the I/O around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aigraph.graph.evidence import evidence_dict, evidence_item, evidence_sort_key
from aigraph.graph.identity import Context, Resolver, id_prefix, report_key
from aigraph.keys import surface_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx

    from aigraph.knowledge import Knowledge
    from aigraph.records import Document, Entity, Extraction, Mention, Relation

_ENTITY_PROPS = {"kind": "kind", "value": "value", "unit": "unit", "measure": "measure"}


@dataclass(slots=True)
class _EdgeAcc:
    count: int = 0
    evidence: set[tuple] = field(default_factory=set)
    curated: bool = True


class _Assembler:
    def __init__(self, knowledge: Knowledge | None) -> None:
        self.knowledge = knowledge
        self.resolver = Resolver(knowledge)
        self.props: dict[str, dict[str, object]] = {}
        self.years: dict[str, set[int]] = {}
        self.sources: dict[str, set[str]] = {}
        self.edges: dict[tuple[str, str, str], _EdgeAcc] = {}
        self._sections: dict[int, str] = {}  # slide number -> section, of the current document
        self.forecast_counts: dict[str, int] = {}  # report key -> predictions so far (graph.forecasts)
        # One object per distinct sentence, source, extractor and confidence: a sentence
        # is repeated in the evidence of every entity it names (ten times over, in a
        # large build), and each cached extraction reads back strings of its own.
        self._shared: dict[object, object] = {}

    # -- nodes -------------------------------------------------------------------
    def _node(self, node_id: str, label: str, year: int | None) -> dict[str, object]:
        props = self.props.setdefault(node_id, {"label": label})
        years = self.years.setdefault(node_id, set())
        if year is not None:
            years.add(year)
        return props

    def _report(self, doc: Document, key: str) -> str:
        node_id = f"report:{key}"
        props = self._node(node_id, "Report", doc.year)
        self.sources.setdefault(node_id, set()).add(doc.source)
        if "source" not in props or doc.source < str(props["source"]):
            props.update(source=doc.source, sha256=doc.sha256)
        props.setdefault("name", doc.title or f"Report {key}")
        _set_once(props, "title", doc.title)
        _set_once(props, "year", doc.year)
        return node_id

    def _slide(self, doc: Document, key: str, number: int) -> str:
        node_id = f"slide:{key}:{number}"
        node_id = self._shared.setdefault(node_id, node_id)  # type: ignore[assignment]
        props = self._node(node_id, "Slide", doc.year)
        props.setdefault("name", f"Slide {number} ({key})")
        props.setdefault("number", number)
        _set_once(props, "year", doc.year)
        _set_once(props, "section", self._sections.get(number))
        _set_once(props, "title", doc.slide_titles.get(number))
        return node_id

    # -- edges -------------------------------------------------------------------
    def _edge(self, u: str, v: str, kind: str, item: tuple, *, curated: bool, count: int = 1) -> None:
        acc = self.edges.setdefault((u, v, kind), _EdgeAcc())
        acc.count += count
        acc.evidence.add(self._compact(item))
        acc.curated = acc.curated and curated

    def _compact(self, item: tuple) -> tuple:
        """Return an evidence item whose strings and confidence are the shared objects."""
        shared = self._shared
        year, slide, source, start, end, sentence, extractor, confidence = item
        # Keyed with the type, so that 1.0 and 1 stay what they were.
        key = (type(confidence), confidence)
        return (
            year, slide, shared.setdefault(source, source), start, end,
            shared.setdefault(sentence, sentence), shared.setdefault(extractor, extractor),
            shared.setdefault(key, (confidence,))[0],  # type: ignore[index]
        )

    # -- documents ---------------------------------------------------------------
    def add(self, extraction: Extraction) -> None:
        doc = extraction.document
        key = report_key(doc)
        report = self._report(doc, key)
        spans: dict[int, tuple[int, int]] = {}
        sections: dict[int, str] = {}
        for block in doc.blocks:
            for number in block.slides:
                start, end = spans.get(number, (block.start, block.end))
                spans[number] = (min(start, block.start), max(end, block.end))
                if block.section:
                    sections.setdefault(number, block.section)
        self._sections = sections
        for number, (start, end) in sorted(spans.items()):
            slide = self._slide(doc, key, number)
            item = evidence_item(
                doc.year, number, doc.source, start, end,
                doc.slide_titles.get(number) or "", "ingest", 1.0,
            )
            self._edge(slide, report, "IN_REPORT", item, curated=False, count=0)
        context = Context(doc.source, doc.year, key)
        names: dict[tuple[str, str], str] = {}
        for entity in sorted(extraction.entities, key=lambda e: (e.label, e.name)):
            node_id = self._entity(entity, context)
            for form in (entity.name, *entity.aliases):
                names.setdefault((entity.label, surface_key(form) or form), node_id)
            for mention in entity.mentions:
                self._mention(doc, key, report, node_id, mention, entity)
        for relation in extraction.relations:
            self._relation(doc, context, names, relation)
        if extraction.predictions:
            from aigraph.graph.forecasts import add_forecasts

            add_forecasts(self, extraction, key, report, names)

    def _entity(self, entity: Entity, context: Context) -> str:
        curated_id = entity.attrs.get("curated_id")
        node_id = self.resolver.resolve(
            entity.label,
            entity.name,
            entity.aliases,
            curated_id if isinstance(curated_id, str) else None,
            context,
        )
        identity = self.resolver.nodes[node_id]
        props = self._node(node_id, identity.label, context.year)
        props["name"] = identity.name
        for attr, prop in _ENTITY_PROPS.items():
            _set_once(props, prop, entity.attrs.get(attr))
        if entity.label == "METRIC":
            _set_once(props, "year", context.year)
            text = entity.mentions[0].text if entity.mentions else entity.name
            _set_once(props, "text", text)
            props["value"] = _as_float(props.get("value"))
        if identity.curated_id and entity.label == "ORG" and self.knowledge is not None:
            known = self.knowledge.get(identity.curated_id, "ORG")
            _set_once(props, "kind", known.kind if known else None)
        return node_id

    def _mention(
        self, doc: Document, key: str, report: str, node_id: str, mention: Mention, entity: Entity
    ) -> None:
        if mention.sentence_end > mention.sentence_start:
            start, end = mention.sentence_start, mention.sentence_end
        else:
            start, end = mention.start, mention.end
        sentence = doc.text[start:end]
        confidence = _as_float(entity.attrs.get("confidence", 1.0))
        confidence = 1.0 if confidence is None else confidence
        extractor = mention.extractor or "unknown"
        if not mention.slides:
            item = evidence_item(doc.year, None, doc.source, start, end, sentence, extractor, confidence)
            self._edge(node_id, report, "MENTIONED_IN", item, curated=False)
            return
        for number in mention.slides:
            slide = self._slide(doc, key, number)
            item = evidence_item(doc.year, number, doc.source, start, end, sentence, extractor, confidence)
            self._edge(node_id, slide, "MENTIONED_ON", item, curated=False)

    def _relation(
        self,
        doc: Document,
        context: Context,
        names: dict[tuple[str, str], str],
        relation: Relation,
    ) -> None:
        ends = []
        for name, label in ((relation.head, relation.head_label), (relation.tail, relation.tail_label)):
            node_id = names.get((label, surface_key(name) or name))
            if node_id is None:
                node_id = self.resolver.resolve(label, name, (), None, context)
                props = self._node(node_id, self.resolver.nodes[node_id].label, context.year)
                props.setdefault("name", self.resolver.nodes[node_id].name)
                if label == "METRIC":
                    _set_once(props, "year", context.year)
                names[label, surface_key(name) or name] = node_id
            ends.append(node_id)
        head, tail = ends
        if head == tail:
            return
        items = [
            evidence_item(
                doc.year, ev.slide, doc.source, ev.start, ev.end,
                ev.sentence, ev.extractor, ev.confidence,
            )
            for ev in relation.evidence
        ] or [
            evidence_item(
                doc.year, None, doc.source, 0, 0, "",
                "knowledge" if relation.curated else "unknown",
                1.0 if relation.curated else 0.0,
            )
        ]
        for item in items:
            self._edge(head, tail, relation.type, item, curated=relation.curated, count=0)

    # -- curated facts -----------------------------------------------------------
    def add_curated_hierarchy(self) -> None:
        """Add PART_OF edges from each curated organisation to its curated ancestors."""
        if self.knowledge is None:
            return
        orgs = sorted(
            (i.id, i.curated_id)
            for i in self.resolver.nodes.values()
            if i.label == "Organization" and i.curated_id
        )
        item = evidence_item(None, None, "knowledge", 0, 0, "", "knowledge", 1.0)
        for node_id, curated_id in orgs:
            child = node_id
            for parent in self.knowledge.ancestors_of(curated_id):
                parent_id = self.resolver.curated_node(parent)
                props = self._node(parent_id, "Organization", None)
                props.setdefault("name", parent.name)
                _set_once(props, "kind", parent.kind)
                if (child, parent_id, "PART_OF") in self.edges:
                    break  # the rest of the chain is already there
                self._edge(child, parent_id, "PART_OF", item, curated=True, count=0)
                child = parent_id

    # -- output ------------------------------------------------------------------
    def finish(self) -> nx.MultiDiGraph:
        import networkx as nx

        graph = nx.MultiDiGraph()
        for node_id in sorted(self.props):
            props = dict(self.props[node_id])
            props["years"] = sorted(self.years.get(node_id, ()))
            identity = self.resolver.nodes.get(node_id)
            if identity is not None:
                props["aliases"] = sorted(identity.surfaces - {identity.name})
            if node_id in self.sources:
                props["sources"] = sorted(self.sources[node_id])
            graph.add_node(node_id, **{k: props[k] for k in sorted(props) if props[k] is not None})
        self._shared.clear()
        # Each edge's items are dropped as its dicts are made, so the two never add up.
        for (u, v, kind) in sorted(self.edges):
            acc = self.edges.pop((u, v, kind))
            evidence = sorted(acc.evidence, key=evidence_sort_key)
            del acc.evidence
            count = acc.count if kind in ("MENTIONED_ON", "MENTIONED_IN") else len(evidence)
            graph.add_edge(
                u, v, key=kind,
                count=count,
                curated=acc.curated,
                evidence=[evidence_dict(item) for item in evidence],
                type=kind,
            )
        return graph


def _set_once(props: dict[str, object], key: str, value: object) -> None:
    if value is not None and value != "" and props.get(key) is None:
        props[key] = value


def _as_float(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _document_order(extraction: Extraction) -> tuple:
    doc = extraction.document
    return (doc.year is None, doc.year or 0, doc.source)


def graph_from_extractions(
    extractions: Iterable[Extraction], knowledge: Knowledge | None = None
) -> tuple[nx.MultiDiGraph, list[dict[str, object]]]:
    """Build the knowledge graph from extraction records.

    Parameters
    ----------
    extractions
        One record per input document, in any order (they are processed in
        (year, source) order so the result does not depend on it).
    knowledge
        Curated knowledge for identity (curated names and aliases) and for
        ``PART_OF`` edges; ``None`` resolves by names only and adds no curated facts.

    Returns
    -------
    (graph, merge_log)
        The ``MultiDiGraph`` with nodes and edges inserted in sorted order, and the
        merge log: one dict per entity per document saying which node it joined and why.

    Examples
    --------
    >>> from aigraph.records import Block, Document, Entity, Extraction, Mention
    >>> text = "DeepMind built AlphaFold."
    >>> doc = Document("soai-2021.md", text, (Block(0, len(text), "slide", (5,)),), year=2021)
    >>> org = Entity("ORG", "DeepMind", mentions=[Mention("DeepMind", "ORG", 0, 8, (5,))])
    >>> graph, log = graph_from_extractions([Extraction(doc, [org], [])])
    >>> sorted(graph.nodes)
    ['org:deepmind', 'report:2021', 'slide:2021:5']
    >>> graph.edges["org:deepmind", "slide:2021:5", "MENTIONED_ON"]["count"]
    1
    """
    from aigraph.graph.forecasts import add_grades, link_grades

    assembler = _Assembler(knowledge)
    ordered = sorted(extractions, key=_document_order)
    for extraction in ordered:
        assembler.add(extraction)
    assembler.add_curated_hierarchy()
    add_grades(assembler, link_grades(ordered))
    return assembler.finish(), assembler.resolver.sorted_log()


__all__ = ["graph_from_extractions"]
