def test_overview_counts_and_top_entities(open_app, graph):
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "aigraph explorer"
    metrics = {m.label: m.value for m in at.metric}
    years = sorted({attrs["year"] for _, attrs in graph.nodes(data=True) if attrs.get("label") == "Report"})
    assert metrics["Report years"] == str(len(years))
    slides = sum(1 for _, attrs in graph.nodes(data=True) if attrs.get("label") == "Slide")
    assert metrics["Slides"] == f"{slides:,}"
    assert metrics["Relations"] == f"{graph.number_of_edges():,}"
    links = {link.label.split(" \u2014 ")[0]: link.proto.query_string for link in at.get("page_link")}
    assert links["DeepMind"] == "id=org%3Adeepmind"
    assert "OpenAI" in links


def test_build_details_list_every_label(open_app, graph):
    at = open_app()
    labels = at.dataframe[0].value
    counts = dict(zip(labels["label"], labels["nodes"]))
    assert counts["Organization"] == sum(1 for _, a in graph.nodes(data=True) if a["label"] == "Organization")
