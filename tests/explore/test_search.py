from aigraph.explore.search import build_index, search
from aigraph.keys import word_key


def test_alias_finds_its_node(graph):
    hits = search(build_index(graph), "Google DeepMind")
    assert hits[0].id == "org:deepmind"
    assert hits[0].matched == "Google DeepMind" and hits[0].via_alias
    assert hits[0].score == 100.0


def test_case_punctuation_and_typos(graph):
    index = build_index(graph)
    assert search(index, "alphafold-2")[0].id == "model:alphafold2"
    assert search(index, "ALPHAFOLD")[0].id == "model:alphafold"
    assert search(index, "Alphafodl")[0].id in {"model:alphafold", "model:alphafold2"}
    assert search(index, "muzro")[0].name == "MuZero"


def test_prefix_ranks_names_that_start_with_it(graph):
    names = [h.name for h in search(build_index(graph), "alpha", labels=["Model"])]
    assert names[:2] == ["AlphaFold", "AlphaFold2"]


def test_label_filter_limit_and_no_match(graph):
    index = build_index(graph)
    assert {h.label for h in search(index, "deepmind", labels=["Model"])} <= {"Model"}
    assert len(search(index, "a", limit=2)) <= 2
    assert search(index, "zzzzqqq") == []
    assert search(index, "   ") == []


def test_one_hit_per_node_even_when_name_and_alias_match(graph):
    hits = search(build_index(graph), "facebook ai")
    ids = [h.id for h in hits]
    assert len(ids) == len(set(ids))
    # "Facebook AI" is a node's name and another node's alias: the name ranks first.
    assert ids[:2] == ["org:facebook-ai", "org:meta-ai"]


def test_word_key():
    assert word_key("  Ｇemini\u00a0Ultra!") == "gemini ultra"
