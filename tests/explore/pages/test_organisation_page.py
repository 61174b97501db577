from aigraph.explore.markdown import entity_href
from aigraph.explore.timeline import model_years, models_by_year


def table_markdown(at):
    return next(m.value for m in at.markdown if m.value.startswith("| Report year"))


def test_full_lists_with_links_and_no_repeated_years(open_page, raw_graph):
    at = open_page("organisation", org="org:google")
    at.toggle(key="org_parts").set_value(True).run()
    assert not at.exception
    table = table_markdown(at)
    rows = models_by_year(raw_graph, "org:google", include_parts=True)
    # Every model of every year is in the table, each a link to its entity page.
    for row in rows:
        assert f"]({entity_href(row.model_id)})" in table
    line_2024 = next(line for line in table.splitlines() if line.startswith("| 2024 |"))
    assert line_2024.count("](entity?id=") == len({r.model_id for r in rows if r.year == 2024})
    # A model developed by two parts lists each of its years once.
    years = model_years(rows)
    links = {link.proto.query_string: link.label for link in at.get("page_link")}
    for model, found in years.items():
        label = links[f"id={entity_href(model).split('=', 1)[1]}"]
        assert label.endswith(", ".join(map(str, found)))


def test_csv_download_and_comparison(open_page):
    at = open_page("organisation")
    csv = next(b for b in at.get("download_button") if b.proto.label == "Download this table (CSV)")
    assert csv.proto.label
    picker = at.multiselect(key="org_compare")
    assert picker.value == ["org:deepmind"]
    picker.set_value(["org:deepmind", "org:openai", "org:meta"]).run()
    assert not at.exception
    compared = next(m.value for m in at.markdown if "DeepMind (" in m.value and "OpenAI (" in m.value)
    header = compared.splitlines()[0]
    assert header.startswith("| Report year | DeepMind (") and "Meta (" in header
    assert any(b.proto.label == "Download the comparison (CSV)" for b in at.get("download_button"))
