"""Cypher stores: the embedded LadybugDB database and the push to a Neo4j server.

Public API (loaded lazily, so ``import aigraph.cypher`` stays cheap):

- :func:`build_database` (``aigraph.cypher.embedded``): graph -> ``cypher/graph.lbug``
  by bulk ``COPY FROM`` Arrow tables.
- :class:`CypherStore` (``aigraph.cypher.store``): read-only Cypher over a graph
  directory, with a timeout.
- :func:`neo4j_push` (``aigraph.cypher.server``): load a graph into a Neo4j server,
  batched and idempotent.
- ``aigraph.cypher.statements``: every Cypher text aigraph runs.
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "build_database": "aigraph.cypher.embedded",
    "CypherStore": "aigraph.cypher.store",
    "database_file": "aigraph.cypher.embedded",
    "neo4j_push": "aigraph.cypher.server",
    "PushSummary": "aigraph.cypher.server",
    "connection_settings": "aigraph.cypher.server",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
