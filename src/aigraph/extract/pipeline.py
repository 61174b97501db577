"""Build the spaCy pipeline and run it over a document's blocks.

``spacy.blank("en")`` + sentencizer + the gazetteer rulers + the rule component
+ the resolver. When a statistical pipeline is installed and named (``--spacy-model``
or ``AIGRAPH_SPACY_MODEL``), its entities join as low-ranked candidates.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator

from aigraph.errors import ExtractionError
from aigraph.records import CONTENT_KINDS, Block, Document, Mention



@functools.cache
def build_nlp(spacy_model: str | None = None):
    """Return the extraction pipeline (cached per process).

    Parameters
    ----------
    spacy_model : str, optional
        Name of an installed statistical spaCy pipeline (e.g. ``en_core_web_sm``)
        whose entities become extra candidates. Default: ``$AIGRAPH_SPACY_MODEL``.
    """
    import spacy

    from aigraph.extract import candidates, statistical  # noqa: F401  (register the factories)
    from aigraph.extract.gazetteer import add_gazetteer
    from aigraph.knowledge import load_knowledge

    knowledge = load_knowledge()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_gazetteer(nlp, knowledge)
    datasets = {f.casefold() for e in knowledge.by_label("DATASET") for f in e.surface_forms}
    known = {f for e in knowledge for f in e.surface_forms if e.label in ("MODEL", "ORG", "DATASET", "SOFTWARE")}
    rules = nlp.add_pipe("aigraph_rules")
    rules.is_dataset = lambda name: name.casefold() in datasets or name.casefold().rstrip("s") in datasets
    rules.is_known = lambda name: name in known
    resolver = nlp.add_pipe("aigraph_resolver")
    resolver.ambiguous_ids = frozenset(e.id for e in knowledge if e.ambiguous)
    name = spacy_model or os.environ.get("AIGRAPH_SPACY_MODEL") or None
    if name:
        nlp.add_pipe("aigraph_statistical", before="aigraph_resolver", config={"model": name})
    return nlp


def _block_texts(doc: Document, normalized: str) -> Iterator[tuple[str, Block]]:
    for block in doc.blocks:
        if block.kind in CONTENT_KINDS and block.end > block.start:
            yield normalized[block.start : block.end], block


def run_blocks(doc: Document, *, spacy_model: str | None = None, batch_size: int = 256):
    """Yield ``(block, spacy_doc)`` for each content block of ``doc``."""
    from aigraph.extract.textnorm import normalize

    try:
        nlp = build_nlp(spacy_model)
    except OSError as err:
        raise ExtractionError(f"cannot load spaCy pipeline {spacy_model!r}: {err}") from err
    normalized = normalize(doc.text)
    for sdoc, block in nlp.pipe(_block_texts(doc, normalized), as_tuples=True, batch_size=batch_size):
        yield block, sdoc


def mentions_of(block: Block, sdoc, source_text: str) -> list[Mention]:
    """Turn a processed block into :class:`Mention` records (offsets into the document)."""
    out: list[Mention] = []
    base = block.start
    for span in (*sdoc.ents, *sdoc.spans.get("aig.metrics", ())):
        sent = span.sent if sdoc.has_annotation("SENT_START") else sdoc[:]
        start, end = base + span.start_char, base + span.end_char
        out.append(
            Mention(
                text=source_text[start:end],
                label=span.label_,
                start=start,
                end=end,
                slides=block.slides,
                section=block.section,
                sentence_start=base + sent.start_char,
                sentence_end=base + sent.end_char,
                extractor=span.kb_id_ or "gazetteer",
                curated_id=span.id_ if span.label_ != "METRIC" else "",
            )
        )
    out.sort(key=lambda m: (m.start, m.end))
    return out
