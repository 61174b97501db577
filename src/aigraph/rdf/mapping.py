"""networkx graph -> RDF triples (pure; no rdflib graph, no file).

:func:`generate_triples` walks a graph built to ``docs/graph-model.md`` and yields plain
``(subject, predicate, object)`` tuples: subjects and predicates are IRI strings, an object
is an :class:`IRI` for a resource and a Python value (``str``, ``int``, ``float``,
``bool``) for a literal. The Turtle writer and :func:`aigraph.rdf.graph_to_rdf` turn these
into terms of their own library.

The mapping (see the "RDF" part of ``docs/graph-model.md``):

- a node ``org:deepmind`` is ``kg:org:deepmind``, typed ``aig:<label>`` (and a schema.org
  class where one fits), with ``schema:name``, ``schema:alternateName``,
  ``schema:identifier`` and ``aig:key`` (lower-cased name and aliases);
- an edge is a direct triple (``aig:developed``, ``schema:isPartOf``, ...) plus one resource
  ``kg:<u>/<type>/<v>`` (an ``aig:Mention`` for MENTIONED_ON / MENTIONED_IN, an
  ``aig:Assertion`` otherwise) with ``rdf:subject/predicate/object``, ``aig:count``,
  ``aig:curated`` and ``prov:wasDerivedFrom`` its evidence;
- an evidence item is ``kg:<u>/<type>/<v>/evidence/<n>`` (an ``aig:Evidence``), attributed
  to its extractor ``kg:extractor:<name>`` (a ``prov:SoftwareAgent``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from rdflib.namespace import RDF

from aigraph.keys import name_keys
from aigraph.rdf.vocab import AIG, PROV, RESOURCE_IRI, SCHEMA

if TYPE_CHECKING:
    import networkx as nx


class IRI(str):
    """An IRI in object position (a plain ``str`` object is a literal)."""

    __slots__ = ()


class DateLiteral(str):
    """A date in object position: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by its form."""

    __slots__ = ()


Triple = tuple[str, str, Any]

_TYPE = str(RDF.type)

#: Node label -> the classes its nodes get.
NODE_CLASSES: dict[str, tuple[IRI, ...]] = {
    "Report": (IRI(AIG.Report), IRI(SCHEMA.Report)),
    "Slide": (IRI(AIG.Slide),),
    "Organization": (IRI(AIG.Organization), IRI(SCHEMA.Organization)),
    "Model": (IRI(AIG.Model),),
    "Paper": (IRI(AIG.Paper), IRI(SCHEMA.ScholarlyArticle)),
    "Dataset": (IRI(AIG.Dataset), IRI(SCHEMA.Dataset)),
    "Metric": (IRI(AIG.Metric),),
    "Person": (IRI(AIG.Person), IRI(SCHEMA.Person)),
    "Country": (IRI(AIG.Country), IRI(SCHEMA.Country)),
    "Software": (IRI(AIG.Software), IRI(SCHEMA.SoftwareApplication)),
    "Money": (IRI(AIG.Money), IRI(SCHEMA.MonetaryAmount)),
    "Prediction": (IRI(AIG.Prediction),),
    "Outcome": (IRI(AIG.Outcome),),
}

#: Node property -> predicate. A list value gives one triple per element; ``None`` none.
NODE_PROPERTIES: dict[str, str] = {
    "name": str(SCHEMA.name),
    "aliases": str(SCHEMA.alternateName),
    "label": str(AIG.label),
    "years": str(AIG.seenInYear),
    "year": str(AIG.year),
    "title": str(AIG.title),
    "source": str(AIG.source),
    "sources": str(AIG.sourceFile),
    "sha256": str(AIG.sha256),
    "number": str(AIG.number),
    "section": str(AIG.section),
    "kind": str(AIG.kind),
    "value": str(SCHEMA.value),
    "unit": str(SCHEMA.unitText),
    "measure": str(AIG.measure),
    "text": str(AIG.text),
    # Prediction and Outcome nodes (aigraph.graph.forecasts).
    "slide": str(AIG.slideNumber),
    "grade": str(AIG.grade),
    "evidence": str(AIG.evidenceText),
}

#: Outside facts on a node (:mod:`aigraph.graph.outside`) -> predicate. ``date_published``
#: is a typed date, ``link`` gives one ``schema:sameAs`` IRI per URL it holds, and the node
#: is ``prov:wasDerivedFrom`` the dataset its ``facts_source`` names (:func:`source_triples`).
OUTSIDE_PREDICATES: dict[str, str] = {
    "date_published": str(SCHEMA.datePublished),
    "parameters": str(AIG.parameters),
    "training_compute": str(AIG.trainingCompute),
    "domain": str(AIG.domain),
    "paper_title": str(AIG.paperTitle),
    "arxiv_id": str(AIG.arxivId),
    "epoch_organizations": str(AIG.developerAsRecorded),
    "epoch_countries": str(AIG.countryAsRecorded),
    "epoch_id": str(AIG.outsideId),
    "facts_source": str(AIG.factsSource),
}

#: Edge type -> the predicate of its direct triple.
EDGE_PREDICATES: dict[str, str] = {
    "IN_REPORT": str(SCHEMA.isPartOf),
    "MENTIONED_ON": str(AIG.mentionedOn),
    "MENTIONED_IN": str(AIG.mentionedIn),
    "DEVELOPED": str(AIG.developed),
    "ACHIEVES": str(AIG.achieves),
    "MEASURED_ON": str(AIG.measuredOn),
    "INTRODUCES": str(AIG.introduces),
    "PART_OF": str(SCHEMA.parentOrganization),
    "PREDICTS": str(AIG.predicts),
    "ABOUT": str(AIG.about),
    "GRADES": str(AIG.grades),
}

#: Edge types whose resource is an ``aig:Mention`` (the rest are ``aig:Assertion``).
MENTION_TYPES = frozenset({"MENTIONED_ON", "MENTIONED_IN"})

#: Evidence key -> predicate (``extractor`` becomes ``prov:wasAttributedTo``).
EVIDENCE_PROPERTIES: dict[str, str] = {
    "year": str(AIG.year),
    "slide": str(AIG.slideNumber),
    "source": str(AIG.source),
    "start": str(AIG.start),
    "end": str(AIG.end),
    "sentence": str(AIG.sentence),
    "confidence": str(AIG.confidence),
}

_NAME, _IDENTIFIER, _KEY = str(SCHEMA.name), str(SCHEMA.identifier), str(AIG.key)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_COUNT, _CURATED = str(AIG.count), str(AIG.curated)
_DERIVED, _ATTRIBUTED = str(PROV.wasDerivedFrom), str(PROV.wasAttributedTo)
_MENTION, _ASSERTION, _EVIDENCE = IRI(AIG.Mention), IRI(AIG.Assertion), IRI(AIG.Evidence)
_AGENT = IRI(PROV.SoftwareAgent)
_DATASET_ENTITY = IRI(PROV.Entity)

_SAME_AS, _DATE_PUBLISHED = str(SCHEMA.sameAs), str(SCHEMA.datePublished)
_URL = re.compile(r"https?://[^\s,<>\"{}|\\^`]+")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

# Characters an IRI may not hold unescaped (RFC 3987 excludes these from ipchar).
_IRI_SAFE = "/:@!$&'()*+,;=-._~"


def node_iri(node_id: str) -> str:
    """Return the IRI of a node, edge resource or extractor from its id.

    Non-ASCII letters stay as they are (IRIs allow them); spaces and other characters
    an IRI cannot hold are percent-encoded.

    Examples
    --------
    >>> node_iri("org:deepmind")
    'https://w3id.org/aigraph/id/org:deepmind'
    >>> node_iri("model:μzero")
    'https://w3id.org/aigraph/id/model:μzero'
    """
    if node_id.isascii() and all(c.isalnum() or c in _IRI_SAFE for c in node_id):
        return RESOURCE_IRI + node_id
    return RESOURCE_IRI + "".join(
        c if (c.isalnum() and not c.isascii()) else quote(c, safe=_IRI_SAFE) for c in node_id
    )


def edge_resource_id(u: str, edge_type: str, v: str) -> str:
    """Return the resource id of an edge: ``<u>/<type in lower case>/<v>``.

    Node ids hold no ``/``, so the id names exactly one edge.

    Examples
    --------
    >>> edge_resource_id("org:deepmind", "MENTIONED_ON", "slide:2021:5")
    'org:deepmind/mentioned_on/slide:2021:5'
    """
    return f"{u}/{edge_type.lower()}/{v}"


def _literals(value: Any) -> Iterator[Any]:
    if value is None:
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        for item in items:
            yield from _literals(item)
        return
    if isinstance(value, float) and math.isnan(value):
        return
    if isinstance(value, (str, int, float, bool)):
        yield value
    else:
        yield str(value)


def node_triples(node_id: str, attrs: dict[str, Any]) -> Iterator[Triple]:
    """Yield the triples of one node (its types, identifier, look-up keys, properties)."""
    subject = node_iri(node_id)
    label = attrs.get("label")
    for cls in NODE_CLASSES.get(str(label), ()):
        yield subject, _TYPE, cls
    yield subject, _IDENTIFIER, node_id
    for prop, predicate in NODE_PROPERTIES.items():
        for value in _literals(attrs.get(prop)):
            yield subject, predicate, value
    for key in name_keys(attrs):
        yield subject, _KEY, key
    if attrs.get("facts_source"):
        yield from outside_triples(subject, attrs)


def outside_triples(subject: str, attrs: dict[str, Any]) -> Iterator[Triple]:
    """Yield a node's outside facts (Epoch AI's, say) and the dataset they were derived from."""
    from aigraph.graph.outside import source_of

    for prop, predicate in OUTSIDE_PREDICATES.items():
        for value in _literals(attrs.get(prop)):
            if predicate == _DATE_PUBLISHED:
                if isinstance(value, str) and _DATE.fullmatch(value):
                    yield subject, predicate, DateLiteral(value)
            elif prop in ("parameters", "training_compute") and isinstance(value, (int, float)):
                yield subject, predicate, float(value)
            else:
                yield subject, predicate, value
    for url in dict.fromkeys(_URL.findall(str(attrs.get("link") or ""))):
        yield subject, _SAME_AS, IRI(url.rstrip(".;)"))
    source = source_of(str(attrs["facts_source"]))
    if source is not None:
        yield subject, _DERIVED, IRI(node_iri(source.id))


def source_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Yield one resource per outside dataset the graph's facts come from: name, URL, licence, credit."""
    from aigraph.graph.outside import source_of

    credits = {str(a["facts_source"]) for _, a in graph.nodes(data=True) if a.get("facts_source")}
    for credit in sorted(credits):
        source = source_of(credit)
        if source is None:
            continue
        resource = node_iri(source.id)
        yield resource, _TYPE, _DATASET_ENTITY
        yield resource, _NAME, source.name
        yield resource, str(SCHEMA.url), IRI(source.url)
        yield resource, str(SCHEMA.license), IRI(source.licence_url)
        yield resource, str(SCHEMA.creditText), source.credit


def edge_triples(u: str, v: str, attrs: dict[str, Any]) -> Iterator[Triple]:
    """Yield the triples of one edge: the direct triple, its resource and its evidence."""
    edge_type = str(attrs.get("type"))
    predicate = EDGE_PREDICATES.get(edge_type)
    if predicate is None:
        return
    head, tail = node_iri(u), IRI(node_iri(v))
    yield head, predicate, tail
    resource_id = edge_resource_id(u, edge_type, v)
    resource = node_iri(resource_id)
    yield resource, _TYPE, _MENTION if edge_type in MENTION_TYPES else _ASSERTION
    yield resource, _SUBJECT, IRI(head)
    yield resource, _PREDICATE, IRI(predicate)
    yield resource, _OBJECT, tail
    for value in _literals(attrs.get("count")):
        yield resource, _COUNT, value
    yield resource, _CURATED, bool(attrs.get("curated", False))
    for n, item in enumerate(attrs.get("evidence") or (), start=1):
        evidence = node_iri(f"{resource_id}/evidence/{n}")
        yield resource, _DERIVED, IRI(evidence)
        yield evidence, _TYPE, _EVIDENCE
        for key, ev_predicate in EVIDENCE_PROPERTIES.items():
            for value in _literals(item.get(key)):
                yield evidence, ev_predicate, value
        extractor = item.get("extractor")
        if extractor:
            yield evidence, _ATTRIBUTED, IRI(node_iri(f"extractor:{extractor}"))


def extractor_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Yield one ``prov:SoftwareAgent`` per extractor named in the graph's evidence."""
    names = {
        str(item["extractor"])
        for _, _, attrs in graph.edges(data=True)
        for item in attrs.get("evidence") or ()
        if item.get("extractor")
    }
    for name in sorted(names):
        agent = node_iri(f"extractor:{name}")
        yield agent, _TYPE, _AGENT
        yield agent, _NAME, name


def generate_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Yield every triple of a graph, node by node, then edge by edge.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("org:deepmind", label="Organization", name="DeepMind", years=[2021])
    >>> [p.rsplit("/", 1)[-1] for s, p, o in generate_triples(g) if o == "DeepMind"]
    ['name']
    """
    for node_id, attrs in graph.nodes(data=True):
        yield from node_triples(str(node_id), attrs)
    for u, v, attrs in graph.edges(data=True):
        yield from edge_triples(str(u), str(v), attrs)
    yield from extractor_triples(graph)
    yield from source_triples(graph)


__all__ = [
    "EDGE_PREDICATES",
    "IRI",
    "NODE_CLASSES",
    "NODE_PROPERTIES",
    "OUTSIDE_PREDICATES",
    "DateLiteral",
    "outside_triples",
    "source_triples",
    "edge_resource_id",
    "generate_triples",
    "node_iri",
]
