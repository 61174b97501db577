"""What the explorer shows, computed from the built graph (pure functions, no Streamlit).

The Streamlit pages under ``app/`` only wire widgets to these functions; everything a
page shows can be had from here too. Import the functions from their modules
(``from aigraph.explore.search import search``); the names below that do not clash with
a module name are also available from the package. Modules (each loaded on first use):

- :mod:`~aigraph.explore.labels`: label order, colours, entity tests, report years.
- :mod:`~aigraph.explore.status`: is a graph directory usable, and its build stamp.
- :mod:`~aigraph.explore.overview`: counts per label and year, top organisations/models.
- :mod:`~aigraph.explore.search`: fuzzy search over names and aliases (rapidfuzz).
- :mod:`~aigraph.explore.entity`: everything an entity page shows (mentions with the
  mention highlighted, relations, neighbours, merge-log entries).
- :mod:`~aigraph.explore.mentions`: an entity's mentions one row per sentence (with its
  slide range), filtered by report year and paged.
- :mod:`~aigraph.explore.provenance`: a relation's evidence rows and how each was known
  (read from the sentence, inferred from a heading, known from curated knowledge).
- :mod:`~aigraph.explore.money`: money amounts tied to the organisation they are about.
- :mod:`~aigraph.explore.mergelog`: reading ``merge_log.jsonl``.
- :mod:`~aigraph.explore.timeline`: an organisation's models by report year, a timeline
  without lines across gaps, organisations compared.
- :mod:`~aigraph.explore.trends`: per report year, mentions per label, top entities, new
  and no-longer-mentioned entities (the Trends page's tables).
- :mod:`~aigraph.explore.years`: entities new, no longer mentioned and continuing between two years.
- :mod:`~aigraph.explore.neighbourhood`: the subgraph around a node, as Cytoscape elements.
- :mod:`~aigraph.explore.graphstyle`: how the graph view draws it (styles, legend).
- :mod:`~aigraph.explore.schema`: the graph's schema for the Query page, sorted examples.
- :mod:`~aigraph.explore.console`: running console queries (length check, row cap,
  CSV/JSON), and the canned questions as example queries.
- :mod:`~aigraph.explore.downloads`: any export format as one downloadable file.
- :mod:`~aigraph.explore.markdown`: report text made safe for Streamlit Markdown, mentions marked.
- :mod:`~aigraph.explore.serve`: ``streamlit run`` with the heavy libraries preloaded
  (what ``aigraph explore`` starts).
"""

from __future__ import annotations

from aigraph._lazy import lazy_exports

_EXPORTS = {
    "ENTITY_LABELS": "aigraph.explore.labels",
    "LABEL_COLORS": "aigraph.explore.labels",
    "GraphStatus": "aigraph.explore.status",
    "graph_status": "aigraph.explore.status",
    "Overview": "aigraph.explore.overview",
    "SearchHit": "aigraph.explore.search",
    "SearchIndex": "aigraph.explore.search",
    "EntityView": "aigraph.explore.entity",
    "EntityNotFound": "aigraph.explore.entity",
    "entity_view": "aigraph.explore.entity",
    "highlight": "aigraph.explore.entity",
    "read_merge_log": "aigraph.explore.mergelog",
    "models_by_year": "aigraph.explore.timeline",
    "organisations": "aigraph.explore.timeline",
    "year_diff": "aigraph.explore.years",
    "cytoscape_elements": "aigraph.explore.neighbourhood",
    "ConsoleResult": "aigraph.explore.console",
    "run_console_query": "aigraph.explore.console",
    "examples": "aigraph.explore.console",
    "export_file": "aigraph.explore.downloads",
    "highlighted_markdown": "aigraph.explore.markdown",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
