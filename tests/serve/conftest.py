"""A versioned graph directory of the sample graph, and the endpoint serving it on loopback.

The server is the real thing: uvicorn running :func:`aigraph.serve.create_app` in a
thread of the test process, listening on 127.0.0.1 on a port the kernel picked.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from aigraph.graph.paths import CURRENT_LINK, GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_graph_json, write_manifest
from aigraph.questions import close_stores
from aigraph.rdf import write_store, write_turtle

#: A query time limit long enough for every honest query on the sample graph.
TEST_TIMEOUT = 3.0


def write_version(graph, out):
    """Write ``graph`` as a new build folder of ``out`` and switch ``current`` to it in one rename.

    The layout ``aigraph build`` leaves (see :mod:`aigraph.graph.paths`): build folders
    beside a ``current`` link that one ``os.replace`` moves to the new folder.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="v", dir=out))
    paths = GraphPaths(folder)
    write_graph_json(graph, paths.graph_json)
    write_turtle(graph, paths.turtle)
    write_store(graph, folder)
    write_manifest({"format": 1, "built_at": "2026-01-01T00:00:00+00:00",
                    "counts": {"total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges(),
                               "nodes": {}, "edges": {}}, "inputs": []}, paths.manifest)
    link = out / f".link-{folder.name}"
    os.symlink(folder.name, link)
    os.replace(link, out / CURRENT_LINK)
    return out


class ServerThread:
    """uvicorn serving an app on 127.0.0.1 in a daemon thread, until :meth:`stop`."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="critical", http="h11", lifespan="on",
                                h11_max_incomplete_event_size=4_000_000)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()


@pytest.fixture(scope="session")
def graph():
    return sample_graph()


@pytest.fixture(scope="session")
def graph_dir(tmp_path_factory, graph):
    out = write_version(graph, tmp_path_factory.mktemp("serve") / "graph")
    yield out
    close_stores()


@pytest.fixture(scope="session")
def server(graph_dir):
    from aigraph.serve import create_app

    running = ServerThread(create_app(graph_dir, timeout=TEST_TIMEOUT, workers=2, body_timeout=1.0))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def endpoint(server):
    return server.url + "/sparql"


@pytest.fixture
def start_server():
    """Start more servers (``start_server(app) -> ServerThread``); all stop after the test."""
    started = []

    def start(app):
        started.append(ServerThread(app))
        return started[-1]

    yield start
    for running in started:
        running.stop()


@pytest.fixture(scope="session")
def new_version():
    """``new_version(graph, out)``: write a build of ``graph`` into ``out`` and switch to it."""
    return write_version
