"""`aigraph explore`: refuses without a graph, and serves the app on 127.0.0.1 when there is one."""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from aigraph.cli import main
from aigraph.cli.explore_cmd import app_path, explorer_url, free_port, port_is_free, streamlit_command, streamlit_env


def test_missing_graph_says_to_build(tmp_path, capsys):
    assert main(["explore", "--graph", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "no graph at" in err and "aigraph build" in err


def test_port_in_use_is_one_clear_line(tmp_path, capsys):
    import socket

    (tmp_path / "graph.json").write_text("{}")
    (tmp_path / "manifest.json").write_text("{}")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not port_is_free("127.0.0.1", port)
        assert main(["explore", "--graph", str(tmp_path), "--port", str(port)]) == 1
    assert f"port {port} on 127.0.0.1 is in use" in capsys.readouterr().err


def test_command_line_and_environment(tmp_path):
    command = streamlit_command(app_path(), host="127.0.0.1", port=8600)
    assert command[:5] == [sys.executable, "-m", "aigraph.explore.serve", "run", str(app_path())]
    pairs = dict(zip(command[5::2], command[6::2]))
    assert pairs["--server.address"] == "127.0.0.1"
    assert pairs["--server.headless"] == "true"
    assert pairs["--browser.gatherUsageStats"] == "false"
    # Outside the checkout no .streamlit/config.toml is read: no tracebacks, no Deploy button.
    assert pairs["--client.showErrorDetails"] == "false"
    assert pairs["--client.toolbarMode"] == "minimal"
    assert pairs["--server.fileWatcherType"] == "none"
    env = streamlit_env(tmp_path, base={})
    assert env == {"AIGRAPH_GRAPH_DIR": str(tmp_path.resolve()), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
                   "STREAMLIT_SERVER_HEADLESS": "true"}
    assert explorer_url("0.0.0.0", 80) == "http://127.0.0.1:80"
    assert explorer_url("::1", 8501) == "http://[::1]:8501"


def test_app_is_the_packaged_one(monkeypatch):
    import aigraph

    monkeypatch.delenv("AIGRAPH_APP", raising=False)
    path = app_path()
    assert path.is_file() and path.name == "streamlit_app.py"
    assert path.parent == Path(aigraph.__file__).resolve().parent / "app"
    assert (path.parent / "views" / "overview.py").is_file()


def test_app_file_override(monkeypatch, tmp_path):
    from aigraph.cli.explore_cmd import ExplorerError

    monkeypatch.setenv("AIGRAPH_APP", str(tmp_path / "missing.py"))
    with pytest.raises(ExplorerError, match="AIGRAPH_APP"):
        app_path()


@pytest.fixture(scope="module")
def sample_graph_dir(tmp_path_factory):
    from aigraph.build.stores import write_stores
    from aigraph.graph.paths import GraphPaths
    from aigraph.graph.sample import sample_graph
    from aigraph.graph.store import write_graph_json, write_manifest

    paths = GraphPaths(tmp_path_factory.mktemp("explore") / "graph")
    paths.root.mkdir()
    graph = sample_graph()
    write_graph_json(graph, paths.graph_json)
    write_stores(graph, paths)
    write_manifest({"format": 1}, paths.manifest)
    return paths.root


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


def test_explore_serves_the_app_and_stops_with_its_process(sample_graph_dir, tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "explore", "--graph", str(sample_graph_dir), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
    )
    servers: list[psutil.Process] = []
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"aigraph explorer: http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(f"http://127.0.0.1:{port}/_stcore/health") == (200, "ok"):
                    break
            except OSError:
                pass
            assert process.poll() is None, "aigraph explore exited early"
            assert time.monotonic() < deadline, "the explorer did not come up"
            time.sleep(0.3)
        status, page = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and "<html" in page.lower()
        servers = psutil.Process(process.pid).children(recursive=True)
        assert any("aigraph.explore.serve" in " ".join(child.cmdline()) for child in servers)
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    # Stopping aigraph stopped Streamlit too.
    _, alive = psutil.wait_procs(servers, timeout=10)
    assert not alive
    assert port_is_free("127.0.0.1", port)
