import csv
import io
import json

import pytest

from aigraph.errors import QueryError, ReadOnlyError
from aigraph.explore.console import (
    MAX_QUERY_CHARS,
    check_query_text,
    examples,
    parse_params,
    rows_to_csv,
    rows_to_json,
    run_console_query,
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory, graph):
    from aigraph.cypher import CypherStore
    from aigraph.build.stores import write_stores
    from aigraph.graph.paths import GraphPaths
    from aigraph.graph.store import write_graph_json, write_manifest
    from aigraph.rdf import SparqlStore

    paths = GraphPaths(tmp_path_factory.mktemp("console") / "graph")
    paths.root.mkdir()
    write_graph_json(graph, paths.graph_json)
    write_stores(graph, paths)
    write_manifest({"format": 1}, paths.manifest)
    opened = {"sparql": SparqlStore(paths.root), "cypher": CypherStore(paths.root)}
    yield opened
    for store in opened.values():
        store.close()


@pytest.mark.parametrize("language", ["sparql", "cypher"])
def test_examples_give_the_canned_answers(stores, graph, language):
    from aigraph.questions import QUESTIONS, answer, rows_as_dicts

    args = {"org": "DeepMind", "entity": "AlphaFold", "dataset": "ImageNet", "year": 2021}
    answered = 0
    for example in examples(language, **args):
        result = run_console_query(stores[language], example.text, language=language, params=example.params)
        assert result.total_rows == len(result.rows), example.key
        answered += bool(result.rows)
        if example.key == "counts":
            continue
        question_arg = args[QUESTIONS[example.key].arg]
        expected = answer(graph, example.key, question_arg)
        got = rows_as_dicts(example.key, list(result.columns), result.rows, question_arg)
        assert got == expected, example.key
    assert answered >= 7  # counts and the six questions this graph answers: the comparison means something


def test_row_cap_says_more_without_reading_everything(stores, graph):
    text = "MATCH (n) RETURN n.id AS id ORDER BY id"
    result = run_console_query(stores["cypher"], text, language="cypher", max_rows=5)
    assert len(result.rows) == 5 and result.truncated
    assert result.total_rows == 6  # the store stopped one row over the cap
    assert result.records()[0] == {"id": result.rows[0][0]}
    whole = run_console_query(stores["cypher"], text, language="cypher", max_rows=10_000)
    assert not whole.truncated and whole.total_rows == graph.number_of_nodes()
    sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    capped = run_console_query(stores["sparql"], sparql, language="sparql", max_rows=3)
    assert len(capped.rows) == 3 and capped.truncated


def test_nested_values_display_as_json(stores):
    result = run_console_query(stores["cypher"], "MATCH (n:Model) RETURN n.aliases AS aliases, n.name AS name "
                               "ORDER BY name", language="cypher")
    shown = result.display_rows()
    assert all(isinstance(row["aliases"], str) for row in shown)
    assert json.loads(shown[0]["aliases"]) == list(result.rows[0][0])


@pytest.mark.parametrize(
    ("language", "text", "error"),
    [
        ("cypher", "CREATE (n:Model {id: 'x'})", ReadOnlyError),
        ("cypher", "MATCH (n) DETACH DELETE n", ReadOnlyError),
        ("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", ReadOnlyError),
        ("cypher", "MATCH (n RETURN n", QueryError),
        ("sparql", "SELECT ?x WHERE { ?x", QueryError),
        ("sparql", "   ", QueryError),
        ("sparql", "#" * (MAX_QUERY_CHARS + 1), QueryError),
    ],
)
def test_bad_queries_raise_one_clear_error(stores, language, text, error):
    with pytest.raises(error) as info:
        run_console_query(stores[language], text, language=language)
    assert "\n" not in str(info.value)


def test_store_still_answers_after_errors(stores):
    for language, text in (("cypher", "MATCH (n RETURN n"), ("sparql", "SELECT ?x WHERE { ?x")):
        with pytest.raises(QueryError):
            run_console_query(stores[language], text, language=language)
    assert run_console_query(stores["cypher"], "RETURN 1 AS one", language="cypher").rows == ((1,),)
    ask = run_console_query(stores["sparql"], "ASK { ?s ?p ?o }", language="sparql")
    assert ask.rows == ((True,),)


def test_check_query_text_and_params():
    with pytest.raises(QueryError, match="unknown query language"):
        check_query_text("x", "gremlin")
    assert check_query_text("x" * MAX_QUERY_CHARS, "cypher")
    with pytest.raises(QueryError, match="JSON object"):
        parse_params("[1, 2]")
    with pytest.raises(QueryError, match="not valid JSON"):
        parse_params("{key: 1}")
    with pytest.raises(QueryError):
        examples("gremlin")


def test_csv_and_json_round_trip():
    columns = ("name", "years", "value")
    rows = [("Gemini, Ultra", [2023, 2024], None), ('Say "hi"', [], 1.5)]
    back = list(csv.DictReader(io.StringIO(rows_to_csv(columns, rows))))
    assert back[0] == {"name": "Gemini, Ultra", "years": "[2023, 2024]", "value": ""}
    assert back[1]["name"] == 'Say "hi"'
    assert json.loads(rows_to_json(columns, rows)) == [dict(zip(columns, row)) for row in rows]


def test_parameters_the_query_does_not_use_are_left_out(stores):
    for language, text in (("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                           ("cypher", "MATCH (n) RETURN count(*) AS n")):
        result = run_console_query(stores[language], text, language=language, params={"key": "deepmind"})
        assert result.rows[0][0] > 0 and result.unused_params == ("key",)
