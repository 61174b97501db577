"""Per-input extraction cache: one JSON file per (content, extractor) pair.

The key hashes the input's bytes, its file name (the reader may take the year from
it), the ``--year`` override, a hash of the package's extraction code and data
(:func:`aigraph.build.fingerprint.extraction_fingerprint`, which the curated
knowledge is part of) and a fingerprint of the curated knowledge. An entry that is
missing, unreadable or of another format is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.build.serial import FORMAT_VERSION, extraction_from_dict, extraction_to_dict
from aigraph.errors import GraphError
from aigraph.files import replace_file

if TYPE_CHECKING:
    from aigraph.records import Extraction


def file_sha256(path: str | PathLike[str]) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_key(sha256: str, file_name: str, year: int | None, code: str, knowledge: str) -> str:
    """Return the cache key of one input.

    Parameters
    ----------
    sha256
        The input's content hash.
    file_name, year
        What the reader may take the report year from.
    code
        The hash of the extraction code and data
        (:func:`~aigraph.build.fingerprint.extraction_fingerprint`).
    knowledge
        :func:`knowledge_fingerprint`.

    Examples
    --------
    >>> k1 = cache_key("ab" * 32, "soai-2021.md", None, "code1", "k")
    >>> k1 == cache_key("ab" * 32, "soai-2021.md", None, "code2", "k")
    False
    >>> k1.startswith("abababab")
    True
    """
    salt = json.dumps([FORMAT_VERSION, file_name, year, code, knowledge])
    return f"{sha256[:16]}-{hashlib.sha256(salt.encode()).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class ExtractionCache:
    """A directory of cached extractions, ``<key>.json`` each."""

    root: Path

    def path(self, key: str) -> Path:
        """Return the file that holds (or would hold) one entry."""
        return self.root / f"{key}.json"

    def get(self, key: str) -> Extraction | None:
        """Return the cached extraction, or ``None`` on a miss."""
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            return extraction_from_dict(data)
        except (OSError, ValueError, GraphError):
            return None

    def put(self, key: str, extraction: Extraction) -> Path:
        """Store one extraction; returns its file."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.path(key)
        text = json.dumps(extraction_to_dict(extraction), ensure_ascii=False, separators=(",", ":"))
        # Write then rename: an adopted entry may be a hard link shared with the old cache.
        replace_file(path, text)
        return path

    def adopt(self, other: ExtractionCache, key: str) -> bool:
        """Bring one entry over from another cache (hard link, else copy); true if found."""
        source = other.path(key)
        if not source.is_file():
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.path(key)
        if target.exists():
            return True
        try:
            os.link(source, target)
        except OSError:
            target.write_bytes(source.read_bytes())
        return True


def knowledge_fingerprint() -> str:
    """Return a short hash of the curated knowledge files shipped with the package."""
    from importlib import resources

    try:
        from aigraph.knowledge import DATA_FILES
    except ImportError:
        return "none"
    digest = hashlib.sha256()
    data = resources.files("aigraph.knowledge").joinpath("data")
    for name in sorted(DATA_FILES):
        try:
            digest.update(name.encode() + b"\0" + data.joinpath(name).read_bytes())
        except OSError:
            digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:16]
