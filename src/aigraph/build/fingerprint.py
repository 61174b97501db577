"""Is the graph directory already what a build would write?

A build's fingerprint hashes everything its output depends on: each input's path
and content hash, the ``--year`` override, the extractor version, the package's code
and data files (all but the readers' parts, :data:`READERS`), and the versions of the
libraries that write the stores. When the fingerprint in the previous manifest matches and that build's files are intact, a
new build would write the same bytes, so it can stop early.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from aigraph.graph.paths import GraphPaths

#: Parts of the package that only read or show a built graph: no build output depends on them.
READERS = ("questions", "export", "explore", "app", "cli", "__main__.py", "readonly.py")
#: Parts that come after extraction: the extraction cache does not depend on them
#: (the cache's own record format, ``build/serial.py``, is counted back in).
AFTER_EXTRACTION = ("graph", "rdf", "cypher", "build", *READERS)
_SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo"})


def _package_root() -> Path:
    import aigraph

    return Path(aigraph.__file__).parent


def package_fingerprint(root: Path, skip: tuple[str, ...], extra: tuple[str, ...] = ()) -> str:
    """Return a short hash of the files under ``root`` (a package folder).

    Every file counts (code and data alike) except compiled files, ``__pycache__``
    and the top-level parts named in ``skip``; the paths in ``extra`` (relative to
    ``root``) are counted even inside a skipped part.
    """
    files = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if ("__pycache__" in relative.parts or path.suffix in _SKIPPED_SUFFIXES
                or not path.is_file()):
            continue
        if relative.parts[0] not in skip or relative.as_posix() in extra:
            files.add(relative.as_posix())
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((root / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a short hash of the code and data files a build's output depends on.

    Computed once per process from the installed package's files (every file but the
    readers' parts, :data:`READERS`), so an upgrade or an edit is always noticed.
    """
    return package_fingerprint(_package_root(), READERS)


@lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    """Return a short hash of the code and data files an extraction depends on.

    Every file of the installed package except the parts after extraction
    (:data:`AFTER_EXTRACTION`), plus ``build/serial.py``, which shapes a cached
    record. Part of each extraction cache key, so a changed extractor, reader,
    lexicon or curated list never serves an old extraction. Computed once per process.

    Examples
    --------
    >>> len(extraction_fingerprint())
    16
    """
    return package_fingerprint(_package_root(), AFTER_EXTRACTION, ("build/serial.py",))


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
    from aigraph.build.cache import file_sha256

    try:
        return file_sha256(path)
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
