"""The rows the components keep beside the Doc say what the Doc itself says."""

from __future__ import annotations

from aigraph.extract.candidates import ENTS_KEY, entity_rows
from aigraph.extract.pipeline import build_nlp, mentions_of, run_chunks
from aigraph.ingest import parse_text

TEXT = (
    "Slide 4: Anthropic released Claude 3 Opus, which scored 86.8% on MMLU.\n"
    "Researchers at Vexora Labs built Zentrix, and google deepmind trained AlphaFold 2.\n"
    "Vision Transformers (ViT) beat ResNet-50 by 2.1 points; Google AI and Google agree."
)


def test_resolver_rows_are_the_docs_entities():
    doc = build_nlp()(TEXT)
    from_ents = [(e.start_char, e.end_char, e.label, e.kb_id, e.id) for e in doc.ents]
    assert doc.user_data[ENTS_KEY]
    assert sorted(entity_rows(doc)) == from_ents


def test_mentions_are_the_same_without_the_rows():
    document = parse_text(TEXT)
    for offset, blocks, sdoc in run_chunks(document):
        with_rows = mentions_of(offset, blocks, sdoc, document.text)
        del sdoc.user_data[ENTS_KEY]
        assert mentions_of(offset, blocks, sdoc, document.text) == with_rows
        assert with_rows
