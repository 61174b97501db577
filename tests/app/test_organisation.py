from collections import defaultdict

from aigraph.questions import ask


def test_deepmind_models_per_year_from_data_raw(open_app, graph_dir):
    at = open_app("organisation")
    assert not at.exception
    assert at.selectbox(key="org_pick").value == "org:deepmind"
    expected: dict[int, list[str]] = defaultdict(list)
    for row in ask("models-by-org", "DeepMind", via="graph", graph_dir=graph_dir):
        expected[row["year"]].append(row["model"])
    table = at.dataframe[0].value
    shown = {int(year): names.split(", ") for year, names in zip(table["year"], table["names"])}
    assert shown == {year: sorted(models, key=str.lower) for year, models in expected.items()}
    assert len(shown) >= 5  # DeepMind's models appear in most report years
    model_links = [link for link in at.get("page_link") if link.proto.query_string.startswith("id=model%3A")]
    assert len(model_links) == len({m for models in expected.values() for m in models})


def test_other_organisation_and_parts(open_app):
    at = open_app("organisation", org="org:google")
    assert at.selectbox(key="org_pick").value == "org:google"
    alone = at.metric[0].value
    at.toggle(key="org_parts").set_value(True).run()
    assert not at.exception
    assert int(at.metric[0].value) > int(alone)  # DeepMind's models count for Google with its parts
