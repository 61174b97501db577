"""The graph model: extraction records -> ``networkx.MultiDiGraph``, node identity, graph.json.

The stores (:mod:`aigraph.rdf`, :mod:`aigraph.cypher`) and everything above read it;
it imports none of them. The build pipeline that writes a graph directory is
:mod:`aigraph.build`.

Public API (loaded lazily, so ``import aigraph.graph`` stays cheap):

- :func:`graph_from_extractions` (``aigraph.graph.assemble``): the pure records -> graph step.
- :func:`load_graph` (``aigraph.graph.store``): read a built graph directory.
- :class:`GraphPaths` (``aigraph.graph.paths``): the files of a graph directory's
  current build, resolved once when a reader opens it.
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "graph_from_extractions": "aigraph.graph.assemble",
    "load_graph": "aigraph.graph.store",
    "read_manifest": "aigraph.graph.store",
    "GraphPaths": "aigraph.graph.paths",
    "DEFAULT_GRAPH_DIR": "aigraph.graph.paths",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
