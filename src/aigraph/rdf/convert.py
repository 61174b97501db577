"""The graph as an rdflib graph, and as deterministic Turtle.

Both come from :func:`aigraph.rdf.mapping.generate_triples`. Turtle is written through
pyoxigraph's serialiser (fast enough for a 100x corpus) from a sorted, de-duplicated list
of triples, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.rdf.mapping import IRI, DateLiteral, Triple, generate_triples
from aigraph.rdf.vocab import PREFIXES

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

_XSD = "http://www.w3.org/2001/XMLSchema#"

# Kinds of object, in the order they sort after subject and predicate.
_RESOURCE, _STRING, _BOOLEAN, _INTEGER, _DOUBLE = range(5)
# Dates (outside facts): by the length of their lexical form.
_DATE_KINDS = {10: 5, 7: 6, 4: 7}


def _lexical(value: Any) -> tuple[int, str]:
    """Return (kind, lexical form) of an object; literals keep their XSD type."""
    if isinstance(value, IRI):
        return _RESOURCE, str(value)
    if isinstance(value, DateLiteral) and len(value) in _DATE_KINDS:
        return _DATE_KINDS[len(value)], str(value)
    if isinstance(value, bool):
        return _BOOLEAN, "true" if value else "false"
    if isinstance(value, int):
        return _INTEGER, str(value)
    if isinstance(value, float):
        if math.isinf(value):
            return _DOUBLE, "INF" if value > 0 else "-INF"
        return _DOUBLE, repr(value)
    return _STRING, str(value)


def canonical_triples(triples: Iterable[Triple]) -> list[tuple[str, str, int, str]]:
    """Return triples as sorted, distinct ``(subject, predicate, kind, lexical)`` tuples.

    This is the order the Turtle file is written in: by subject, predicate, then object.

    Examples
    --------
    >>> canonical_triples([("s", "p", 2), ("s", "p", IRI("o")), ("s", "p", 2)])
    [('s', 'p', 0, 'o'), ('s', 'p', 3, '2')]
    """
    return sorted({(s, p, *_lexical(o)) for s, p, o in triples})


_DATATYPES = {_BOOLEAN: _XSD + "boolean", _INTEGER: _XSD + "integer", _DOUBLE: _XSD + "double",
              _DATE_KINDS[10]: _XSD + "date", _DATE_KINDS[7]: _XSD + "gYearMonth", _DATE_KINDS[4]: _XSD + "gYear"}


def generate_turtle(graph: nx.MultiDiGraph) -> bytes:
    """Return the graph as Turtle (UTF-8), byte-identical for the same graph.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("org:deepmind", label="Organization", name="DeepMind", years=[2021])
    >>> print(generate_turtle(g).decode().splitlines()[7])
    kg:org:deepmind a schema:Organization , aig:Organization ;
    """
    import pyoxigraph as ox

    datatypes = {kind: ox.NamedNode(iri) for kind, iri in _DATATYPES.items()}
    terms: dict[str, ox.NamedNode] = {}

    def named(iri: str) -> ox.NamedNode:
        node = terms.get(iri)
        if node is None:
            node = terms[iri] = ox.NamedNode(iri)
        return node

    def obj(kind: int, lexical: str) -> ox.NamedNode | ox.Literal:
        if kind == _RESOURCE:
            return named(lexical)
        if kind == _STRING:
            return ox.Literal(lexical)
        return ox.Literal(lexical, datatype=datatypes[kind])

    triples = (
        ox.Triple(named(s), named(p), obj(kind, lexical))
        for s, p, kind, lexical in canonical_triples(generate_triples(graph))
    )
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as Turtle to ``path`` (see :func:`generate_turtle`); return the path.

    The file is written next to its final name and renamed into place, so a reader
    never sees half of it.
    """
    target = Path(path)
    data = generate_turtle(graph)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def graph_to_rdf(graph: nx.MultiDiGraph) -> rdflib.Graph:
    """Return the graph as an :class:`rdflib.Graph` (in-memory store) with the prefixes bound.

    Fine for export and inspection; for SPARQL over a whole build use
    :class:`aigraph.rdf.SparqlStore`, which loads ``graph.ttl`` into Oxigraph.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:alphafold", label="Model", name="AlphaFold", years=[2020, 2021])
    >>> sorted(int(o) for o in graph_to_rdf(g).objects(predicate=None) if str(o).isdigit())
    [2020, 2021]
    """
    import rdflib
    from rdflib.term import Literal, URIRef

    datatypes = {kind: URIRef(iri) for kind, iri in _DATATYPES.items()}
    out = rdflib.Graph(bind_namespaces="none")
    for name, iri in PREFIXES.items():
        out.bind(name, iri)

    def obj(kind: int, lexical: str) -> Any:
        if kind == _RESOURCE:
            return URIRef(lexical)
        if kind == _STRING:
            return Literal(lexical)
        return Literal(lexical, datatype=datatypes[kind])

    for s, p, kind, lexical in canonical_triples(generate_triples(graph)):
        out.add((URIRef(s), URIRef(p), obj(kind, lexical)))
    return out


__all__ = ["canonical_triples", "generate_turtle", "graph_to_rdf", "write_turtle"]
