"""The RDF vocabulary: the project's own closed namespace plus the schema.org and PROV-O
terms the graph uses.

Every namespace here is closed: a misspelt term (``AIG.Modle``) raises
:class:`AttributeError` instead of minting a wrong IRI. Resources (nodes, mentions,
assertions, evidence) live under :data:`KG`, an open namespace, because their local names
are data (node ids).
"""

from __future__ import annotations

from rdflib.namespace import RDF, RDFS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

#: Base IRI of the vocabulary terms (classes and properties).
VOCAB_IRI = "https://w3id.org/aigraph/vocab#"
#: Base IRI of the resources; a node's IRI is this followed by its id.
RESOURCE_IRI = "https://w3id.org/aigraph/id/"


class AIG(DefinedNamespace):
    """aigraph's own classes and properties."""

    _NS = Namespace(VOCAB_IRI)
    _fail = True

    # Classes: one per node label, plus the provenance resources.
    Report: URIRef  # one report (deck or summary) of one year
    Slide: URIRef  # one slide of a report
    Organization: URIRef
    Model: URIRef  # an AI model (AlphaFold, GPT-3, ...)
    Paper: URIRef
    Dataset: URIRef  # a dataset or benchmark
    Metric: URIRef  # a reported result: value, unit, measure
    Person: URIRef
    Country: URIRef
    Software: URIRef
    Money: URIRef
    Mention: URIRef  # entity -> slide (or report) with count and evidence
    Assertion: URIRef  # a typed relation between two nodes, with its evidence
    Evidence: URIRef  # one sentence (span of a source) a mention or assertion rests on
    Prediction: URIRef  # one prediction a report makes for the next twelve months
    Outcome: URIRef  # a later report's grade (yes / partly / no) of one prediction

    # Relations between nodes (the graph's edge types).
    mentionedOn: URIRef  # MENTIONED_ON: entity -> Slide
    mentionedIn: URIRef  # MENTIONED_IN: entity -> Report (mention outside any slide)
    developed: URIRef  # DEVELOPED: Organization -> Model
    achieves: URIRef  # ACHIEVES: Model -> Metric
    measuredOn: URIRef  # MEASURED_ON: Metric -> Dataset
    introduces: URIRef  # INTRODUCES: Paper -> Model
    predicts: URIRef  # PREDICTS: Report -> Prediction (the report makes the prediction)
    about: URIRef  # ABOUT: Prediction -> entity the prediction names
    grades: URIRef  # GRADES: Outcome -> Prediction (the outcome grades the prediction)

    # Node properties.
    label: URIRef  # the graph node label ("Organization", ...)
    key: URIRef  # lower-cased name or alias, for case-insensitive look-up
    year: URIRef  # the one year of a Report, Slide or Metric
    seenInYear: URIRef  # each report year a node appears in (the node's ``years``)
    number: URIRef  # slide number
    section: URIRef
    title: URIRef
    source: URIRef  # source file (relative to the raw dir)
    sourceFile: URIRef  # each source file of a report (``sources``)
    sha256: URIRef
    kind: URIRef  # organisation kind: lab, company, university, ...
    measure: URIRef  # what a metric measures (e.g. top-1 accuracy)
    text: URIRef  # a metric's text as written; a prediction's text; an outcome's restated claim
    grade: URIRef  # an Outcome's grade: "yes", "partly" or "no"
    evidenceText: URIRef  # an Outcome's evidence, as the grading report gives it

    # Outside facts on a Model (from a public dataset, never from the reports).
    parameters: URIRef  # number of parameters (xsd:double)
    trainingCompute: URIRef  # training compute in FLOP (xsd:double)
    paperTitle: URIRef  # title of the publication that introduced the model
    arxivId: URIRef
    domain: URIRef  # each domain (Language, Vision, ...)
    developerAsRecorded: URIRef  # each developing organisation as the dataset names it
    countryAsRecorded: URIRef  # each country of those organisations, as the dataset names it
    outsideId: URIRef  # the model's id in the outside dataset
    factsSource: URIRef  # the credit line of the source of the outside facts

    # Properties of mentions and assertions.
    count: URIRef
    curated: URIRef  # true when the fact comes from curated knowledge only

    # Properties of evidence.
    slideNumber: URIRef
    start: URIRef
    end: URIRef
    sentence: URIRef
    confidence: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms the graph uses (closed)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Report: URIRef
    Organization: URIRef
    Person: URIRef
    Country: URIRef
    ScholarlyArticle: URIRef
    Dataset: URIRef
    SoftwareApplication: URIRef
    MonetaryAmount: URIRef
    name: URIRef
    alternateName: URIRef
    identifier: URIRef
    isPartOf: URIRef
    parentOrganization: URIRef
    value: URIRef
    unitText: URIRef
    # Outside facts and their source.
    datePublished: URIRef
    sameAs: URIRef
    url: URIRef
    license: URIRef
    creditText: URIRef


class PROV(DefinedNamespace):
    """The PROV-O terms the graph uses (closed)."""

    _NS = Namespace("http://www.w3.org/ns/prov#")
    _fail = True

    SoftwareAgent: URIRef
    Entity: URIRef  # the outside dataset a node's facts come from
    wasDerivedFrom: URIRef
    wasAttributedTo: URIRef


#: Resources: ``KG["org:deepmind"]``.
KG = Namespace(RESOURCE_IRI)

#: Prefixes written into Turtle and declared in canned SPARQL, in this order.
PREFIXES: dict[str, str] = {
    "aig": VOCAB_IRI,
    "kg": RESOURCE_IRI,
    "schema": str(SCHEMA._NS),
    "prov": str(PROV._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def sparql_prologue() -> str:
    """Return the ``PREFIX`` lines for :data:`PREFIXES`, one per line."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


__all__ = ["AIG", "KG", "PREFIXES", "PROV", "RESOURCE_IRI", "SCHEMA", "VOCAB_IRI", "sparql_prologue"]
