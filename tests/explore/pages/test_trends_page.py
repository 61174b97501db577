from aigraph.explore.labels import report_years
from aigraph.explore.trends import arrivals_and_departures, mentions_per_label


def test_trends_charts_with_their_data(open_page, raw_graph):
    at = open_page("trends")
    assert at.title[0].value == "Trends"
    subheaders = [s.value for s in at.subheader]
    assert subheaders == ["Mentions per label", "Top organisations per report year", "Top models per report year",
                          "New and no longer mentioned entities"]
    downloads = at.get("download_button")
    assert len(downloads) == 4 and not any(d.proto.disabled for d in downloads)
    # The charts draw every report year but the first for changes, and no money amounts.
    years = report_years(raw_graph)
    mentions = mentions_per_label(raw_graph)
    assert {r["year"] for r in mentions} == set(years)
    assert "Money" not in {r["label"] for r in mentions}
    changes = arrivals_and_departures(raw_graph)
    assert {r["year"] for r in changes} == set(years[1:])
    assert {r["change"] for r in changes} == {"new", "no longer mentioned"}


def test_top_slider_changes_the_ranking(open_page):
    at = open_page("trends")
    at.slider(key="trends_top").set_value(3).run()
    assert not at.exception
    assert "The 3 most mentioned" in at.caption[2].value


def test_trends_without_a_graph_shows_guidance(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from aigraph.app import entry_file

    monkeypatch.setenv("AIGRAPH_GRAPH_DIR", str(tmp_path / "nowhere"))
    at = AppTest.from_file(str(entry_file()), default_timeout=60).run()
    at.switch_page("views/trends.py").run()
    assert not at.exception
    assert "No graph to explore yet" in at.info[0].value
