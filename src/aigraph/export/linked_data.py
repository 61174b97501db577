"""RDF exports (Turtle, JSON-LD, N-Triples) through :mod:`aigraph.rdf`.

The graph -> RDF mapping lives in :mod:`aigraph.rdf`; this module only picks the
serialisation. N-Triples lines are sorted so the file is stable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.export import ExportError

if TYPE_CHECKING:
    import networkx as nx


def _rdf_module() -> Any:
    try:
        import aigraph.rdf as rdf
    except ModuleNotFoundError as err:
        if err.name and "aigraph.rdf".startswith(err.name):
            raise ExportError("RDF export needs aigraph.rdf, which is not installed") from err
        raise
    return rdf


def _to_rdf(graph: nx.MultiDiGraph) -> Any:
    converter = getattr(_rdf_module(), "graph_to_rdf", None)
    if converter is None:
        raise ExportError("RDF export needs aigraph.rdf.graph_to_rdf, which is not available")
    return converter(graph)


def write_ttl(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write RDF Turtle to the file ``out`` (the same text as the build's ``graph.ttl``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = getattr(_rdf_module(), "write_turtle", None)
    if writer is not None:
        writer(graph, out)
    else:
        _to_rdf(graph).serialize(destination=str(out), format="turtle", encoding="utf-8")
    return [out]


def write_jsonld(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write RDF JSON-LD to the file ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _to_rdf(graph).serialize(destination=str(out), format="json-ld", encoding="utf-8")
    return [out]


def write_nt(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write RDF N-Triples to the file ``out``, one triple per line, lines sorted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    data = _to_rdf(graph).serialize(format="nt", encoding="utf-8")
    lines = sorted(line for line in data.decode("utf-8").splitlines() if line.strip())
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return [out]
