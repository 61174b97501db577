"""Entities of an installed statistical spaCy pipeline as extra candidates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.errors import ExtractionError

STAT_KEY = "aig.stat"
_MAP = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "COUNTRY"}


class StatisticalCandidates:
    """Runs a trained pipeline (e.g. ``en_core_web_sm``) on the text; maps its labels."""

    def __init__(self, nlp: Language, name: str, *, model: str) -> None:
        import spacy

        try:
            self.model = spacy.load(model, exclude=["lemmatizer"])
        except OSError as err:
            raise ExtractionError(f"statistical spaCy pipeline {model!r} is not installed") from err

    def __call__(self, doc: Doc) -> Doc:
        other = self.model(doc.text)
        spans = []
        for ent in other.ents:
            label = _MAP.get(ent.label_)
            if label is None:
                continue
            span = doc.char_span(ent.start_char, ent.end_char, label=label, alignment_mode="contract")
            if span is not None:
                span.kb_id_ = "statistical:" + ent.label_
                spans.append(span)
        doc.spans[STAT_KEY] = spans
        return doc


@Language.factory("aigraph_statistical", default_config={"model": "en_core_web_sm"})
def make_statistical(nlp: Language, name: str, *, model: str) -> StatisticalCandidates:
    return StatisticalCandidates(nlp, name, model=model)
