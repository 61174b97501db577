"""Word lists the extraction rules and the knowledge's guards use, loaded from ``lexicon/*.txt``.

The lists are data, not code: one entry per line, ``#`` starts a comment.
English word frequencies come from spaCy's ``spacy-lookups-data`` package when it is
installed; they tell an ordinary capitalised word ("Military", "Researchers") from a
name that no list holds ("Connectera").
"""

from __future__ import annotations

import functools
import gzip
import json
import os
from importlib import resources


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of ``lexicon/<name>.txt`` (case kept as written)."""
    text = resources.files("aigraph.lexicon").joinpath(f"{name}.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def lower_words(name: str) -> frozenset[str]:
    """The entries of ``lexicon/<name>.txt``, lower-cased."""
    return frozenset(w.lower() for w in words(name))


#: Log-probability above which a lower-case word counts as ordinary English.
COMMON_LOGPROB = -13.5


@functools.cache
def _lexeme_probs() -> dict[str, float]:
    """Word -> log-probability for the words :func:`is_common_word` asks about.

    Read from ``spacy-lookups-data`` once and kept in the user cache (see
    :mod:`aigraph.diskcache`): parsing the full table takes over a second.
    """
    from aigraph.diskcache import cached, hash_files

    try:
        data = resources.files("spacy_lookups_data").joinpath("data", "en_lexeme_prob.json.gz")
        stat = os.stat(str(data))
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - optional data
        return {}
    code = resources.files("aigraph.lexicon").joinpath("__init__.py")
    key = hash_files([code], "lexeme-probs", str(data), str(stat.st_size), str(stat.st_mtime_ns))
    return cached("lexeme-probs", key, lambda: _read_lexeme_probs(data))


def _read_lexeme_probs(data) -> dict[str, float]:
    try:
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            probs = json.load(fh)
    except OSError:  # pragma: no cover - optional data
        return {}
    # Keep only what is_common_word asks about: words whose lower-case form is common
    # (and the cased forms of those), to bound memory and the garbage collector's work.
    common = {w for w, p in probs.items() if p >= COMMON_LOGPROB and w.islower() and w.replace("-", "").isalpha()}
    return {w: p for w, p in probs.items() if w.lower() in common}


@functools.cache
def is_common_word(word: str) -> bool:
    """True when ``word`` is an ordinary English word, whatever its case here.

    ``"Military"`` and ``"Researchers"`` are common; ``"Connectera"``, ``"DeepMind"``
    and ``"ZOE"`` are not. A word is common when its lower-case form is frequent and
    not much rarer than the form as written (names are mostly seen capitalised).
    """
    if word in words("common_words_extra"):
        return True
    probs = _lexeme_probs()
    if not probs:
        return word.islower()
    lower = probs.get(word.lower())
    if lower is None or lower < COMMON_LOGPROB:
        return False
    if word.isupper() and len(word) > 1:
        # An acronym: common only if the upper-case form is itself rare.
        upper = probs.get(word)
        return upper is None or upper < lower - 2.0
    cased = probs.get(word)
    return cased is None or word.islower() or lower >= cased - 1.0
