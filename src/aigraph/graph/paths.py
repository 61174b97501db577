"""Names of the files in a graph directory (``data/graph/`` by default).

A graph directory written by ``aigraph build`` holds versioned build folders and a
``current`` symbolic link to the finished one (see :mod:`aigraph.build.atomic`). A
reader resolves the link once, when it opens the graph, and reads every file from
that one version, so a build swapped in meanwhile never mixes into its answer. A
directory without the link (a single build folder, or one written by an older
aigraph) is read as it is.
"""

from __future__ import annotations

import os
from os import PathLike
from pathlib import Path

from aigraph.errors import GraphError

#: Where ``aigraph build`` writes and every reader looks unless told otherwise.
DEFAULT_GRAPH_DIR = Path("data/graph")

#: The symbolic link, inside a graph directory, to its current build folder.
CURRENT_LINK = "current"


def file_stamp(path: str | PathLike[str]) -> tuple[int, int, int] | None:
    """Return a file's identity (inode, modification time, size), ``None`` when it is not there.

    The stamp of a build's ``manifest.json`` changes with every build swapped in, so
    readers key their caches on it (:meth:`GraphPaths.build_stamp`).
    """
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def resolve_version(folder: str | PathLike[str]) -> Path:
    """Return the build folder ``folder`` currently stands for.

    One ``readlink`` of ``folder/current``: the folder it names, or ``folder``
    itself when there is no such link.

    Examples
    --------
    >>> resolve_version("/nonexistent/graph").as_posix()
    '/nonexistent/graph'
    """
    folder = Path(folder)
    try:
        target = os.readlink(folder / CURRENT_LINK)
    except OSError:  # no link (or not a link): the folder is the build
        return folder
    return folder / target


class GraphPaths:
    """The files of one graph directory, read from the build it currently holds.

    ``folder`` is the directory as given; ``root`` the build folder it stood for
    when this object was made (or last :meth:`refresh` ed). Every file property
    points into ``root``.

    A build is complete only when ``manifest.json`` exists: the build writes it
    last, before the new version is switched in.

    Examples
    --------
    >>> GraphPaths("/nonexistent/graph").graph_json.as_posix()
    '/nonexistent/graph/graph.json'
    """

    __slots__ = ("folder", "root")

    def __init__(self, folder: str | PathLike[str]) -> None:
        self.folder = Path(folder)
        self.root = resolve_version(self.folder)

    def __repr__(self) -> str:
        return f"GraphPaths({str(self.folder)!r}, root={str(self.root)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GraphPaths):
            return NotImplemented
        return (self.folder, self.root) == (other.folder, other.root)

    __hash__ = None  # type: ignore[assignment]  # mutable: refresh() moves it

    def refresh(self) -> GraphPaths:
        """Point at the build the directory holds now (after a rebuild); returns self."""
        self.root = resolve_version(self.folder)
        return self

    def build_stamp(self) -> tuple[int, int, int]:
        """Re-resolve the current build and return its identity (inode, mtime, size of the manifest).

        A store calls it before each query: a changed stamp means a new build was
        swapped in, and the files of this object now point into it. Raises
        :class:`~aigraph.errors.GraphError` when the directory holds no complete build.
        """
        self.refresh()
        stamp = file_stamp(self.manifest)
        if stamp is None:
            raise GraphError(f"no complete graph in {self.folder} (manifest.json is missing): run `aigraph build`")
        return stamp

    @property
    def graph_json(self) -> Path:
        """The networkx node-link JSON, the canonical build output."""
        return self.root / "graph.json"

    @property
    def turtle(self) -> Path:
        """The RDF serialisation (written by :mod:`aigraph.rdf`)."""
        return self.root / "graph.ttl"

    @property
    def cypher(self) -> Path:
        """The embedded Cypher database directory (written by :mod:`aigraph.cypher`)."""
        return self.root / "cypher"

    @property
    def manifest(self) -> Path:
        """Inputs, counts and versions; its presence marks a complete build."""
        return self.root / "manifest.json"

    @property
    def merge_log(self) -> Path:
        """One JSON line per entity-to-node decision."""
        return self.root / "merge_log.jsonl"

    @property
    def cache(self) -> Path:
        """Per-input extraction results keyed by content hash and extraction code."""
        return self.root / "cache"

    def is_complete(self) -> bool:
        """Return true when the directory holds a finished build."""
        return self.manifest.is_file() and self.graph_json.is_file()
