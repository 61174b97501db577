"""Outside clients against the endpoint: SPARQLWrapper, and the canned questions' rows."""

from __future__ import annotations

import json
import urllib.error

import pytest
from SPARQLWrapper import GET, JSON, JSONLD, POST, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from aigraph.questions import QUESTIONS, rows_as_dicts
from aigraph.serve.canned import standalone_query

PREFIXES = "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/> "
MODELS = PREFIXES + """SELECT ?org ?model WHERE {
  ?o a aig:Organization ; schema:name ?org ; aig:developed ?m . ?m schema:name ?model
} ORDER BY ?org ?model"""

#: An argument with rows on the sample graph, by the kind of argument a question takes.
ARGUMENTS = {"org": "DeepMind", "entity": "DeepMind", "dataset": "ImageNet", "year": 2021}

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + "integer": int, _XSD + "int": int, _XSD + "long": int, _XSD + "double": float,
            _XSD + "decimal": float, _XSD + "float": float}


def client(endpoint, query, fmt=JSON, method=GET):
    wrapper = SPARQLWrapper(endpoint)
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    wrapper.setMethod(method)
    return wrapper


def value(term):
    """A SPARQL JSON term as the stores give it: numbers and booleans typed, IRIs as strings."""
    if term is None:
        return None
    if term["type"] == "bnode":
        return "_:" + term["value"]
    datatype = term.get("datatype")
    if datatype == _XSD + "boolean":
        return term["value"] in ("true", "1")
    return _NUMBERS.get(datatype, str)(term["value"])


def developed(graph):
    pairs = set()
    for u, v, k in graph.edges(keys=True):
        if k == "DEVELOPED":
            pairs.add((graph.nodes[u]["name"], graph.nodes[v]["name"]))
    return sorted(pairs)


@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_select(endpoint, graph, method):
    result = client(endpoint, MODELS, JSON, method).queryAndConvert()
    rows = [(b["org"]["value"], b["model"]["value"]) for b in result["results"]["bindings"]]
    assert rows == developed(graph) and rows


def test_sparqlwrapper_select_as_xml(endpoint, graph):
    document = client(endpoint, MODELS, XML).queryAndConvert()
    literals = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert literals == [name for pair in developed(graph) for name in pair]


def test_sparqlwrapper_ask(endpoint):
    assert client(endpoint, "ASK { ?s a <https://w3id.org/aigraph/vocab#Organization> }").queryAndConvert()["boolean"]
    assert not client(endpoint, "ASK { ?s a <http://nothing.example/C> }", method=POST).queryAndConvert()["boolean"]


@pytest.mark.parametrize("fmt", [RDFXML, JSONLD, TURTLE])
def test_sparqlwrapper_construct(endpoint, graph, fmt):
    import rdflib

    query = PREFIXES + "CONSTRUCT { ?o schema:name ?n } WHERE { ?o a aig:Organization ; schema:name ?n }"
    converted = client(endpoint, query, fmt).queryAndConvert()
    if isinstance(converted, bytes):  # Turtle comes back as text
        converted = rdflib.Graph().parse(data=converted, format="turtle")
    names = sorted(str(o) for o in converted.objects())
    assert names == sorted(a["name"] for _, a in graph.nodes(data=True) if a.get("label") == "Organization")


def test_sparqlwrapper_sees_refusals(endpoint):
    with pytest.raises(QueryBadFormed):
        client(endpoint, "SELECT * WHERE { ?s ?p }").queryAndConvert()
    update = client(endpoint, "INSERT DATA { <http://x/a> <http://x/b> 1 }", method=POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        update.query()  # SPARQLWrapper sends it as an update request
    assert refused.value.code == 403


class EndpointStore:
    """A store that runs each query through the endpoint with SPARQLWrapper, values inlined."""

    def __init__(self, endpoint):
        self.endpoint = endpoint

    def query(self, text, *, params=None, **_):
        from aigraph.serve.canned import bind_values

        result = client(self.endpoint, bind_values(text, params or {})).queryAndConvert()
        columns = result["head"]["vars"]
        return columns, [tuple(value(b.get(c)) for c in columns) for b in result["results"]["bindings"]]


def test_every_canned_question_gives_the_rows_of_aigraph_ask(endpoint, graph_dir, capsys):
    from aigraph.cli import main
    from aigraph.questions import answer

    answered = 0
    for question in QUESTIONS.values():
        argument = ARGUMENTS[question.arg]
        assert main(["ask", question.name, str(argument), "--via", "sparql", "--graph", str(graph_dir),
                     "--format", "json"]) == 0
        expected = json.loads(capsys.readouterr().out)
        rows = answer(EndpointStore(endpoint), question.name, argument, via="sparql")
        got = json.loads(json.dumps([[row[c] for c in question.columns] for row in rows], default=str))
        assert got == [[row[c] for c in question.columns] for row in expected], question.name
        answered += bool(expected)
    assert answered >= 6  # most questions have rows on the sample graph: the comparison means something


def test_standalone_texts_give_the_same_rows(endpoint, graph_dir):
    from aigraph.questions import ask

    for name, question in QUESTIONS.items():
        argument = ARGUMENTS[question.arg]
        result = client(endpoint, standalone_query(name, argument)).queryAndConvert()
        columns = result["head"]["vars"]
        rows = [tuple(value(b.get(c)) for c in columns) for b in result["results"]["bindings"]]
        parsed = question.parse_argument(argument)
        assert rows_as_dicts(name, columns, rows, parsed) == ask(name, argument, via="sparql", graph_dir=graph_dir)
