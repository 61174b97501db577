"""The Query page's help: the graph's schema read from the graph itself, and sorted examples.

:func:`graph_schema` lists the labels and relation types present, with counts, the
properties each label's nodes carry, and the names the SPARQL and Cypher stores give
them; :func:`prefixes` the SPARQL prefixes. :func:`sorted_examples` are the console's
example queries (the canned questions) with an ``ORDER BY``, so the rows come sorted
as shown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.labels import sort_labels

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.explore.console import Example

def sparql_order(key: str) -> str:
    """The ``ORDER BY`` of a SPARQL example: the question's own order (``counts`` is sorted).

    Examples
    --------
    >>> sparql_order("co-occurring")
    'ORDER BY DESC(?shared_slides) ?org'
    """
    from aigraph.questions import QUESTIONS

    question = QUESTIONS.get(key)
    if question is None:
        return ""
    terms = [f"DESC(?{c[1:]})" if c.startswith("-") else f"?{c}" for c in question.order]
    return "ORDER BY " + " ".join(terms)


@dataclass(frozen=True, slots=True)
class LabelSchema:
    """One node label: how many nodes, their properties, and its SPARQL class."""

    label: str
    nodes: int
    properties: tuple[str, ...]
    sparql_class: str


@dataclass(frozen=True, slots=True)
class RelationSchema:
    """One relation type: how many edges, between which labels, its SPARQL predicate."""

    type: str
    edges: int
    pairs: tuple[tuple[str, str, int], ...]
    sparql_predicate: str


@dataclass(frozen=True, slots=True)
class GraphSchema:
    """The labels and relation types of a graph."""

    labels: tuple[LabelSchema, ...]
    relations: tuple[RelationSchema, ...]


def prefixes() -> dict[str, str]:
    """Return the SPARQL prefixes the stores and examples use (``aig:`` for the vocabulary).

    Examples
    --------
    >>> prefixes()["aig"]
    'https://w3id.org/aigraph/vocab#'
    """
    from aigraph.rdf.vocab import PREFIXES

    return dict(PREFIXES)


def compact(iri: str) -> str:
    """Return an IRI as a prefixed name when a known prefix covers it.

    Examples
    --------
    >>> compact("https://schema.org/name"), compact("urn:x")
    ('schema:name', '<urn:x>')
    """
    for name, base in prefixes().items():
        if iri.startswith(base) and iri[len(base):].replace("_", "").isalnum():
            return f"{name}:{iri[len(base):]}"
    return f"<{iri}>"


def graph_schema(graph: nx.MultiDiGraph) -> GraphSchema:
    """Return the schema of a graph: labels and relation types with counts, properties, names.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> schema = graph_schema(sample_graph())
    >>> model = next(s for s in schema.labels if s.label == "Model")
    >>> model.nodes, "name" in model.properties, model.sparql_class
    (6, True, 'aig:Model')
    >>> developed = next(r for r in schema.relations if r.type == "DEVELOPED")
    >>> developed.pairs[0][:2], developed.sparql_predicate
    (('Organization', 'Model'), 'aig:developed')
    """
    from aigraph.rdf.mapping import EDGE_PREDICATES, NODE_CLASSES

    nodes: Counter[str] = Counter()
    properties: dict[str, set[str]] = defaultdict(set)
    for _, attrs in graph.nodes(data=True):
        label = str(attrs.get("label"))
        nodes[label] += 1
        properties[label].update(k for k, v in attrs.items() if k != "label" and v not in (None, "", []))
    edges: Counter[str] = Counter()
    pairs: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for u, v, key in graph.edges(keys=True):
        edges[str(key)] += 1
        pairs[str(key)][(str(graph.nodes[u].get("label")), str(graph.nodes[v].get("label")))] += 1
    labels = tuple(
        LabelSchema(label, nodes[label], tuple(sorted(properties[label])),
                    compact(str(NODE_CLASSES[label][0])) if label in NODE_CLASSES else "")
        for label in sort_labels(nodes)
    )
    relations = tuple(
        RelationSchema(t, edges[t], tuple((a, b, n) for (a, b), n in pairs[t].most_common()),
                       compact(EDGE_PREDICATES[t]) if t in EDGE_PREDICATES else "")
        for t in sorted(edges)
    )
    return GraphSchema(labels, relations)


def property_predicates() -> dict[str, str]:
    """Return node property -> SPARQL predicate (prefixed), e.g. ``name`` -> ``schema:name``."""
    from aigraph.rdf.mapping import NODE_PROPERTIES

    return {name: compact(iri) for name, iri in NODE_PROPERTIES.items()}


def sorted_examples(language: str, *, year: int, org: str = "DeepMind") -> list[Example]:
    """Return the console's examples, each sorted by an ``ORDER BY`` (SPARQL gets one added).

    The Cypher texts are left as the questions declare them (``mentions`` is a
    ``UNION`` of two queries, which the embedded engine cannot sort as a whole).

    Examples
    --------
    >>> found = sorted_examples("sparql", year=2024)
    >>> [e.key for e in found][:2], found[1].text.rstrip().splitlines()[-1]
    (['counts', 'models-by-org'], 'ORDER BY ?year ?model')
    >>> "ORDER BY" in sorted_examples("cypher", year=2024)[1].text
    True
    """
    from dataclasses import replace

    from aigraph.explore.console import examples

    out = []
    for example in examples(language, year=year, org=org):
        order = sparql_order(example.key) if language == "sparql" else ""
        if order and "ORDER BY" not in example.text.upper():
            example = replace(example, text=example.text.rstrip() + "\n" + order + "\n")
        if example.key == "dropped-in":  # the question's name stays (it is the CLI's); say what it means
            title = example.title.replace("dropped-in", "dropped-in (no longer mentioned)", 1)
            example = replace(example, title=title)
        out.append(example)
    return out
