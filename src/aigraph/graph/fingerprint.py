"""Is the graph directory already what a build would write?

A build's fingerprint hashes everything its output depends on: each input's path
and content hash, the ``--year`` override, the extractor version, the code and data
files of the packages that make the output (:data:`BUILD_CODE`), and the versions of the libraries that write the stores. When the
fingerprint in the previous manifest matches and that build's files are intact, a
new build would write the same bytes, so it can stop early.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from aigraph.graph.paths import GraphPaths

_CODE_SUFFIXES = frozenset({".py", ".json", ".jsonl", ".txt"})
#: The parts of the package whose code or data shape what a build writes.
BUILD_CODE = ("__init__.py", "records.py", "ingest", "extract", "knowledge", "graph", "rdf", "cypher")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a short hash of the code and data files a build's output depends on."""
    import aigraph

    root = Path(aigraph.__file__).parent
    digest = hashlib.sha256()
    for part in BUILD_CODE:
        base = root / part
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_fingerprint(
    inputs: list[tuple[str, str]],
    year: int | None,
    extractor_version: str,
    versions: dict[str, str],
) -> str:
    """Return the fingerprint of a build of these ``(source, sha256)`` inputs.

    Examples
    --------
    >>> a = build_fingerprint([("a.md", "00")], None, "1", {})
    >>> a == build_fingerprint([("a.md", "01")], None, "1", {})
    False
    """
    payload = json.dumps(
        [sorted(inputs), year, extractor_version, code_fingerprint(), sorted(versions.items())]
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def fresh_manifest(paths: GraphPaths, fingerprint: str) -> dict[str, Any] | None:
    """Return the manifest of ``paths`` when its build has this fingerprint and is intact.

    Intact means ``graph.json`` and the merge log still have the hashes the manifest
    recorded, and every store it marks as written is still there.
    """
    try:
        manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != fingerprint:
        return None
    for name, digest in (manifest.get("files") or {}).items():
        if _sha256(paths.root / name) != digest:
            return None
    for name, state in (manifest.get("stores") or {}).items():
        if state == "written" and not (paths.root / name).exists():
            return None
    return manifest
