"""The explorer in a real headless Chromium: every page, search, entity page, Cypher and SPARQL, graph clicks.

Each step waits for real content (a heading, a result line), not for the page load: the
app's content arrives over a websocket after the HTML. Dataframes are drawn on a canvas,
so their data is checked in the AppTest tests; here the visible captions and texts are.
Screenshots go to ``tests/artifacts/``; so do the first-page and page-switch times
(``browser-timings.json``), which are recorded, never asserted (``bench/bench_app.py``
prints them).
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def timings(artifacts):
    recorded: dict[str, float] = {}
    yield recorded
    if recorded:
        (artifacts / "browser-timings.json").write_text(json.dumps(recorded, indent=2) + "\n")


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    # Generous: two busy cores can take seconds to lay out a page; a broken page still fails.
    playwright_expect.set_options(timeout=30_000)
    return playwright_expect(locator)


def nav_link(page, name: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True)


def main(page):
    return page.get_by_test_id("stMain")


def open_page(page, server: str, path: str, heading: str) -> float:
    """Open a URL and wait for its heading; return the seconds it took."""
    started = time.perf_counter()
    page.goto(f"{server}{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    return time.perf_counter() - started


def switch_page(page, name: str, heading: str) -> float:
    """Click a sidebar link and wait for the new page's heading; return the seconds it took."""
    started = time.perf_counter()
    nav_link(page, name).click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    return time.perf_counter() - started


def assert_local_only(page, server: str) -> None:
    """Every request went to the explorer itself: no CDN, no telemetry."""
    local = urlsplit(server).netloc
    remote = [url for url in page.requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")
              and urlsplit(url).netloc != local]
    assert not remote, remote


#: Every page: path, heading, and the page's key element (a text that only a working page shows).
EVERY_PAGE = [
    ("overview", "/", "aigraph explorer", "What is counted:"),
    ("search", "/search?q=DeepMind", "Search", "results, best first"),
    ("entity", "/entity?id=org:deepmind", "DeepMind", "mentions in"),
    ("organisation", "/organisation?org=org:deepmind", "Organisation \u2192 models by year",
     "DeepMind's models per report year"),
    ("years", "/years", "Years", "No longer mentioned ("),
    ("trends", "/trends", "Trends", "New and no longer mentioned entities"),
    ("predictions", "/predictions", "Predictions", "Hit rate by report year"),
    ("graph", "/graph?id=org:deepmind", "Graph", "within 1 step of DeepMind"),
    ("query", "/query", "Query", "Schema of this graph"),
    ("export", "/export", "Export", "nodes in all"),
]


@pytest.fixture
def tall_page(browser):
    """A tab tall enough for a whole page in one screenshot (Streamlit scrolls inside its main block)."""
    context = browser.new_context(viewport={"width": 1400, "height": 2600})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.requested = requested
    yield tab
    context.close()


@pytest.mark.parametrize(("name", "path", "heading", "key_text"), EVERY_PAGE, ids=[p[0] for p in EVERY_PAGE])
def test_every_page_renders_its_key_element(tall_page, server, artifacts, name, path, heading, key_text):
    page = tall_page
    open_page(page, server, path, heading)
    expect(main(page).get_by_text(key_text, exact=False).first).to_be_visible()
    if name == "trends":
        expect(main(page).get_by_test_id("stVegaLiteChart").first).to_be_visible()
        expect(main(page).get_by_role("button", name="Download the chart's data (CSV)").first).to_be_visible()
    if name == "organisation":
        expect(main(page).get_by_role("link", name="AlphaZero", exact=True).first).to_be_visible()
        expect(main(page).get_by_role("tab", name="Compare up to 4")).to_be_visible()
    if name == "query":
        expect(main(page).get_by_text("PREFIX aig:", exact=False).first).to_be_visible()
    if name == "graph":
        settled_graph_frame(page)
    else:
        page.wait_for_timeout(800)  # let charts finish drawing before the screenshot
    assert page.get_by_test_id("stException").count() == 0
    page.screenshot(path=str(artifacts / f"page-{name}.png"), full_page=True)
    if name == "entity":
        main(page).get_by_role("tab", name="Relations (", exact=False).click()
        expect(main(page).get_by_text("inferred from a heading", exact=False).first).to_be_visible()
        page.wait_for_timeout(800)
        page.screenshot(path=str(artifacts / "page-entity-relations.png"), full_page=True)
    if name == "organisation":
        # Compare: DeepMind is picked; add OpenAI and Meta through the picker.
        main(page).get_by_role("tab", name="Compare up to 4").click()
        for other in ("OpenAI", "Meta"):
            box = main(page).get_by_role("combobox", name="Organisations", exact=False)
            box.click()
            box.fill(other)
            page.get_by_role("option", name=other, exact=False).first.click()
            page.keyboard.press("Escape")
        expect(main(page).get_by_role("columnheader", name="OpenAI (", exact=False)).to_be_visible()
        expect(main(page).get_by_role("button", name="Download the comparison (CSV)")).to_be_visible()
        page.wait_for_timeout(500)
        page.screenshot(path=str(artifacts / "page-organisation-compare.png"), full_page=True)
    assert_local_only(page, server)


def test_first_page_then_search_then_entity(page, server, artifacts, timings):
    timings["first_page_s"] = open_page(page, server, "/", "aigraph explorer")
    expect(main(page).get_by_text("Report years", exact=True)).to_be_visible()
    expect(main(page).get_by_role("link", name="DeepMind", exact=False).first).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-overview.png"), full_page=True)

    timings["switch_to_search_s"] = switch_page(page, "Search", "Search")
    box = page.get_by_role("textbox", name="Name or alias")
    box.fill("Google DeepMind")
    box.press("Enter")  # commit the text before anything else
    hit = main(page).get_by_role("link", name="DeepMind", exact=True)
    expect(hit).to_be_visible()
    expect(main(page).get_by_text("alias \u201cGoogle DeepMind\u201d")).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-search.png"), full_page=True)

    hit.click()
    expect(page.get_by_role("heading", name="DeepMind", exact=True)).to_be_visible()
    assert "id=org%3Adeepmind" in page.url
    expect(page.get_by_role("tab", name="Mentions (", exact=False)).to_be_visible()
    expect(main(page).get_by_text("slide 10 \u00b7 Research", exact=False).first).to_be_visible()
    expect(main(page).get_by_text("Also called:", exact=False)).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-entity.png"), full_page=True)

    timings["switch_to_organisation_s"] = switch_page(page, "Organisation \u2192 models by year",
                                                      "Organisation \u2192 models by year")
    expect(main(page).get_by_text("DeepMind's models per report year")).to_be_visible()
    expect(main(page).get_by_role("link", name="AlphaZero", exact=False).first).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-organisation.png"), full_page=True)
    assert_local_only(page, server)


def run_console(page, language: str, text: str | None = None) -> None:
    page.get_by_role("tab", name=language, exact=True).click()
    panel = page.get_by_role("tabpanel").filter(visible=True)
    if text is not None:
        area = panel.get_by_role("textbox", name=f"{language} query")
        area.fill(text)
        area.press("Control+Enter")  # commit the text area before clicking Run
    panel.get_by_role("button", name="Run").click()
    return panel


def test_cypher_and_sparql_queries(page, server, artifacts):
    open_page(page, server, "/query", "Query")

    panel = run_console(page, "SPARQL")  # the canned models-by-org example
    expect(panel.get_by_text("rows in", exact=False)).to_be_visible()
    expect(panel.get_by_test_id("stDataFrame")).to_be_visible()
    expect(panel.get_by_role("button", name="CSV", exact=True)).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-sparql.png"), full_page=True)

    text = ("MATCH (o:Organization)-[:DEVELOPED]->(m:Model) "
            "RETURN o.name AS org, count(m) AS models ORDER BY models DESC LIMIT 5")
    panel = run_console(page, "Cypher", text)
    expect(panel.get_by_text("5 rows in", exact=False)).to_be_visible()
    expect(panel.get_by_test_id("stDataFrame")).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-cypher.png"), full_page=True)

    panel = run_console(page, "Cypher", "MATCH (n) DETACH DELETE n")
    expect(panel.get_by_text("DETACH DELETE is not allowed", exact=False)).to_be_visible()
    panel = run_console(page, "Cypher", "MATCH (n RETURN n")
    expect(panel.get_by_text("malformed Cypher", exact=False)).to_be_visible()
    page.screenshot(path=str(artifacts / "browser-cypher-error.png"), full_page=True)
    # The app is still up and the graph untouched.
    panel = run_console(page, "Cypher", "MATCH (m:Model) RETURN count(*) AS models")
    expect(panel.get_by_text("1 row in", exact=False)).to_be_visible()
    assert_local_only(page, server)


def test_export_download(page, server, artifacts):
    import io
    import zipfile

    open_page(page, server, "/export", "Export")
    row = main(page).get_by_text("csv \u2014", exact=False)
    expect(row).to_be_visible()
    with page.expect_download() as info:
        main(page).get_by_role("button", name="Download").first.click()
    download = info.value
    assert download.suggested_filename == "aigraph-csv.zip"
    saved = artifacts / "browser-export-csv.zip"
    download.save_as(saved)
    names = zipfile.ZipFile(io.BytesIO(saved.read_bytes())).namelist()
    assert sorted(names) == ["aigraph-csv/edges.csv", "aigraph-csv/nodes.csv"]
    assert_local_only(page, server)


SETTLED = """() => {
  const cy = document.getElementById('cy')?._cyreg?.cy;
  if (!cy || cy.nodes().length === 0) return false;
  const now = JSON.stringify(cy.nodes().map(n => n.renderedPosition()));
  const same = window.__lastPositions === now;
  window.__lastPositions = now;
  return same;
}"""


def settled_graph_frame(page, attempts: int = 5):
    """The graph component's frame once its layout has settled.

    Moving the focus re-renders the component, so a frame found a moment earlier can be
    detached while we wait on it; then look again for the new one.
    """
    from playwright.sync_api import Error as PlaywrightError

    for attempt in range(attempts):
        expect(page.frame_locator("iframe").first.locator("#cy canvas").first).to_be_attached()
        frame = next(f for f in page.frames if f is not page.main_frame and not f.is_detached())
        try:
            frame.wait_for_function(SETTLED, polling=300)
            return frame
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
            page.wait_for_timeout(500)
    raise AssertionError("unreachable")


READABLE = """() => {
  const cy = document.getElementById('cy')._cyreg.cy;
  const zoom = cy.zoom();
  const near = cy.nodes().filter(n => n.data('distance') <= 1);
  const unreadable = near.filter(n => !n.pstyle('label').strValue
      || n.pstyle('font-size').pfValue * zoom < Math.max(n.pstyle('min-zoomed-font-size').pfValue, 7));
  const captioned = cy.edges().filter(e => e.pstyle('label').strValue !== '');
  return {near: near.length, unreadable: unreadable.map(n => n.id()), captioned: captioned.length,
          dashes: [...new Set(cy.edges().map(e => e.pstyle('line-style').strValue))]};
}"""


def test_graph_click_moves_the_focus(page, server, artifacts):
    open_page(page, server, "/graph?id=org:deepmind", "Graph")
    expect(main(page).get_by_text("within 1 step of DeepMind", exact=False)).to_be_visible()
    expect(main(page).get_by_text("DEVELOPED", exact=False).first).to_be_visible()  # the legend
    frame = settled_graph_frame(page)  # the layout has stopped moving nodes
    page.screenshot(path=str(artifacts / "browser-graph.png"), full_page=True)
    # At the first zoom, the focus and its neighbours show their names (7 px or more on
    # screen), no edge shows a caption, and DEVELOPED and PART_OF are drawn differently.
    readable = frame.evaluate(READABLE)
    assert readable["near"] > 10 and readable["unreadable"] == [] and readable["captioned"] == 0
    assert {"solid", "dashed"} <= set(readable["dashes"])
    node_ids = frame.evaluate("() => document.getElementById('cy')._cyreg.cy.nodes().map(n => n.id())")
    assert "model:gemini" in node_ids
    # Click the Gemini node where Cytoscape.js drew it.
    where = frame.evaluate("""() => {
      const box = document.getElementById('cy').getBoundingClientRect();
      const at = document.getElementById('cy')._cyreg.cy.$id('model:gemini').renderedPosition();
      return {x: box.x + at.x, y: box.y + at.y};
    }""")
    iframe = page.locator("iframe").first.bounding_box()
    page.mouse.click(iframe["x"] + where["x"], iframe["y"] + where["y"])
    expect(main(page).get_by_text("within 1 step of Gemini", exact=False)).to_be_visible()
    expect(page.get_by_role("combobox", name="Focus", exact=False)).to_be_visible()
    assert "id=model%3Agemini" in page.url
    frame = settled_graph_frame(page)
    drawn = frame.evaluate("() => document.getElementById('cy')._cyreg.cy.nodes().map(n => n.id())")
    assert "model:gemini" in drawn and "model:alphazero" not in drawn  # the new neighbourhood, not the old
    page.screenshot(path=str(artifacts / "browser-graph-gemini.png"), full_page=True)
    assert_local_only(page, server)


def test_graph_of_sixty_nodes_stays_legible(page, server, artifacts):
    open_page(page, server, "/graph?id=org:google", "Graph")
    page.get_by_role("radio", name="2").check(force=True)
    expect(main(page).get_by_text("within 2 steps of Google", exact=False)).to_be_visible()
    frame = settled_graph_frame(page)
    count = frame.evaluate("() => document.getElementById('cy')._cyreg.cy.nodes().length")
    assert count == 60  # the default node cap
    readable = frame.evaluate(READABLE)
    assert readable["unreadable"] == [] and readable["captioned"] == 0
    page.screenshot(path=str(artifacts / "browser-graph-60.png"), full_page=True)
