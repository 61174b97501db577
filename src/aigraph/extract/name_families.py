"""Model names written as one token: a known family with a version glued on.

``GPT-6``, ``GLM-5.1``, ``Qwen4-Max``, ``Llama4-Scout-17B``: the gazetteer knows the
family (``GPT`` from ``GPT-4``, ``Qwen``, ``GLM``) but matches whole tokens only, and
these names are single tokens. The family's developer follows from the curated
knowledge when the family is itself a curated model (see ``canonical._variant_base``).
"""

from __future__ import annotations

import re

from aigraph.lexicon import is_common_word, words
from aigraph.extract.names import NameMatch

#: Family letters, an optional hyphen, a version; not inside a path, handle or number.
#: The capital is matched before the look-behind (same matches; the engine then skips
#: ahead to capitals instead of trying the look-behind at every character).
_FAMILY_VERSION = re.compile(r"(?P<family>[A-Z](?<![\w.@/\\-][A-Z])[A-Za-z]+)-?(?P<version>v?\d+(?:\.\d+)*[a-z]?)(?![\w%]|\.\d)")
#: A digit after a letter or a hyphen: every :data:`_FAMILY_VERSION` match holds one
#: (its version's first digit), and the pattern opens with the digit so the engine skips to digits.
_VERSION_DIGIT = re.compile(r"[0-9](?<=[A-Za-z-][0-9])")
_LETTERS_AND_HYPHEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")
#: Pieces glued on after the version: a size, a tier or a name-shaped word ("-Max", "-8B", "-Instruct").
_GLUED = re.compile(r"(?:-(?:\d+(?:\.\d+)?[BMKTbmk]|\d+x\d+[BM]|[A-Z][A-Za-z0-9]*|[a-z]+))*(?![\w-])")
#: Lower-case pieces that name a tier; any other ("-based", "-class") makes a compound adjective.
_LOWER_TIERS = frozenset("instruct chat turbo mini small medium large base pro plus ultra flash lite nano max preview "
                         "coder vision thinking exp it hf".split())


#: A codename after the version, on the same line or the next: "GPT-6 Astra".
_CODENAME = re.compile(r"(?: |[ \t]*\n[ \t]*)([A-Z][a-z]{2,})(?![\w-])(?! [A-Z])")


def find_family_versions(text: str, families: frozenset[str], known_starts: frozenset[int] = frozenset()) -> list[NameMatch]:
    """MODEL names made of a known family and a glued version.

    A capitalised codename after a bare version joins the name (``GPT-6 Astra``)
    unless it is an ordinary word or a known name of its own (``known_starts``).

    Examples
    --------
    >>> [m.end for m in find_family_versions("GPT-6 and Qwen4-Max", frozenset({"GPT", "Qwen"}))]
    [5, 19]
    >>> find_family_versions("a GPT-6-based tool", frozenset({"GPT"}))
    []
    """
    out = []
    if not families:
        return out
    for m in _family_version_matches(text):
        if m.group("family") not in families:
            continue
        glued = _GLUED.match(text, m.end())
        if glued is None:
            continue  # glued on to something else ("GPT-6-style2")
        if any(p.isalpha() and p.islower() and p not in _LOWER_TIERS for p in glued.group(0).split("-")[1:]):
            continue  # "GPT-6-based", "GPT-6-class": a compound adjective, not a name
        end = glued.end()
        if text[m.start() - 1 : m.start()] == "[" and text[end : end + 1] == "]":
            continue  # "[Kimi2]": a page's button or citation mark
        if end == m.end():
            codename = _CODENAME.match(text, end)
            if codename and not is_common_word(codename.group(1)) and codename.group(1) not in words("stop_names") \
                    and codename.start(1) not in known_starts:
                end = codename.end()
        out.append(NameMatch(m.start(), end, "MODEL", "rule:model-family-version"))
    return out


def _family_version_matches(text: str) -> list[re.Match[str]]:
    """``_FAMILY_VERSION.finditer(text)``, tried only before a version's first digit.

    Before that digit a match holds only letters and a hyphen, and its look-behind
    rules out a letter or hyphen before it: it starts where the letters and hyphens
    before the digit start, and is tried there (resuming after the last match, as
    ``finditer`` does).
    """
    out, pos = [], 0
    for digit in _VERSION_DIGIT.finditer(text):
        start = digit.start() - 1
        while start > 0 and text[start - 1] in _LETTERS_AND_HYPHEN:
            start -= 1
        if start >= pos and (m := _FAMILY_VERSION.match(text, start)) is not None:
            out.append(m)
            pos = m.end()
    return out
