"""Money amounts attached to what they are about, for the explorer's counts and lists.

A ``Money`` node (``$1.3B``) is not a thing the reports talk about: it is the size of
a funding round, a price or a valuation of something. :func:`attach_amounts` reads each
sentence that states an amount and ties the amount to the organisation named nearest
before it in that sentence (else nearest after), with the kind of deal the words around
it name. The pages count amounts apart from entities and list them under their
organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.entity import highlight
from aigraph.explore.labels import MENTION_TYPES

if TYPE_CHECKING:
    import networkx as nx

#: The label of money amounts.
MONEY = "Money"

#: Words before an amount that say what kind of amount it is (checked in this order).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("valuation", re.compile(r"\b(?:valu(?:ation|ed)|market (?:value|cap))\b[^.;]{0,16}$", re.IGNORECASE)),
    ("funding round", re.compile(r"\b(?:rais\w*|round|funding|seed|series [a-z]|invest\w*|backed|led)\b[^.;]*$",
                                 re.IGNORECASE)),
    ("acquisition", re.compile(r"\b(?:bought|buy\w*|acqui\w*|purchas\w*|takeover)\b[^.;]*$", re.IGNORECASE)),
    ("revenue", re.compile(r"\b(?:revenue|sales|earn\w*|income)\b[^.;]*$", re.IGNORECASE)),
    ("spending", re.compile(r"\b(?:spen[dt]\w*|cost\w*|capex|budget\w*|commit\w*|pledg\w*)\b[^.;]*$",
                            re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount in one sentence, and what it is about.

    ``org_id`` is ``None`` when the sentence names no organisation.
    """

    money_id: str
    amount: str
    org_id: str | None
    org: str | None
    kind: str
    year: int | None
    slide: int | None
    sentence: str


_AFTER_VALUATION = re.compile(r"^\S*\s+(?:\w+\s+)?(?:valuation|market (?:value|cap))", re.IGNORECASE)


def amount_kind(before: str, after: str = "") -> str:
    """Return the kind of amount the words around it name (``"amount"`` when none does).

    ``after`` is the text from the amount on (``"$183B valuation..."``); a valuation
    named right after the amount wins over the words before it.

    Examples
    --------
    >>> amount_kind("Wayve raised"), amount_kind("Databricks bought MosaicML for"), amount_kind("at a")
    ('funding round', 'acquisition', 'amount')
    >>> amount_kind("Anthropic raised $13B at a")
    'funding round'
    >>> amount_kind("at a valuation of"), amount_kind("Anthropic raised $13B at a", "$183B valuation.")
    ('valuation', 'valuation')
    """
    if _AFTER_VALUATION.search(after[:40]):
        return "valuation"
    for kind, pattern in _KINDS:
        if pattern.search(before[-60:]):
            return kind
    return "amount"


def _spans(sentence: str, forms: tuple[str, ...]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for text, is_mention in highlight(sentence, forms):
        if is_mention:
            spans.append((position, position + len(text)))
        position += len(text)
    return spans


def attach_amounts(graph: nx.MultiDiGraph) -> list[Amount]:
    """Return every money amount of the graph, each tied to the organisation it is about.

    One :class:`Amount` per money node and sentence that states it. The organisation
    is one mentioned on the same slide whose name stands nearest before the amount in
    the sentence, else nearest after it.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> ev = {"sentence": "Acme Robotics raised $20M in a round led by Big Fund.", "year": 2023, "slide": 4}
    >>> g.add_node("slide:2023:4", label="Slide", number=4, year=2023)
    >>> for node, label, name in [("money:20m", "Money", "$20M"), ("org:acme", "Organization", "Acme Robotics"),
    ...                           ("org:big", "Organization", "Big Fund")]:
    ...     _ = g.add_node(node, label=label, name=name, aliases=[])
    ...     _ = g.add_edge(node, "slide:2023:4", key="MENTIONED_ON", evidence=[ev])
    >>> [(a.amount, a.org, a.kind) for a in attach_amounts(g)]
    [('$20M', 'Acme Robotics', 'funding round')]
    """
    found: list[Amount] = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != MONEY:
            continue
        forms = (str(attrs.get("name") or ""), *(str(a) for a in attrs.get("aliases") or ()))
        seen: set[tuple[str, str | None]] = set()
        for _, place, key, data in graph.out_edges(node, keys=True, data=True):
            if key not in MENTION_TYPES:
                continue
            organisations = [
                o for o, _, k in graph.in_edges(place, keys=True)
                if k in MENTION_TYPES and graph.nodes[o].get("label") == "Organization"
            ]
            for item in data.get("evidence") or ():
                sentence = str(item.get("sentence") or "")
                if (sentence, item.get("source")) in seen:
                    continue
                seen.add((sentence, item.get("source")))
                spans = _spans(sentence, forms)
                at = spans[0][0] if spans else len(sentence)
                best: tuple[tuple[int, int], str] | None = None
                for org in organisations:
                    o = graph.nodes[org]
                    org_forms = (str(o.get("name") or ""), *(str(a) for a in o.get("aliases") or ()))
                    for start, end in _spans(sentence, org_forms):
                        rank = (0, at - end) if end <= at else (1, start - at)
                        if best is None or rank < best[0]:
                            best = (rank, org)
                org_id = best[1] if best else None
                year = item.get("year", graph.nodes[place].get("year"))
                slide = item.get("slide", graph.nodes[place].get("number"))
                found.append(Amount(
                    node, str(attrs.get("name") or node), org_id,
                    str(graph.nodes[org_id].get("name") or org_id) if org_id else None,
                    amount_kind(sentence[:at], sentence[at:]), None if year is None else int(year),
                    None if slide is None else int(slide), sentence,
                ))
    found.sort(key=lambda a: (a.org or "\uffff", a.year or 0, a.slide or 0, a.amount))
    return found


def amounts_of(amounts: list[Amount], org: str) -> list[Amount]:
    """Return the amounts tied to one organisation."""
    return [a for a in amounts if a.org_id == org]
