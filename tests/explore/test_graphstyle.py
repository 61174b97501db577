from aigraph.explore.graphstyle import EDGE_LOOKS, cytoscape_styles, legend_markdown
from aigraph.explore.labels import color_of


def rules_by_selector(rules):
    return {r["selector"]: r["style"] for r in rules}


def test_names_of_focus_and_neighbours_readable_at_any_zoom_edges_captioned_on_selection_only():
    rules = rules_by_selector(cytoscape_styles(["Organization", "Model"], ["DEVELOPED", "PART_OF", "ACHIEVES"]))
    assert rules["node[distance <= 1]"]["min-zoomed-font-size"] == 0
    assert rules["node"]["min-zoomed-font-size"] > 0  # farther nodes: names when zoomed in
    assert rules["edge"]["label"] == ""
    assert rules["edge:selected, edge.highlight"]["label"] == "data(label)"
    assert rules["node[label='Model']"]["background-color"] == color_of("Model")
    looks = {(s["line-style"], s["line-color"]) for k, s in rules.items() if k.startswith("edge[label=")}
    assert len(looks) == 3  # each relation type drawn its own way


def test_relation_types_look_different():
    assert len({(look.color, look.line) for t, look in EDGE_LOOKS.items() if not t.startswith("MENTIONED")
                and t != "IN_REPORT"}) == len(EDGE_LOOKS) - 3


def test_legend_names_every_label_and_type():
    legend = legend_markdown(["Model", "Organization"], ["DEVELOPED"])
    assert legend.index("Organization") < legend.index("Model") < legend.index("DEVELOPED")
    assert color_of("Model") in legend
