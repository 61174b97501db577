"""Paper titles in reference entries and in the lists under a "References" heading.

One entry per line (list markers such as ``[3]``, ``12.`` or ``-`` optional). The
common styles are read by where the title sits after the authors:

- after ``Authors:`` (Springer/LNCS): ``Devlin, J., Lee, K.: Title. In: Venue (2019)``
- after ``(Year).`` (APA): ``Smith, A., & Lee, B. (2020). Title. Venue.``
- after ``Year.`` (ACM): ``Ann Smith and Bo Lee. 2020. Title. In Proceedings ...``
- in quotes (IEEE, MLA): ``A. Smith and B. Lee, "Title," in Proc. ..., 2020.``
- after ``Authors.`` (Vancouver): ``Smith A, Lee B. Title. Venue. 2020``

The part before the title must read as an author list and the entry must carry a
year (or an arXiv mark), so prose and headings do not pass.
"""

from __future__ import annotations

import re

from aigraph.extract.papers_shape import (
    YEAR,
    PaperMatch,
    is_title_case,
    looks_like_authors,
    looks_like_person,
    looks_like_venue,
    title_like,
)
from aigraph.extract.papers_text import PaperText

_MARKER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]|[-*\u2022\u25cf\u25aa\u25e6+])?\s*")
_QUOTED = re.compile(r"\"(?P<t>[^\"\n]{6,300}?)[,.]?\"")
_APA = re.compile(r"\(\s*(?:19|20)\d\d[a-z]?(?:,[^()]{0,30})?\)\s*[.,:]?\s+")
_ACM = re.compile(r"[.,]\s+(?:19|20)\d\d[a-z]?\.\s+")
#: Where a title ends: a full stop (not an initial's), ``?`` or ``!`` before a space or the line end.
_TITLE_END = re.compile(r"(?<![\s.][A-Z])(?:\.|(?<=[?!]))(?=\s|$)|[?!](?=\s|$)")
_HEADING = re.compile(
    r"^\s*#{0,6}\s*(?:\d+\.?\s+)?(?:references|bibliography|further reading|selected (?:papers|publications|references)|"
    r"key papers|publications|works cited|reading list|related (?:papers|work|reading)|"
    r"papers mentioned|papers cited)\s*:?\s*$",
    re.IGNORECASE,
)
_TRACE = re.compile(r"\bet\s+al\b|arxiv|doi|https?://|\bpreprint\b|\bproceedings\b|\bin:", re.IGNORECASE)
# In _AUTHOR_START and _ENTRY_HEAD the indent is taken whole (``\s*+``): what follows it
# never starts with a space, so no match is lost, and an indented line that is no entry is
# not tried again at each split of its indent between the two ``\s*``.
#: How an entry's first line starts: a marker or indent, then a name ("Smith, J.", "J. Smith", "Jo Smith,").
_AUTHOR_START = re.compile(
    r"^\s*+(?:\[\d{1,4}\]|\d{1,4}[.)])?\s*(?:[A-Z][\w'\u00c0-\u024f-]+,\s+[A-Z]|(?:[A-Z]\.\s?)+[A-Z]|"
    r"[A-Z][\w'\u00c0-\u024f-]+\s+[A-Z][\w'\u00c0-\u024f-]+(?:,|\s+and\s)|[A-Z][\w'-]+\s+[A-Z]{1,3},)"
)
_NAMEISH = r"[A-Z][\w'\u00c0-\u024f-]*"
#: Cheap first look: an entry opens with a name (or a lab) and a separator, or with initials.
_ENTRY_HEAD = re.compile(
    rf"^\s*+(?:\[\d{{1,4}}\]|\(\d{{1,4}}\)|\d{{1,4}}[.)]|[-*\u2022+])?\s*(?:(?:[A-Z]\.\s?-?){{1,3}}\s?{_NAMEISH}|"
    rf"{_NAMEISH}(?:\s+(?:{_NAMEISH}|van|von|de|der|den|la|le|da|di|du|del)){{0,3}})"
    r"\s*(?:[,:;&]|\.\s|\s\(|\set\s+al|\sand\s|\s[A-Z]{1,3}[,.])"
)
_MD_LINK_LINE = re.compile(r"\[([^\]\n]{4,300})\]\([^)\s]+\)")
_TAIL_CITE = re.compile(r"\s*[(\[][^()\[\]\n]*(?:et al|(?:19|20)\d\d)[^()\[\]\n]*[)\]]\.?\s*$")
_TAIL_SEP = re.compile(r"\s+[-\u2013\u2014|]\s+.*$|\s*\bhttps?://\S+\s*$")


def find_reference_titles(text: str | PaperText, *, links: bool = True) -> list[PaperMatch]:
    """Return titles of the reference entries in ``text``, one line per entry.

    With ``links``, a Markdown link under a References heading gives its text as a title;
    without, such a line is passed over.

    Examples
    --------
    >>> [p.title for p in find_reference_titles("[1] A. Turing: Computing machinery and intelligence. Mind (1950)")]
    ['Computing machinery and intelligence']
    """
    found: list[PaperMatch] = []
    page = PaperText.of(text)
    lines, offsets = page.lines, page.starts
    # The lines with a year or an arXiv mark (an entry needs one), found once over the text.
    dated = page.line_starts_matching(YEAR)
    if page.low_aligned:
        cited = dated | page.line_starts_holding("arxiv", lower=True)
    else:
        cited = dated | {lo for lo, line in zip(offsets, lines) if "arxiv" in line.lower()}
    in_refs = False
    misses = 0
    i = 0
    while i < len(lines):
        line, lo = lines[i], offsets[i]
        i += 1
        if not line.strip():
            continue
        if len(line) < 60 and _HEADING.match(line):
            in_refs, misses = True, 0
            continue
        hit = _parse_cited(line) if lo in cited else None
        if hit is None and ("," in line[:80] or "." in line[:80]) and _AUTHOR_START.match(line) and lo not in dated:
            # An entry wrapped over the next lines (PDF text): read them as one, newlines as spaces.
            for extra in (1, 2, 3):
                k = i - 1 + extra
                if k >= len(lines) or not lines[k].strip() or _MARKER.match(lines[k]).group().strip():
                    break
                joined = " ".join(lines[i - 1 : k + 1])
                hit = parse_entry(joined)
                if hit is not None:
                    line, i = joined, k + 1
                    break
        if hit is None and in_refs:
            if not links and _MD_LINK_LINE.match(line, _MARKER.match(line).end()):
                continue
            hit = _bare_entry(line)
            misses = 0 if hit is not None else misses + 1
            in_refs = misses < 2
        if hit is not None:
            start, end = hit
            title = " ".join(line[start:end].split())
            found.append(PaperMatch(lo + start, lo + end, title, "rule:paper-reference"))
    return found


def parse_entry(line: str) -> tuple[int, int] | None:
    """Offsets of the title inside one reference entry, or ``None`` when the line is not one."""
    if not (YEAR.search(line) or "arxiv" in line.lower()):
        return None
    return _parse_cited(line)


def _parse_cited(line: str) -> tuple[int, int] | None:
    """:func:`parse_entry` for a line known to hold a year or an arXiv mark."""
    if not _ENTRY_HEAD.match(line):
        return None
    body = _MARKER.match(line).end()
    for finder in (_quoted, _apa, _acm, _colon, _period, _comma, _org_author):
        hit = finder(line, body)
        if hit is not None:
            start, end = _trim(line, *hit)
            title = line[start:end]
            if title_like(title, max_words=35) and not looks_like_venue(title) and not looks_like_authors(title):
                return start, end
    return None


def _quoted(line: str, body: int) -> tuple[int, int] | None:
    m = _QUOTED.search(line, body)
    if m is None:
        return None
    before = line[body : m.start()].strip().rstrip(",").strip()
    before = re.sub(r"[.,]?\s*\(?(?:19|20)\d\d[a-z]?\)?\.?$", "", before).rstrip(" .,")
    if before and looks_like_authors(before):
        return m.start("t"), m.end("t")
    return None


_VENUE_AFTER_COMMA = re.compile(
    r",\s+(?=(?:in|In:?|Proc\b|Proceedings|arXiv|Advances|Journal|Trans\w*|IEEE|ACM|NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|"
    r"ACL|EMNLP|NAACL|AAAI|IJCAI|Nature|Science|vol\.|pp\.|(?:19|20)\d\d\b))"
)


def _title_after(line: str, start: int) -> tuple[int, int] | None:
    while start < len(line) and line[start] == " ":
        start += 1
    quote = line[start : start + 1]
    if quote in ("\"", "'"):
        close = re.compile(r'"' if quote == '"' else r"'(?=[\s,.;:)]|$)").search(line, start + 1)
        return (start + 1, close.start()) if close and close.start() > start + 1 else None
    m = _TITLE_END.search(line, start)
    end = m.end() if m and line[m.start()] in "?!" else (m.start() if m else len(line.rstrip()))
    venue = _VENUE_AFTER_COMMA.search(line, start, end)
    if venue is not None:
        end = venue.start()
    return (start, end) if end > start else None


def _apa(line: str, body: int) -> tuple[int, int] | None:
    m = _APA.search(line, body)
    if m is None or not looks_like_authors(line[body : m.start()]):
        return None
    return _title_after(line, m.end())


def _acm(line: str, body: int) -> tuple[int, int] | None:
    m = _ACM.search(line, body)
    if m is None or not looks_like_authors(line[body : m.start()]):
        return None
    return _title_after(line, m.end())


def _colon(line: str, body: int) -> tuple[int, int] | None:
    for m in re.finditer(r":\s+", line[body:]):
        if looks_like_authors(line[body : body + m.start()]):
            return _title_after(line, body + m.end())
    return None


_NAME_GOES_ON = re.compile(r"[A-Z][\w'\u00c0-\u024f-]+(?:,|\s+(?:and|&)\s)")


def _period(line: str, body: int) -> tuple[int, int] | None:
    best = None
    for m in re.finditer(r"\.\s+(?=[\"'A-Z0-9])", line[body:]):
        at = body + m.start()
        if re.search(r"(?:^|[\s.-])[A-Z]$", line[body:at]) and _NAME_GOES_ON.match(line, body + m.end()):
            continue  # an initial inside a name ("D. Smith, ...")
        if looks_like_authors(line[body:at]):
            best = body + m.end()
        elif best is not None:
            break
    return _title_after(line, best) if best is not None else None


_AUTHOR_PART = re.compile(
    r"^(?:and\s+|&\s*)?(?:(?:[A-Z]\.\s?-?)+\s*[A-Z][\w'\u00c0-\u024f-]+(?:\s[A-Z][\w'\u00c0-\u024f-]+)?|et\s+al\.?)$"
)


def _comma(line: str, body: int) -> tuple[int, int] | None:
    """IEEE without quotes: ``J. Smith, K. Lee, et al., Title, Venue 2020``."""
    at, named = body, 0
    for m in re.finditer(r",\s+", line[body:]):
        part = line[at : body + m.start()].strip()
        if not _AUTHOR_PART.match(part):
            break
        named += 1
        at = body + m.end()
    if named < 2 or at == body:
        return None
    return _title_after(line, at)


_ORG_AUTHOR = re.compile(
    r"(?P<a>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}(?:,\s[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})?)"
    r"(?::\s+|\.\s+(?P<y>(?:19|20)\d\d[a-z]?\.\s+))"
)
_VENUE_REST = re.compile(
    r"^\s*[.,]?\s*(?:In[:\s]|arXiv|Proc|Advances|Tech(?:nical)?\s+[Rr]eport|\(?(?:19|20)\d\d\b|pp\.|https?://|"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?,?\s+\(?(?:19|20)\d\d\b)"
)


def _org_author(line: str, body: int) -> tuple[int, int] | None:
    """A lab or team as the author: ``OpenAI: Title. arXiv (2023)``, ``Anthropic. 2024. Title.``"""
    m = _ORG_AUTHOR.match(line, body)
    if m is None:
        return None
    hit = _title_after(line, m.end())
    if hit is None:
        return None
    rest = line[hit[1] :].lstrip("\"'")
    return hit if m.group("y") or _VENUE_REST.match(rest) else None


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    """Drop quotes, spaces and a closing full stop or comma around a title."""
    while start < end and line[start] in " \"'":
        start += 1
    while end > start and line[end - 1] in " \"',.":
        end -= 1
    return start, end


def _bare_entry(line: str) -> tuple[int, int] | None:
    """A line under a References heading that is not in a known style: its first sentence.

    ``- Attention Is All You Need (Vaswani et al., 2017)``; the title must be in
    title case unless the line carries a citation trace (year, et al., arXiv, a link).
    """
    start = _MARKER.match(line).end()
    link = _MD_LINK_LINE.match(line, start)
    if link:
        start, end = _trim(line, link.start(1), link.end(1))
        return (start, end) if _plain_title(line[start:end], trace=False) else None
    rest = line[start:]
    trace = bool(_TRACE.search(rest) or YEAR.search(rest))
    rest = _TAIL_CITE.sub("", rest)
    rest = _TAIL_SEP.sub("", rest)
    hit = _title_after(line, start)
    if hit is None:
        return None
    end = min(hit[1], start + len(rest.rstrip()))
    start, end = _trim(line, start, end)
    return (start, end) if _plain_title(line[start:end], trace=trace) else None


#: Words of links to documentation and sites, which a References list may also hold.
_SITE_WORDS = frozenset(
    "documentation docs api guide tutorial reference installation gallery homepage website repository github "
    "blog wiki".split()
)


def _plain_title(title: str, *, trace: bool) -> bool:
    """Whether a list line's text, in no citation style, reads as a paper title."""
    if not title_like(title, max_words=35) or looks_like_authors(title) or looks_like_person(title):
        return False
    if looks_like_venue(title) or _SITE_WORDS.intersection(w.lower() for w in title.split()):
        return False
    return trace or (is_title_case(title) and len(title.split()) >= 3)
