"""One exception hierarchy for the package.

Every error a user can cause (a bad file, a malformed query, a missing graph)
is an :class:`AigraphError`; the command line prints its message as one line
and exits non-zero. Anything else is a bug and keeps its traceback.
"""


class AigraphError(Exception):
    """Base class of every error aigraph raises on purpose."""


class InputError(AigraphError):
    """An input file is missing, empty, binary, corrupt or of an unknown kind."""


class ExtractionError(AigraphError):
    """The extraction pipeline could not be built or run."""


class GraphError(AigraphError):
    """A graph build failed, or a built graph is missing or incomplete."""


class QueryError(AigraphError):
    """A SPARQL or Cypher query is malformed or failed in the store."""


class ReadOnlyError(QueryError):
    """A query would write to a store opened for reading only."""


class QueryTimeout(QueryError):
    """A query ran longer than the allowed time and was stopped."""


class StoreUnavailable(AigraphError):
    """A store or server (e.g. Neo4j) cannot be reached or refused the login."""


def first_line(message: str) -> str:
    """The first non-blank line of a store's or library's error message (a user sees one line)."""
    return next((line.strip() for line in message.splitlines() if line.strip()), "unknown error")
