"""What every engine does to a question's rows: fold flat rows, keep the columns, order.

The three engines (networkx, SPARQL, Cypher) return raw rows; the runner in
:mod:`aigraph.questions` puts them through :func:`order_rows` (and a question's fold
first, when it has one), so the three agree by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Row = dict[str, Any]

#: The grades, in the order ``hit-rate`` counts them.
GRADE_COLUMNS = ("yes", "partly", "no")


def _none_first(value: Any) -> tuple[bool, Any]:
    return (value is not None, value)


def order_rows(rows: Iterable[Row], columns: Sequence[str], order: Sequence[str]) -> list[Row]:
    """Return the distinct rows with exactly ``columns``, sorted by ``order``.

    ``order`` names columns, most significant first; a leading ``-`` sorts that column
    descending. Sorting is stable; ``None`` sorts before any value.

    Examples
    --------
    >>> rows = [{"org": "B", "n": 1}, {"org": "A", "n": 1}, {"org": "C", "n": 3}, {"org": "A", "n": 1}]
    >>> [r["org"] for r in order_rows(rows, ("org", "n"), ("-n", "org"))]
    ['C', 'A', 'B']
    """
    seen: dict[tuple, Row] = {}
    for row in rows:
        kept = {column: row.get(column) for column in columns}
        seen.setdefault(tuple(kept.values()), kept)
    result = list(seen.values())
    for spec in reversed(order):
        column, descending = spec.lstrip("-"), spec.startswith("-")
        result.sort(key=lambda r: _none_first(r[column]), reverse=descending)
    return result


def fold_predictions(flat: Iterable[Row], year: Any = None) -> list[Row]:
    """``predictions`` rows from flat rows with an ``entity`` column (one name or None).

    Examples
    --------
    >>> flat = [{"year": 2021, "number": 1, "prediction": "p", "entity": e} for e in ("B", "A", None)]
    >>> [r["entities"] for r in fold_predictions(flat)]
    ['A; B']
    """
    named: dict[tuple, set[str]] = {}
    for row in flat:
        key = tuple(row.get(c) for c in ("year", "number", "slide", "prediction", "outcome", "evidence"))
        names = named.setdefault(key, set())
        if row.get("entity") is not None:
            names.add(str(row["entity"]))
    return [
        {"year": y, "number": n, "slide": s, "prediction": p, "entities": "; ".join(sorted(names)),
         "outcome": o, "evidence": e}
        for (y, n, s, p, o, e), names in named.items()
    ]


def fold_hit_rate(flat: Iterable[Row], year: int | None) -> list[Row]:
    """``hit-rate`` rows from flat rows ``{id, year, outcome}`` (one per prediction).

    One row per report year that made predictions (``year`` given: that year only); with
    no year, a row with ``year`` None totals them all.

    Examples
    --------
    >>> flat = [{"id": 1, "year": 2021, "outcome": "yes"}, {"id": 2, "year": 2021, "outcome": None}]
    >>> fold_hit_rate(flat, 2021)
    [{'year': 2021, 'predictions': 2, 'yes': 1, 'partly': 0, 'no': 0, 'ungraded': 1}]
    """
    per_year: dict[Any, dict[str, int]] = {}
    seen: set[Any] = set()
    for row in flat:
        if row.get("id") in seen or (year is not None and row.get("year") != year):
            continue
        seen.add(row.get("id"))
        keys = [row.get("year")] if year is not None else [row.get("year"), "all"]
        for key in keys:
            counts = per_year.setdefault(key, {"predictions": 0, **dict.fromkeys((*GRADE_COLUMNS, "ungraded"), 0)})
            counts["predictions"] += 1
            counts[row["outcome"] if row.get("outcome") in GRADE_COLUMNS else "ungraded"] += 1
    return [{"year": None if key == "all" else key, **counts} for key, counts in per_year.items()]


__all__ = ["GRADE_COLUMNS", "Row", "fold_hit_rate", "fold_predictions", "order_rows"]
