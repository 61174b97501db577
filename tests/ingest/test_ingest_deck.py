"""Slide-deck text copied out of a PDF or viewer: page markers, chrome, sections."""

from aigraph.ingest import parse_text
from aigraph.ingest.deck import looks_like_deck

NAV = "Introduction | Research | Industry | Politics | Safety | Predictions"


def slide_blocks(doc):
    return [(b.slides[0], doc.block_text(b), b.section) for b in doc.blocks if b.kind == "slide"]


def chrome_texts(doc):
    return [doc.block_text(b) for b in doc.blocks if b.kind == "chrome"]


FOOTER_DECK = f"""State of AI Report
October 12, 2023
Nathan Benaich and Air Street Capital
stateof.ai 2023
#stateofai | 1

{NAV}
Research
stateof.ai 2023
#stateofai | 2

{NAV}
GPT-4 is the model to beat
\u25cf OpenAI's GPT-4 scores 86.4% on MMLU.
\u25cf Google answers with PaLM 2.
stateof.ai 2023
#stateofai | 3

{NAV}
Chips are the new oil
\u25cf NVIDIA passes a $1T valuation. #stateofai / 4
"""


def test_footer_markers_close_the_slide_whose_content_precedes_them():
    doc = parse_text(FOOTER_DECK)
    assert slide_blocks(doc) == [
        (1, "State of AI Report\nOctober 12, 2023\nNathan Benaich and Air Street Capital", None),
        (2, "Research", "Research"),
        (3, "GPT-4 is the model to beat\n\u25cf OpenAI's GPT-4 scores 86.4% on MMLU.\n\u25cf Google answers with PaLM 2.", "Research"),
        (4, "Chips are the new oil\n\u25cf NVIDIA passes a $1T valuation.", "Research"),
    ]
    assert doc.slide_titles == {
        1: "State of AI Report",
        2: "Research",
        3: "GPT-4 is the model to beat",
        4: "Chips are the new oil",
    }
    assert doc.year == 2023
    assert doc.title == "State of AI Report"


def test_navigation_bar_footers_and_markers_are_chrome():
    doc = parse_text(FOOTER_DECK)
    chrome = chrome_texts(doc)
    assert NAV in chrome
    assert "stateof.ai 2023\n#stateofai | 1" in chrome
    assert "#stateofai / 4" in chrome  # a marker glued to the last content line
    for b in doc.blocks:
        if b.kind != "chrome":
            text = doc.block_text(b)
            assert "stateof.ai" not in text and "#stateofai" not in text and "Politics |" not in text


HEADER_DECK = f"""{NAV} #stateofai | 11
Industry
{NAV} #stateofai | 12
NVIDIA joins the $1T club
\u25cf Data-centre revenue grew 171% in a year.
stateof.ai 2023
{NAV} #stateofai | 13
Politics
{NAV} #stateofai | 14
The EU AI Act is agreed
\u25cf Foundation models get their own tier.
stateof.ai 2023
"""


def test_header_markers_open_the_slide_whose_content_follows_them():
    doc = parse_text(HEADER_DECK)
    assert slide_blocks(doc) == [
        (11, "Industry", "Industry"),
        (12, "NVIDIA joins the $1T club\n\u25cf Data-centre revenue grew 171% in a year.", "Industry"),
        (13, "Politics", "Politics"),
        (14, "The EU AI Act is agreed\n\u25cf Foundation models get their own tier.", "Politics"),
    ]
    assert f"{NAV} #stateofai | 12" in chrome_texts(doc)
    assert chrome_texts(doc).count("stateof.ai 2023") == 2


def test_header_markers_without_a_navigation_bar_are_told_by_position():
    text = "#stateofai | 5\nFirst slide title\nbody one\n#stateofai | 6\nSecond slide title\nbody two\n"
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [
        (5, "First slide title\nbody one"),
        (6, "Second slide title\nbody two"),
    ]


def test_footer_markers_with_a_trailing_remark_stay_footers():
    text = "Alpha slide\nbody\n#stateofai | 5\nBeta slide\nbody\n#stateofai | 6\nCopied on a Tuesday.\n"
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(5, "Alpha slide\nbody"), (6, "Beta slide\nbody")]
    tail = [b for b in doc.blocks if "Tuesday" in doc.block_text(b)]
    assert tail[0].slides == ()


def test_page_of_lines_start_slides_and_keep_text_before_them_slideless():
    text = (
        "Copied from the report viewer.\n\n"
        "12 of 188\n"
        "Safety\n"
        "13 of 188\n"
        "Anthropic releases Claude 2\n"
        "\u25cf A 100k-token context window.\n"
        "14 of 188\n"
        "Frontier labs sign commitments\n"
    )
    doc = parse_text(text)
    assert slide_blocks(doc) == [
        (12, "Safety", "Safety"),
        (13, "Anthropic releases Claude 2\n\u25cf A 100k-token context window.", "Safety"),
        (14, "Frontier labs sign commitments", "Safety"),
    ]
    preamble = doc.blocks[0]
    assert doc.block_text(preamble) == "Copied from the report viewer." and preamble.slides == ()
    assert "13 of 188" in chrome_texts(doc)


def test_page_of_slides_take_the_printed_hashtag_number_when_present():
    text = "1 of 9\nCover\n#stateofai | 1\n2 of 9\nSlide with printed number\nbody\n#stateofai | 7\n"
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(1, "Cover"), (7, "Slide with printed number\nbody")]


def test_section_comes_from_slide_titles_and_is_kept_until_the_next():
    text = (
        "Section 2: Talent\n#stateofai | 20\n"
        "Hiring slows\n#stateofai | 21\n"
        "3. Industry\n#stateofai | 22\n"
        "Revenue grows\n#stateofai | 23\n"
    )
    doc = parse_text(text)
    assert [(n, s) for n, _, s in slide_blocks(doc)] == [(20, "Talent"), (21, "Talent"), (22, "Industry"), (23, "Industry")]
    assert doc.section_of(21) == "Talent"


def test_deck_detection_needs_markers_to_outnumber_citations():
    assert looks_like_deck(FOOTER_DECK)
    assert looks_like_deck("1 of 3\nA\n2 of 3\nB\n")
    assert not looks_like_deck("- Slide 1: a\n- Slide 2: b\n- Slide 3: c\n#stateofai | 4\n#stateofai | 5\n")
    assert not looks_like_deck("One mention of #stateofai | 12 in a summary.\n")


def test_a_summary_quoting_one_marker_is_still_a_summary():
    doc = parse_text("- Slide 12: The footer reads #stateofai | 12.\n- Slide 13: Next.\n")
    assert [b.kind for b in doc.blocks] == ["bullet", "bullet"]
    assert [b.slides for b in doc.blocks] == [(12,), (13,)]
