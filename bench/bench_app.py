"""Benchmark the explorer: first-page render time and page-switch time.

Measured in a real headless Chromium (``/usr/bin/chromium``, driven by Playwright) against
a real Streamlit server, from the click (or the URL being opened) until the new page's
heading is on screen, i.e. until the websocket delivered the page's content:

- ``first page (cold)``: the first visit after the server started (imports, graph load);
- ``first page (warm)``: a new browser tab opening the app later (a new session);
- ``switch -> PAGE``: clicking PAGE in the sidebar of an open session.

Without Chromium it falls back to ``streamlit.testing.v1.AppTest`` (script run time
only, no browser rendering) and says so.

Usage::

    python bench/bench_app.py [--graph DIR] [--rounds 5] [--out bench/out] [--apptest]

Without ``--graph`` it builds ``data/raw/`` into a temporary folder first. Prints a table
and writes ``bench/out/bench_app.json``. Targets: first page < 3 s, page switch < 1 s.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
#: Sidebar link text and page heading of each page, in the order the bench visits them.
PAGES = [
    ("Search", "Search"),
    ("Entity", "Entity"),
    ("Organisation \u2192 models by year", "Organisation \u2192 models by year"),
    ("Years", "Years"),
    ("Graph", "Graph"),
    ("Query", "Query"),
    ("Export", "Export"),
    ("Overview", "aigraph explorer"),
]


def build(raw: Path, out: Path) -> Path:
    from aigraph.graph import build_graph

    build_graph(raw, out)
    return out


def start_server(graph_dir: Path) -> tuple[subprocess.Popen, str]:
    from aigraph.cli.explore_cmd import app_path, free_port, streamlit_command, streamlit_env

    port = free_port()
    process = subprocess.Popen(
        streamlit_command(app_path(), host="127.0.0.1", port=port), env=streamlit_env(graph_dir),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the explorer did not start")


def measure_browser(graph_dir: Path, rounds: int) -> dict[str, list[float]]:
    from playwright.sync_api import expect, sync_playwright

    times: dict[str, list[float]] = {}
    process, base = start_server(graph_dir)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            for round_ in range(rounds):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.set_default_timeout(60_000)
                started = time.perf_counter()
                page.goto(base)
                expect(page.get_by_role("heading", name="aigraph explorer", exact=True)).to_be_visible()
                key = "first page (cold)" if round_ == 0 else "first page (warm)"
                times.setdefault(key, []).append(time.perf_counter() - started)
                nav = page.get_by_test_id("stSidebarNav")
                for link, heading in PAGES:
                    started = time.perf_counter()
                    nav.get_by_role("link", name=link, exact=True).click()
                    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
                    times.setdefault(f"switch -> {link}", []).append(time.perf_counter() - started)
                context.close()
            browser.close()
    finally:
        process.terminate()
        process.wait()
    return times


def measure_apptest(graph_dir: Path, rounds: int) -> dict[str, list[float]]:
    import os

    from streamlit.testing.v1 import AppTest

    from aigraph.app import entry_file

    os.environ["AIGRAPH_GRAPH_DIR"] = str(graph_dir)
    files = ["search", "entity", "organisation", "years", "graph", "query", "export", "overview"]
    times: dict[str, list[float]] = {}
    for round_ in range(rounds):
        started = time.perf_counter()
        at = AppTest.from_file(str(entry_file()), default_timeout=60).run()
        key = "first page (cold)" if round_ == 0 else "first page (warm)"
        times.setdefault(key, []).append(time.perf_counter() - started)
        for name, (link, _) in zip(files, PAGES):
            started = time.perf_counter()
            at.switch_page(f"views/{name}.py").run()
            times.setdefault(f"switch -> {link}", []).append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="a built graph folder (default: build data/raw)")
    parser.add_argument("--raw", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--apptest", action="store_true", help="time AppTest script runs even when Chromium exists")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="aigraph-bench-app-") as tmp:
        graph_dir = args.graph or build(args.raw, Path(tmp) / "graph")
        if CHROMIUM.exists() and not args.apptest:
            how = f"Chromium ({CHROMIUM}) via Playwright, real Streamlit server"
            times = measure_browser(graph_dir, args.rounds)
        else:
            how = "AppTest script runs, no browser rendering (install `chromium` for browser timings)"
            times = measure_apptest(graph_dir, args.rounds)

    print(f"Explorer timings, {how}; {args.rounds} rounds; {platform.machine()}, "
          f"{len(__import__('os').sched_getaffinity(0))} cores")
    print(f"{'step':42} {'median s':>9} {'max s':>7}")
    summary = {}
    for step, values in times.items():
        summary[step] = {"median_s": round(statistics.median(values), 3), "max_s": round(max(values), 3),
                         "runs": [round(v, 3) for v in values]}
        print(f"{step:42} {statistics.median(values):9.3f} {max(values):7.3f}")
    switches = [v for step, values in times.items() if step.startswith("switch") for v in values]
    if switches:
        print(f"{'all page switches':42} {statistics.median(switches):9.3f} {max(switches):7.3f}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_app.json").write_text(json.dumps({"method": how, "steps": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
