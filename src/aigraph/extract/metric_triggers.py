"""Triggers of the metric forms: short patterns that every match of a form is found near.

Python's regex engine finds a pattern that begins with a literal at C speed (a fast
substring search), but tries one that begins with a character class, ``\\b`` or an
alternation position by position, about ten times slower on long text. A trigger such
as ``[Ff](?<!\\w[Ff])(?:rom|ROM)\\s`` is clear but slow to scan for; its *anchors*
(``rom``, ``ROM``, each one character after where the trigger begins) are fast, and
trying the trigger only there gives the same hits (:func:`finditer_at_anchors`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

#: Where a pattern may begin: ``(regex, offset)``, each match of ``regex`` saying
#: ``offset`` characters from where that match begins (negative: before it); or a
#: function from a text to such places. ``regex`` is scanned with ``finditer``, so what
#: it consumes must hold no other place of its own (context after goes in a look-ahead).
Anchor = tuple[re.Pattern[str], int] | Callable[[str], Iterable[int]]


def finditer_at_anchors(pattern: re.Pattern[str], anchors: tuple[Anchor, ...], text: str) -> Iterator[re.Match[str]]:
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
    places: set[int] = set()
    for anchor in anchors:
        if callable(anchor):
            places.update(anchor(text))
        else:
            regex, offset = anchor
            places.update(m.start() + offset for m in regex.finditer(text))
    end = 0
    for at in sorted(places):
        if at < end:
            continue  # inside the match before (or before the text)
        m = pattern.match(text, at)
        if m:
            end = m.end()
            yield m


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger ``pattern`` and its ``anchors``: :meth:`finditer` gives the pattern's hits, found fast."""

    pattern: re.Pattern[str]
    anchors: tuple[Anchor, ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return finditer_at_anchors(self.pattern, self.anchors, text)


def _n_of_m_starts(text: str) -> Iterator[int]:
    """Where ``\\d\\s+(?:out\\s+)?of\\s+(?:the\\s+)?\\d`` can begin: back from each "of N"
    over the white space (and an "out") before it (``\\s`` is ``str.isspace``)."""
    for m in _OF_NUMBER.finditer(text):
        at = m.start()
        while at and text[at - 1].isspace():
            at -= 1
        yield at - 1
        if at >= 3 and text.startswith("out", at - 3):
            at -= 3
            while at and text[at - 1].isspace():
                at -= 1
            yield at - 1


def _number_starts(text: str) -> Iterator[int]:
    """Where ``\\d(?<=[A-Za-z]\\s\\d)\\d+\\.\\d`` can begin: the first digit of a number
    with two or more digits before its decimal point (``\\d`` is ``str.isdecimal``)."""
    for m in _TWO_DIGITS_POINT.finditer(text):
        at = m.start() - 2
        while at and text[at - 1].isdecimal():
            at -= 1
        yield at


_OF_NUMBER = re.compile(r"of\s+(?:the\s+)?\d")
_TWO_DIGITS_POINT = re.compile(r"\.(?<=\d\d\.)\d")

FROM_TRIGGER = Trigger(re.compile(r"[Ff](?<!\w[Ff])(?:rom|ROM)\s"), ((re.compile(r"rom\s"), -1), (re.compile(r"ROM\s"), -1)))
ARROW_TRIGGER = re.compile(r"→|->|=>|⟶")
#: Pieces of text every arrow trigger hit holds (tested with ``in`` first).
ARROW_NEEDS = ("→", "->", "=>", "⟶")
OF_TRIGGER = Trigger(re.compile(r"[%t](?:(?<=%)|(?<=\b[Pp]ercent))\s+of\b"),
                     ((re.compile(r"%\s+of\b"), 0), (re.compile(r"ercent\s+of\b"), 5)))
BENCH_TRIGGER = Trigger(
    re.compile(
        r"[\d:+Pp-](?:(?<=\d)(?:\s?%|pp\b)|(?<=[Pp])ercentage\s+points?|(?<=:)\s*[+-]?\d+\.\d|(?<=[+-])\d|(?<=[A-Za-z]\s\d)\d+\.\d)"
    ),
    ((re.compile("%"), -1), (re.compile("%"), -2), (re.compile(r"pp(?<=\dpp)"), -1), (re.compile("ercentage"), -1),
     (re.compile(r":\s*[+-]?\d+\.\d"), 0), (re.compile(r"\+\d"), 0), (re.compile(r"-\d"), 0), _number_starts),
)
N_OF_M_TRIGGER = Trigger(re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+)?\d"), (_n_of_m_starts,))
SLASH_TRIGGER = Trigger(re.compile(r"\d/\d"), ((re.compile(r"/\d"), -1),))
#: "at" in its four cases; "scor" from its "or" in four cases (two characters after the "s").
#: A capital first letter is rare, so one scan for it covers both cases of the next.
AT_TRIGGER = Trigger(
    re.compile(r"[aAsS](?:(?<!\w[aA])(?<=[aA])[tT]\s+(?:\w+\s+){0,2}[~≈]?\s?\d|(?<!\w[sS])(?<=[sS])(?i:cor)(?:es|ed|ing)\s)"),
    (*((re.compile(at + r"(?=\s+(?:\w+\s+){0,2}[~≈]?\s?\d)"), 0) for at in ("at", "aT", "A[tT]")),
     *((re.compile(o_r + r"(?:es|ed|ing)\s"), -2) for o_r in ("or", "oR", "O[rR]"))),
)
VERSUS_TRIGGER = Trigger(
    re.compile(r"[vVcCaArR](?<!\w[vVcCaArR])(?:ersus|(?<=[vV])s|ompared|gainst|elative)\b"),
    (*((re.compile(rest + r"\b"), -1) for rest in ("ersus", "ompared", "gainst", "elative")),
     *((re.compile(vs + r"\b"), 0) for vs in ("vs", "Vs"))),
)
BY_POINTS_TRIGGER = Trigger(
    re.compile(r"[bB](?<!\w[bB])[yY]\s+(?:\w+\s+)?\d[\d.]*\s*(?i:points|pts|percentage|pp)\b"),
    ((re.compile(r"y(?<=[bB]y)\s"), -1), (re.compile(r"Y(?<=[bB]Y)\s"), -1)),
)
