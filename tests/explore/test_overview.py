from aigraph.explore.labels import report_years, sort_labels
from aigraph.explore.overview import overview, ranked_entities


def test_counts_per_label_and_year(graph):
    view = overview(graph)
    assert view.nodes == graph.number_of_nodes()
    assert view.edges == graph.number_of_edges()
    assert view.label_counts["Organization"] == 7
    assert list(view.label_counts) == sort_labels(view.label_counts)
    assert view.entity_count == view.nodes - view.label_counts["Slide"] - view.label_counts["Report"]
    assert view.years == [2020, 2021, 2022]
    per_year = {(y, label): n for y, label, n in view.year_counts}
    # DeepMind, Google, OpenAI in 2020; Alphabet has no year and is not counted.
    assert per_year[(2020, "Organization")] == 3
    assert not any(label in ("Slide", "Report") for _, label, _ in view.year_counts)
    assert view.edge_counts["DEVELOPED"] == 6


def test_top_entities_rank_by_slides_then_mentions(graph):
    orgs = ranked_entities(graph, "Organization", top=3)
    assert [o.id for o in orgs] == ["org:deepmind", "org:openai", "org:meta-ai"]
    assert orgs[0].slides == 7 and orgs[0].years == 3
    # OpenAI's mention outside any slide counts as a mention, not a slide.
    assert (orgs[1].slides, orgs[1].mentions) == (2, 3)
    assert [m.name for m in overview(graph, top=2).top_models] == ["AlphaFold2", "AlphaFold"]


def test_empty_graph():
    import networkx as nx

    view = overview(nx.MultiDiGraph())
    assert (view.nodes, view.years, view.top_organizations) == (0, [], [])
    assert report_years(nx.MultiDiGraph()) == []
