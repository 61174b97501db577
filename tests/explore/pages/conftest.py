"""The explorer's pages under ``streamlit.testing.v1.AppTest``, over ``data/raw/`` built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GRAPH_ENV = "AIGRAPH_GRAPH_DIR"


@pytest.fixture(scope="session")
def raw_graph_dir(tmp_path_factory) -> Path:
    from aigraph.build import build_graph

    out = tmp_path_factory.mktemp("pages") / "graph"
    result = build_graph(ROOT / "data" / "raw", out)
    assert not result.errors, result.errors
    return out


@pytest.fixture(scope="session")
def raw_graph(raw_graph_dir):
    from aigraph.graph import load_graph

    return load_graph(raw_graph_dir)


@pytest.fixture
def open_page(monkeypatch, raw_graph_dir):
    """Return a function that opens one page of the app (with query parameters) and runs it."""
    from streamlit.testing.v1 import AppTest

    from aigraph.app import entry_file

    def start(page: str, **query: str):
        monkeypatch.setenv(GRAPH_ENV, str(raw_graph_dir))
        at = AppTest.from_file(str(entry_file()), default_timeout=60).run()
        at.query_params.update(query)
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, at.exception
        return at

    return start


def texts(elements) -> list[str]:
    return [e.value for e in elements]
