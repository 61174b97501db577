import pytest

from aigraph.errors import GraphError
from aigraph.explore.entity import EntityNotFound, entity_view, highlight


def test_entity_page_data(graph, merge_log):
    view = entity_view(graph, "org:deepmind", merge_log)
    assert (view.label, view.name) == ("Organization", "DeepMind")
    assert view.aliases == ("Deepmind", "Google DeepMind")
    assert view.years == (2020, 2021, 2022)
    assert view.properties["kind"] == "lab"
    # Every evidence sentence of every MENTIONED_ON edge, ordered by year and slide.
    expected = sum(len(d["evidence"]) for _, _, k, d in graph.out_edges("org:deepmind", keys=True, data=True)
                   if k == "MENTIONED_ON")
    assert len(view.mentions) == expected
    assert [(m.year, m.slide) for m in view.mentions] == sorted((m.year, m.slide) for m in view.mentions)
    first = view.mentions[0]
    assert first.slide_id == f"slide:{first.year}:{first.slide}"
    assert first.section == graph.nodes[first.slide_id]["section"]
    assert "".join(text for text, _ in first.parts) == first.sentence
    assert any(marked for _, marked in first.parts)
    assert {(r.type, r.other_id) for r in view.relations_out} == {
        ("DEVELOPED", "model:alphafold"), ("DEVELOPED", "model:alphafold2"),
        ("DEVELOPED", "model:muzero"), ("PART_OF", "org:google"),
    }
    assert {r.type for r in view.relations_in} <= {"ABOUT"}  # only predictions point at it
    assert {n.id for n in view.neighbours if n.label != "Prediction"} == {
        "model:alphafold", "model:alphafold2", "model:muzero", "org:google"}
    assert view.co_mentioned[0].shared_slides >= view.co_mentioned[-1].shared_slides
    # The merge log entries of this node only, including the merges of its spellings.
    assert view.merges and {r["node"] for r in view.merges} == {"org:deepmind"}
    assert any(r["rule"] != "new" for r in view.merges)


def test_relation_evidence_and_curated_flag(graph):
    view = entity_view(graph, "org:google")
    part_of = {r.other_id: r for r in view.relations_in}["org:deepmind"]
    assert part_of.type == "PART_OF" and part_of.direction == "in"
    assert part_of.curated is True
    developed = {r.other_id: r for r in entity_view(graph, "model:alphafold2").relations_in}["org:deepmind"]
    assert developed.evidence and all(e.sentence for e in developed.evidence)
    assert developed.years == (2021, 2022)


def test_mention_outside_any_slide(graph):
    view = entity_view(graph, "org:openai")
    outside = [m for m in view.mentions if m.slide is None]
    assert len(outside) == 1
    assert outside[0].year == 2021 and outside[0].slide_id is None and outside[0].section is None


def test_slide_page_lists_what_is_mentioned_on_it(graph):
    view = entity_view(graph, "slide:2020:11")
    assert view.mentions == () and view.co_mentioned == ()
    assert {r.other_id for r in view.relations_in if r.type == "MENTIONED_ON"} >= {"model:alphafold", "org:deepmind"}
    assert [r.other_id for r in view.relations_out] == ["report:2020"]


def test_unknown_node():
    import networkx as nx

    with pytest.raises(EntityNotFound, match="no node 'model:nope'") as info:
        entity_view(nx.MultiDiGraph(), "model:nope")
    assert isinstance(info.value, GraphError)


@pytest.mark.parametrize(
    ("sentence", "forms", "marked"),
    [
        ("AlphaFold2 and AlphaFold 2 and alphafold-2.", ["AlphaFold 2"], ["AlphaFold2", "AlphaFold 2", "alphafold-2"]),
        ("GPT-4o is not GPT-4.", ["GPT-4"], ["GPT-4"]),
        ("Google DeepMind said", ["DeepMind", "Google DeepMind"], ["Google DeepMind"]),
        ("Costs $5bn (a *lot*).", ["$5bn"], ["$5bn"]),
        ("", ["x"], []),
    ],
)
def test_highlight(sentence, forms, marked):
    parts = highlight(sentence, forms)
    assert "".join(text for text, _ in parts) == sentence
    assert [text for text, is_mention in parts if is_mention] == marked
