"""Graph -> RDF: the closed vocabulary, node and edge triples, literal types, provenance."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from aigraph.rdf import AIG, KG, PROV, SCHEMA, graph_to_rdf
from aigraph.rdf.mapping import edge_resource_id, node_iri

XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_DOUBLE = URIRef("http://www.w3.org/2001/XMLSchema#double")


@pytest.fixture(scope="module")
def rdf(graph):
    return graph_to_rdf(graph)


def test_vocabulary_is_closed():
    assert str(AIG.Model) == "https://w3id.org/aigraph/vocab#Model"
    with pytest.raises(AttributeError):
        AIG.Modle  # noqa: B018
    with pytest.raises(AttributeError):
        SCHEMA.nmae  # noqa: B018
    with pytest.raises(AttributeError):
        PROV.wasDerivedFrm  # noqa: B018


def test_node_iri_keeps_ids_readable_and_escapes_what_iris_cannot_hold():
    assert node_iri("slide:2021:15") == "https://w3id.org/aigraph/id/slide:2021:15"
    assert node_iri("model:μzero").endswith("model:μzero")
    assert node_iri("report:my notes") == "https://w3id.org/aigraph/id/report:my%20notes"
    assert node_iri('x:a"b<c>') == "https://w3id.org/aigraph/id/x:a%22b%3Cc%3E"


def test_organization_node(rdf, graph):
    deepmind = KG["org:deepmind"]
    assert (deepmind, RDF.type, AIG.Organization) in rdf
    assert (deepmind, RDF.type, SCHEMA.Organization) in rdf
    assert (deepmind, SCHEMA.name, Literal("DeepMind")) in rdf
    assert (deepmind, SCHEMA.identifier, Literal("org:deepmind")) in rdf
    aliases = {str(o) for o in rdf.objects(deepmind, SCHEMA.alternateName)}
    assert aliases == set(graph.nodes["org:deepmind"]["aliases"])
    keys = {str(o) for o in rdf.objects(deepmind, AIG.key)}
    assert keys == {"deepmind", "google deepmind"}
    years = sorted(rdf.objects(deepmind, AIG.seenInYear))
    assert years == [Literal(y) for y in graph.nodes["org:deepmind"]["years"]]
    assert all(y.datatype == XSD_INTEGER for y in years)


def test_strings_stay_plain_and_numbers_typed(rdf):
    names = list(rdf.objects(None, SCHEMA.name))
    assert names and all(n.datatype is None for n in names)
    values = list(rdf.objects(None, SCHEMA.value))
    assert values and all(v.datatype == XSD_DOUBLE for v in values)


def test_mention_resource_holds_count_and_evidence(rdf, graph):
    u, v = "org:deepmind", "slide:2021:15"
    edge = graph.edges[u, v, "MENTIONED_ON"]
    mention = KG[edge_resource_id(u, "MENTIONED_ON", v)]
    assert (KG[u], AIG.mentionedOn, KG[v]) in rdf
    assert (mention, RDF.type, AIG.Mention) in rdf
    assert (mention, RDF.subject, KG[u]) in rdf
    assert (mention, RDF.object, KG[v]) in rdf
    assert (mention, AIG.count, Literal(edge["count"])) in rdf
    evidence = list(rdf.objects(mention, PROV.wasDerivedFrom))
    assert len(evidence) == len(edge["evidence"])
    sentences = {str(rdf.value(e, AIG.sentence)) for e in evidence}
    assert sentences == {item["sentence"] for item in edge["evidence"]}
    extractors = {rdf.value(e, PROV.wasAttributedTo) for e in evidence}
    assert all((x, RDF.type, PROV.SoftwareAgent) in rdf for x in extractors)


def test_curated_part_of_uses_schema_parent_organization(rdf, graph):
    parts = [(u, v) for u, v, k in graph.edges(keys=True) if k == "PART_OF"]
    assert parts
    for u, v in parts:
        assert (KG[u], SCHEMA.parentOrganization, KG[v]) in rdf
        assertion = KG[edge_resource_id(u, "PART_OF", v)]
        assert (assertion, RDF.type, AIG.Assertion) in rdf
        curated = graph.edges[u, v, "PART_OF"]["curated"]
        assert (assertion, AIG.curated, Literal(curated)) in rdf


def test_every_node_is_typed_and_named(rdf, graph):
    for node_id, attrs in graph.nodes(data=True):
        subject = URIRef(node_iri(node_id))
        assert (subject, RDF.type, AIG[attrs["label"]]) in rdf
        assert rdf.value(subject, SCHEMA.name) == Literal(attrs["name"])
