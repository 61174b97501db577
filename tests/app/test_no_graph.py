import json

import pytest

PAGES = ["overview", "search", "entity", "organisation", "years", "graph", "query", "export"]


@pytest.mark.parametrize("page", PAGES)
def test_missing_graph_shows_guidance(open_app, tmp_path, page):
    at = open_app(page, directory=tmp_path / "nowhere")
    assert not at.exception
    assert "No graph to explore yet" in at.info[0].value
    assert "aigraph build" in at.code[0].value


def test_empty_graph_shows_guidance(open_app, tmp_path):
    (tmp_path / "graph.json").write_text(
        json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": [], "edges": []})
    )
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1}))
    at = open_app("overview", directory=tmp_path)
    assert not at.exception
    assert "is empty" in at.info[0].value
