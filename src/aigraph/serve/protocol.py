"""The SPARQL 1.1 Protocol's query operation, read from an HTTP request (pure functions).

:func:`read_operation` turns a method, a URL query string, a content type and a body
into the query text to run (or ``None``: the client asked for the service description),
and refuses, with the protocol's status and a one-line reason, what this read-only,
single-graph endpoint does not do. :func:`query_refusal` checks the text itself.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from aigraph.errors import AigraphError

#: Largest query (and request body) accepted, in bytes.
MAX_QUERY_BYTES = 1_000_000

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
ONE_GRAPH = (
    "this endpoint holds one default graph: default-graph-uri and named-graph-uri are not supported "
    "(leave them out)"
)


class HttpError(AigraphError):
    """A request the endpoint answers with an error status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _params(text: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError) as err:
        raise HttpError(400, f"the request parameters are not valid UTF-8 form data ({err})") from None


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [value for key, value in params if key == name]
    if len(values) > 1:
        raise HttpError(400, f"give one '{name}' parameter, not {len(values)}")
    return values[0] if values else None


def _check_dataset(params: list[tuple[str, str]]) -> None:
    if any(key in ("default-graph-uri", "named-graph-uri") for key, _ in params):
        raise HttpError(400, ONE_GRAPH)


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower case, without parameters.

    Examples
    --------
    >>> media_type("Application/SPARQL-Query; charset=UTF-8")
    'application/sparql-query'
    """
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_operation(method: str, url_query: str, content_type: str | None, body: bytes) -> str | None:
    """Return the query a request carries, or ``None`` when it carries none (GET without ``query``).

    Parameters
    ----------
    method
        ``GET`` or ``POST`` (``HEAD`` counts as GET).
    url_query
        The raw query string of the URL (after ``?``).
    content_type
        The request's Content-Type header, for POST.
    body
        The request body, already read (and capped) by the caller.

    Raises
    ------
    HttpError
        400 for a malformed request or dataset parameters, 403 for an update, 405 for
        another method, 413/414 for a query past :data:`MAX_QUERY_BYTES`, 415 for a body
        of another type.

    Examples
    --------
    >>> read_operation("GET", "query=ASK%20%7B%7D", None, b"")
    'ASK {}'
    >>> read_operation("POST", "", "application/sparql-query", b"ASK {}")
    'ASK {}'
    >>> read_operation("GET", "", None, b"") is None
    True
    """
    if len(url_query) > MAX_QUERY_BYTES:
        raise HttpError(414, f"the URL is longer than {MAX_QUERY_BYTES:,} bytes: send the query by POST")
    url_params = _params(url_query)
    method = method.upper()
    if method in ("GET", "HEAD"):
        if _one(url_params, "update") is not None:
            raise HttpError(403, READ_ONLY)
        query = _one(url_params, "query")
        if query is not None:
            _check_dataset(url_params)
        return query
    if method != "POST":
        raise HttpError(405, f"{method} is not part of the SPARQL protocol: use GET or POST")
    if len(body) > MAX_QUERY_BYTES:
        raise HttpError(413, f"the request body is larger than {MAX_QUERY_BYTES:,} bytes")
    kind = media_type(content_type)
    if kind == SPARQL_UPDATE:
        raise HttpError(403, READ_ONLY)
    if kind == FORM:
        try:
            form = _params(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise HttpError(400, "the form body is not UTF-8") from None
        params = url_params + form
        if _one(params, "update") is not None:
            raise HttpError(403, READ_ONLY)
        query = _one(form, "query")
        if query is None:
            raise HttpError(400, "the form has no 'query' parameter")
        _check_dataset(params)
        return query
    if kind == SPARQL_QUERY:
        _check_dataset(url_params)
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "the query is not UTF-8") from None
    shown = kind or "no Content-Type"
    raise HttpError(415, f"POST a query as {SPARQL_QUERY} or {FORM}, not {shown}")


def query_refusal(text: str) -> HttpError | None:
    """Return the error a query text gets before it runs, or ``None`` when it may run.

    Updates sent as a query are not legal queries (400); SERVICE is refused (403); a
    FROM or GRAPH naming another dataset is refused (400). Malformed text is left to
    the store, which reports it (also 400).

    Examples
    --------
    >>> query_refusal("INSERT DATA { <http://x/a> <http://x/b> 1 }").status
    400
    >>> query_refusal("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }").status
    403
    >>> query_refusal("SELECT * { ?s ?p ?o }") is None
    True
    """
    from aigraph.errors import QueryError
    from aigraph.readonly import find_sparql_write

    if not text.strip():
        return HttpError(400, "empty query: send a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE")
    try:
        found = find_sparql_write(text)
    except QueryError as err:
        return HttpError(400, str(err))
    if found is None:
        return None
    if found == "SERVICE":
        return HttpError(403, "SERVICE is not allowed: this endpoint only queries its own graph")
    if found.startswith(("FROM", "GRAPH")):
        return HttpError(400, f"{found} is not allowed: this endpoint only queries its own graph")
    return HttpError(400, f"{found} is an update: {READ_ONLY}")


__all__ = [
    "FORM",
    "MAX_QUERY_BYTES",
    "SPARQL_QUERY",
    "SPARQL_UPDATE",
    "HttpError",
    "media_type",
    "query_refusal",
    "read_operation",
]
