"""Link the models a graph names to Epoch AI's records of the same models.

Matching goes from strict to loose, and stops at the first tier that decides:

1. a name or alias equals an Epoch name (case, spaces and hyphens aside);
2. it equals an Epoch name with its size or its bracketed note taken off
   (``GPT-3 175B (davinci)`` is GPT-3, ``BERT-Large`` is BERT, ``Llama 2-70B`` is
   not Llama 2 when ``Llama 2-7B`` is also there);
3. the same words in another order (``Gemini Pro 1.5`` / ``Gemini 1.5 Pro``).

Where a tier finds several records, the developer decides: only records whose
organisations agree with what the graph says developed the model are kept
(``Google DeepMind`` agrees with ``DeepMind`` through the curated parent
links). Dated releases of one model (``GPT-4 (Mar 2023)``, ``GPT-4 (Jun
2023)``) resolve to the first. Anything still undecided is left unlinked and
reported with its candidates, never guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from aigraph.keys import surface_key
from aigraph.knowledge import Knowledge
from aigraph.knowledge.epoch import EpochModel

__all__ = ["LinkReport", "ModelLink", "ModelRef", "link_models", "epoch_keys"]

_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")
# A trailing size: a parameter count (``-70B``, `` 175B``), or a size word joined by a
# hyphen (``BERT-Large``, ``Jurassic-1-Jumbo``; never ``Mistral Large``, a product's name).
_SIZE = re.compile(r"(?:(?:[\s-]+|(?<=\d))\d+(?:\.\d+)?\s?[BMKT]|-(?:base|large|huge|jumbo|xx?l))$",
                   re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATED = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{4})$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ModelRef:
    """A model as the graph knows it: its node key, names, and who developed it."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    developers: tuple[str, ...] = ()
    first_year: int | None = None


@dataclass(frozen=True, slots=True)
class ModelLink:
    """A graph model and the Epoch record it is, with the tier that decided."""

    key: str
    epoch_id: str
    how: str


@dataclass
class LinkReport:
    """Links made, models with several candidates left unlinked, and models with none."""

    links: list[ModelLink] = field(default_factory=list)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)


def _bag(name: str) -> str:
    return " ".join(sorted(w.casefold() for w in _WORD.findall(name)))


def epoch_keys(name: str) -> tuple[str, set[str], str]:
    """The keys an Epoch name is matched by: exact, reduced (size or note off), word bag.

    Examples
    --------
    >>> exact, reduced, bag = epoch_keys("GPT-3 175B (davinci)")
    >>> exact, sorted(reduced)
    ('gpt3175bdavinci', ['gpt3', 'gpt3175b'])
    """
    reduced = set()
    base = _NOTE.sub("", name)
    if base != name:
        reduced.add(surface_key(base))
    unsized = _SIZE.sub("", base).rstrip(" -")
    if unsized and unsized != base:
        reduced.add(surface_key(unsized))
    return surface_key(name), reduced - {surface_key(name), ""}, _bag(name)


def _release(name: str) -> tuple[int, int] | None:
    """``GPT-4 (Mar 2023)`` -> ``(2023, 3)``: the release a dated note names."""
    note = _NOTE.search(name)
    m = _DATED.match(note.group(1).strip()) if note else None
    return (int(m.group(2)), _MONTHS.index(m.group(1).casefold()) + 1) if m else None


def _year(record: EpochModel) -> int | None:
    return int(record.date_published[:4]) if record.date_published else None


class _Orgs:
    """Organisation names -> curated ids with their ancestors, to tell whether two lists agree."""

    def __init__(self, knowledge: Knowledge | None) -> None:
        self.knowledge = knowledge

    def ids(self, names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for name in names:
            # Epoch writes "Carnegie Mellon University (CMU)": the name, then its short form.
            forms = [name, _NOTE.sub("", name), *(m.group(1) for m in [_NOTE.search(name)] if m)]
            found = [e for form in dict.fromkeys(forms) for e in
                     (self.knowledge.lookup(form, "ORG") if self.knowledge else [])]
            if not found:
                out.add("~" + surface_key(_NOTE.sub("", name)))
            for entity in found:
                out.add(entity.id)
                out.update(a.id for a in self.knowledge.ancestors_of(entity.id))
        return out

    def agree(self, ours: Sequence[str], theirs: Sequence[str]) -> bool:
        return bool(self.ids(ours) & self.ids(theirs))


def _decide(ref: ModelRef, candidates: list[EpochModel], orgs: _Orgs) -> EpochModel | list[EpochModel]:
    """One record, or the candidates still standing when no rule picks one."""
    if ref.developers:
        agreeing = [c for c in candidates if orgs.agree(ref.developers, c.organizations)]
        if agreeing:
            candidates = agreeing
        elif all(c.organizations for c in candidates):
            return candidates  # every candidate names another developer
    if len(candidates) == 1:
        return candidates[0]
    bases = {surface_key(_NOTE.sub("", c.name)) for c in candidates}
    if len(bases) == 1 and all(_release(c.name) for c in candidates):
        return min(candidates, key=lambda c: _release(c.name))
    return candidates


def link_models(models: Iterable[ModelRef], records: Sequence[EpochModel], *,
                knowledge: Knowledge | None = None) -> LinkReport:
    """Link each graph model to at most one Epoch record (see the module docstring).

    Examples
    --------
    >>> from aigraph.knowledge.epoch import EpochModel
    >>> records = [EpochModel(id="gpt-3-175b-davinci", name="GPT-3 175B (davinci)", organizations=("OpenAI",))]
    >>> link_models([ModelRef("model:gpt-3", "GPT-3")], records).links
    [ModelLink(key='model:gpt-3', epoch_id='gpt-3-175b-davinci', how='variant')]
    """
    exact: dict[str, list[EpochModel]] = defaultdict(list)
    reduced: dict[str, list[EpochModel]] = defaultdict(list)
    bags: dict[str, list[EpochModel]] = defaultdict(list)
    for record in records:
        key, loose, bag = epoch_keys(record.name)
        exact[key].append(record)
        for k in loose:
            reduced[k].append(record)
        bags[bag].append(record)
    orgs = _Orgs(knowledge)
    report = LinkReport()
    for ref in models:
        names = (ref.name, *ref.aliases)
        keys = {surface_key(n) for n in names} - {""}
        tiers = (
            ("name", {r.id: r for k in keys for r in exact.get(k, ())}),
            ("variant", {r.id: r for k in keys for r in reduced.get(k, ())}),
            ("word order", {r.id: r for n in names for r in bags.get(_bag(n), ()) if len(_WORD.findall(n)) > 1}),
        )
        for how, found in tiers:
            if how != "name" and ref.first_year:
                # A report cannot name a model before it was published: ViT-22B (2023) is
                # not the Vision Transformer a 2020 report wrote of.
                found = {i: r for i, r in found.items() if (_year(r) or 0) <= ref.first_year}
            if not found:
                continue
            decided = _decide(ref, sorted(found.values(), key=lambda r: r.id), orgs)
            if isinstance(decided, EpochModel):
                report.links.append(ModelLink(ref.key, decided.id, how))
            else:
                report.ambiguous[ref.key] = tuple(c.name for c in decided)
            break
        else:
            report.unmatched.append(ref.key)
    return report
