"""Slide-deck text copied out of a PDF or viewer: page markers, chrome, sections."""

import pytest

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


def test_the_sites_name_and_year_with_a_slide_number_is_a_marker():
    text = (f"{NAV}     stateof.ai 2024 | 45\nFirst slide title\nbody one\n"
            f"{NAV}     stateof.ai 2024 | 46\nSecond slide title\nbody two\n")
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(45, "First slide title\nbody one"), (46, "Second slide title\nbody two")]
    assert not looks_like_deck("Our site stateof.ai | 2024 edition\nSome text.\n")


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


# --- markers of other decks and viewers ------------------------------------------

NAV_DECK = (
    "\fIntroduction | Research | Industry | Politics | Safety | Predictions                      |41\n\n"
    "Robots learn to fold laundry\n"
    "  Acme Robotics trains Folder-2 on 10,000 hours of video.\n\n"
    "                                                             stateof.ai 2031\n"
    "\fIntroduction | Research | Industry | Politics | Safety | Predictions                  | 142\n\n"
    "Chip exports tighten\n"
    "  Export rules now cover the Zeta-9 accelerator.\n\n"
    "                                                             stateof.ai 2031\n"
)


def test_a_navigation_bar_ending_in_the_slide_number_opens_that_slide():
    doc = parse_text(NAV_DECK)
    assert [(n, t.splitlines()[0]) for n, t, _ in slide_blocks(doc)] == [
        (41, "Robots learn to fold laundry"),
        (142, "Chip exports tighten"),
    ]
    chrome = chrome_texts(doc)
    assert any(c.startswith("Introduction |") and c.endswith("|41") for c in chrome)
    assert chrome.count("stateof.ai 2031") == 2
    assert doc.year == 2031


def test_text_before_the_first_navigation_bar_is_the_end_of_the_slide_before():
    doc = parse_text("ing the tail of a sentence about Folder-2.\n   stateof.ai 2031\n" + NAV_DECK)
    first = next(b for b in doc.blocks if b.kind == "slide")
    assert doc.block_text(first) == "ing the tail of a sentence about Folder-2." and first.slides == (40,)
    assert [b.slides for b in doc.blocks if b.kind == "slide"] == [(40,), (41,), (142,)]


def test_text_before_the_first_hashtag_header_after_a_footer_is_the_slide_before():
    text = f"the end of slide nine.\nstateof.ai 2023\n{NAV} #stateofai | 10\nTen\nbody ten\n{NAV} #stateofai | 11\nEleven\n"
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(9, "the end of slide nine."), (10, "Ten\nbody ten"), (11, "Eleven")]


def test_a_navigation_bar_may_name_sections_the_list_does_not_know():
    text = "Introduction | Research | Industry | Politics | Safety | Survey | Predictions | 7\nSeven\n" \
           "Introduction | Research | Industry | Politics | Safety | Survey | Predictions | 8\nEight\n"
    assert [(n, t) for n, t, _ in slide_blocks(parse_text(text))] == [(7, "Seven"), (8, "Eight")]


def test_a_table_row_of_pipes_is_not_a_navigation_bar():
    text = "GPT-4 | OpenAI | Proprietary | 1225\nClaude | Anthropic | Proprietary | 1195\n"
    doc = parse_text(text)
    assert not looks_like_deck(text) and doc.slide_numbers == ()


@pytest.mark.parametrize(
    "marker", ["{n} of 30", "{n}/ 30", "{n} / 30", "Page {n} of 30", "page {n}/30", "Page {n}", "Slide {n} of 30"]
)
def test_viewer_page_lines_open_the_page_after_them(marker):
    text = "\n".join([marker.format(n=3), "Alpha title", "alpha body", marker.format(n=4), "Beta title", "beta body", ""])
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(3, "Alpha title\nalpha body"), (4, "Beta title\nbeta body")]
    assert marker.format(n=4) in chrome_texts(doc)


def test_viewer_page_lines_after_each_page_close_it():
    text = "Alpha title\nalpha body\nPage 3 of 30\nBeta title\nbeta body\nPage 4 of 30\n"
    assert [(n, t) for n, t, _ in slide_blocks(parse_text(text))] == [(3, "Alpha title\nalpha body"), (4, "Beta title\nbeta body")]


def test_stray_fractions_that_disagree_do_not_make_a_deck():
    text = "Results\n3/4\nsolved by the model\n7/10\n"
    assert not looks_like_deck(text) and parse_text(text).slide_numbers == ()


@pytest.mark.parametrize(
    "text",
    [
        "The 2020 report ran to 177 slides and covered research and talent.\n",
        "See \u00a72 for the benchmark numbers; 12 of the 40 labs replied.\n",
        "Contents\nResearch 12\nIndustry 40\nPolitics 77\n",
        "Model accuracy rose from 61 to 75 in 2023, and 3 of 5 judges agreed.\n",
    ],
)
def test_counts_sections_contents_pages_and_prose_numbers_are_not_slides(text):
    assert parse_text(text).slide_numbers == ()


def test_text_after_the_last_footer_that_opens_with_a_navigation_bar_is_the_next_slide():
    cut = FOOTER_DECK.replace("\u25cf NVIDIA passes a $1T valuation. #stateofai / 4\n", "\u25cf NVIDIA passes a $1T valu")
    doc = parse_text(cut)
    assert slide_blocks(doc)[-1][:2] == (4, "Chips are the new oil\n\u25cf NVIDIA passes a $1T valu")


def test_bare_slide_lines_of_a_summary_stay_citations():
    text = "Slide 3\nAcme ships Foo-3.\n\nSlide 4\nAcme ships Bar.\n"
    doc = parse_text(text)
    assert not looks_like_deck(text)
    assert [(doc.block_text(b), b.slides) for b in doc.blocks] == [("Acme ships Foo-3.", (3,)), ("Acme ships Bar.", (4,))]


def test_a_slide_number_on_the_line_under_the_navigation_bar_opens_the_slide():
    text = NAV_DECK.replace("                      |41\n", "\n\n|41\n").replace("                  | 142\n", "\n| 142\n")
    doc = parse_text(text)
    assert [(n, t.splitlines()[0]) for n, t, _ in slide_blocks(doc)] == [
        (41, "Robots learn to fold laundry"),
        (142, "Chip exports tighten"),
    ]


def test_a_pipe_and_number_line_elsewhere_is_content():
    text = "#stateofai | 3\nScores\n| 42\nmore\n#stateofai | 4\nNext\n"
    assert [(n, t) for n, t, _ in slide_blocks(parse_text(text))] == [(3, "Scores\n| 42\nmore"), (4, "Next")]


def test_the_2018_hashtag_and_a_longer_navigation_bar_are_chrome():
    text = (
        "Introduction | Research | Talent | Industry | China | Politics | Predictions | Conclusion #AIreport\n"
        "Acme Labs builds Foo-3.\nstateof.ai 2018\n#AIreport | 4\n"
        "Introduction | Research | Talent | Industry | China | Politics | Predictions | Conclusion #AIreport\n"
        "Foo-3 reaches 91%.\nstateof.ai 2018\n#AIreport | 5\n"
    )
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(4, "Acme Labs builds Foo-3."), (5, "Foo-3 reaches 91%.")]
    assert not any("AIreport" in doc.block_text(b) for b in doc.blocks if b.kind != "chrome")


def nav_page(n, body):
    return f"\fIntroduction | Research | Industry | Politics | Safety | Predictions      |{n}\n\n{body}\n\n      stateof.ai 2031\n"


def test_a_page_without_a_navigation_bar_takes_the_next_number():
    text = nav_page(9, "Nine\n  Acme ships Foo-3.") + "\fIndustry\n\n      stateof.ai 2031\n" + nav_page(11, "Eleven")
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [
        (9, "Nine\n  Acme ships Foo-3."),
        (10, "Industry"),
        (11, "Eleven"),
    ]
    assert doc.section_of(10) == "Industry" and doc.section_of(11) == "Industry"


def test_pages_before_the_first_navigation_bar_count_back_from_it():
    text = "the tail of page three\n   stateof.ai 2031\n\fAbout this report\n  Written by Acme.\n" + nav_page(5, "Five")
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [
        (3, "the tail of page three"),
        (4, "About this report\n  Written by Acme."),
        (5, "Five"),
    ]


def test_form_feeds_split_footer_decks_into_pages_too():
    text = (
        "Alpha\nbody a\nstateof.ai 2023\n#stateofai | 7\n"
        "\fSafety\n"
        "\fGamma\nbody c\nstateof.ai 2023\n#stateofai | 9\n"
    )
    doc = parse_text(text)
    assert [(n, t) for n, t, _ in slide_blocks(doc)] == [(7, "Alpha\nbody a"), (8, "Safety"), (9, "Gamma\nbody c")]


def test_a_table_row_that_starts_with_a_section_name_is_not_a_navigation_bar():
    text = "Safety | Claude | Anthropic | 3\nmore text\n"
    assert not looks_like_deck(text) and parse_text(text).slide_numbers == ()
