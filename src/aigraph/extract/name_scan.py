"""Runs of name-shaped words (``University of Washington``, ``Zentrix 8B``), found in one scan.

The name rules of :mod:`names` judge each run by its context; this module finds the
runs. :data:`RUN` says what a run is. Searched as it is, it tries its look-behind at
every character of the text; :func:`run_matches` finds the same matches by letting the
engine skip ahead to the characters a run can open with.
"""

from __future__ import annotations

import re

from aigraph.extract.name_shapes import _OPENERS, is_bare_size

# A word that can be part of a name: starts upper-case or has an inner capital/digit.
NAME_WORD = r"(?:[A-Z][\w&+.-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w-]*|[a-zμ]?[A-Z0-9][\w-]*[A-Za-z][\w-]*|μ[A-Z][\w-]*)"
#: What joins two words of one name.
_JOIN = r"(?: | of | for | de | & | To | the )"
#: A maximal run of name words; the definition the faster patterns below must agree with.
RUN = re.compile(rf"(?<![\w$€£-]){NAME_WORD}(?:{_JOIN}{NAME_WORD})*(?![\w])")

#: :data:`RUN` where its first word opens with a capital, a digit or "μ", written so that
#: the pattern opens with that character (the engine then skips to such characters) and
#: the look-behind is tried after it. The alternatives of :data:`NAME_WORD` that can open
#: with that character follow it in their order: for a capital ``[A-Z][\w&+.-]*[\w+]``,
#: ``[A-Z]`` and ``[A-Z0-9][\w-]*[A-Za-z][\w-]*``; for a digit the last; for "μ"
#: ``μ[A-Z0-9][\w-]*[A-Za-z][\w-]*`` and ``μ[A-Z][\w-]*``.
#: The other branch matches one capital or digit inside a lower-case word: a run can only
#: open with a lower-case letter at the start of such a word (``iPhone``, ``xLSTM``).
_RUN_OR_INNER_CAPITAL = re.compile(
    r"[A-Z0-9μ](?:(?<![\w$€£-].)"
    r"(?:(?<=[A-Z])(?:[\w&+.-]*[\w+]|(?:)|[\w-]*[A-Za-z][\w-]*)"
    r"|(?<=[0-9])[\w-]*[A-Za-z][\w-]*"
    r"|(?<=μ)(?:[A-Z0-9][\w-]*[A-Za-z][\w-]*|[A-Z][\w-]*))"
    rf"(?:{_JOIN}{NAME_WORD})*(?![\w])"
    r"|(?<=[a-z].)(?P<inner>))"
)


def run_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``RUN.finditer(text)``, found faster.

    :data:`_RUN_OR_INNER_CAPITAL` yields, left to right, each run opening with a
    capital, digit or "μ", and each capital or digit that follows a lower-case letter.
    Any other run opens with the lower-case letters before such a capital (a name
    word's first capital or digit follows at most lower-case letters), so :data:`RUN`
    is tried at the start of those letters. The search resumes where the last run
    ended, as ``finditer`` does.
    """
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        for m in _RUN_OR_INNER_CAPITAL.finditer(text, pos):
            if m.group("inner") is None:
                out.append(m)  # a run
                continue
            run = _lower_case_run(text, m.start(), out[-1].end() if out else 0)
            if run is not None:
                out.append(run)
                pos = run.end()
                break  # resume the scan after it
        else:
            return out


def _lower_case_run(text: str, capital: int, pos: int) -> re.Match[str] | None:
    """The :data:`RUN` opening with the lower-case word around ``capital``, if it starts at or after ``pos``."""
    start = capital - 1  # back to the lower-case word's start
    while start > pos and _is_lower(text[start - 1]):
        start -= 1
    if start < pos or (start > 0 and _is_lower(text[start - 1])):
        return None
    return RUN.match(text, start)


def _is_lower(char: str) -> bool:
    return "a" <= char <= "z"


def name_runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of name-shaped words (``University of Washington``), left to right.

    One linear pass; leading openers, joining words and sizes are dropped. The rule
    component computes them once per text for each finder.
    """
    out = []
    for m in run_matches(text):
        start, end = m.span()
        space = text.find(" ", start, end)
        if space != -1:  # most runs are one word
            if text.count(" ", space, end) > 7:
                continue  # a headline in Title Case, not a name
            # "On the 70B Chinchilla" -> "Chinchilla"
            while space != -1 and (text[start:space] in _OPENERS or text[start:space] in ("the", "of", "for", "de")
                                   or is_bare_size(text[start:space])):
                start = space + 1
                space = text.find(" ", start, end)
        out.append((start, end))
    return out


def occurrences(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where each of ``literals`` occurs in ``text``, in ascending order.

    >>> occurrences("Dr. Vale and Prof. Quill met Dr. Ash", ("Dr", "Prof"))
    [0, 13, 29]
    """
    out = []
    for literal in literals:
        at = text.find(literal)
        while at != -1:
            out.append(at)
            at = text.find(literal, at + 1)
    out.sort()
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts``.

    ``starts`` are ascending (see :func:`occurrences`), the pattern never matches the
    empty string; it is tried only there, each match resuming where the last one ended,
    as ``finditer`` does, instead of at every character.
    """
    out, pos = [], 0
    match = pattern.match
    for start in starts:
        if start >= pos and (m := match(text, start)) is not None:
            out.append(m)
            pos = m.end()
    return out
