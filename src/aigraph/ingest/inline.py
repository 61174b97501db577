"""Slide citations inside a paragraph: "... 84.2% on ImageNet (slide 12)." or "[Slides 3-5]",
and sentences that open with one: "On slide 51, ...".

A summary may cite its slide at the end of a bullet or sentence instead of at its start.
The text up to and including a closing citation is attributed to the slides it names; a
sentence opened by a citation is attributed up to its end. The rest of the block stays as
it was. Blocks that already cite slides are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aigraph.ingest.patterns import _NUMS, parse_slide_numbers
from aigraph.records import Block

INLINE_CITATION = re.compile(
    r"[(\[][ \t]*(?:(?i:see|cf\.)[ \t]+)?(?i:slides?)[ \t]*(?:#|(?i:no\.?)[ \t]*)?(?P<nums>" + _NUMS + r")[ \t]*[)\]]"
)

#: A sentence that opens by citing its slide: "On slide 51, ...", "In slides 12-14, ...".
#: ("Slide 12 shows ..." talks about a slide; it is left alone, as at a block's start.)
LEADING_CITATION = re.compile(r"(?i:on|in|at)[ \t]+(?i:slides?)[ \t]*#?[ \t]*(?P<nums>" + _NUMS + r")[ \t]*[,:]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _citations(text: str, start: int, end: int) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, slides) of the cited pieces of ``text[start:end]``, in order."""
    found = []
    for m in INLINE_CITATION.finditer(text, start, end):
        found.append((m.start(), m.end(), parse_slide_numbers(m.group("nums")), False))
    for m in LEADING_CITATION.finditer(text, start, end):
        before = text[start : m.start()].rstrip()
        if before and not before.endswith((".", "!", "?", ":")):
            continue  # not at a sentence start
        stop = _SENTENCE_END.search(text, m.end(), end)
        found.append((m.start(), stop.end() if stop else end, parse_slide_numbers(m.group("nums")), True))
    out: list[tuple[int, int, tuple[int, ...]]] = []
    at = start
    for s, e, slides, leading in sorted(found):
        if s < at or not slides:
            continue
        if leading and text[at:s].strip():
            out.append((at, s, ()))  # the text before the sentence keeps no slide
        out.append((at if not leading else s, e, slides))
        at = e
    return out


def split_inline_citations(text: str, blocks: Iterable[Block]) -> list[Block]:
    """Return ``blocks`` with slide-less text and bullet blocks split at inline citations.

    Examples
    --------
    >>> text = "Good prompts help (slide 46), bad ones hurt (slide 47). Fine."
    >>> [(text[b.start:b.end], b.slides) for b in split_inline_citations(text, [Block(0, len(text), "text")])]
    [('Good prompts help (slide 46)', (46,)), (', bad ones hurt (slide 47)', (47,)), ('. Fine.', ())]
    """
    out: list[Block] = []
    for block in blocks:
        if block.slides or block.kind not in ("text", "bullet"):
            out.append(block)
            continue
        at = block.start
        for start, end, slides in _citations(text, block.start, block.end):
            out.append(Block(start, end, block.kind, slides, block.section))
            at = end
        if at == block.start:
            out.append(block)
        elif text[at : block.end].strip():
            out.append(Block(at, block.end, block.kind, (), block.section))
    return out
