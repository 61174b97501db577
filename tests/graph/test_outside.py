"""Epoch facts land on the linked Model nodes, apart from what the reports said."""

import networkx as nx

from aigraph.graph.outside import link_epoch
from aigraph.knowledge import load_knowledge
from aigraph.knowledge.epoch import CREDIT, EpochModel


def test_linked_models_get_the_facts_and_their_source_others_nothing():
    g = nx.MultiDiGraph()
    g.add_node("org:deepmind", label="Organization", name="DeepMind", years=[2022])
    g.add_node("model:chinchilla", label="Model", name="Chinchilla", aliases=[], years=[2022])
    g.add_node("model:quux", label="Model", name="Quuxformer", aliases=[], years=[2022])
    g.add_edge("org:deepmind", "model:chinchilla", key="DEVELOPED", type="DEVELOPED", evidence=[])
    records = [EpochModel(id="chinchilla", name="Chinchilla", organizations=("DeepMind",),
                          date_published="2022-03-29", parameters=70e9, training_compute=5.76e23,
                          link="https://arxiv.org/abs/2203.15556", arxiv_id="2203.15556",
                          paper_title="Training Compute-Optimal Large Language Models")]
    report = link_epoch(g, records, knowledge=load_knowledge(), credit=CREDIT)
    assert report.unmatched == ["model:quux"]
    node = g.nodes["model:chinchilla"]
    assert node["parameters"] == 70e9 and node["date_published"] == "2022-03-29"
    assert node["arxiv_id"] == "2203.15556" and node["facts_source"] == CREDIT
    assert node["epoch_organizations"] == ["DeepMind"]
    assert "parameters" not in g.nodes["model:quux"]
    assert g.edges["org:deepmind", "model:chinchilla", "DEVELOPED"]["evidence"] == []
