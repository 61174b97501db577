"""Assembly shares repeated evidence strings and node ids, and changes nothing else."""

from __future__ import annotations

import json

from aigraph.graph.assemble import graph_from_extractions
from aigraph.records import Block, Document, Entity, Evidence, Extraction, Mention, Relation

TEXT = "Acme trained Zebra-7 on slide five. Acme and Bolt shipped Zebra-7 again."


def _extraction(source: str, year: int) -> Extraction:
    # Built as the extraction cache reads one back: every string its own object.
    copy = lambda s: json.loads(json.dumps(s))  # noqa: E731
    doc = Document(source, TEXT, (Block(0, len(TEXT), "slide", (5,)),), year=year)
    end = TEXT.index(".") + 1

    def mention(name: str, label: str) -> Mention:
        start = TEXT.index(name)
        return Mention(copy(name), label, start, start + len(name), (5,), None, 0, end, copy("gazetteer"))

    entities = [
        Entity("ORG", copy("Acme"), mentions=[mention("Acme", "ORG")], attrs={"confidence": copy(1.0)}),
        Entity("MODEL", copy("Zebra-7"), mentions=[mention("Zebra-7", "MODEL")]),
    ]
    relation = Relation("DEVELOPED", "Acme", "ORG", "Zebra-7", "MODEL",
                        evidence=(Evidence(5, 0, end, copy(TEXT[:end]), copy("rule:org-verb-model"), 1),))
    return Extraction(doc, entities, [relation])


def test_repeated_sentences_and_slide_ids_are_one_object_each():
    graph, _ = graph_from_extractions([_extraction("a.md", 2021), _extraction("b.md", 2021)])
    items = [item for _, _, attrs in graph.edges(data=True) for item in attrs["evidence"]]
    sentences = [item["sentence"] for item in items if item["sentence"] == TEXT[: TEXT.index(".") + 1]]
    assert len(sentences) >= 4 and len({id(s) for s in sentences}) == 1
    extractors = [item["extractor"] for item in items if item["extractor"] == "gazetteer"]
    assert len(extractors) >= 4 and len({id(e) for e in extractors}) == 1
    targets = [v for _, v in graph.edges() if v == "slide:2021:5"]
    assert len(targets) >= 2 and len({id(v) for v in targets}) == 1


def test_shared_values_keep_their_types():
    graph, _ = graph_from_extractions([_extraction("a.md", 2021)])
    developed = graph.edges["org:acme", "model:zebra-7", "DEVELOPED"]["evidence"]
    mentioned = graph.edges["org:acme", "slide:2021:5", "MENTIONED_ON"]["evidence"]
    # 1 and 1.0 are equal (and hash alike) but are written differently.
    assert [type(e["confidence"]) for e in developed] == [int]
    assert [type(e["confidence"]) for e in mentioned] == [float]


def _allocated(make) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        items = make()
        size, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 20_000
    return size


def test_evidence_items_are_plain_dicts_in_key_order_in_less_memory():
    from aigraph.graph.evidence import EVIDENCE_KEYS, evidence_dict

    item = (2021, 5, "a.md", 0, 9, "It works.", "rules", 1.0)
    made = evidence_dict(item)
    assert type(made) is dict and list(made) == list(EVIDENCE_KEYS)
    assert made == dict(zip(EVIDENCE_KEYS, item))
    assert json.dumps(made) == json.dumps(dict(zip(EVIDENCE_KEYS, item)))
    # The key table is shared between items (a large build holds a million of them).
    shared = _allocated(lambda: [evidence_dict(item) for _ in range(20_000)])
    plain = _allocated(lambda: [dict(zip(EVIDENCE_KEYS, item)) for _ in range(20_000)])
    assert shared < 0.7 * plain, (shared, plain)
