"""The graph as RDF, and SPARQL over it.

Public API (loaded lazily, so ``import aigraph.rdf`` stays cheap):

- :func:`graph_to_rdf` (``aigraph.rdf.convert``): networkx graph -> :class:`rdflib.Graph`.
- :func:`write_turtle` / :func:`generate_turtle`: deterministic Turtle (same graph, same bytes).
- :func:`generate_triples` (``aigraph.rdf.mapping``): the mapping itself, as plain tuples.
- :class:`SparqlStore` (``aigraph.rdf.store``): read-only SPARQL over a graph directory,
  in Oxigraph worker processes, with a timeout and a row cap.
- :func:`write_store` (``aigraph.rdf.disk``): the on-disk Oxigraph store a build writes,
  so SPARQL starts without parsing ``graph.ttl``.
- :class:`AIG`, :class:`SCHEMA`, :class:`PROV`, :data:`KG` (``aigraph.rdf.vocab``): the
  closed vocabulary and the resource namespace.
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "graph_to_rdf": "aigraph.rdf.convert",
    "generate_turtle": "aigraph.rdf.convert",
    "write_turtle": "aigraph.rdf.convert",
    "generate_triples": "aigraph.rdf.mapping",
    "node_iri": "aigraph.rdf.mapping",
    "SparqlStore": "aigraph.rdf.store",
    "write_store": "aigraph.rdf.disk",
    "has_store": "aigraph.rdf.disk",
    "Iri": "aigraph.rdf.store",
    "AIG": "aigraph.rdf.vocab",
    "SCHEMA": "aigraph.rdf.vocab",
    "PROV": "aigraph.rdf.vocab",
    "KG": "aigraph.rdf.vocab",
    "PREFIXES": "aigraph.rdf.vocab",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
