"""How names are compared: every key a name or a metric is turned into, in one place.

A leaf module (it imports nothing of aigraph), so every layer can use it:

- :func:`surface_key`: the compact key two spellings of one name share (NFKC,
  case-folded, letters and digits only): ``Hugging Face`` = ``HuggingFace``. The
  curated knowledge, extraction, identity and linking match on it.
- :func:`word_key`: the same, with the words kept apart (``alphafold 2``): the
  explorer's search compares prefixes of words.
- :func:`name_key` / :func:`name_keys`: the exact, lower-cased form the stores and the
  canned questions look names up by (``aig:key``, the Cypher ``keys`` column).
- :func:`gold_key` and :func:`metric_number`: how the evaluation compares an
  extracted name or metric with the annotation guide's gold ones.

Examples
--------
>>> surface_key("U.S."), word_key("  AlphaFold-2 "), name_key("  Google DeepMind ")
('us', 'alphafold 2', 'google deepmind')
>>> name_keys({"name": "DeepMind", "aliases": ["Google DeepMind", "deepmind"]})
['deepmind', 'google deepmind']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

_NON_ALNUM_RUN = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def surface_key(text: str) -> str:
    """Return the lookup key of a surface form: NFKC, casefold, alphanumerics only.

    A trailing plus is kept: it names a successor (``CodeT5+`` is not ``CodeT5``).

    Examples
    --------
    >>> surface_key("Hugging Face") == surface_key("HuggingFace") == "huggingface"
    True
    >>> surface_key("CodeT5+"), surface_key("FaceForensics++"), surface_key("ASE+ACE")
    ('codet5+', 'faceforensics++', 'aseace')
    """
    key = _NON_ALNUM_RUN.sub("", unicodedata.normalize("NFKC", text).casefold())
    stripped = text.rstrip()
    return key + "+" * (len(stripped) - len(stripped.rstrip("+"))) if stripped.endswith("+") else key


def word_key(text: str) -> str:
    """Return a name as words: NFKC, casefolded, runs of other characters as one space.

    Examples
    --------
    >>> word_key("GPT-4o (mini)")
    'gpt 4o mini'
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def name_key(name: Any) -> str:
    """Return a name as the stores and questions compare it: stripped and lower-cased."""
    return str(name).strip().lower()


def name_keys(attrs: Mapping[str, Any]) -> list[str]:
    """Return the look-up keys of a node: its name and aliases as :func:`name_key`, sorted.

    The SPARQL and Cypher stores hold these (``aig:key``, the ``keys`` column) so a
    look-up there is an exact match on :func:`name_key`, as in the networkx form.
    """
    forms = [attrs.get("name"), *(attrs.get("aliases") or ())]
    return sorted({name_key(form) for form in forms if form is not None})


def gold_key(name: str) -> str:
    """The annotation guide's name comparison: ``The DeepMind`` -> ``deepmind``.

    NFKC, case-folded, a leading "the" dropped, only ASCII letters, digits, ``μ`` and
    ``%`` kept.

    Examples
    --------
    >>> gold_key("The DeepMind"), gold_key("GPT‑4o")
    ('deepmind', 'gpt4o')
    """
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^0-9a-zμ%]+", "", text)


_NUMBER = re.compile(r"(?<![\w-])[~≈]?(\d+(?:[.,]\d+)*)\s*(%|x|×|M|B|k)?(?![\w])", re.IGNORECASE)


def metric_number(text: str) -> str | None:
    """The number a metric is known by: a percentage, then a multiplier, then a decimal.

    Examples
    --------
    >>> metric_number("cut the 12-hour forecast error by 9%"), metric_number("0.72 AUC")
    ('9%', '0.72')
    """
    numbers = []
    for m in _NUMBER.finditer(text or ""):
        unit = (m.group(2) or "").lower().replace("×", "x")
        numbers.append((m.group(1).replace(",", "."), unit))
    for wanted in ("%", "x"):
        hit = next((n + u for n, u in numbers if u == wanted), None)
        if hit:
            return hit
    hit = next((n + u for n, u in numbers if "." in n or u), None)
    return hit or (numbers[0][0] if numbers else None)


__all__ = ["gold_key", "metric_number", "name_key", "name_keys", "surface_key", "word_key"]
