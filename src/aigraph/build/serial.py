"""Extraction records to JSON-ready dicts and back (for the extraction cache).

``extraction_from_dict(extraction_to_dict(x)) == x`` for every record the
extractor makes; tuples come back as tuples and slide-title keys as ints.
"""

from __future__ import annotations

from typing import Any

from aigraph.errors import GraphError
from aigraph.records import Block, Document, Entity, Evidence, Extraction, Mention, Outcome, Prediction, Relation

#: Bumped when the dict layout changes; older cache entries are then ignored.
FORMAT_VERSION = 3


def document_to_dict(doc: Document) -> dict[str, Any]:
    """Return a JSON-ready dict of a :class:`Document`."""
    return {
        "source": doc.source,
        "text": doc.text,
        "blocks": [[b.start, b.end, b.kind, list(b.slides), b.section] for b in doc.blocks],
        "year": doc.year,
        "title": doc.title,
        "format": doc.format,
        "sha256": doc.sha256,
        "slide_titles": [[n, t] for n, t in sorted(doc.slide_titles.items())],
    }


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from :func:`document_to_dict` output."""
    return Document(
        source=data["source"],
        text=data["text"],
        blocks=tuple(Block(s, e, k, tuple(sl), sec) for s, e, k, sl, sec in data["blocks"]),
        year=data["year"],
        title=data["title"],
        format=data["format"],
        sha256=data["sha256"],
        slide_titles={int(n): t for n, t in data["slide_titles"]},
    )


def _mention_to_list(m: Mention) -> list[Any]:
    return [m.text, m.label, m.start, m.end, list(m.slides), m.section,
            m.sentence_start, m.sentence_end, m.extractor, m.curated_id]


def _mention_from_list(row: list[Any]) -> Mention:
    text, label, start, end, slides, section, s_start, s_end, extractor, curated_id = row
    return Mention(text, label, start, end, tuple(slides), section, s_start, s_end, extractor,
                   curated_id)


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """Return a JSON-ready dict of an :class:`Extraction` (document included).

    Examples
    --------
    >>> from aigraph.records import Document, Extraction
    >>> x = Extraction(Document("a.md", "hi", ()), [], [])
    >>> extraction_from_dict(extraction_to_dict(x)) == x
    True
    """
    return {
        "format": FORMAT_VERSION,
        "document": document_to_dict(extraction.document),
        "entities": [
            {
                "label": e.label,
                "name": e.name,
                "aliases": list(e.aliases),
                "mentions": [_mention_to_list(m) for m in e.mentions],
                "attrs": e.attrs,
            }
            for e in extraction.entities
        ],
        "relations": [
            {
                "type": r.type,
                "head": r.head,
                "head_label": r.head_label,
                "tail": r.tail,
                "tail_label": r.tail_label,
                "evidence": [
                    [v.slide, v.start, v.end, v.sentence, v.extractor, v.confidence]
                    for v in r.evidence
                ],
                "curated": r.curated,
            }
            for r in extraction.relations
        ],
        "predictions": [
            [p.text, p.year, p.slide, p.start, p.end, p.number, [list(e) for e in p.entities]]
            for p in extraction.predictions
        ],
        "outcomes": [
            [o.claim, o.grade, o.evidence, o.year, o.slide, o.start, o.end] for o in extraction.outcomes
        ],
    }


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """Rebuild an :class:`Extraction` from :func:`extraction_to_dict` output.

    Raises
    ------
    GraphError
        When the dict is of another format version or misses a field.
    """
    if data.get("format") != FORMAT_VERSION:
        raise GraphError(f"extraction record format {data.get('format')!r} is not {FORMAT_VERSION}")
    try:
        return Extraction(
            document=document_from_dict(data["document"]),
            entities=[
                Entity(
                    label=e["label"],
                    name=e["name"],
                    aliases=list(e["aliases"]),
                    mentions=[_mention_from_list(m) for m in e["mentions"]],
                    attrs=dict(e["attrs"]),
                )
                for e in data["entities"]
            ],
            relations=[
                Relation(
                    type=r["type"],
                    head=r["head"],
                    head_label=r["head_label"],
                    tail=r["tail"],
                    tail_label=r["tail_label"],
                    evidence=tuple(Evidence(*v) for v in r["evidence"]),
                    curated=r["curated"],
                )
                for r in data["relations"]
            ],
            predictions=[
                Prediction(*p[:6], entities=tuple((label, name) for label, name in p[6]))
                for p in data["predictions"]
            ],
            outcomes=[Outcome(*o) for o in data["outcomes"]],
        )
    except (KeyError, TypeError, ValueError) as err:
        raise GraphError(f"malformed extraction record: {err!r}") from err
