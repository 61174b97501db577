"""`aigraph query`, `aigraph ask` and `aigraph neo4j push`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from aigraph.cli._app import app
from aigraph.errors import QueryError

neo4j_app = typer.Typer(help="Load the built graph into a Neo4j server.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

GraphOption = Annotated[Path, typer.Option("--graph", help="Graph folder written by `aigraph build`.")]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds before a query is stopped (0: no limit).", min=0)
]


#: Rows `aigraph query` prints unless told otherwise.
DEFAULT_MAX_ROWS = 10_000


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Via(str, Enum):
    graph = "graph"
    sparql = "sparql"
    cypher = "cypher"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: Format, *, title: str | None = None) -> None:
    """Write rows to stdout as a rich table, CSV or a JSON list of objects."""
    if fmt is Format.json:
        records = [dict(zip(columns, row)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(v) for v in row))
        Console(soft_wrap=False).print(table)


def _query_text(text: str) -> str:
    return sys.stdin.read() if text == "-" else text


@app.command("query")
def query(
    sparql: Annotated[Optional[str], typer.Option("--sparql", help="A SPARQL query ('-': read stdin).")] = None,
    cypher: Annotated[Optional[str], typer.Option("--cypher", help="A Cypher query ('-': read stdin).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="How to print the rows.")] = Format.table,
    graph: GraphOption = Path("data/graph"),
    timeout: TimeoutOption = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Most rows to print; the query stops there (0: no cap).", min=0)
    ] = DEFAULT_MAX_ROWS,
) -> None:
    """Run a read-only SPARQL or Cypher query on a built graph."""
    if (sparql is None) == (cypher is None):
        raise QueryError("give exactly one of --sparql or --cypher")
    limit = timeout or None
    cap = max_rows or None
    if sparql is not None:
        from aigraph.rdf import SparqlStore

        with SparqlStore(graph, workers=1) as store:
            columns, rows = store.query(_query_text(sparql), timeout=limit, max_rows=cap)
    else:
        from aigraph.cypher import CypherStore

        with CypherStore(graph) as store:
            columns, rows = store.query(_query_text(cypher or ""), timeout=limit, max_rows=cap)
    if cap is not None and len(rows) > cap:
        rows = rows[:cap]
        typer.echo(f"Showing the first {cap:,} rows; there are more (raise --max-rows).", err=True)
    render(columns, rows, fmt)


def _questions_help() -> str:
    from aigraph.questions import QUESTIONS

    lines = [f"{q.name} {q.arg.upper()}: {q.help}" for q in QUESTIONS.values()]
    return "Questions:\n\n" + "\n\n".join(lines)


@app.command("ask", epilog=_questions_help())
def ask(
    question: Annotated[str, typer.Argument(help="Which question (see below).")],
    arg: Annotated[Optional[str], typer.Argument(help="Its argument: a name or alias, or a year (hit-rate: optional).")] = None,
    via: Annotated[Via, typer.Option("--via", help="Answer with networkx, SPARQL or Cypher.")] = Via.graph,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="How to print the rows.")] = Format.table,
    graph: GraphOption = Path("data/graph"),
    timeout: TimeoutOption = 10.0,
) -> None:
    """Answer a canned question on a built graph; the three --via give the same rows."""
    from aigraph.questions import ask as ask_question
    from aigraph.questions import get_question

    spec = get_question(question)
    try:
        rows = ask_question(question, arg, via=via.value, graph_dir=graph, timeout=timeout or None)
    finally:
        from aigraph.questions import close_stores

        close_stores()
    columns = list(spec.columns)
    render(columns, [[row[c] for c in columns] for row in rows], fmt, title=f"{question} {arg or ''}".strip())


@neo4j_app.command("push")
def neo4j_push(
    graph: GraphOption = Path("data/graph"),
    uri: Annotated[Optional[str], typer.Option("--uri", help=r"Server URI \[env NEO4J_URI; bolt://localhost:7687].")] = None,
    user: Annotated[Optional[str], typer.Option("--user", help=r"User \[env NEO4J_USER; neo4j].")] = None,
    password: Annotated[Optional[str], typer.Option("--password", help=r"Password \[env NEO4J_PASSWORD].")] = None,
    database: Annotated[Optional[str], typer.Option("--database", help=r"Database \[env NEO4J_DATABASE].")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Rows per transaction.", min=1)] = 1000,
) -> None:
    """Load the built graph into a Neo4j server (idempotent: pushing again changes nothing)."""
    import logging

    from aigraph.cypher import neo4j_push as push

    # The driver logs connection failures as warnings; the error below says it in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    from aigraph.graph import load_graph

    summary = push(load_graph(graph), uri, user, password, database=database, batch_size=batch_size)
    typer.echo(
        f"Pushed {summary.nodes} nodes and {summary.relationships} relationships to {summary.uri} "
        f"in {summary.batches} batches ({summary.nodes_created} nodes and "
        f"{summary.relationships_created} relationships created, {summary.properties_set} properties set)"
    )

