"""Overview, Years and Export say what they count, and agree with each other."""

from aigraph.explore.overview import overview


def test_overview_counts_entities_apart_from_amounts_slides_and_reports(open_page, raw_graph):
    at = open_page("overview")
    view = overview(raw_graph)
    metrics = {m.label: m.value for m in at.metric}
    money = sum(1 for _, a in raw_graph.nodes(data=True) if a.get("label") == "Money")
    structure = sum(1 for _, a in raw_graph.nodes(data=True) if a.get("label") in ("Slide", "Report"))
    assert money > 0
    assert metrics["Entities"] == f"{raw_graph.number_of_nodes() - money - structure:,}" == f"{view.entity_count:,}"
    caption = next(c.value for c in at.caption if c.value.startswith("What is counted"))
    assert f"{raw_graph.number_of_nodes():,} nodes in all" in caption and f"{money:,} money amounts" in caption


def test_export_counts_all_nodes_the_same_way(open_page, raw_graph):
    at = open_page("export")
    assert f"{raw_graph.number_of_nodes():,} nodes in all" in at.caption[0].value


def test_years_page_says_no_longer_mentioned(open_page):
    at = open_page("years")
    subheaders = [s.value for s in at.subheader]
    assert subheaders[1].startswith("No longer mentioned (")
    assert not any("Dropped" in s for s in subheaders)
    table = next(m.value for m in at.markdown if m.value.startswith("| label |"))
    assert table.splitlines()[0] == "| label | new | no longer mentioned | continuing |"
    assert "| Model |" in table and "| Money |" not in table


def test_years_lists_link_each_entity_to_its_page(open_page):
    at = open_page("years")
    lists = [m.value for m in at.markdown if m.value.startswith("- [")]
    assert lists and all("](entity?id=" in line for block in lists for line in block.splitlines())
