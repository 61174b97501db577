"""The SPARQL worker: a child process that holds one Oxigraph store and answers queries.

Run as ``python -m aigraph.rdf._worker GRAPH.ttl``. It loads the Turtle file into an
in-memory pyoxigraph store, writes one ``{"ready": ...}`` line, then answers one JSON
request per line of stdin with one JSON line on stdout until stdin closes. Running the
queries in a child lets :class:`aigraph.rdf.SparqlStore` stop one that runs too long by
ending the process, which a thread could not do (Oxigraph has no query timeout).

Request: ``{"query": str, "params": {name: [kind, lexical, datatype]}}``.
Answer: ``{"ok": true, "columns": [...], "rows": [[...]]}`` or
``{"ok": false, "error": "syntax" | "store", "message": str}``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyoxigraph as ox  # this module only runs in the worker process

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}
_FLOATS = {_XSD + "double", _XSD + "float", _XSD + "decimal"}
_CONVERTERS: dict[str, Any] = {
    **dict.fromkeys(_INTEGERS, int),
    **dict.fromkeys(_FLOATS, float),
    _XSD + "boolean": lambda lexical: lexical in ("true", "1"),
}


def python_value(term: Any) -> Any:
    """Return a Python value for an RDF term: numbers and booleans typed, IRIs as strings."""
    if term is None:
        return None
    kind = type(term)
    if kind is ox.Literal:
        convert = _CONVERTERS.get(term.datatype.value)
        if convert is None:
            return term.value
        try:
            return convert(term.value)
        except ValueError:
            return term.value
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.BlankNode:
        return f"_:{term.value}"
    return str(term)


def term_from_param(kind: str, lexical: str, datatype: str | None) -> Any:
    """Return the pyoxigraph term a bound parameter stands for."""
    if kind == "iri":
        return ox.NamedNode(lexical)
    if datatype:
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype))
    return ox.Literal(lexical)


def answer(store: Any, request: dict[str, Any]) -> dict[str, Any]:
    """Run one request against the store; never raises for a bad query."""
    substitutions = {
        ox.Variable(name): term_from_param(*spec) for name, spec in (request.get("params") or {}).items()
    }
    try:
        result = store.query(request["query"], substitutions=substitutions or None)
        if isinstance(result, ox.QueryBoolean):
            return {"ok": True, "columns": ["ask"], "rows": [[bool(result)]]}
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            indexes = range(len(columns))
            rows = [[python_value(solution[i]) for i in indexes] for solution in result]
            return {"ok": True, "columns": columns, "rows": rows}
        rows = [[python_value(t.subject), python_value(t.predicate), python_value(t.object)] for t in result]
        return {"ok": True, "columns": ["subject", "predicate", "object"], "rows": rows}
    except SyntaxError as err:
        return {"ok": False, "error": "syntax", "message": str(err)}
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        return {"ok": False, "error": "store", "message": str(err)}


def main(argv: list[str]) -> int:
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    out = sys.stdout
    store = ox.Store()
    try:
        store.bulk_load(path=argv[0], format=ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError, ValueError) as err:
        out.write(json.dumps({"ready": False, "message": str(err)}) + "\n")
        out.flush()
        return 1
    out.write(json.dumps({"ready": True, "triples": len(store)}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        out.write(json.dumps(answer(store, json.loads(line)), ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
