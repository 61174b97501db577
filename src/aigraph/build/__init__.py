"""The build: raw reports -> a graph directory with every store, atomic and incremental.

It sits above the graph model and the stores (it uses :mod:`aigraph.graph` to assemble
and save the graph, :mod:`aigraph.rdf` and :mod:`aigraph.cypher` to write their
stores); nothing below imports it.

Public API (loaded lazily, so ``import aigraph.build`` stays cheap):

- :func:`build_graph` (``aigraph.build.pipeline``): raw reports -> graph directory;
  returns a :class:`BuildResult`. A graph directory holds versioned build folders and a
  ``current`` link switched in one step (``aigraph.build.atomic``).
- The per-input step (``aigraph.build.inputs``), the extraction cache
  (``aigraph.build.cache``, records as dicts in ``aigraph.build.serial``), the
  fingerprints that decide what to redo (``aigraph.build.fingerprint``), and the store
  writers (``aigraph.build.stores``).
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "BuildResult": "aigraph.build.pipeline",
    "build_graph": "aigraph.build.pipeline",
    "write_stores": "aigraph.build.stores",
    "extraction_to_dict": "aigraph.build.serial",
    "extraction_from_dict": "aigraph.build.serial",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
