"""A real PDF slide deck, drawn like a report (nav bar and footer first), through extraction."""

from reportlab.lib.pagesizes import landscape, A4
from reportlab.pdfgen import canvas

from aigraph.extract import extract_document
from aigraph.ingest import read_document

SLIDES = {
    41: ("Anthropic's Claude 2 arrives", ["Anthropic released Claude 2 with a 100k token context window."]),
    42: ("Open models", ["Meta's Llama 2 reaches 68.9% on MMLU, behind GPT-4."]),
}


def make_deck(path):
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    width, height = landscape(A4)
    for number, (title, bullets) in SLIDES.items():
        # Header and footer are drawn first, as exported decks do.
        c.setFont("Helvetica", 9)
        c.drawString(40, height - 25, "Introduction | Research | Industry | Politics | Safety | Predictions")
        c.drawString(width - 140, 20, f"#stateofai | {number}")
        c.drawString(40, 20, "stateof.ai 2023")
        c.setFont("Helvetica-Bold", 20)
        c.drawString(40, height - 90, title)
        c.setFont("Helvetica", 13)
        for i, bullet in enumerate(bullets):
            c.drawString(50, height - 140 - 22 * i, "\u2022 " + bullet)
        c.showPage()
    c.save()


def test_pdf_deck_entities_carry_their_slide(tmp_path):
    pdf = tmp_path / "deck.pdf"
    make_deck(pdf)
    ex = extract_document(read_document(pdf))
    assert ex.document.year == 2023
    slides = {e.name: e.slides for e in ex.entities}
    assert slides["Anthropic"] == (41,) and slides["Claude 2"] == (41,)
    assert slides["Llama 2"] == (42,) and slides["MMLU"] == (42,)
    developed = {(r.head, r.tail) for r in ex.relations if r.type == "DEVELOPED"}
    assert ("Anthropic", "Claude 2") in developed and any(t == "Llama 2" for _, t in developed)
    achieves = {(r.head, r.tail) for r in ex.relations if r.type == "ACHIEVES"}
    assert ("Llama 2", "68.9% on MMLU") in achieves
    assert not any(e.name in ("Research", "Politics") for e in ex.entities)
