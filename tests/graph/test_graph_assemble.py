"""graph_from_extractions: nodes, edges, provenance, identity across reports."""

from __future__ import annotations

import random

import pytest

from aigraph.graph.assemble import graph_from_extractions
from aigraph.graph.evidence import EVIDENCE_KEYS
from aigraph.graph.sample import sample_extractions, sample_knowledge
from aigraph.graph.store import generate_graph_json
from aigraph.records import Block, Document, Entity, Extraction, Mention, Relation


@pytest.fixture(scope="module")
def built():
    return graph_from_extractions(sample_extractions(), sample_knowledge())


def test_one_node_per_organisation_across_years(built):
    graph, _ = built
    deepmind = graph.nodes["org:deepmind"]
    assert deepmind["label"] == "Organization"
    assert deepmind["name"] == "DeepMind"
    assert deepmind["years"] == [2020, 2021, 2022]
    assert deepmind["aliases"] == ["Deepmind", "Google DeepMind"]
    assert not [n for n in graph if n.startswith("org:") and "deepmind" in n and n != "org:deepmind"]


def test_close_names_stay_distinct_and_variants_merge(built):
    graph, _ = built
    assert graph.nodes["model:alphafold"]["years"] == [2020]
    assert graph.nodes["model:alphafold2"]["years"] == [2021, 2022]
    assert graph.nodes["model:alphafold2"]["aliases"] == ["AlphaFold 2"]
    developed = set(graph.successors("org:deepmind"))
    assert {"model:alphafold", "model:alphafold2", "model:muzero"} <= developed


def test_every_node_has_label_name_years(built):
    graph, _ = built
    for node, attrs in graph.nodes(data=True):
        assert {"label", "name", "years"} <= set(attrs), node
        assert attrs["years"] == sorted(attrs["years"])
        assert None not in attrs.values(), node
        assert attrs.get("name") not in attrs.get("aliases", []), node


def test_every_edge_has_provenance(built):
    graph, _ = built
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        assert attrs["type"] == key
        assert attrs["evidence"], (u, v, key)
        assert attrs["count"] >= 1
        assert isinstance(attrs["curated"], bool)
        for item in attrs["evidence"]:
            assert tuple(item) == EVIDENCE_KEYS


def test_mentions_count_and_evidence(built):
    graph, _ = built
    edge = graph.edges["dataset:imagenet", "slide:2022:21", "MENTIONED_ON"]
    assert edge["count"] == 2  # two mentions in one sentence
    [item] = edge["evidence"]
    assert item["slide"] == 21 and item["year"] == 2022 and item["source"] == "soai-2022.md"
    assert item["sentence"].startswith("ConvNeXt from Meta AI")
    assert item["end"] > item["start"]


def test_mention_outside_slides_links_the_report(built):
    graph, _ = built
    edge = graph.edges["org:openai", "report:2021", "MENTIONED_IN"]
    assert edge["evidence"][0]["slide"] is None
    assert "slide:2021:None" not in graph


def test_slides_belong_to_reports(built):
    graph, _ = built
    slide = graph.nodes["slide:2020:11"]
    assert (slide["year"], slide["number"], slide["section"], slide["title"]) == (
        2020, 11, "Research", "Protein structure")
    assert graph.has_edge("slide:2020:11", "report:2020", "IN_REPORT")
    assert graph.nodes["report:2021"]["title"] == "State of AI Report 2021"


def test_relations_and_metrics(built):
    graph, _ = built
    metric = graph.nodes["metric:2021:84-2-top-1-accuracy"]
    assert (metric["value"], metric["unit"], metric["measure"], metric["year"]) == (
        84.2, "%", "top-1 accuracy", 2021)
    assert graph.has_edge("model:seer", "metric:2021:84-2-top-1-accuracy", "ACHIEVES")
    assert graph.has_edge("metric:2021:84-2-top-1-accuracy", "dataset:imagenet", "MEASURED_ON")
    both = graph.edges["org:deepmind", "model:alphafold2", "DEVELOPED"]
    assert both["count"] == 2 and [e["year"] for e in both["evidence"]] == [2021, 2022]
    assert both["curated"] is False


def test_part_of_comes_from_curated_knowledge(built):
    graph, _ = built
    part_of = graph.edges["org:deepmind", "org:google", "PART_OF"]
    assert part_of["curated"] is True
    assert part_of["evidence"][0]["extractor"] == "knowledge"
    assert graph.has_edge("org:google", "org:alphabet", "PART_OF")
    assert graph.nodes["org:alphabet"]["years"] == []  # known, never mentioned


def test_without_knowledge_names_still_merge():
    graph, _ = graph_from_extractions(sample_extractions())
    assert graph.nodes["org:deepmind"]["years"] == [2020, 2021, 2022]
    assert not [k for _, _, k in graph.edges(keys=True) if k == "PART_OF"]


def test_merge_log_explains_every_merge(built):
    _, log = built
    rules = {(r["node"], r["source"]): r["rule"] for r in log}
    assert rules["org:deepmind", "soai-2021.md"] == "curated-name"
    assert rules["model:alphafold2", "soai-2022.md"] == "same-name"
    assert rules["model:alphafold", "soai-2020.md"] == "new"
    assert log == sorted(log, key=lambda r: (r["node"], r["source"], r["name"], r["rule"]))


def test_input_order_does_not_matter():
    extractions = sample_extractions()
    first = generate_graph_json(graph_from_extractions(extractions, sample_knowledge())[0])
    random.Random(7).shuffle(extractions)
    again = generate_graph_json(graph_from_extractions(extractions, sample_knowledge())[0])
    assert first == again


def _doc(source: str, year: int | None, text: str, slide: int = 1) -> Document:
    return Document(source, text, (Block(0, len(text), "slide", (slide,)),), year=year)


def _entity(label: str, name: str, doc: Document, **attrs) -> Entity:
    start = doc.text.index(name)
    mention = Mention(name, label, start, start + len(name), (1,), None, 0, len(doc.text), "test")
    return Entity(label, name, mentions=[mention], attrs=dict(attrs))


def test_no_year_document_gets_a_report_key_from_its_name():
    doc = _doc("notes/Lab Notes.md", None, "Anthropic trained Claude.")
    graph, _ = graph_from_extractions([Extraction(doc, [_entity("ORG", "Anthropic", doc)], [])])
    assert "report:lab-notes" in graph and "slide:lab-notes:1" in graph
    assert graph.nodes["org:anthropic"]["years"] == []


def test_relation_to_an_unlisted_entity_creates_its_node():
    doc = _doc("a.md", 2023, "Mistral released Mixtral.")
    relation = Relation("DEVELOPED", "Mistral", "ORG", "Mixtral", "MODEL")
    graph, _ = graph_from_extractions([Extraction(doc, [_entity("ORG", "Mistral", doc)], [relation])])
    edge = graph.edges["org:mistral", "model:mixtral", "DEVELOPED"]
    assert edge["evidence"][0]["extractor"] == "unknown" and edge["curated"] is False
    assert graph.nodes["model:mixtral"]["years"] == [2023]


def test_curated_relation_keeps_the_flag():
    doc = _doc("a.md", 2023, "Gemini is mentioned.")
    relation = Relation("DEVELOPED", "Google", "ORG", "Gemini", "MODEL", curated=True)
    graph, _ = graph_from_extractions([Extraction(doc, [_entity("MODEL", "Gemini", doc)], [relation])])
    edge = graph.edges["org:google", "model:gemini", "DEVELOPED"]
    assert edge["curated"] is True and edge["evidence"][0]["extractor"] == "knowledge"


def test_ambiguous_alias_makes_no_merge():
    a = _doc("a.md", 2020, "Alpha Labs and Beta Labs.")
    b = _doc("b.md", 2021, "AB Labs met.")
    ab = _entity("ORG", "AB Labs", b)
    ab.aliases = ["Alpha Labs", "Beta Labs"]
    graph, log = graph_from_extractions([
        Extraction(a, [_entity("ORG", "Alpha Labs", a), _entity("ORG", "Beta Labs", a)], []),
        Extraction(b, [ab], []),
    ])
    assert "org:ab-labs" in graph
    [record] = [r for r in log if r["name"] == "AB Labs"]
    assert record["rule"] == "ambiguous"
    assert record["candidates"] == ["org:alpha-labs", "org:beta-labs"]


def test_id_clash_with_a_curated_node_gets_a_suffix():
    doc = _doc("a.md", 2020, "FAIR and Fair Labs.")
    fair = _entity("ORG", "FAIR", doc, curated_id="fair-labs")
    other = _entity("ORG", "Fair Labs", doc)
    other.aliases = []
    graph, _ = graph_from_extractions([Extraction(doc, [fair, other], [])])
    # "Fair Labs" has the surface key of the curated id's slug but not of any surface form
    assert graph.nodes["org:fair-labs"]["name"] == "FAIR"
    assert graph.nodes["org:fair-labs--2"]["name"] == "Fair Labs"
