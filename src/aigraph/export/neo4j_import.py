"""CSV files for ``neo4j-admin database import full``: one node file per label and one
relationship file per type, with typed headers.

Node files have ``id:ID`` first and ``:LABEL`` last; relationship files
``:START_ID,:END_ID,:TYPE`` first. Ids are unique across labels, so one id space serves.
Numbers, booleans and lists of them or of strings keep their Neo4j types
(``years:long[]``, ``aliases:string[]``); evidence is JSON text. ``import.sh`` holds
the command, with the array delimiter chosen so that no list element contains it.
"""

from __future__ import annotations

import csv
import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

_DELIMITERS = (";", "|", "\t")


def _scalar_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return None


def neo4j_type(values: list[Any]) -> str:
    """Return the header type of a column: ``long``, ``double``, ``string[]``, ... or ``json``.

    Examples
    --------
    >>> neo4j_type([1, None, 2]), neo4j_type([1, 2.5]), neo4j_type([["a"], []])
    ('long', 'double', 'string[]')
    >>> neo4j_type([[{"slide": 1}]])
    'json'
    """
    kinds: set[str | None] = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            kinds.update(f"{_scalar_type(v)}[]" if _scalar_type(v) else None for v in value)
            kinds.add("[]")
        else:
            kinds.add(_scalar_type(value))
    if None in kinds:
        return "json"
    if "[]" in kinds:
        kinds.discard("[]")
        if not kinds:
            return "string[]"
        if kinds == {"long[]", "double[]"}:
            return "double[]"
        return kinds.pop() if len(kinds) == 1 else "json"
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string" if not kinds else "json"


def _array_delimiter(graph: nx.MultiDiGraph) -> str:
    elements = {
        str(v)
        for _, attrs in graph.nodes(data=True)
        for value in attrs.values() if isinstance(value, list)
        for v in value
    }
    for delimiter in _DELIMITERS:
        if not any(delimiter in e for e in elements):
            return delimiter
    return _DELIMITERS[-1]


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if kind.endswith("[]"):
        return delimiter.join(_cell(v, kind[:-2], delimiter) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _header(name: str, kind: str) -> str:
    if kind == "string":
        return name
    return f"{name}:string" if kind == "json" else f"{name}:{kind}"


def _write(path: Path, header: tuple[list[str], list[str]],
           records: list[tuple[list[str], dict[str, Any], list[str]]], delimiter: str) -> None:
    """Write one file; each record is (leading cells, properties, trailing cells)."""
    lead, tail = header
    keys = sorted({k for _, props, _ in records for k in props})
    kinds = {k: neo4j_type([props.get(k) for _, props, _ in records]) for k in keys}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*lead, *(_header(k, kinds[k]) for k in keys), *tail])
        for first, props, last in records:
            writer.writerow([*first, *(_cell(props.get(k), kinds[k], delimiter) for k in keys), *last])


def write_neo4j_import(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write ``nodes_<Label>.csv``, ``relationships_<TYPE>.csv`` and ``import.sh`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    delimiter = _array_delimiter(graph)
    by_label: dict[str, list] = {}
    for node, attrs in sorted(graph.nodes(data=True), key=lambda n: n[0]):
        label = str(attrs.get("label", "Node"))
        props = {k: v for k, v in attrs.items() if k != "label"}
        by_label.setdefault(label, []).append(([node], props, [label]))
    by_type: dict[str, list] = {}
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        props = {k: a for k, a in attrs.items() if k != "type"}
        by_type.setdefault(str(key), []).append(([u, v, str(key)], props, []))
    written: list[Path] = []
    for label, records in sorted(by_label.items()):
        path = out / f"nodes_{label}.csv"
        _write(path, (["id:ID"], [":LABEL"]), records, delimiter)
        written.append(path)
    for kind, records in sorted(by_type.items()):
        path = out / f"relationships_{kind}.csv"
        _write(path, ([":START_ID", ":END_ID", ":TYPE"], []), records, delimiter)
        written.append(path)
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n# Load these files into a new Neo4j database (stop the database first).\n"
        'cd "$(dirname "$0")" || exit 1\n' + import_command(written, delimiter) + "\n",
        encoding="utf-8",
    )
    written.append(script)
    return written


def import_command(files: list[Path], delimiter: str = ";", database: str = "neo4j") -> str:
    """Return the ``neo4j-admin database import full`` command line for the written files.

    Examples
    --------
    >>> print(import_command([Path("nodes_Model.csv"), Path("relationships_DEVELOPED.csv")]))
    neo4j-admin database import full neo4j --overwrite-destination --array-delimiter=';' \\
      --nodes=nodes_Model.csv \\
      --relationships=relationships_DEVELOPED.csv
    """
    parts = [f"neo4j-admin database import full {database} --overwrite-destination "
             f"--array-delimiter={shlex.quote(delimiter)}"]
    for path in files:
        option = "--nodes" if path.name.startswith("nodes_") else "--relationships"
        parts.append(f"  {option}={shlex.quote(path.name)}")
    return " \\\n".join(parts)
