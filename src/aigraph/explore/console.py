"""The query consoles: run a user's SPARQL or Cypher on a store, safely, and hand back rows.

The stores guard themselves (:class:`aigraph.rdf.SparqlStore` and
:class:`aigraph.cypher.CypherStore` refuse writes before they reach the engine and stop a
query at its timeout); this module adds what a console needs on top: a length limit,
JSON parameters, a row cap with the true total, CSV/JSON output, and the canned
questions (:mod:`aigraph.questions`) as example queries with their parameters bound.
"""

from __future__ import annotations

import csv
import io
import json
import time
from dataclasses import dataclass
from typing import Any

from aigraph.errors import QueryError

#: The two console languages.
LANGUAGES = ("sparql", "cypher")
#: Longest query text a console accepts (characters).
MAX_QUERY_CHARS = 20_000
#: Most rows a console shows and offers for download; the rest are counted, not kept.
MAX_ROWS = 5_000
#: Default and largest timeout of a console query (seconds).
DEFAULT_TIMEOUT = 10.0
MAX_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class ConsoleResult:
    """The answer of one console query.

    ``rows`` holds at most the cap; ``total_rows`` is how many the store returned, so
    ``truncated`` tells when some were left out. The store stops at one row over the
    cap, so when ``truncated`` is true ``total_rows`` is a lower bound ("more than
    ``len(rows)``"), not a count.
    """

    language: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total_rows: int
    seconds: float
    #: Parameters given but not used by the query (left out rather than sent).
    unused_params: tuple[str, ...] = ()

    @property
    def truncated(self) -> bool:
        """True when the row cap left rows out."""
        return self.total_rows > len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """Return the rows as dicts keyed by column (values as the store gave them)."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def display_rows(self) -> list[dict[str, Any]]:
        """Return the rows as dicts of scalars: lists and maps become JSON text (for tables)."""
        return [{c: display_value(v) for c, v in zip(self.columns, row)} for row in self.rows]


def display_value(value: Any) -> Any:
    """Return a cell as a table shows it: scalars as they are, anything nested as JSON text.

    Examples
    --------
    >>> display_value(["a", 1]), display_value(3), display_value(None)
    ('["a", 1]', 3, None)
    """
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def check_query_text(text: str, language: str) -> str:
    """Return the query text if a console may send it; raise otherwise.

    Raises
    ------
    QueryError
        Unknown language, empty text, or text longer than :data:`MAX_QUERY_CHARS`.

    Examples
    --------
    >>> check_query_text("MATCH (n) RETURN n", "cypher")
    'MATCH (n) RETURN n'
    >>> check_query_text("x" * 20_001, "sparql")
    Traceback (most recent call last):
    aigraph.errors.QueryError: the query is 20,001 characters long; the console takes at most 20,000
    """
    if language not in LANGUAGES:
        raise QueryError(f"unknown query language {language!r} (choose from: {', '.join(LANGUAGES)})")
    if not text or not text.strip():
        raise QueryError("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text):,} characters long; the console takes at most {MAX_QUERY_CHARS:,}"
        )
    return text


def parse_params(text: str | None) -> dict[str, Any]:
    """Return query parameters from JSON text (an object; blank text means none).

    Raises
    ------
    QueryError
        When the text is not a JSON object.

    Examples
    --------
    >>> parse_params('{"key": "deepmind"}')
    {'key': 'deepmind'}
    >>> parse_params("  ")
    {}
    """
    if text is None or not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as err:
        raise QueryError(f"parameters are not valid JSON: {err}") from err
    if not isinstance(value, dict):
        raise QueryError('parameters must be a JSON object, e.g. {"key": "deepmind"}')
    return value


def used_params(text: str, params: dict[str, Any], language: str) -> dict[str, Any]:
    """Return the parameters the query text refers to (``?name``/``$name`` in SPARQL, ``$name`` in Cypher).

    A console keeps its parameter field between queries; sending a parameter the new
    query does not use would make the SPARQL store fail, so it is left out.

    Examples
    --------
    >>> used_params("SELECT ?org WHERE { ?o aig:key ?key }", {"key": "x", "year": 1}, "sparql")
    {'key': 'x'}
    >>> used_params("MATCH (n) WHERE n.year = $year RETURN '$key'", {"key": "x", "year": 1}, "cypher")
    {'year': 1}
    """
    from aigraph.readonly import cypher_tokens, sparql_tokens

    if language == "sparql":
        names = {t.text[1:] for t in sparql_tokens(text) if t.kind == "var"}
    else:
        names = {t.text[1:].strip("`") for t in cypher_tokens(text) if t.kind == "param"}
    return {name: value for name, value in params.items() if name in names}


def run_console_query(
    store: Any,
    text: str,
    *,
    language: str,
    params: dict[str, Any] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int = MAX_ROWS,
) -> ConsoleResult:
    """Run a console query on a store and return at most ``max_rows`` rows.

    Parameters
    ----------
    store
        An :class:`aigraph.rdf.SparqlStore` or :class:`aigraph.cypher.CypherStore`
        (anything with ``query(text, *, timeout, params) -> (columns, rows)``).
    text
        The query; checked by :func:`check_query_text`, then by the store's read-only guard.
    language
        ``"sparql"`` or ``"cypher"`` (for the checks and messages).
    params
        Values bound to the query's parameters (never pasted into the text); those
        the text does not refer to are left out and named in ``unused_params``.
    timeout
        Seconds the query may run, at most :data:`MAX_TIMEOUT`.
    max_rows
        The row cap.

    Raises
    ------
    QueryError
        Over-long or empty text, or malformed query;
        :class:`~aigraph.errors.ReadOnlyError` for a write,
        :class:`~aigraph.errors.QueryTimeout` when the time ran out.
    GraphError
        The graph directory is missing or incomplete.
    """
    check_query_text(text, language)
    given = dict(params or {})
    bound = used_params(text, given, language)
    limit = MAX_TIMEOUT if timeout is None else min(float(timeout), MAX_TIMEOUT)
    started = time.perf_counter()
    cap = max(0, max_rows)
    # The store stops reading at cap + 1 rows: one over says "more", and no more are made.
    columns, rows = store.query(text, timeout=limit, params=bound or None, max_rows=cap)
    seconds = time.perf_counter() - started
    kept = tuple(tuple(row) for row in rows[:cap])
    unused = tuple(sorted(set(given) - set(bound)))
    return ConsoleResult(language, tuple(columns), kept, len(rows), seconds, unused)


def rows_to_csv(columns: tuple[str, ...] | list[str], rows: Any) -> str:
    """Return rows as CSV text with a header (nested values as JSON, ``None`` as empty).

    Examples
    --------
    >>> print(rows_to_csv(["a", "b"], [(1, None), ("x,y", [2])]), end="")
    a,b
    1,
    "x,y",[2]
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow("" if v is None else display_value(v) for v in row)
    return out.getvalue()


def rows_to_json(columns: tuple[str, ...] | list[str], rows: Any) -> str:
    """Return rows as a JSON list of objects keyed by column.

    Examples
    --------
    >>> rows_to_json(["a"], [(1,), (None,)])
    '[\\n  {\\n    "a": 1\\n  },\\n  {\\n    "a": null\\n  }\\n]'
    """
    records = [dict(zip(columns, row)) for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2, default=str)


# -- examples ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Example:
    """An example console query: a canned question's text with its parameters."""

    key: str
    title: str
    text: str
    params: dict[str, Any]

    @property
    def params_json(self) -> str:
        """The parameters as the console's JSON field shows them."""
        return json.dumps(self.params, ensure_ascii=False) if self.params else ""


_COUNT_SPARQL = """SELECT ?label (COUNT(?node) AS ?nodes) WHERE {
  ?node aig:label ?label .
}
GROUP BY ?label
ORDER BY DESC(?nodes) ?label
"""

_COUNT_CYPHER = """MATCH (n)
RETURN label(n) AS label, count(*) AS nodes
ORDER BY nodes DESC, label
"""


def examples(
    language: str,
    *,
    org: str = "DeepMind",
    entity: str = "AlphaFold",
    dataset: str = "ImageNet",
    year: int = 2024,
) -> list[Example]:
    """Return the example queries of a console: node counts, then each canned question.

    The texts are the ones :mod:`aigraph.questions` runs; the arguments are bound as
    parameters (``key``: the lower-cased name; ``year``), as the questions bind them.

    Examples
    --------
    >>> [e.key for e in examples("cypher")][:3]
    ['counts', 'models-by-org', 'mentions']
    >>> examples("sparql")[1].params
    {'key': 'deepmind'}
    """
    from aigraph.questions import QUESTIONS

    if language == "sparql":
        from aigraph.rdf.vocab import sparql_prologue

        counts = Example("counts", "Nodes per label", sparql_prologue() + _COUNT_SPARQL, {})
    elif language == "cypher":
        counts = Example("counts", "Nodes per label", _COUNT_CYPHER, {})
    else:
        raise QueryError(f"unknown query language {language!r} (choose from: {', '.join(LANGUAGES)})")
    arguments = {"org": org, "entity": entity, "dataset": dataset, "year": int(year)}
    found = [counts]
    for name, question in QUESTIONS.items():
        shown = arguments[question.arg]
        params = question.params(language, question.parse_argument(shown))
        found.append(Example(name, f"{name} {shown}: {question.help}", question.text(language).strip() + "\n", params))
    return found
