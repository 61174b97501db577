"""The canned questions, answered three ways: on the networkx graph, in SPARQL, in Cypher.

:data:`QUESTIONS` lists them; :func:`ask` answers one by name through any ``via``. The
three forms return the same rows (same columns, order and values) on the same build, as
``docs/graph-model.md`` specifies; ``aigraph.questions.graph.order_rows`` applies the
final order to all three.

Examples
--------
>>> sorted(QUESTIONS)  # doctest: +NORMALIZE_WHITESPACE
['co-occurring', 'dropped-in', 'hit-rate', 'largest-models', 'mentions', 'metrics-on', 'models-by-org',
 'new-in', 'prediction-record', 'predictions', 'publication-lag']
>>> QUESTIONS["models-by-org"].columns
('org', 'model', 'year')
>>> rows = ask("models-by-org", "DeepMind", via="cypher")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aigraph.errors import QueryError
from aigraph.questions import graph as _graph_form

#: The ways a question can be answered.
VIAS = ("graph", "sparql", "cypher")

#: Labels ``new-in`` and ``dropped-in`` leave out (not entities, or year-scoped).
NOT_IN_YEAR_QUESTIONS = tuple(sorted(_graph_form.NON_ENTITY_LABELS | {"Metric"}))


@dataclass(frozen=True, slots=True)
class Question:
    """One canned question: its name, its argument, what it answers, its columns."""

    name: str
    arg: str
    description: str
    columns: tuple[str, ...]
    arg_type: type = str
    #: The argument may be left out (``None``, ``""`` or ``"all"``), e.g. ``hit-rate``.
    optional: bool = False

    def parse_argument(self, value: Any) -> Any:
        """Return the argument as the question needs it (a year as ``int``).

        Raises
        ------
        QueryError
            When a year is not a whole number, or a needed argument is missing.
        """
        if value is None or str(value).strip().lower() in ("", "all") and self.optional:
            if self.optional:
                return None
            raise QueryError(f"{self.name} needs its argument ({self.arg})")
        if self.arg_type is int:
            try:
                return int(str(value).strip())
            except ValueError:
                raise QueryError(f"{self.arg} must be a whole number, got {value!r}") from None
        return str(value)


def _question(name: str, arg: str, description: str, arg_type: type = str, optional: bool = False) -> Question:
    return Question(name, arg, description, _graph_form.QUESTIONS[name][0], arg_type, optional)


#: Question name -> :class:`Question`, in the order they are listed to users.
QUESTIONS: dict[str, Question] = {
    q.name: q
    for q in (
        _question("models-by-org", "org", "Models an organisation developed, by report year."),
        _question("mentions", "entity", "Every mention of an entity: year, slide, section, sentence."),
        _question("metrics-on", "dataset", "Metrics reported on a dataset: value, model, year."),
        _question("new-in", "year", "Entities first seen in a report year.", int),
        _question("dropped-in", "year", "Entities in the year before but not in this one.", int),
        _question("co-occurring", "org", "Organisations on the same slides as one, ranked."),
        _question("publication-lag", "org", "Models of an organisation: publication date (Epoch AI), "
                  "first report year, lag in years."),
        _question("largest-models", "year", "Models in a report year ranked by training compute (Epoch AI), "
                  "with parameters.", int),
        _question("predictions", "year", "A report year's predictions: slide, entities named, grade.", int),
        _question("prediction-record", "org", "Predictions naming an organisation, across years, graded."),
        _question("hit-rate", "year", "Predictions graded yes / partly / no / not yet, per report year "
                  "(no year or 'all': every year, with a total).", int, optional=True),
    )
}


def get_question(name: str) -> Question:
    """Return a question by name.

    Raises
    ------
    QueryError
        For an unknown name; the message lists the known ones.
    """
    try:
        return QUESTIONS[name]
    except KeyError:
        raise QueryError(f"unknown question {name!r} (known: {', '.join(QUESTIONS)})") from None


def name_key(name: str) -> str:
    """Return a name argument as every store compares it: stripped and lower-cased.

    Examples
    --------
    >>> name_key("  Google DeepMind ")
    'google deepmind'
    """
    return str(name).strip().lower()


def name_keys(attrs: dict[str, Any]) -> list[str]:
    """Return the look-up keys of a node: its name and aliases, lower-cased, sorted.

    The SPARQL and Cypher stores hold these (``aig:key``, the ``keys`` column) so a
    look-up there is an exact match on :func:`name_key`, as in the networkx form.

    Examples
    --------
    >>> name_keys({"name": "DeepMind", "aliases": ["Google DeepMind", "deepmind"]})
    ['deepmind', 'google deepmind']
    """
    forms = [attrs.get("name"), *(attrs.get("aliases") or ())]
    return sorted({str(form).lower() for form in forms if form is not None})


def rows_as_dicts(question: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Return store rows as the question's row dicts: its columns only, distinct, ordered.

    Other columns (a SPARQL query also selects its bound variables) are left out.

    Raises
    ------
    QueryError
        When a column of the question is missing (a bug in a canned query).
    """
    expected = get_question(question).columns
    missing = [c for c in expected if c not in columns]
    if missing:
        raise QueryError(f"{question}: the store returned no column {', '.join(missing)}")
    index = [list(columns).index(c) for c in expected]
    return _graph_form.order_rows(question, ({c: row[i] for c, i in zip(expected, index)} for row in rows))


# -- ask -------------------------------------------------------------------------------

_open_lock = threading.Lock()
_open: dict[tuple[str, Path], Any] = {}


def _graph_dir(graph_dir: str | os.PathLike[str] | None) -> Path:
    from aigraph.graph.paths import DEFAULT_GRAPH_DIR

    return Path(DEFAULT_GRAPH_DIR if graph_dir is None else graph_dir).resolve()


class _LoadedGraph:
    """The networkx graph of a directory, reloaded when its manifest changes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stamp: tuple[int, int, int] | None = None
        self.graph: Any = None
        self.lock = threading.Lock()

    def get(self) -> Any:
        from aigraph.graph import GraphPaths, load_graph

        with self.lock:
            try:
                stat = GraphPaths(self.root).manifest.stat()
                stamp: tuple[int, int, int] | None = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            except OSError:
                stamp = None
            if self.graph is None or stamp is None or stamp != self.stamp:
                self.graph, self.stamp = load_graph(self.root), stamp
            return self.graph


def store_for(via: str, graph_dir: str | os.PathLike[str] | None = None) -> Any:
    """Return the (shared, lazily opened) store of a graph directory for one ``via``.

    ``"sparql"`` gives an :class:`aigraph.rdf.SparqlStore`, ``"cypher"`` an
    :class:`aigraph.cypher.CypherStore`, ``"graph"`` a holder of the networkx graph.
    """
    if via not in VIAS:
        raise QueryError(f"unknown via {via!r} (choose from: {', '.join(VIAS)})")
    key = (via, _graph_dir(graph_dir))
    with _open_lock:
        store = _open.get(key)
        if store is None:
            if via == "sparql":
                from aigraph.rdf import SparqlStore

                store = SparqlStore(key[1])
            elif via == "cypher":
                from aigraph.cypher import CypherStore

                store = CypherStore(key[1])
            else:
                store = _LoadedGraph(key[1])
            _open[key] = store
    return store


def close_stores() -> None:
    """Close every store :func:`store_for` opened (the next use reopens them)."""
    with _open_lock:
        stores = list(_open.values())
        _open.clear()
    for store in stores:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def ask(
    name: str,
    arg: Any,
    *,
    via: str = "graph",
    graph_dir: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Answer a canned question on a built graph.

    Parameters
    ----------
    name
        A key of :data:`QUESTIONS` (``"models-by-org"``, ...).
    arg
        Its argument: a name or alias (any case), or a year for ``new-in``/``dropped-in``.
    via
        ``"graph"`` (networkx), ``"sparql"`` (Oxigraph) or ``"cypher"`` (LadybugDB); all
        three return the same rows.
    graph_dir
        The build to ask (default ``data/graph``). Stores stay open between calls.
    timeout
        Seconds a store query may run (``None``: the store's default).

    Returns
    -------
    list of dict
        Rows with exactly the question's columns, distinct, in the contract's order.
        An unknown name gives no rows.

    Raises
    ------
    QueryError
        Unknown question or via, a year that is not a number, or a failed query
        (:class:`~aigraph.errors.QueryTimeout` when it ran too long).
    GraphError
        The graph directory is missing or incomplete.
    """
    question = get_question(name)
    value = question.parse_argument(arg)
    store = store_for(via, graph_dir)
    if via == "graph":
        return _graph_form.FUNCTIONS[name](store.get(), value)
    if via == "sparql":
        from aigraph.questions import sparql as form
    else:
        from aigraph.questions import cypher as form  # type: ignore[no-redef]
    kwargs = {} if timeout is None else {"timeout": timeout}
    return form.FUNCTIONS[name](store, value, **kwargs)


__all__ = [
    "NOT_IN_YEAR_QUESTIONS",
    "QUESTIONS",
    "VIAS",
    "Question",
    "ask",
    "close_stores",
    "get_question",
    "name_key",
    "name_keys",
    "rows_as_dicts",
    "store_for",
]
