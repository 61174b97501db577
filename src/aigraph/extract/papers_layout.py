"""Paper titles found by page layout rather than by a sentence that cites them.

- A title line over its abstract: a short line (list markers such as ``#1`` or ``2.``
  and trailing chrome such as ``[PDF]`` or ``- Proposed by X`` dropped), then, past an
  optional ``Authors:`` line or author list, a paragraph in the voice of an abstract
  ("we propose", "in this paper").
- ``Title:`` fields on a page that also has paper fields (authors, abstract, arXiv).
- Link text of links to paper hosts: ``[Title](https://arxiv.org/abs/...)``.
"""

from __future__ import annotations

import re

from aigraph.extract.papers_shape import (
    PaperMatch,
    is_field_line,
    looks_like_authors,
    looks_like_person,
    looks_like_venue,
    title_like,
)
from aigraph.extract.papers_text import PaperText
from aigraph.ingest.patterns import PAPER_HOSTS

_LEAD = re.compile(r"^\s*(?:#\d{1,4}\s+|#{1,6}\s+)?(?:\[\d{1,4}\]\s*|\d{1,4}[.)]\s+|(?:Paper|No\.)\s*\d{1,4}[:.]\s*|[-*\u2022]\s+)?")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TRAIL = re.compile(
    r"(?:\s*\[[^\]\n]{0,40}\]"  # [PDF] [Copy] [May 04-21]
    r"|\s*\((?:pdf|code|arxiv|link|paper|html)[^)\n]{0,40}\)"
    r"|\s*\((?:[A-Z][\w&-]*\s+){0,3}'?(?:19|20)?\d\d\)"  # (NeurIPS 2017), (2021)
    r"|\s*\([A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|for|and|&)){0,4}\)"  # a credit: (DeepMind), (Allen Institute for AI)
    rf"|\s*\(?{_MONTH}\s+\d{{1,2}}(?:,?\s*\d{{4}})?\)?"
    r"|\s*[-\u2013\u2014|:])\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"\s+[-\u2013\u2014|]\s+(?:(?:proposed|published|presented|introduced|released|submitted|posted|written|accepted)\s+)?"
    r"(?:by|at|in|on)\b",
    re.IGNORECASE,
)
#: Cheap first look at a line: what a title line never has (a sentence break, too many words).
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_BREADCRUMB = re.compile(r"\s[>\u203a\u00bb]\s")

#: Phrases that only an abstract uses; one is enough.
_ABSTRACT_VOICE = re.compile(
    r"\b(?:in this (?:paper|work|study|article)|(?:this|the) (?:paper|preprint|study) (?:proposes|presents|introduces|"
    r"shows|studies|investigates|describes|explores|argues|finds)|the authors (?:propose|present|introduce|show|study|"
    r"investigate|describe|explore|argue|find)|this paper|here,? we|we (?:propose|present|introduce|investigate|"
    r"demonstrate|study))\b",
    re.IGNORECASE,
)
#: The same, written in lower case, for lower-cased ASCII text: the same matches there, about
#: twice as fast as matching with IGNORECASE.
_ABSTRACT_VOICE_LOW = re.compile(_ABSTRACT_VOICE.pattern)
assert _ABSTRACT_VOICE.pattern == _ABSTRACT_VOICE.pattern.lower()
#: Phrases an abstract often uses but other prose does too; two different ones are needed.
_ABSTRACT_HINTS = re.compile(
    r"\b(?:we (?:show|find|develop|describe|explore|evaluate|examine|analy[sz]e|report|observe|compare|argue|obtain|"
    r"train)|our (?:method|approach|model|results|experiments|analysis|framework)|state-of-the-art|outperforms?|"
    r"experiments?|benchmarks?|baselines?|empirical(?:ly)?)\b",
    re.IGNORECASE,
)
_DATE_LINE = rf"(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}}-\d\d-\d\d"
_META = re.compile(
    r"^\s*(?:\[[^\]]{0,40}\](?:\([^)\s]*\))?\s*[|,\u00b7/-]?\s*)+$"  # [PDF] [Copy], [arXiv](...) | [Code](...)
    r"|^\s*(?:published|submitted|posted|updated|accepted)\b|^\s*arxiv:\s*\d|^[^\n]*?\s\u00b7\s|"
    rf"^\s*(?:{_DATE_LINE})\s*$|^\s*(?-i:[Bb]y\s+[A-Z][\w'-]+\s+[A-Z])|^\S*@\S+$|^\s*\{{[^}}]*\}}@|"
    r"^\s*(?:authors?|affiliations?|date|published|submitted|comments?|subjects?|tl;?dr|"
    r"keywords|venue|doi|tags?|categor(?:y|ies)|links?|code|pdf)\s*:",
    re.IGNORECASE,
)
#: A line of the authors' affiliations ("Department of ..., Kestrel University"), not a title.
_AFFILIATION = re.compile(r"\b(?:Universit(?:y|ät|é|à)|Institute|Department|Dept\.|Laborator(?:y|ies)|School\s+of|College|Faculty)\b")
#: A post's headline ("Introducing X: our fastest model"): an announcement, not a paper.
_HEADLINE = re.compile(r"^(?:Introducing|Announcing|Meet)\b|\b[Oo]ur\b")
#: A release post's voice ("Vexora has released X", "Today we are launching X"): an abstract says "we release".
_POST_VOICE = re.compile(
    r"\b(?:has|have)\s+(?:just\s+)?(?:released|launched|announced|unveiled|open-sourced)\b"
    r"|\btoday,?\s+(?:we|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:is\s+|are\s+)?(?:releas|launch|announc|introduc|unveil)",
    re.IGNORECASE,
)
_FIELD_START = re.compile(r"^[A-Za-z][\w -]{0,20}:\s")
_AUTHORS_FIELD = re.compile(r"^\s*(?:authors?\s*:|(?-i:[Bb]y\s+[A-Z][\w'-]+\s+[A-Z]))", re.IGNORECASE)
_ABSTRACT_LABEL = re.compile(r"^\s*abstract\s*[:.\-]?\s*", re.IGNORECASE)

_TITLE_FIELD = re.compile(r"^[ \t]*(?:paper[ \t]+)?title[ \t]*:[ \t]*(?P<t>[^\n]+?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TITLE_COLON = re.compile(r"tle[ \t]*:")
_PAPER_PAGE = re.compile(r"^\s*(?:authors?|abstract|venue|published|doi|arxiv)\b|arxiv\.org|\babstract\s*:", re.IGNORECASE | re.MULTILINE)

_MD_LINK = re.compile(rf"\[(?P<t>[^\]\n]{{4,300}})\]\(\s*<?https?://(?:www\.)?(?:{PAPER_HOSTS})[^)\s]*\s*>?\)", re.IGNORECASE)
_LINK_WORDS = frozenset("paper pdf link here arxiv abstract code html preprint full text project page website".split())


def find_layout_titles(text: str | PaperText, *, known=lambda name: False, links: bool = True) -> list[PaperMatch]:
    """Titles over an abstract, ``Title:`` fields and (with ``links``) paper-link texts in ``text``.

    Examples
    --------
    >>> page = "Learning to Fly Kites\\n\\nWe propose a method that teaches robots to fly kites in strong wind, " \\
    ...        "and we show that it beats hand-tuned controllers on every course we built for the study."
    >>> [p.title for p in find_layout_titles(page)]
    ['Learning to Fly Kites']
    """
    page = PaperText.of(text)
    found = [*_over_abstract(page), *_title_fields(page), *(_link_texts(page.text) if links else ())]
    return [p for p in found if not known(p.title)]


def title_span(line: str) -> tuple[int, int] | None:
    """Offsets of the title in a title line: list marker and trailing chrome removed."""
    start = _LEAD.match(line).end()
    end = len(line.rstrip())
    while start < end and line[start] in "*_":
        start += 1  # Markdown emphasis: **Title**
    while end > start and line[end - 1] in "*_":
        end -= 1
    for sep in (" - ", " \u2013 ", " \u2014 ", " | "):
        at = line.rfind(sep, start, end)
        if at > start and _BYLINE.match(line, at):
            end = at  # "Title - Proposed by X"
    while True:
        if line[end - 1 : end] not in ("]", ")", "-", "\u2013", "\u2014", "|", ":") and not line[end - 1 : end].isdigit():
            break
        m = _TRAIL.search(line, max(start, end - 60), end)
        if m is None or m.start() <= start:
            break
        end = m.start()
    while end > start and line[end - 1] in " .":
        end -= 1
    return (start, end) if end > start else None


def _over_abstract(page: PaperText) -> list[PaperMatch]:
    long_at = _signal_lines(page)
    if not long_at:
        return []
    lines = list(zip(page.starts, page.lines))
    found: list[PaperMatch] = []
    nxt = 0  # index into long_at of the first long line after the current one
    for i, (lo, line) in enumerate(lines):
        while nxt < len(long_at) and long_at[nxt] <= i:
            nxt += 1
        if nxt == len(long_at):
            break
        if long_at[nxt] > i + 40 or len(line) > 300 or not line.strip() or not 2 <= len(line.split()) <= 30:
            continue
        if _SENTENCE_BREAK.search(line, _LEAD.match(line).end()):
            continue
        if is_field_line(line) or _META.match(line):
            continue
        if i and lines[i - 1][1].strip() and not _LEAD.match(line).group().strip():
            prev = lines[i - 1][1].rstrip()
            if not prev.endswith((".", "!", "?", ":", "]")):
                continue  # a wrapped line inside a paragraph
        span = title_span(line)
        if span is None:
            continue
        title = line[span[0] : span[1]]
        if _BREADCRUMB.search(title):
            continue  # a breadcrumb trail
        if not title_like(title) or looks_like_authors(title) or looks_like_venue(title) or title.endswith("."):
            continue
        if _AFFILIATION.search(title) or _HEADLINE.search(title):
            continue
        if _abstract_follows(lines, i + 1):
            found.append(PaperMatch(lo + span[0], lo + span[1], title, "rule:paper-abstract"))
    return found


def _signal_lines(page: PaperText) -> list[int]:
    """Indices of the lines for which :func:`_signals_paper` holds.

    It is run only on lines that can pass: ones that hold one of its words, and short
    ones whose first letter can open an authors field or an abstract label.
    """
    if not page.low_aligned:
        return [i for i, line in enumerate(page.lines) if _signals_paper(line)]
    worded = set().union(*(page.line_starts_holding(word, lower=True) for word in _SIGNAL_WORDS))
    return [
        i
        for i, (lo, line) in enumerate(zip(page.starts, page.lines))
        if (lo in worded or (len(line) < 200 and line.lstrip()[:1] in _FIELD_INITIALS)) and _signals_paper(line)
    ]


def _signals_paper(line: str) -> bool:
    """Cheap look at one line: an authors field, an abstract label, or an abstract's voice."""
    if len(line) < 200:
        if _AUTHORS_FIELD.match(line) or (_ABSTRACT_LABEL.match(line) and len(line.split()) <= 2):
            return True
        if len(line) < 40:
            return False
    low = line.lower()
    if any(k in low for k in _VOICE_WORDS) and (
        _ABSTRACT_VOICE_LOW.search(low) if line.isascii() else _ABSTRACT_VOICE.search(line)
    ):
        return True
    if sum(k in low for k in _HINT_WORDS) < 2:
        return False
    return len({m.group().lower().rstrip("s") for m in _ABSTRACT_HINTS.finditer(line)}) >= 2


#: Plain substrings that every match of the voice (hint) patterns contains: a fast first test.
_VOICE_WORDS = ("paper", "this work", "in this", "we ", "authors", "preprint", "study")
_HINT_WORDS = ("we ", "our ", "state-of-the-art", "outperform", "experiment", "benchmark", "baseline", "empiric")
#: A line of at least 40 characters signals a paper only with one of these words (in lower
#: case): a voice word, or two hint words, so all hint words but one (the commonest) will do.
_SIGNAL_WORDS = tuple(dict.fromkeys(_VOICE_WORDS + tuple(w for w in _HINT_WORDS if w != "our ")))
#: The letters an authors field (``Authors:``, ``By Jo Lee``) or an abstract label opens with.
_FIELD_INITIALS = frozenset("aAbB")


def _abstract_follows(lines: list[tuple[int, str]], j: int) -> bool:
    """Whether the lines from ``j`` on hold (authors and) an abstract."""
    authors = labelled = False
    skipped = names = 0
    while j < len(lines) and skipped <= 4 and names <= 60:
        line = lines[j][1].strip()
        if not line:
            j += 1
            continue
        if _META.match(line):
            authors = authors or bool(_AUTHORS_FIELD.match(line))
            j += 1
            skipped += 1
            continue
        after_names = line.endswith((",", ";")) or names or authors
        if len(line) < 600 and (looks_like_authors(line) or (after_names and looks_like_person(line))):
            j += 1
            names += 1
            continue
        if _ABSTRACT_LABEL.match(line) and len(line.split()) <= 2:
            labelled = True
            j += 1
            skipped += 1
            continue
        if (names or authors) and skipped <= 4 and len(line.split()) <= 12 and not line.endswith("."):
            j += 1  # affiliations under the authors
            skipped += 1
            continue
        break
    first = lines[j][1] if j < len(lines) else ""
    span = title_span(first)
    if span is not None and title_like(first[span[0] : span[1]]) and len(first.split()) < 12:
        return False  # another title-like line: this one was a heading over a list
    para = []
    while j < len(lines) and lines[j][1].strip():
        para.append(lines[j][1].strip())
        j += 1
    body = " ".join(para)
    if _ABSTRACT_LABEL.match(body) and len(body.split()) > 2:
        labelled = True
    if len(body.split()) < 25 or title_like(body) or not body[:1].isalpha():
        return False  # too short, or a list or code rather than prose
    if _FIELD_START.match(body) and not _ABSTRACT_LABEL.match(body):
        return False  # more "Label: value" fields: a record, not a paper
    if labelled or authors:
        return True
    if _POST_VOICE.search(body, 0, 400):
        return False  # the opening of a release post, not an abstract
    if _ABSTRACT_VOICE.search(body):
        return True
    return len({m.group().lower().rstrip("s") for m in _ABSTRACT_HINTS.finditer(body)}) >= 2


def _title_fields(page: PaperText) -> list[PaperMatch]:
    # A field's "title" (t, l and e have no other case forms) and colon are in the lower
    # case; the plain search for them is far cheaper than the line-anchored one.
    if not _TITLE_COLON.search(page.low):
        return []
    text = page.text
    # The field first: its line-anchored search is several times cheaper than the page test.
    fields = list(_TITLE_FIELD.finditer(text))
    if not fields or not _PAPER_PAGE.search(text):
        return []
    found = []
    for m in fields:
        t = m.group("t").rstrip(" .")
        if title_like(t, max_words=35):
            found.append(PaperMatch(m.start("t"), m.start("t") + len(t), t, "rule:paper-field"))
    return found


def _link_texts(text: str) -> list[PaperMatch]:
    found = []
    for m in _MD_LINK.finditer(text):
        t = m.group("t")
        start = m.start("t") + len(t) - len(t.lstrip(" \"'*_"))
        t = t.strip(" \"'*_").rstrip(" .")
        if re.sub(r"[^a-z ]", "", t.lower()).strip() in _LINK_WORDS or len(t.split()) < 2:
            continue
        if title_like(t, max_words=35) and not looks_like_authors(t):
            found.append(PaperMatch(start, start + len(t), t, "rule:paper-link"))
    return found
