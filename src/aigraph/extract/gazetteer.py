"""The gazetteer: curated names and aliases as spaCy SpanRuler phrase patterns.

Two rulers share the work. ``aigraph_gazetteer`` matches surface forms exactly as
written (plus spacing/hyphen/plural variants); ``aigraph_gazetteer_lower`` matches
multi-word and distinctive names whatever their case ("US air force"). Both write
candidate spans whose ``id_`` is the curated id; the resolver picks among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from aigraph.lexicon import is_common_word
from aigraph.lexicon import words as lexicon_words
from aigraph.knowledge import Knowledge, KnownEntity

#: spans keys the two rulers write to.
EXACT_KEY = "aig.gaz"
LOWER_KEY = "aig.gazl"

#: Labels whose entries become patterns.
#: PAPER entries are titles from outside data (aigraph.knowledge.epoch_names); curated files have none.
GAZETTEER_LABELS = ("ORG", "MODEL", "DATASET", "SOFTWARE", "PERSON", "COUNTRY", "PAPER")

_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])[- ]?(?=\d)")


def surface_variants(surface: str, label: str) -> Iterator[str]:
    """Yield ``surface`` and the spellings text uses for it.

    ``GPT-3`` -> ``GPT3``, ``GPT 3``; ``AlphaFold 2`` -> ``AlphaFold2``; a model
    or dataset name also in the plural (``Point Transformers``, ``CoAtNets``).

    Examples
    --------
    >>> sorted(surface_variants("GPT-3", "MODEL"))
    ['GPT 3', 'GPT-3', 'GPT3']
    """
    seen = {surface}
    yield surface
    m = _LETTER_DIGIT.search(surface)
    if m and label in ("MODEL", "DATASET", "SOFTWARE"):
        head, tail = surface[: m.start()], surface[m.end() :]
        for sep in ("", " ", "-"):
            variant = head + sep + tail
            if variant not in seen:
                seen.add(variant)
                yield variant
    if label == "ORG" and surface.isalpha() and len(surface) >= 4 and surface[0].isupper() and not surface.endswith("s"):
        # "Googles TensorFlow": a possessive that lost its apostrophe.
        possessive = surface + "s"
        if not is_common_word(possessive):
            yield possessive
    if label == "MODEL":
        last = surface.rsplit(" ", 1)[-1]
        if last[-1:].isalpha() and not last.endswith("s") and not last.isupper() and len(last) > 2:
            plural = surface + "s"
            if not is_common_word(plural) and plural not in seen:
                yield plural


def _distinctive(surface: str) -> bool:
    """True when a case-insensitive match of ``surface`` can hardly be an ordinary phrase."""
    words = surface.split()
    stop = lexicon_words("stop_names")
    if len(words) >= 2:
        # "Open AI" read case-blind is the phrase "open AI": generic acronyms count as words.
        return not all(is_common_word(w) or w in stop for w in words) or len(words) >= 3 or any(
            any(c.isdigit() for c in w) for w in words
        )
    word = words[0] if words else ""
    if len(word) < 5 or any(c.isdigit() for c in word):
        return False
    return not is_common_word(word) and sum(c.isupper() for c in word[1:]) >= 1


def gazetteer_patterns(entries: Iterable[KnownEntity]) -> tuple[list[dict], list[dict]]:
    """Return (exact, lower) SpanRuler phrase patterns for curated entries.

    Each pattern is ``{"label": LABEL, "pattern": surface, "id": curated_id}``;
    ambiguous entries get exact patterns only.
    """
    exact: list[dict] = []
    lower: list[dict] = []
    seen_exact: set[tuple[str, str]] = set()
    seen_lower: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.label not in GAZETTEER_LABELS:
            continue
        for form in entry.surface_forms:
            for variant in surface_variants(form.strip(), entry.label):
                if not variant or (variant, entry.label) in seen_exact:
                    continue
                seen_exact.add((variant, entry.label))
                exact.append({"label": entry.label, "pattern": variant, "id": entry.id})
                low = variant.lower()
                if entry.ambiguous or low == variant or (low, entry.label) in seen_lower:
                    continue
                if _distinctive(variant):
                    seen_lower.add((low, entry.label))
                    lower.append({"label": entry.label, "pattern": variant, "id": entry.id})
    return exact, lower


def add_gazetteer(nlp, knowledge: Knowledge) -> None:
    """Add the two gazetteer rulers to ``nlp``."""
    exact, lower = gazetteer_patterns(knowledge)
    for name, key, attr, patterns in (
        ("aigraph_gazetteer", EXACT_KEY, "ORTH", exact),
        ("aigraph_gazetteer_lower", LOWER_KEY, "LOWER", lower),
    ):
        ruler = nlp.add_pipe(
            "span_ruler",
            name=name,
            config={
                "spans_key": key,
                "phrase_matcher_attr": attr,
                "validate": False,
                "overwrite": False,
                "annotate_ents": False,
            },
        )
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(patterns)
