"""`aigraph serve` from the command line, and how the explorer finds a running endpoint."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from aigraph.cli import main
from aigraph.serve.registry import ENDPOINT_ENV, announce, endpoint_for, note_path, withdraw


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_taken_port_is_one_line_and_exit_1(graph_dir, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code = main(["serve", "--graph", str(graph_dir), "--port", str(taken.getsockname()[1])])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("aigraph: error: cannot listen on 127.0.0.1:") and err.count("\n") == 1


def test_serve_command_answers_queries_and_leaves_a_note(graph_dir):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != ENDPOINT_ENV}
    proc = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "serve", "--graph", str(graph_dir), "--port", str(port),
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "aigraph serve did not start"
                time.sleep(0.1)
        assert response.json()["boolean"] is True
        assert endpoint_for(graph_dir) == url
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stderr.close()
    assert endpoint_for(graph_dir) is None  # the note went with the server


def test_endpoint_for_prefers_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(ENDPOINT_ENV, raising=False)
    assert endpoint_for(tmp_path) is None
    announce(tmp_path, "http://127.0.0.1:9/sparql")
    try:
        assert endpoint_for(tmp_path) == "http://127.0.0.1:9/sparql"
        monkeypatch.setenv(ENDPOINT_ENV, "https://sparql.example/aigraph")
        assert endpoint_for(tmp_path) == "https://sparql.example/aigraph"
    finally:
        withdraw(tmp_path)
    assert not note_path(tmp_path).exists()
