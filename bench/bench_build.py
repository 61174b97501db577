"""Benchmark `aigraph build`: data/raw cold and unchanged, then 10x and 100x synthetic corpora.

Each build runs in its own Python process so its peak RSS is its own. The synthetic
corpora are made from the files of RAW_DIR: copy ``i`` of a report moves it to another
report year (2015-2035, in the file name and the text) and renames a share of its
CamelCase and digit-bearing names (``DeepMind`` -> ``DeepMindKo``), so the graph grows
with new entities while well-known names keep merging across copies.

Usage::

    python bench/bench_build.py [RAW_DIR] [--scales 10,100] [--out bench/out]
    python bench/bench_build.py [RAW_DIR] --big [--big-mb 50]

``--big`` writes a ~50 MB corpus (copies of RAW_DIR's texts with other years and
slide numbers) into a temporary folder and measures one cold build of it.

Prints a table and writes ``bench/out/bench_build.json``. Targets: cold < 10 s,
unchanged < 2 s, 100x peak RSS < 2 GB. "1x unchanged" is the up-to-date check (its
fingerprint covers the aigraph code, so run the bench on a checkout nobody is editing);
"1x from cache" rewrites every output from cached extractions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_YEARS = range(2015, 2036)
_SYLLABLES = ("ka", "lo", "mi", "nu", "ra", "si", "to", "ve", "xo", "zu")
# CamelCase words (DeepMind, AlphaFold) and names with a digit (GPT-3, T5, ViT-G/14).
_NAME = re.compile(r"\b(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][A-Za-z]*-?\d+[A-Za-z]?)\b")
_FILE_YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?!\d)")


def _suffix(copy: int) -> str:
    """A pronounceable tag unique to one copy number: 1 -> 'Lo', 12 -> 'LoMi'."""
    digits = str(copy)
    return "".join(_SYLLABLES[int(d)] for d in digits).capitalize()


_SLIDE = re.compile(r"(\bSlides? )(\d+)")


def shift_slides(text: str, offset: int) -> str:
    """Add ``offset`` to every slide number the text names (``Slide 12`` -> ``Slide 1012``)."""
    if not offset:
        return text
    return _SLIDE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", text)


def vary_text(text: str, copy: int, year_from: int | None, year_to: int) -> str:
    """Return copy ``copy`` of a report's text: another year, and some names renamed.

    A name is renamed in this copy when a hash of (name, copy) falls in the lower half,
    so about half the distinctive names become new entities in each copy.
    """
    if year_from is not None:
        text = re.sub(rf"(?<!\d){year_from}(?!\d)", str(year_to), text)
    if copy == 0:
        return text
    tag = _suffix(copy)

    def rename(match: re.Match[str]) -> str:
        name = match.group(0)
        digest = hashlib.blake2s(f"{name}|{copy}".encode(), digest_size=2).digest()
        return f"{name}{tag}" if digest[0] < 128 else name

    return _NAME.sub(rename, text)


def make_corpus(raw: Path, target: Path, scale: int, *, shift: bool = False) -> list[Path]:
    """Write ``scale`` varied copies of every report under ``raw`` into ``target``.

    With ``shift``, copies that land on a year already used get slide numbers moved
    up by 1000 per round, so they add slides instead of merging into earlier ones.
    """
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in raw.iterdir() if p.is_file() and p.suffix in {".md", ".txt", ".html"}
                     and p.name.lower() != "readme.md")
    written = []
    for copy in range(scale):
        for source in sources:
            match = _FILE_YEAR.search(source.stem)
            year_from = int(match.group(1)) if match else None
            base = year_from if year_from is not None else 2020
            year_to = _YEARS[(base - _YEARS.start + copy) % len(_YEARS)]
            stem = _FILE_YEAR.sub(str(year_to), source.stem) if match else source.stem
            path = target / f"{stem}-copy{copy:03d}{source.suffix}"
            text = source.read_text(encoding="utf-8")
            varied = vary_text(text, copy, year_from, year_to)
            if shift:
                varied = shift_slides(varied, 1000 * (copy // len(_YEARS)))
            path.write_text(varied, encoding="utf-8")
            written.append(path)
    return written


def _peak_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class _Sampler:
    """RSS sampled every 20 ms in a thread: the highest value since the last :meth:`take`."""

    def __init__(self) -> None:
        import threading

        import psutil

        self._process = psutil.Process()
        self._high = 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self._high = max(self._high, self._process.memory_info().rss)
            time.sleep(0.02)

    def take(self) -> float:
        """Return the highest RSS (MB) since the last call and start again from now."""
        high = max(self._high, self._process.memory_info().rss)
        self._high = 0
        return round(high / 2**20, 1)


def _record_phase_peaks(peaks: dict[str, float], own: dict[str, float]) -> None:
    """Note the peak RSS so far (``peaks``) and each phase's own peak (``own``) per phase and writer."""
    from contextlib import contextmanager

    import aigraph.build.pipeline as build
    import aigraph.build.stores as stores

    sampler = _Sampler()
    lap = build._lap

    @contextmanager
    def lap_and_peak(timings, phase):
        sampler.take()
        with lap(timings, phase):
            yield
        peaks[phase] = _peak_mb()
        own[phase] = sampler.take()

    build._lap = lap_and_peak
    def measured(name, step):
        def wrapped(*args, **kwargs):
            sampler.take()
            result = step(*args, **kwargs)
            peaks[name] = _peak_mb()
            own[name] = sampler.take()
            return result

        return wrapped

    graph_writers, file_loaders = stores.graph_writers, stores.file_loaders
    stores.graph_writers = lambda: [(n, measured(n, w)) for n, w in graph_writers()]
    stores.file_loaders = lambda: [(n, measured(n, w)) for n, w in file_loaders()]


def _child(raw: str, out: str, force: bool) -> None:
    """Run one build in this process and print its figures as JSON."""
    import resource

    from aigraph.build.pipeline import build_graph

    peaks: dict[str, float] = {}
    own: dict[str, float] = {}
    _record_phase_peaks(peaks, own)
    started = time.perf_counter()
    result = build_graph(raw, out, force=force)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "seconds": round(seconds, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "inputs": len(result.inputs),
        "input_mb": round(sum(i.bytes for i in result.inputs) / 1e6, 2),
        "extracted": len(result.extracted),
        "cached": len(result.cached),
        "errors": len(result.errors),
        "nodes": result.nodes,
        "edges": result.edges,
        "timings": result.timings,
        "peak_mb_after": peaks,
        "phase_peak_mb": own,
    }))


def measure(raw: Path, out: Path, *, force: bool = False) -> dict:
    """Build ``raw`` into ``out`` in a fresh process and return its figures."""
    command = [sys.executable, __file__, "--child", str(raw), str(out)]
    if force:
        command.append("--force")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build of {raw} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(rows: list[dict]) -> str:
    head = f"{'run':<16}{'files':>7}{'MB in':>8}{'extracted':>11}{'cached':>8}{'nodes':>9}{'edges':>10}{'seconds':>10}{'peak MB':>9}"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['run']:<16}{r['inputs']:>7}{r['input_mb']:>8}{r['extracted']:>11}{r['cached']:>8}"
            f"{r['nodes']:>9}{r['edges']:>10}{r['seconds']:>10.2f}{r['peak_rss_mb']:>9.0f}"
        )
    return "\n".join(lines)


def big(raw: Path, megabytes: float, out: Path) -> int:
    """Measure one cold build of a ~``megabytes`` MB corpus made from ``raw``."""
    sources = [p for p in raw.iterdir() if p.is_file() and p.suffix in {".md", ".txt", ".html"}
               and p.name.lower() != "readme.md"]
    per_copy = sum(p.stat().st_size for p in sources)
    scale = max(1, round(megabytes * 1e6 / per_copy))
    work = Path(tempfile.mkdtemp(prefix="aigraph-bench-big-"))
    try:
        make_corpus(raw, work / "raw", scale, shift=True)
        row = {"run": f"{megabytes:g} MB cold", "scale": scale,
               **measure(work / "raw", work / "graph", force=True)}
        sizes = {p.relative_to(work / "graph").as_posix(): p.stat().st_size
                 for p in (work / "graph").rglob("*") if p.is_file()}
        row["out_mb"] = round(sum(sizes.values()) / 1e6, 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(_table([row]))
    print("phases (s): " + ", ".join(f"{k} {v:.2f}" for k, v in row["timings"].items()))
    print("peak RSS after (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in row["peak_mb_after"].items()))
    print("peak RSS during (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in row["phase_peak_mb"].items()))
    print(f"written: {row['out_mb']} MB")
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_build_big.json").write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", nargs="?", default="data/raw", type=Path)
    parser.add_argument("--scales", default="10,100", help="synthetic corpus sizes, comma-separated")
    parser.add_argument("--out", default=Path("bench/out"), type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora and graphs")
    parser.add_argument("--big", action="store_true", help="one cold build of a ~50 MB corpus")
    parser.add_argument("--big-mb", default=50.0, type=float, help="size of the --big corpus")
    args = parser.parse_args(argv)
    if args.big:
        return big(args.raw, args.big_mb, args.out)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]

    work = Path(tempfile.mkdtemp(prefix="aigraph-bench-"))
    rows: list[dict] = []
    try:
        cold = measure(args.raw, work / "graph-1x", force=True)
        rows.append({"run": "1x cold", "scale": 1, **cold})
        rows.append({"run": "1x unchanged", "scale": 1, **measure(args.raw, work / "graph-1x")})
        # A damaged output (or changed code) makes the build rewrite everything from the
        # extraction cache: the incremental path when the up-to-date check does not hold.
        from aigraph.graph.paths import GraphPaths

        GraphPaths(work / "graph-1x").merge_log.unlink()
        rows.append({"run": "1x from cache", "scale": 1, **measure(args.raw, work / "graph-1x")})
        for scale in scales:
            corpus = work / f"raw-{scale}x"
            make_corpus(args.raw, corpus, scale)
            rows.append({"run": f"{scale}x cold", "scale": scale,
                         **measure(corpus, work / f"graph-{scale}x", force=True)})
            print(f"  {scale}x done", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    colds = [r for r in rows if r["run"].endswith("cold")]
    growth = {
        f"{a['scale']}x->{b['scale']}x": round(b["seconds"] / a["seconds"], 2)
        for a, b in zip(colds, colds[1:])
    }
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": __import__("os").cpu_count()},
        "raw": str(args.raw),
        "runs": rows,
        "time_growth": growth,
        "targets": {
            "cold_under_10s": cold["seconds"] < 10,
            "unchanged_under_2s": rows[1]["seconds"] < 2,
            "largest_peak_rss_under_2gb": colds[-1]["peak_rss_mb"] < 2048,
        },
    }
    print(_table(rows))
    print("phases (s): " + "; ".join(
        f"{r['run']}: " + ", ".join(f"{k} {v:.2f}" for k, v in r["timings"].items()) for r in rows
    ))
    print("time growth (cold): " + ", ".join(f"{k} x{v}" for k, v in growth.items()))
    print("targets: " + ", ".join(f"{k}={'yes' if v else 'NO'}" for k, v in report["targets"].items()))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_build.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], "--force" in sys.argv[4:])
    else:
        sys.exit(main())
