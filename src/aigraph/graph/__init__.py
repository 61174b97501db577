"""The knowledge graph: extraction records -> ``networkx.MultiDiGraph``, built and stored.

Public API (loaded lazily, so ``import aigraph.graph`` stays cheap):

- :func:`build_graph` (``aigraph.graph.build``): raw reports -> graph directory,
  atomic and incremental; returns a :class:`BuildResult`. A graph directory holds
  versioned build folders and a ``current`` link switched in one step
  (``aigraph.graph.atomic``); the per-input step is ``aigraph.graph.inputs``.
- :func:`graph_from_extractions` (``aigraph.graph.assemble``): the pure records -> graph step.
- :func:`load_graph` (``aigraph.graph.store``): read a built graph directory.
- :class:`GraphPaths` (``aigraph.graph.paths``): the files of a graph directory's
  current build, resolved once when a reader opens it.
- :func:`extraction_to_dict` / :func:`extraction_from_dict` (``aigraph.graph.serial``).
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "BuildResult": "aigraph.graph.build",
    "build_graph": "aigraph.graph.build",
    "graph_from_extractions": "aigraph.graph.assemble",
    "load_graph": "aigraph.graph.store",
    "read_manifest": "aigraph.graph.store",
    "GraphPaths": "aigraph.graph.paths",
    "DEFAULT_GRAPH_DIR": "aigraph.graph.paths",
    "extraction_to_dict": "aigraph.graph.serial",
    "extraction_from_dict": "aigraph.graph.serial",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
