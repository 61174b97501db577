"""Summaries that cite slides: citation forms, headings, sections, what gets no slides."""

import pytest

from aigraph.ingest import parse_text
from aigraph.ingest.patterns import MAX_RANGE, MAX_SLIDES, parse_slide_numbers
from aigraph.records import BLOCK_KINDS


def blocks(text, **kw):
    doc = parse_text(text, **kw)
    return [(doc.block_text(b), b.kind, b.slides, b.section) for b in doc.blocks]


def slides_of(text, needle):
    """The slides of the one block whose text contains ``needle``."""
    doc = parse_text(text)
    found = [b for b in doc.blocks if needle in doc.block_text(b)]
    assert len(found) == 1, [doc.block_text(b) for b in found]
    return found[0].slides


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("12", (12,)),
        ("163 + 164", (163, 164)),
        ("175 - 180", (175, 176, 177, 178, 179, 180)),
        ("175\u2013177", (175, 176, 177)),
        ("10 \u2014 12", (10, 11, 12)),
        ("141 to 143", (141, 142, 143)),
        ("12 and 14", (12, 14)),
        ("12 & 14", (12, 14)),
        ("12, 14, 16", (12, 14, 16)),
        ("3-5, 9", (3, 4, 5, 9)),
        ("20 - 18", (18, 20)),
    ],
)
def test_slide_number_forms(spec, expected):
    assert parse_slide_numbers(spec) == expected


def test_a_long_range_is_cut_at_the_cap():
    got = parse_slide_numbers("10 - 900")
    assert len(got) == MAX_RANGE
    assert got[0] == 10 and got[-1] == 10 + MAX_RANGE - 1


def test_a_citation_names_at_most_max_slides():
    assert len(parse_slide_numbers(", ".join(str(n) for n in range(1, 5000)))) == MAX_SLIDES
    assert len(parse_slide_numbers("1-50, 101-150, 201-250")) == MAX_SLIDES


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Slide 12: DeepMind's Gato plays Atari.", (12,)),
        ("- Slide 12: DeepMind's Gato plays Atari.", (12,)),
        ("* Slide 12: DeepMind's Gato plays Atari.", (12,)),
        ("  \u2022 Slide 12: DeepMind's Gato plays Atari.", (12,)),
        ("1. Slide 12: DeepMind's Gato plays Atari.", (12,)),
        ("Slides 163 + 164: DeepMind's Gato plays Atari.", (163, 164)),
        ("Slides 175 - 180: DeepMind's Gato plays Atari.", tuple(range(175, 181))),
        ("Slides 175 \u2013 177: DeepMind's Gato plays Atari.", (175, 176, 177)),
        ("Slides 175\u2014177: DeepMind's Gato plays Atari.", (175, 176, 177)),
        ("Slides 141 to 143: DeepMind's Gato plays Atari.", (141, 142, 143)),
        ("Slides 12 and 14: DeepMind's Gato plays Atari.", (12, 14)),
        ("Slides 12 & 14: DeepMind's Gato plays Atari.", (12, 14)),
        ("Slides 12, 14: DeepMind's Gato plays Atari.", (12, 14)),
        ("**Slide 12:** DeepMind's Gato plays Atari.", (12,)),
        ("**Slide 12** DeepMind's Gato plays Atari.", (12,)),
        ("[Slide 12] DeepMind's Gato plays Atari.", (12,)),
        ("slide 12 \u2014 DeepMind's Gato plays Atari.", (12,)),
        ("SLIDE 12 - DeepMind's Gato plays Atari.", (12,)),
        ("\u2022 Slide 12 \u2022 DeepMind's Gato plays Atari.", (12,)),
        ("Slide 12 | DeepMind's Gato plays Atari.", (12,)),
        ("Slide 12 \u00b7 DeepMind's Gato plays Atari.", (12,)),
    ],
)
def test_citation_forms_attribute_the_bullet(line, expected):
    doc = parse_text("Intro paragraph here.\n\n" + line + "\n")
    cited = [b for b in doc.blocks if b.slides]
    assert [b.slides for b in cited] == [expected]
    assert cited[0].kind == "bullet"
    # The block starts after the citation: its numbers are not part of the text.
    assert doc.block_text(cited[0]) == "DeepMind's Gato plays Atari."


@pytest.mark.parametrize(
    "line",
    [
        "Slide 12 shows that the field grew.",  # no separator: an ordinary sentence
        "The slides 12 to 14 are about chips.",
        "Sliders 12: not a citation.",
    ],
)
def test_sentences_that_mention_slides_are_not_citations(line):
    assert all(b.slides == () for b in parse_text(line + "\n").blocks)


def test_continuation_lines_belong_to_the_bullet():
    text = (
        "- Slide 12: Meta released LLaMA,\n"
        "  a family of open models,\n"
        "and this lazy line continues it too.\n"
        "- Slide 13: Google answered with PaLM 2.\n"
    )
    got = blocks(text)
    assert got[0][0] == "Meta released LLaMA,\n  a family of open models,\nand this lazy line continues it too."
    assert got[0][2] == (12,)
    assert got[1] == ("Google answered with PaLM 2.", "bullet", (13,), None)


def test_paragraph_indented_under_a_bullet_belongs_to_it_and_unindented_does_not():
    text = (
        "  - Slide 20: OpenAI shipped GPT-4.\n"
        "\n"
        "    It also powers Bing Chat.\n"
        "\n"
        "Anthropic is not on that slide.\n"
    )
    assert slides_of(text, "Bing Chat") == (20,)
    assert slides_of(text, "Anthropic") == ()


def test_nested_bullets_inherit_the_citing_bullet_slides():
    text = "- Slides 30 + 31: Chip news\n  - NVIDIA H100 ships\n  - TSMC expands\n- Unrelated point about Intel\n"
    assert slides_of(text, "NVIDIA") == (30, 31)
    assert slides_of(text, "TSMC") == (30, 31)
    assert slides_of(text, "Intel") == ()


def test_text_outside_bullets_has_no_slides():
    text = (
        "State of AI Report 2022 summary\n\n"
        "An intro paragraph that names DeepMind.\n\n"
        "- Slide 12: Stable Diffusion arrives.\n\n"
        "A closing thought naming OpenAI (slide 46).\n\n"
        "1. A numbered prediction about Anthropic.\n"
        "2. Another about Hugging Face.\n"
    )
    assert slides_of(text, "DeepMind") == ()
    assert slides_of(text, "Stable Diffusion") == (12,)
    assert slides_of(text, "OpenAI") == (46,)  # an inline "(slide 46)" cites the text before it
    assert slides_of(text, "Anthropic") == ()
    assert slides_of(text, "Hugging Face") == ()


def test_section_headings_set_the_section_but_give_no_slides():
    text = (
        "The report has five parts:\n\n"
        "  1. Research \u2014 breakthroughs.\n"
        "  2. Talent \u2014 who works where.\n\n"
        "1. Research (Slides 10 \u2014 74)\n\n"
        "Commentary about research with no slide.\n\n"
        "  \u2022 Slide 12: DeepMind released AlphaFold.\n\n"
        "## 2. Talent\n\n"
        "Talent moves to startups.\n\n"
        "4. Politics (Slides 153 - 181)\n"
        "A line right under the heading.\n\n"
        "Safety\n\n"
        "- Slide 170: Evaluations grow.\n\n"
        "Predictions (Slide 183)\n\n"
        "1. A prediction about NVIDIA.\n"
    )
    got = blocks(text)
    headings = [(t, s) for t, k, _, s in got if k == "heading"]
    assert headings == [
        ("Research", "Research"),
        ("Talent", "Talent"),
        ("Politics", "Politics"),
        ("Safety", "Safety"),
        ("Predictions", "Predictions"),
    ]
    # The list of parts is a list, not five headings.
    assert ("Research \u2014 breakthroughs.", "bullet", (), None) in got
    by_text = {t: (k, sl, s) for t, k, sl, s in got}
    assert by_text["Commentary about research with no slide."] == ("text", (), "Research")
    assert by_text["DeepMind released AlphaFold."] == ("bullet", (12,), "Research")
    assert by_text["Talent moves to startups."] == ("text", (), "Talent")
    assert by_text["A line right under the heading."] == ("text", (), "Politics")
    assert by_text["Evaluations grow."] == ("bullet", (170,), "Safety")
    # A heading's range never attributes slides.
    assert by_text["A prediction about NVIDIA."] == ("bullet", (), "Predictions")
    assert all(sl == () for _, k, sl, _ in got if k == "heading")


def test_a_heading_that_names_no_known_section_but_has_a_range_sets_it():
    got = blocks("3. Compute (Slides 40-60)\n\n- Slide 41: GPUs.\n")
    assert got[0] == ("Compute", "heading", (), "Compute")
    assert got[1] == ("GPUs.", "bullet", (41,), "Compute")


def test_an_unnumbered_subheading_keeps_the_section():
    got = blocks("## Research\n\n### Language models\n\nText.\n")
    assert got[1] == ("Language models", "heading", (), "Research")
    assert got[2] == ("Text.", "text", (), "Research")


def test_markdown_heading_that_cites_a_slide_scopes_the_text_under_it():
    text = (
        "# Notes\n\n"
        "## Slide 12: GPT-4 launches\n\n"
        "OpenAI's GPT-4 passes the bar exam.\n\n"
        "- It is multimodal.\n\n"
        "## Other news\n\n"
        "Google ships Bard.\n"
    )
    doc = parse_text(text)
    assert slides_of(text, "GPT-4 launches") == (12,)
    assert slides_of(text, "bar exam") == (12,)
    assert slides_of(text, "multimodal") == (12,)
    assert slides_of(text, "Bard") == ()
    assert doc.slide_titles == {12: "GPT-4 launches"}


def test_a_bare_citation_line_scopes_the_following_paragraphs():
    text = "Slides 40 + 41\n\nMistral AI releases Mistral 7B.\n\n## Next\n\nUnrelated.\n"
    assert slides_of(text, "Mistral 7B") == (40, 41)
    assert slides_of(text, "Unrelated") == ()


def test_setext_headings_and_rules():
    got = blocks("Industry\n========\n\nNVIDIA grows.\n\n---\n\nMore text.\n")
    assert got[0] == ("Industry", "heading", (), "Industry")
    assert [t for t, *_ in got] == ["Industry", "NVIDIA grows.", "More text."]


def test_block_offsets_index_the_text_and_do_not_overlap():
    text = (
        "Title line\r\n\r\n1. Research (Slides 10 \u2014 74)\r\n\r\n"
        "  \u2022 Slides 163 + 164: EleutherAI's GPT\u2011J.\r\nmore\r\n\r\nDone.\r\n"
    )
    doc = parse_text(text)
    assert "\r" not in doc.text
    previous_end = 0
    for b in doc.blocks:
        assert b.kind in BLOCK_KINDS
        assert 0 <= b.start < b.end <= len(doc.text)
        assert b.start >= previous_end
        assert doc.text[b.start : b.end] == doc.text[b.start : b.end].strip()
        previous_end = b.end
    # Non-breaking hyphens stay as written; the extractor normalises names.
    assert "GPT\u2011J" in doc.text


def test_parse_text_reports_year_title_and_hash():
    doc = parse_text("# State of AI Report 2021 notes\n\n- Slide 3: x\n", source="notes.md")
    assert doc.year == 2021
    assert doc.title == "State of AI Report 2021 notes"
    assert len(doc.sha256) == 64
    assert doc.format == "text"
    assert parse_text("- Slide 3: x\n", year=2019).year == 2019


def test_only_a_bulleted_item_takes_in_the_indented_paragraph_after_it():
    text = "Slide 160: The EU drafts the AI Act.\n\n    An indented quotation from someone else.\n"
    assert slides_of(text, "EU drafts") == (160,)
    assert slides_of(text, "quotation") == (160,)  # deeper than the citing paragraph: inherits
    bulleted = "- Slide 160: The EU drafts the AI Act.\n\n    More on the Act.\n"
    doc = parse_text(bulleted)
    assert [doc.block_text(b) for b in doc.blocks] == ["The EU drafts the AI Act.\n\n    More on the Act."]


def test_a_stretch_that_starts_mid_line_is_read_from_there():
    from aigraph.ingest.summary import segment_summary

    text = "#stateofai | 3 Slide title\nbody line\n\nnext paragraph\n"
    got = segment_summary(text, text.index("Slide title"))
    assert [text[b.start : b.end] for b in got.blocks] == ["Slide title\nbody line", "next paragraph"]


def test_a_bold_citing_line_alone_titles_the_text_after_it():
    text = "**Slide 12: GPT-4 arrives**\n\nOpenAI's model tops MMLU.\n\n## Next\n\nUnrelated.\n"
    doc = parse_text(text)
    assert blocks(text)[0] == ("GPT-4 arrives", "heading", (12,), None)
    assert doc.slide_titles == {12: "GPT-4 arrives"}
    assert slides_of(text, "MMLU") == (12,)
    assert slides_of(text, "Unrelated") == ()
    # Bold only around the citation: an ordinary citing paragraph.
    assert blocks("**Slide 12:** GPT-4 arrives\n\nNot on it.\n")[:2] == [
        ("GPT-4 arrives", "bullet", (12,), None),
        ("Not on it.", "text", (), None),
    ]
