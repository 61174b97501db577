"""A document's report year and title."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from aigraph.records import Block

YEAR_RANGE = range(2015, 2036)
_YEAR = r"(20[1-3]\d)"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: The report naming itself: "State of AI Report 2021", "State of AI 2023", "stateof.ai 2021".
_REPORT_YEAR = re.compile(
    r"(?:State[ \t]+of[ \t]+AI(?:[ \t]+Report)?[ \t]*[-\u2013\u2014:,]?[ \t]*|stateof\.ai[ \t]+)" + _YEAR + r"(?!\d)",
    re.I,
)
#: A date: "October 12, 2021", "12 October 2021", "Oct 2021".
_DATE_YEAR = re.compile(
    r"(?:" + _MONTH + r"[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?|\d{1,2}(?:st|nd|rd|th)?[ \t]+" + _MONTH + r",?[ \t]+)"
    + _YEAR + r"(?!\d)",
    re.I,
)
_ANY_YEAR = re.compile(r"(?<![\d.,$€£])" + _YEAR + r"(?![\d%])")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9]+")
_DIGITS = re.compile(r"\d+")

#: How far into a text the report's own name is looked for, and other years.
REPORT_NAME_WINDOW = 20_000
HEAD_WINDOW = 2_000


def year_from_name(name: str) -> int | None:
    """The report year in a file name: a 4-digit 2015–2035 year standing alone.

    A year glued to other digits (a hash such as ``15f0c2019d``) does not count.

    Examples
    --------
    >>> year_from_name("state-of-ai-2021.pdf"), year_from_name("soai2023_v2.txt")
    (2021, 2023)
    >>> year_from_name("000_15f0cdcb7780c36f.txt") is None
    True
    """
    stem = PurePath(name).stem
    for token in _NAME_TOKEN.findall(stem):
        runs = _DIGITS.findall(token)
        if len(runs) == 1 and len(runs[0]) == 4 and int(runs[0]) in YEAR_RANGE:
            return int(runs[0])
    return None


def year_from_text(text: str) -> int | None:
    """The report year a text states.

    In order: the report's own name (``State of AI Report 2021``, ``stateof.ai
    2021``; the most frequent such year in the first 20,000 characters), a date
    (``October 12, 2021``) in the first 2,000 characters, else the first
    plausible year there.

    Examples
    --------
    >>> year_from_text("Posted October 12, 2021. Our take on the State of AI Report 2021.")
    2021
    """
    head = text[:REPORT_NAME_WINDOW]
    named = Counter(int(m.group(1)) for m in _REPORT_YEAR.finditer(head))
    named = Counter({y: c for y, c in named.items() if y in YEAR_RANGE})
    if named:
        return named.most_common(1)[0][0]
    head = head[:HEAD_WINDOW]
    for pattern in (_DATE_YEAR, _ANY_YEAR):
        for m in pattern.finditer(head):
            year = int(m.group(1))
            if year in YEAR_RANGE:
                return year
    return None


def detect_year(source: str, text: str, year: int | None = None) -> int | None:
    """``year`` if given, else the file name's year, else the text's."""
    if year is not None:
        return year
    return year_from_name(source) or year_from_text(text)


def detect_title(text: str, blocks: list[Block] | tuple[Block, ...]) -> str | None:
    """The first line of the first block that is not page furniture (at most 200 characters)."""
    for b in blocks:
        if b.kind != "chrome":
            end = text.find("\n", b.start, b.end)
            line = text[b.start : b.end if end < 0 else end].strip()
            return line[:200] or None
    return None
