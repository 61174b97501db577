"""Whether a graph directory can be explored, and a stamp that changes with every build."""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from aigraph.errors import GraphError

#: What to do when there is no usable graph.
BUILD_HINT = "Build one with `aigraph build data/raw --out {root}`, then reload this page."


@dataclass(frozen=True, slots=True)
class GraphStatus:
    """A graph directory as the explorer sees it.

    ``ok`` is true when the build is complete (``manifest.json`` and ``graph.json``);
    otherwise ``message`` says what is wrong and ``hint`` what to do.
    """

    root: Path
    ok: bool
    message: str = ""
    hint: str = ""
    stamp: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)


def build_stamp(graph_dir: str | PathLike[str]) -> str:
    """Return a short text that changes whenever the graph directory is rebuilt.

    It is made of the manifest's inode, modification time and size (``""`` when
    there is no manifest), so caches keyed by it are dropped after a new build.
    """
    from aigraph.graph.paths import file_stamp

    stamp = file_stamp(Path(graph_dir) / "manifest.json")
    return "" if stamp is None else "-".join(map(str, stamp))


def graph_status(graph_dir: str | PathLike[str]) -> GraphStatus:
    """Return whether ``graph_dir`` holds a complete build the explorer can open.

    Examples
    --------
    >>> status = graph_status("/nonexistent/graph")
    >>> status.ok, status.message.startswith("no graph at")
    (False, True)
    """
    from aigraph.graph.paths import GraphPaths
    from aigraph.graph.store import read_manifest

    paths = GraphPaths(graph_dir)
    hint = BUILD_HINT.format(root=paths.root)
    try:
        manifest = read_manifest(paths.root)
    except GraphError as err:
        return GraphStatus(paths.root, False, str(err), hint)
    if not paths.graph_json.is_file():
        return GraphStatus(paths.root, False, f"the graph at {paths.root} has no graph.json", hint)
    return GraphStatus(paths.root, True, stamp=build_stamp(paths.root), manifest=manifest)
