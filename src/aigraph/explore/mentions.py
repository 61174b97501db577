"""An entity page's mentions as rows a reader can work with: one row per sentence.

A sentence that stands under a range of slides (a summary paragraph filed under
"slides 10-12") is stored once per slide; :func:`sentence_rows` folds those copies into
one row that names the slide range. :func:`filter_rows` keeps the rows of some report
years, :func:`page_of` cuts them into pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aigraph.explore.entity import MentionView

#: Sentences per page of the entity page's mention list.
PAGE_SIZE = 20


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One sentence that mentions the entity, with every slide it stands on.

    ``mentions`` counts the stored mentions folded into this row (one per slide).
    """

    year: int | None
    slides: tuple[int, ...]
    section: str | None
    slide_title: str | None
    sentence: str
    parts: tuple[tuple[str, bool], ...]
    source: str | None
    mentions: int

    @property
    def where(self) -> str:
        """``"slide 4"``, ``"slides 10–12"`` or ``"outside the slides"``."""
        return slide_range(self.slides)


def slide_range(numbers: Iterable[int]) -> str:
    """Name a set of slide numbers, runs of consecutive numbers as ranges.

    Examples
    --------
    >>> slide_range([12, 10, 11]), slide_range([4]), slide_range([3, 7, 8, 9]), slide_range([])
    ('slides 10–12', 'slide 4', 'slides 3, 7–9', 'outside the slides')
    """
    ordered = sorted(set(numbers))
    if not ordered:
        return "outside the slides"
    runs: list[list[int]] = []
    for n in ordered:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}\u2013{r[-1]}" for r in runs)
    return f"slide {text}" if len(ordered) == 1 else f"slides {text}"


def sentence_rows(mentions: Iterable[MentionView]) -> list[SentenceRow]:
    """Fold mentions of the same sentence (same year and source) into one row.

    Rows keep the order of their first mention (the entity page sorts mentions by year
    and slide); the section and slide title are those of the first slide.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> from aigraph.explore.entity import entity_view
    >>> rows = sentence_rows(entity_view(sample_graph(), "model:alphafold2").mentions)
    >>> [(r.year, r.where) for r in rows]
    [(2021, 'slide 15'), (2022, 'slide 20')]
    """
    grouped: dict[tuple, list[MentionView]] = {}
    for mention in mentions:
        grouped.setdefault((mention.year, mention.source, mention.sentence), []).append(mention)
    rows = []
    for group in grouped.values():
        first = group[0]
        rows.append(SentenceRow(
            year=first.year,
            slides=tuple(sorted({m.slide for m in group if m.slide is not None})),
            section=first.section,
            slide_title=first.slide_title,
            sentence=first.sentence,
            parts=first.parts,
            source=first.source,
            mentions=len(group),
        ))
    return rows


def filter_rows(rows: Iterable[SentenceRow], years: Iterable[int] | None = None) -> list[SentenceRow]:
    """Keep the rows of the given report years (all rows when ``years`` is ``None``)."""
    if years is None:
        return list(rows)
    wanted = set(years)
    return [r for r in rows if r.year in wanted]


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """Return how many pages ``total`` rows fill (at least one).

    Examples
    --------
    >>> page_count(0), page_count(20), page_count(21)
    (1, 1, 2)
    """
    return max(1, -(-int(total) // max(1, int(size))))


def page_of(rows: Sequence[SentenceRow], page: int, size: int = PAGE_SIZE) -> list[SentenceRow]:
    """Return page ``page`` (counted from 1, clamped to the pages there are) of ``rows``.

    Examples
    --------
    >>> page_of(list(range(45)), 3, 20), len(page_of(list(range(45)), 9, 20))
    ([40, 41, 42, 43, 44], 5)
    """
    page = min(max(1, int(page)), page_count(len(rows), size))
    return list(rows[(page - 1) * size: page * size])
