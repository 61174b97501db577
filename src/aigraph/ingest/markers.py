"""Page markers of slide-deck text, and whether a text is a deck at all."""

from __future__ import annotations

import re
from collections import Counter

from aigraph.ingest import patterns

#: A page marker on a line of its own (or ending a navigation bar): a slide's footer or header.
_LONE_MARKER = re.compile(r"(?im)^[^\n]*?(?:\|\s*[A-Za-z]+\s+)?#(?:stateofai|aireport)\s*[|/]\s*\d+\s*$")


def page_markers(text: str, start: int = 0) -> int:
    """How many viewer page lines (``12 of 188``, ``12/ 188``, ``Page 12``) agree with each other.

    Lines count together when they give the same page total (or none) and a page
    number within it, so two stray fractions in a table do not make a deck.
    """
    counts: Counter[int | None] = Counter()
    for m in patterns.lines_matching(patterns.PAGE_OF_LINE, patterns.PAGE_OF_FIRST, text, start):
        if m["pn"] is not None:
            n, total = int(m["pn"]), (int(m["pt"]) if m["pt"] else None)
        else:
            n, total = int(m["n"]), int(m["total"])
        if n > 0 and (total is None or n <= total):
            counts[total] += 1
    return max(counts.values(), default=0)


def looks_like_deck(text: str, start: int = 0) -> bool:
    """True when ``text[start:]`` is slide text with page markers rather than a summary.

    It is when it has a page-marker line (one slide pasted alone counts) and more
    of them than lines that cite slides (``Slide 12: ...``). Markers are
    ``#stateofai | 12``, a navigation bar ending in its slide number, and viewer
    page lines (``12 of 188``, ``Page 12 of 188``; two that agree at least).
    """
    first_end = text.find("\n", start)
    first_end = len(text) if first_end < 0 else first_end
    markers = sum(1 for _ in patterns.HASH_MARKER.finditer(text, start))
    markers += sum(1 for _ in patterns.lines_matching(patterns.NAV_NUMBER_LINE, patterns.NAV_NUMBER_FIRST, text, start))
    pages = page_markers(text, start)
    markers += pages if pages > 1 else bool(patterns.PAGE_OF.match(text, start, first_end))
    if markers < 1:
        return False
    if markers == 1:
        lone = _LONE_MARKER.search(text, start) or first_line_match(
            patterns.NAV_NUMBER_LINE, patterns.NAV_NUMBER_FIRST, text, start)
        if not lone:
            return False
    citations = sum(1 for _ in patterns.CITATION_LINE.finditer(text, start))
    return markers > citations


def ends_with_page_line(text: str, start: int) -> bool:
    """Whether the last non-blank line of ``text[start:]`` is a viewer page line."""
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    ls = max(text.rfind("\n", start, end) + 1, start)
    return bool(patterns.PAGE_OF.match(text, ls, end) or patterns.PAGE_ALONE.match(text, ls, end))


def first_line_match(line: re.Pattern[str], first: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """The first match of a newline-led line pattern in ``text[start:]`` (its first line included)."""
    return next(patterns.lines_matching(line, first, text, start), None)
