"""The SPARQL 1.1 Protocol endpoint as an ASGI application (Starlette), and a server to run it.

:func:`create_app` serves a graph directory at ``/sparql`` (queries, and the service
description when there is no query) and an HTML page at ``/``. Queries run in the
read-only :class:`aigraph.rdf.SparqlStore` worker pool, which opens the build the
graph directory holds *now* on each query: a rebuild is served without a restart, and a
query in flight finishes on the build it started on. Every refusal or failure is one
plain-text line with a status; a traceback never reaches the client.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path
from typing import Any

from aigraph.errors import AigraphError, GraphError, QueryError, QueryTimeout, ReadOnlyError, first_line
from aigraph.serve.cache import DEFAULT_CACHE_BYTES
from aigraph.serve.negotiate import GRAPH_FORMATS, RESULT_FORMATS, Format, choose, offered_types
from aigraph.serve.protocol import MAX_QUERY_BYTES, HttpError, query_refusal, read_operation

#: Seconds a query may run.
DEFAULT_TIMEOUT = 10.0
#: Largest result body sent, in bytes (past it the query fails with a message).
DEFAULT_MAX_RESULT_BYTES = 64 * 1024 * 1024
#: Seconds a client has to send its request body.
DEFAULT_BODY_TIMEOUT = 10.0

#: The service description's formats; HTML gives the page at ``/``.
DESCRIPTION_FORMATS: tuple[Format, ...] = (
    Format("text/turtle", "turtle", "text/turtle; charset=utf-8"),
    Format("text/html", "html", "text/html; charset=utf-8"),
    Format("application/n-triples", "nt", "application/n-triples; charset=utf-8"),
    Format("application/ld+json", "json-ld", "application/ld+json"),
    Format("application/rdf+xml", "xml", "application/rdf+xml"),
)

log = logging.getLogger("aigraph.serve")


def _text(status: int, message: str) -> Any:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(first_line(message) + "\n" if message.strip() else "\n", status_code=status)


def error_status(err: AigraphError) -> int:
    """The HTTP status of an error the store raised.

    Examples
    --------
    >>> error_status(QueryTimeout("stopped after 10 s"))
    503
    >>> error_status(QueryError("malformed SPARQL: ..."))
    400
    """
    if isinstance(err, HttpError):
        return err.status
    if isinstance(err, ReadOnlyError):
        return 403
    if isinstance(err, (QueryTimeout, GraphError)):
        return 503
    if isinstance(err, QueryError) and str(err).startswith(("malformed SPARQL", "empty SPARQL")):
        return 400
    return 500


def _manifest(graph_dir: Path) -> dict[str, Any] | None:
    from aigraph.graph.store import read_manifest

    try:
        return read_manifest(graph_dir)
    except GraphError:
        return None


async def _read_body(request: Any, limit: int, seconds: float) -> bytes:
    """Read the request body, refusing one past ``limit`` bytes or slower than ``seconds``."""
    import anyio
    from starlette.requests import ClientDisconnect

    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HttpError(413, f"the request body is larger than {limit:,} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HttpError(413, f"the request body is larger than {limit:,} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise HttpError(408, f"the request body did not arrive within {seconds:g} s") from None
    except ClientDisconnect:
        raise HttpError(400, "the client went away while sending the request") from None
    return b"".join(chunks)


class Endpoint:
    """The request handlers of one endpoint over one graph directory."""

    def __init__(self, graph_dir: Path, *, timeout: float | None, workers: int, max_result_bytes: int,
                 body_timeout: float, cache_bytes: int) -> None:
        from aigraph.graph.paths import GraphPaths
        from aigraph.rdf import SparqlStore
        from aigraph.serve.cache import ResultCache

        self.graph_dir = graph_dir
        self.store = SparqlStore(graph_dir, workers=workers)
        self.cache = ResultCache(cache_bytes)
        self._paths = GraphPaths(graph_dir)
        self.timeout, self.max_result_bytes, self.body_timeout = timeout, max_result_bytes, body_timeout

    async def index(self, request: Any) -> Any:
        from starlette.responses import HTMLResponse

        from aigraph.serve.pages import index_page

        return HTMLResponse(index_page(str(request.url_for("sparql")), _manifest(self.graph_dir)))

    async def sparql(self, request: Any) -> Any:
        try:
            return await self._sparql(request)
        except AigraphError as err:
            status = error_status(err)
            if status >= 500:
                log.warning("%s %s: %s", status, request.url.path, err)
            return _text(status, str(err))
        except Exception:  # a bug: logged here with its traceback, one line to the client
            log.exception("unexpected error answering %s", request.url.path)
            return _text(500, "internal error while answering the query (see the server log)")

    async def _sparql(self, request: Any) -> Any:
        import anyio
        from starlette.responses import Response

        body = b""
        if request.method == "POST":
            body = await _read_body(request, MAX_QUERY_BYTES, self.body_timeout)
        query = read_operation(request.method, request.url.query, request.headers.get("content-type"), body)
        accept = request.headers.get("accept")
        if query is None:
            return await self._description(request, accept)
        refusal = query_refusal(query)
        if refusal is not None:
            raise refusal
        results, graph = choose(accept, RESULT_FORMATS), choose(accept, GRAPH_FORMATS)
        if results is None and graph is None:
            raise HttpError(406, f"cannot answer in {accept!r}: SELECT/ASK results come as "
                                 f"{offered_types(RESULT_FORMATS)}; CONSTRUCT/DESCRIBE as {offered_types(GRAPH_FORMATS)}")
        formats = {"solutions": results and results.name, "boolean": results and results.name,
                   "graph": graph and graph.name}
        # The stamp is read before the query runs: an answer is never kept under a newer build's stamp.
        key = (self._paths.build_stamp(), query, tuple(sorted(formats.items(), key=lambda kv: kv[0])))
        answer = self.cache.get(key)
        if answer is None:
            run = partial(self.store.serialize, query, formats=formats, timeout=self.timeout,
                          max_bytes=self.max_result_bytes)
            answer = await anyio.to_thread.run_sync(run)
            self.cache.put(key, answer, len(answer.body or b"") + len(query))
        chosen = graph if answer.kind == "graph" else results
        if answer.body is None or chosen is None:
            offered = GRAPH_FORMATS if answer.kind == "graph" else RESULT_FORMATS
            raise HttpError(406, f"this query gives {answer.kind} results, which come as {offered_types(offered)}; "
                                 f"not {accept!r}")
        return Response(answer.body, headers={"content-type": chosen.content_type, "vary": "Accept"})

    async def _description(self, request: Any, accept: str | None) -> Any:
        from starlette.responses import HTMLResponse, Response

        from aigraph.serve.pages import index_page, service_description

        chosen = choose(accept, DESCRIPTION_FORMATS)
        if chosen is None:
            raise HttpError(406, f"the service description comes as {offered_types(DESCRIPTION_FORMATS)}, "
                                 f"not {accept!r}")
        endpoint, manifest = str(request.url_for("sparql")), _manifest(self.graph_dir)
        if chosen.name == "html":
            return HTMLResponse(index_page(endpoint, manifest))
        text = service_description(endpoint, manifest).serialize(format=chosen.name)
        return Response(text.encode("utf-8"), headers={"content-type": chosen.content_type, "vary": "Accept"})


def create_app(
    graph_dir: str | os.PathLike[str],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    workers: int = 2,
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
) -> Any:
    """Return the ASGI application serving ``graph_dir`` at ``/sparql`` (and a page at ``/``).

    Parameters
    ----------
    graph_dir
        A directory written by ``aigraph build``; it may be missing or mid-build (queries
        then answer 503 until a complete build is there).
    timeout
        Seconds a query may run (``None``: no limit).
    workers
        Query worker processes kept at once; more queries wait for one.
    max_result_bytes
        Largest result body sent.
    body_timeout
        Seconds a client has to send its request body (a slow client gets 408).
    cache_bytes
        Answers kept for repeated queries on the same build (0: none; see
        :class:`aigraph.serve.cache.ResultCache`).

    Examples
    --------
    >>> app = create_app("data/graph")  # doctest: +SKIP
    """
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.routing import Route

    endpoint = Endpoint(Path(graph_dir), timeout=timeout, workers=workers, max_result_bytes=max_result_bytes,
                        body_timeout=body_timeout, cache_bytes=cache_bytes)

    @asynccontextmanager
    async def lifespan(app: Any):
        yield
        endpoint.store.close()

    async def not_found(request: Any, exc: Exception) -> Any:
        if getattr(exc, "status_code", 404) == 405:
            response = _text(405, f"{request.method} is not allowed at {request.url.path}: use GET or POST")
            response.headers["allow"] = "GET, HEAD, POST, OPTIONS"
            return response
        return _text(404, f"nothing at {request.url.path}: the endpoint is /sparql")

    async def server_error(request: Any, exc: Exception) -> Any:
        return _text(500, "internal error (see the server log)")

    app = Starlette(
        routes=[
            Route("/", endpoint.index, methods=["GET"], name="index"),
            Route("/sparql", endpoint.sparql, methods=["GET", "POST"], name="sparql"),
        ],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                               allow_headers=["*"], max_age=600)],
        exception_handlers={404: not_found, 405: not_found, 500: server_error},
        lifespan=lifespan,
    )
    app.state.endpoint = endpoint
    return app


def run(
    graph_dir: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    log_level: str = "info",
    **settings: Any,
) -> None:
    """Serve ``graph_dir`` with uvicorn until interrupted; ``settings`` go to :func:`create_app`."""
    import uvicorn

    config = uvicorn.Config(
        create_app(graph_dir, **settings), host=host, port=port, log_level=log_level, http="h11",
        # a GET may carry a query up to the protocol limit; longer ones get a clear 414
        h11_max_incomplete_event_size=MAX_QUERY_BYTES * 3 + 64 * 1024,
        timeout_keep_alive=5, server_header=False,
    )
    uvicorn.Server(config).run()


__all__ = ["DEFAULT_TIMEOUT", "Endpoint", "create_app", "error_status", "run"]
