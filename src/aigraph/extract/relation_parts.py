"""What the relation rules read and return: mentions resolved in one block, relations found.

Shared by :mod:`aigraph.extract.relations` (DEVELOPED) and
:mod:`aigraph.extract.result_links` (ACHIEVES, MEASURED_ON).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class BlockMention(NamedTuple):
    """A resolved mention inside one block: entity name and label, char span, sentence span.

    A named tuple: one is made for every mention of a document, and a tuple is built
    several times faster than a frozen dataclass.
    """

    name: str
    label: str
    start: int
    end: int
    sent: tuple[int, int]
    kind: str = ""  # metric kind


@dataclass(frozen=True, slots=True)
class FoundRelation:
    """A relation a rule found between two mentions of one block, with its rule and confidence."""

    type: str
    head: BlockMention
    tail: BlockMention
    rule: str
    confidence: float


__all__ = ["BlockMention", "FoundRelation"]
