"""HTML pages: visible text only, laid out so the summary rules apply."""

import pytest

from aigraph.errors import InputError
from aigraph.ingest import read_document
from aigraph.ingest.htmltext import html_to_text

PAGE = """<!doctype html>
<html><head><title>Notes on the State of AI Report 2022</title>
<meta charset="utf-8"><style>li { color: red }</style>
<script>var hidden = "Slide 99: Secret Model";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/about">DeepMind fan page</a></nav>
<h1>Our notes</h1>
<p>An intro that   names
   Hugging Face &amp; friends.</p>
<h2>1. Research (Slides 10 &ndash; 70)</h2>
<ul>
  <li>Slide 12: <b>DeepMind</b>&rsquo;s AlphaFold<br>predicts structures.</li>
  <li>Slides 20 &amp; 21: Meta releases OPT-175B.
    <ul><li>It matches GPT-3.</li></ul>
  </li>
  <li>A point about Stability AI.</li>
</ul>
<p hidden>Slide 50: Hidden paragraph</p>
<div aria-hidden="true">Invisible Labs</div>
<noscript>Enable JavaScript</noscript>
<h2>Politics</h2>
<p>Slide 160: The EU drafts the AI Act.</p>
<pre>  code   keeps
    its spacing</pre>
<table><tr><td>OpenAI</td><td>GPT-3.5</td></tr></table>
</body></html>
"""


@pytest.fixture()
def doc(tmp_path):
    path = tmp_path / "notes.html"
    path.write_text(PAGE, encoding="utf-8")
    return read_document(path)


def by_text(doc):
    return {doc.block_text(b): (b.kind, b.slides, b.section) for b in doc.blocks}


def test_only_visible_text_is_kept(doc):
    for hidden in ("Secret Model", "li {", "Home", "DeepMind fan page", "Hidden paragraph", "Invisible Labs", "Enable JavaScript"):
        assert hidden not in doc.text
    assert "An intro that names Hugging Face & friends." in doc.text
    assert "  code   keeps\n    its spacing" in doc.text


def test_list_items_are_bullets_and_citations_give_slides(doc):
    blocks = by_text(doc)
    assert blocks["DeepMind\u2019s AlphaFold\npredicts structures."] == ("bullet", (12,), "Research")
    assert blocks["Meta releases OPT-175B."] == ("bullet", (20, 21), "Research")
    assert blocks["It matches GPT-3."] == ("bullet", (20, 21), "Research")  # nested under the citing item
    assert blocks["A point about Stability AI."] == ("bullet", (), "Research")
    assert blocks["The EU drafts the AI Act."] == ("bullet", (160,), "Politics")
    assert blocks["An intro that names Hugging Face & friends."] == ("text", (), None)


def test_headings_become_sections_and_the_title_and_year_are_read(doc):
    blocks = by_text(doc)
    assert blocks["Research"] == ("heading", (), "Research")
    assert blocks["Politics"] == ("heading", (), "Politics")
    assert doc.title == "Notes on the State of AI Report 2022"
    assert doc.year == 2022
    assert doc.format == "html"


def test_a_table_becomes_pipe_rows_with_its_cells_apart():
    text, _ = html_to_text(
        "<p>Scores</p><table><thead><tr><th>Model</th><th>MMLU<br>5-shot</th></tr></thead>"
        "<tbody><tr><td><p>Wren 3 70B</p></td><td>82.0</td></tr><tr><td>A|B</td><td>70.6</td></tr></tbody></table><p>After</p>"
    )
    assert text == "Scores\n\n| Model | MMLU 5-shot |\n|---|---|\n| Wren 3 70B | 82.0 |\n| A/B | 70.6 |\n\nAfter\n"


def test_a_results_table_in_html_gives_scores_to_its_rows(tmp_path):
    from aigraph.extract import extract_document

    path = tmp_path / "scores.html"
    path.write_text("<table><tr><th>Model</th><th>MMLU</th><th>GSM8K</th></tr>"
                    "<tr><td>Llama 3 70B</td><td>82.0</td><td>93.0</td></tr>"
                    "<tr><td>Mixtral 8x7B</td><td>70.6</td><td>74.4</td></tr></table>", encoding="utf-8")
    ex = extract_document(read_document(path))
    got = {(r.head, r.tail) for r in ex.relations if r.type == "ACHIEVES"}
    assert got == {("Llama 3 70B", "82.0 on MMLU"), ("Llama 3 70B", "93.0 on GSM8K"),
                   ("Mixtral 8x7B", "70.6 on MMLU"), ("Mixtral 8x7B", "74.4 on GSM8K")}


def test_a_link_to_a_paper_host_stays_a_markdown_link():
    text, _ = html_to_text('<li>Read <a href="https://arxiv.org/abs/2401.00001">Sparse Experts Make <b>Frugal</b> '
                           'Models</a>, then <a href="https://example.com/x">this</a>.</li>')
    assert text == "- Read [Sparse Experts Make Frugal Models](https://arxiv.org/abs/2401.00001), then this.\n"


def test_a_page_without_visible_text_is_refused(tmp_path):
    path = tmp_path / "blank.htm"
    path.write_text("<html><head><title>t</title><script>x()</script></head><body> </body></html>")
    with pytest.raises(InputError, match="no visible text"):
        read_document(path)


def test_a_deck_viewer_page_is_read_as_slides(tmp_path):
    slides = "".join(
        f"<div><p>{n} of 40</p><p>{title}</p><p>{body}</p><p>stateof.ai 2020</p>"
        "<p>Introduction | Research | Talent | Industry | Politics | Predictions</p><p>#stateofai</p></div>"
        for n, title, body in ((7, "Robots fold laundry", "Acme trains Folder-2."), (8, "Chips", "Zeta-9 ships."))
    )
    path = tmp_path / "viewer.html"
    path.write_text(f"<html><body>{slides}</body></html>", encoding="utf-8")
    doc = read_document(path)
    assert [(b.slides, doc.block_text(b)) for b in doc.blocks if b.kind == "slide"] == [
        ((7,), "Robots fold laundry\n\nAcme trains Folder-2."),
        ((8,), "Chips\n\nZeta-9 ships."),
    ]
