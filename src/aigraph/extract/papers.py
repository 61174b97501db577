"""Paper titles: what no list can hold, found by how text cites a paper.

``the Attention Is All You Need paper``, ``ResNet strikes back is a paper that``,
``In Pre-train, Prompt and Predict, researchers find``, ``the paper "X"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = frozenset(
    "a an the and or but of for to in on at by with via from is are all you your we our it its as "
    "vs versus not no do does can be into over under than".split()
)
_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b"
)
_Q_OPEN, _Q_CLOSE = "\"'", "\"'"
_TITLE = r"[\"']?(?P<t>[A-Z0-9][^.;:\n\"]{2,120}?[?!]?)[\"']?"
_VERBS = (
    r"(?:find|finds|found|show|shows|showed|shown|propose|proposes|proposed|demonstrate|demonstrates|"
    r"demonstrated|introduce|introduces|introduced|present|presents|presented|argue|argues|argued|"
    r"report|reports|reported|suggest|suggests|suggested|study|studied|describe|described)"
)
_SUBJECTS = r"(?:they|researchers|the researchers|the authors|authors|scientists|the team|we|[A-Z][\w-]+ researchers)"

_PATTERNS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # the Attention Is All You Need paper
    ("rule:paper-the-x-paper", re.compile(rf"\b(?:the|their|a|this|that|his|her|our|its)\s+{_TITLE}\s+(?:paper|preprint|publication)\b"), True),
    # ResNet strikes back is a paper that ...
    (
        "rule:paper-x-is-a-paper",
        re.compile(
            r"(?:^|(?<=[:;.!?])\s+|^\s*[-*•]\s+)[\"']?(?P<t>[A-Z][^.;:\n\"]{2,100}?[?!]?)[\"']?\s+(?:is|was)\s+"
            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:paper|preprint|study)\b",
            re.MULTILINE,
        ),
        False,
    ),
    # In Pre-train, Prompt and Predict they find ...
    ("rule:paper-in-x-they-find", re.compile(rf"\bIn\s+{_TITLE},?\s+{_SUBJECTS}\s+{_VERBS}\b"), True),
    # the paper "X" / a paper titled X
    (
        "rule:paper-titled",
        re.compile(
            r"\b(?:paper|preprint|study|article)\s*,?\s+(?:titled|entitled|called|named)?\s*\"(?P<t>[A-Z0-9][^\"\n]{6,150})\""
        ),
        False,
    ),
    ("rule:paper-titled", re.compile(r"\b(?:paper|preprint|study)\s+(?:titled|entitled)\s+(?P<t>[A-Z][^.;\n]{4,120}?)(?=[,.;]|\s+\()"), True),
    # "X", a paper ...
    ("rule:paper-quoted", re.compile(r"\"(?P<t>[A-Z][^\"\n]{6,150})\",?\s+(?:a|the|their)\s+(?:new\s+)?(?:paper|preprint|study)\b"), True),
    # a long quoted title in Title Case: ("Progressive Growing of GANs for Improved Quality, ...")
    ("rule:paper-quoted-title", re.compile(r"\"(?P<t>[A-Z][^\"\n]{15,200}?)\""), True),
)


@dataclass(frozen=True, slots=True)
class PaperMatch:
    start: int
    end: int
    title: str
    rule: str


def is_title_case(title: str) -> bool:
    """True when most content words of ``title`` start with a capital letter."""
    words = re.findall(r"[A-Za-z][\w'-]*", title)
    content = [w for w in words if w.lower() not in _SMALL]
    if len(words) < 2 or not content:
        return False
    caps = sum(w[0].isupper() for w in content)
    return caps / len(content) >= 0.7


def find_papers(text: str, *, known=lambda name: False) -> list[PaperMatch]:
    """Return paper titles cited in ``text``.

    ``known`` tells whether a span is already a known entity (a model named like
    ``the GPT-3 paper`` is about that model, not a title).

    Examples
    --------
    >>> [p.title for p in find_papers("Since the Attention Is All You Need paper, ...")]
    ['Attention Is All You Need']
    """
    found: list[PaperMatch] = []
    for lo, line in _cue_lines(text):
        found.extend(_find_in(line, lo, known))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PaperMatch] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


_CUE = re.compile(
    r"(?i:paper|preprint|study|article|publication)|\bIn\s+[\"'A-Z]|\"[A-Z]"
)


def _cue_lines(text: str):
    """Lines that mention a paper at all (the patterns need one of these words)."""
    at = 0
    for line in text.split("\n"):
        if _CUE.search(line):
            yield at, line
        at += len(line) + 1


def _find_in(text: str, offset: int, known) -> list[PaperMatch]:
    found: list[PaperMatch] = []
    for rule, pattern, need_title_case in _PATTERNS:
        for m in pattern.finditer(text):
            title = m.group("t").strip().strip("\"'").rstrip(",")
            start = m.start("t") + (len(m.group("t")) - len(m.group("t").lstrip().lstrip("\"'")))
            if len(title.split()) < 2 or len(title.split()) > 20 or _MONTHS.search(title):
                continue
            if need_title_case and not is_title_case(title):
                continue
            if rule == "rule:paper-quoted-title" and len(title.split()) < 4:
                continue
            if known(title):
                continue
            found.append(PaperMatch(offset + start, offset + start + len(title), title, rule))
    return found
