"""Cypher text: identifiers checked and quoted, values only ever as parameters."""

from __future__ import annotations


import pytest

from aigraph.cypher import statements as cy
from aigraph.errors import GraphError


@pytest.mark.parametrize("bad", ["Model`) DETACH DELETE (n", "Has Space", "1st", "", "Dash-ed"])
def test_labels_that_are_not_identifiers_are_refused(bad):
    with pytest.raises(GraphError):
        cy.identifier(bad)
    with pytest.raises(GraphError):
        cy.neo4j_merge_nodes(bad)
    with pytest.raises(GraphError):
        cy.create_node_table(bad)


def test_node_table_has_id_key_and_list_columns():
    ddl = cy.create_node_table("Organization")
    assert ddl.startswith("CREATE NODE TABLE `Organization`(`id` STRING,")
    assert "`aliases` STRING[]" in ddl and "`years` INT64[]" in ddl and "`keys` STRING[]" in ddl
    assert ddl.endswith("PRIMARY KEY(`id`))")
    assert "`number` INT64" in cy.create_node_table("Slide")


def test_rel_table_lists_every_pair_and_evidence_struct():
    ddl = cy.create_rel_table("MENTIONED_ON", [("Model", "Slide"), ("Organization", "Slide")])
    assert "FROM `Model` TO `Slide`, FROM `Organization` TO `Slide`" in ddl
    assert "`evidence` STRUCT(`year` INT64, `slide` INT64, `source` STRING" in ddl
    assert "`end` INT64" in ddl  # END is a keyword: quoted


def test_copy_binds_the_rows():
    assert cy.copy_statement("Model") == "COPY `Model` FROM $rows"
    with pytest.raises(GraphError):
        cy.copy_statement("MENTIONED_ON", ("Model'", "Slide"))


def test_neo4j_statements_unwind_bound_rows_and_merge_on_id():
    nodes = cy.neo4j_merge_nodes("Model")
    assert nodes == "UNWIND $rows AS row MERGE (n:`Model` {id: row.id}) SET n = row.props"
    rels = cy.neo4j_merge_relationships("DEVELOPED", "Organization", "Model")
    assert rels.startswith("UNWIND $rows AS row MATCH (a:`Organization` {id: row.from})")
    assert "MERGE (a)-[r:`DEVELOPED`]->(b) SET r = row.props" in rels
    assert "IF NOT EXISTS" in cy.neo4j_constraint("Model")
