"""Latency of every canned question via networkx, SPARQL (Oxigraph) and Cypher (LadybugDB).

Usage::

    python bench/bench_queries.py                      # the data/raw build (data/graph, built if missing)
    python bench/bench_queries.py data/graph bench/out/graph-100x --repeat 200 --json bench/out/queries.json

For each graph directory, each question is asked with an argument picked from that build
(the organisation with most models, the most mentioned entity, ...) through the public
:func:`aigraph.questions.ask`, warm (stores open, caches loaded), ``--repeat`` times per
via; the script prints p50 and p95 in milliseconds and checks that the three vias return
the same rows. Targets (issue 3): embedded stores p95 < 20 ms at 1x, < 200 ms at 100x.

The first SPARQL question on a big graph (issue 8; target <= 2 s)::

    python bench/bench_queries.py --make-big data/graph /tmp/big --big-mb 536
    python bench/bench_queries.py --first /tmp/big /tmp/big-ttl-only

``--make-big`` writes a graph directory whose ``graph.ttl`` is ~``--big-mb`` MB: copies
of SRC's Turtle, each with its own resource namespace and (after the first) its own name
keys, so the questions still find SRC's rows among many more triples; it then writes the
on-disk Oxigraph store as a build does, and beside OUT a ``-ttl-only`` twin holding only
``graph.ttl`` (how a build made before the store looks). ``--first`` asks one question
through a fresh :class:`~aigraph.rdf.SparqlStore` in a new process and prints the
seconds and the peak memory of the worker that answered.

Measured 2026-12-02 (2 shared cores, load average 5-8), ``graph.ttl`` 538 MB (323 copies
of the data/raw build, 13 M triples), question ``mentions DeepMind`` (61 rows):

==========================================  =========  ==================
first SPARQL question                        seconds    worker peak RSS
==========================================  =========  ==================
before: graph.ttl parsed into memory         172        4.6 GB
after: on-disk store opened read-only        0.41-0.88  36-40 MB
==========================================  =========  ==================

Writing that store at build time (``aigraph.rdf.write_store``, 250k-quad slices):
399 s, 0.44 GB peak RSS, 1.7 GB on disk (one ``bulk_load`` call: 1.8 GB peak).

How SPARQL parameters are bound (SPARQL only, on a big graph made from a build)::

    python bench/bench_queries.py --make-big data/graph /tmp/big100 --big-mb 190
    python bench/bench_queries.py /tmp/big100 --args-from data/graph --via sparql --substitute
    python bench/bench_queries.py /tmp/big100 --args-from data/graph --via sparql
    python bench/bench_queries.py --engine-cpu /tmp/big100 --args-from data/graph

``--args-from`` picks the arguments from the build the big graph was made from (a
``--make-big`` directory has no networkx graph); ``--substitute`` binds parameters as the
store did before (Oxigraph's substitutions, applied after planning) for an A/B on the
same machine; ``--engine-cpu`` times each question's SPARQL inside Oxigraph in CPU ms,
bound both ways, which holds up on a loaded machine where wall times do not.

Measured 2026-12-02 (2 shared cores, load average 3-5), ``graph.ttl`` 190 MB (99 copies
of the data/raw build), ms, substitutions -> VALUES block (:mod:`aigraph.rdf.params`):

=================  =====================  ===================  ================
question           wall p50 / p95         wall p50 / p95       Oxigraph CPU
                   substitutions          VALUES               subst. -> VALUES
=================  =====================  ===================  ================
models-by-org      387 / 416              1.3 / 1.4            197 -> 0.6
mentions           15 / 36                5.5 / 8.5            5.2 -> 4.6
metrics-on         61 / 75                1.1 / 1.3            31 -> 0.5
new-in             699 / 772              372 / 386            344 -> 354
dropped-in         479 / 810              367 / 404            370 -> 355
co-occurring       446 / 501              4.5 / 6.2            406 -> 3.8
publication-lag    439 / 744              2.1 / 2.9            297 -> 1.3
largest-models     524 / 557              243 / 249            224 -> 239
predictions        258 / 353              302 / 332            170 -> 168
prediction-record  224 / 239              12 / 20              214 -> 11
hit-rate (no arg)  234 / 280              225 / 337            200 -> 203
=================  =====================  ===================  ================

A year binds no better as a constant: Oxigraph walks every entity seen that year either
way. ``new-in`` and ``dropped-in`` spend their time on each such entity's label and name
(NOT EXISTS costs ~nothing; MINUS, MIN/GROUP BY, OPTIONAL and reordered variants measured
no faster). ``predictions`` as first written got 2.3x slower as a constant (started from
every node of the year); it now finds the year's predictions in a subquery first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from aigraph.build import build_graph
from aigraph.graph import GraphPaths, load_graph
from aigraph.questions import QUESTIONS, VIAS, ask, close_stores

ROOT = Path(__file__).resolve().parents[1]


def pick_arguments(graph: Any) -> dict[str, Any]:
    """Return one telling argument per question, chosen from the build itself."""

    def busiest(edge_type: str, end: int, label: str) -> str:
        counts = Counter(
            (u, v)[end] for u, v, k in graph.edges(keys=True)
            if k == edge_type and graph.nodes[(u, v)[end]].get("label") == label
        )
        if not counts:
            return "nothing"
        node = min(counts, key=lambda n: (-counts[n], n))
        return graph.nodes[node]["name"]

    mentioned = Counter(u for u, _, k in graph.edges(keys=True) if k == "MENTIONED_ON")
    entity = min(mentioned, key=lambda n: (-mentioned[n], n)) if mentioned else None
    years = sorted({a["year"] for _, a in graph.nodes(data=True) if a.get("label") == "Report" and a.get("year")})
    year = years[len(years) // 2] if years else 2020
    picked = {
        "models-by-org": busiest("DEVELOPED", 0, "Organization"),
        "mentions": graph.nodes[entity]["name"] if entity else "nothing",
        "metrics-on": busiest("MEASURED_ON", 1, "Dataset"),
        "new-in": year,
        "dropped-in": year,
        "co-occurring": busiest("MENTIONED_ON", 0, "Organization"),
        "prediction-record": busiest("ABOUT", 1, "Organization"),
    }
    by_kind = {"org": picked["models-by-org"], "entity": picked["mentions"], "dataset": picked["metrics-on"], "year": year}
    for name, question in QUESTIONS.items():  # a question added later gets an argument of its kind
        picked.setdefault(name, "all" if question.optional else by_kind[question.arg])
    return picked


def percentile(samples: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of the samples, interpolated."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def bench_dir(
    graph_dir: Path, repeat: int, vias: tuple[str, ...] = VIAS, args_from: Path | None = None
) -> dict[str, Any]:
    """Time every question through ``vias`` on one build; return the figures.

    ``args_from`` picks the arguments from another build (for a ``--make-big`` directory,
    which has no networkx graph: its source build).
    """
    graph = load_graph(args_from or graph_dir)
    manifest = json.loads(GraphPaths(graph_dir).manifest.read_text(encoding="utf-8"))
    arguments = pick_arguments(graph)
    results: dict[str, Any] = {
        "graph_dir": str(graph_dir),
        "inputs": len(manifest.get("inputs", [])),
        "args_from": str(args_from or graph_dir),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "questions": {},
    }
    for via in vias:  # open the stores and load the data once, outside the timings
        started = time.perf_counter()
        ask("new-in", 1900, via=via, graph_dir=graph_dir)
        results.setdefault("open_ms", {})[via] = round((time.perf_counter() - started) * 1000, 1)
    for name in QUESTIONS:
        arg = arguments[name]
        entry: dict[str, Any] = {"arg": arg, "rows": None, "same_rows": True}
        reference = None
        for via in vias:
            rows = ask(name, arg, via=via, graph_dir=graph_dir)
            for _ in range(2):
                ask(name, arg, via=via, graph_dir=graph_dir)
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                ask(name, arg, via=via, graph_dir=graph_dir)
                samples.append((time.perf_counter() - started) * 1000)
            entry[via] = {"p50_ms": round(percentile(samples, 50), 3), "p95_ms": round(percentile(samples, 95), 3)}
            if reference is None:
                reference, entry["rows"] = rows, len(rows)
            elif rows != reference:
                entry["same_rows"] = False
        results["questions"][name] = entry
    close_stores()
    return results


def render(results: dict[str, Any]) -> str:
    """Return a plain-text table of one build's figures."""
    head = (
        f"{results['graph_dir']}: {results['inputs']} inputs, {results['nodes']} nodes, "
        f"{results['edges']} edges; first open (ms): "
        + ", ".join(f"{via} {ms}" for via, ms in results["open_ms"].items())
    )
    vias = [v for v in VIAS if v in results["open_ms"]]
    lines = [head, f"{'question':17} {'arg':24} {'rows':>5}  " + "  ".join(f"{v + ' p50/p95 ms':>22}" for v in vias) + "  same"]
    for name, entry in results["questions"].items():
        cells = "  ".join(f"{entry[v]['p50_ms']:>10.2f} /{entry[v]['p95_ms']:>9.2f}" for v in vias)
        lines.append(f"{name:17} {str(entry['arg'])[:24]:24} {entry['rows']:>5}  {cells}  {'yes' if entry['same_rows'] else 'NO'}")
    return "\n".join(lines)


def default_graph_dir() -> Path:
    """Return data/graph when it is a complete build, else build data/raw into bench/out."""
    graph_dir = ROOT / "data" / "graph"
    if GraphPaths(graph_dir).is_complete():
        return graph_dir
    out = ROOT / "bench" / "out" / "graph-1x"
    if not GraphPaths(out).is_complete():
        print(f"building {ROOT / 'data' / 'raw'} into {out} ...", file=sys.stderr)
        build_graph(ROOT / "data" / "raw", out)
    return out


def make_big(source: Path, out: Path, megabytes: float) -> dict[str, Any]:
    """Write a big graph directory from ``source``'s Turtle (see the module docstring)."""
    import re
    import shutil

    from aigraph.rdf.disk import write_store

    src = GraphPaths(source)
    src.build_stamp()  # resolves the current build, or says there is none
    text = src.turtle.read_text(encoding="utf-8")
    copies = max(1, round(megabytes * 1e6 / len(text.encode("utf-8"))))
    prefix = "@prefix kg: <https://w3id.org/aigraph/id/> ."
    if prefix not in text:
        raise SystemExit(f"{src.turtle} does not declare the kg: prefix this bench rewrites")
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open(out / "graph.ttl", "w", encoding="utf-8") as turtle:
        for copy in range(copies):
            part = text if copy == 0 else text.replace(prefix, f"@prefix kg: <https://w3id.org/aigraph/id/c{copy}/> .")
            if copy:
                part = re.sub(r'aig:key "((?:[^"\\]|\\.)*)"', lambda m: f'aig:key "{m.group(1)} c{copy}"', part)
            turtle.write(part)
    shutil.copyfile(src.manifest, out / "manifest.json")
    turtle_seconds = time.perf_counter() - started
    started = time.perf_counter()
    write_store(None, out)
    store_seconds = time.perf_counter() - started
    twin = out.with_name(out.name + "-ttl-only")
    twin.mkdir(exist_ok=True)
    for name in ("graph.ttl", "manifest.json"):
        if not (twin / name).exists():
            (twin / name).symlink_to((out / name).resolve())
    return {
        "copies": copies,
        "turtle_mb": round((out / "graph.ttl").stat().st_size / 1e6, 1),
        "store_mb": round(sum(f.stat().st_size for f in (out / "oxigraph").rglob("*") if f.is_file()) / 1e6, 1),
        "turtle_seconds": round(turtle_seconds, 1),
        "store_seconds": round(store_seconds, 1),
    }


_FIRST = """
import json, resource, sys, time
from aigraph.questions import answer
from aigraph.rdf import SparqlStore

store = SparqlStore(sys.argv[1], workers=1)
started = time.perf_counter()
rows = answer(store, "mentions", sys.argv[2], via="sparql", timeout=None)
seconds = time.perf_counter() - started
(pid,) = store.worker_pids()
with open(f"/proc/{pid}/status") as status:
    worker_kb = int(next(l for l in status if l.startswith("VmHWM")).split()[1])
store.close()
print(json.dumps({"seconds": round(seconds, 2), "rows": len(rows),
                  "worker_peak_mb": worker_kb >> 10,
                  "caller_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10}))
"""


def engine_cpu(graph_dir: Path, args_from: Path | None, repeat: int) -> dict[str, Any]:
    """Median CPU ms of each question's SPARQL in Oxigraph itself, bound both ways.

    Opens ``graph_dir``'s on-disk store in this process and runs each question's text
    with Oxigraph's substitutions and as :meth:`SparqlStore.query` binds it (a VALUES
    block): process CPU time, so the figures hold up on a machine other work is loading.
    """
    import statistics

    import pyoxigraph as ox

    from aigraph.rdf._worker import term_from_param
    from aigraph.graph.paths import resolve_version
    from aigraph.rdf.disk import store_dir
    from aigraph.rdf.params import bind_values, encode_param

    store = ox.Store.read_only(str(store_dir(resolve_version(graph_dir))))
    arguments = pick_arguments(load_graph(args_from or graph_dir))

    def median_ms(text: str, substitutions: dict[Any, Any] | None) -> tuple[float, int]:
        samples, rows = [], 0
        for _ in range(repeat):
            started = time.process_time()
            rows = len(list(store.query(text, substitutions=substitutions)))
            samples.append((time.process_time() - started) * 1000)
        return round(statistics.median(samples), 2), rows

    out: dict[str, Any] = {}
    for name, question in QUESTIONS.items():
        params = question.params("sparql", question.parse_argument(arguments[name]))
        text = question.text("sparql")
        substitutions = {ox.Variable(k): term_from_param(*encode_param(v)) for k, v in params.items()}
        sub_ms, rows = median_ms(text, substitutions or None)
        values_ms, _ = median_ms(bind_values(text, params) or text, None)
        out[name] = {"rows": rows, "substitutions_cpu_ms": sub_ms, "values_cpu_ms": values_ms}
    return out


def first_question(graph_dir: Path, entity: str = "DeepMind") -> dict[str, Any]:
    """Ask one SPARQL question of a cold store in a fresh process; return time and memory."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", _FIRST, str(graph_dir), entity],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"first question on {graph_dir} failed:\n{done.stderr}")
    return {"graph_dir": str(graph_dir), **json.loads(done.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--make-big", nargs=2, type=Path, metavar=("SRC", "OUT"),
                        help="write a big graph directory OUT from the build in SRC, then stop")
    parser.add_argument("--big-mb", type=float, default=536.0, help="size of --make-big's graph.ttl (MB)")
    parser.add_argument("--first", nargs="+", type=Path, metavar="DIR",
                        help="time the first SPARQL question on each DIR (cold, new process), then stop")
    parser.add_argument("graph_dirs", nargs="*", type=Path, help="graph directories (default: the data/raw build)")
    parser.add_argument("--repeat", type=int, default=100, help="timed runs per question and via (default 100)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--substitute", action="store_true",
                        help="bind SPARQL parameters with Oxigraph's substitutions (the way before "
                             "VALUES binding), to compare the two on the same machine")
    parser.add_argument("--engine-cpu", action="store_true",
                        help="time each question's SPARQL inside Oxigraph (CPU), substitutions vs VALUES")
    parser.add_argument("--via", action="append", choices=VIAS,
                        help="time only this via (repeatable; default all three)")
    parser.add_argument("--args-from", type=Path, metavar="DIR",
                        help="pick the arguments from this build (for a --make-big directory: its SRC)")
    args = parser.parse_args(argv)
    if args.make_big:
        print(json.dumps(make_big(*args.make_big, args.big_mb)))
        return 0
    if args.engine_cpu:
        for graph_dir in args.graph_dirs or [default_graph_dir()]:
            figures = engine_cpu(graph_dir, args.args_from, args.repeat)
            print(f"{graph_dir}: median CPU ms in Oxigraph, substitutions / VALUES")
            for name, entry in figures.items():
                print(f"{name:17} {entry['rows']:>6} rows {entry['substitutions_cpu_ms']:>9.2f} / {entry['values_cpu_ms']:>9.2f}")
        return 0
    if args.first:
        for graph_dir in args.first:
            print(json.dumps(first_question(graph_dir)))
        return 0
    if args.substitute:
        import aigraph.rdf.store

        aigraph.rdf.store.bind_values = lambda text, params: text if not params else None
    all_results = []
    for graph_dir in args.graph_dirs or [default_graph_dir()]:
        results = bench_dir(graph_dir, args.repeat, tuple(args.via or VIAS), args.args_from)
        all_results.append(results)
        print(render(results))
        print()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(all_results, indent=2) + "\n", encoding="utf-8")
    same = all(e["same_rows"] for r in all_results for e in r["questions"].values())
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
