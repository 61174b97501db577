import pytest

from aigraph.explore.console import MAX_QUERY_CHARS, MAX_ROWS


def run(at, language, text, params=""):
    at.text_area(key=f"{language}_text").set_value(text)
    at.text_input(key=f"{language}_params").set_value(params)
    at.button(key=f"{language}_run").click().run()
    assert not at.exception
    return at


@pytest.fixture
def query_page(open_app):
    return open_app("query")


@pytest.mark.parametrize("language", ["sparql", "cypher"])
def test_canned_example_runs_with_downloads(query_page, language):
    at = query_page
    assert at.selectbox(key=f"{language}_example").value.startswith("models-by-org DeepMind")
    at.button(key=f"{language}_run").click().run()
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert set(table["org"]) == {"DeepMind"} and len(table) > 10
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("CSV") == 1 and labels.count("JSON") == 1


def test_choosing_an_example_fills_the_console(query_page):
    at = query_page
    titles = at.selectbox(key="cypher_example").options
    mentions = next(t for t in titles if t.startswith("mentions"))
    at.selectbox(key="cypher_example").set_value(mentions).run()
    assert "MENTIONED_ON" in at.text_area(key="cypher_text").value
    assert at.text_input(key="cypher_params").value == '{"key": "alphafold"}'
    at.button(key="cypher_run").click().run()
    assert set(at.dataframe[0].value["entity"]) == {"AlphaFold"}


def test_malformed_query_shows_an_error_and_the_app_survives(query_page):
    at = run(query_page, "cypher", "MATCH (n RETURN n")
    assert "malformed Cypher" in at.error[0].value
    at = run(at, "sparql", "SELECT ?x WHERE { ?x")
    assert any("malformed SPARQL" in e.value for e in at.error)
    at = run(at, "cypher", "MATCH (m:Model) RETURN m.name AS name ORDER BY name LIMIT 3")
    assert len(at.dataframe[0].value) == 3


@pytest.mark.parametrize(
    ("language", "text", "refused"),
    [
        ("cypher", "MATCH (n:Model) DETACH DELETE n", "DETACH DELETE is not allowed"),
        ("cypher", "CREATE (:Model {id: 'x', name: 'x'})", "CREATE is not allowed"),
        ("sparql", "DELETE WHERE { ?s ?p ?o }", "DELETE is not allowed"),
    ],
)
def test_write_query_is_refused(query_page, language, text, refused):
    at = run(query_page, language, text)
    assert refused in at.error[0].value and "ReadOnlyError" in at.error[0].value
    # Nothing was deleted: the graph still answers.
    at = run(at, "cypher", "MATCH (n:Model) RETURN count(*) AS models")
    assert at.dataframe[0].value["models"][0] > 100


def test_over_long_query_and_bad_parameters(query_page):
    at = run(query_page, "sparql", "SELECT * WHERE { ?s ?p ?o }" + " " * MAX_QUERY_CHARS)
    assert "characters long" in at.error[0].value
    at = run(at, "cypher", "RETURN $x AS x", params="[1]")
    assert "JSON object" in at.error[-1].value


def test_huge_result_is_capped_with_a_note(query_page):
    at = run(query_page, "sparql", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(at.dataframe[0].value) == MAX_ROWS
    assert f"Showing the first {MAX_ROWS:,} of" in at.warning[0].value


def test_slow_query_is_stopped_and_the_console_carries_on(query_page):
    at = query_page
    at.number_input(key="sparql_timeout").set_value(1.0)
    at = run(at, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert "QueryTimeout" in at.error[0].value and "stopped after 1 s" in at.error[0].value
    at = run(at, "sparql", "ASK { ?s ?p ?o }")
    assert not at.error and at.dataframe[0].value["ask"][0]
