"""What the endpoint says about itself: the SPARQL 1.1 Service Description and the HTML page.

Both are pure functions of the endpoint's URL and the live build's manifest (``None``
when the graph folder holds no complete build).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"

#: The w3.org format IRIs of what the endpoint writes (by the store's format name).
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}

EXAMPLE_QUERY = """SELECT ?org ?model WHERE {
  ?o a aig:Organization ; schema:name ?org ; aig:developed ?m .
  ?m schema:name ?model .
} LIMIT 20"""


def service_description(endpoint: str, manifest: dict[str, Any] | None) -> Any:
    """Return the endpoint's SPARQL 1.1 Service Description as an :class:`rdflib.Graph`.

    Examples
    --------
    >>> sd = service_description("http://127.0.0.1:8000/sparql", None)
    >>> len(sd) > 10
    True
    """
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD

    from aigraph.rdf.vocab import PREFIXES

    sd, fmt, void = Namespace(SD), Namespace(FORMATS), Namespace(VOID)
    graph = Graph()
    graph.bind("sd", sd)
    graph.bind("formats", fmt)
    graph.bind("void", void)
    service = URIRef(endpoint + "#service")
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, URIRef(endpoint)))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    graph.add((service, sd.defaultEntailmentRegime, URIRef("http://www.w3.org/ns/entailment/Simple")))
    for name in FORMAT_IRIS.values():
        graph.add((service, sd.resultFormat, fmt[name]))
    dataset, default = BNode("dataset"), BNode("defaultGraph")
    graph.add((service, sd.defaultDataset, dataset))
    graph.add((dataset, RDF.type, sd.Dataset))
    graph.add((dataset, sd.defaultGraph, default))
    graph.add((default, RDF.type, sd.Graph))
    for prefix, iri in PREFIXES.items():
        graph.add((default, void.vocabulary, URIRef(iri)))
    counts = (manifest or {}).get("counts") or {}
    if isinstance(counts.get("total_nodes"), int):
        graph.add((default, void.entities, Literal(counts["total_nodes"], datatype=XSD.integer)))
    if isinstance((manifest or {}).get("built_at"), str):
        graph.add((default, URIRef("http://purl.org/dc/terms/modified"), Literal(manifest["built_at"])))
    return graph


def _holdings(manifest: dict[str, Any] | None) -> str:
    if manifest is None:
        return "<p><strong>No graph is loaded yet</strong>: the graph folder holds no complete build " \
               "(run <code>aigraph build</code>); queries answer 503 until one is there.</p>"
    counts = manifest.get("counts") or {}
    nodes = counts.get("nodes") or {}
    edges = counts.get("edges") or {}
    sources = [i.get("source") for i in manifest.get("inputs") or [] if isinstance(i, dict) and i.get("source")]
    parts = [
        f"<p>The knowledge graph built from {len(sources)} AI industry report file"
        f"{'s' if len(sources) != 1 else ''} on {escape(str(manifest.get('built_at', '?')))}: "
        f"{counts.get('total_nodes', '?')} nodes and {counts.get('total_edges', '?')} relations, as RDF "
        "(one default graph).</p>",
        "<table><tr><th>Nodes</th><th>Count</th></tr>",
        *(f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in sorted(nodes.items())),
        "</table><table><tr><th>Relations</th><th>Count</th></tr>",
        *(f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in sorted(edges.items())),
        "</table>",
    ]
    return "\n".join(parts)


def index_page(endpoint: str, manifest: dict[str, Any] | None) -> str:
    """Return the HTML page at ``/``: what the endpoint holds, how to query it, the prefixes."""
    from aigraph.rdf.vocab import PREFIXES, sparql_prologue

    example = sparql_prologue() + EXAMPLE_QUERY
    link = f"{endpoint}?query={quote(example)}"
    prefixes = "\n".join(
        f"<tr><td><code>{escape(name)}:</code></td><td><code>{escape(iri)}</code></td></tr>"
        for name, iri in PREFIXES.items()
    )
    url = escape(endpoint)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aigraph SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:.2em .6em;text-align:left}}
pre,textarea{{background:#f6f6f6;padding:.6em;width:100%;box-sizing:border-box}}</style></head>
<body>
<h1>aigraph SPARQL endpoint</h1>
{_holdings(manifest)}
<h2>How to query it</h2>
<p>The endpoint is <code>{url}</code> (SPARQL 1.1 Protocol, read-only): send a query by GET
<code>?query=</code>, by POST form (<code>query=</code>) or by POST <code>application/sparql-query</code>.
SELECT and ASK answer in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE in Turtle
(default), N-Triples, JSON-LD or RDF/XML, chosen by the <code>Accept</code> header. GET
<code>{url}</code> with no query gives the service description (Turtle). Updates, SERVICE and
dataset parameters are refused; a query stops at the time limit.</p>
<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' {url}</pre>
<p>From a YASGUI page, set the endpoint to <code>{url}</code> (CORS is open).</p>
<form action="{url}" method="get"><textarea name="query" rows="9">{escape(example)}</textarea>
<p><button type="submit">Run</button> (<a href="{escape(link)}">the same as a link</a>)</p></form>
<h2>Prefixes</h2>
<table>{prefixes}</table>
</body></html>
"""


__all__ = ["EXAMPLE_QUERY", "FORMAT_IRIS", "index_page", "service_description"]
