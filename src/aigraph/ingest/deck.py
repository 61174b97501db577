"""Segment slide-deck text copied out of a PDF or a viewer into slide blocks.

Slides are found by page markers (see :mod:`aigraph.ingest.markers`): viewer
page lines (``12 of 188``, ``12/ 188``, ``Page 12 of 188``, ``Page 12``), the
report's ``#stateofai | 12`` marker (``#AIreport`` in 2018-19), and the 2024+
navigation bar that ends in the slide number (``... | Predictions   |12``).
Which way markers relate to content is decided once per document:

* viewer page lines open the page after them, unless content stands before the
  first one and the text ends with one (then each closes the page before it);
* a navigation bar ending in its number is a header;
* a ``#stateofai`` marker on a navigation-bar line is a header (the first five
  markers vote); otherwise markers are headers when no content stands before
  the first one, and footers (the annotation guide's "page footer") when some does.

In ``pdftotext`` output a form feed starts each page: a page with no marker of
its own (a section divider) then takes the number after the page before it, and
pages before the first marker count back from it.

Navigation bars, markers and ``stateof.ai 2021`` footers become ``chrome``
blocks. A slide's content is one ``slide`` block (more only when chrome stands
in the middle of it); its first line is the slide's title, and a title that
names a section (``Research``) sets the section until another does. Only the
lines holding chrome are looked at one by one; content between them is taken
whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from aigraph.ingest import patterns
from aigraph.ingest.markers import ends_with_page_line, first_line_match, looks_like_deck, page_markers
from aigraph.ingest.summary import content_bounds, segment_summary
from aigraph.records import Block

__all__ = ["DeckResult", "looks_like_deck", "segment_deck"]

_NON_SPACE = re.compile(r"\S")
#: A marker: its slide number, "of" or "hash", and whether it is in a navigation bar.
_Marker = tuple[int, str, bool]


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    chrome: bool


def _pieces(text: str, content_start: int, content_end: int, kind: str | None) -> tuple[list[_Piece], _Marker | None]:
    """Split one chrome-bearing line into content and chrome pieces, with its marker.

    ``kind`` is the :data:`~aigraph.ingest.patterns.CHROME_LINE` group that matched.
    """
    if kind == "of":
        m = patterns.PAGE_OF.match(text, content_start, content_end)
        if m and 0 < int(m["n"]) <= int(m["total"]):
            return [_Piece(content_start, content_end, True)], (int(m["n"]), "of", False)
        m = patterns.PAGE_ALONE.match(text, content_start, content_end)
        if m and int(m["n"]) > 0:
            return [_Piece(content_start, content_end, True)], (int(m["n"]), "of", False)
        return [_Piece(content_start, content_end, False)], None
    if kind == "foot":
        return [_Piece(content_start, content_end, True)], None
    if kind == "bar":  # "|5": a marker only right under a navigation bar (see segment_deck)
        m = patterns.BAR_NUMBER.match(text, content_start, content_end)
        return [_Piece(content_start, content_end, True)], (int(m["n"]), "bar", True)
    nav = patterns.NAV_BAR.match(text, content_start, content_end) if kind == "nav" else None
    pos = nav.end() if nav else content_start
    marker = patterns.HASH_MARKER.search(text, pos, content_end)
    if marker is None and nav is not None:
        marker = patterns.NAV_NUMBER.match(text, pos, content_end)  # "... | Predictions   |5"
    found = (int(marker["n"]), "hash", nav is not None) if marker else None
    pieces: list[_Piece] = []
    if nav:
        pieces.append(_Piece(content_start, nav.end(), True))
    if marker:
        before = content_bounds(text, pos, marker.start())
        if before[1] > before[0]:
            pieces.append(_Piece(*before, bool(patterns.FOOTER.match(text, *before))))
        pieces.append(_Piece(marker.start(), marker.end(), True))
        pos = marker.end()
    rest = content_bounds(text, pos, content_end)
    if rest[1] > rest[0]:
        pieces.append(_Piece(*rest, bool(patterns.FOOTER.match(text, *rest))))
    return pieces, found


@dataclass(slots=True)
class _Event:
    """A line holding chrome, and the content between the previous one and it."""

    gap: _Piece | None
    pieces: list[_Piece]
    marker: _Marker | None
    #: The raw stretch before the chrome (gap and white space included), where a
    #: form feed (a page break in ``pdftotext`` output) may stand.
    lo: int = 0
    hi: int = 0


def _events(text: str, start: int = 0, end: int | None = None) -> Iterator[_Event]:
    """The chrome-bearing lines of ``text[start:end]`` in order, with the content between."""
    end = len(text) if end is None else end
    pos = start

    def event(line_start: int, kind: str | None) -> _Event:
        nonlocal pos
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        gap = _NON_SPACE.search(text, pos, line_start)
        content_start, content_end = content_bounds(text, line_start, line_end)
        pieces, marker = _pieces(text, content_start, content_end, kind)
        lo, pos = pos, line_end
        before = _Piece(*content_bounds(text, gap.start(), line_start), False) if gap else None
        return _Event(before, pieces, marker, lo, content_start)

    if start == 0 or text[start - 1] == "\n":
        m = patterns.CHROME_LINE_FIRST.match(text, start, end)
        if m:
            yield event(start, m.lastgroup)
    for m in patterns.CHROME_LINE.finditer(text, start, end):
        if m.start() + 1 >= pos:
            yield event(m.start() + 1, m.lastgroup)
    tail = _NON_SPACE.search(text, pos, end)
    if tail is not None:
        yield _Event(_Piece(*content_bounds(text, tail.start(), end), False), [], None, pos, end)


def _has_content(text: str, start: int, end: int) -> bool:
    """Whether slide content (not chrome) stands in ``text[start:end]``."""
    for e in _events(text, start, end):
        if e.gap is not None or any(not p.chrome for p in e.pieces):
            return True
    return False


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _orientation(text: str, start: int = 0) -> str:
    """How this document's markers relate to its content.

    ``"of"``: viewer page lines open the page after them; ``"of-footer"``: they
    close the page before them (content stands before the first one and the text
    ends with one); ``"header"`` / ``"footer"``: the same for ``#stateofai | N``
    markers and navigation bars. A navigation bar that ends in the slide number
    (the 2024+ layout) is always a header. Decided from the first markers and
    what stands before them.
    """
    first_end = text.find("\n", start)
    if page_markers(text, start) > 1 or patterns.PAGE_OF.match(text, start, len(text) if first_end < 0 else first_end):
        m = first_line_match(patterns.PAGE_OF_LINE, patterns.PAGE_OF_FIRST, text, start)
        if m is not None and _has_content(text, start, m.start()) and ends_with_page_line(text, start):
            return "of-footer"
        return "of"
    if first_line_match(patterns.NAV_NUMBER_LINE, patterns.NAV_NUMBER_FIRST, text, start):
        return "header"
    first = None
    on_nav = seen = 0
    for m in patterns.HASH_MARKER.finditer(text, start):
        line_start, _ = _line_bounds(text, m.start())
        on_nav += patterns.NAV_BAR.match(text, line_start, m.start()) is not None
        first = first or m
        seen += 1
        if seen == 5:
            break
    if first is None:
        return "footer"
    if on_nav * 2 > seen:
        return "header"
    return "footer" if _has_content(text, start, _line_bounds(text, first.start())[0]) else "header"


@dataclass(slots=True)
class DeckResult:
    """Blocks of a slide deck and the titles of its slides."""

    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = DeckResult()
        self.section: str | None = None
        self.pieces: list[_Piece] = []
        self.number: int | None = None
        self.override: int | None = None  # a "#stateofai | N" inside an "N of M" slide
        self.breaks: list[int] = []  # page breaks among pieces not yet numbered

    def add(self, pieces: list[_Piece]) -> None:
        for p in pieces:
            last = self.pieces[-1] if self.pieces else None
            if last is not None and last.chrome == p.chrome:
                last.end = p.end
            else:
                self.pieces.append(_Piece(p.start, p.end, p.chrome))

    def has_content(self) -> bool:
        return any(not p.chrome for p in self.pieces)

    def opens_with_nav_bar(self) -> bool:
        """Whether the pending text starts with a navigation bar (a new slide's header)."""
        head = self.pieces[0] if self.pieces else None
        return head is not None and head.chrome and patterns.NAV_BAR.match(self.text, head.start, head.end) is not None

    def page_break(self, last: int | None) -> int | None:
        """A form feed: the page so far ends here. Returns the last page number used.

        A page with content and a number is flushed, and the next page is
        provisionally numbered one more (a page without a marker, such as a
        section divider, keeps its own number). Before any number is known the
        break is remembered, for :meth:`flush_pages`.
        """
        if not self.has_content():
            return last
        number = self.number if self.number is not None else (last + 1 if last is not None else None)
        if number is None:
            if not self.breaks or self.breaks[-1] != len(self.pieces):
                self.breaks.append(len(self.pieces))
            return last
        self.number = number
        self.flush()
        self.number = number + 1
        return number

    def flush_pages(self, last_page: int) -> None:
        """Flush the pending pages, the last one numbered ``last_page`` and each before it one less."""
        bounds = [0, *self.breaks, len(self.pieces)]
        groups = [self.pieces[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        for i, group in enumerate(groups):
            number = last_page - (len(groups) - 1 - i)
            self.pieces, self.number, self.breaks = group, (number if number > 0 else None), []
            self.flush()

    def flush(self) -> None:
        number = self.override if self.override is not None else self.number
        text, blocks = self.text, self.out.blocks
        titled = False
        for p in self.pieces:
            if p.chrome:
                blocks.append(Block(p.start, p.end, "chrome", (), self.section))
                continue
            if number is None:
                found = segment_summary(text, p.start, p.end, section=self.section)
                blocks.extend(found.blocks)
                self.section = found.section
                continue
            if not titled:
                titled = True
                title_end = text.find("\n", p.start, p.end)
                title = text[p.start : p.end if title_end < 0 else title_end].strip()
                self.out.slide_titles.setdefault(number, title)
                m = patterns.SECTION_TITLE.match(title)
                if m:
                    self.section = patterns.section_name(m["name"])
            blocks.append(Block(p.start, p.end, "slide", (number,), self.section))
        self.pieces, self.number, self.override, self.breaks = [], None, None, []


def _add_paged(build: _Builder, text: str, e: _Event, last: int | None) -> int | None:
    """Add an event's gap, breaking pages at the form feeds before its chrome line."""
    at = e.gap.start if e.gap is not None else e.hi
    stop = e.gap.end if e.gap is not None else e.hi
    feed = text.find("\f", e.lo, e.hi)
    while feed >= 0:
        if feed > at:
            piece = content_bounds(text, at, min(feed, stop))
            if piece[1] > piece[0]:
                build.add([_Piece(*piece, False)])
        last = build.page_break(last)
        at = max(at, feed + 1)
        feed = text.find("\f", feed + 1, e.hi)
    if at < stop:
        piece = content_bounds(text, at, stop)
        if piece[1] > piece[0]:
            build.add([_Piece(*piece, False)])
    return last


def segment_deck(text: str, start: int = 0) -> DeckResult:
    """Cut slide-deck text (``text[start:]``) into ``slide`` and ``chrome`` blocks.

    Text outside any slide (before the first slide, or after the last footer)
    is segmented as a summary and has no slides, except where markers are
    headers and the text before the first one is the end of the slide before:
    it follows a ``stateof.ai`` footer, or the marker is a navigation bar (an
    excerpt that starts mid-slide). That text is on slide N - 1. Likewise, where
    markers are footers, text after the last one that opens with a navigation
    bar is the start of slide N + 1 (an excerpt that ends mid-slide).

    Examples
    --------
    >>> t = "GPT-4 arrives\\nOpenAI ships it.\\nstateof.ai 2023\\n#stateofai | 7\\n"
    >>> r = segment_deck(t)
    >>> [(t[b.start:b.end], b.kind, b.slides) for b in r.blocks]
    [('GPT-4 arrives\\nOpenAI ships it.', 'slide', (7,)), ('stateof.ai 2023\\n#stateofai | 7', 'chrome', ())]
    >>> r.slide_titles
    {7: 'GPT-4 arrives'}
    """
    mode = _orientation(text, start)
    kind = "of" if mode in ("of", "of-footer") else "hash"
    build = _Builder(text)
    first = True
    last: int | None = None
    after_nav = False  # the previous chrome line was a navigation bar alone
    paged = text.find("\f", start) >= 0 and mode in ("header", "footer")
    for e in _events(text, start):
        if paged:
            last = _add_paged(build, text, e, last)
        elif e.gap is not None:
            build.add([e.gap])
        marker = e.marker
        if marker is not None and marker[1] == "bar":
            if e.gap is None and after_nav:
                marker = (marker[0], "hash", True)
            else:  # not under a navigation bar: plain content
                e.pieces, marker = [_Piece(e.pieces[0].start, e.pieces[0].end, False)], None
        after_nav = e.marker is None and len(e.pieces) == 1 and e.pieces[0].chrome and bool(
            patterns.NAV_BAR.match(text, e.pieces[0].start, e.pieces[0].end)
        )
        boundary = marker is not None and marker[1] == kind
        if mode in ("footer", "of-footer"):
            build.add(e.pieces)
            if boundary:
                last = marker[0]
                build.flush_pages(last)
            continue
        if boundary:
            if first and mode == "header" and marker[0] > 1 and build.has_content():
                tail = build.pieces[-1]
                if build.breaks or marker[2] or (tail.chrome and patterns.FOOTER.match(text, tail.start, tail.end)):
                    build.flush_pages(marker[0] - 1)
            first = False
            build.flush()
            build.number = last = marker[0]
        elif marker is not None and build.number is not None and build.override is None:
            build.override = marker[0]
        build.add(e.pieces)
    if mode == "footer" and last is not None and build.has_content() and build.opens_with_nav_bar():
        build.number = last + 1  # an excerpt that ends mid-slide, after the next slide's navigation bar
    build.flush()
    return build.out
