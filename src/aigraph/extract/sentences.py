"""Where sentences start and end: the one splitter every extraction rule uses.

A sentence ends after ``.``, ``!`` or ``?`` (and any closing quote or bracket) before
a capital or a digit, unless the word before the point is a known abbreviation; and
at a line break, unless the line is wrapped mid-sentence (PDF text): the next line
starts in lower case, or this one ends on a comma or a word like "by" or "the", or
both lines have the same indent and this one ends without a stop. A blank line
always ends one.

Examples
--------
>>> text = "Acme Labs released Foo-1 in 2023. It scored 91% on\\nthe Bar benchmark.\\nNext line."
>>> sentence_starts(text)
[0, 34, 70]
>>> lo, hi = sentence_at(text, text.index("91%"))
>>> text[lo:hi]
'It scored 91% on\\nthe Bar benchmark.'
"""

from __future__ import annotations

import bisect
import re

from aigraph.lexicon import words

#: A stop (not after a lone capital, "J. Smith") and the space after it, before a
#: capital or digit; or a line break and the white space after it. Written to start
#: with one character class (the engine then skips to the next candidate at C speed):
#: the same matches as ``(?<!\b[A-Z])[.!?]["')\]]*[ \t]+(?=["'(\[]?[A-Z0-9])|\n\s*``.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])(?<!\b[A-Z][.!?])[\"')\]]*[ \t]+(?=[\"'(\[]?[A-Z0-9])|(?<=\n)\s*)")
_LAST_WORD = re.compile(r"([\w.]+)$")

#: How far around a position :func:`sentence_at` looks (a "line" can be a whole book).
WINDOW = 1000


def sentence_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Character offsets where sentences start in ``text[lo:hi]`` (``lo`` first)."""
    hi = len(text) if hi is None else hi
    starts = [lo]
    for m in _SENTENCE_END.finditer(text, lo, hi):
        end = m.end()
        if end >= hi:
            continue
        if text[m.start()] == ".":
            word = _LAST_WORD.search(text, max(lo, m.start() - 12), m.start())
            if word and word.group(1).lower() in words("abbreviations"):
                continue
        elif text[m.start()] == "\n" and _wrapped(text, m.start(), end):
            continue
        starts.append(end)
    return starts


def _wrapped(text: str, newline: int, next_start: int) -> bool:
    if "\n" in text[newline + 1 : next_start]:
        return False  # a blank line ends a paragraph
    nxt = text[next_start : next_start + 1]
    if nxt.islower():
        return True
    before = text[max(0, newline - 20) : newline].rstrip()
    if before.endswith(","):
        return True
    if _same_indent(text, newline, next_start) and not before.endswith((".", "!", "?", ":", ";")):
        return True  # an indented paragraph of PDF text goes on with the same indent
    last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
    return last in words("line_continuations") and nxt.isalnum()


def _same_indent(text: str, newline: int, next_start: int) -> bool:
    """This line and the next start with the same, non-empty indent."""
    line_start = text.rfind("\n", 0, newline) + 1
    indent = len(text[line_start:newline]) - len(text[line_start:newline].lstrip(" "))
    return indent > 0 and next_start - newline - 1 == indent


def sentence_at(text: str, pos: int, lo: int = 0, hi: int | None = None, *, window: int = WINDOW) -> tuple[int, int]:
    """Bounds ``(start, end)`` of the sentence around ``pos``, inside ``text[lo:hi]``.

    The end is just after the sentence's last character (trailing space left out);
    only ``window`` characters either side are read.
    """
    hi = len(text) if hi is None else hi
    floor, ceiling = max(lo, pos - window), min(hi, pos + window)
    starts = sentence_starts(text, floor, ceiling)
    i = bisect.bisect_right(starts, pos) - 1
    start = starts[max(i, 0)]
    end = starts[i + 1] if i + 1 < len(starts) else ceiling
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["WINDOW", "sentence_at", "sentence_starts"]
