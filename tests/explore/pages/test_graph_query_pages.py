from aigraph.explore.graphstyle import EDGE_LOOKS


def test_graph_view_has_a_legend_and_readable_styles(open_page):
    at = open_page("graph", id="org:deepmind")
    assert "within 1 step of DeepMind" in at.caption[0].value
    legend = next(m.value for m in at.markdown if "DEVELOPED" in m.value)
    assert "Organization" in legend and "Model" in legend and "PART\\_OF" in legend
    assert EDGE_LOOKS["DEVELOPED"].line != EDGE_LOOKS["PART_OF"].line  # told apart by style
    assert "Money" not in at.multiselect(key="graph_labels").value


def test_graph_cap_keeps_it_small(open_page):
    at = open_page("graph", id="org:deepmind")
    at.number_input(key="graph_cap").set_value(10).run()
    assert not at.exception
    assert at.caption[0].value.startswith("10 of ")


def test_query_schema_panel_and_sorted_example(open_page, raw_graph):
    at = open_page("query")
    labels = next(m.value for m in at.markdown if m.value.startswith("| label | nodes"))
    models = sum(1 for _, a in raw_graph.nodes(data=True) if a.get("label") == "Model")
    assert f"| `Model` | {models:,} | `aig:Model` |" in labels
    relations = next(m.value for m in at.markdown if m.value.startswith("| type | edges"))
    assert "`DEVELOPED`" in relations and "Organization \u2192 Model" in relations and "`aig:developed`" in relations
    prefixes = at.code[0].value
    assert "PREFIX aig: <https://w3id.org/aigraph/vocab#>" in prefixes
    text = at.text_area(key="sparql_text").value
    assert "ORDER BY ?year" in text and "aig:" in text
    at.button(key="sparql_run").click().run()
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert list(table["year"]) == sorted(table["year"])


def test_search_and_export_pages_render(open_page):
    at = open_page("search", q="DeepMind")
    assert at.title[0].value == "Search"
    at = open_page("export")
    assert at.title[0].value == "Export"
