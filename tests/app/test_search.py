def results(at):
    return [(link.label, link.proto.query_string) for link in at.get("page_link")]


def test_alias_finds_its_entity(open_app):
    at = open_app("search")
    at.text_input(key="search_text").set_value("Google DeepMind").run()
    assert not at.exception
    assert results(at)[0] == ("DeepMind", "id=org%3Adeepmind")
    assert "alias \u201cGoogle DeepMind\u201d" in at.caption[1].value


def test_typo_and_label_filter(open_app):
    at = open_app("search")
    at.text_input(key="search_text").set_value("chinchila").run()
    assert results(at)[0][0] == "Chinchilla"
    at.multiselect(key="search_labels").set_value(["Organization"]).run()
    assert "Chinchilla" not in [label for label, _ in results(at)]


def test_query_from_the_url_and_no_match(open_app):
    at = open_app("search", q="alphafold 2")
    assert results(at)[0] == ("AlphaFold 2", "id=model%3Aalphafold-2")
    at.text_input(key="search_text").set_value("qqqqzzzz").run()
    assert not at.exception
    assert "Nothing in the graph is named like" in at.warning[0].value
