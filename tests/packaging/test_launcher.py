"""The checkout's ``app/streamlit_app.py`` is a thin launcher: it runs the packaged explorer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "app" / "streamlit_app.py"


@pytest.fixture(scope="module")
def sample_graph_dir(tmp_path_factory) -> Path:
    from aigraph.build.stores import write_stores
    from aigraph.graph.paths import GraphPaths
    from aigraph.graph.sample import sample_graph
    from aigraph.graph.store import write_graph_json, write_manifest

    paths = GraphPaths(tmp_path_factory.mktemp("launcher") / "graph")
    paths.root.mkdir()
    graph = sample_graph()
    write_graph_json(graph, paths.graph_json)
    write_stores(graph, paths)
    write_manifest({"format": 1}, paths.manifest)
    return paths.root


def test_launcher_is_thin():
    code = [line for line in LAUNCHER.read_text().splitlines() if line and not line.startswith(("#", " "))]
    assert "from aigraph.app import entry_file" in code
    assert not (ROOT / "app" / "views").exists(), "the pages live in src/aigraph/app/views/"


def test_launcher_serves_the_packaged_pages(monkeypatch, sample_graph_dir):
    from streamlit.testing.v1 import AppTest

    from aigraph.app.explorer_support import PAGES

    monkeypatch.setenv("AIGRAPH_GRAPH_DIR", str(sample_graph_dir))
    at = AppTest.from_file(str(LAUNCHER), default_timeout=60).run()
    assert not at.exception
    assert any(str(sample_graph_dir) in caption.value for caption in at.sidebar.caption)
    at.switch_page(PAGES["search"]).run()
    assert not at.exception
    assert at.text_input, "the search page draws its search box"


def test_launcher_without_a_graph_shows_guidance(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("AIGRAPH_GRAPH_DIR", str(tmp_path / "none"))
    at = AppTest.from_file(str(LAUNCHER), default_timeout=60).run()
    assert not at.exception
    assert any("No graph to explore yet" in info.value for info in at.info)
