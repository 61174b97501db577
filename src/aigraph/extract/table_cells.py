"""What a result table is made of: :class:`Cell` and :class:`Table`, and what a score cell looks like.

Shared by the layouts (:mod:`aigraph.extract.tables`) and the model cells
(:mod:`aigraph.extract.table_models`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cell:
    """One score in a table. ``start``/``end`` index the number (with its ``%``)."""

    start: int
    end: int
    text: str
    label: Span | None  # the row's label cell
    header: Span | None  # the column's header cell
    #: When the header's words could not be split into cells (``Benchmark Model-A 2 Model-B``):
    #: the header line and the cell's column, counted among the scores.
    header_line: Span | None = None
    column: int = -1


@dataclass(frozen=True, slots=True)
class Table:
    start: int
    end: int
    layout: str
    cells: tuple[Cell, ...]


_NUM = r"[~≈]?[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?%)?|[~≈]?[-+]?\d+(?:\.\d+)?(?:\s?%)?"
#: A cell that is one score: bold marks, footnote marks, "± 0.3" or "(5-shot)" may follow.
_CELL_NUM = re.compile(
    rf"^(?:\*\*|__)?(?P<num>{_NUM})(?:\*\*|__)?\s*[*†‡¹²³]*\s*(?:±\s*\d+(?:\.\d+)?|\([^)]{{0,30}}\))?$"
)
_PLACEHOLDER = re.compile(r"^(?:-|–|—|n/?a|N/?A|–|\?|x|✗)?$")
_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_TOKEN_NUM = re.compile(rf"^(?:{_NUM})[*†‡]*$")
_YEAR = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
#: Column headers whose numbers are not results.
_NOT_RESULT = re.compile(
    r"\b(?:rank|#|year|date|released?|params?|parameters|size|context|tokens?|price|cost|votes?|"
    r"layers|hidden|vocab\w*|licen[cs]e|ci|95%|count|n|samples|battles|length|pages?|slides?|chapter|share|amount|"
    r"funding|raised|valuation|revenue|employees|users|growth|round|downloads|stars|citations)\b|\$",
    re.IGNORECASE,
)
def _lines(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def _numeric(cell: str) -> re.Match[str] | None:
    m = _CELL_NUM.match(cell)
    if m is None:
        return None
    num = m.group("num").lstrip("~≈+-").rstrip("% ")
    if _YEAR.match(num):
        return None
    return m


def _is_value(cell: str) -> bool:
    return _numeric(cell) is not None or bool(_PLACEHOLDER.match(cell))


def _has_letters(cell: str) -> bool:
    return any(ch.isalpha() for ch in cell)


def _cell(at: int, raw: str, label, head) -> Cell | None:
    m = _numeric(raw)
    if m is None:
        return None
    if head is not None and _NOT_RESULT.search(head[2]):
        return None
    s, e = m.span("num")
    return Cell(at + s, at + e, raw[s:e], (label[0], label[1]), (head[0], head[1]) if head is not None else None)


__all__ = ["Cell", "Span", "Table"]
