"""A SPARQL 1.1 Protocol endpoint over a built graph (``aigraph serve``).

Public API (loaded lazily, so ``import aigraph.serve`` stays cheap):

- :func:`create_app` / :func:`run` (``aigraph.serve.app``): the ASGI application
  (Starlette) serving a graph directory at ``/sparql``, and uvicorn running it.
- :func:`choose` (``aigraph.serve.negotiate``): the result format for an ``Accept`` header.
- :func:`read_operation` / :func:`query_refusal` (``aigraph.serve.protocol``): the
  protocol's query operation read from a request, and what a read-only endpoint refuses.
- :func:`standalone_query` (``aigraph.serve.canned``): a canned question as a SPARQL
  text any client can send.
- :func:`service_description` / :func:`index_page` (``aigraph.serve.pages``).
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "create_app": "aigraph.serve.app",
    "run": "aigraph.serve.app",
    "choose": "aigraph.serve.negotiate",
    "read_operation": "aigraph.serve.protocol",
    "query_refusal": "aigraph.serve.protocol",
    "HttpError": "aigraph.serve.protocol",
    "standalone_query": "aigraph.serve.canned",
    "service_description": "aigraph.serve.pages",
    "index_page": "aigraph.serve.pages",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
