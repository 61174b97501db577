"""The inputs of a build: find and hash them, then extract each or take it from a cache.

Every extraction goes into the new build's cache; the build holds a
:class:`StoredExtraction` per input (the document, not the entities), so a large build
keeps one extraction's worth of entities in memory at a time.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.errors import AigraphError, GraphError
from aigraph.build.cache import ExtractionCache, cache_key, file_sha256, knowledge_fingerprint

if TYPE_CHECKING:
    from aigraph.records import Document, Entity, Extraction, Outcome, Prediction, Relation


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input of a build and what became of it."""

    source: str
    sha256: str
    bytes: int
    status: str  # "extracted" | "cached" | "error"
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One input file: its path, its name in the graph, its content hash (or why it failed)."""

    path: Path
    source: str
    sha256: str
    bytes: int
    error: str | None = None


def _relative_source(path: Path, raw_dir: Path) -> str:
    """The input's name in the graph: its path under ``raw_dir``, or its file name."""
    try:
        relative = path.resolve().relative_to(raw_dir.resolve()).as_posix()
    except ValueError:
        return path.name
    return path.name if relative == "." else relative


def hash_sources(paths: list[Path], raw_dir: Path) -> list[Source]:
    """Return each input with its name and content hash (or why it cannot be read), by name."""
    sources = []
    for path in paths:
        source = _relative_source(path, raw_dir)
        try:
            sources.append(Source(path, source, file_sha256(path), path.stat().st_size))
        except OSError as err:
            sources.append(Source(path, source, "", 0, f"cannot read: {err.strerror or err}"))
    return sorted(sources, key=lambda s: s.source)


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[str], None]]:
    """Yield ``advance(label)``; draws a rich bar on stderr only when it is a terminal."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda label: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[file]}"),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("extracting", total=total, file="")
        yield lambda label: bar.update(task, advance=1, file=label)


def _without_path(err: Exception, path: Path) -> str:
    """Return an error message without the leading ``<path>: `` readers put in front."""
    message = str(err)
    for prefix in (str(path), path.as_posix()):
        if message.startswith(prefix + ": "):
            return message[len(prefix) + 2 :]
    return message


class _LastRead:
    """Reads cached extractions back, keeping only the last one in memory."""

    def __init__(self, cache: ExtractionCache) -> None:
        self.cache = cache
        self.key: str | None = None
        self.extraction: Extraction | None = None

    def get(self, key: str) -> Extraction:
        if key != self.key:
            extraction = self.cache.get(key)
            if extraction is None:
                raise GraphError(f"the extraction cache entry {self.cache.path(key)} went missing")
            self.key, self.extraction = key, extraction
        assert self.extraction is not None
        return self.extraction


class StoredExtraction:
    """An :class:`~aigraph.records.Extraction` whose entities and relations stay on disk.

    The build holds one of these per input instead of the whole extraction: the
    document is in memory (the assembler sorts by it), the entities and relations are
    read back from the new cache when the assembler comes to the document, one
    document at a time. This keeps a large build's memory to one extraction's worth.
    The predictions and grades (a few per report) stay in memory: the build ties
    grades to predictions over all documents at once.
    """

    __slots__ = ("document", "_key", "_reader", "predictions", "outcomes")

    def __init__(self, document: Document, key: str, reader: _LastRead,
                 predictions: list[Prediction] | None = None, outcomes: list[Outcome] | None = None) -> None:
        self.document, self._key, self._reader = document, key, reader
        self.predictions, self.outcomes = list(predictions or ()), list(outcomes or ())

    @property
    def entities(self) -> list[Entity]:
        return self._reader.get(self._key).entities

    @property
    def relations(self) -> list[Relation]:
        return self._reader.get(self._key).relations


def extract_inputs(
    sources: list[Source],
    year: int | None,
    old_caches: list[ExtractionCache],
    new_cache: ExtractionCache,
    progress: bool,
    code: str,
) -> tuple[list[StoredExtraction], list[InputFile]]:
    """Extract each input, or take it from an old cache; every result goes into ``new_cache``.

    ``code`` is the part of the cache key that stands for the extraction code and data
    (see :func:`aigraph.build.fingerprint.extraction_fingerprint`).
    """
    from aigraph.extract import extract_document
    from aigraph.ingest import read_document

    knowledge = knowledge_fingerprint()
    reader = _LastRead(new_cache)
    extractions: list[StoredExtraction] = []
    inputs: list[InputFile] = []
    with _progress(progress, len(sources)) as advance:
        for src in sources:
            advance(src.source)
            if src.error is not None:
                inputs.append(InputFile(src.source, "", 0, "error", src.error))
                continue
            key = cache_key(src.sha256, src.path.name, year, code, knowledge)
            extraction = None
            if any(new_cache.adopt(old, key) for old in old_caches):
                extraction = new_cache.get(key)
            status = "cached"
            if extraction is None:
                status = "extracted"
                try:
                    extraction = extract_document(read_document(src.path, year=year))
                except AigraphError as err:
                    message = _without_path(err, src.path)
                    inputs.append(InputFile(src.source, src.sha256, src.bytes, "error", message))
                    continue
                new_cache.put(key, extraction)
            document = dataclasses.replace(extraction.document, source=src.source, sha256=src.sha256)
            extractions.append(StoredExtraction(document, key, reader,
                                                extraction.predictions, extraction.outcomes))
            del extraction
            inputs.append(InputFile(src.source, src.sha256, src.bytes, status))
    return extractions, inputs


__all__ = ["InputFile", "Source", "StoredExtraction", "extract_inputs", "hash_sources"]
