import pytest

from aigraph.explore.entity import EntityNotFound
from aigraph.explore.neighbourhood import cytoscape_elements, neighbourhood


def test_depth_one_is_the_direct_neighbours(graph):
    sub = neighbourhood(graph, "org:deepmind", depth=1)
    direct = set(graph.successors("org:deepmind")) | set(graph.predecessors("org:deepmind"))
    assert {n.id for n in sub.nodes} == direct | {"org:deepmind"}
    assert sub.nodes[0].id == "org:deepmind" and sub.nodes[0].distance == 0
    assert {n.distance for n in sub.nodes[1:]} == {1}
    assert not sub.truncated


def test_depth_two_walks_only_through_chosen_labels(graph):
    # Without slides, DeepMind reaches Alphabet through Google, and the AlphaFold metric.
    sub = neighbourhood(graph, "org:deepmind", depth=2, labels=["Organization", "Model", "Metric"])
    ids = {n.id: n.distance for n in sub.nodes}
    assert ids["org:alphabet"] == 2 and ids["metric:2020:92-4-median-gdt"] == 2
    assert not any(n.label == "Slide" for n in sub.nodes)
    # With slides, two steps reach the organisations DeepMind shares slides with.
    with_slides = {n.id for n in neighbourhood(graph, "org:deepmind", depth=2).nodes}
    assert {"org:openai", "org:google-brain"} <= with_slides


def test_edges_join_kept_nodes_only(graph):
    sub = neighbourhood(graph, "org:deepmind", depth=2, labels=["Organization", "Model"])
    kept = {n.id for n in sub.nodes}
    assert sub.edges and all(e.source in kept and e.target in kept for e in sub.edges)
    assert ("org:google", "org:alphabet", "PART_OF") in {(e.source, e.target, e.type) for e in sub.edges}


def test_cap_keeps_the_focus_and_the_nearest(graph):
    sub = neighbourhood(graph, "org:deepmind", depth=2, cap=4)
    assert len(sub.nodes) == 4 and sub.truncated
    assert sub.reachable > 4
    assert sub.nodes[0].id == "org:deepmind"
    assert all(n.distance == 1 for n in sub.nodes[1:])


def test_focus_label_outside_filter_is_still_shown(graph):
    sub = neighbourhood(graph, "slide:2020:11", labels=["Model"])
    assert [n.id for n in sub.nodes] == ["slide:2020:11", "model:alphafold"]


def test_unknown_focus(graph):
    with pytest.raises(EntityNotFound):
        neighbourhood(graph, "org:nobody")


def test_cytoscape_elements(graph):
    sub = neighbourhood(graph, "model:alphafold", labels=["Organization", "Metric"])
    elements = cytoscape_elements(sub)
    nodes = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
    assert nodes["model:alphafold"]["name"].endswith("AlphaFold") and nodes["model:alphafold"]["name"] != "AlphaFold"
    assert nodes["org:deepmind"] == {"id": "org:deepmind", "label": "Organization", "name": "DeepMind",
                                     "years": "2020\u20132022 (3 reports)", "distance": 1, "focus": 0}
    assert nodes["model:alphafold"]["focus"] == 1 and nodes["model:alphafold"]["distance"] == 0
    edge_ids = [e["data"]["id"] for e in elements["edges"]]
    assert len(edge_ids) == len(set(edge_ids))
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes for e in elements["edges"])
