"""Organisation names given away by how they are written, not by the words around them.

* funding lists: ``Cursorly ($2.3B), Vexa Labs ($8M)``;
* social-media handles: ``.@AnthropicAI's`` (mapped to a known organisation by the canonicaliser);
* domain-shaped names: ``Character.ai``, ``Hume.io`` (not URLs).

Pure functions: text in, :class:`~aigraph.extract.names.NameMatch` list out.
"""

from __future__ import annotations

import re

from aigraph.lexicon import words
from aigraph.extract.name_scan import matches_at
from aigraph.extract.name_shapes import _OPENERS, NameMatch

#: ``Character.ai``, ``Hume.io``: a company named by its domain (not a link to it).
_DOMAIN_NAME = re.compile(r"(?P<n>[A-Z](?<![\w./@:-][A-Z])[A-Za-z0-9-]*\.(?:ai|AI|io|IO))(?![\w/-]|\.\w)")


#: What every :data:`_DOMAIN_NAME` match holds (opening with one character, which the engine finds
#: fast), and the characters of its name before it.
_DOMAIN_ENDING = re.compile(r"\.(?:ai|AI|io|IO)")
_DOMAIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


def find_domain_names(text: str) -> list[NameMatch]:
    """Company names written as their domain; URLs (``https://x.ai/``, ``www.y.io``) are left out.

    A name holds no "." before its ending, and its look-behind rules out a letter, digit
    or hyphen before it: it starts where those characters before the ending start, and
    :data:`_DOMAIN_NAME` is tried only there (the same matches as its ``finditer``).
    """
    starts = []
    for ending in _DOMAIN_ENDING.finditer(text):
        at = ending.start()
        while at > 0 and text[at - 1] in _DOMAIN_CHARS:
            at -= 1
        starts.append(at)
    return [NameMatch(m.start("n"), m.end("n"), "ORG", "rule:org-domain") for m in matches_at(_DOMAIN_NAME, text, starts)]


#: ``Name ($120M)``: a company and the amount it raised.
_FUNDED = re.compile(
    r"(?:(?<=^)|(?<=[\s,;:(—–]))(?P<name>(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w.&'-]*(?: (?:[A-Z][\w.&'-]*|of|&|for)){0,3})"
    r"\s\(\s*(?:US)?[$€£¥]\s?\d[\d.,]*\s?(?:[BMK]|bn|million|billion)?\+?\s*\)"
)


#: What every :data:`_FUNDED` match holds: an opening bracket and a currency sign.
_FUNDED_AMOUNT = re.compile(r"\(\s*(?:US)?[$€£¥]")


def _funded(text: str) -> list[re.Match[str]]:
    """``_FUNDED.finditer(text)``, searched only where an amount in brackets is.

    A match's name lies on the line of the space before its ``(`` (or, after a line
    break, on the line before) and the match ends at the first ``)`` after it, so
    searching those stretches (merged where they overlap) finds the same matches.
    """
    regions: list[list[int]] = []
    for t in _FUNDED_AMOUNT.finditer(text):
        p = t.start()
        lo = text.rfind("\n", 0, max(0, p - 1)) + 1
        close = text.find(")", t.end())
        if close == -1:
            continue  # no closing bracket: no match can use this one
        hi = close + 1
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    return [m for lo, hi in regions for m in _FUNDED.finditer(text, lo, hi)]


def find_funding_list(text: str) -> list[NameMatch]:
    """Companies in a funding list: ``Cursorly ($2.3B), Vexa Labs ($8M) and Quill ($5M)``.

    Two or more ``Name ($amount)`` items within one stretch of text make a list; a single
    one is left to the other rules.
    """
    items = [m for m in _funded(text) if m.group("name") not in _OPENERS
             and m.group("name") not in words("stop_names")]
    out = []
    for i, m in enumerate(items):
        near = (i > 0 and m.start() - items[i - 1].end() < 80) or (i + 1 < len(items) and items[i + 1].start() - m.end() < 80)
        if near:
            out.append(NameMatch(m.start("name"), m.end("name"), "ORG", "rule:org-funding"))
    return out


#: ``@GoogleDeepMind``, ``.@AnthropicAI's`` (quote marks glued on are not part of it).
_HANDLE = re.compile(r"@(?<![\w@]@)(?P<h>[A-Za-z][A-Za-z0-9_]{1,30})(?![\w])")


def find_handles(text: str) -> list[NameMatch]:
    """Social-media handles; the canonicaliser keeps those it can map to a known organisation."""
    if "@" not in text:
        return []
    return [NameMatch(m.start("h"), m.end("h"), "ORG", "rule:org-handle") for m in _HANDLE.finditer(text)]


def handle_forms(handle: str) -> list[str]:
    """Names a handle may stand for, most specific first.

    >>> handle_forms("GoogleDeepMind")[:2]
    ['GoogleDeepMind', 'Google Deep Mind']
    >>> handle_forms("deepseek_ai")[:2]
    ['deepseek_ai', 'deepseek ai']
    >>> handle_forms("AnthropicAI")[-1]
    'Anthropic'
    """
    handle = handle.lstrip("@")
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", handle.replace("_", " ")).strip()
    forms = [handle, spaced]
    for tail in (" AI", " ai", "AI", " HQ", "HQ", " Research", " Labs", " Lab", " Inc"):
        for form in (handle.replace("_", " "), spaced):
            if form.endswith(tail) and len(form) > len(tail) + 1:
                forms.append(form[: -len(tail)].strip())
    first = spaced.split(" ")[0]
    if first not in forms and len(first) >= 3:
        forms.append(first)
    return list(dict.fromkeys(forms))


#: "Proceedings of the ... Conference of ...: " -- a venue's name up to its subtitle's colon.
_VENUE_BEFORE_COLON = re.compile(r"\b(?:Proceedings|Conference|Workshop|Symposium|Meeting|Chapter|Association)\b[^\n.:]*:[ \t]*$")


def in_venue_title(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a venue's subtitle (``...: Human Language Technologies``), not an organisation.

    >>> in_venue_title("In: Proceedings of the Conference of the Nordic Chapter: Speech Technologies", 56)
    True
    >>> in_venue_title("Partners: Vexora Technologies", 10)
    False
    """
    return _VENUE_BEFORE_COLON.search(text, max(0, start - 200), start) is not None
