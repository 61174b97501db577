"""Segment slide-deck text copied out of a PDF or a viewer into slide blocks.

Slides are found by page markers: ``12 of 188`` lines (a viewer's page
indicator, which starts a slide) or the report's ``#stateofai | 12`` marker,
which stands either in the navigation bar at the top of a slide (a header) or
after the content (a footer). Which one a document uses is decided once per
document:

* a marker on a navigation-bar line is a header;
* otherwise, markers are headers when no content stands before the first one,
  footers when none stands after the last one, and else whichever leaves less
  content outside any slide.

Navigation bars, markers and ``stateof.ai 2021`` footers become ``chrome``
blocks. A slide's content is one ``slide`` block (more only when chrome stands
in the middle of it); its first line is the slide's title, and a title that
names a section (``Research``) sets the section until another does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from aigraph.ingest import patterns as P
from aigraph.ingest.summary import content_bounds, line_spans, segment_summary
from aigraph.records import Block

#: A marker: where its line starts, the slide number, "of" or "hash", and
#: whether it stands in a navigation bar.
_Marker = tuple[int, int, str, bool]


def count_markers(text: str) -> tuple[int, int]:
    """Count page-marker lines and slide-citation lines in ``text``."""
    markers = sum(1 for _ in P.PAGE_OF_LINE.finditer(text)) + sum(1 for _ in P.HASH_MARKER.finditer(text))
    citations = sum(1 for _ in P.CITATION_LINE.finditer(text))
    return markers, citations


def looks_like_deck(text: str) -> bool:
    """True when ``text`` is slide text with page markers rather than a summary."""
    markers, citations = count_markers(text)
    return markers >= 2 and markers > citations


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    chrome: bool


def _pieces(text: str, cs: int, ce: int) -> tuple[list[_Piece], tuple[int, str, bool] | None]:
    """Split one non-blank line into content and chrome pieces, with its marker."""
    m = P.PAGE_OF.match(text, cs, ce)
    if m and 0 < int(m["n"]) <= int(m["total"]):
        return [_Piece(cs, ce, True)], (int(m["n"]), "of", False)
    if P.FOOTER.match(text, cs, ce):
        return [_Piece(cs, ce, True)], None
    nav = P.NAV_BAR.match(text, cs, ce)
    pos = nav.end() if nav else cs
    marker = P.HASH_MARKER.search(text, pos, ce)
    found = (int(marker["n"]), "hash", nav is not None) if marker else None
    pieces: list[_Piece] = []
    if nav:
        pieces.append(_Piece(cs, nav.end(), True))
    if marker:
        before = content_bounds(text, pos, marker.start())
        if before[1] > before[0] and not P.FOOTER.match(text, *before):
            pieces.append(_Piece(*before, False))
        elif before[1] > before[0]:
            pieces.append(_Piece(*before, True))
        pieces.append(_Piece(marker.start(), marker.end(), True))
        pos = marker.end()
    rest = content_bounds(text, pos, ce)
    if rest[1] > rest[0]:
        pieces.append(_Piece(*rest, bool(P.FOOTER.match(text, *rest))))
    return _merge(pieces), found


def _merge(pieces: list[_Piece]) -> list[_Piece]:
    out: list[_Piece] = []
    for p in pieces:
        if out and out[-1].chrome == p.chrome:
            out[-1].end = p.end
        else:
            out.append(p)
    return out


def _lines(text: str) -> Iterator[tuple[int, list[_Piece], tuple[int, str, bool] | None]]:
    for ls, le in line_spans(text):
        cs, ce = content_bounds(text, ls, le)
        if cs < ce:
            pieces, marker = _pieces(text, cs, ce)
            yield ls, pieces, marker


@dataclass(slots=True)
class DeckResult:
    """Blocks of a slide deck and the titles of its slides."""

    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)


def _orientation(text: str) -> tuple[str, int, int, int]:
    """Decide "of", "header" or "footer"; also count markers, nav markers, content."""
    of_markers = hash_markers = nav_markers = 0
    before_first = after_last = 0
    for _, pieces, marker in _lines(text):
        if marker is not None:
            kind = marker[1]
            of_markers += kind == "of"
            hash_markers += kind == "hash"
            nav_markers += marker[2]
            after_last = 0
        has_content = any(not p.chrome for p in pieces)
        if has_content:
            if of_markers + hash_markers == 0:
                before_first += 1
            after_last += 1
    if of_markers:
        return "of", of_markers, before_first, after_last
    if nav_markers * 2 > hash_markers:
        return "header", hash_markers, before_first, after_last
    if before_first == 0:
        return "header", hash_markers, before_first, after_last
    if after_last == 0:
        return "footer", hash_markers, before_first, after_last
    return ("header" if before_first < after_last else "footer"), hash_markers, before_first, after_last


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = DeckResult()
        self.section: str | None = None
        self.pieces: list[_Piece] = []
        self.number: int | None = None
        self.override: int | None = None  # a "#stateofai | N" inside an "N of M" slide

    def add(self, pieces: list[_Piece]) -> None:
        for p in pieces:
            last = self.pieces[-1] if self.pieces else None
            if last is not None and last.chrome == p.chrome:
                last.end = p.end
            else:
                self.pieces.append(_Piece(p.start, p.end, p.chrome))

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
                m = P.SECTION_TITLE.match(title)
                if m:
                    self.section = P.section_name(m["name"])
            blocks.append(Block(p.start, p.end, "slide", (number,), self.section))
        self.pieces, self.number, self.override = [], None, None


def segment_deck(text: str) -> DeckResult:
    """Cut slide-deck text into ``slide`` and ``chrome`` blocks.

    Text outside any slide (before the first slide, or after the last footer)
    is segmented as a summary and has no slides.

    Examples
    --------
    >>> t = "GPT-4 arrives\\nOpenAI ships it.\\nstateof.ai 2023\\n#stateofai | 7\\n"
    >>> r = segment_deck(t)
    >>> [(t[b.start:b.end], b.kind, b.slides) for b in r.blocks]
    [('GPT-4 arrives\\nOpenAI ships it.', 'slide', (7,)), ('stateof.ai 2023\\n#stateofai | 7', 'chrome', ())]
    >>> r.slide_titles
    {7: 'GPT-4 arrives'}
    """
    mode = _orientation(text)[0]
    build = _Builder(text)
    for _, pieces, marker in _lines(text):
        boundary = marker is not None and (marker[1] == "of" if mode == "of" else marker[1] == "hash")
        if mode == "footer":
            build.add(pieces)
            if boundary:
                build.number = marker[0]
                build.flush()
            continue
        if boundary:
            build.flush()
            build.number = marker[0]
        elif marker is not None and build.number is not None and build.override is None:
            build.override = marker[0]
        build.add(pieces)
    build.flush()
    return build.out
