from aigraph.questions import ask


def test_entity_page_shows_mentions_relations_and_merges(open_app, graph_dir):
    at = open_app("entity", id="org:deepmind")
    assert not at.exception
    assert at.title[0].value == "DeepMind"
    assert "Google DeepMind" in at.markdown[0].value  # aliases
    rows = ask("mentions", "DeepMind", via="graph", graph_dir=graph_dir)
    tabs = [tab.label for tab in at.tabs]
    assert tabs[0] == f"Mentions ({len(rows)})"
    texts = [m.value for m in at.markdown]
    # Every mention names its slide, and the mention is highlighted in the sentence.
    first = rows[0]
    where = f"slide {first['slide']}" if first["slide"] is not None else "outside the slides"
    assert any(t.startswith(f"**{where}") and ":orange-background[**DeepMind**]" in t for t in texts)
    relations = at.dataframe[0].value
    assert {"DEVELOPED", "PART_OF"} <= set(relations["relation"])
    merges = at.dataframe[-1].value
    assert set(merges["rule"]) - {"new"}, "DeepMind's spellings were merged"
    links = {link.proto.query_string for link in at.get("page_link")}
    assert "id=model%3Aalphafold" in links or "id=model%3Achinchilla" in links


def test_unknown_id_and_no_id(open_app):
    at = open_app("entity", id="model:does-not-exist")
    assert not at.exception
    assert "no node `model:does-not-exist`" in at.warning[0].value
    at = open_app("entity")
    assert not at.exception
    picker = at.selectbox(key="entity_pick")
    picker.set_value("model:alphafold-2").run()
    assert not at.exception
    assert at.title[0].value == "AlphaFold 2"
    assert url_param(at, "id") == "model:alphafold-2"


def url_param(at, name):
    """A query parameter of the page's URL (AppTest keeps some as lists)."""
    value = at.query_params[name]
    return value if isinstance(value, str) else value[-1]
