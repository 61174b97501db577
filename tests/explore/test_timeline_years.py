from aigraph.explore.timeline import default_organisation, models_by_year, models_per_year, organisations, parts_of
from aigraph.explore.years import year_diff


def test_models_by_year_matches_the_canned_question(graph):
    from aigraph.questions import answer

    rows = models_by_year(graph, "org:deepmind")
    expected = [(r["year"], r["model"]) for r in answer(graph, "models-by-org", "DeepMind")]
    assert [(r.year, r.model) for r in rows] == expected
    assert {r.model_id for r in rows} == {"model:alphafold", "model:alphafold2", "model:muzero"}
    assert models_per_year(rows)[0] == {"year": 2020, "models": 2, "names": "AlphaFold, MuZero"}


def test_parts_roll_up(graph):
    assert parts_of(graph, "org:alphabet") == ["org:deepmind", "org:google"]
    assert models_by_year(graph, "org:alphabet") == []
    rolled = models_by_year(graph, "org:alphabet", include_parts=True)
    assert {r.org for r in rolled} == {"DeepMind"}
    assert models_by_year(graph, "org:unknown") == []


def test_organisation_choices_and_default(graph):
    choices = organisations(graph)
    assert choices[0].id == "org:deepmind" and choices[0].models == 3
    assert len(choices) == 7
    assert default_organisation(graph) == "org:deepmind"


def test_default_without_deepmind():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("org:a", label="Organization", name="A")
    g.add_node("org:b", label="Organization", name="B")
    g.add_node("model:m", label="Model", name="M", years=[2020])
    g.add_edge("org:b", "model:m", key="DEVELOPED", type="DEVELOPED")
    assert default_organisation(g) == "org:b"
    assert default_organisation(nx.MultiDiGraph()) is None


def test_year_diff(graph):
    diff = year_diff(graph, 2020, 2021)
    orgs = {d.label: d for d in diff.labels}["Organization"]
    assert [n.name for n in orgs.continuing] == ["DeepMind", "OpenAI"]
    assert [n.name for n in orgs.new] == ["Facebook AI", "Google Brain"]
    assert [n.name for n in orgs.dropped] == ["Google"]
    assert "Metric" not in {d.label for d in diff.labels}
    counts = {row["label"]: row for row in diff.counts()}
    assert counts["Organization"] == {"label": "Organization", "new": 2, "dropped": 1, "continuing": 2}
    # Swapping the years swaps new and dropped.
    back = {d.label: d for d in year_diff(graph, 2021, 2020).labels}["Organization"]
    assert back.new == orgs.dropped and back.dropped == orgs.new
