"""Read-only guards for the query consoles: refuse writes before they reach a store.

SPARQL is parsed with rdflib's grammar and refused by what the parsed query holds
(an update, SERVICE, a foreign FROM or GRAPH), never by scanning its text. Cypher is
tokenised, so a keyword inside a string literal, a comment or a quoted name does not
count, and neither do words that merely contain one (``created``, ``settings``); a
keyword used as a property (``n.set``), a label (``:Create``) or a map key
(``{delete: 1}``) does not count either. The stores add their own defences underneath:
LadybugDB is opened read-only, and the SPARQL worker runs without network access.

Examples
--------
>>> find_cypher_write("MATCH (n) WHERE n.name = 'CREATE' RETURN n.created")
>>> find_cypher_write("MATCH (n) DETACH DELETE n")
'DETACH DELETE'
>>> find_sparql_write('SELECT ?s WHERE { ?s ?p "INSERT DATA" } # DROP ALL')
>>> find_sparql_write("CLEAR DEFAULT")
'CLEAR'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from aigraph.errors import QueryError, ReadOnlyError, first_line


class Token(NamedTuple):
    """One token: its kind and text. Kinds: word, string, name, param, iri, var, pname, number, punct."""

    kind: str
    text: str


_CYPHER = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
    | (?P<name>`(?:[^`]|``)*(?:`|\Z))
    | (?P<param>\$(?:\w+|`(?:[^`]|``)*`))
    | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
    | (?P<word>[^\W\d]\w*)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_SPARQL = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>'''.*?(?:'''|\Z)|\"\"\".*?(?:\"\"\"|\Z)
                 |'(?:[^'\\\n]|\\.)*(?:'|\Z)|"(?:[^"\\\n]|\\.)*(?:"|\Z))
    | (?P<var>[?$]\w+)
    | (?P<pname>(?:[^\W\d][\w.-]*)?:[\w.:%-]*)
    | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
    | (?P<word>[^\W\d]\w*)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(pattern: re.Pattern[str], text: str) -> list[Token]:
    out = []
    for match in pattern.finditer(text):
        kind = match.lastgroup or "punct"
        if kind not in ("space", "comment"):
            out.append(Token(kind, match.group()))
    return out


def cypher_tokens(text: str) -> list[Token]:
    """Return the significant tokens of a Cypher text (no spaces or comments).

    Examples
    --------
    >>> [t.text for t in cypher_tokens("MATCH (n) // CREATE\\nRETURN n.`set`")]
    ['MATCH', '(', 'n', ')', 'RETURN', 'n', '.', '`set`']
    """
    return _tokens(_CYPHER, text)


def sparql_tokens(text: str) -> list[Token]:
    """Return the significant tokens of a SPARQL text (no spaces or comments).

    Examples
    --------
    >>> [t.kind for t in sparql_tokens('SELECT ?x { ?x a ex:Drop ; <http://x#a> "y" }')]
    ['word', 'var', 'punct', 'var', 'word', 'pname', 'punct', 'iri', 'string', 'punct']
    """
    return _tokens(_SPARQL, text)


#: Cypher clauses that write data, schema, files or settings, or leave the database.
CYPHER_WRITE_WORDS = frozenset(
    {
        "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "COPY",
        "ALTER", "INSTALL", "UNINSTALL", "EXPORT", "IMPORT", "ATTACH", "BEGIN", "COMMIT",
        "ROLLBACK", "CHECKPOINT",
    }
)

#: Procedures a read-only console may CALL (LadybugDB's catalogue functions, Neo4j's db.*).
CYPHER_READ_PROCEDURES = frozenset(
    {
        "show_tables", "table_info", "show_connection", "show_functions", "show_warnings",
        "show_indexes", "show_attached_databases", "show_loaded_extensions",
        "show_official_extensions", "show_projected_graphs", "show_macros", "db_version",
        "current_setting", "db.labels", "db.relationshiptypes", "db.propertykeys",
        "db.schema.visualization", "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties", "dbms.components",
    }
)


# Words that, following a write word, name the clause better ("LOAD CSV", "DETACH DELETE").
_PAIRS = {"DETACH": {"DELETE"}, "LOAD": {"CSV", "FROM", "EXTENSION", "WITH"}}


def _procedure_name(tokens: list[Token], start: int) -> tuple[str, int]:
    parts, i = [], start
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        parts.append(tokens[i].text.strip("`"))
        if i + 1 < len(tokens) and tokens[i + 1].text == ".":
            i += 2
            continue
        i += 1
        break
    return ".".join(parts), i


def find_cypher_write(text: str) -> str | None:
    """Return the first writing clause of a Cypher text (``"CREATE"``, ``"CALL x"``), or ``None``.

    A CALL is a write unless it is a subquery (``CALL { ... }``) or a procedure in
    :data:`CYPHER_READ_PROCEDURES`; ``CALL name = value`` (a setting) always is.
    """
    tokens = cypher_tokens(text)
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = token.text.upper()
        before = tokens[i - 1].text if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before in (".", ":") or (after is not None and after.text == ":"):
            continue  # a property, a label or a map key
        if word in CYPHER_WRITE_WORDS:
            if after is not None and after.kind == "word" and after.text.upper() in _PAIRS.get(word, ()):
                return f"{word} {after.text.upper()}"
            return word
        if word == "CALL" and after is not None and after.text != "{":
            name, end = _procedure_name(tokens, i + 1)
            if end < len(tokens) and tokens[end].text == "=":
                return f"CALL {name} = ..."
            if name.lower() not in CYPHER_READ_PROCEDURES:
                return f"CALL {name or after.text}"
    return None


#: IRIs a query may name in FROM, FROM NAMED or GRAPH: the graph's own namespaces.
LOCAL_IRI_PREFIXES = ("https://w3id.org/aigraph/",)

# rdflib's names of the SPARQL Update operations -> the keyword a user wrote.
_UPDATE_WORDS = {
    "InsertData": "INSERT", "DeleteData": "DELETE", "DeleteWhere": "DELETE", "Load": "LOAD",
    "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
    "Copy": "COPY",
}


def _is_local(term: object) -> bool:
    from rdflib.term import URIRef

    return not isinstance(term, URIRef) or str(term).startswith(LOCAL_IRI_PREFIXES)


def _walk(node: object):
    """Yield every parsed element (rdflib ``CompValue``) under ``node``, depth first."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


def sparql_text(text: str) -> str:
    """Return the form of a SPARQL text that is both checked and run.

    rdflib and Oxigraph disagree on two things a query could use to look harmless to
    one and not the other: rdflib expands ``\\uXXXX`` escapes everywhere before parsing
    (so an escaped newline can end a comment), Oxigraph only inside strings and IRIs; and
    Oxigraph ends a comment at a carriage return, rdflib only at a newline. Expanding
    the escapes and turning carriage returns into newlines here, once, means the guard
    and the engine read the same characters.

    Raises
    ------
    QueryError
        An escape names no character, or expanding spells another escape.

    Examples
    --------
    >>> sparql_text('SELECT * { ?s ?p ?o } # note\\rLIMIT 1')
    'SELECT * { ?s ?p ?o } # note\\nLIMIT 1'
    >>> sparql_text('ASK { <http://x/\\u0041> ?p ?o }')
    'ASK { <http://x/A> ?p ?o }'
    """

    def expand(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group()[2:], 16))
        except (ValueError, OverflowError) as err:
            raise QueryError(f"malformed SPARQL: {match.group()} is not a character") from err

    expanded = _ESCAPE.sub(expand, text.replace("\r\n", "\n").replace("\r", "\n"))
    if _ESCAPE.search(expanded):
        raise QueryError("malformed SPARQL: an escape spells another escape")
    return expanded


def _parse(text: str) -> tuple[str, object]:
    """Parse ``text`` as a SPARQL query, else as an update: ``("query" | "update", tree)``."""
    from pyparsing import ParseException

    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return "query", parseQuery(text)
    except ParseException as err:
        try:
            return "update", parseUpdate(text)
        except ParseException:
            raise QueryError(f"malformed SPARQL: {_parse_message(err)}") from err
    except Exception as err:  # rdflib raises a few other kinds for odd input (escapes, IRIs)
        raise QueryError(f"malformed SPARQL: {err}") from err


def _parse_message(err: Exception) -> str:
    return first_line(str(err)) if str(err).strip() else type(err).__name__


@lru_cache(maxsize=256)  # parsing costs tens of ms; the canned questions repeat their texts
def find_sparql_write(text: str) -> str | None:
    """Return what makes a SPARQL text unsafe for a read-only console, or ``None``.

    The text is parsed with rdflib's SPARQL grammar and the parsed query is searched, so
    escapes, comments, case and nesting (OPTIONAL, UNION, MINUS, FILTER EXISTS,
    subqueries) change nothing. Found: an update operation (``"INSERT"``, ``"LOAD"``,
    ...), ``"SERVICE"`` anywhere, and ``"FROM <iri>"`` / ``"GRAPH <iri>"`` naming an
    IRI outside :data:`LOCAL_IRI_PREFIXES`.

    Raises
    ------
    QueryError
        The text is neither a query nor an update.

    Examples
    --------
    >>> find_sparql_write("SELECT * { OPTIONAL { service <http://x/> { ?s ?p ?o } } }")
    'SERVICE'
    >>> find_sparql_write('SELECT ?s { ?s ?p "SERVICE <http://x/>" }')
    """
    kind, tree = _parse(sparql_text(text))
    if kind == "update":
        for operation in tree["request"]:
            name = getattr(operation, "name", "")
            if name == "Modify":
                return "DELETE" if "delete" in operation else "INSERT"
            return _UPDATE_WORDS.get(name, name.upper() or "UPDATE")
        return "UPDATE"
    for element in _walk(tree):
        if element.name == "ServiceGraphPattern":
            return "SERVICE"
        if element.name == "DatasetClause":
            for key in ("default", "named"):
                if key in element and not _is_local(element[key]):
                    return f"FROM <{element[key]}>"
        if element.name == "GraphGraphPattern" and not _is_local(element["term"]):
            return f"GRAPH <{element['term']}>"
    return None


def _statement_count(tokens: list[Token]) -> int:
    count, pending = 0, False
    for token in tokens:
        if token.text == ";":
            count, pending = count + pending, False
        else:
            pending = True
    return count + pending


def check_cypher(text: str) -> None:
    """Raise unless ``text`` is one read-only Cypher statement.

    Raises
    ------
    ReadOnlyError
        The statement writes (see :func:`find_cypher_write`).
    QueryError
        The text is empty or holds several statements.
    """
    tokens = cypher_tokens(text)
    if not tokens:
        raise QueryError("empty Cypher query")
    found = find_cypher_write(text)
    if found:
        raise ReadOnlyError(f"{found} is not allowed: the Cypher console is read-only")
    if _statement_count(tokens) > 1:
        raise QueryError("one Cypher statement at a time, please (found a ';' between two)")


def check_sparql(text: str) -> str:
    """Return the text to run if it is a read-only SPARQL query over this graph alone.

    The text returned is :func:`sparql_text` of ``text``: run that, not ``text``, so the
    engine reads exactly what was checked.

    Raises
    ------
    ReadOnlyError
        The text is an update, uses SERVICE, or names another dataset in FROM or GRAPH
        (see :func:`find_sparql_write`).
    QueryError
        The text is empty or not valid SPARQL.
    """
    if not text.strip() or not sparql_tokens(text):
        raise QueryError("empty SPARQL query")
    found = find_sparql_write(text)
    if found == "SERVICE":
        raise ReadOnlyError("SERVICE is not allowed: the SPARQL console only queries this graph")
    if found and found.startswith(("FROM", "GRAPH")):
        raise ReadOnlyError(f"{found} is not allowed: the SPARQL console only queries this graph")
    if found:
        raise ReadOnlyError(f"{found} is not allowed: the SPARQL console is read-only")
    return sparql_text(text)


__all__ = [
    "CYPHER_READ_PROCEDURES",
    "CYPHER_WRITE_WORDS",
    "LOCAL_IRI_PREFIXES",
    "Token",
    "check_cypher",
    "check_sparql",
    "cypher_tokens",
    "find_cypher_write",
    "find_sparql_write",
    "sparql_text",
    "sparql_tokens",
]
