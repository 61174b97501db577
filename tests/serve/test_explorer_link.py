"""The explorer's Query page links to the endpoint when one serves its graph."""

from pathlib import Path

from aigraph.serve.registry import ENDPOINT_ENV, announce, withdraw

APP = Path(__file__).resolve().parents[2] / "src" / "aigraph" / "app" / "streamlit_app.py"


def query_page_captions(monkeypatch, graph_dir):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("AIGRAPH_GRAPH_DIR", str(graph_dir))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("views/query.py").run()
    assert not at.exception
    return " ".join(c.value for c in at.caption)


def test_query_page_links_to_a_running_endpoint(monkeypatch, graph_dir):
    monkeypatch.delenv(ENDPOINT_ENV, raising=False)
    assert "SPARQL endpoint" not in query_page_captions(monkeypatch, graph_dir)
    announce(graph_dir, "http://127.0.0.1:8123/sparql")  # as `aigraph serve` does while it runs
    try:
        assert "http://127.0.0.1:8123/sparql" in query_page_captions(monkeypatch, graph_dir)
    finally:
        withdraw(graph_dir)
    monkeypatch.setenv(ENDPOINT_ENV, "https://sparql.example/aigraph")
    assert "https://sparql.example/aigraph" in query_page_captions(monkeypatch, graph_dir)
