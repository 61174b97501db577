"""DEVELOPED from a listed paper's credit: ``Flamingo: a Visual Language Model ... (DeepMind)``.

Listings of papers name each title with the organisation behind it, in parentheses or
after a dash. When the title opens with the name of a model the document mentions
(``Flamingo:`` / ``Flamingo -``), that organisation built the model.
"""

from __future__ import annotations

import re

from aigraph.extract.relation_parts import BlockMention, FoundRelation

#: Between a title and its credited organisation: "(", " - ", " | ", "- Proposed by".
_CREDIT_GAP = re.compile(
    r"^[ \t]*(?:\(|[-\u2013\u2014|][ \t]*)(?:(?:proposed|published|released|developed|introduced|presented)[ \t]+by[ \t]+)?"
    r"(?:the[ \t]+)?$",
    re.IGNORECASE,
)
#: The model a title opens with: "Flamingo: ...", "Chinchilla - ...".
_TITLE_HEAD = re.compile(r"(?P<head>[^:\n]{2,40}?)[ \t]*(?::|[ \t][-\u2013\u2014])[ \t]")


def credited_models(ments: list[BlockMention], text: str, models: dict[str, str]) -> list[FoundRelation]:
    """DEVELOPED relations from the paper titles of one block and the organisations credited after them.

    ``ments`` are the block's mentions in text order; ``models`` maps the casefolded
    names of the document's models to their names.

    Examples
    --------
    >>> text = "1) Quill: Fast Sparse Models (Vexora)"
    >>> paper = BlockMention("Quill: Fast Sparse Models", "PAPER", 3, 28, (0, 37))
    >>> org = BlockMention("Vexora", "ORG", 30, 36, (0, 37))
    >>> [(f.head.name, f.tail.name) for f in credited_models([paper, org], text, {"quill": "Quill"})]
    [('Vexora', 'Quill')]
    """
    out = []
    for paper, nxt in zip(ments, ments[1:]):
        if paper.label != "PAPER" or nxt.label != "ORG" or not _CREDIT_GAP.match(text[paper.end : nxt.start]):
            continue
        if text[paper.end : nxt.start].strip().startswith("(") and not text[nxt.end : nxt.end + 2].lstrip().startswith(")"):
            continue  # "(Vexora and others)": not the credit alone
        head = _TITLE_HEAD.match(text, paper.start, paper.end)
        name = models.get(head.group("head").casefold()) if head else None
        if name is not None:
            model = BlockMention(name, "MODEL", paper.start, paper.start + len(head.group("head")), paper.sent)
            out.append(FoundRelation("DEVELOPED", nxt, model, "rule:paper-credit", 0.7))
    return out


__all__ = ["credited_models"]
