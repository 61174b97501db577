"""Names of the files in a graph directory (``data/graph/`` by default)."""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from aigraph.errors import GraphError

#: Where ``aigraph build`` writes and every reader looks unless told otherwise.
DEFAULT_GRAPH_DIR = Path("data/graph")


@dataclass(frozen=True, slots=True)
class GraphPaths:
    """The files of one graph directory.

    A directory is complete only when ``manifest.json`` exists: the build writes it
    last, inside the temporary directory that is then swapped in.

    Examples
    --------
    >>> GraphPaths("data/graph").graph_json.as_posix()
    'data/graph/graph.json'
    """

    root: Path

    def __init__(self, root: str | PathLike[str]) -> None:
        object.__setattr__(self, "root", Path(root))

    def build_stamp(self) -> tuple[int, int, int]:
        """Identity of the current build (inode, mtime, size of ``manifest.json``).

        A store compares it between queries to notice a new build swapped in. Raises
        :class:`~aigraph.errors.GraphError` when the directory holds no complete build.
        """
        try:
            stat = self.manifest.stat()
        except OSError:
            raise GraphError(
                f"no complete graph in {self.root} (manifest.json is missing): run `aigraph build`"
            ) from None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

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
        """Per-input extraction results keyed by content hash and extractor version."""
        return self.root / "cache"

    def is_complete(self) -> bool:
        """Return true when the directory holds a finished build."""
        return self.manifest.is_file() and self.graph_json.is_file()
