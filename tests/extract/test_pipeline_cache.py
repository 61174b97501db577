"""The on-disk cache of compiled pipeline data: built once, atomic, rebuilt when stale or damaged."""

from __future__ import annotations

import os
import pickle

import pytest

from aigraph import diskcache as cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("AIGRAPH_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_loaded(cache_home):
    build, calls = _counting({"a": (1, 2)})
    assert cache.cached("thing", "k1", build) == {"a": (1, 2)}
    assert cache.cached("thing", "k1", build) == {"a": (1, 2)}
    assert len(calls) == 1
    assert [p.name for p in cache_home.iterdir()] == ["thing-k1.pickle"]


def test_new_key_rebuilds_and_drops_the_old_file(cache_home):
    old, new = "ab" * 16, "cd" * 16
    cache.cached("thing", old, lambda: 1)
    cache.cached("thing-other", old, lambda: 1)
    build, calls = _counting(2)
    assert cache.cached("thing", new, build) == 2
    assert calls == [1]
    # The stale file of this name goes; a file of another name that starts alike stays.
    assert sorted(p.name for p in cache_home.iterdir()) == ["thing-cdcdcdcdcdcdcdcdcdcdcdcd.pickle",
                                                            "thing-other-abababababababababababab.pickle"]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps("no key and value")[:-3]])
def test_damaged_file_is_rebuilt(cache_home, damage):
    cache.cached("thing", "k1", lambda: "old")
    (cache_home / "thing-k1.pickle").write_bytes(damage)
    build, calls = _counting("fresh")
    assert cache.cached("thing", "k1", build) == "fresh"
    assert calls == [1]
    assert cache.cached("thing", "k1", lambda: "unused") == "fresh"


def test_file_with_another_key_inside_is_rebuilt(cache_home):
    cache_home.mkdir()
    (cache_home / "thing-k1.pickle").write_bytes(pickle.dumps(("k1-but-longer", "stale")))
    assert cache.cached("thing", "k1", lambda: "fresh") == "fresh"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_unwritable_directory_still_returns_the_value(cache_home):
    cache_home.mkdir()
    cache_home.chmod(0o500)
    try:
        assert cache.cached("thing", "k1", lambda: 5) == 5
        assert list(cache_home.iterdir()) == []
    finally:
        cache_home.chmod(0o700)


def test_cache_path_that_is_a_file_still_returns_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("AIGRAPH_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("thing", "k1", lambda: 5) == 5


def test_no_temporary_files_left_behind(cache_home):
    class Unpicklable:
        def __reduce__(self):
            raise TypeError("cannot pickle")

    with pytest.raises(TypeError):
        cache.cached("thing", "k1", Unpicklable)
    assert list(cache_home.iterdir()) == []


def test_code_key_changes_with_the_spacy_version(monkeypatch):
    import spacy

    before = cache.code_key()
    cache.code_key.cache_clear()
    monkeypatch.setattr(spacy, "__version__", "0.0.0-test")
    try:
        assert cache.code_key() != before
    finally:
        cache.code_key.cache_clear()


def test_compiled_knowledge_is_cached_and_loaded(cache_home, tmp_path):
    from aigraph.extract.compiled import compiled_knowledge
    from aigraph.knowledge import DATA_FILES

    data = tmp_path / "data"
    data.mkdir()
    for name in DATA_FILES:
        (data / name).write_text("", encoding="utf-8")
    (data / "models.jsonl").write_text('{"id": "quillbot-9", "name": "Quillbot-9"}\n', encoding="utf-8")
    compiled_knowledge.cache_clear()
    first = compiled_knowledge(str(data))
    assert len(list(cache_home.glob("gazetteer-*-*.pickle"))) == 1
    compiled_knowledge.cache_clear()
    second = compiled_knowledge(str(data))
    assert second == first and second is not first
    assert second.is_known("Quillbot-9") and not second.is_known("quillbot-9")
    # New data: a new key, so a fresh compile that sees it.
    (data / "datasets.jsonl").write_text('{"id": "pebble-qa", "name": "PebbleQA"}\n', encoding="utf-8")
    compiled_knowledge.cache_clear()
    third = compiled_knowledge(str(data))
    assert third.is_dataset("pebbleqa") and not first.is_dataset("pebbleqa")
    compiled_knowledge.cache_clear()


def test_code_key_covers_the_modules_the_compiled_data_depends_on():
    names = {p.name for p in cache.module_files()}
    assert {"gazetteer.py", "compiled.py", "diskcache.py", "__init__.py", "errors.py"} <= names
    assert "names.py" not in names and "candidates.py" not in names  # rule edits keep the cache


def test_module_files_follow_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "aigraph_probe_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from aigraph_probe_pkg import b\n")
    (pkg / "b.py").write_text("import aigraph_probe_pkg.c\n")
    (pkg / "c.py").write_text("X = 1\n")
    (pkg / "d.py").write_text("X = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert [p.name for p in cache.module_files(["aigraph_probe_pkg.a"], "aigraph_probe_pkg")] == [
        "__init__.py", "a.py", "b.py", "c.py"]
