"""The explorer's outside-facts data: the facts box of a node and the points of the size chart."""

import networkx as nx

from aigraph.explore.outside import format_quantity, outside_facts, report_properties, size_points
from aigraph.graph.outside import add_outside_facts
from aigraph.graph.sample import sample_graph
from aigraph.knowledge.epoch import CREDIT, EpochModel


def test_the_box_has_the_facts_the_paper_and_the_credit():
    box = outside_facts(sample_graph().nodes["model:gpt-3"])
    assert dict(box.rows) == {"Published": "2020-05-28", "Parameters": "175B",
                              "Training compute": "3.1e23 FLOP", "Domain": "Language",
                              "Developed by": "OpenAI", "Country": "United States of America"}
    assert (box.paper_title, box.paper_url, box.arxiv_id) == (
        "Language Models are Few-Shot Learners", "https://arxiv.org/abs/2005.14165", "2005.14165")
    assert box.credit == CREDIT and box.source_url == "https://epoch.ai/data/notable-ai-models"


def test_the_reports_properties_leave_the_outside_facts_out():
    attrs = sample_graph().nodes["model:alphafold"]
    assert set(report_properties(attrs)) == {"label", "name", "aliases", "years"}


def test_a_link_of_several_urls_opens_the_first_and_quantities_read_well():
    g = nx.MultiDiGraph()
    g.add_node("model:q", label="Model", name="Q", years=[2024])
    add_outside_facts(g, records=[EpochModel(id="q", name="Q", link="https://a.example/x\n\nhttps://b.example/y")])
    box = outside_facts(g.nodes["model:q"])
    assert box.paper_url == "https://a.example/x" and box.rows == ()
    assert [format_quantity(v) for v in (1.2e12, 7e9, 512.0)] == ["1.2T", "7B", "512"]


def test_size_points_one_per_model_year_and_measure_known():
    points = size_points(sample_graph(), [("model:alphafold2", 2021), ("model:alphafold2", 2022),
                                          ("model:seer", 2021), ("model:gone", 2021)])
    assert [(p["year"], p["measure"], p["value"]) for p in points] == [
        (2021, "parameters", 93e6), (2021, "training compute (FLOP)", 2.99e21),
        (2022, "parameters", 93e6), (2022, "training compute (FLOP)", 2.99e21)]
    assert {p["published"] for p in points} == {"2020-11-30"}
