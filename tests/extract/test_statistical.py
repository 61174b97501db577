"""A statistical spaCy pipeline, when the user names one, adds its entities as candidates.

Official pretrained pipelines cannot be installed here, so the test saves a small real
pipeline of its own (an entity ruler standing in for the trained NER) and loads it by path,
exactly as ``spacy.load`` would load ``en_core_web_sm``.
"""

import spacy

from aigraph.extract import extract_document
from aigraph.extract.pipeline import build_nlp
from aigraph.ingest import parse_text


def test_named_pipeline_contributes_entities(tmp_path):
    other = spacy.blank("en")
    ruler = other.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Quillford Dynamics"}, {"label": "PERSON", "pattern": "Ada Quill"}])
    other.to_disk(tmp_path / "stat_pipeline")

    text = "- Slide 4: Ada Quill joined Quillford Dynamics last spring.\n"
    doc = parse_text(text, source="x.md", year=2024)
    without = {e.name for e in extract_document(doc).entities}
    with_model = extract_document(doc, spacy_model=str(tmp_path / "stat_pipeline"))
    assert "Quillford Dynamics" not in without
    labels = {e.name: e.label for e in with_model.entities}
    assert labels.get("Quillford Dynamics") == "ORG" and labels.get("Ada Quill") == "PERSON"
    assert "aigraph_statistical" in build_nlp(str(tmp_path / "stat_pipeline")).pipe_names


def test_missing_pipeline_is_a_clear_error(tmp_path):
    import pytest

    from aigraph.errors import ExtractionError

    with pytest.raises(ExtractionError, match="not installed"):
        extract_document(parse_text("- Slide 1: text\n", source="x.md"), spacy_model="en_core_web_missing")
