"""Entity identity across documents: which node an extracted entity becomes.

One node per real-world thing across all reports. The :class:`Resolver` decides,
for each entity of each document, which node it joins and records why in the merge
log (see ``docs/graph-model.md``, "Identity", for the rules and their order).
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aigraph.keys import surface_key
from aigraph.knowledge import slugify
from aigraph.records import NODE_LABELS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aigraph.knowledge import Knowledge, KnownEntity
    from aigraph.records import Document

#: Rules in the order they are tried; ``new`` means no merge.
RULES = ("curated-id", "curated-name", "same-name", "known-alias", "shared-alias", "new")


def node_label(label: str) -> str:
    """Return the graph node label of an extractor label (``"ORG"`` -> ``"Organization"``).

    Examples
    --------
    >>> node_label("ORG"), node_label("PRODUCT")
    ('Organization', 'Product')
    """
    return NODE_LABELS.get(label, label.title())


def id_prefix(label: str) -> str:
    """Return the id prefix of an extractor label (``"ORG"`` -> ``"org"``).

    Examples
    --------
    >>> id_prefix("ORG"), id_prefix("MODEL")
    ('org', 'model')
    """
    return "org" if label == "ORG" else slugify(label) or "entity"


def slug_or_hash(name: str) -> str:
    """Return :func:`slugify` of a name, or a short hash when nothing alphanumeric is left."""
    slug = slugify(name)
    if slug:
        return slug
    return "~" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def report_key(document: Document) -> str:
    """Return the key that names a document's report: its year, or the slug of its file stem.

    Examples
    --------
    >>> from aigraph.records import Document
    >>> report_key(Document("raw/soai_2021.pdf", "", (), year=2021))
    '2021'
    >>> report_key(Document("raw/Notes on AI.md", "", ()))
    'notes-on-ai'
    """
    if document.year is not None:
        return str(document.year)
    return slug_or_hash(PurePosixPath(document.source.replace("\\", "/")).stem)


@dataclass(slots=True)
class NodeIdentity:
    """What the resolver knows about one entity node."""

    id: str
    label: str
    name: str
    curated_id: str | None = None
    surfaces: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Context:
    """Where an entity was read: used for scoping metrics and for the merge log."""

    source: str
    year: int | None
    report_key: str


class Resolver:
    """Assign entities to nodes, one merge-log record per decision.

    Parameters
    ----------
    knowledge
        The curated knowledge, or ``None`` to resolve by names only.

    Examples
    --------
    >>> r = Resolver()
    >>> ctx = Context("a.md", 2021, "2021")
    >>> r.resolve("MODEL", "AlphaFold2", (), None, ctx)
    'model:alphafold2'
    >>> r.resolve("MODEL", "AlphaFold 2", (), None, ctx)
    'model:alphafold2'
    >>> r.resolve("MODEL", "AlphaFold", (), None, ctx)
    'model:alphafold'
    """

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge
        self.nodes: dict[str, NodeIdentity] = {}
        self.log: list[dict[str, object]] = []
        # (scope, surface key) -> node id; names win over aliases.
        self._names: dict[tuple[str, str], str] = {}
        self._aliases: dict[tuple[str, str], str] = {}
        # One object per distinct name: a big build reads the same names back from
        # thousands of cached extractions, and the merge log keeps one record each.
        self._strings: dict[str, str] = {}

    def resolve(
        self,
        label: str,
        name: str,
        aliases: Iterable[str],
        curated_id: str | None,
        context: Context,
    ) -> str:
        """Return the node id for one entity, creating the node when needed."""
        scope = self._scope(label, context)
        strings = self._strings
        name = strings.setdefault(name, name)
        aliases = sorted({strings.setdefault(a, a) for a in aliases if a and a != name})
        node_id, rule, matched, candidates = self._decide(label, scope, name, aliases, curated_id)
        if node_id is None:
            node_id = self._new_id(scope, name)
            self.nodes[node_id] = NodeIdentity(node_id, node_label(label), name)
        identity = self.nodes[node_id]
        node_id = identity.id  # one string object per node id, however often it is made
        identity.surfaces.update([name, *aliases])
        self._index(scope, node_id, [name], self._names)
        self._index(scope, node_id, aliases, self._aliases)
        record: dict[str, object] = {
            "node": node_id,
            "label": identity.label,
            "name": name,
            "aliases": aliases,
            "rule": rule,
            "matched": matched,
            "source": context.source,
            "year": context.year,
        }
        if candidates:
            record["candidates"] = candidates
        self.log.append(record)
        return node_id

    def curated_node(self, entry: KnownEntity) -> str:
        """Return the node id of a curated entry, creating the node when needed."""
        node_id = f"{id_prefix(entry.label)}:{entry.id}"
        if node_id not in self.nodes:
            self._add_curated(node_id, entry.label, entry.id, entry.name)
        return self.nodes[node_id].id

    def sorted_log(self) -> list[dict[str, object]]:
        """Return the merge log sorted by node, then source, name and rule."""
        return sorted(
            self.log,
            key=lambda r: (r["node"], str(r["source"]), str(r["name"]), str(r["rule"])),
        )

    def _scope(self, label: str, context: Context) -> str:
        prefix = id_prefix(label)
        return f"{prefix}:{context.report_key}" if label == "METRIC" else prefix

    def _decide(
        self,
        label: str,
        scope: str,
        name: str,
        aliases: list[str],
        curated_id: str | None,
    ) -> tuple[str | None, str, str, list[str]]:
        if curated_id and label != "METRIC":
            node_id = f"{scope}:{curated_id}"
            if node_id not in self.nodes:
                entry = self.knowledge.get(curated_id, label) if self.knowledge else None
                self._add_curated(node_id, label, curated_id, entry.name if entry else name)
            return node_id, "curated-id", curated_id, []
        entry = self._curated_entry(label, name)
        if entry is not None:
            return self.curated_node(entry), "curated-name", name, []
        key = surface_key(name)
        if key and (scope, key) in self._names:
            return self._names[scope, key], "same-name", name, []
        if key and (scope, key) in self._aliases:
            return self._aliases[scope, key], "known-alias", name, []
        hits: dict[str, str] = {}
        for alias in aliases:
            alias_key = surface_key(alias)
            found = self._names.get((scope, alias_key)) or self._aliases.get((scope, alias_key))
            if alias_key and found:
                hits.setdefault(found, alias)
        if len(hits) == 1:
            [(node_id, alias)] = hits.items()
            return node_id, "shared-alias", alias, []
        if len(hits) > 1:
            return None, "ambiguous", "", sorted(hits)
        return None, "new", "", []

    def _curated_entry(self, label: str, name: str) -> KnownEntity | None:
        if self.knowledge is None or label == "METRIC":
            return None
        found = [e for e in self.knowledge.lookup(name, label) if not e.ambiguous]
        return found[0] if len(found) == 1 else None

    def _add_curated(self, node_id: str, label: str, curated_id: str, name: str) -> None:
        self.nodes[node_id] = NodeIdentity(node_id, node_label(label), name, curated_id)
        scope = id_prefix(label)
        self._index(scope, node_id, [name], self._names)
        entry = self.knowledge.get(curated_id, label) if self.knowledge else None
        if entry is not None and not entry.ambiguous:
            self._index(scope, node_id, entry.aliases, self._aliases)

    def _new_id(self, scope: str, name: str) -> str:
        base = f"{scope}:{slug_or_hash(name)}"
        node_id, n = base, 1
        while node_id in self.nodes:
            n += 1
            node_id = f"{base}--{n}"
        return node_id

    @staticmethod
    def _index(scope: str, node_id: str, forms: Iterable[str], index: dict) -> None:
        for form in forms:
            key = surface_key(form)
            if key:
                index.setdefault((scope, key), node_id)
