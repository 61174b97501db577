"""Segment a summary that cites slides ("Slide 12: ...") into blocks.

One regular-expression pass finds every line that may start a block, with the
lines that continue it (see :data:`aigraph.ingest.patterns.UNIT`); Python looks
only at those. Memory holds the blocks found so far and nothing else that grows
with the text, and the work is linear in its length.

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
* Everything else has no slides here; :mod:`aigraph.ingest.inline` then gives an
  inline citation (``... on ImageNet (slide 12).``) to the text before it.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aigraph.ingest import patterns
from aigraph.records import Block

_SECTION_PREFIX = re.compile(r"(?P<name>" + "|".join(patterns.SECTIONS) + r")\b[ \t]*(?:[:\-\u2013\u2014|]|$)", re.I)
_BLANK_LINE = re.compile(r"[^\S\n]*(?:\n|\Z)")
_TERMINAL = frozenset(".,;:!?")
_MAX_HEADING = 100
_MAX_HEADING_WORDS = 12


def content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch's text without leading and trailing white space (empty: start == end)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@dataclass(slots=True)
class SummaryResult:
    """Blocks of a summary, the slide titles it names, and the section it ends in."""

    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)
    section: str | None = None


class _Segmenter:
    def __init__(self, text: str, end: int, section: str | None) -> None:
        self.text = text
        self.end = end
        self.out = SummaryResult(section=section)
        self.blocks = self.out.blocks
        # The open block: kind is None when there is none.
        self.kind: str | None = None
        self.start = self.stop = 0
        self.slides: tuple[int, ...] = ()
        self.indent = -1  # its bullet marker's indent
        self.marked = False  # opened with a bullet marker (takes indented paragraphs)
        self.scope: tuple[int, ...] = ()  # slides of a bare citation or citing heading
        # A citing bullet whose deeper-indented children inherit its slides.
        self.parent_indent = -1
        self.parent_slides: tuple[int, ...] = ()

    # -- the open block --------------------------------------------------------
    def open(self, start: int, stop: int, kind: str, slides: tuple[int, ...], indent: int, marked: bool) -> None:
        if self.kind is not None:
            self.close()
        self.kind, self.start, self.stop = kind, start, stop
        self.slides, self.indent, self.marked = slides, indent, marked

    def close(self) -> None:
        if self.kind is not None:
            if self.stop > self.start:
                self.blocks.append(Block(self.start, self.stop, self.kind, self.slides, self.out.section))
            self.kind = None

    def inherited(self, indent: int) -> tuple[int, ...]:
        if self.parent_indent >= 0:
            if indent > self.parent_indent:
                return self.parent_slides
            self.parent_indent = -1
        return self.scope

    # -- one unit: a line that may start a block, and its continuation lines --
    def unit(self, m: re.Match[str], new_paragraph: bool) -> None:
        text = self.text
        content_start = m.start("first")
        first_end = m.end("first")
        line_end = _rstrip(text, content_start, first_end)
        if m.end() > first_end:
            end, rest = _rstrip(text, content_start, m.end()), first_end + 1
        else:
            end, rest = line_end, -1
        indent = content_start - m.start()
        lead = text[content_start]
        if new_paragraph and self.kind == "text":
            self.close()
        if lead == "#":
            h = patterns.MD_HEADING.match(text, content_start, line_end)
            if h and indent <= 3:
                self.close()
                self.heading(h.start("body"), h.end("body"), level=len(h["hashes"]))
                self.remainder(rest, end)
                return
        marker, nums = m["marker"], m["nums"]
        if lead in "=-_*" and (marker is None or text.startswith(lead, m.end("lead"))):
            u = patterns.UNDERLINE.match(text, content_start, line_end)
            if u and not new_paragraph and self.kind == "text" and text.find("\n", self.start, self.stop) < 0:
                start, stop = self.start, self.stop
                self.kind = None
                self.heading(start, stop, level=1 if u["char"] == "=" else 2)
                self.remainder(rest, end)
                return
            if u or patterns.RULE.match(text, content_start, line_end):  # a rule, or an underline under a heading
                self.close()
                self.remainder(rest, end)
                return
        body = m.end("lead")
        if nums is not None:
            slides = patterns.parse_slide_numbers(nums)
            while body < line_end and text[body] in " \t":
                body += 1
            self.close()
            self.scope, self.parent_indent = (), -1
            if body >= line_end:  # a bare "Slide 12": the text after it is on that slide
                self.scope = slides
                self.remainder(rest, end)
            elif self.is_cited_title(m, body, line_end, rest, new_paragraph):
                # "**Slide 12: GPT-4 arrives**" alone: a title for the text after it.
                self.scope = slides
                self.blocks.append(Block(body, line_end - 2, "heading", slides, self.out.section))
                for n in slides:
                    self.out.slide_titles.setdefault(n, text[body : line_end - 2])
            else:
                self.parent_indent, self.parent_slides = indent, slides
                self.open(body, end, "bullet", slides, indent, marker is not None)
            return
        numbered = marker is not None and lead.isdigit()
        if (marker is None or numbered) and line_end - content_start <= _MAX_HEADING:
            single = new_paragraph and rest < 0 and self.blank_after(m.end())
            if self.is_heading(content_start, line_end, single=single, numbered=numbered):
                self.close()
                self.heading(content_start, line_end, level=0)
                self.remainder(rest, end)
                return
        if marker is not None:
            self.open(body, end, "bullet", self.inherited(indent), indent, True)
            return
        if not new_paragraph and self.kind is not None:
            self.stop = end  # a line that only looked special continues the block
            return
        if new_paragraph and self.kind == "bullet" and self.marked and indent > self.indent:
            self.stop = end  # a paragraph indented under a bullet belongs to it
            return
        self.open(content_start, end, "text", self.inherited(indent), indent, False)

    def is_cited_title(self, m: re.Match[str], body: int, line_end: int, rest: int, new_paragraph: bool) -> bool:
        """A citing line wrapped whole in bold, standing alone: a title, not a bullet."""
        wrap = m["open"]
        return (
            wrap in ("**", "__")
            and m["close"] is None
            and m["close2"] is None
            and line_end - 2 > body
            and self.text.startswith(wrap, line_end - 2)
            and new_paragraph
            and rest < 0
            and self.blank_after(m.end())
        )

    def blank_after(self, pos: int) -> bool:
        """Whether the line after the one ending at ``pos`` is blank (or there is none)."""
        return pos >= self.end or _BLANK_LINE.match(self.text, pos + 1, self.end) is not None

    def remainder(self, rest: int, end: int) -> None:
        """The lines after a heading or bare citation in the same unit: a text block."""
        if rest < 0:
            return
        text = self.text
        while rest < end and text[rest].isspace():
            rest += 1
        if rest < end:
            self.open(rest, end, "text", self.scope, -1, False)

    def citation(self, pos: int, end: int) -> tuple[tuple[int, ...], int] | None:
        """The slides a citation at ``pos`` names, and where the text after it starts."""
        m = patterns.CITATION.match(self.text, pos, end)
        if m is None:
            return None
        body, _ = content_bounds(self.text, m.end(), end)
        return patterns.parse_slide_numbers(m["nums"]), max(body, m.end())

    def is_heading(self, content_start: int, content_end: int, *, single: bool, numbered: bool) -> bool:
        if content_end - content_start > _MAX_HEADING:
            return False
        text = self.text
        if patterns.HEADING_RANGE.search(text, content_start, content_end):
            return True
        num = patterns.HEADING_NUMBER.match(text, content_start, content_end)
        name_start = num.end() if num else content_start
        if patterns.section_name(text[name_start:content_end].rstrip(".:")):
            return True
        if not single or text[content_end - 1] in _TERMINAL:
            return False
        if numbered or num is not None:
            return True
        # An unnumbered stand-alone line is a heading when it reads like a title.
        first = text[name_start]
        words = text.count(" ", content_start, content_end)
        return not (first.islower() or first.isdigit()) and words < _MAX_HEADING_WORDS

    def heading(self, start: int, end: int, *, level: int) -> None:
        """Emit a heading block for ``text[start:end]`` (without ``#`` marks)."""
        text = self.text
        self.parent_indent = -1
        self.scope = ()
        if level:
            cite = self.citation(start, end)
            if cite is not None:
                slides, body = cite
                self.scope = slides
                if body < end:
                    self.blocks.append(Block(body, end, "heading", slides, self.out.section))
                    title = text[body:end]
                    for n in slides:
                        self.out.slide_titles.setdefault(n, title)
                return
        num = patterns.HEADING_NUMBER.match(text, start, end)
        name_start = num.end() if num else start
        rng = patterns.HEADING_RANGE.search(text, name_start, end)
        name_end = rng.start() if rng else end
        name_start, name_end = content_bounds(text, name_start, name_end)
        if name_end <= name_start:
            return
        name = _clean_name(text[name_start:name_end])
        known = patterns.section_name(name)
        if known is None:
            m = _SECTION_PREFIX.match(name)
            known = patterns.section_name(m["name"]) if m else None
        if known is not None:
            self.out.section = known
        elif name and (rng is not None or (level and num is not None)):
            self.out.section = name
        self.blocks.append(Block(name_start, name_end, "heading", (), self.out.section))


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
    seg = _Segmenter(text, end, section)
    previous_end = -2
    with _no_cyclic_gc():
        if start > 0 and text[start - 1] != "\n":
            # The stretch starts mid-line (after page furniture, say).
            m = patterns.UNIT_HERE.match(text, start, end)
            if m is not None:
                seg.unit(m, True)
                start = previous_end = m.end()
        for m in patterns.UNIT.finditer(text, start, end):
            # A unit that starts on the line right after the previous one is in
            # the same paragraph; anything else had a blank line before it.
            seg.unit(m, m.start() != previous_end + 1)
            previous_end = m.end()
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
