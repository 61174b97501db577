"""Where a relation comes from, in words a reader can check: one row per piece of evidence.

Each relation of an entity page is backed by evidence items (a sentence, its slide, the
rule that read it, a confidence). :func:`how_known` says how the fact was obtained:
read from the sentence itself, inferred from the slide's heading or a nearby sentence,
or known from the curated knowledge rather than the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aigraph.explore.entity import RelationView

#: How a fact was obtained, as the relation table shows it.
READ = "read from the sentence"
HEADING = "inferred from a heading"
NEARBY = "inferred from a nearby sentence"
CURATED = "known from curated knowledge"

#: Columns of :func:`relation_rows`, in display order.
RELATION_COLUMNS = ("relation", "direction", "other", "other label", "year", "slide", "how", "rule",
                    "confidence", "evidence", "other id")


def how_known(extractor: str | None, curated: bool = False) -> str:
    """Return how a relation's evidence item was obtained.

    The rule names tell: the curated knowledge's facts (``knowledge``, or a relation
    marked curated with no rule) are known, not read; rules about a heading infer from
    the slide's heading (the sentence need not name both ends); rules about a previous
    sentence or a row infer from nearby text; every other rule read the sentence.

    Examples
    --------
    >>> how_known("rule:possessive"), how_known("rule:heading+curated"), how_known("knowledge", True)
    ('read from the sentence', 'inferred from a heading', 'known from curated knowledge')
    >>> how_known("rule:metric-previous-sentence")
    'inferred from a nearby sentence'
    """
    rule = (extractor or "").lower()
    if rule in ("knowledge", "curated", "gazetteer") or (curated and not rule.startswith("rule:")):
        return CURATED
    if "heading" in rule or "title" in rule:
        return HEADING
    if "previous" in rule or "nearby" in rule or "context" in rule:
        return NEARBY
    return READ


@dataclass(frozen=True, slots=True)
class RelationRow:
    """One evidence item of one relation (a relation with no evidence gives one row)."""

    relation: str
    direction: str
    other_id: str
    other: str
    other_label: str
    year: int | None
    slide: int | None
    how: str
    rule: str
    confidence: float | None
    evidence: str

    def as_dict(self) -> dict[str, object]:
        """The row under :data:`RELATION_COLUMNS`."""
        return {"relation": self.relation, "direction": self.direction, "other": self.other,
                "other label": self.other_label, "year": self.year, "slide": self.slide, "how": self.how,
                "rule": self.rule, "confidence": self.confidence, "evidence": self.evidence,
                "other id": self.other_id}


def relation_rows(
    relations: Iterable[RelationView],
    *,
    years: Iterable[int] | None = None,
    labels: Iterable[str] | None = None,
) -> list[RelationRow]:
    """Return one row per evidence item of each relation, with how it was obtained.

    Parameters
    ----------
    relations
        An entity view's ``relations_out`` and/or ``relations_in``.
    years
        Keep evidence of these report years only (a curated fact with no year is kept
        whatever the years: it holds in every year).
    labels
        Keep relations whose other end has one of these labels.

    Examples
    --------
    >>> from aigraph.graph.sample import sample_graph
    >>> from aigraph.explore.entity import entity_view
    >>> view = entity_view(sample_graph(), "org:deepmind")
    >>> [(r.relation, r.other, r.how) for r in relation_rows(view.relations_out, labels=["Organization"])]
    [('PART_OF', 'Google', 'known from curated knowledge')]
    """
    wanted_years = None if years is None else set(years)
    wanted_labels = None if labels is None else set(labels)
    rows: list[RelationRow] = []
    for r in relations:
        if wanted_labels is not None and r.other_label not in wanted_labels:
            continue
        items = r.evidence or ()
        if not items:
            if wanted_years is None or not r.years or wanted_years & set(r.years):
                rows.append(RelationRow(r.type, r.direction, r.other_id, r.other_name, r.other_label, None, None,
                                        CURATED if r.curated else READ, "", None, ""))
            continue
        for e in items:
            if wanted_years is not None and e.year is not None and e.year not in wanted_years:
                continue
            rows.append(RelationRow(
                r.type, r.direction, r.other_id, r.other_name, r.other_label, e.year, e.slide,
                how_known(e.extractor, r.curated), str(e.extractor or ""),
                None if e.confidence is None else float(e.confidence), e.sentence,
            ))
    return rows
