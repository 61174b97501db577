"""The explorer under ``streamlit.testing.v1.AppTest``, over a graph built once from ``data/raw/``."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "src" / "aigraph" / "app" / "streamlit_app.py"
GRAPH_ENV = "AIGRAPH_GRAPH_DIR"


def build_sample_graph(out: Path) -> Path:
    """Build ``data/raw/`` into ``out`` the way ``aigraph build`` does; return ``out``."""
    from aigraph.build import build_graph

    result = build_graph(ROOT / "data" / "raw", out)
    assert not result.errors, result.errors
    return out


@pytest.fixture(scope="session")
def graph_dir(tmp_path_factory) -> Path:
    return build_sample_graph(tmp_path_factory.mktemp("explorer") / "graph")


@pytest.fixture(scope="session")
def graph(graph_dir):
    from aigraph.graph import load_graph

    return load_graph(graph_dir)


@pytest.fixture
def open_app(monkeypatch, graph_dir):
    """Return a function that starts the app on one page (with optional query params) over a graph dir."""
    from streamlit.testing.v1 import AppTest

    def start(page: str | None = None, directory: Path | None = None, **query: str) -> AppTest:
        monkeypatch.setenv(GRAPH_ENV, str(directory or graph_dir))
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        if page is not None or query:
            at.query_params.update(query)
            at.switch_page(f"views/{page or 'overview'}.py").run()
        return at

    return start

