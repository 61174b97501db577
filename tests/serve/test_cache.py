import httpx

from aigraph.serve import create_app
from aigraph.serve.cache import ResultCache


def test_least_recently_used_answers_go_first():
    cache = ResultCache(max_bytes=10, max_entry=10)
    cache.put("a", "A", 4)
    cache.put("b", "B", 4)
    assert cache.get("a") == "A"  # a is now the most recent
    cache.put("c", "C", 4)
    assert cache.get("b") is None and cache.get("a") == "A" and cache.get("c") == "C"
    assert cache.size == 8


def test_large_answers_and_a_zero_cache_keep_nothing():
    cache = ResultCache(max_bytes=100, max_entry=10)
    cache.put("big", "x", 11)
    assert cache.get("big") is None
    off = ResultCache(0)
    off.put("a", "A", 1)
    assert len(off) == 0


def test_a_repeated_query_is_answered_from_the_cache(graph_dir, start_server):
    app = create_app(graph_dir, timeout=10)
    server = start_server(app)
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
    first = httpx.get(server.url + "/sparql", params=query, timeout=30)
    again = httpx.get(server.url + "/sparql", params=query, timeout=30)
    as_csv = httpx.get(server.url + "/sparql", params=query, headers={"Accept": "text/csv"}, timeout=30)
    cache = app.state.endpoint.cache
    assert first.content == again.content and as_csv.text.startswith("n\r\n")
    assert (cache.hits, cache.misses, len(cache)) == (1, 2, 2)
