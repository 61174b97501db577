"""load_knowledge keeps the parsed entries in the user cache and reads them back."""

from __future__ import annotations

from importlib import resources

from aigraph.knowledge import _with_outside_names, load_knowledge, read_knowledge


def test_cached_knowledge_equals_the_parsed_files(tmp_path, monkeypatch):
    monkeypatch.setenv("AIGRAPH_CACHE_DIR", str(tmp_path))
    load_knowledge.cache_clear()
    try:
        first = load_knowledge()
        [stored] = tmp_path.glob("knowledge-*.pickle")
        load_knowledge.cache_clear()
        second = load_knowledge()  # from the cache file
        data = resources.files("aigraph.knowledge").joinpath("data")
        parsed = _with_outside_names(read_knowledge(data), data)  # curated entries, then Epoch's names
        assert list(second) == list(parsed) == list(first)
        assert second.get("deepmind", "ORG") == parsed.get("deepmind", "ORG")
        assert [e.id for e in second.lookup("Google DeepMind")] == [e.id for e in parsed.lookup("Google DeepMind")]
        stored.write_bytes(b"\x80garbage")
        load_knowledge.cache_clear()
        assert list(load_knowledge()) == list(parsed)  # a damaged cache is rebuilt
    finally:
        load_knowledge.cache_clear()
