"""The outward JSON of ``aigraph extract --json`` (see the annotation guide)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from aigraph.records import Entity, Extraction, Relation


def entity_json(e: Entity) -> dict:
    """One entity: label, name, aliases, slides, and a mention per (occurrence, slide)."""
    mentions = [
        {"text": m.text, "slide": slide, "start": m.start, "end": m.end}
        for m in e.mentions
        for slide in (m.slides or (None,))
    ]
    item = {"label": e.label, "name": e.name, "aliases": list(e.aliases), "slides": list(e.slides), "mentions": mentions}
    if e.attrs:
        item["attrs"] = dict(e.attrs)
    return item


def relation_json(r: Relation) -> dict:
    """One relation with its first evidence's slide, rule, sentence and the best confidence."""
    ev = r.evidence[0] if r.evidence else None
    return {
        "type": r.type, "head": r.head, "head_label": r.head_label, "tail": r.tail, "tail_label": r.tail_label,
        "slide": ev.slide if ev else None, "extractor": ev.extractor if ev else None,
        "confidence": r.confidence, "curated": r.curated,
        "evidence": ev.sentence if ev else None,
    }


def extraction_to_json(ex: Extraction) -> dict:
    """One document object: source, year, entities with mentions, relations."""
    return {
        "source": ex.document.source,
        "year": ex.document.year,
        "entities": [entity_json(e) for e in ex.entities],
        "relations": [relation_json(r) for r in ex.relations],
    }


def extractions_to_json(extractions) -> dict:
    return {"documents": [extraction_to_json(ex) for ex in extractions]}


#: One encoder for every item (``json.dumps`` with options builds a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _chunks(ex: Extraction) -> Iterator[str]:
    yield '{"source": ' + _ENCODE(ex.document.source)
    yield ', "year": ' + json.dumps(ex.document.year) + ', "entities": ['
    for i, e in enumerate(ex.entities):
        yield ("," if i else "") + "\n " + _ENCODE(entity_json(e))
    yield '], "relations": ['
    for i, r in enumerate(ex.relations):
        yield ("," if i else "") + "\n " + _ENCODE(relation_json(r))
    yield "]}"


def write_extraction_json(ex: Extraction, out: TextIO) -> None:
    """Write :func:`extraction_to_json` of ``ex`` entity by entity (a huge file never builds one dict).

    The document's text is written in one call (a write per entity cost more than the joining).
    """
    out.write("".join(_chunks(ex)))
