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

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
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


_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    kind: str
    slides: tuple[int, ...]
    marker_indent: int


@dataclass(slots=True)
class SummaryResult:
    """Blocks of a summary, the slide titles it names, and the section it ends in."""

    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)
    section: str | None = None


class _Segmenter:
    """Reads paragraphs, and inside each only the lines that may start a block."""

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

    # -- paragraphs and units ------------------------------------------------
    def paragraph(self, start: int, end: int) -> None:
        """One run of non-blank lines, from its first line's start to its last character."""
        text = self.text
        single = text.find("\n", start, end) < 0
        pending, first = start, True
        special = P.UNIT_START_FIRST.match(text, start, end) is not None
        for m in P.UNIT_START.finditer(text, start, end):
            at = m.start() + 1  # the match starts at the newline before the line
            if at > pending:
                self.unit(pending, _rstrip(text, pending, at), first=first, single=single, special=special)
                first = False
            pending, special = at, True
        self.unit(pending, end, first=first, single=single, special=special)
        if self.cur is not None and self.cur.kind != "bullet":
            self.close()

    def unit(self, start: int, end: int, *, first: bool, single: bool, special: bool) -> None:
        """Lines ``start:end`` of a paragraph that only their first line can split."""
        text = self.text
        cs = start
        while cs < end and text[cs].isspace():
            cs += 1
        if cs >= end:
            return
        indent = cs - start
        nl = text.find("\n", cs, end)
        fe = end if nl < 0 else _rstrip(text, cs, nl)
        rest = -1 if nl < 0 else nl + 1
        if special and self.special(cs, fe, end, indent, rest, first=first, single=single):
            return
        cur = self.cur
        if not first and cur is not None:
            cur.end = end  # a line that only looked special continues the block
            return
        if first and self.is_heading(cs, fe, single=single, numbered=False):
            self.close()
            self.heading(cs, fe, level=0)
            self.remainder(rest, end)
            return
        if first and cur is not None and cur.kind == "bullet" and indent > cur.marker_indent:
            cur.end = end  # a paragraph indented under a bullet belongs to it
            return
        self.close()
        self.cur = _Unit(cs, end, "text", self.inherited(indent), indent)

    def special(self, cs: int, fe: int, end: int, indent: int, rest: int, *, first: bool, single: bool) -> bool:
        """Handle a line that may start a block; False when it turned out plain."""
        text = self.text
        lead = text[cs]
        if lead == "#":
            m = P.MD_HEADING.match(text, cs, fe)
            if m and indent <= 3:
                self.close()
                self.heading(m.start("body"), m.end("body"), level=len(m["hashes"]))
                self.remainder(rest, end)
                return True
        elif lead in "=-_*":
            m = P.UNDERLINE.match(text, cs, fe)
            cur = self.cur
            if m and not first and cur is not None and cur.kind == "text" and text.find("\n", cur.start, cur.end) < 0:
                self.cur = None
                self.heading(cur.start, cur.end, level=1 if m["char"] == "=" else 2)
                self.remainder(rest, end)
                return True
            if P.RULE.match(text, cs, fe):
                self.close()
                self.remainder(rest, end)
                return True
        bullet = P.BULLET.match(text, cs, fe)
        body = bullet.end() if bullet else cs
        cite = self.citation(body, fe)
        if cite is not None:
            slides, body = cite
            self.close()
            self.scope, self.parent = (), None
            if body >= fe:  # a bare "Slide 12": the text after it is on that slide
                self.scope = slides
                self.remainder(rest, end)
            else:
                self.parent = (indent, slides)
                self.cur = _Unit(body, end, "bullet", slides, indent)
            return True
        numbered = bullet is not None and bullet["marker"][0].isdigit()
        if (bullet is None or numbered) and self.is_heading(cs, fe, single=single, numbered=numbered):
            self.close()
            self.heading(cs, fe, level=0)
            self.remainder(rest, end)
            return True
        if bullet is not None:
            self.close()
            self.cur = _Unit(body, end, "bullet", self.inherited(indent), indent)
            return True
        return False

    def remainder(self, rest: int, end: int) -> None:
        """The lines after a heading or bare citation in the same paragraph: a text block."""
        if rest < 0:
            return
        while rest < end and self.text[rest].isspace():
            rest += 1
        if rest < end:
            self.close()
            self.cur = _Unit(rest, end, "text", self.scope, -1)

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

    def is_heading(self, cs: int, ce: int, *, single: bool, numbered: bool) -> bool:
        if ce - cs > _MAX_HEADING:
            return False
        text = self.text
        if P.HEADING_RANGE.search(text, cs, ce):
            return True
        num = P.HEADING_NUMBER.match(text, cs, ce)
        name_start = num.end() if num else cs
        if P.section_name(text[name_start:ce].rstrip(".:")):
            return True
        if not single or text[ce - 1] in _TERMINAL:
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


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


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
    end = len(text) if end is None else end
    seg = _Segmenter(text, section)
    with _no_cyclic_gc():
        for m in _PARAGRAPH.finditer(text, start, end):
            line_start = max(text.rfind("\n", start, m.start()) + 1, start)
            seg.paragraph(line_start, _rstrip(text, m.start(), m.end()))
        seg.close()
    return seg.out


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector while blocks pile up: they hold no cycles, and on a
    large text its repeated full passes over the growing list cost more than the work."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
