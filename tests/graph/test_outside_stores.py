"""Epoch AI's facts reach every store and export with their source, apart from the reports' facts."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from aigraph.cypher.store import CypherStore
from aigraph.cypher.server import node_props
from aigraph.export import export_graph
from aigraph.graph.outside import add_outside_facts
from aigraph.graph.sample import sample_graph
from aigraph.knowledge.epoch import CREDIT, EpochModel
from aigraph.rdf import graph_to_rdf
from aigraph.rdf.convert import generate_turtle
from aigraph.rdf.vocab import AIG, KG, PROV, SCHEMA

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def graph():
    return sample_graph()


@pytest.fixture(scope="module")
def rdf(graph):
    return graph_to_rdf(graph)


def _one(rdf, subject, predicate):
    values = list(rdf.objects(subject, predicate))
    assert len(values) == 1, values
    return values[0]


def test_rdf_typed_facts_on_the_model(rdf):
    gpt3 = KG["model:gpt-3"]
    date = _one(rdf, gpt3, SCHEMA.datePublished)
    assert (str(date), str(date.datatype)) == ("2020-05-28", XSD + "date")
    params = _one(rdf, gpt3, AIG.parameters)
    assert str(params.datatype) == XSD + "double" and float(params) == 174.6e9
    compute = _one(rdf, gpt3, AIG.trainingCompute)
    assert str(compute.datatype) == XSD + "double" and float(compute) == 3.14e23
    assert str(_one(rdf, gpt3, SCHEMA.sameAs)) == "https://arxiv.org/abs/2005.14165"
    assert str(_one(rdf, gpt3, AIG.paperTitle)) == "Language Models are Few-Shot Learners"
    assert str(_one(rdf, gpt3, AIG.arxivId)) == "2005.14165"
    # What the reports said keeps its own name: the Epoch record's name is not an alias.
    assert {str(o) for o in rdf.objects(gpt3, SCHEMA.name)} == {"GPT-3"}


def test_rdf_provenance_names_the_dataset_its_licence_and_credit(rdf):
    source = _one(rdf, KG["model:gpt-3"], PROV.wasDerivedFrom)
    assert (source, None, None) in rdf
    assert str(_one(rdf, source, SCHEMA.license)) == "https://creativecommons.org/licenses/by/4.0/"
    assert str(_one(rdf, source, SCHEMA.creditText)) == CREDIT
    assert str(_one(rdf, source, SCHEMA.url)) == "https://epoch.ai/data/notable-ai-models"
    assert "Epoch AI" in str(_one(rdf, source, SCHEMA.name))
    # A model without an Epoch record has no facts and no such source.
    assert list(rdf.objects(KG["model:convnext"], PROV.wasDerivedFrom)) == []
    assert list(rdf.objects(KG["model:convnext"], AIG.parameters)) == []


def test_rdf_partial_dates_and_several_links():
    g = nx.MultiDiGraph()
    g.add_node("model:quux", label="Model", name="Quux", years=[2021])
    add_outside_facts(g, records=[EpochModel(id="quux", name="Quux", date_published="2020-06",
                                             link="https://a.example/p\nhttps://b.example/q, notes")])
    g.add_node("model:zed", label="Model", name="Zed", years=[2021])
    add_outside_facts(g, records=[EpochModel(id="zed", name="Zed", date_published="2019")])
    turtle = generate_turtle(g).decode()
    assert '"2020-06"^^xsd:gYearMonth' in turtle and '"2019"^^xsd:gYear' in turtle
    rdf = graph_to_rdf(g)
    assert {str(o) for o in rdf.objects(KG["model:quux"], SCHEMA.sameAs)} == {
        "https://a.example/p", "https://b.example/q"}


def test_cypher_model_table_has_the_facts(graph, tmp_path):
    from aigraph.cypher.embedded import build_database

    build_database(graph, tmp_path / "cypher")
    (tmp_path / "manifest.json").write_text("{}")
    with CypherStore(tmp_path) as store:
        _, rows = store.query(
            "MATCH (m:Model) WHERE m.facts_source IS NOT NULL RETURN m.name, m.date_published, "
            "m.parameters, m.training_compute, m.paper_title, m.link, m.domain, m.epoch_organizations "
            "ORDER BY m.name")
        _, bare = store.query("MATCH (m:Model {id: 'model:convnext'}) RETURN m.parameters, m.facts_source")
    assert [r[0] for r in rows] == ["AlphaFold", "AlphaFold2", "GPT-3", "MuZero"]
    assert rows[0][1:] == ("2020-01-15", 16340840.0, 1e20,
                           "Improved protein structure prediction using potentials from deep learning",
                           "https://www.nature.com/articles/s41586-019-1923-7", ["Biology"], ["DeepMind"])
    assert bare == [(None, None)]


def test_neo4j_push_properties_carry_the_facts(graph):
    props = node_props("model:alphafold", graph.nodes["model:alphafold"])
    assert props["parameters"] == 16340840.0 and props["date_published"] == "2020-01-15"
    assert props["facts_source"] == CREDIT and props["domain"] == ["Biology"]


def test_exports_carry_the_facts(graph, tmp_path):
    export_graph(graph, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
    muzero = rows["model:muzero"]
    assert muzero["date_published"] == "2019-11-19" and float(muzero["training_compute"]) == 4.8e19
    assert muzero["facts_source"] == CREDIT and rows["model:convnext"]["parameters"] == ""

    import pyarrow.parquet as pq

    export_graph(graph, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "nodes.parquet").to_pylist()
    alphafold = next(r for r in table if r["id"] == "model:alphafold")
    assert alphafold["parameters"] == 16340840.0 and alphafold["paper_title"].startswith("Improved protein")

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        export_graph(graph, fmt, tmp_path / f"g.{fmt}")
        back = reader(tmp_path / f"g.{fmt}")
        assert float(back.nodes["model:gpt-3"]["training_compute"]) == 3.14e23, fmt
        assert back.nodes["model:gpt-3"]["link"] == "https://arxiv.org/abs/2005.14165", fmt

    export_graph(graph, "neo4j", tmp_path / "neo4j")
    with open(tmp_path / "neo4j" / "nodes_Model.csv", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        models = {row[0]: dict(zip(header, row)) for row in reader}
    assert "parameters:double" in header and "training_compute:double" in header
    assert models["model:muzero"]["date_published"] == "2019-11-19"
    assert models["model:muzero"]["facts_source"] == CREDIT
