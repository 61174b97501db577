"""CSV export: ``nodes.csv`` and ``edges.csv`` in a folder, or both inside a ``.zip``.

Empty cells are missing values; booleans are ``true``/``false``; lists and
evidence are JSON text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.export.tables import edge_table, node_table

if TYPE_CHECKING:
    import networkx as nx

# A fixed timestamp keeps the zip byte-identical from one export to the next.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def generate_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """Return CSV text with a header line (``\\n`` line ends).

    Examples
    --------
    >>> print(generate_csv(["id", "ok"], [{"id": "a", "ok": True}, {"id": "b", "ok": None}]), end="")
    id,ok
    a,true
    b,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buffer.getvalue()


def write_csv(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into folder ``out`` (or zip file ``out.zip``)."""
    files = {
        "nodes.csv": generate_csv(*node_table(graph)),
        "edges.csv": generate_csv(*edge_table(graph)),
    }
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text.encode("utf-8"),
                                 zipfile.ZIP_DEFLATED)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="")
        written.append(out / name)
    return written
