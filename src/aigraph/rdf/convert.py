"""The graph as an rdflib graph, and as deterministic Turtle.

Both come from :func:`aigraph.rdf.mapping.generate_triples`. Turtle is written through
pyoxigraph's serialiser from the triples sorted and de-duplicated, so the same graph
always gives the same bytes. :func:`ordered_triples` makes that order one subject group
at a time (a node, the resources of its outgoing edges) instead of sorting every triple
at once, and the file is written as the triples come, so a build with a 500 MB
``graph.ttl`` holds only one group in memory, not the whole file and its triples.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.rdf.mapping import (
    IRI,
    DateLiteral,
    Triple,
    edge_triples,
    extractor_triples,
    generate_triples,
    node_iri,
    node_triples,
    source_triples,
)
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

log = logging.getLogger(__name__)

# Subject groups of ordered_triples, in the order they sort on a tie (never, in practice).
_NODE, _EDGES, _OTHER = range(3)


class _OutOfOrder(Exception):
    """A subject group did not sort after the one before it (see :func:`ordered_triples`)."""


def _out_edge_triples(graph: nx.MultiDiGraph, node: Any) -> Iterator[Triple]:
    for _, v, attrs in graph.out_edges(node, data=True):
        yield from edge_triples(str(node), str(v), attrs)


def ordered_triples(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, int, str]]:
    """Yield ``canonical_triples(generate_triples(graph))`` without holding them all.

    Every subject belongs to one group: a node's IRI ``U`` (its own triples and the
    direct triples of its outgoing edges), everything under ``U/`` (the resources of
    its outgoing edges and their evidence; node ids hold no ``/``), or a resource of
    the whole graph (an extractor, an outside dataset). Groups are sorted by that key
    and each is sorted on its own, so only one group is in memory at a time.

    Raises
    ------
    _OutOfOrder
        A group does not come after the previous one (a subject outside the groups
        above); :func:`write_turtle` then sorts everything at once instead.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> g = sample_graph()
    >>> list(ordered_triples(g)) == canonical_triples(generate_triples(g))
    True
    """
    succ = graph.succ
    groups: list[tuple[str, int, Any]] = []
    for node in graph.nodes:
        iri = node_iri(str(node))
        groups.append((iri, _NODE, node))
        if succ[node]:
            groups.append((iri + "/", _EDGES, node))
    others: dict[str, list[Triple]] = {}
    for triple in chain(extractor_triples(graph), source_triples(graph)):
        others.setdefault(triple[0], []).append(triple)
    groups.extend((subject, _OTHER, subject) for subject in others)
    groups.sort(key=lambda g: (g[0], g[1]))

    last: tuple[str, str, int, str] | None = None
    saved: list[Triple] | None = None  # the edge resources made with the node just before
    for i, (key, kind, ref) in enumerate(groups):
        if kind == _NODE:
            own = list(node_triples(str(ref), graph.nodes[ref]))
            rest: list[Triple] = []
            for triple in _out_edge_triples(graph, ref):
                (own if triple[0] == key else rest).append(triple)
            # Usually the node's edge group comes next; keep its triples only then.
            following = groups[i + 1] if i + 1 < len(groups) else None
            saved = rest if following == (key + "/", _EDGES, ref) else None
            triples: Iterable[Triple] = own
        elif kind == _EDGES:
            subject = key[:-1]
            triples = saved if saved is not None else (
                t for t in _out_edge_triples(graph, ref) if t[0] != subject
            )
            saved = None
        else:
            triples = others.pop(ref)
        group = canonical_triples(triples)
        if not group:
            continue
        if last is not None and group[0] <= last:
            raise _OutOfOrder(f"{group[0][0]} sorts before {last[0]}")
        last = group[-1]
        yield from group


def _serialize(rows: Iterable[tuple[str, str, int, str]], output: Any = None) -> bytes | None:
    """Serialise canonical rows as Turtle with our prefixes (to ``output``, else to bytes)."""
    import pyoxigraph as ox

    datatypes = {kind: ox.NamedNode(iri) for kind, iri in _DATATYPES.items()}
    predicates: dict[str, ox.NamedNode] = {}
    objects: dict[str, ox.NamedNode] = {}  # classes, agents, nodes: reused, bounded

    def terms() -> Iterator[ox.Triple]:
        subject_iri, subject = None, None
        for s, p, kind, lexical in rows:
            if s != subject_iri:
                subject_iri, subject = s, ox.NamedNode(s)
            predicate = predicates.get(p)
            if predicate is None:
                predicate = predicates[p] = ox.NamedNode(p)
            if kind == _RESOURCE:
                obj = objects.get(lexical)
                if obj is None:
                    if len(objects) > 50_000:
                        objects.clear()
                    obj = objects[lexical] = ox.NamedNode(lexical)
            elif kind == _STRING:
                obj = ox.Literal(lexical)
            else:
                obj = ox.Literal(lexical, datatype=datatypes[kind])
            yield ox.Triple(subject, predicate, obj)

    return ox.serialize(terms(), output, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


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
    try:
        data = _serialize(ordered_triples(graph))
    except _OutOfOrder as err:
        log.warning("Turtle written from all triples sorted at once (%s)", err)
        data = _serialize(canonical_triples(generate_triples(graph)))
    assert data is not None
    return data


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as Turtle to ``path`` (the bytes of :func:`generate_turtle`); return the path.

    The triples are written as :func:`ordered_triples` makes them, so memory stays near
    one node's worth of triples whatever the size of the file. The file is written next
    to its final name and renamed into place, so a reader never sees half of it.

    Raises
    ------
    OSError
        The file could not be written.
    """
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        try:
            with open(partial, "wb", buffering=1 << 20) as out:
                _serialize(ordered_triples(graph), out)
        except _OutOfOrder as err:
            log.warning("Turtle written from all triples sorted at once (%s)", err)
            with open(partial, "wb", buffering=1 << 20) as out:
                _serialize(canonical_triples(generate_triples(graph)), out)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
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


__all__ = ["canonical_triples", "generate_turtle", "graph_to_rdf", "ordered_triples", "write_turtle"]
