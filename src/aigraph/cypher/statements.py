"""The Cypher texts of the stores: pure functions and constants, values always bound.

Two groups: the LadybugDB schema and bulk load (``create_*``, ``copy_statement``) and
the Neo4j push (``neo4j_*``). The canned questions' Cypher is declared with each
question, in :mod:`aigraph.questions.catalog`.
Labels and relationship types cannot be query parameters in Cypher, so they are checked
against :func:`identifier` and quoted; every value goes in ``$parameters``.
"""

from __future__ import annotations

import re

from aigraph.errors import GraphError

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def identifier(name: str) -> str:
    """Return ``name`` quoted for Cypher, after checking it is a plain identifier.

    Examples
    --------
    >>> identifier("Organization")
    '`Organization`'
    >>> identifier("Bad`Label")
    Traceback (most recent call last):
    ...
    aigraph.errors.GraphError: not a valid label or relationship type: 'Bad`Label'
    """
    if not _IDENTIFIER.fullmatch(name):
        raise GraphError(f"not a valid label or relationship type: {name!r}")
    return f"`{name}`"


# -- LadybugDB schema -------------------------------------------------------------------

#: Columns every node table has (``keys``: lower-cased name and aliases, for look-up).
BASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "STRING"),
    ("name", "STRING"),
    ("aliases", "STRING[]"),
    ("years", "INT64[]"),
    ("keys", "STRING[]"),
)

#: Extra columns per node label; every other label gets :data:`ENTITY_COLUMNS`.
LABEL_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "Report": (
        ("year", "INT64"),
        ("title", "STRING"),
        ("source", "STRING"),
        ("sha256", "STRING"),
        ("sources", "STRING[]"),
    ),
    "Slide": (("year", "INT64"), ("number", "INT64"), ("section", "STRING"), ("title", "STRING")),
    # Predictions and the grades later reports give them (aigraph.graph.forecasts).
    "Prediction": (("text", "STRING"), ("year", "INT64"), ("slide", "INT64"), ("number", "INT64")),
    "Outcome": (("text", "STRING"), ("grade", "STRING"), ("evidence", "STRING"), ("year", "INT64"),
                ("slide", "INT64")),
}

ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "STRING"),
    ("value", "DOUBLE"),
    ("unit", "STRING"),
    ("measure", "STRING"),
    ("text", "STRING"),
    ("year", "INT64"),
)

#: Outside facts a Model node may carry (:mod:`aigraph.graph.outside`, e.g. Epoch AI's),
#: each from the source its ``facts_source`` names; the Model table has them after
#: :data:`ENTITY_COLUMNS`.
OUTSIDE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date_published", "STRING"),
    ("parameters", "DOUBLE"),
    ("training_compute", "DOUBLE"),
    ("domain", "STRING[]"),
    ("paper_title", "STRING"),
    ("link", "STRING"),
    ("arxiv_id", "STRING"),
    ("epoch_organizations", "STRING[]"),
    ("epoch_countries", "STRING[]"),
    ("epoch_id", "STRING"),
    ("facts_source", "STRING"),
)
LABEL_COLUMNS["Model"] = ENTITY_COLUMNS + OUTSIDE_COLUMNS

#: The fields of one evidence item, as stored in a relationship's ``evidence`` list.
EVIDENCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("year", "INT64"),
    ("slide", "INT64"),
    ("source", "STRING"),
    ("start", "INT64"),
    ("end", "INT64"),
    ("sentence", "STRING"),
    ("extractor", "STRING"),
    ("confidence", "DOUBLE"),
)

#: Columns every relationship table has.
REL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("count", "INT64"),
    ("curated", "BOOLEAN"),
    ("evidence", "STRUCT(" + ", ".join(f"`{n}` {t}" for n, t in EVIDENCE_FIELDS) + ")[]"),
)


def node_columns(label: str) -> tuple[tuple[str, str], ...]:
    """Return the (name, type) columns of a label's node table, ``id`` first."""
    return BASE_COLUMNS + LABEL_COLUMNS.get(label, ENTITY_COLUMNS)


def create_node_table(label: str) -> str:
    """Return the DDL of a label's node table.

    Examples
    --------
    >>> create_node_table("Slide")[:60]
    'CREATE NODE TABLE `Slide`(`id` STRING, `name` STRING, `alias'
    """
    columns = ", ".join(f"`{name}` {kind}" for name, kind in node_columns(label))
    return f"CREATE NODE TABLE {identifier(label)}({columns}, PRIMARY KEY(`id`))"


def create_rel_table(rel_type: str, pairs: list[tuple[str, str]]) -> str:
    """Return the DDL of a relationship table connecting each (from, to) label pair.

    Examples
    --------
    >>> create_rel_table("DEVELOPED", [("Organization", "Model")])[:68]
    'CREATE REL TABLE `DEVELOPED`(FROM `Organization` TO `Model`, `count`'
    """
    ends = ", ".join(f"FROM {identifier(a)} TO {identifier(b)}" for a, b in pairs)
    columns = ", ".join(f"`{name}` {kind}" for name, kind in REL_COLUMNS)
    return f"CREATE REL TABLE {identifier(rel_type)}({ends}, {columns})"


#: A bulk load runs in one transaction and checkpoints once at the end.
BEGIN = "BEGIN TRANSACTION"
COMMIT = "COMMIT"
CHECKPOINT = "CHECKPOINT"


def copy_statement(table: str, pair: tuple[str, str] | None = None, *, source: str = "$rows") -> str:
    """Return the bulk load of a table from ``source``: the Arrow table bound to ``$rows``,
    or a file path written as a Cypher string literal.

    Examples
    --------
    >>> copy_statement("MENTIONED_ON", ("Model", "Slide"))
    "COPY `MENTIONED_ON` FROM $rows (from='Model', to='Slide')"
    """
    text = f"COPY {identifier(table)} FROM {source}"
    if pair is not None:
        identifier(pair[0]), identifier(pair[1])
        text += f" (from='{pair[0]}', to='{pair[1]}')"
    return text


# -- Neo4j push -------------------------------------------------------------------------


def neo4j_constraint(label: str) -> str:
    """Return the uniqueness constraint on ``id`` for a label (idempotent).

    Examples
    --------
    >>> neo4j_constraint("Model")
    'CREATE CONSTRAINT aigraph_Model_id IF NOT EXISTS FOR (n:`Model`) REQUIRE n.id IS UNIQUE'
    """
    return f"CREATE CONSTRAINT aigraph_{label}_id IF NOT EXISTS FOR (n:{identifier(label)}) REQUIRE n.id IS UNIQUE"


def neo4j_merge_nodes(label: str) -> str:
    """Return the batched node upsert: ``$rows`` is a list of ``{id, props}``.

    ``SET n = row.props`` replaces every property, so a second push of the same graph
    leaves each node exactly as it was.
    """
    return f"UNWIND $rows AS row MERGE (n:{identifier(label)} {{id: row.id}}) SET n = row.props"


def neo4j_merge_relationships(rel_type: str, from_label: str, to_label: str) -> str:
    """Return the batched relationship upsert: ``$rows`` is a list of ``{from, to, props}``."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{identifier(from_label)} {{id: row.from}}) "
        f"MATCH (b:{identifier(to_label)} {{id: row.to}}) "
        f"MERGE (a)-[r:{identifier(rel_type)}]->(b) SET r = row.props"
    )


__all__ = [
    "BASE_COLUMNS",
    "BEGIN",
    "CHECKPOINT",
    "COMMIT",
    "ENTITY_COLUMNS",
    "EVIDENCE_FIELDS",
    "LABEL_COLUMNS",
    "OUTSIDE_COLUMNS",
    "REL_COLUMNS",
    "copy_statement",
    "create_node_table",
    "create_rel_table",
    "identifier",
    "neo4j_constraint",
    "neo4j_merge_nodes",
    "neo4j_merge_relationships",
    "node_columns",
]
