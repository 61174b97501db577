"""The SPARQL worker: a child process that holds one Oxigraph store and answers queries.

Run as ``python -m aigraph.rdf._worker PARENT_PID STORE [MEMORY_MB]``, where STORE is an Oxigraph
store directory written at build time (opened read-only, nothing parsed) or, for older
builds, a ``graph.ttl`` loaded into memory. It writes one ``{"ready": ...}`` line, then
answers one JSON request per line of stdin with one JSON line on stdout until stdin
closes. Running the queries in a child lets :class:`aigraph.rdf.SparqlStore` stop one
that runs too long by ending the process, which a thread could not do (Oxigraph has no
query timeout).

Before it opens anything the worker makes sure it cannot outlive its parent (the kernel
kills it when the parent dies, and a watchdog thread checks the parent's pid as well),
and it moves into a network namespace of its own where no interface is up, so a SERVICE
clause that got past the guard has nowhere to go. With MEMORY_MB its data memory is
capped, so a query that would fill the machine ends the worker instead.

Request: ``{"query": str, "params": {name: [kind, lexical, datatype]}, "max_rows": int | None}``;
the store writes bound values into the query text (:mod:`aigraph.rdf.params`) and sends
``params`` only for a query it cannot write them into, which Oxigraph then substitutes.
Answer: ``{"ok": true, "columns": [...], "rows": [[...]]}`` (at most ``max_rows + 1`` rows)
or ``{"ok": false, "error": "syntax" | "store", "message": str}``. A request with
``"op": "serialize"`` asks for the result written in a standard format (:func:`serialized`).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from itertools import islice
from typing import Any

# Linux constants (prctl(2), unshare(2)).
_PR_SET_PDEATHSIG = 1
_SIGKILL = 9
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def _libc() -> Any:
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def die_with_parent(parent: int) -> bool:
    """Ask the kernel to kill this process when its parent dies; true when it will.

    Also exits at once when the parent is already gone (it may have died before the
    request was made).
    """
    libc = _libc() if sys.platform.startswith("linux") else None
    armed = bool(libc is not None and libc.prctl(_PR_SET_PDEATHSIG, _SIGKILL, 0, 0, 0) == 0)
    if os.getppid() != parent:
        os._exit(0)
    return armed


def watch_parent(parent: int, every: float = 0.5) -> threading.Thread:
    """Start a daemon thread that ends this process once its parent is gone.

    The fallback where ``PR_SET_PDEATHSIG`` does not exist; on Linux it also covers a
    parent thread (not process) ending, which the kernel signal counts as a death.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def cut_network() -> bool:
    """Move this process into a new, empty network namespace; true when it worked.

    Needs unprivileged user namespaces (Linux) and a single-threaded process, so it runs
    before pyoxigraph is imported. Where it fails, the parsed-query guard in the parent
    is the only defence against SERVICE.
    """
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is None:
        return False
    return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0

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
    import pyoxigraph as ox

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
    import pyoxigraph as ox

    if kind == "iri":
        return ox.NamedNode(lexical)
    if datatype:
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype))
    return ox.Literal(lexical)


def answer(store: Any, request: dict[str, Any]) -> dict[str, Any]:
    """Run one request against the store; never raises for a bad query.

    At most ``max_rows + 1`` rows are read from the engine's iterator (one more than
    the cap tells the caller that rows were left out); the rest are never made.
    """
    import pyoxigraph as ox

    cap = request.get("max_rows")
    keep = None if cap is None else max(0, int(cap)) + 1
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
            rows = [[python_value(solution[i]) for i in indexes] for solution in islice(result, keep)]
            return {"ok": True, "columns": columns, "rows": rows}
        rows = [
            [python_value(t.subject), python_value(t.predicate), python_value(t.object)]
            for t in islice(result, keep)
        ]
        return {"ok": True, "columns": ["subject", "predicate", "object"], "rows": rows}
    except SyntaxError as err:
        return {"ok": False, "error": "syntax", "message": str(err)}
    except MemoryError:
        return {"ok": False, "error": "memory", "message": "out of memory"}
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        return {"ok": False, "error": "store", "message": str(err)}


#: Names a "serialize" request may use, by kind of result, for pyoxigraph's formats.
RESULT_FORMAT_NAMES = ("json", "xml", "csv", "tsv")
GRAPH_FORMAT_NAMES = ("turtle", "ntriples", "jsonld", "rdfxml")


class _CappedSink:
    """A binary writer that keeps what it is given until ``limit`` bytes, then refuses."""

    def __init__(self, limit: int | None) -> None:
        self.limit, self.size, self.parts, self.overflow = limit, 0, [], False

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            self.overflow = True
            raise OSError("result too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def serialized(store: Any, request: dict[str, Any]) -> dict[str, Any]:
    """Run a query and write its result in a standard format; never raises for a bad query.

    Request: ``{"op": "serialize", "query": str, "formats": {"solutions" | "boolean" |
    "graph": name or None}, "max_bytes": int | None}``. Answer: ``{"ok": true, "kind": ...,
    "format": name or None, "body": str or None}`` (no body when no format was given for
    the kind the query turned out to be), or an error as :func:`answer` gives, with
    ``"error": "too-large"`` past ``max_bytes``.
    """
    import pyoxigraph as ox

    tables = {
        "results": dict(zip(RESULT_FORMAT_NAMES, (
            ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML,
            ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV,
        ))),
        "graph": dict(zip(GRAPH_FORMAT_NAMES, (
            ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML,
        ))),
    }
    formats = request.get("formats") or {}
    sink = _CappedSink(request.get("max_bytes"))
    try:
        result = store.query(request["query"])
        if isinstance(result, ox.QueryBoolean):
            kind, table = "boolean", tables["results"]
        elif isinstance(result, ox.QuerySolutions):
            kind, table = "solutions", tables["results"]
        else:
            kind, table = "graph", tables["graph"]
        name = formats.get(kind)
        if name is None:
            return {"ok": True, "kind": kind, "format": None, "body": None}
        if name not in table:
            return {"ok": False, "error": "store", "message": f"no {name!r} format for {kind} results"}
        result.serialize(sink, format=table[name])
        return {"ok": True, "kind": kind, "format": name, "body": b"".join(sink.parts).decode("utf-8")}
    except SyntaxError as err:
        return {"ok": False, "error": "syntax", "message": str(err)}
    except MemoryError:
        return {"ok": False, "error": "memory", "message": "out of memory"}
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        if sink.overflow:
            return {"ok": False, "error": "too-large", "message": f"the result is larger than {sink.limit} bytes"}
        return {"ok": False, "error": "store", "message": str(err)}


def open_store(source: str) -> Any:
    """Open an Oxigraph store directory read-only, or load a Turtle file into memory."""
    import pyoxigraph as ox

    if os.path.isdir(source):
        return ox.Store.read_only(source)
    store = ox.Store()
    store.bulk_load(path=source, format=ox.RdfFormat.TURTLE)
    return store


def limit_memory(megabytes: int) -> bool:
    """Cap this process's data memory (heap and anonymous maps) at ``megabytes``; 0: no cap.

    A query that needs more (a huge ORDER BY or GROUP BY) fails an allocation and the
    process ends, instead of the machine running out of memory before the time limit.
    """
    if megabytes <= 0:
        return False
    try:
        import resource

        limit = megabytes << 20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError):
        return False
    return True


def main(argv: list[str]) -> int:
    parent, source = int(argv[0]), argv[1]
    die_with_parent(parent)
    offline = cut_network()
    limit_memory(int(argv[2]) if len(argv) > 2 else 0)
    watch_parent(parent)
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    out = sys.stdout
    try:
        store = open_store(source)
    except (OSError, SyntaxError, ValueError) as err:
        out.write(json.dumps({"ready": False, "message": str(err)}) + "\n")
        out.flush()
        return 1
    ready = {"ready": True, "offline": offline, "pid": os.getpid()}
    out.write(json.dumps(ready) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        reply = serialized(store, request) if request.get("op") == "serialize" else answer(store, request)
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
