"""Propagation: a name a rule found once is looked for everywhere else in the document.

"Acme Labs released Foo-1" finds ``Foo-1`` by a rule; a later bare "Foo-1" has no cue of
its own, so it is found here (extractor ``propagated:<rule>``).
"""

from __future__ import annotations

import bisect
import re

from aigraph.extract.sentences import sentence_at
from aigraph.lexicon import is_common_word
from aigraph.records import CONTENT_KINDS, Document, Mention


def propagate(doc: Document, mentions: list[Mention], normalized: str) -> list[Mention]:
    """Add mentions of rule-found names wherever else the document writes them."""
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.label in ("ORG", "MODEL", "DATASET", "PAPER") and not m.curated_id and m.extractor.startswith("rule:"):
            if len(m.text) >= 3 and not is_common_word(m.text) and "\n" not in m.text:
                names.setdefault(normalized[m.start : m.end], m)
    if not names:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions if m.label != "METRIC")
    starts = [s for s, _ in taken]
    pattern = re.compile(r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    blocks = [b for b in doc.blocks if b.kind in CONTENT_KINDS]
    block_starts = [b.start for b in blocks]
    added = []
    for m in _not_after_word(pattern, normalized):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue
        if i + 1 < len(taken) and taken[i + 1][0] < m.end():
            continue
        j = bisect.bisect_right(block_starts, m.start()) - 1
        if j < 0 or blocks[j].end < m.end():
            continue
        block = blocks[j]
        proto = names[m.group(0)]
        sent_start, sent_end = sentence_at(normalized, m.start(), block.start, block.end)
        added.append(
            Mention(doc.text[m.start() : m.end()], proto.label, m.start(), m.end(), block.slides, block.section,
                    sent_start, sent_end, "propagated:" + proto.extractor, "")
        )
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _not_after_word(pattern: re.Pattern, text: str):
    """``re.compile(r"(?<![\\w-])" + pattern.pattern).finditer(text)`` for a pattern of names (never
    empty), the look-behind tested on each hit: the engine then scans for the names' first characters."""
    at = 0
    while (m := pattern.search(text, at)) is not None:
        if m.start() and _WORD_OR_HYPHEN.match(text, m.start() - 1):
            at = m.start() + 1  # no match at this position: go on from the next, as finditer does
            continue
        yield m
        at = m.end()
