"""A real explorer server over a graph built from ``data/raw/``, and a headless Chromium to drive it."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Debian's chromium package; AIGRAPH_CHROMIUM points elsewhere.
CHROMIUM = Path(os.environ.get("AIGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def graph_dir(tmp_path_factory) -> Path:
    from aigraph.build import build_graph

    out = tmp_path_factory.mktemp("browser") / "graph"
    result = build_graph(ROOT / "data" / "raw", out)
    assert not result.errors, result.errors
    return out


def wait_until_healthy(base: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Wait until Streamlit answers its health check (fail if it exits or takes too long)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"the explorer exited with code {process.returncode} before serving")
        if time.monotonic() > deadline:
            raise RuntimeError("the explorer did not answer its health check in time")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def server(graph_dir):
    """Start the explorer with ``subprocess.Popen`` (no shell) on a free port; yield its base URL."""
    from aigraph.cli.explore_cmd import app_path, free_port, streamlit_command, streamlit_env

    port = free_port()
    env = streamlit_env(graph_dir)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    command = streamlit_command(app_path(), host="127.0.0.1", port=port)
    assert "--server.headless" in command
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab; every URL it requests is recorded in ``page.requested``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.requested = requested
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK):
        return
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` to run the browser test"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
