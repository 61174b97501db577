"""Slide citations inside a sentence: "... 84.2% on ImageNet (slide 12)." or "[Slides 3-5]".

A summary may cite its slide at the end of a bullet or sentence instead of at its start.
The text up to and including such a citation is attributed to the slides it names; the
rest of the block stays as it was. Blocks that already cite slides are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aigraph.ingest.patterns import _NUMS, parse_slide_numbers
from aigraph.records import Block

INLINE_CITATION = re.compile(
    r"[(\[][ \t]*(?:(?i:see|cf\.)[ \t]+)?(?i:slides?)[ \t]*(?:#|(?i:no\.?)[ \t]*)?(?P<nums>" + _NUMS + r")[ \t]*[)\]]"
)


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
        for m in INLINE_CITATION.finditer(text, block.start, block.end):
            slides = parse_slide_numbers(m.group("nums"))
            if slides:
                out.append(Block(at, m.end(), block.kind, slides, block.section))
                at = m.end()
        if at == block.start:
            out.append(block)
        elif text[at : block.end].strip():
            out.append(Block(at, block.end, block.kind, (), block.section))
    return out
