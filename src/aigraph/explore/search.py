"""Fuzzy search over the names and aliases of every node (rapidfuzz).

Build a :class:`SearchIndex` once per graph (:func:`build_index`), then :func:`search`
it as often as needed. A hit names the node and the form (name or alias) that matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigraph.explore.labels import label_sort_key, node_years
from aigraph.keys import word_key

if TYPE_CHECKING:
    import networkx as nx

#: Results scoring below this (0-100) are left out.
MIN_SCORE = 70.0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One node a search found.

    ``matched`` is the name or alias that matched best; ``score`` is 0-100, with an
    exact match (ignoring case, spaces and punctuation) at 100.
    """

    id: str
    name: str
    label: str
    matched: str
    score: float
    years: tuple[int, ...]

    @property
    def via_alias(self) -> bool:
        """True when an alias, not the name, matched."""
        return self.matched != self.name


@dataclass(frozen=True, slots=True)
class _Form:
    key: str
    text: str
    node: str
    is_name: bool


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Every name and alias of a graph's nodes, normalised for matching."""

    forms: tuple[_Form, ...]
    keys: tuple[str, ...]
    nodes: dict[str, tuple[str, str, tuple[int, ...]]]

    def __len__(self) -> int:
        return len(self.nodes)


def build_index(graph: nx.MultiDiGraph) -> SearchIndex:
    """Return the search index of a graph: each node's name and aliases.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> len(build_index(sample_graph())) == sample_graph().number_of_nodes()
    True
    """
    forms: list[_Form] = []
    nodes: dict[str, tuple[str, str, tuple[int, ...]]] = {}
    for node, attrs in graph.nodes(data=True):
        name = str(attrs.get("name") or node)
        nodes[node] = (name, str(attrs.get("label")), tuple(node_years(attrs)))
        seen = set()
        for text, is_name in [(name, True), *((str(a), False) for a in attrs.get("aliases") or ())]:
            key = word_key(text)
            if key and key not in seen:
                seen.add(key)
                forms.append(_Form(key, text, node, is_name))
    return SearchIndex(tuple(forms), tuple(f.key for f in forms), nodes)


def _score(query: str, key: str) -> float:
    from rapidfuzz import fuzz

    if query == key:
        return 100.0
    score = fuzz.WRatio(query, key, processor=None)
    if key.startswith(query):
        # A typed prefix ("alpha") should rank "AlphaFold" above names that merely contain it.
        score = max(score, 90.0 + 9.0 * len(query) / len(key))
    return min(float(score), 99.0)


def search(
    index: SearchIndex,
    text: str,
    *,
    labels: Iterable[str] | None = None,
    limit: int = 20,
    min_score: float = MIN_SCORE,
) -> list[SearchHit]:
    """Return the nodes whose name or an alias best matches ``text``.

    Parameters
    ----------
    index
        From :func:`build_index`.
    text
        What the user typed; case, spacing and punctuation do not matter, typos
        cost a little.
    labels
        Only nodes with one of these labels (default: all).
    limit
        At most this many hits.
    min_score
        Leave out hits scoring less (0-100).

    Returns
    -------
    list of SearchHit
        Best first; ties broken by exact name over alias, label order, then name.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> index = build_index(sample_graph())
    >>> hit = search(index, "google deepmind")[0]
    >>> hit.id, hit.matched, hit.score
    ('org:deepmind', 'Google DeepMind', 100.0)
    >>> search(index, "")
    []
    """
    from rapidfuzz import process

    query = word_key(text)
    if not query or limit <= 0:
        return []
    wanted = None if labels is None else set(labels)
    best: dict[str, tuple[float, _Form]] = {}
    candidates = process.extract(
        query, index.keys, scorer=lambda q, k, **_: _score(q, k), limit=None, score_cutoff=min_score
    )
    for _, score, position in candidates:
        form = index.forms[position]
        if wanted is not None and index.nodes[form.node][1] not in wanted:
            continue
        current = best.get(form.node)
        if current is None or (score, form.is_name) > (current[0], current[1].is_name):
            best[form.node] = (score, form)
    hits = [
        SearchHit(node, *index.nodes[node][:2], form.text, round(score, 1), index.nodes[node][2])
        for node, (score, form) in best.items()
    ]
    hits.sort(key=lambda h: (-h.score, h.via_alias, label_sort_key(h.label), h.name.lower(), h.id))
    return hits[:limit]
