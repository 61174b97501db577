"""Start-up of ``aigraph extract`` on a one-line file against a bare spaCy start.

Runs, alternately, ``python -c "import spacy; spacy.blank('en')"`` and
``aigraph extract <one-line file>`` as fresh processes (after one warm-up of each,
which also fills the user cache of compiled knowledge), and reports the median wall
time and the median CPU time (user + system) of each, and their ratios. Target
(issue 9): wall-time ratio <= 1.6. On a busy machine the CPU ratio is the steadier
figure.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--json bench/out/startup.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
AIGRAPH = PYTHON.parent / "aigraph"
LINE = "Slide 3: DeepMind released AlphaFold 2, which OpenAI's GPT-4 cites.\n"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd`` (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "startup.json")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one-line.txt"
        one.write_text(LINE, encoding="utf-8")
        blank = [str(PYTHON), "-c", "import spacy; spacy.blank('en')"]
        extract = [str(AIGRAPH), "extract", str(one)]
        timed(blank)
        timed(extract)
        runs: dict[str, list[tuple[float, float]]] = {"blank": [], "extract": []}
        for _ in range(args.runs):
            runs["blank"].append(timed(blank))
            runs["extract"].append(timed(extract))

    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in runs[name])

    result = {
        "runs": args.runs,
        "blank_wall_s": round(med("blank", 0), 3),
        "extract_wall_s": round(med("extract", 0), 3),
        "blank_cpu_s": round(med("blank", 1), 3),
        "extract_cpu_s": round(med("extract", 1), 3),
        "wall_ratio": round(med("extract", 0) / med("blank", 0), 2),
        "cpu_ratio": round(med("extract", 1) / med("blank", 1), 2),
        "cache_dir": os.environ.get("AIGRAPH_CACHE_DIR", "(default)"),
    }
    print(f"{'spacy.blank start':28} {result['blank_wall_s']:.2f} s wall, {result['blank_cpu_s']:.2f} s CPU (median of {args.runs})")
    print(f"{'aigraph extract one line':28} {result['extract_wall_s']:.2f} s wall, {result['extract_cpu_s']:.2f} s CPU")
    print(f"{'ratio':28} {result['wall_ratio']:.2f} wall (target <= 1.6), {result['cpu_ratio']:.2f} CPU")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
