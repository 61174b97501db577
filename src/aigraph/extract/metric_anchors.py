"""Fast scans for the metric forms: a pattern tried only where a cheap literal scan says it can begin.

Python's regex engine finds a pattern that begins with a literal at C speed (a fast
substring search), but tries one that begins with a character class, ``\\b`` or an
alternation position by position, about ten times slower on long text. A trigger such
as ``[Ff](?<!\\w[Ff])(?:rom|ROM)\\s`` is clear but slow to scan for; its *anchors*
(``rom``, ``ROM``, each one character after where the trigger begins) are fast, and
trying the trigger only there gives the same hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: ``(regex, offset)``: each match of ``regex`` says a pattern may begin ``offset``
#: characters from where the match begins (negative: before it).
Anchors = tuple[tuple[re.Pattern[str], int], ...]


def finditer_at_anchors(pattern: re.Pattern[str], anchors: Anchors, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, with ``pattern`` tried only where ``anchors`` point.

    Every match of ``pattern`` (which never matches the empty string) must begin at a
    place an anchor points to; then the matches are the same as ``finditer``'s: left
    to right, a match never beginning inside the one before.

    Examples
    --------
    >>> trigger = re.compile(r"[Ff](?<!\\w[Ff])rom\\s")
    >>> [m.span() for m in finditer_at_anchors(trigger, ((re.compile("rom"), -1),), "from a to b, From c; prom ")]
    [(0, 5), (13, 18)]
    """
    starts = sorted({m.start() + offset for regex, offset in anchors for m in regex.finditer(text)})
    end = 0
    for at in starts:
        if at < end:
            continue  # inside the match before (or before the text)
        m = pattern.match(text, at)
        if m:
            end = m.end()
            yield m
