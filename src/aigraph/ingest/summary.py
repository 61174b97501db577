"""Segment a summary that cites slides ("Slide 12: ...") into blocks.

The text is read line by line with one line of look-ahead, so memory holds the
blocks found so far and nothing else that grows with the text.

How blocks are cut
------------------
* A bullet (``-``, ``*``, ``•``, ``1.``, ...) or a paragraph is one block; its
  continuation lines belong to it, and so does a following paragraph indented
  deeper than its marker (Markdown's multi-paragraph list item).
* A bullet or paragraph that opens with a citation (``Slide 12:``, ``Slides 163 +
  164:``, ``**Slide 12**``) is a ``bullet`` block with those slides; the block
  starts after the citation, so the citation's numbers are not part of its text.
  Bullets nested deeper than a citing bullet inherit its slides.
* A citation standing alone on its line (``Slide 12``), or a Markdown heading that
  opens with one (``## Slide 12: GPT-4``), attributes the text after it to those
  slides until the next heading or citation.
* Headings (Markdown ``#``, setext underlines, short stand-alone lines, numbered
  section titles, lines carrying a slide range such as ``1. Research (Slides
  10 — 74)``) are ``heading`` blocks spanning the name only. A heading's range
  never gives slides to anything.
* Everything else has no slides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from aigraph.ingest import patterns as P
from aigraph.records import Block

_SECTION_PREFIX = re.compile(r"(?P<name>" + "|".join(P.SECTIONS) + r")\b[ \t]*(?:[:\-\u2013\u2014|]|$)", re.I)
_TERMINAL = frozenset(".,;:!?")
_MAX_HEADING = 100
_MAX_HEADING_WORDS = 12


def line_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line in ``text[start:end]``, newline excluded."""
    end = len(text) if end is None else end
    find = text.find
    pos = start
    while pos < end:
        nl = find("\n", pos, end)
        if nl < 0:
            nl = end
        yield pos, nl
        pos = nl + 1


def content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line's text without leading and trailing white space (empty: start == end)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    kind: str
    slides: tuple[int, ...]
    marker_indent: int
    lines: int = 1
    gap: bool = False


@dataclass(slots=True)
class SummaryResult:
    """Blocks of a summary, the slide titles it names, and the section it ends in."""

    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)
    section: str | None = None


class _Segmenter:
    def __init__(self, text: str, section: str | None) -> None:
        self.text = text
        self.out = SummaryResult(section=section)
        self.cur: _Unit | None = None
        self.scope: tuple[int, ...] = ()  # slides of a bare citation or citing heading
        self.parent: tuple[int, tuple[int, ...]] | None = None  # (marker indent, slides)

    # -- emitting ------------------------------------------------------------
    def close(self) -> None:
        cur = self.cur
        if cur is not None and cur.end > cur.start:
            self.out.blocks.append(Block(cur.start, cur.end, cur.kind, cur.slides, self.out.section))
        self.cur = None

    def inherited(self, indent: int) -> tuple[int, ...]:
        if self.parent is not None:
            if indent > self.parent[0]:
                return self.parent[1]
            self.parent = None
        return self.scope

    # -- one line ------------------------------------------------------------
    def line(self, ls: int, le: int, prev_blank: bool, next_blank: bool) -> None:
        text = self.text
        cs, ce = content_bounds(text, ls, le)
        if cs == ce:
            if self.cur is not None:
                if self.cur.kind == "bullet":
                    self.cur.gap = True
                else:
                    self.close()
            return
        indent = cs - ls
        m = P.MD_HEADING.match(text, cs, ce)
        if m and indent <= 3:
            self.close()
            self.heading(m.start("body"), m.end("body"), level=len(m["hashes"]))
            return
        m = P.UNDERLINE.match(text, cs, ce)
        cur = self.cur
        if m and cur is not None and cur.kind == "text" and cur.lines == 1 and not cur.gap:
            start, end = cur.start, cur.end
            self.cur = None
            self.heading(start, end, level=1 if m["char"] == "=" else 2)
            return
        if P.RULE.match(text, cs, ce):
            self.close()
            return
        bullet = P.BULLET.match(text, cs, ce)
        body = bullet.end() if bullet else cs
        cite = self.citation(body, ce)
        if cite is not None:
            slides, body = cite
            self.close()
            self.scope = ()
            if body >= ce:  # a bare "Slide 12": the text after it is on that slide
                self.scope, self.parent = slides, None
                return
            self.parent = (indent, slides)
            self.cur = _Unit(body, ce, "bullet", slides, indent)
            return
        if self.is_heading(cs, ce, prev_blank, next_blank, numbered=bool(bullet and bullet["marker"][0].isdigit())):
            self.close()
            self.heading(cs, ce, level=0)
            return
        if bullet is not None:
            self.close()
            self.cur = _Unit(body, ce, "bullet", self.inherited(indent), indent)
            return
        if cur is not None and (not cur.gap or indent > cur.marker_indent):
            cur.end, cur.gap = ce, False
            cur.lines += 1
            return
        self.close()
        self.cur = _Unit(cs, ce, "text", self.inherited(indent), indent)

    def citation(self, pos: int, end: int) -> tuple[tuple[int, ...], int] | None:
        m = P.CITATION.match(self.text, pos, end)
        if m is None:
            return None
        if m["sep"] is None and not (m["open"] and m["close"]):
            return None
        slides = P.parse_slide_numbers(m["nums"])
        if not slides:
            return None
        body, _ = content_bounds(self.text, m.end(), end)
        return slides, max(body, m.end())

    def is_heading(self, cs: int, ce: int, prev_blank: bool, next_blank: bool, *, numbered: bool) -> bool:
        if ce - cs > _MAX_HEADING:
            return False
        text = self.text
        if P.HEADING_RANGE.search(text, cs, ce):
            return True
        num = P.HEADING_NUMBER.match(text, cs, ce)
        name_start = num.end() if num else cs
        if P.section_name(text[name_start:ce].rstrip(".:")):
            return True
        if not (prev_blank and next_blank) or text[ce - 1] in _TERMINAL:
            return False
        if numbered or num is not None:
            return True
        # An unnumbered stand-alone line is a heading when it reads like a title.
        first = text[name_start]
        return not (first.islower() or first.isdigit()) and text.count(" ", cs, ce) < _MAX_HEADING_WORDS

    def heading(self, start: int, end: int, *, level: int) -> None:
        """Emit a heading block for ``text[start:end]`` (without ``#`` marks)."""
        text = self.text
        self.parent = None
        self.scope = ()
        if level:
            cite = self.citation(start, end)
            if cite is not None:
                slides, body = cite
                self.scope = slides
                if body < end:
                    self.out.blocks.append(Block(body, end, "heading", slides, self.out.section))
                    title = text[body:end]
                    for n in slides:
                        self.out.slide_titles.setdefault(n, title)
                return
        num = P.HEADING_NUMBER.match(text, start, end)
        name_start = num.end() if num else start
        rng = P.HEADING_RANGE.search(text, name_start, end)
        name_end = rng.start() if rng else end
        name_start, name_end = content_bounds(text, name_start, name_end)
        if name_end <= name_start:
            return
        name = _clean_name(text[name_start:name_end])
        known = P.section_name(name)
        if known is None:
            m = _SECTION_PREFIX.match(name)
            known = P.section_name(m["name"]) if m else None
        if known is not None:
            self.out.section = known
        elif name and (rng is not None or (level and num is not None)):
            self.out.section = name
        self.out.blocks.append(Block(name_start, name_end, "heading", (), self.out.section))


def _clean_name(name: str) -> str:
    """A heading's name without surrounding punctuation, emphasis or emoji."""
    start, end = 0, len(name)
    while start < end and not name[start].isalnum():
        start += 1
    while end > start and not (name[end - 1].isalnum() or name[end - 1] in ")?"):
        end -= 1
    return name[start:end]


def segment_summary(text: str, start: int = 0, end: int | None = None, *, section: str | None = None) -> SummaryResult:
    """Cut ``text[start:end]`` into heading, text and bullet blocks.

    Parameters
    ----------
    text : str
        The whole document text (offsets of the result index it).
    start, end : int
        The stretch to segment.
    section : str, optional
        The section in force where the stretch starts.

    Returns
    -------
    SummaryResult
        Blocks in text order, slide titles named by citing headings, and the
        section in force at the end.

    Examples
    --------
    >>> t = "1. Research (Slides 10 - 74)\\n\\n- Slide 12: SEER hits 84.2%.\\n- A note.\\n"
    >>> [(t[b.start:b.end], b.kind, b.slides, b.section) for b in segment_summary(t).blocks]
    [('Research', 'heading', (), 'Research'), ('SEER hits 84.2%.', 'bullet', (12,), 'Research'), ('A note.', 'bullet', (), 'Research')]
    """
    seg = _Segmenter(text, section)
    prev: tuple[int, int] | None = None
    prev_blank = True  # the line before ``prev``
    prev_is_blank = True
    for ls, le in line_spans(text, start, end):
        is_blank = _is_blank(text, ls, le)
        if prev is not None:
            seg.line(prev[0], prev[1], prev_blank, is_blank)
            prev_blank = prev_is_blank
        prev, prev_is_blank = (ls, le), is_blank
    if prev is not None:
        seg.line(prev[0], prev[1], prev_blank, True)
    seg.close()
    return seg.out


_NON_SPACE = re.compile(r"\S")


def _is_blank(text: str, start: int, end: int) -> bool:
    return _NON_SPACE.search(text, start, end) is None
