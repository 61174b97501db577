"""``aigraph build``: raw reports -> graph directory, atomic and incremental.

The I/O around :func:`aigraph.graph.assemble.graph_from_extractions`: find the inputs
and hash them; stop early when the previous build has the same fingerprint; else
extract each input (or take it from the cache), assemble the graph, write it and the
other stores into a new build folder, write the manifest last, switch ``current`` to
it (:mod:`aigraph.build.atomic`). All of it under the output directory's build lock.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.errors import GraphError
from aigraph.build.atomic import build_lock, check_output_directory, donors, staged_version
from aigraph.build.cache import ExtractionCache, file_sha256, knowledge_fingerprint
from aigraph.build.fingerprint import build_fingerprint, extraction_fingerprint, fresh_manifest
from aigraph.build.inputs import InputFile, Source, extract_inputs, hash_sources
from aigraph.build.stores import load_from_files, release_memory, write_from_graph
from aigraph.graph.paths import DEFAULT_GRAPH_DIR, GraphPaths
from aigraph.graph.store import write_graph_json, write_jsonl, write_manifest

if TYPE_CHECKING:
    import networkx as nx


#: Versions of these distributions go into the manifest (and the fingerprint).
TOOLS = ("aigraph", "networkx", "spacy", "rdflib", "oxrdflib", "pyoxigraph", "ladybug", "pyarrow")

MANIFEST_FORMAT = 1

__all__ = ["BuildResult", "InputFile", "build_graph"]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did: counts, inputs extracted or cached, errors, time."""

    #: The graph directory as given; the build itself is in ``out_dir / "current"``.
    out_dir: Path
    node_counts: dict[str, int]
    edge_counts: dict[str, int]
    inputs: tuple[InputFile, ...]
    seconds: float
    stores: dict[str, str] = field(default_factory=dict)
    merges: int = 0
    #: Seconds per phase: extract, assemble, write, then one entry per store.
    timings: dict[str, float] = field(default_factory=dict)
    #: True when nothing had changed since the previous build, which was kept as it was.
    up_to_date: bool = False
    #: Build log lines about input left out, e.g. a scorecard grade that matches no
    #: prediction (:func:`aigraph.graph.forecasts.grade_notes`).
    notes: tuple[str, ...] = ()

    @property
    def nodes(self) -> int:
        return sum(self.node_counts.values())

    @property
    def edges(self) -> int:
        return sum(self.edge_counts.values())

    @property
    def extracted(self) -> tuple[str, ...]:
        return tuple(i.source for i in self.inputs if i.status == "extracted")

    @property
    def cached(self) -> tuple[str, ...]:
        return tuple(i.source for i in self.inputs if i.status == "cached")

    @property
    def errors(self) -> tuple[tuple[str, str], ...]:
        return tuple((i.source, i.error or "") for i in self.inputs if i.status == "error")


@contextmanager
def _lap(timings: dict[str, float], phase: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[phase] = round(time.perf_counter() - started, 4)


def _tool_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": sys.version.split()[0]}
    for tool in TOOLS:
        try:
            versions[tool] = version(tool)
        except PackageNotFoundError:
            versions[tool] = "absent"
    return versions


def _counts(graph: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    nodes = Counter(str(label) for _, label in graph.nodes(data="label"))
    edges = Counter(str(key) for _, _, key in graph.edges(keys=True))
    return dict(sorted(nodes.items())), dict(sorted(edges.items()))


def _load_knowledge() -> Any:
    """Return the curated knowledge."""
    from aigraph.knowledge import load_knowledge

    return load_knowledge()


def _unchanged_result(out: Path, manifest: dict[str, Any], started: float) -> BuildResult:
    inputs = tuple(
        InputFile(i["source"], i["sha256"], i["bytes"],
                  "error" if i["status"] == "error" else "cached", i.get("error"))
        for i in manifest["inputs"]
    )
    return BuildResult(
        out_dir=out,
        node_counts=dict(manifest["counts"]["nodes"]),
        edge_counts=dict(manifest["counts"]["edges"]),
        inputs=inputs,
        seconds=time.perf_counter() - started,
        stores=dict(manifest.get("stores", {})),
        merges=int(manifest.get("merges", 0)),
        up_to_date=True,
        notes=tuple(manifest.get("notes", ())),
    )


def build_graph(
    raw_dir: str | PathLike[str] = "data/raw",
    out_dir: str | PathLike[str] = DEFAULT_GRAPH_DIR,
    *,
    year: int | None = None,
    progress: bool = False,
    force: bool = False,
    on_wait: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of every report under ``raw_dir`` into ``out_dir``.

    Parameters
    ----------
    raw_dir
        Directory (or single file) of reports: PDF, Markdown, text, HTML.
    out_dir
        The graph directory: absent, empty, or written by an earlier build (see
        :mod:`aigraph.build.atomic`); readers open it with
        :class:`~aigraph.graph.paths.GraphPaths`.
    year
        Report year for inputs whose year the reader cannot tell.
    progress
        Draw a progress bar on stderr (only when it is a terminal).
    force
        Rebuild and re-extract every input, ignoring the cache and the previous build.
    on_wait
        Called with one line when another build of ``out_dir`` is running; this one
        then waits for it to finish.

    Returns
    -------
    BuildResult
        Counts per node label and edge type, each input's fate, time taken.
        ``up_to_date`` is true when inputs, options, code and library versions all
        matched the previous build, which is then kept as it is.

    Raises
    ------
    GraphError
        When there is no input, or no input could be read; or ``out_dir`` is the
        input, lies inside it or holds it, or holds files no build wrote. ``out_dir``
        is then untouched. Any exception (``KeyboardInterrupt`` too) leaves the
        current build in place.

    Examples
    --------
    >>> result = build_graph("data/raw", "data/graph")  # doctest: +SKIP
    >>> result.node_counts["Organization"], len(result.cached)  # doctest: +SKIP
    (214, 4)
    """
    started = time.perf_counter()
    raw, out = Path(raw_dir), Path(out_dir)
    if not raw.exists():
        raise GraphError(f"no such input directory: {raw}")
    check_output_directory(out, raw)
    from aigraph.extract import EXTRACTOR_VERSION
    from aigraph.ingest import iter_sources

    sources = hash_sources(list(iter_sources([raw])), raw)
    if not sources:
        raise GraphError(f"no report files under {raw}")
    versions = _tool_versions()
    fingerprint = build_fingerprint(
        [(s.source, s.sha256) for s in sources], year, str(EXTRACTOR_VERSION), versions
    )
    with build_lock(out, on_wait):
        if not force:
            previous = fresh_manifest(GraphPaths(out), fingerprint)
            if previous is not None:
                return _unchanged_result(out, previous, started)
        old_caches = [] if force else [ExtractionCache(d / "cache") for d in donors(out)]
        with staged_version(out) as folder:
            return _write_build(
                _Job(raw, out, GraphPaths(folder), sources, year, fingerprint, versions, started),
                old_caches, progress,
            )


@dataclass(frozen=True, slots=True)
class _Job:
    """What one build writes, and where."""

    raw: Path
    out: Path
    staged: GraphPaths
    sources: list[Source]
    year: int | None
    fingerprint: str
    versions: dict[str, str]
    started: float


def _write_build(job: _Job, old_caches: list[ExtractionCache], progress: bool) -> BuildResult:
    """Extract, assemble and write every output into ``job.staged``, the manifest last."""
    from aigraph.extract import EXTRACTOR_VERSION

    staged, timings = job.staged, {}
    with _lap(timings, "extract"):
        code = f"{extraction_fingerprint()} spacy {job.versions.get('spacy')}"
        extractions, inputs = extract_inputs(
            job.sources, job.year, old_caches, ExtractionCache(staged.cache), progress, code
        )
    if not extractions:
        details = "; ".join(f"{i.source}: {i.error}" for i in inputs)
        raise GraphError(f"nothing could be built from {job.raw} ({details})")
    with _lap(timings, "assemble"):
        from aigraph.graph.assemble import graph_from_extractions

        knowledge = _load_knowledge()
        graph, merge_log = graph_from_extractions(extractions, knowledge)
        notes = _forecast_notes(extractions)
        del extractions
    with _lap(timings, "outside"):
        # Outside facts (Epoch AI) on the linked Model nodes; see aigraph.graph.outside.
        from aigraph.graph.outside import OUTSIDE_LOG, add_outside_facts

        outside, outside_lines = add_outside_facts(graph, knowledge)
        del knowledge
    release_memory()  # what assembly held beside the graph
    with _lap(timings, "write"):
        write_graph_json(graph, staged.graph_json)
        write_jsonl(merge_log, staged.merge_log)
        write_jsonl(outside_lines, staged.root / OUTSIDE_LOG)
    merges = sum(1 for r in merge_log if r["rule"] != "new")
    del merge_log
    write_from_graph(graph, staged, timings)
    node_counts, edge_counts = _counts(graph)
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    del graph
    release_memory()
    stores = load_from_files(staged, timings)
    seconds = time.perf_counter() - job.started
    write_manifest(
        {
            "format": MANIFEST_FORMAT,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(seconds, 3),
            "timings": timings,
            "fingerprint": job.fingerprint,
            "raw_dir": str(job.raw),
            "year": job.year,
            "extractor_version": str(EXTRACTOR_VERSION),
            "knowledge_fingerprint": knowledge_fingerprint(),
            "inputs": [dataclasses.asdict(i) for i in inputs],
            "counts": {"nodes": node_counts, "edges": edge_counts,
                       "total_nodes": total_nodes, "total_edges": total_edges},
            "merges": merges,
            "outside": outside,
            "stores": stores,
            "files": {p.name: file_sha256(p)
                      for p in (staged.graph_json, staged.merge_log, staged.root / OUTSIDE_LOG)},
            "versions": job.versions,
            "notes": notes,
        },
        staged.manifest,
    )
    return BuildResult(
        out_dir=job.out,
        node_counts=node_counts,
        edge_counts=edge_counts,
        inputs=tuple(inputs),
        seconds=time.perf_counter() - job.started,
        stores=stores,
        merges=merges,
        timings=timings,
        notes=tuple(notes),
    )


def _forecast_notes(extractions: list[Any]) -> list[str]:
    """The build log's lines on predictions and grades (``aigraph build`` prints each once)."""
    from aigraph.graph.forecasts import grade_notes, link_grades

    return grade_notes(link_grades(extractions))
