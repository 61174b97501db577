"""Evidence items: the sentence and place that back a node or an edge, as hashable tuples.

An item is a tuple in :data:`EVIDENCE_KEYS` order while the graph is assembled (so a
set drops repeats) and a dict with those keys on the finished graph.
"""

from __future__ import annotations

#: The keys of an evidence item, in this order.
EVIDENCE_KEYS = ("year", "slide", "source", "start", "end", "sentence", "extractor", "confidence")

def evidence_item(
    year: int | None,
    slide: int | None,
    source: str,
    start: int,
    end: int,
    sentence: str,
    extractor: str,
    confidence: float,
) -> tuple:
    """Return one evidence item as a hashable tuple in :data:`EVIDENCE_KEYS` order."""
    return (year, slide, source, start, end, " ".join(sentence.split()), extractor, confidence)


def evidence_sort_key(item: tuple) -> tuple:
    """Sort key of an item: field by field, ``None`` first."""
    return tuple((value is not None, value) for value in item)


__all__ = ["EVIDENCE_KEYS", "evidence_item", "evidence_sort_key"]
