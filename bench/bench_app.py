"""Benchmark the explorer: first-page render time and page-switch time.

Measured in a real headless Chromium (``/usr/bin/chromium``, driven by Playwright) against
a real Streamlit server, from the click (or the URL being opened) until the new page's
heading is on screen, i.e. until the websocket delivered the page's content:

- ``first page (cold)``: the first visit after the server started (imports, graph load);
- ``first page (warm)``: a new browser tab opening the app later (a new session);
- ``switch -> PAGE``: clicking PAGE in the sidebar of an open session;
- ``graph, 60 nodes drawn / settled``: on the Graph page around Google, from choosing
  depth 2 until the drawing holds the 60 nodes of the default cap, and until they stop moving.

Without Chromium it falls back to ``streamlit.testing.v1.AppTest`` (script run time
only, no browser rendering) and says so.

Usage::

    python bench/bench_app.py [--graph DIR] [--rounds 5] [--out bench/out] [--apptest] [--scale 100]

Without ``--graph`` it builds ``data/raw/`` into a temporary folder first; ``--scale N``
builds an N-times corpus of it instead (made as ``bench/bench_build.py`` makes its corpora).
Prints a table and writes ``bench/out/bench_app.json`` (``bench_app_<N>x.json`` with
``--scale``). Targets: first page < 3 s, page switch < 1 s at 1x and < 2 s at 100x, the
graph page with 60 nodes < 1.5 s.
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
    ("Trends", "Trends"),
    ("Predictions", "Predictions"),
    ("Graph", "Graph"),
    ("Query", "Query"),
    ("Export", "Export"),
    ("Overview", "aigraph explorer"),
]


def build(raw: Path, out: Path, scale: int = 1) -> Path:
    from aigraph.build import build_graph

    if scale > 1:
        import importlib.util

        spec = importlib.util.spec_from_file_location("bench_build", ROOT / "bench" / "bench_build.py")
        bench_build = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench_build)
        corpus = out.parent / f"raw-{scale}x"
        bench_build.make_corpus(raw, corpus, scale)
        raw = corpus
    started = time.perf_counter()
    build_graph(raw, out)
    print(f"built {raw} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out


#: "drawn" once the graph drawing holds 60 nodes; "settled" once two looks 50 ms apart
#: find them in the same places (the layout has stopped moving them).
GRAPH_READY = """() => {
  const cy = document.getElementById('cy')?._cyreg?.cy;
  if (!cy || cy.nodes().length !== 60) return "";
  const now = JSON.stringify(cy.nodes().map(n => n.renderedPosition()));
  const same = window.__benchPositions === now;
  window.__benchPositions = now;
  return same ? "settled" : "drawn";
}"""


def time_graph_60(page, base: str) -> tuple[float, float]:
    """Open the graph around Google, then time depth 2 (60 nodes, the default cap): until drawn, until settled."""
    from playwright.sync_api import expect

    page.goto(f"{base}/graph?id=org:google")
    expect(page.get_by_text("within 1 step of", exact=False)).to_be_visible()
    # Let the first drawing finish, so the timing is of the 60-node view alone.
    page.frame_locator("iframe").first.locator("#cy canvas").first.wait_for(state="attached")
    page.wait_for_timeout(1500)
    started = time.perf_counter()
    page.get_by_role("radio", name="2").check(force=True)
    expect(page.get_by_text("within 2 steps of", exact=False)).to_be_visible()
    deadline = time.monotonic() + 60
    drawn = None
    while time.monotonic() < deadline:
        frames = [f for f in page.frames if f is not page.main_frame and not f.is_detached()]
        try:
            state = frames[0].evaluate(GRAPH_READY) if frames else ""
        except Exception:  # the frame was replaced while we asked
            state = ""
        if state and drawn is None:
            drawn = time.perf_counter() - started
        if state == "settled":
            break
        page.wait_for_timeout(50)
    return drawn if drawn is not None else float("nan"), time.perf_counter() - started


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
                drawn, settled = time_graph_60(page, base)
                times.setdefault("graph, 60 nodes drawn", []).append(drawn)
                times.setdefault("graph, 60 nodes settled", []).append(settled)
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
    files = ["search", "entity", "organisation", "years", "trends", "predictions", "graph", "query", "export",
             "overview"]
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
    parser.add_argument("--scale", type=int, default=1, help="build an N-times corpus of --raw first (default 1)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="aigraph-bench-app-") as tmp:
        graph_dir = args.graph or build(args.raw, Path(tmp) / "graph", args.scale)
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
    name = "bench_app.json" if args.scale == 1 else f"bench_app_{args.scale}x.json"
    (args.out / name).write_text(json.dumps({"method": how, "scale": args.scale, "steps": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
