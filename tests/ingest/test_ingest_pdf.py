"""PDF slide decks generated with reportlab, laid out like report slides.

Every page draws its header and footer *first* and the body after, as exported
decks do, so the reader must tell chrome from body by position, not by order.
"""

import pytest

from aigraph.errors import InputError
from aigraph.ingest import read_document

pytest.importorskip("reportlab")
from reportlab.lib import pdfencrypt  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

W, H = 960, 540
NAV = "Introduction | Research | Industry | Politics | Safety | Predictions"


def draw_slide(c, *, title, bullets, marker=None, footer="stateof.ai 2023", nav=True, page_number=None):
    c.setFont("Helvetica", 9)
    if nav:
        c.drawString(30, H - 20, NAV)
    if marker is not None:
        c.drawRightString(W - 30, 15, marker)
    if footer:
        c.drawString(30, 15, footer)
    if page_number is not None:
        c.drawRightString(W - 30, 15, str(page_number))
    c.setFont("Helvetica-Bold", 26)
    c.drawString(40, H - 90, title)
    c.setFont("Helvetica", 16)
    y = H - 140
    for line in bullets:
        c.drawString(60, y, "\u2022 " + line)
        y -= 26
    c.showPage()


def make_deck(path, slides, **kw):
    c = canvas.Canvas(str(path), pagesize=(W, H), **kw)
    for slide in slides:
        draw_slide(c, **slide)
    c.save()
    return path


DECK = [
    {"title": "State of AI Report", "bullets": ["October 12, 2023", "Nathan Benaich"], "marker": "#stateofai | 1"},
    {"title": "Research", "bullets": [], "marker": "#stateofai | 10"},
    {
        "title": "GPT-4 is the model to beat",
        "bullets": ["OpenAI's GPT-4 scores 86.4% on MMLU.", "Google DeepMind answers with Gemini."],
        "marker": "#stateofai | 11",
    },
    {"title": "A page with no marker", "bullets": ["Anthropic ships Claude 2."], "footer": None},
    {"title": "A page numbered plainly", "bullets": ["Mistral 7B is released."], "footer": None, "page_number": 42},
]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    path = make_deck(tmp_path_factory.mktemp("pdf") / "deck.pdf", DECK)
    return read_document(path)


def test_one_page_is_one_slide_numbered_by_its_own_marker(deck):
    slides = [(b.slides, deck.block_text(b)) for b in deck.blocks if b.kind == "slide"]
    assert slides == [
        ((1,), "State of AI Report\n\u2022 October 12, 2023\n\u2022 Nathan Benaich"),
        ((10,), "Research"),
        ((11,), "GPT-4 is the model to beat\n\u2022 OpenAI's GPT-4 scores 86.4% on MMLU.\n\u2022 Google DeepMind answers with Gemini."),
        ((4,), "A page with no marker\n\u2022 Anthropic ships Claude 2."),  # the page index
        ((42,), "A page numbered plainly\n\u2022 Mistral 7B is released."),  # a bare page-number footer
    ]


def test_header_and_footer_drawn_first_are_chrome_by_position(deck):
    chrome = [deck.block_text(b) for b in deck.blocks if b.kind == "chrome"]
    assert NAV in chrome
    assert any("stateof.ai 2023" in c and "#stateofai | 11" in c for c in chrome)
    for b in deck.blocks:
        if b.kind == "slide":
            text = deck.block_text(b)
            assert "stateof.ai" not in text and "#stateofai" not in text and NAV not in text


def test_page_text_reads_header_body_footer_with_blank_lines_between_pages(deck):
    pages = deck.text.split("\n\n")
    assert len(pages) == len(DECK)
    third = pages[2].split("\n")
    assert third[0] == NAV
    assert third[1] == "GPT-4 is the model to beat"
    assert third[-1].endswith("#stateofai | 11") or third[-1] == "stateof.ai 2023"


def test_sections_titles_year_and_title_come_from_the_pages(deck):
    assert deck.format == "pdf"
    assert deck.year == 2023  # from the first page: no year in the file name
    assert deck.title == "State of AI Report"
    assert deck.slide_titles[11] == "GPT-4 is the model to beat"
    assert deck.section_of(11) == "Research"
    assert deck.section_of(1) is None
    assert len(deck.sha256) == 64


def test_body_lines_near_the_edges_that_are_not_furniture_stay_body(tmp_path):
    path = tmp_path / "edges.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setFont("Helvetica", 12)
    c.drawString(30, H - 25, "A headline set very high on the page")
    c.drawString(30, H / 2, "Follow #stateofai | 99 for updates")  # mid-page: not a marker
    c.drawString(30, 20, "Source: OpenAI technical report")
    c.showPage()
    c.save()
    doc = read_document(path)
    assert [b.kind for b in doc.blocks] == ["slide"]
    assert doc.blocks[0].slides == (1,)
    assert "A headline set very high" in doc.block_text(doc.blocks[0])
    assert "Source: OpenAI" in doc.block_text(doc.blocks[0])


def test_year_from_the_file_name_beats_the_text(tmp_path):
    path = make_deck(tmp_path / "state-of-ai-2022.pdf", DECK[:1])
    assert read_document(path).year == 2022
    assert read_document(path, year=2019).year == 2019


def test_encrypted_pdf_is_refused_with_one_clear_line(tmp_path):
    path = tmp_path / "locked.pdf"
    make_deck(path, DECK[:1], encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(InputError, match="encrypted") as err:
        read_document(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    path = tmp_path / "owner-only.pdf"
    make_deck(path, DECK[:1], encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0))
    assert read_document(path).slide_titles[1] == "State of AI Report"


def test_truncated_pdf_is_refused(tmp_path):
    good = make_deck(tmp_path / "good.pdf", DECK)
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
    with pytest.raises(InputError, match="damaged or truncated"):
        read_document(bad)


def test_text_file_named_pdf_is_refused(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("Slide 12: this is not a PDF at all\n")
    with pytest.raises(InputError, match="not a readable PDF"):
        read_document(path)


def test_pdf_without_a_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.rect(100, 100, 300, 200, fill=1)  # a picture, no text
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        read_document(path)


@pytest.mark.parametrize("drop", [0, 14], ids=["same-line", "line-below"])
def test_navigation_bar_number_and_viewer_page_footers_number_the_pages(tmp_path, drop):
    path = tmp_path / "newer.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for number, title in ((57, "Robots fold laundry"), (58, "Chips get scarce")):
        c.setFont("Helvetica", 9)
        c.drawString(30, H - 20, NAV)
        c.drawRightString(W - 30, H - 20 - drop, f"|{number}")  # drawn apart from the bar
        c.drawString(30, 15, "stateof.ai 2031")
        c.setFont("Helvetica-Bold", 26)
        c.drawString(40, H - 90, title)
        c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(40, H - 90, "Appendix")
    c.drawRightString(W - 30, 15, "Page 60 of 61")
    c.showPage()
    c.save()
    doc = read_document(path)
    assert [(b.slides, doc.block_text(b)) for b in doc.blocks if b.kind == "slide"] == [
        ((57,), "Robots fold laundry"),
        ((58,), "Chips get scarce"),
        ((60,), "Appendix"),
    ]
    chrome = [doc.block_text(b) for b in doc.blocks if b.kind == "chrome"]
    assert "Page 60 of 61" in chrome and not any("|" in doc.block_text(b) for b in doc.blocks if b.kind == "slide")
