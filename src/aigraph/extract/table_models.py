"""Which cells of a result table name models: the rule candidates tables add.

The model column of a leaderboard (``Rank Model Elo ...``), the row labels under a
``Model`` header, and the column headers right of a ``Benchmark`` header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extract.table_cells import Span, Table, _numeric
from aigraph.extract.tables import find_tables

_MODEL_AXIS = re.compile(r"^\W*(?:models?|names?|systems?|entry|method|approach|llm)\W*$", re.IGNORECASE)
_BENCH_AXIS = re.compile(
    r"^\W*(?:benchmarks?|categor(?:y|ies)|group|domain|capabilit(?:y|ies)|area|tasks?|datasets?|metrics?|evaluation|eval|test)\W*$",
    re.IGNORECASE,
)
_NAME_LIKE = re.compile(r"^(?=.*[A-Z0-9])[\w.+/-]+(?:[ -][\w.+/()-]+){0,5}$")


def model_spans(text: str) -> list[Span]:
    """Spans of the cells a table says are model names (see the module docstring).

    Examples
    --------
    >>> text = "| Benchmark | Model-A |\\n|---|---|\\n| MMLU | 81.2 |\\n"
    >>> [text[s:e] for s, e in model_spans(text)]
    ['Model-A']
    """
    spans: set[Span] = set()
    for table in find_tables(text):
        if table.layout == "ranked":
            spans.update(c.label for c in table.cells if c.label)
            continue
        leading = _leading_header_cells(text, table)
        if any(_MODEL_AXIS.match(h) for h in leading):
            spans.update(c.label for c in table.cells if c.label)
        elif any(_BENCH_AXIS.match(h) for h in leading):
            spans.update(c.header for c in table.cells if c.header)
    return sorted(s for s in spans if _NAME_LIKE.match(text[s[0] : s[1]]) and not _numeric(text[s[0] : s[1]]))


def _leading_header_cells(text: str, table: Table) -> list[str]:
    """The header cells left of the first score column ("Category", "Benchmark", "Model")."""
    headers = sorted({c.header for c in table.cells if c.header})
    if not headers:
        return []
    line_start = text.rfind("\n", 0, headers[0][0]) + 1
    line = text[line_start : headers[0][0]]
    splitter = r"\|" if table.layout == "pipe" else r"\s{2,}|\t" if table.layout == "aligned" else r"\s+"
    return [c.strip() for c in re.split(splitter, line) if c.strip()]


@dataclass(frozen=True, slots=True)
class NameCell:
    """A table cell that names a model, as a rule candidate (``start``, ``end``, ``label``, ``rule``)."""

    start: int
    end: int
    label: str = "MODEL"
    rule: str = "rule:table-model"


def model_cells(text: str) -> list[NameCell]:
    """:func:`model_spans` as rule candidates for the pipeline's rule component."""
    return [NameCell(s, e) for s, e in model_spans(text)]
