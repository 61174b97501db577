"""Extraction of one document: run the pipeline, canonicalise, find relations."""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict

from aigraph.extract import relations as rel
from aigraph.extract.paper_credits import credited_models
from aigraph.extract.candidates import METRICS_KEY
from aigraph.extract.canonical import canonicalize, metric_entities, propagate
from aigraph.extract.pipeline import mentions_of, run_chunks
from aigraph.extract.textnorm import normalize
from aigraph.records import Document, Entity, Evidence, Extraction, Relation


def extract(doc: Document, *, spacy_model: str | None = None) -> Extraction:
    from aigraph.knowledge import load_knowledge

    knowledge = load_knowledge()
    normalized = normalize(doc.text)
    mentions, pairs, details = [], [], {}
    for base, blocks, sdoc in run_chunks(doc, spacy_model=spacy_model, normalized=normalized):
        mentions.extend(mentions_of(base, blocks, sdoc, doc.text))
        for a, b in sdoc._.aig_pairs or ():
            pairs.append(((base + a[0], base + a[1]), (base + b[0], base + b[1])))
        for span in sdoc.spans.get(METRICS_KEY, ()):
            if span._.aig_metric is not None:
                details[(base + span.start_char, base + span.end_char)] = span._.aig_metric
    mentions = propagate(doc, mentions, normalized)
    dataset_ends = {m.end for m in mentions if m.label == "DATASET"}
    mentions = [m for m in mentions if not _licence(m, normalized) and not _eval_setting(m, normalized, dataset_ends, knowledge)]
    entities = canonicalize(mentions, pairs, knowledge) + metric_entities(mentions, details)
    relations = _relations(doc, normalized, entities, details, knowledge)
    predictions, outcomes = _forecasts(doc, entities)
    return Extraction(document=doc, entities=entities, relations=relations,
                      predictions=predictions, outcomes=outcomes)


# -- predictions and scorecard grades (owner: issue 14; kept apart from the entity code) --
def _forecasts(doc: Document, entities: list[Entity]):
    """The document's predictions (with the entities each names) and scorecard grades."""
    from aigraph.extract.predictions import find_outcomes, find_predictions, name_entities

    return name_entities(find_predictions(doc), entities), find_outcomes(doc)


#: Organisations that are also the name of a software licence.
_LICENCE_NAMES = frozenset({"MIT"})
_LICENCE_BEFORE = re.compile(r"(?:\b(?:under|licen[cs]ed|licen[cs]e:?)\s+(?:the\s+|an?\s+)?|\b[A-Z][\w.-]*[ \t]+)$")
_LICENCE_AFTER = re.compile(r"^(?:[ \t]+[Ll]icen[cs]e\b|[ \t]*(?:\n|$))")


def _licence(m, text: str) -> bool:
    """``... by Databricks MIT`` at a row's end, ``under the MIT license``: a licence, not the institute."""
    if m.label != "ORG" or m.text not in _LICENCE_NAMES:
        return False
    after = text[m.end : m.end + 12]
    if re.match(r"^[ \t]+[Ll]icen[cs]e\b", after):
        return True
    before = text[max(0, m.start - 40) : m.start]
    return bool(_LICENCE_AFTER.match(after) and _LICENCE_BEFORE.search(before))


#: An open parenthesis before a mention, in the same line: "MMLU (5-shot, CoT".
_OPEN_PAREN = re.compile(r"\(([^()\n]{0,80})$")
#: What may stand between a benchmark's name and that parenthesis: space, earlier parentheticals.
_SETTINGS_BEFORE = re.compile(r"(?:\s*\([^()\n]*\))*\s*$")


def _eval_setting(m, text: str, dataset_ends: set[int], knowledge) -> bool:
    """``MMLU (5-shot, CoT)``: a prompting method named in a benchmark's setting is not a model mention."""
    if m.label != "MODEL" or not m.curated_id:
        return False
    known = knowledge.get(m.curated_id)
    if known is None or known.kind != "method":
        return False
    before = _OPEN_PAREN.search(text, max(0, m.start - 80), m.start)
    if before is None:
        return False
    if "shot" in before.group(1):
        return True
    gap = _SETTINGS_BEFORE.search(text, max(0, before.start() - 120), before.start())
    return gap is not None and gap.start() in dataset_ends


@functools.cache
def _children(knowledge) -> dict[str, set[str]]:
    """Organisation id -> ids of the organisations whose parent it is (computed once)."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in knowledge.by_label("ORG"):
        if e.parent:
            out[e.parent].add(e.id)
    return out


def _relations(doc: Document, normalized: str, entities: list[Entity], details: dict, knowledge) -> list[Relation]:
    by_span: dict[tuple[int, int], tuple[Entity, object]] = {}
    for e in entities:
        for m in e.mentions:
            by_span[(m.start, m.end)] = (e, m)
    curated = {e.name: e.attrs.get("curated_id") or e.attrs.get("variant_of") for e in entities
               if e.attrs.get("curated_id") or e.attrs.get("variant_of")}

    def curated_dev(org: str, model: str, exact: bool = False) -> bool | None:
        """Whether the curated knowledge names ``org`` (or its family) as the model's maker;
        None when it cannot say (the model or its makers unknown), False when it names another."""
        model_id = curated.get(model)
        devs = {d.id for d in knowledge.developers_of(model_id)} if model_id else set()
        if not devs:
            return None
        org_id = curated.get(org)
        if not org_id:
            return False
        family = {org_id}
        if exact:
            return org_id in devs
        parent = knowledge.parent_of(org_id)
        if parent is not None:
            family.add(parent.id)
        family |= _children(knowledge).get(org_id, set())
        return bool(devs & family)

    per_block: dict[int, list[rel.BlockMention]] = defaultdict(list)
    blocks = list(doc.blocks)
    starts = [b.start for b in blocks]
    for (start, end), (entity, m) in by_span.items():
        i = bisect.bisect_right(starts, start) - 1
        kind = getattr(details.get((start, end)), "kind", "")
        per_block[i].append(rel.BlockMention(entity.name, entity.label, start, end, (m.sentence_start, m.sentence_end), kind))
    dataset_of = {span: info.dataset for span, info in details.items() if info.dataset}
    model_names = {e.name.casefold(): e.name for e in entities if e.label == "MODEL"}
    found: list[tuple[rel.FoundRelation, object]] = []
    context_org = None
    for i, block in enumerate(blocks):
        ments = sorted(per_block.get(i, ()), key=lambda m: m.start)
        if block.kind in ("heading", "text"):
            orgs = {m.name for m in ments if m.label == "ORG"}
            context_org = next((m for m in ments if m.label == "ORG"), None) if len(orgs) == 1 else None
        if not ments:
            continue
        ctx = context_org if block.kind in ("bullet", "slide") else None
        for f in rel.developed(ments, normalized, context_org=ctx, curated_dev=curated_dev):
            found.append((f, block))
        found.extend((f, block) for f in credited_models(ments, normalized, model_names))
        # The metric rules read the whole block (result tables span many lines); they
        # must index by sentence themselves to stay linear.
        for f in (*rel.achieves(ments, normalized), *rel.measured_on(ments, dataset_of, normalized)):
            found.append((f, block))
    all_ments = sorted((m for ms in per_block.values() for m in ms), key=lambda m: m.start)
    if all_ments and all_ments[0].start < rel.BYLINE_CHARS:
        block_of = {m.start: blocks[bisect.bisect_right(starts, m.start) - 1] for m in all_ments}
        found.extend((f, block_of[f.tail.start]) for f in rel.byline(all_ments, normalized))
    merged: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    labels: dict[tuple[str, str, str], tuple[str, str]] = {}
    for f, block in found:
        key = (f.type, f.head.name, f.tail.name)
        merged[key].append(rel._evidence(f, block, doc.text))
        labels[key] = (f.head.label, f.tail.label)
    return [
        Relation(t, h, labels[(t, h, tl)][0], tl, labels[(t, h, tl)][1], tuple(sorted(set(ev), key=lambda e: (e.start, e.extractor))))
        for (t, h, tl), ev in sorted(merged.items())
    ]
