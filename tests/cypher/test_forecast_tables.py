"""Predictions and grades in the Cypher stores: LadybugDB tables and the Neo4j push plan."""

from __future__ import annotations

import networkx as nx

from aigraph.cypher import CypherStore, build_database
from aigraph.cypher.server import push_plan
from aigraph.graph.paths import GraphPaths
from aigraph.graph.store import write_manifest


def test_a_grade_and_its_prediction_are_read_back(cypher_dir):
    with CypherStore(cypher_dir) as store:
        _, rows = store.query(
            "MATCH (r:Report)-[:PREDICTS]->(p:Prediction)<-[g:GRADES]-(o:Outcome) "
            "RETURN r.id, p.number, p.slide, p.text, o.grade, o.evidence, o.slide")
    assert len(rows) == 1
    report, number, slide, text, grade, evidence, graded_on = rows[0]
    assert (report, number, slide, grade, graded_on) == ("report:2021", 1, 30, "yes", 5)
    assert text.startswith("Deepmind would release") and evidence.startswith("The structure database")


def test_the_prediction_tables_exist_in_a_graph_without_predictions(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("org:acme", label="Organization", name="Acme", years=[2030])
    paths = GraphPaths(tmp_path)
    build_database(graph, paths.cypher)
    write_manifest({"format": 1}, paths.manifest)
    with CypherStore(tmp_path) as store:
        for text in ("MATCH (p:Prediction)-[:ABOUT]->(e:Organization) RETURN count(*)",
                     "MATCH (o:Outcome)-[:GRADES]->(p:Prediction) RETURN count(*)",
                     "MATCH (r:Report)-[:PREDICTS]->(p:Prediction) RETURN count(*)"):
            assert store.query(text)[1] == [(0,)]


def test_the_neo4j_push_carries_predictions_grades_and_about(graph):
    constraints, steps = push_plan(graph)
    assert any("aigraph_Prediction_id" in c for c in constraints)
    named = {step.what: step for step in steps}
    assert "GRADES relationships (Outcome -> Prediction)" in named
    assert "ABOUT relationships (Prediction -> Organization)" in named
    outcome = named["Outcome nodes"].rows[0]["props"]
    assert (outcome["grade"], outcome["slide"]) == ("yes", 5)
