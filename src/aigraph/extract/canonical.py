"""Canonicalisation: mentions of one document -> one :class:`Entity` per real-world thing.

Mentions join when the curated knowledge gives them one id, when their names are
equal up to case, spacing, hyphens and a plural ``s`` (``CoAtNets``/``CoAtNet``),
or when an acronym definition pairs them (``Vision Transformers (ViT)``).
Names found by a rule once are then looked for everywhere else in the document
(:func:`propagate`, from :mod:`aigraph.extract.propagation`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from aigraph.extract.propagation import propagate
from aigraph.keys import metric_number, surface_key
from aigraph.knowledge import Knowledge
from aigraph.records import Entity, Mention

__all__ = ["canonicalize", "merge_key", "metric_entities", "propagate", "singular"]

_LABEL_PRIORITY = {"PAPER": 0, "ORG": 1, "MODEL": 2, "DATASET": 3, "SOFTWARE": 4, "PERSON": 5, "COUNTRY": 6, "MONEY": 7}
_STATING_RULES = frozenset({"rule:called", "rule:acronym", "rule:acronym-long"})


def merge_key(text: str, label: str) -> str:
    """The key two names of one thing share: ``CoAtNets`` and ``CoAtNet`` -> ``coatnet``.

    :func:`aigraph.keys.surface_key` with versions (``v2.0`` = ``2``) and CamelCase
    plurals folded for models and datasets.
    """
    if label not in ("MODEL", "DATASET"):
        return surface_key(text)
    # "v2.0" / "2.0" / "2": one version
    text = _VERSION_ZERO.sub("", _VERSION_V.sub("", text))
    return surface_key(singular(text))  # singular() returns a name that is no plural as it is


_VERSION_V = re.compile(r"(?<![A-Za-z])[vV](?=\d)")
_VERSION_ZERO = re.compile(r"(?<=\d)\.0(?![\d])")


def singular(name: str) -> str:
    """``CoAtNets`` -> ``CoAtNet``; names that are not CamelCase plurals stay as they are."""
    last = name.rsplit(" ", 1)[-1]
    if last.endswith("s") and len(last) > 3 and not last.endswith(("ss", "us", "is", "os")):
        stem = last[:-1]
        if sum(c.isupper() for c in stem) >= 2 or (stem[-1].islower() and any(c.isupper() for c in stem[1:])):
            return name[:-1]
    return name


class _Union:
    """Union-find over the indices ``0 .. size - 1``."""

    def __init__(self, size: int) -> None:
        self.parent: list[int] = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def canonicalize(mentions: Iterable[Mention], pairs: Iterable[tuple[tuple[int, int], tuple[int, int]]],
                 knowledge: Knowledge | None) -> list[Entity]:
    """Group mentions into entities with canonical names and aliases."""
    mentions = [m for m in mentions if m.label != "METRIC"]
    handles: dict[tuple[int, int], str] = {}  # (start, end) -> curated id of an @handle
    if any(m.extractor.endswith("rule:org-handle") for m in mentions):
        mentions = [_strip_handle(m) if m.extractor.endswith("rule:org-handle") else m for m in mentions]
        handles = _resolve_handles(mentions, knowledge)
        mentions = [m for m in mentions if not m.extractor.endswith("rule:org-handle") or (m.start, m.end) in handles]
    handle_at = {i for i, m in enumerate(mentions) if m.extractor.endswith("rule:org-handle")} if handles else set()
    union = _Union(len(mentions))
    first_by_key: dict[str, int] = {}
    by_span: dict[tuple[int, int], int] = {}
    curated: dict[int, str] = {}
    variant_of: dict[int, str] = {}
    editions = _dataset_editions(mentions)
    # A document writes many names more than once: each (name, label, id, finder) is resolved once.
    resolved: dict[tuple[str, str, str, bool], tuple[str, str, str]] = {}
    for i, m in enumerate(mentions):
        cid = m.curated_id or handles.get((m.start, m.end), "")
        by_rule = m.extractor.startswith(("rule:", "propagated:"))
        found = resolved.get((m.text, m.label, cid, by_rule))
        if found is None:
            found = resolved[(m.text, m.label, cid, by_rule)] = _resolve(m.text, m.label, cid, by_rule, knowledge)
        cid, base, name_key = found
        if base:
            variant_of[i] = base
        if cid:
            curated[i] = cid
        id_key = f"id:{cid}" if cid else None
        if id_key and editions and (cid, surface_key(m.text)) in editions:
            id_key += ":" + surface_key(m.text)  # "Kinetics-600" and "Kinetics-700": two datasets here
        for key in (id_key, name_key):
            if key is None:
                continue
            if key in first_by_key:
                union.union(first_by_key[key], i)
            else:
                first_by_key[key] = i
        by_span[(m.start, m.end)] = i
    spans_sorted = sorted(by_span)
    for a, b in pairs:
        ia, ib = _covering(a, spans_sorted, by_span), _covering(b, spans_sorted, by_span)
        if ia is not None and ib is not None and (mentions[ia].label == mentions[ib].label or mentions[ia].label == "ORG" or mentions[ib].label == "ORG"):
            union.union(ia, ib)
    _merge_divisions(mentions, union)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[union.find(i)].append(i)
    entities = []
    for members in groups.values():
        entity = _entity([mentions[i] for i in members], [curated[i] for i in members if i in curated], knowledge)
        if handle_at and all(i in handle_at for i in members) and entity.attrs.get("curated_name"):
            entity = Entity(entity.label, str(entity.attrs.pop("curated_name")), sorted({*entity.aliases, entity.name}),
                            entity.mentions, entity.attrs)
        bases = [variant_of[i] for i in members if i in variant_of]
        if bases and "curated_id" not in entity.attrs:
            entity.attrs["variant_of"] = _most_common(bases)
        entities.append(entity)
    return sorted(entities, key=lambda e: (e.label, e.name))


def _resolve(text: str, label: str, cid: str, by_rule: bool, knowledge: Knowledge | None) -> tuple[str, str, str]:
    """``(curated id, curated id of the model it is a variant of, name key)`` of a mention.

    ``cid`` is the id the mention came with (the gazetteer's, an @handle's) or "";
    without one the curated knowledge is asked. A variant (``Llama 3 70B``) keeps no id
    of its own: it is a model of its own, built on its base.
    """
    if not cid and knowledge is not None and label in ("ORG", "MODEL", "DATASET", "SOFTWARE", "PERSON"):
        hits = [e for e in knowledge.lookup(text) if e.label == label and not e.ambiguous]
        if len(hits) == 1:
            cid = hits[0].id
        elif not hits and label == "MODEL":
            cid = _reordered(text, knowledge)
    base = ""
    if label == "MODEL" and knowledge is not None:
        base = _variant_base(text, by_rule, cid, knowledge)
        if base:
            cid = ""
    return cid, base, f"name:{merge_key(text, label)}"


def _dataset_editions(mentions: list[Mention]) -> set[tuple[str, str]]:
    """(curated id, surface key) of numbered forms of one curated dataset when a document
    names two or more of them (``Kinetics-600``, ``Kinetics-700``): each is a dataset of its own."""
    forms: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "DATASET" and m.curated_id and any(c.isdigit() for c in m.text):
            forms[m.curated_id].add(surface_key(m.text))
    return {(cid, key) for cid, keys in forms.items() if len(keys) >= 2 for key in keys}


def _strip_handle(m: Mention) -> Mention:
    """``.@AnthropicAI`` -> ``AnthropicAI`` (the token may carry the at sign and punctuation)."""
    lead = len(m.text) - len(m.text.lstrip(".@'\"‘’“”"))
    text = m.text[lead:].rstrip("'\"‘’“”")
    return Mention(text, m.label, m.start + lead, m.start + lead + len(text), m.slides, m.section,
                   m.sentence_start, m.sentence_end, m.extractor, m.curated_id)


def _resolve_handles(mentions: list[Mention], knowledge: Knowledge | None) -> dict[tuple[int, int], str]:
    """(start, end) -> curated organisation id of each @handle that names one (``@GoogleDeepMind``)."""
    from aigraph.extract.name_cues import handle_forms

    out: dict[tuple[int, int], str] = {}
    if knowledge is None:
        return out
    for m in mentions:
        if not m.extractor.endswith("rule:org-handle"):
            continue
        for form in handle_forms(m.text):
            hits = knowledge.lookup(form, "ORG")
            if len(hits) == 1:
                out[(m.start, m.end)] = hits[0].id
                break
    return out


def _reordered(name: str, knowledge: Knowledge) -> str:
    """The curated id of ``name`` written in another word order (``Gemini Pro 1.5`` / ``Gemini 1.5 Pro``)."""
    from itertools import permutations

    parts = " ".join(name.split()).split(" ")
    if not 3 <= len(parts) <= 4 or not any(c.isdigit() for c in name):
        return ""
    for rest in permutations(parts[1:]):
        hits = [e for e in knowledge.lookup(" ".join((parts[0], *rest)), "MODEL") if not e.ambiguous]
        if len(hits) == 1:
            return hits[0].id
    return ""


_VARIANT_SEP = re.compile(r"[- ]")


def _variant_base(text: str, by_rule: bool, cid: str, knowledge: Knowledge) -> str:
    """The curated id of the model named ``text`` is a size, tier or version of, or "".

    ``Llama 3 70B`` is its own model, not an alias of ``Llama 3``; ``Koala-13B`` (found by
    the variant rule: ``by_rule``, a name a rule found or propagated) is built on the curated ``Koala``.
    """
    from aigraph.extract.name_variants import is_variant_of

    if cid:
        entry = knowledge.get(cid)
        if entry is not None and text != entry.name and surface_key(text) != surface_key(entry.name) \
                and any(is_variant_of(text, f) for f in entry.surface_forms):
            return cid
        return ""
    if not by_rule:
        return ""
    cuts = [c.start() for c in _VARIANT_SEP.finditer(text)]
    for cut in reversed(cuts):
        hits = [e for e in knowledge.lookup(text[:cut]) if e.label == "MODEL"]
        if hits and is_variant_of(text, text[:cut]):
            return hits[0].id
    return ""


def _merge_divisions(mentions: list[Mention], union: _Union) -> None:
    """``Google AI`` and ``Google`` in one document are one organisation (a company's AI brand).

    All mentions of one organisation name are in one group already (one name key), so
    any of them stands for its group.
    """
    by_text: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label == "ORG":
            by_text.setdefault(m.text, i)
    for text, i in by_text.items():
        if text.endswith(" AI") and text[:-3] in by_text:
            union.union(i, by_text[text[:-3]])


def _covering(span: tuple[int, int], spans_sorted: list[tuple[int, int]], by_span: dict) -> int | None:
    if span in by_span:
        return by_span[span]
    i = bisect.bisect_right(spans_sorted, (span[0], 10**12)) - 1
    while i >= 0 and spans_sorted[i][1] >= span[1]:
        if spans_sorted[i][0] <= span[0]:
            return by_span[spans_sorted[i]]
        i -= 1
    return None


def _entity(members: list[Mention], curated_ids: list[str], knowledge: Knowledge | None) -> Entity:
    attrs: dict[str, object] = {}
    # Labels by vote; a rule that states the kind ("a method called X") outweighs a list.
    if len(members) == 1:
        label = members[0].label  # most entities have one mention: no vote to count
        surfaces = {members[0].text: 1}
    else:
        labels: dict[str, int] = {}
        for m in members:
            labels[m.label] = labels.get(m.label, 0) + (3 if m.extractor in _STATING_RULES else 2 if m.curated_id else 1)
        label = min(labels, key=lambda lab: (-labels[lab], _LABEL_PRIORITY.get(lab, 9)))
        surfaces = _counts(m.text for m in members if m.label == label) or _counts(m.text for m in members)
    known = None
    if curated_ids and knowledge is not None:
        cid = curated_ids[0] if len(curated_ids) == 1 else _most_common(curated_ids)
        entries = _entries_named_by_id(knowledge)
        found = entries.get(cid)
        if found is None:
            found = entries[cid] = [e for e in knowledge.lookup(cid) if e.id == cid] or [knowledge.get(cid)]
        for entry in found:
            if entry is not None and entry.label == label:
                known = entry
                break
    if known is not None:
        attrs["curated_id"] = known.id
        if known.kind:
            attrs["kind"] = known.kind
    # The curated name written as it is (the usual case) needs no key.
    if known is not None and (known.name in surfaces or any(surface_key(s) == surface_key(known.name) for s in surfaces)):
        # The curated name, when the document writes it; else the document's own.
        name = known.name
    elif len(surfaces) == 1:  # the usual case: one way of writing it, no pick to make
        (pick,) = surfaces
        name = singular(pick) if label == "MODEL" else pick
    else:
        acronyms = [s for s in surfaces if " " not in s and sum(map(str.isupper, s)) >= 2]
        pick = max(acronyms or surfaces, key=lambda s: (surfaces[s], len(s)))
        name = singular(pick) if label == "MODEL" else pick
    name = " ".join(name.split())  # a name wrapped over two lines
    if len(members) > 1:  # one mention: its label is the entity's and there is nothing to sort
        members = sorted((m if m.label == label else _relabel(m, label) for m in members), key=lambda m: m.start)
        aliases = sorted({m.text for m in members} - {name})
    else:
        aliases = [] if members[0].text == name else [members[0].text]
    if known is not None and known.name != name:
        attrs["curated_name"] = known.name
    return Entity(label=label, name=name, aliases=aliases, mentions=members, attrs=attrs)


def _counts(items: Iterable[str]) -> dict[str, int]:
    """How often each item occurs, in the order of first occurrence (a ``Counter`` without its overhead)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _most_common(items: list[str]) -> str:
    """The most frequent item; on a tie the first to occur (as ``Counter.most_common(1)``)."""
    counts = _counts(items)
    return max(counts, key=counts.__getitem__)


@functools.cache
def _entries_named_by_id(knowledge: Knowledge) -> dict[str, list]:
    """Curated id -> the entries :func:`_entity` finds for it (filled as ids come up; curated data only)."""
    return {}


def _relabel(m: Mention, label: str) -> Mention:
    return Mention(m.text, label, m.start, m.end, m.slides, m.section, m.sentence_start, m.sentence_end, m.extractor, m.curated_id)


_KEY_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(.*)$")


def _metric_key(text: str) -> str:
    """The value a metric is known by: ``8.3`` and ``8.30`` are one result, ``84%`` and ``84`` two."""
    number = metric_number(text)
    if number is None:
        return text
    m = _KEY_NUMBER.match(number)
    return f"{float(m.group(1))!r}{m.group(2)}" if m else number


def metric_entities(mentions: Iterable[Mention], details: dict[tuple[int, int], object]) -> list[Entity]:
    """One METRIC entity per number as written; the longest text names it."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label == "METRIC":
            groups[_metric_key(m.text)].append(m)
    out = []
    for members in groups.values():
        best = max(members, key=lambda m: len(m.text))
        info = details.get((best.start, best.end))
        attrs = {}
        if info is not None:
            attrs = {"value": info.value, "unit": info.unit, "measure": info.measure, "kind": info.kind}
            if info.dataset:
                attrs["dataset"] = info.dataset
        name = _composed_name(best.text, info)
        aliases = sorted({m.text for m in members} - {name})
        out.append(Entity("METRIC", name, aliases, sorted(members, key=lambda m: m.start), attrs))
    return sorted(out, key=lambda e: e.name)


_BARE_NUMBER = re.compile(r"[~≈+-]?\d[\d.,]*\s?%?")


def _composed_name(text: str, info) -> str:
    """A bare table cell (``66.6``) is named with the benchmark it carries (``66.6 on MMLU``),
    so the name says what it measures; the number it is known by stays the same."""
    if info is None or not info.dataset or not _BARE_NUMBER.fullmatch(text):
        return text
    name = f"{text} on {info.dataset}"
    return name if metric_number(name) == metric_number(text) else text
