"""The outward JSON of ``aigraph extract --json`` (see the annotation guide)."""

from __future__ import annotations

from aigraph.records import Extraction


def extraction_to_json(ex: Extraction) -> dict:
    """One document object: source, year, entities with mentions, relations."""
    entities = []
    for e in ex.entities:
        mentions = []
        for m in e.mentions:
            for slide in m.slides or (None,):
                mentions.append({"text": m.text, "slide": slide, "start": m.start, "end": m.end})
        item = {"label": e.label, "name": e.name, "aliases": list(e.aliases), "slides": list(e.slides), "mentions": mentions}
        if e.attrs:
            item["attrs"] = dict(e.attrs)
        entities.append(item)
    relations = []
    for r in ex.relations:
        ev = r.evidence[0] if r.evidence else None
        relations.append({
            "type": r.type, "head": r.head, "head_label": r.head_label, "tail": r.tail, "tail_label": r.tail_label,
            "slide": ev.slide if ev else None, "extractor": ev.extractor if ev else None,
            "confidence": r.confidence, "curated": r.curated,
            "evidence": ev.sentence if ev else None,
        })
    return {"source": ex.document.source, "year": ex.document.year, "entities": entities, "relations": relations}


def extractions_to_json(extractions) -> dict:
    return {"documents": [extraction_to_json(ex) for ex in extractions]}
