"""The canned questions, answered three ways: on the networkx graph, in SPARQL, in Cypher.

The questions are declared once, in :mod:`aigraph.questions.catalog` (read its
docstring to add one). This module is the one runner: :func:`answer` asks a question of
a graph or an open store, :func:`ask` of a build directory through any ``via``. Every
engine's rows go through the same finish (:func:`finish`: the question's fold, its
columns, distinct, its order), so the three return the same rows on the same build.

Examples
--------
>>> sorted(QUESTIONS)  # doctest: +NORMALIZE_WHITESPACE
['co-occurring', 'dropped-in', 'hit-rate', 'largest-models', 'mentions', 'metrics-on', 'models-by-org',
 'new-in', 'prediction-record', 'predictions', 'publication-lag']
>>> from aigraph.graph.sample import sample_graph
>>> answer(sample_graph(), "models-by-org", "openai")
[{'org': 'OpenAI', 'model': 'GPT-3', 'year': 2020}]
>>> rows = ask("models-by-org", "DeepMind", via="cypher")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from aigraph.errors import QueryError
from aigraph.questions.catalog import QUESTIONS, VIAS, Question, get_question
from aigraph.questions.graph import NOT_IN_YEAR_LABELS
from aigraph.questions.rows import order_rows

Row = dict[str, Any]

#: Labels ``new-in`` and ``dropped-in`` leave out (not entities, or year-scoped).
NOT_IN_YEAR_QUESTIONS = NOT_IN_YEAR_LABELS


def finish(question: str | Question, rows: Iterable[Row], value: Any = None) -> list[Row]:
    """Return an engine's raw rows as the question's rows: folded, its columns, distinct, ordered.

    Raises
    ------
    QueryError
        When a column of the question is missing (a bug in a canned query).
    """
    spec = question if isinstance(question, Question) else get_question(question)
    rows = list(rows)
    if spec.fold is not None:
        rows = spec.fold(rows, value)
    missing = [c for c in spec.columns if rows and c not in rows[0]]
    if missing:
        raise QueryError(f"{spec.name}: the store returned no column {', '.join(missing)}")
    return order_rows(rows, spec.columns, spec.order)


def rows_as_dicts(
    question: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], value: Any = None,
) -> list[Row]:
    """Return a store's result (column names and tuples) as the question's rows (see :func:`finish`).

    Other columns (a SPARQL query also selects its bound variables) are left out.
    """
    spec = get_question(question)
    if spec.fold is None:
        missing = [c for c in spec.columns if c not in columns]
        if missing:
            raise QueryError(f"{question}: the store returned no column {', '.join(missing)}")
    return finish(spec, (dict(zip(columns, row)) for row in rows), value)


def answer(source: Any, name: str, arg: Any, *, via: str = "graph", **query_options: Any) -> list[Row]:
    """Answer a canned question on a networkx graph (``via="graph"``) or an open store.

    Parameters
    ----------
    source
        The ``MultiDiGraph`` of a build, or a store with ``query(text, params=...)``
        (:class:`aigraph.rdf.SparqlStore` for ``"sparql"``, :class:`aigraph.cypher.CypherStore`
        for ``"cypher"``).
    name, arg
        The question and its argument (parsed by :meth:`Question.parse_argument`).
    **query_options
        Passed to the store's ``query`` (``timeout=``).

    Raises
    ------
    QueryError
        Unknown question or via, a bad argument, or a failed query.
    """
    question = get_question(name)
    value = question.parse_argument(arg)
    if via == "graph":
        return finish(question, question.graph(source, value), value)
    if via not in VIAS:
        raise QueryError(f"unknown via {via!r} (choose from: {', '.join(VIAS)})")
    columns, rows = source.query(question.text(via), params=question.params(via, value), **query_options)
    return rows_as_dicts(name, list(columns), rows, value)


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
        from aigraph.graph.paths import file_stamp

        with self.lock:
            stamp = file_stamp(GraphPaths(self.root).manifest)
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
    get_question(name).parse_argument(arg)  # a bad question or argument fails before a store opens
    store = store_for(via, graph_dir)
    if via == "graph":
        return answer(store.get(), name, arg)
    kwargs = {} if timeout is None else {"timeout": timeout}
    return answer(store, name, arg, via=via, **kwargs)


__all__ = [
    "NOT_IN_YEAR_QUESTIONS",
    "QUESTIONS",
    "VIAS",
    "Question",
    "answer",
    "ask",
    "close_stores",
    "finish",
    "get_question",
    "rows_as_dicts",
    "store_for",
]
