"""The textual cues ingest reads: slide citations, page markers, page chrome, sections.

Every pattern here is linear (no nested repetition), so a 50 MB text is scanned in
one pass. Patterns that look at one line are applied with ``pattern.match(text,
start, end)`` on the whole document text, so no line is copied to test it.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The sections of a State of AI report, in order; headings and slide titles that
#: name one of them set the section of the text that follows.
SECTIONS: tuple[str, ...] = (
    "Introduction",
    "Research",
    "Talent",
    "Industry",
    "Politics",
    "Safety",
    "Predictions",
)
_SECTION_BY_KEY = {name.casefold(): name for name in SECTIONS}
_SECTION_ALT = "|".join(SECTIONS)

#: A range longer than this is cut short: a typo such as "Slides 10-740" must not
#: attribute a paragraph to hundreds of slides. One citation names at most
#: ``MAX_SLIDES`` slides, whatever it lists.
MAX_RANGE = 50
MAX_SLIDES = 100

#: Slide numbers in a citation: "12", "163 + 164", "175 - 180", "12, 14 and 16".
_NUMS = r"\d{1,4}(?:[ \t]*(?:[-\u2010\u2011\u2012\u2013\u2014+&,/]|to|and|through)[ \t]*\d{1,4})*"

#: A citation at the start of a bullet or paragraph: "Slide 12:", "Slides 163 + 164:",
#: "**Slide 12**", "[Slide 12]", "(Slides 3-5)", "Slide 12 -", "Slide 12 •", or a bare "Slide 12".
#: It needs a separator (":", a spaced dash, bullet or bar, ". ") or the end of the line, or else
#: wrapping ("**Slide 12**"), so that "Slide 12 shows ..." is a sentence, not a citation.
_CITATION = (
    r"(?P<open>\*\*|__|[*_\[(])?[ \t]*"
    r"(?i:slides?)[ \t]*(?:#|(?i:no\.?)[ \t]*)?"
    r"(?P<nums>" + _NUMS + r")"
    r"[ \t]*(?P<close>\*\*|__|[*_\])])?[ \t]*"
    r"(?:(?P<sep>[:\uff1a]|[-\u2013\u2014\u2022\u00b7|](?=[ \t])|\.(?=[ \t])|$)(?(open)(?P<close2>\*\*|__|[*_\])])?)"
    r"|(?(open)(?(close)|(?!))|(?!)))"
)
CITATION = re.compile(_CITATION)
_NUM_TOKEN = re.compile(r"\d{1,4}|[-\u2010\u2011\u2012\u2013\u2014]|to|through")

_BULLET_MARK = r"[-*+\u2022\u25cf\u25cb\u25aa\u25e6\u2023\u2043\u2013\u2219\u25a0\u25ba\u27a2]|\d{1,3}[.)]"
#: A bullet marker where a line's text starts: "-", "*", "+", "•", "●", "1.", "2)".
BULLET = re.compile(r"(?P<marker>" + _BULLET_MARK + r")[ \t]+(?=\S)")
#: What a line opens with: a bullet marker, a citation, both, or neither (empty).
LEAD = re.compile(r"(?:(?P<marker>" + _BULLET_MARK + r")[ \t]+(?=\S))?(?:" + _CITATION + r")?")

#: A Markdown ATX heading: "## 2. Talent".
MD_HEADING = re.compile(r"[ ]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<body>.*?)(?:[ \t]+#+)?[ \t]*$")
#: A Markdown setext underline or a horizontal rule.
UNDERLINE = re.compile(r"[ ]{0,3}(?P<char>[=-])(?P=char)+[ \t]*$")
RULE = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")

#: A section range after a heading's name: "(Slides 10 — 74)", "— Slides 75-91", "(Slide 183)".
HEADING_RANGE = re.compile(
    r"[ \t]*(?:[(\[][ \t]*(?i:slides?|pp?\.)[ \t]*" + _NUMS + r"[ \t]*[)\]]"
    r"|[-\u2013\u2014:|][ \t]*(?i:slides?)[ \t]*" + _NUMS + r")[ \t]*$"
)
#: Numbering before a heading's name: "1.", "2)", "Section 3:", "Part IV -".
HEADING_NUMBER = re.compile(
    r"(?:(?i:section|part|chapter)[ \t]+)?(?:\d{1,2}|[IVX]{1,5})(?:[.):]|[ \t]+[-\u2013\u2014])[ \t]*(?=\S)"
)

# --- slide-deck text ---------------------------------------------------------

#: A viewer's page indicator on a line of its own: "12 of 188", "12/ 188", "Page 12 of 188",
#: "Slide 12 of 188".
_OF = r"(?:[ \t]+(?i:of)[ \t]+|[ \t]*/[ \t]*)"
PAGE_OF = re.compile(r"[ \t]*(?:(?i:page|slide)[ \t]+)?(?P<n>\d{1,4})" + _OF + r"(?P<total>\d{1,4})[ \t]*$")
#: A viewer's page line without the page count: "Page 12".
PAGE_ALONE = re.compile(r"[ \t]*(?i:page)[ \t]+(?P<n>\d{1,4})[ \t]*$")
#: The report's hashtag marker: "#stateofai | 12", "#stateofai / 12"; or its site's name and
#: year with the slide number: "stateof.ai 2024 | 45" (not a year after the bar).
HASH_MARKER = re.compile(
    r"(?:#[ \t]?(?:stateofai|aireport)|stateof\.ai(?:[ \t]+20\d\d)?(?=[ \t]*[|\uff5c\u2502][ \t]*\d{1,3}\b))"
    r"[ \t]*[|/\uff5c\u2502][ \t]*(?P<n>\d{1,4})\b",
    re.I,
)
#: The navigation bar across the top of a slide: three or more section names split by "|".
#: It opens with two known section names; later items may be other short capitalised
#: names (a deck may add a section such as "Survey" or "China").
_SEP = r"[ \t]*[|\u2502\uff5c][ \t]*"
_NAV_ITEM = r"[A-Z][A-Za-z&'\u2019]{1,20}(?:[ ][A-Z&][A-Za-z&'\u2019]{0,20})?"
_NAV = (
    r"(?i:" + _SECTION_ALT + r")" + _SEP + r"(?i:" + _SECTION_ALT + r")\b" + _SEP
    + r"(?-i:(?:" + _NAV_ITEM + _SEP + r"){0,10}" + _NAV_ITEM + r")\b"
)
NAV_BAR = re.compile(r"[ \t]*" + _NAV + r"[ \t]*")
#: The slide number that ends a navigation bar in the 2024+ decks: "... | Predictions      |5".
NAV_NUMBER = re.compile(_SEP + r"(?P<n>\d{1,4})[ \t]*$")
#: The slide number alone on the line after a navigation bar ("|5"), as text
#: extraction without a layout may put it.
BAR_NUMBER = re.compile(r"[ \t]*[|\u2502\uff5c][ \t]*(?P<n>\d{1,4})[ \t]*$")
#: A navigation-bar line ending in its slide number (or with the number alone on a
#: line below it), for whole-text scans. Such scans start with the newline before
#: a line (a literal the engine finds fast); the ``*_FIRST`` twin tests a text's
#: first line.
_NAV_NUMBER_LINE = (
    r"[^\S\n]*" + _NAV + r"(?:" + _SEP + r"|[ \t]*(?:\n[^\S\n]*)+[|\u2502\uff5c][ \t]*)\d{1,4}[ \t]*(?=\n|\Z)"
)
NAV_NUMBER_LINE = re.compile(r"\n" + _NAV_NUMBER_LINE)
NAV_NUMBER_FIRST = re.compile(_NAV_NUMBER_LINE)
#: Footer furniture on a line of its own: "stateof.ai 2021", "stateof.ai", "#stateofai", "#AIreport" (2018-19).
FOOTER = re.compile(r"[ \t]*(?:#[ \t]?(?:stateofai|aireport)|stateof\.ai(?:[ \t]+20\d\d)?)[ \t]*$", re.I)
#: A bare page number, which counts as a marker only where position says it is a footer.
PAGE_NUMBER = re.compile(r"[ \t]*(?P<n>\d{1,3})[ \t]*$")

#: A slide title that opens a section: "Research", "Section 2: Talent", "3. Industry".
SECTION_TITLE = re.compile(
    r"[ \t]*(?:(?i:section)[ \t]*)?(?:\d{1,2}[.):]?[ \t]*)?(?P<name>" + _SECTION_ALT + r")[ \t]*$",
    re.I,
)


#: What makes a line start a new block inside a paragraph: a bullet, a Markdown
#: heading, an underline or rule, a citation, or a section name on its own.
_UNIT_LEAD = (
    r"[^\S\n]*(?:"
    r"(?:[-*+\u2022\u25cf\u25cb\u25aa\u25e6\u2023\u2043\u2013\u2219\u25a0\u25ba\u27a2]|\d{1,3}[.)])[ \t]"
    r"|#{1,6}[ \t]"
    r"|(?:=+|-{3,}|_{3,}|\*{3,})[ \t]*(?=\n|$)"
    r"|(?:\*\*|__|[*_\[(])?[ \t]*(?i:slides?)[ \t]*(?:#|(?i:no\.?)[ \t]*)?\d"
    r"|(?:(?i:section)[ \t]*)?(?:\d{1,2}[.):]?[ \t]*)?(?i:" + _SECTION_ALT + r")[ \t]*(?=\n|$)"
    r")"
)
#: One block candidate: a non-blank line and the lines that continue it, up to a
#: blank line or a line that may start a block of its own. Its ``lead`` group holds
#: the line's bullet ``marker`` and citation (``nums``), when it has them. One ``finditer`` over
#: the text yields them all, so continuation lines cost no Python work. The
#: repeat is possessive: the engine keeps no backtracking state per line.
_UNIT = (
    r"(?P<indent>[^\S\n]*)(?=\S)"
    r"(?P<first>(?P<lead>(?:(?P<marker>" + _BULLET_MARK + r")[ \t]+(?=\S))?(?:" + _CITATION + r")?)[^\n]*)"
    r"(?P<more>(?:\n(?!" + _UNIT_LEAD + r"|[^\S\n]*$)[^\n]*)*+)"
)
UNIT = re.compile("^" + _UNIT, re.M)
#: The same, for a stretch that starts in the middle of a line.
UNIT_HERE = re.compile(_UNIT, re.M)

#: A line of slide-deck text that holds page furniture or a page marker (the
#: newline before it included; :data:`CHROME_LINE_FIRST` tests the text's first
#: line). The group that matched says what it is: ``of`` ("12 of 188"), ``foot``
#: ("stateof.ai 2023"), ``nav`` (a navigation bar) or ``hash`` (a "#stateofai | 12"
#: somewhere in the line).
_HASH = r"#[ \t]?(?:stateofai|aireport)[ \t]*[|/\uff5c\u2502][ \t]*\d"
_CHROME_LEAD = (
    r"[^\S\n]*(?:"
    r"(?P<of>(?:(?:page|slide)[ \t]+)?\d{1,4}" + _OF + r"\d{1,4}[ \t]*(?=\n|$)|page[ \t]+\d{1,4}[ \t]*(?=\n|$))"
    r"|(?P<foot>(?:#[ \t]?(?:stateofai|aireport)|stateof\.ai(?:[ \t]+20\d\d)?)[ \t]*(?=\n|$))"
    r"|(?P<nav>" + _NAV + r")"
    r"|(?P<hash>[^\n]*?" + _HASH + r")"
    r"|(?P<bar>[|\u2502\uff5c][ \t]*\d{1,4}[ \t]*(?=\n|$))"
    r")"
)
CHROME_LINE = re.compile(r"\n" + _CHROME_LEAD, re.I)
CHROME_LINE_FIRST = re.compile(_CHROME_LEAD, re.I)

#: Quick whole-text scans that decide whether a text is a slide deck.
#: A page-indicator line anywhere: "12 of 188", "12/ 188", "Page 12 of 188", "Page 12"
#: (``total`` is None for the last).
_PAGE_OF_LINE = (
    r"[^\S\n]*(?:(?i:page)[ \t]+(?P<pn>\d{1,4})(?:" + _OF + r"(?P<pt>\d{1,4}))?"
    r"|(?:(?i:slide)[ \t]+)?(?P<n>\d{1,4})" + _OF + r"(?P<total>\d{1,4}))[ \t]*(?=\n|\Z)"
)
PAGE_OF_LINE = re.compile(r"\n" + _PAGE_OF_LINE)
PAGE_OF_FIRST = re.compile(_PAGE_OF_LINE)


def lines_matching(line: re.Pattern[str], first: re.Pattern[str], text: str, start: int = 0):
    """Matches of a ``\\n``-led line pattern in ``text[start:]``, the line at ``start`` included."""
    if start == 0 or text[start - 1] == "\n":
        m = first.match(text, start)
        if m is not None:
            yield m
    yield from line.finditer(text, start)
CITATION_LINE = re.compile(
    r"\n[ \t]*(?:[-*+\u2022\u25cf]|\d{1,3}[.)])?[ \t]*[*_\[(]{0,2}[ \t]*(?i:slides?)[ \t]*"
    r"(?!\d{1,4}" + _OF + r"\d{1,4}[ \t]*(?:\n|\Z))\d"  # "Slide 12 of 188" is a viewer's page line
)


@lru_cache(maxsize=4096)
def parse_slide_numbers(spec: str) -> tuple[int, ...]:
    """Expand the numbers of a slide citation into slide numbers.

    Parameters
    ----------
    spec : str
        The numbers as written, e.g. ``"12"``, ``"163 + 164"``, ``"175 - 180"``,
        ``"12, 14 and 16"``, ``"141 to 152"``.

    Returns
    -------
    tuple of int
        Sorted, distinct slide numbers. A range gives every number in it, cut at
        :data:`MAX_RANGE` slides; a reversed range gives its two ends; reading
        stops at :data:`MAX_SLIDES` numbers.

    Examples
    --------
    >>> parse_slide_numbers("175 - 180")
    (175, 176, 177, 178, 179, 180)
    >>> parse_slide_numbers("163 + 164")
    (163, 164)
    """
    numbers: set[int] = set()
    previous: int | None = None
    pending_range = False
    for token in _NUM_TOKEN.findall(spec):
        if len(numbers) >= MAX_SLIDES:
            break
        if not token[0].isdigit():
            pending_range = previous is not None
            continue
        value = int(token)
        if pending_range and previous is not None and value > previous:
            numbers.update(range(previous, min(value, previous + MAX_RANGE - 1) + 1))
        else:
            numbers.add(value)
        previous, pending_range = value, False
    return tuple(sorted(numbers)[:MAX_SLIDES])


def section_name(name: str) -> str | None:
    """The canonical section a heading or title names, or None."""
    return _SECTION_BY_KEY.get(name.strip().casefold())


#: Hosts whose links point at papers (the link text there is a paper title).
PAPER_HOSTS = (
    r"arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|aclweb\.org|proceedings\.neurips\.cc|papers\.nips\.cc|"
    r"proceedings\.mlr\.press|openaccess\.thecvf\.com|semanticscholar\.org|paperswithcode\.com/paper|dl\.acm\.org|"
    r"ieeexplore\.ieee\.org|link\.springer\.com|biorxiv\.org|medrxiv\.org|nature\.com/articles|science\.org/doi|"
    r"huggingface\.co/papers|papers\.cool|jmlr\.org/papers|ojs\.aaai\.org|ssrn\.com"
)
