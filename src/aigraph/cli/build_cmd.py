"""`aigraph build` and `aigraph export`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from aigraph.cli._app import app
from aigraph.graph.paths import CURRENT_LINK

if TYPE_CHECKING:
    from aigraph.build.pipeline import BuildResult


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items()) or "none"


def render_summary(result: BuildResult) -> list[str]:
    """Return the lines ``aigraph build`` prints on success."""
    inputs = len(result.inputs)
    if result.up_to_date:
        return [
            f"Up to date: {result.out_dir} ({result.nodes} nodes, {result.edges} edges from "
            f"{inputs} file{'s' if inputs != 1 else ''}; nothing changed, checked in "
            f"{result.seconds:.2f} s; --force rebuilds)"
        ]
    lines = [
        f"Built {result.out_dir} in {result.seconds:.2f} s: {result.nodes} nodes, "
        f"{result.edges} edges from {inputs} file{'s' if inputs != 1 else ''} "
        f"({len(result.extracted)} extracted, {len(result.cached)} cached, "
        f"{len(result.errors)} failed)",
        f"  nodes: {_counts(result.node_counts)}",
        f"  edges: {_counts(result.edge_counts)}",
        f"  merges: {result.merges} (see {result.out_dir / CURRENT_LINK / 'merge_log.jsonl'})",
    ]
    skipped = {k: v for k, v in result.stores.items() if v != "written"}
    if skipped:
        lines.append("  not written: " + "; ".join(f"{k} ({v})" for k, v in skipped.items()))
    return lines


@app.command("build")
def build(
    raw_dir: Annotated[Path, typer.Argument(help="Folder of report files (PDF, Markdown, text, HTML).")] = Path("data/raw"),
    out: Annotated[Path, typer.Option("--out", help="Graph folder to write: new, empty, or written by a build (its build is replaced as a whole).")] = Path("data/graph"),
    year: Annotated[Optional[int], typer.Option("--year", help="Report year for files whose year cannot be told.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract every file, ignoring the cache.")] = False,
) -> None:
    """Build the knowledge graph of RAW_DIR into --out (atomic; unchanged files come from the cache)."""
    from aigraph.build.pipeline import build_graph

    def waiting(message: str) -> None:
        print(f"aigraph: {message}", file=sys.stderr, flush=True)

    result = build_graph(raw_dir, out, year=year, progress=True, force=force, on_wait=waiting)
    for source, error in result.errors:
        print(f"aigraph: skipped {source}: {error}", file=sys.stderr)
    for note in result.notes:
        print(f"aigraph: note: {note}", file=sys.stderr)
    for line in render_summary(result):
        typer.echo(line)


@app.command("export")
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, graphml, gexf, ttl, jsonld, nt, parquet or neo4j.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File or folder to write (see the format).")],
    graph: Annotated[Path, typer.Option("--graph", help="Graph folder written by `aigraph build`.")] = Path("data/graph"),
) -> None:
    """Export a built graph to a file format other tools read."""
    from aigraph.export import export_graph, formats
    from aigraph.export import ExportError
    from aigraph.graph import load_graph

    if fmt not in formats():
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(formats())})")
    written = export_graph(load_graph(graph), fmt, out)
    typer.echo(f"Wrote {len(written)} file{'s' if len(written) != 1 else ''} ({fmt}):")
    for path in written:
        typer.echo(f"  {path}")
