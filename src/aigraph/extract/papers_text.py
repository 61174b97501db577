"""A text as the paper finders read it: its lines, where they start, its lower case.

The finders (sentence cues, layout, reference lists) all work line by line and look
for a few plain words before they run their patterns. :class:`PaperText` splits and
lower-cases a text once for all of them, and finds the lines that hold a word with
``str.find``, much faster than a regex scan of the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class PaperText:
    """One text, split into lines (``starts[i]`` is where ``lines[i]`` starts) and lower-cased."""

    text: str
    lines: list[str]
    starts: list[int]
    low: str
    #: What :meth:`line_starts_holding` found, kept with this one text (finders share words).
    _holding: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, text: str | PaperText) -> PaperText:
        """``text`` read once (a :class:`PaperText` is returned as it is)."""
        if isinstance(text, PaperText):
            return text
        lines = text.split("\n")
        return cls(text, lines, [0, *accumulate(len(line) + 1 for line in lines[:-1])], text.lower())

    @property
    def low_aligned(self) -> bool:
        """Whether ``low`` has the offsets of ``text`` (a few characters' lower case is longer)."""
        return len(self.low) == len(self.text)

    def line_starts_holding(self, literal: str, *, lower: bool = False, mark: re.Pattern[str] | None = None) -> frozenset[int]:
        """Where the lines holding ``literal`` start (in ``low`` with ``lower``: offsets in ``low``).

        With ``mark``, a hit counts only where ``mark`` matches at it. Once a line has a
        hit, the search goes on at the next line.
        """
        key = (literal, lower, mark)
        if key in self._holding:
            return self._holding[key]
        text = self.low if lower else self.text
        starts: set[int] = set()
        at = text.find(literal)
        while at != -1:
            if mark is not None and not mark.match(text, at):
                at = text.find(literal, at + 1)
                continue
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            at = -1 if end == -1 else text.find(literal, end + 1)
        self._holding[key] = found = frozenset(starts)
        return found

    def line_starts_matching(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Where the lines holding a match of ``pattern`` start (its matches never cross a line break)."""
        if pattern in self._holding:
            return self._holding[pattern]
        text, starts = self.text, set()
        m = pattern.search(text)
        while m is not None:
            starts.add(text.rfind("\n", 0, m.start()) + 1)
            end = text.find("\n", m.start())
            m = None if end == -1 else pattern.search(text, end + 1)
        self._holding[pattern] = found = frozenset(starts)
        return found
