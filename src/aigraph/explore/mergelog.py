"""Reading the build's merge log (``merge_log.jsonl``): which names went into which node, and why.

Each line is one entity of one document: ``node, label, name, aliases, rule, matched,
source, year`` (and ``candidates`` for ``ambiguous``); every line whose ``rule`` is not
``new`` is a merge (see ``docs/graph-model.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from typing import Any

from aigraph.errors import GraphError

#: Columns an entity page shows, in order.
MERGE_COLUMNS = ("year", "source", "name", "aliases", "rule", "matched")


def parse_merge_log(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Return the records of a merge log's lines (blank lines skipped).

    Raises
    ------
    GraphError
        When a line is not a JSON object.

    Examples
    --------
    >>> parse_merge_log(['{"node": "org:deepmind", "rule": "same-name"}', ""])
    [{'node': 'org:deepmind', 'rule': 'same-name'}]
    """
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise GraphError(f"merge log line {number} is not JSON ({err})") from err
        if not isinstance(record, dict):
            raise GraphError(f"merge log line {number} is not a JSON object")
        records.append(record)
    return records


def read_merge_log(graph_dir: str | PathLike[str]) -> list[dict[str, Any]]:
    """Return the merge log of a graph directory (``[]`` when the build wrote none).

    Raises
    ------
    GraphError
        When the file exists but cannot be read or parsed.
    """
    from aigraph.graph.paths import GraphPaths

    path = GraphPaths(graph_dir).merge_log
    if not path.is_file():
        return []
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_merge_log(handle)
    except (OSError, UnicodeDecodeError) as err:
        raise GraphError(f"cannot read {path} ({err.__class__.__name__})") from err


def index_merge_log(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Group merge-log records by node id, each group ordered by year, source and name.

    Examples
    --------
    >>> log = [{"node": "a", "year": 2021, "source": "y"}, {"node": "a", "year": 2020, "source": "x"}]
    >>> [r["year"] for r in index_merge_log(log)["a"]]
    [2020, 2021]
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault(str(record.get("node")), []).append(record)
    for group in groups.values():
        group.sort(key=lambda r: (r.get("year") is not None, r.get("year") or 0,
                                  str(r.get("source")), str(r.get("name"))))
    return groups


def is_merge(record: dict[str, Any]) -> bool:
    """Return true when a record joined a name to an existing node (its rule is not ``new``)."""
    return record.get("rule") != "new"
