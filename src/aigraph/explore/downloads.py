"""Any export format of :mod:`aigraph.export` as one file a browser can download.

Formats that write one file give that file; formats that write a folder (CSV tables,
Parquet, Neo4j import CSVs) give a zip of it.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

#: Formats written as one file, and that file's extension and MIME type.
SINGLE_FILE: dict[str, tuple[str, str]] = {
    "jsonl": ("jsonl", "application/x-ndjson"),
    "graphml": ("graphml", "application/xml"),
    "gexf": ("gexf", "application/xml"),
    "ttl": ("ttl", "text/turtle"),
    "jsonld": ("jsonld", "application/ld+json"),
    "nt": ("nt", "application/n-triples"),
}

#: Base of every downloaded file's name.
STEM = "aigraph"


@dataclass(frozen=True, slots=True)
class ExportFile:
    """One downloadable export: its format, file name, MIME type and bytes."""

    format: str
    file_name: str
    mime: str
    data: bytes


def export_formats() -> list[tuple[str, str]]:
    """Return ``(name, description)`` of every export format, sorted by name.

    Examples
    --------
    >>> ("graphml", "GraphML") in export_formats()
    True
    """
    from aigraph.export import FORMATS, formats

    return [(name, FORMATS[name].description) for name in formats()]


def download_name(fmt: str) -> tuple[str, str]:
    """Return the file name and MIME type a download of format ``fmt`` gets.

    Examples
    --------
    >>> download_name("ttl"), download_name("parquet")
    (('aigraph.ttl', 'text/turtle'), ('aigraph-parquet.zip', 'application/zip'))
    """
    if fmt in SINGLE_FILE:
        extension, mime = SINGLE_FILE[fmt]
        return f"{STEM}.{extension}", mime
    return f"{STEM}-{fmt}.zip", "application/zip"


def _zip(root: Path, files: list[Path]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            # A fixed date keeps the archive the same for the same graph.
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def export_file(graph: nx.MultiDiGraph, fmt: str) -> ExportFile:
    """Export ``graph`` in format ``fmt`` and return it as one downloadable file.

    Raises
    ------
    aigraph.export.ExportError
        For an unknown format or a failed export.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> out = export_file(sample_graph(), "csv")
    >>> out.file_name, out.mime, out.data[:2]
    ('aigraph-csv.zip', 'application/zip', b'PK')
    """
    from aigraph.export import export_graph

    file_name, mime = download_name(fmt)
    with tempfile.TemporaryDirectory(prefix="aigraph-export-") as tmp:
        root = Path(tmp)
        if fmt in SINGLE_FILE:
            target = root / file_name
            written = export_graph(graph, fmt, target)
            if written == [target]:
                return ExportFile(fmt, file_name, mime, target.read_bytes())
        else:
            target = root / f"{STEM}-{fmt}"
            written = export_graph(graph, fmt, target)
        files = [p for p in written if p.is_file()]
        return ExportFile(fmt, f"{STEM}-{fmt}.zip", "application/zip", _zip(root, files))
