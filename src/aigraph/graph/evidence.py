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


class _Item:
    """Holder whose ``__dict__`` is an evidence item as a dict.

    CPython lets the dicts of one class's instances share a single key table when
    their keys are set in the same order, so each such dict takes half the memory of
    a dict made with ``dict()`` (136 bytes against 272 for eight keys): a large build
    holds a million of them. The dict is an ordinary ``dict`` in every other way.
    """

    def __init__(self, year, slide, source, start, end, sentence, extractor, confidence) -> None:
        self.year, self.slide, self.source, self.start = year, slide, source, start
        self.end, self.sentence, self.extractor, self.confidence = end, sentence, extractor, confidence


def evidence_dict(item: tuple) -> dict:
    """Return an item (a tuple in :data:`EVIDENCE_KEYS` order) as a dict with those keys.

    Examples
    --------
    >>> evidence_dict((2021, 5, "a.md", 0, 9, "It works.", "rules", 1.0))["sentence"]
    'It works.'
    """
    return _Item(*item).__dict__


def evidence_sort_key(item: tuple) -> tuple:
    """Sort key of an item: field by field, ``None`` first."""
    return tuple((value is not None, value) for value in item)


__all__ = ["EVIDENCE_KEYS", "evidence_dict", "evidence_item", "evidence_sort_key"]
