"""The shape of a name, shared by the name rules (:mod:`names`, :mod:`name_cues`,
:mod:`name_variants`): the match record, which words may open a sentence, whether a
word run could be a name at all, and a bare parameter count.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aigraph.lexicon import is_common_word, words


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    label: str
    rule: str
    #: For an acronym definition: (start, end) of the other form.
    partner: tuple[int, int] | None = None


_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:focused|based|powered|first|driven|native|led|backed|scale|level|like|style|specific|generated|related|sized|ready|friendly|only|free)$"
)


@functools.lru_cache(maxsize=65536)
def is_novel(name: str) -> bool:
    """True when ``name`` could be a name: not a stop-listed acronym, not all ordinary words."""
    if name in words("stop_names"):
        return False
    parts = [p for p in re.split(r"[\s]+", name) if p]
    if not parts or parts[0] in {"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "Its"}:
        return False
    if any(_COMPOUND_ADJECTIVE.search(p) for p in parts):
        return False
    significant = [p for p in parts if p not in {"of", "for", "de", "and", "&", "To", "the"}]
    return any(not is_common_word(p.rstrip(".,")) and p not in words("stop_names") for p in significant)


_OPENERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "Its", "In", "On", "At", "But", "And", "So", "If", "When", "While", "After", "Before", "Yet",
                      "Unless", "Although", "Though", "Because", "Since", "Once", "Until", "Whether", "As", "For", "With", "Without",
                      "By", "From", "To", "Of", "Unlike", "Despite", "Given", "Meanwhile", "However", "Also", "Even", "Only",
                      "Now", "Then", "Here", "There", "Today", "Instead", "Still", "Thus", "Hence", "Why", "How", "What", "Where"})


#: A parameter count: ``13B``, ``8x7B``.
SIZE = r"\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BM]"
_BARE_SIZE = re.compile(rf"^(?:{SIZE}|\d+(?:\.\d+)?[x×])$")


def is_bare_size(name: str) -> bool:
    """True for a parameter count or multiplier standing alone (``7B``, ``8x7B``, ``7.8x``): never a model name."""
    name = name.strip()
    return name[:1].isdigit() and _BARE_SIZE.match(name) is not None  # most names open with a letter


#: What a versioned name never is: a date or quarter ("Q3-2024"), a processor ("TPU-v5p", "GPU-2").
_NOT_VERSIONED = re.compile(r"(?:19|20)\d\d\b|^Q[1-4]\b|^(?:[CGTNILD]PU|chip)s?\b", re.IGNORECASE)


def is_versioned_name(name: str) -> bool:
    """A name with a version joined by ``-`` or ``.``, as models are named: ``MiMo-V2.6-Pro``, ``Quill-2``.

    >>> [is_versioned_name(n) for n in ("MiMo-V2.6-Pro", "GPT-4.5", "Q3-2024", "TPU-v5p", "Kestrel Labs")]
    [True, True, False, False, False]
    """
    return ("-" in name or "." in name) and any(c.isdigit() for c in name) and not _NOT_VERSIONED.search(name)


__all__ = ["SIZE", "NameMatch", "is_bare_size", "is_novel", "is_versioned_name"]
