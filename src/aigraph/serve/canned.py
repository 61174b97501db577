"""The canned questions as standalone SPARQL texts an outside client can send.

The canned SPARQL (:mod:`aigraph.questions.catalog`) binds its arguments as
parameters, which the SPARQL protocol has no way to carry. :func:`standalone_query`
writes the same query with each bound value in an inline ``VALUES`` block at the start
of every group the query opens with ``WHERE {``: the variables are joined before
anything else, as a substitution binds them, and the values are written as SPARQL
terms (escaped), never spliced in as query text.
"""

from __future__ import annotations

import re
from typing import Any

from aigraph.errors import QueryError

_XSD = "http://www.w3.org/2001/XMLSchema#"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def sparql_term(value: Any) -> str:
    """Write a parameter value as a SPARQL term.

    Examples
    --------
    >>> sparql_term('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> sparql_term(2021)
    '2021'
    """
    from aigraph.rdf.store import encode_param

    kind, lexical, datatype = encode_param(value)
    if kind == "iri":
        if any(ch in lexical for ch in '<>"{}|^`\\ \n'):
            raise QueryError(f"cannot write {lexical!r} as an IRI")
        return f"<{lexical}>"
    text = '"' + "".join(_ESCAPES.get(ch, ch) for ch in lexical) + '"'
    if datatype == _XSD + "integer":
        return lexical
    return text if datatype is None else f"{text}^^<{datatype}>"


def bind_values(text: str, params: dict[str, Any]) -> str:
    """Return ``text`` with ``params`` joined in a ``VALUES`` block after each ``WHERE {``.

    Examples
    --------
    >>> bind_values("SELECT ?key ?n WHERE { ?n <http://x/k> ?key }", {"key": "ab"})
    'SELECT ?key ?n WHERE { VALUES (?key) { ("ab") } ?n <http://x/k> ?key }'
    """
    if not params:
        return text
    names = " ".join(f"?{name}" for name in params)
    values = " ".join(sparql_term(value) for value in params.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    if not _WHERE.search(text):
        raise QueryError("the query has no WHERE { to bind values in")
    return _WHERE.sub(lambda m: f"{m.group()} {block}", text)


def standalone_query(question: str, arg: Any) -> str:
    """Return the SPARQL text that asks a canned question of any SPARQL endpoint over this graph.

    Its rows, put through :func:`aigraph.questions.rows_as_dicts`, are the rows of
    ``ask(question, arg, via="sparql")``; for a question whose rows are folded after the
    query (``predictions``, ``hit-rate``) they are the flat rows the fold starts from.

    Raises
    ------
    QueryError
        Unknown question, or an argument it cannot take.

    Examples
    --------
    >>> "VALUES (?key) { (\\"deepmind\\") }" in standalone_query("models-by-org", "DeepMind")
    True
    """
    from aigraph.questions import get_question

    spec = get_question(question)
    return bind_values(spec.text("sparql"), spec.params("sparql", spec.parse_argument(arg)))


__all__ = ["bind_values", "sparql_term", "standalone_query"]
