"""The wheel a user installs: every file of ``src/aigraph`` in it, and it works in a fresh virtualenv.

The editable checkout the other tests use reads data files from the source tree, so it
cannot show a file missing from the wheel. Here the wheel is built from a copy of the
tree (``pip wheel --no-deps``), installed with its dependencies into a new virtualenv
(no system site-packages, no ``src/`` on the path), and that install extracts a short
text and serves the explorer. Set ``AIGRAPH_SKIP_WHEEL_TEST=1`` to skip it (it adds
about half a minute, mostly pip installing the dependencies from its cache).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_ENV = "AIGRAPH_SKIP_WHEEL_TEST"

pytestmark = pytest.mark.skipif(
    bool(os.environ.get(SKIP_ENV)),
    reason=f"installed-wheel test skipped: {SKIP_ENV} is set (unset it to build the wheel and test it in a fresh virtualenv)",
)

#: A short report text of our own: names any curated gazetteer knows.
SAMPLE = """State of AI Report 2023

Slide 12: Google DeepMind released Gemini, and OpenAI developed GPT-4.
Slide 13: Meta released Llama 2 as an open model; Anthropic trained Claude 2.
"""


def _ignored(directory: str, names: list[str]) -> set[str]:
    return {name for name in names if name == "__pycache__" or name.endswith((".pyc", ".egg-info"))}


def source_files(src: Path) -> set[str]:
    """Return every file under ``src/aigraph`` (as wheel names, ``aigraph/...``), caches aside."""
    return {
        path.relative_to(src).as_posix()
        for path in (src / "aigraph").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo")
    }


def scratch_parent() -> str | None:
    """Return ``/dev/shm`` when it is a memory file system with room, else ``None`` (the usual temp dir).

    The virtualenv is ~0.8 GB in ~11,000 files: on a busy disk writing and deleting them
    takes longer than the test itself, in memory about a second.
    """
    shm = Path("/dev/shm")
    try:
        room = shutil.disk_usage(shm).free
    except OSError:
        return None
    return str(shm) if room > 3 * 2**30 and os.access(shm, os.W_OK) else None


@pytest.fixture(scope="module")
def workdir():
    """A scratch folder for the copy, the wheel and the virtualenv (removed afterwards)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="aigraph-wheel-", dir=scratch_parent()) as tmp:
        yield Path(tmp)


@pytest.fixture(scope="module")
def tree(workdir) -> Path:
    """A copy of what a fresh clone builds from, so the build leaves nothing in the checkout."""
    copy = workdir / "tree"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "src", copy / "src", ignore=_ignored)
    return copy


@pytest.fixture(scope="module")
def wheel(tree, workdir) -> Path:
    out = workdir / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(tree)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = out.glob("aigraph-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, workdir) -> Path:
    """A fresh virtualenv with the wheel and its dependencies really installed by pip."""
    home = workdir / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True)
    python = home / "bin" / "python"
    # This process's pip installs into the new environment (--python), from the index or
    # pip's cache and find-links; --no-compile skips byte-compiling every dependency.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-compile", str(wheel)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return home


def clean_env() -> dict[str, str]:
    """The environment of a user's shell: nothing pointing back at this checkout or its venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "AIGRAPH_APP", "AIGRAPH_GRAPH_DIR")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def test_wheel_holds_every_file_of_the_package(wheel, tree):
    with zipfile.ZipFile(wheel) as archive:
        packaged = {name for name in archive.namelist() if name.startswith("aigraph/")}
    expected = source_files(tree / "src")
    assert packaged == expected, {"missing": sorted(expected - packaged), "extra": sorted(packaged - expected)}
    # The files a user hits first when one is missing.
    assert any(name.startswith("aigraph/lexicon/") and name.endswith(".txt") for name in packaged)
    assert "aigraph/app/streamlit_app.py" in packaged and "aigraph/app/views/overview.py" in packaged


@pytest.fixture(scope="module")
def sample_raw(workdir) -> Path:
    raw = workdir / "raw"
    raw.mkdir()
    (raw / "State-of-AI-Report-2023.txt").write_text(SAMPLE)
    return raw


@pytest.fixture(scope="module")
def installed_graph(venv, sample_raw, workdir) -> Path:
    """The sample built by the installed ``aigraph build``."""
    graph = workdir / "graph"
    built = subprocess.run([str(venv / "bin" / "aigraph"), "build", str(sample_raw), "--out", str(graph)],
                           capture_output=True, text=True, env=clean_env(), cwd=workdir)
    assert built.returncode == 0, built.stderr[-3000:]
    return graph


def test_installed_wheel_extracts(venv, sample_raw, tmp_path):
    env = clean_env()
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import aigraph; print(aigraph.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    extracted = subprocess.run([str(venv / "bin" / "aigraph"), "extract", str(sample_raw), "--json"],
                               capture_output=True, text=True, env=env, cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    (document,) = json.loads(extracted.stdout)["documents"]
    names = {(entity["label"], entity["name"]) for entity in document["entities"]}
    assert ("ORG", "OpenAI") in names, names
    assert any(label == "MODEL" for label, _ in names), names


def test_installed_wheel_serves_the_explorer(venv, installed_graph, tmp_path):
    from aigraph.cli.explore_cmd import free_port, port_is_free

    env = clean_env()
    aigraph = str(venv / "bin" / "aigraph")
    graph = installed_graph
    port = free_port()
    server = subprocess.Popen([aigraph, "explore", "--graph", str(graph), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, f"aigraph explore exited: {server.stdout.read()[-3000:]}"
            assert time.monotonic() < deadline, "the installed explorer did not come up"
            time.sleep(0.3)
        with urllib.request.urlopen(base + "/", timeout=10) as response:
            assert response.status == 200
            assert "<html" in response.read().decode("utf-8", "replace").lower()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
    assert server.returncode == 0 or server.returncode < 0, server.returncode
    assert port_is_free("127.0.0.1", port), "the explorer still listens after aigraph explore stopped"
