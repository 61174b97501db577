"""Everything an entity page shows, gathered from the graph in one call: :func:`entity_view`.

Mentions come from the node's ``MENTIONED_ON`` (slide) and ``MENTIONED_IN`` (report)
edges, one per evidence item, with the words that name the entity marked in the
sentence (:func:`highlight`). Relations are the other edges, both ways; neighbours are
the nodes at their other end, and entities that share slides with this one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aigraph.errors import GraphError
from aigraph.explore.labels import MENTION_TYPES, is_entity, label_sort_key, node_years

if TYPE_CHECKING:
    import networkx as nx

#: Node properties every page shows in their own place (not in the property list).
_SHOWN_APART = frozenset({"label", "name", "aliases", "years"})


class EntityNotFound(GraphError):
    """No node has the id an entity page was asked for."""


@dataclass(frozen=True, slots=True)
class MentionView:
    """One sentence that mentions the entity: where it stands and what it says.

    ``parts`` is the sentence cut into ``(text, is_mention)`` pieces.
    """

    year: int | None
    slide: int | None
    slide_id: str | None
    section: str | None
    slide_title: str | None
    sentence: str
    parts: tuple[tuple[str, bool], ...]
    source: str | None
    extractor: str | None
    confidence: float | None


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One piece of evidence of a relation."""

    year: int | None
    slide: int | None
    sentence: str
    source: str | None
    extractor: str | None
    confidence: float | None


@dataclass(frozen=True, slots=True)
class RelationView:
    """One edge of the node; ``direction`` is ``"out"`` (node -> other) or ``"in"``."""

    type: str
    direction: str
    other_id: str
    other_name: str
    other_label: str
    count: int
    curated: bool
    years: tuple[int, ...]
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A node linked to the entity: by relations (``via``) or by shared slides (``shared_slides``)."""

    id: str
    name: str
    label: str
    via: tuple[str, ...] = ()
    shared_slides: int = 0


@dataclass(frozen=True, slots=True)
class EntityView:
    """What the entity page shows for one node."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    years: tuple[int, ...]
    properties: dict[str, Any]
    mentions: tuple[MentionView, ...]
    relations_out: tuple[RelationView, ...]
    relations_in: tuple[RelationView, ...]
    neighbours: tuple[Neighbour, ...]
    co_mentioned: tuple[Neighbour, ...]
    merges: tuple[dict[str, Any], ...] = field(default=())

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


def _form_pattern(form: str) -> str:
    # A space, hyphen, dot or underscore between the words of a name matches any run of
    # those ("AlphaFold 2" ~ "AlphaFold-2" ~ "AlphaFold2"); other punctuation in the name
    # (a title's colon or comma) must be there. Punctuation between words that the name
    # does not have ends the match, so "Google, DeepMind" is two names, not one.
    # A leading symbol ("$5bn", "£1m") belongs to the mention.
    prefix = re.match(r"[^\w\s]*", form).group()
    pieces = [p for p in re.split(r"([^\w]+|_+)", form[len(prefix):]) if p]
    if not any(re.match(r"\w", p) and p != "_" * len(p) for p in pieces):
        return ""
    out = []
    for piece in pieces:
        if re.fullmatch(r"[^\W_]+", piece):
            out.append(re.escape(piece))
        elif re.fullmatch(r"[\s\-._]+", piece):
            out.append(r"[\s\-._]*")
        else:
            marks = re.sub(r"[\s\-._]+", "", piece)
            out.append(r"[\s\-._]*" + r"[\s\-._]*".join(re.escape(c) for c in marks) + r"[\s\-._]*")
    while out and out[0].startswith(r"[\s"):
        out.pop(0)
    while out and out[-1].startswith(r"[\s"):
        out.pop()
    return r"(?<!\w)" + re.escape(prefix) + "".join(out) + r"(?!\w)"


def highlight(sentence: str, forms: Iterable[str]) -> list[tuple[str, bool]]:
    """Cut a sentence into ``(text, is_mention)`` pieces, marking each form it contains.

    Matching ignores case, and spaces and punctuation inside a form; longer forms win
    where two overlap. A sentence that contains no form is one unmarked piece.

    Examples
    --------
    >>> highlight("Google DeepMind's AlphaFold-2 won.", ["AlphaFold 2", "DeepMind"])
    [('Google ', False), ('DeepMind', True), ("'s ", False), ('AlphaFold-2', True), (' won.', False)]
    >>> highlight("Google, DeepMind and OpenAI", ["Google DeepMind", "DeepMind"])
    [('Google, ', False), ('DeepMind', True), (' and OpenAI', False)]
    >>> highlight("Nothing here.", ["GPT-4"])
    [('Nothing here.', False)]
    """
    patterns = [p for p in {_form_pattern(f) for f in forms if f} if p]
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        spans.extend(m.span() for m in re.finditer(pattern, sentence, re.IGNORECASE) if m.end() > m.start())
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    parts: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start < position:
            continue  # overlaps a longer match already taken
        if start > position:
            parts.append((sentence[position:start], False))
        parts.append((sentence[start:end], True))
        position = end
    if position < len(sentence) or not parts:
        parts.append((sentence[position:], False))
    return parts


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _none_first(value: Any) -> tuple[bool, Any]:
    return (value is not None, value if value is not None else 0)


def _mentions(graph: nx.MultiDiGraph, node: str, forms: tuple[str, ...]) -> list[MentionView]:
    views = []
    for _, place, key, data in graph.out_edges(node, keys=True, data=True):
        if key not in MENTION_TYPES:
            continue
        place_attrs = graph.nodes[place]
        on_slide = key == "MENTIONED_ON"
        for item in data.get("evidence") or ():
            sentence = str(item.get("sentence") or "")
            views.append(MentionView(
                year=_int(item.get("year") if item.get("year") is not None else place_attrs.get("year")),
                slide=_int(place_attrs.get("number")) if on_slide else None,
                slide_id=place if on_slide else None,
                section=place_attrs.get("section") if on_slide else None,
                slide_title=place_attrs.get("title") if on_slide else None,
                sentence=sentence,
                parts=tuple(highlight(sentence, forms)),
                source=item.get("source"),
                extractor=item.get("extractor"),
                confidence=item.get("confidence"),
            ))
    views.sort(key=lambda m: (_none_first(m.year), _none_first(m.slide), m.sentence, str(m.source)))
    return views


def _evidence(data: dict[str, Any]) -> tuple[EvidenceView, ...]:
    items = [
        EvidenceView(_int(i.get("year")), _int(i.get("slide")), str(i.get("sentence") or ""),
                     i.get("source"), i.get("extractor"), i.get("confidence"))
        for i in data.get("evidence") or ()
    ]
    items.sort(key=lambda e: (_none_first(e.year), _none_first(e.slide), e.sentence))
    return tuple(items)


def _relation(graph: nx.MultiDiGraph, other: str, key: str, data: dict[str, Any], direction: str) -> RelationView:
    attrs = graph.nodes[other]
    evidence = _evidence(data)
    years = tuple(sorted({e.year for e in evidence if e.year is not None}))
    return RelationView(
        type=str(data.get("type") or key), direction=direction, other_id=other,
        other_name=str(attrs.get("name") or other), other_label=str(attrs.get("label")),
        count=int(data.get("count") or len(evidence)), curated=bool(data.get("curated", False)),
        years=years, evidence=evidence,
    )


def _relations(graph: nx.MultiDiGraph, node: str) -> tuple[list[RelationView], list[RelationView]]:
    out = [
        _relation(graph, other, key, data, "out")
        for _, other, key, data in graph.out_edges(node, keys=True, data=True)
        if key not in MENTION_TYPES
    ]
    into = [
        _relation(graph, other, key, data, "in")
        for other, _, key, data in graph.in_edges(node, keys=True, data=True)
    ]
    order = lambda r: (r.type, label_sort_key(r.other_label), r.other_name.lower(), r.other_id)  # noqa: E731
    return sorted(out, key=order), sorted(into, key=order)


def _neighbours(graph: nx.MultiDiGraph, relations: Iterable[RelationView]) -> list[Neighbour]:
    via: dict[str, set[str]] = {}
    for relation in relations:
        via.setdefault(relation.other_id, set()).add(relation.type)
    result = [
        Neighbour(other, str(graph.nodes[other].get("name") or other), str(graph.nodes[other].get("label")),
                  tuple(sorted(types)))
        for other, types in via.items()
    ]
    result.sort(key=lambda n: (label_sort_key(n.label), n.name.lower(), n.id))
    return result


def co_mentioned(graph: nx.MultiDiGraph, node: str, *, top: int = 20) -> list[Neighbour]:
    """Return the entities mentioned on the most slides this node is also mentioned on.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> [(n.name, n.shared_slides) for n in co_mentioned(sample_graph(), "org:openai")][:2]
    [('DeepMind', 2), ('Google', 1)]
    """
    slides = {t for _, t, k in graph.out_edges(node, keys=True) if k == "MENTIONED_ON"}
    shared: Counter[str] = Counter()
    for slide in slides:
        others = {s for s, _, k in graph.in_edges(slide, keys=True) if k == "MENTIONED_ON" and s != node}
        shared.update(others)
    result = [
        Neighbour(other, str(graph.nodes[other].get("name") or other), str(graph.nodes[other].get("label")),
                  ("same slide",), n)
        for other, n in shared.items()
    ]
    result.sort(key=lambda n: (-n.shared_slides, label_sort_key(n.label), n.name.lower(), n.id))
    return result[:top]


def entity_view(
    graph: nx.MultiDiGraph,
    node: str,
    merge_log: Iterable[dict[str, Any]] = (),
    *,
    co_mentioned_top: int = 20,
) -> EntityView:
    """Return what the entity page shows for ``node``.

    Parameters
    ----------
    graph
        A graph loaded with :func:`aigraph.graph.load_graph`.
    node
        A node id, e.g. ``"model:alphafold-2"``.
    merge_log
        The records of ``merge_log.jsonl`` (:func:`aigraph.explore.mergelog.read_merge_log`);
        those whose ``node`` is this one are kept.
    co_mentioned_top
        How many co-mentioned entities to list.

    Raises
    ------
    EntityNotFound
        When the graph has no such node.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> view = entity_view(sample_graph(), "model:alphafold2")
    >>> view.name, view.aliases, view.years
    ('AlphaFold2', ('AlphaFold 2',), (2021, 2022))
    >>> [(m.year, m.slide) for m in view.mentions]
    [(2021, 15), (2022, 20)]
    >>> [(r.type, r.other_name) for r in view.relations_in]
    [('DEVELOPED', 'DeepMind')]
    """
    if node not in graph:
        raise EntityNotFound(f"no node {node!r} in this graph")
    attrs = graph.nodes[node]
    name = str(attrs.get("name") or node)
    aliases = tuple(str(a) for a in attrs.get("aliases") or ())
    out, into = _relations(graph, node)
    merges = tuple(r for r in merge_log if r.get("node") == node)
    return EntityView(
        id=node,
        label=str(attrs.get("label")),
        name=name,
        aliases=aliases,
        years=tuple(node_years(attrs)),
        properties={k: v for k, v in sorted(attrs.items()) if k not in _SHOWN_APART},
        mentions=tuple(_mentions(graph, node, (name, *aliases))),
        relations_out=tuple(out),
        relations_in=tuple(into),
        neighbours=tuple(_neighbours(graph, [*out, *into])),
        co_mentioned=tuple(co_mentioned(graph, node, top=co_mentioned_top)) if is_entity(attrs) else (),
        merges=merges,
    )
