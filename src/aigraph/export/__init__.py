"""Export a built graph to the formats other tools read, one small module per format.

Formats are found by name in :data:`FORMATS` (module and function load lazily, so
pyarrow or rdflib are imported only for the format that needs them):

========  ==============================================================  =========
name      what is written                                                 ``out``
========  ==============================================================  =========
csv       ``nodes.csv`` + ``edges.csv``                                   folder or ``.zip``
jsonl     one JSON object per node, then per edge                         file
graphml   GraphML (networkx)                                              file
gexf      GEXF 1.2 (networkx), for Gephi                                  file
ttl       RDF Turtle (:mod:`aigraph.rdf`)                                 file
jsonld    RDF JSON-LD                                                     file
nt        RDF N-Triples, lines sorted                                     file
parquet   ``nodes.parquet`` + ``edges.parquet``                           folder
neo4j     ``neo4j-admin database import`` CSVs, one file per label/type   folder
========  ==============================================================  =========

Nested properties (lists, evidence) become JSON strings wherever a format holds
only scalars.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.errors import AigraphError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMATS", "ExportError", "Exporter", "export_graph", "formats", "register"]


class ExportError(AigraphError):
    """An export format is unknown or its output cannot be written."""


@dataclass(frozen=True, slots=True)
class Exporter:
    """Where a format's writer lives: ``module.function(graph, out) -> list[Path]``."""

    module: str
    function: str
    description: str


#: Format name -> exporter. Add one with :func:`register`.
FORMATS: dict[str, Exporter] = {}


def register(name: str, module: str, function: str, description: str) -> None:
    """Register (or replace) the writer of one export format.

    Examples
    --------
    >>> register("jsonl", "aigraph.export.jsonl", "write_jsonl", "JSON Lines")
    >>> "jsonl" in formats()
    True
    """
    FORMATS[name] = Exporter(module, function, description)


register("csv", "aigraph.export.csv_tables", "write_csv", "nodes.csv + edges.csv (folder or .zip)")
register("jsonl", "aigraph.export.jsonl", "write_jsonl", "JSON Lines: nodes, then edges")
register("graphml", "aigraph.export.graphml", "write_graphml", "GraphML")
register("gexf", "aigraph.export.gexf", "write_gexf", "GEXF 1.2 (Gephi)")
register("ttl", "aigraph.export.linked_data", "write_ttl", "RDF Turtle")
register("jsonld", "aigraph.export.linked_data", "write_jsonld", "RDF JSON-LD")
register("nt", "aigraph.export.linked_data", "write_nt", "RDF N-Triples")
register("parquet", "aigraph.export.parquet", "write_parquet", "nodes.parquet + edges.parquet")
register("neo4j", "aigraph.export.neo4j_import", "write_neo4j_import",
         "neo4j-admin database import CSVs")


def formats() -> list[str]:
    """Return the names of the export formats, sorted."""
    return sorted(FORMATS)


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: str | PathLike[str]) -> list[Path]:
    """Write ``graph`` in format ``fmt`` to ``out``; return the files written.

    Raises
    ------
    ExportError
        For an unknown format, or when ``out`` cannot be written.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.jsonl"
    >>> [p.name for p in export_graph(sample_graph(), "jsonl", out)]
    ['graph.jsonl']
    """
    exporter = FORMATS.get(fmt)
    if exporter is None:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(formats())})")
    writer = getattr(importlib.import_module(exporter.module), exporter.function)
    out = Path(out)
    try:
        return writer(graph, out)
    except OSError as err:
        raise ExportError(f"cannot write {out}: {err.strerror or err}") from err
