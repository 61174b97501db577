"""Load on the SPARQL endpoint: concurrent clients asking the canned questions over loopback.

Usage::

    python bench/bench_endpoint.py /tmp/w1graph                       # 20 clients, 30 s
    python bench/bench_endpoint.py /tmp/w1graph /tmp/big --clients 20 --seconds 30 --json bench/out/endpoint.json

For each graph directory the script starts ``aigraph serve`` in its own process on
127.0.0.1 (a free port), picks one argument per canned question from the build (as
``bench_queries.py`` does), sends each question's standalone SPARQL once to warm the
workers, then runs ``--clients`` threads for ``--seconds``, each with its own HTTP
connection, cycling through the questions (GET, ``Accept: application/sparql-results+json``),
after ``--warmup`` seconds of the same load unmeasured. ``--cache-mb 0`` turns the server's
answer cache off, so every request runs in the engine.
It prints throughput, latency p50/p95/p99 in milliseconds, the errors (any status but
200, or a failed connection) and the server's resident memory (the server process and its
query workers) before and after the load. Targets (issue 13): p95 < 100 ms at 1x,
< 300 ms on the 100x corpus, zero errors, RSS growth < 10%.

The big graph comes from ``bench_queries.py --make-big SRC OUT`` (its copies' name keys carry
a ``c<N>`` suffix, so the questions find the source's rows among many more triples); it has
no ``graph.json``, so give ``--args-from SRC``::

    python bench/bench_queries.py --make-big /tmp/w1graph /tmp/w1big --big-mb 171
    python bench/bench_endpoint.py /tmp/w1big --args-from /tmp/w1graph
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_queries import percentile, pick_arguments  # noqa: E402

from aigraph.graph import load_graph  # noqa: E402
from aigraph.serve.canned import standalone_query  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(graph_dir: Path, port: int, workers: int, cache_mb: float) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "serve", "--graph", str(graph_dir), "--port", str(port),
         "--workers", str(workers), "--cache-mb", str(cache_mb), "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"aigraph serve exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=5)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("aigraph serve did not start")


def rss_mb(pid: int) -> dict[str, float]:
    """Resident memory of the server process alone and with its children (the query workers)."""
    server = psutil.Process(pid)
    own = server.memory_info().rss
    children = sum(c.memory_info().rss for c in server.children(recursive=True))
    return {"server_mb": round(own / 2**20, 1), "with_workers_mb": round((own + children) / 2**20, 1)}


def question_texts(graph_dir: Path) -> list[tuple[str, str]]:
    """The six issue-3 questions as standalone SPARQL, arguments picked from the build in ``graph_dir``."""
    arguments = pick_arguments(load_graph(graph_dir))
    return [(name, standalone_query(name, arg)) for name, arg in arguments.items()]


def client_loop(url: str, texts: list[tuple[str, str]], start: int, stop_at: float,
                samples: list[float], errors: list[str]) -> None:
    headers = {"Accept": "application/sparql-results+json"}
    with httpx.Client(timeout=60) as client:
        i = start
        while time.monotonic() < stop_at:
            name, text = texts[i % len(texts)]
            i += 1
            began = time.perf_counter()
            try:
                response = client.get(url, params={"query": text}, headers=headers)
                ok = response.status_code == 200
                detail = f"{name}: {response.status_code} {response.text.strip()[:120]}"
            except httpx.HTTPError as err:
                ok, detail = False, f"{name}: {type(err).__name__} {err}"
            elapsed = (time.perf_counter() - began) * 1000
            if ok:
                samples.append(elapsed)
            else:
                errors.append(detail)


def run_load(url: str, texts: list[tuple[str, str]], clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    samples: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(url, texts, i, stop_at, samples, errors))
               for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, errors, time.perf_counter() - began


def bench_dir(graph_dir: Path, clients: int, seconds: float, workers: int, cache_mb: float,
              warmup: float, args_from: Path | None = None) -> dict[str, Any]:
    texts = question_texts(args_from or graph_dir)
    port = free_port()
    proc = start_server(graph_dir, port, workers, cache_mb)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        with httpx.Client(timeout=120) as warm:
            for name, text in texts:
                response = warm.get(url, params={"query": text})
                if response.status_code != 200:
                    raise SystemExit(f"{name} failed while warming: {response.status_code} {response.text}")
        if warmup > 0:  # the same load, unmeasured: workers' caches fill before RSS is taken
            run_load(url, texts, clients, warmup)
        before = rss_mb(proc.pid)
        samples, errors, wall = run_load(url, texts, clients, seconds)
        after = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    growth = (after["with_workers_mb"] - before["with_workers_mb"]) / before["with_workers_mb"] * 100
    return {
        "graph": str(graph_dir),
        "clients": clients,
        "seconds": round(wall, 1),
        "workers": workers,
        "cache_mb": cache_mb,
        "warmup_s": warmup,
        "requests": len(samples) + len(errors),
        "throughput_per_s": round((len(samples) + len(errors)) / wall, 1),
        "p50_ms": round(percentile(samples, 50), 1),
        "p95_ms": round(percentile(samples, 95), 1),
        "p99_ms": round(percentile(samples, 99), 1),
        "errors": len(errors),
        "first_errors": errors[:5],
        "rss_before": before,
        "rss_after": after,
        "rss_growth_pct": round(growth, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['graph']}: {result['clients']} clients x {result['seconds']} s, {result['workers']} query workers, "
        f"answer cache {result['cache_mb']:g} MB, {result['warmup_s']:g} s warm-up",
        f"  {result['requests']} requests, {result['throughput_per_s']}/s; "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms; errors {result['errors']}",
        f"  RSS (server + workers) {result['rss_before']['with_workers_mb']} MB -> "
        f"{result['rss_after']['with_workers_mb']} MB ({result['rss_growth_pct']:+.1f}%); server alone "
        f"{result['rss_before']['server_mb']} -> {result['rss_after']['server_mb']} MB; "
        f"load average {result['load_average']}",
    ]
    lines += [f"  error: {e}" for e in result["first_errors"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="+", type=Path, help="graph directories written by aigraph build")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="query worker processes of the server")
    parser.add_argument("--cache-mb", type=float, default=64.0, help="the server's answer cache (0: none)")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of unmeasured load before RSS is taken")
    parser.add_argument("--args-from", type=Path, help="pick the questions' arguments from this build "
                        "(the source of a --make-big graph, which has no graph.json)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = []
    for graph_dir in args.graphs:
        result = bench_dir(graph_dir, args.clients, args.seconds, args.workers, args.cache_mb, args.warmup, args.args_from)
        print(render(result), flush=True)
        results.append(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
