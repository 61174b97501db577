"""What every page of the explorer shares: the graph directory, cached loads, links.

Pages call :func:`require_graph` first: it shows guidance and stops the page when
there is no usable graph, so no page ever shows a traceback for a missing build.
Loaded things (graph, search index, stores) live in ``st.cache_resource``; computed
results in ``st.cache_data``. Both are keyed by the graph directory and its build
stamp, so a rebuild is picked up on the next rerun.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

#: Environment variable naming the graph directory (``aigraph explore --graph`` sets it).
GRAPH_ENV = "AIGRAPH_GRAPH_DIR"

#: The folder of the page scripts, next to this module.
VIEWS = Path(__file__).resolve().parent / "views"

#: Page files as absolute paths (for ``st.Page``, ``st.page_link`` and ``st.switch_page``), so
#: the pages are found whichever entry file Streamlit runs: the packaged one or a launcher.
PAGES = {
    name: str(VIEWS / f"{name}.py")
    for name in ("overview", "search", "entity", "organisation", "years", "trends", "predictions", "graph", "query",
                 "export")
}


@dataclass(frozen=True)
class Loaded:
    """A usable graph and where it came from (the cache key of everything derived)."""

    graph: Any
    root: str
    stamp: str


def graph_dir() -> str:
    """Return the graph directory to explore (absolute): ``$AIGRAPH_GRAPH_DIR`` or ``data/graph``."""
    from aigraph.graph.paths import DEFAULT_GRAPH_DIR

    return str(Path(os.environ.get(GRAPH_ENV) or DEFAULT_GRAPH_DIR).resolve())


@st.cache_resource(show_spinner="Loading the graph...", max_entries=4)
def cached_graph(root: str, stamp: str) -> Any:
    """The graph of a directory (loaded once per build stamp, shared by every session)."""
    import gc

    from aigraph.graph import load_graph

    graph = load_graph(root)
    # A big graph is millions of long-lived objects: move them out of the collector's
    # reach, or every full collection walks them all during some unlucky rerun.
    gc.collect()
    gc.freeze()
    return graph


def require_graph() -> Loaded:
    """Return the loaded graph, or show what to do and stop the page when there is none."""
    from aigraph.errors import GraphError
    from aigraph.explore.status import graph_status

    root = graph_dir()
    status = graph_status(root)
    if not status.ok:
        _guidance(status.message, status.hint)
    try:
        graph = cached_graph(root, status.stamp)
    except GraphError as err:
        _guidance(str(err), status.hint or f"Rebuild it with `aigraph build data/raw --out {root}`.")
    if graph.number_of_nodes() == 0:
        _guidance(f"The graph at {root} is empty: the build found no entities.",
                  "Add report files (PDF, Markdown, text or HTML) to data/raw and run `aigraph build`.")
    return Loaded(graph, root, status.stamp)


def _guidance(message: str, hint: str) -> None:
    st.info(f"**No graph to explore yet.** {message}")
    st.markdown(hint)
    st.code(f"aigraph build data/raw --out {graph_dir()}\naigraph explore --graph {graph_dir()}", language="bash")
    st.stop()


@st.cache_resource(max_entries=4)
def search_index(root: str, stamp: str) -> Any:
    """The fuzzy-search index of a graph."""
    from aigraph.explore.search import build_index

    return build_index(cached_graph(root, stamp))


@st.cache_resource(max_entries=4)
def merge_log_index(root: str, stamp: str) -> dict[str, list[dict[str, Any]]]:
    """The merge log of a graph, grouped by node id (empty when unreadable)."""
    from aigraph.errors import GraphError
    from aigraph.explore.mergelog import index_merge_log, read_merge_log

    try:
        return index_merge_log(read_merge_log(root))
    except GraphError:
        return {}


@st.cache_resource(max_entries=4)
def store(language: str, root: str, stamp: str) -> Any:
    """The read-only store of one query language (opened lazily on its first query)."""
    if language == "sparql":
        from aigraph.rdf import SparqlStore

        return SparqlStore(root)
    from aigraph.cypher import CypherStore

    return CypherStore(root)


def entity_link(node_id: str, label: str, *, help: str | None = None) -> None:
    """Draw a link to a node's entity page."""
    st.page_link(PAGES["entity"], label=label, query_params={"id": node_id}, help=help)


def entity_label(name: str, label: str) -> str:
    """Return how a node is named in pickers: ``"DeepMind (Organization)"``."""
    return f"{name} ({label})"


def query_param(name: str) -> str | None:
    """Return a query parameter of the page's URL, or ``None``."""
    value = st.query_params.get(name)
    return value or None
