"""The extraction cache: keyed on the package's own code and data; a cached record equals a fresh one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import aigraph
from aigraph.build.cache import ExtractionCache, cache_key
from aigraph.build.fingerprint import AFTER_EXTRACTION, package_fingerprint

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """A copy of the installed aigraph package, to edit."""
    copy = tmp_path_factory.mktemp("pkg") / "aigraph"
    shutil.copytree(Path(aigraph.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _extraction_fp(root):
    return package_fingerprint(root, AFTER_EXTRACTION, ("build/serial.py",))


@pytest.mark.parametrize("changed", ["extract/__init__.py", "records.py", "build/serial.py",
                                     "knowledge/data/new-list.jsonl"])
def test_changing_what_extraction_reads_changes_the_key(package, changed):
    before = _extraction_fp(package)
    path = package / changed
    original = path.read_bytes() if path.exists() else None
    path.write_bytes((original or b"") + b"\n# one more line\n")
    try:
        after = _extraction_fp(package)
    finally:
        path.unlink() if original is None else path.write_bytes(original)
    assert after != before and _extraction_fp(package) == before
    assert cache_key("ab" * 32, "a.md", None, before, "k") != cache_key("ab" * 32, "a.md", None, after, "k")


def test_changing_a_reader_keeps_the_key(package):
    before = _extraction_fp(package)
    path = package / "explore" / "__init__.py"
    original = path.read_bytes()
    path.write_bytes(original + b"\n# a reader's change\n")
    try:
        assert _extraction_fp(package) == before
        assert package_fingerprint(package, ()) != package_fingerprint(package, ("explore",))
    finally:
        path.write_bytes(original)


def test_a_cached_extraction_equals_a_fresh_one_field_for_field(tmp_path):
    from aigraph.extract import extract_document
    from aigraph.ingest import read_document

    fresh = extract_document(read_document(RAW / "state-of-ai-2021.md"))
    assert any(m.curated_id for e in fresh.entities for m in e.mentions)  # the field is used
    cache = ExtractionCache(tmp_path / "cache")
    cache.put("k", fresh)
    cached = cache.get("k")
    assert cached == fresh
    assert [m for e in cached.entities for m in e.mentions] == [
        m for e in fresh.entities for m in e.mentions]
    # Predictions (with the entities they name) and scorecard grades come back too.
    assert fresh.predictions and fresh.outcomes and any(p.entities for p in fresh.predictions)
    assert cached.predictions == fresh.predictions and cached.outcomes == fresh.outcomes
    assert all(isinstance(p.entities, tuple) for p in cached.predictions)
