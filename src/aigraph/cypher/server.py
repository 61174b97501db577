"""Load a built graph into a Neo4j server with the official ``neo4j`` driver.

The work is planned by pure functions (:func:`push_plan`, :func:`batches`) and run by
:func:`neo4j_push`: one uniqueness constraint on ``id`` per label, then batched
``UNWIND $rows AS row MERGE ...`` per label and per (type, from label, to label), all
statements from :mod:`aigraph.cypher.statements`. Pushing the same graph twice leaves
the server as the first push left it.

Neo4j properties cannot hold maps, so an edge's evidence list goes in as JSON text
(``evidence``) next to its ``sentences`` (a list of strings).
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aigraph.cypher import statements as cy
from aigraph.errors import QueryError, StoreUnavailable

if TYPE_CHECKING:
    import networkx as nx

ENV_URI, ENV_USER, ENV_PASSWORD, ENV_DATABASE = "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Where and as whom to connect. ``password`` is ``None`` when none was given."""

    uri: str
    user: str
    password: str | None = field(default=None, repr=False)
    database: str | None = None


def connection_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
) -> Neo4jSettings:
    """Return the connection settings: explicit values first, then ``NEO4J_*`` variables.

    Examples
    --------
    >>> connection_settings(env={"NEO4J_URI": "neo4j://db:7687", "NEO4J_PASSWORD": "pw"})
    Neo4jSettings(uri='neo4j://db:7687', user='neo4j', database=None)
    >>> connection_settings("bolt://other:7687", env={"NEO4J_URI": "neo4j://db:7687"}).uri
    'bolt://other:7687'
    """
    env = os.environ if env is None else env
    return Neo4jSettings(
        uri=uri or env.get(ENV_URI) or DEFAULT_URI,
        user=user or env.get(ENV_USER) or DEFAULT_USER,
        password=password if password is not None else env.get(ENV_PASSWORD),
        database=database or env.get(ENV_DATABASE) or None,
    )


@dataclass(frozen=True, slots=True)
class PushStep:
    """One statement and the rows it runs over (in batches)."""

    what: str
    statement: str
    rows: list[dict[str, Any]]
    kind: str = "nodes"  # or "relationships"


@dataclass(slots=True)
class PushSummary:
    """What a push did."""

    uri: str
    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    constraints: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0


def _property(value: Any) -> Any:
    """Return a value Neo4j can store: primitives and lists of them; anything else as JSON."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, bool, int, float)) for v in value):
        kinds = {type(v) for v in value}
        if len(kinds) <= 1:
            return list(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def node_props(node_id: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Return a node's Neo4j properties: ``id`` and every attribute but ``label`` (pure).

    Examples
    --------
    >>> node_props("org:x", {"label": "Organization", "name": "X", "years": [2021], "kind": None})
    {'id': 'org:x', 'name': 'X', 'years': [2021]}
    """
    props = {"id": node_id}
    for key in sorted(attrs):
        if key not in ("label", "id"):
            value = _property(attrs[key])
            if value is not None:
                props[key] = value
    return props


def relationship_props(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Return an edge's Neo4j properties: count, curated, sentences, evidence as JSON (pure)."""
    evidence = list(attrs.get("evidence") or ())
    props: dict[str, Any] = {
        "count": int(attrs.get("count") or 0),
        "curated": bool(attrs.get("curated", False)),
        "sentences": [str(item.get("sentence", "")) for item in evidence],
        "evidence": json.dumps(evidence, sort_keys=True, ensure_ascii=False),
    }
    confidences = [item["confidence"] for item in evidence if isinstance(item.get("confidence"), (int, float))]
    if confidences:
        props["confidence"] = float(max(confidences))
    return props


def push_plan(graph: nx.MultiDiGraph) -> tuple[list[str], list[PushStep]]:
    """Return the constraints and the steps that load a graph into Neo4j (pure).

    Nodes come first (one step per label), then relationships (one step per type and
    pair of end labels, so each MATCH uses a label and its constraint's index).
    """
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, attrs in graph.nodes(data=True):
        nodes[str(attrs.get("label"))].append({"id": str(node_id), "props": node_props(str(node_id), attrs)})
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, attrs in graph.edges(data=True):
        key = (str(attrs.get("type")), str(graph.nodes[u].get("label")), str(graph.nodes[v].get("label")))
        rels[key].append({"from": str(u), "to": str(v), "props": relationship_props(attrs)})
    constraints = [cy.neo4j_constraint(label) for label in sorted(nodes)]
    steps = [
        PushStep(f"{label} nodes", cy.neo4j_merge_nodes(label), nodes[label]) for label in sorted(nodes)
    ]
    steps += [
        PushStep(
            f"{t} relationships ({a} -> {b})",
            cy.neo4j_merge_relationships(t, a, b),
            rels[(t, a, b)],
            "relationships",
        )
        for t, a, b in sorted(rels)
    ]
    return constraints, steps


def batches(rows: Sequence[Any], size: int) -> Iterator[list[Any]]:
    """Yield consecutive slices of at most ``size`` rows.

    Examples
    --------
    >>> [len(b) for b in batches(list(range(2500)), 1000)]
    [1000, 1000, 500]
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])


#: Seconds to open a connection and finish the Bolt handshake before giving up.
CONNECT_TIMEOUT = 3.0


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _unreachable_reason(err: BaseException) -> str:
    """Return the heart of a connection failure ("[Errno 111] Connection refused")."""
    text = _one_line(err)
    found = re.search(r"\(reason (.+?)\)\s*$", text)
    return found.group(1) if found else text


def _check_uri(uri: str) -> None:
    scheme = urlsplit(uri).scheme.lower()
    if scheme not in SCHEMES:
        raise StoreUnavailable(
            f"not a Neo4j URI: {uri!r} (use one of {', '.join(s + '://' for s in SCHEMES)})"
        )


def _write(tx: Any, statement: str, rows: list[dict[str, Any]]) -> Any:
    return tx.run(statement, rows=rows).consume().counters


def _driver(settings: Neo4jSettings) -> Any:
    """A driver for the server (not connected yet); a URI it cannot use is a StoreUnavailable."""
    import neo4j
    from neo4j.exceptions import DriverError

    auth = (settings.user, settings.password) if settings.password is not None else None
    try:
        return neo4j.GraphDatabase.driver(
            settings.uri,
            auth=auth,
            # A port where something else listens (and says nothing) must not stall the
            # push for the driver's default 60 s: fail within a few seconds instead.
            connection_timeout=CONNECT_TIMEOUT,
            connection_acquisition_timeout=CONNECT_TIMEOUT,
        )
    except (ValueError, DriverError) as err:
        raise StoreUnavailable(f"cannot use Neo4j URI {settings.uri!r}: {_one_line(err)}") from err


def _run_plan(session: Any, constraints: list[str], steps: list[PushStep], batch_size: int,
              progress: Callable[[str, int], None] | None, summary: PushSummary) -> None:
    """Run the constraints, then each step's rows in batches, counting into ``summary``."""
    for statement in constraints:
        session.run(statement).consume()
        summary.constraints += 1
    for step in steps:
        for batch in batches(step.rows, batch_size):
            counters = session.execute_write(_write, step.statement, batch)
            summary.batches += 1
            summary.nodes_created += counters.nodes_created
            summary.relationships_created += counters.relationships_created
            summary.properties_set += counters.properties_set
            if progress is not None:
                progress(step.what, len(batch))
        if step.kind == "nodes":
            summary.nodes += len(step.rows)
        else:
            summary.relationships += len(step.rows)


def neo4j_push(
    graph: nx.MultiDiGraph,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    *,
    database: str | None = None,
    batch_size: int = 1000,
    progress: Callable[[str, int], None] | None = None,
) -> PushSummary:
    """Load a graph into a Neo4j server: constraints, then batched, idempotent MERGEs.

    Parameters
    ----------
    graph
        A ``MultiDiGraph`` following ``docs/graph-model.md``.
    uri, user, password, database
        Where to connect; each falls back to ``NEO4J_URI`` (default
        ``bolt://localhost:7687``), ``NEO4J_USER`` (default ``neo4j``),
        ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` (the server's default).
    batch_size
        Rows per ``UNWIND $rows`` transaction.
    progress
        Called with (what, rows) after each batch.

    Returns
    -------
    PushSummary
        Nodes and relationships sent, batches run, and what the server changed.

    Raises
    ------
    StoreUnavailable
        The server cannot be reached, the URI is not a Neo4j URI, or the login was refused.
    QueryError
        The server refused a statement.
    """
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

    settings = connection_settings(uri, user, password, database)
    _check_uri(settings.uri)
    constraints, steps = push_plan(graph)
    summary = PushSummary(uri=settings.uri)
    with _driver(settings) as driver:
        try:
            driver.verify_connectivity()
            with driver.session(database=settings.database) as session:
                _run_plan(session, constraints, steps, batch_size, progress, summary)
        except AuthError as err:
            hint = "" if settings.password is not None else f" (no password given: set {ENV_PASSWORD})"
            raise StoreUnavailable(
                f"Neo4j at {settings.uri} refused the login for user {settings.user!r}{hint}"
            ) from err
        except (ServiceUnavailable, OSError) as err:
            raise StoreUnavailable(f"cannot reach Neo4j at {settings.uri}: {_unreachable_reason(err)}") from err
        except Neo4jError as err:
            raise QueryError(f"Neo4j refused the push: {_one_line(err)}") from err
        except DriverError as err:
            raise StoreUnavailable(f"Neo4j at {settings.uri} failed: {_one_line(err)}") from err
    return summary


__all__ = [
    "CONNECT_TIMEOUT",
    "Neo4jSettings",
    "PushStep",
    "PushSummary",
    "batches",
    "connection_settings",
    "neo4j_push",
    "node_props",
    "push_plan",
    "relationship_props",
]
