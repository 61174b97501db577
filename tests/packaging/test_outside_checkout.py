"""`aigraph explore` started outside the checkout (no ``.streamlit/config.toml`` to read).

Its command line alone must keep Streamlit's Deploy button and error details away from
browser users. Drives a real Chromium (Debian's ``chromium``); skipped without it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("AIGRAPH_CHROMIUM", "/usr/bin/chromium"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                       reason=f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` to run this test"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``aigraph explore`` over a small graph, run from a folder with no Streamlit config."""
    from aigraph.cli.explore_cmd import free_port
    from aigraph.build.stores import write_stores
    from aigraph.graph.paths import GraphPaths
    from aigraph.graph.sample import sample_graph
    from aigraph.graph.store import write_graph_json, write_manifest

    home = tmp_path_factory.mktemp("outside")
    paths = GraphPaths(home / "graph")
    paths.root.mkdir()
    graph = sample_graph()
    write_graph_json(graph, paths.graph_json)
    write_stores(graph, paths)
    write_manifest({"format": 1}, paths.manifest)
    assert not (home / ".streamlit").exists()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    process = subprocess.Popen([sys.executable, "-m", "aigraph", "explore", "--graph", str(paths.root), "--port", str(port)],
                               cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            assert process.poll() is None, f"aigraph explore exited with code {process.returncode}"
            assert time.monotonic() < deadline, "the explorer did not come up"
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_no_deploy_button_outside_the_checkout(served):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = chromium.new_page()
            page.set_default_timeout(60_000)
            page.goto(served + "/")
            expect(page.get_by_role("heading", name="aigraph explorer").first).to_be_visible()
            page.wait_for_timeout(1000)  # the toolbar is drawn with the page's first elements
            assert page.get_by_text("Deploy", exact=True).count() == 0
        finally:
            chromium.close()
