"""Epoch AI's names as low-priority knowledge entries: models, organisations, paper titles.

:func:`epoch_entities` turns the imported records (:mod:`aigraph.knowledge.epoch`) into
:class:`~aigraph.knowledge.KnownEntity` entries the gazetteer can match, after the
curated ones and never in their place: a name (or short form) any curated entry
already has is left out, as is a second Epoch entry with the same name. Each entry says
where it came from (``attrs["source"] == "epoch"``) and carries no developer, so the
reports' relations stay theirs.

Guards, because these names were not chosen for matching text:

- a name shorter than three letters and digits, or one the lexicon lists as a generic
  word (``stop_names``), is left out;
- a one-word name that is an ordinary English word (``Switch``) or a head noun of AI
  writing (``Transformer``) is left out; one that is not, but has neither digits nor inner capitals (``Gato``), is matched
  only as written and with care (``ambiguous``), as is a name made only of ordinary words;
- a paper title is kept only when it has four words or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from aigraph.knowledge import Knowledge, KnownEntity, slugify, surface_key
from aigraph.knowledge.epoch import EpochModel
from aigraph.knowledge.linking import epoch_keys

__all__ = ["EPOCH_SOURCE", "epoch_entities", "name_guard", "widen"]

#: ``attrs["source"]`` of every entry made here.
EPOCH_SOURCE = "epoch"
#: Labels the entries get, in the order their names are claimed (a name goes to the first).
ORDER = ("MODEL", "ORG", "PAPER")

_NOTE = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_SLASH_SHORT = re.compile(r"^(.*\S)\s*/\s*([A-Z][A-Za-z0-9&.-]{1,9})$")
_WORD = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*")
_MIN_TITLE_WORDS = 4


def _common(word: str) -> bool:
    from aigraph.lexicon import is_common_word

    return is_common_word(word)


def _stop_names() -> frozenset[str]:
    from aigraph.lexicon import words

    return words("stop_names")


def _generic_nouns() -> frozenset[str]:
    """Head nouns of AI writing (``transformer``, ``agent``): never a name on their own."""
    from aigraph.lexicon import lower_words

    return lower_words("model_nouns") | lower_words("org_nouns") | lower_words("dataset_nouns")


def name_guard(form: str) -> str | None:
    """How a name may be matched: ``"safe"``, ``"careful"`` (as written, with care) or ``None`` (never).

    Examples
    --------
    >>> name_guard("Megatron-Turing NLG 530B"), name_guard("Gato"), name_guard("Switch"), name_guard("T5")
    ('safe', 'careful', None, None)
    """
    form = form.strip()
    key = surface_key(form)
    if len(key) < 3 or key.isdigit() or form in _stop_names():
        return None
    words = _WORD.findall(form)
    if not words:
        return None
    if len(words) == 1:
        word = words[0]
        if (word.islower() and not any(c.isdigit() for c in word)) or _common(word) or word.lower() in _generic_nouns():
            return None
        distinctive = any(c.isdigit() for c in word) or sum(c.isupper() for c in word[1:]) >= 1
        return "safe" if distinctive and len(key) >= 4 else "careful"
    if all(_common(w) or w in _stop_names() for w in words if not any(c.isdigit() for c in w)) and not any(
        any(c.isdigit() for c in w) for w in words
    ):
        return "careful"
    return "safe"


def _org_forms(name: str) -> tuple[str, ...]:
    """``Carnegie Mellon University (CMU)`` -> the name and its short form; likewise ``X / BAAI``."""
    for pattern in (_NOTE, _SLASH_SHORT):
        m = pattern.match(name.strip())
        if m:
            return (m.group(1).strip(), m.group(2).strip())
    return (name.strip(),)


def _model_forms(name: str) -> tuple[str, ...]:
    """The name as text writes it: without Epoch's bracketed note (``Perceiver IO (optical flow)``)."""
    m = _NOTE.match(name.strip())
    return (m.group(1).strip(),) if m else (name.strip(),)


def epoch_entities(curated: Knowledge | Iterable[KnownEntity], records: Sequence[EpochModel]) -> list[KnownEntity]:
    """Knowledge entries for Epoch's models, organisations and paper titles that curated entries lack.

    Parameters
    ----------
    curated
        The curated entries: their ids and every surface form they have are taken.
    records
        Epoch's records (:func:`aigraph.knowledge.epoch.load_epoch`).

    Examples
    --------
    >>> from aigraph.knowledge import KnownEntity
    >>> from aigraph.knowledge.epoch import EpochModel
    >>> curated = [KnownEntity("deepmind", "ORG", "DeepMind")]
    >>> records = [EpochModel(id="gato", name="Gato", organizations=("DeepMind",),
    ...                       paper_title="A Generalist Agent")]
    >>> [(e.label, e.name, e.ambiguous) for e in epoch_entities(curated, records)]
    [('MODEL', 'Gato', True)]
    """
    taken = {surface_key(form) for entity in curated for form in entity.surface_forms}
    ids = {(entity.label, entity.id) for entity in curated}
    candidates: dict[str, list[tuple[str, ...]]] = {label: [] for label in ORDER}
    for record in sorted(records, key=lambda r: r.id):
        # A size or note on a curated name ("Gopher (280B)", "GPT-3 175B") is that model:
        # a longer pattern would only cut the curated name's mentions short.
        if not epoch_keys(record.name)[1] & taken:
            candidates["MODEL"].append(_model_forms(record.name))
        for org in record.organizations:
            candidates["ORG"].append(_org_forms(org))
        if record.paper_title and len(_WORD.findall(record.paper_title)) >= _MIN_TITLE_WORDS:
            candidates["PAPER"].append((" ".join(record.paper_title.split()),))
    # A base several records share ("CLIP (ResNet-50)", "CLIP (ViT-L/14)") names none of them.
    bases: dict[str, int] = {}
    for forms in candidates["MODEL"]:
        bases[surface_key(forms[0])] = bases.get(surface_key(forms[0]), 0) + 1
    out: list[KnownEntity] = []
    for label in ORDER:
        for forms in candidates[label]:
            kept, careful = [], False
            for i, form in enumerate(forms):
                key = surface_key(form)
                if not key or key in taken or (label == "MODEL" and bases.get(key, 0) > 1):
                    continue
                guard = "safe" if label == "PAPER" else name_guard(form)
                if guard is None:
                    continue
                kept.append(form)
                careful = careful or (i == 0 and guard == "careful")
            if not kept:
                continue
            entity_id = slugify(kept[0])
            if not entity_id or (label, entity_id) in ids:
                continue
            ids.add((label, entity_id))
            taken.update(surface_key(form) for form in kept)
            out.append(KnownEntity(entity_id, label, kept[0], tuple(kept[1:]), ambiguous=careful,
                                   attrs={"source": EPOCH_SOURCE}))
    return out


def widen(curated: Knowledge, epoch_file) -> Knowledge:
    """The curated knowledge with Epoch's names after it (unchanged when the file is absent).

    ``epoch_file`` is the imported records (a path or an importlib resource).
    """
    from aigraph.knowledge.epoch import load_epoch

    try:
        records = load_epoch(epoch_file) if epoch_file.is_file() else []
    except OSError:
        records = []
    extra = epoch_entities(curated, records)
    return Knowledge([*curated, *extra]) if extra else curated
