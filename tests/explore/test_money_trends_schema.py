import networkx as nx

from aigraph.explore.money import amount_kind, attach_amounts
from aigraph.explore.schema import graph_schema, sorted_examples
from aigraph.explore.timeline import ModelYear, comparison, timeline_points, year_table
from aigraph.explore.trends import arrivals_and_departures, top_per_year


def small_deal_graph():
    g = nx.MultiDiGraph()
    g.add_node("slide:2024:1", label="Slide", number=1, year=2024)
    sentence = "Zephyr Labs bought Quill AI for $2B, after Quill AI raised $300M at a $1B valuation."
    nodes = [("org:zephyr", "Organization", "Zephyr Labs"), ("org:quill", "Organization", "Quill AI"),
             ("money:2b", "Money", "$2B"), ("money:300m", "Money", "$300M"), ("money:1b", "Money", "$1B")]
    for node, label, name in nodes:
        g.add_node(node, label=label, name=name, aliases=[], years=[2024])
        g.add_edge(node, "slide:2024:1", key="MENTIONED_ON",
                   evidence=[{"sentence": sentence, "year": 2024, "slide": 1}])
    return g


def test_amounts_are_attached_to_the_organisation_they_are_about():
    found = {a.amount: (a.org, a.kind) for a in attach_amounts(small_deal_graph())}
    assert found == {"$2B": ("Quill AI", "acquisition"), "$300M": ("Quill AI", "funding round"),
                     "$1B": ("Quill AI", "valuation")}
    assert amount_kind("it earned") == "revenue"


def test_timeline_has_no_line_across_a_report_without_the_model():
    rows = [ModelYear(y, "m:a", "A", "o", "O") for y in (2018, 2020)] + [ModelYear(2019, "m:b", "B", "o", "O")]
    runs = {(p["model"], p["year"]): p["run"] for p in timeline_points(rows, [2018, 2019, 2020])}
    assert runs[("A", 2018)] != runs[("A", 2020)]
    assert year_table(rows)[0] == {"year": 2018, "models": [("m:a", "A")]}


def test_comparison_of_organisations(graph):
    rows = comparison(graph, ["org:deepmind", "org:openai"])
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)
    assert all(set(r) == {"year", "org:deepmind", "org:openai"} for r in rows)


def test_trends_new_and_no_longer_mentioned(graph):
    changes = arrivals_and_departures(graph)
    assert min(r["year"] for r in changes) > 2020  # the first report has nothing to compare with
    top = top_per_year(graph, "Model", top=2)
    assert all(r["rank"] <= 2 for r in top)


def test_schema_and_sorted_examples(graph):
    schema = graph_schema(graph)
    labels = {s.label: s for s in schema.labels}
    assert labels["Organization"].nodes == sum(1 for _, a in graph.nodes(data=True) if a["label"] == "Organization")
    part_of = next(r for r in schema.relations if r.type == "PART_OF")
    assert part_of.sparql_predicate == "schema:parentOrganization" and part_of.pairs[0][:2] == ("Organization",
                                                                                                 "Organization")
    for example in sorted_examples("sparql", year=2022):
        assert "ORDER BY" in example.text, example.key
