from aigraph.extract.papers import find_papers


def titles(text, known=()):
    return [p.title for p in find_papers(text, known=lambda s: s in known)]


def test_the_title_paper():
    assert titles("Ever since the Scaling Laws for Neural Language Models paper, labs ...") == [
        "Scaling Laws for Neural Language Models"
    ]


def test_clause_is_a_paper_keeps_lower_case_titles():
    assert titles("Also: Deep reinforcement learning that matters is a paper on reproducibility.") == [
        "Deep reinforcement learning that matters"
    ]


def test_in_title_researchers_find():
    assert titles("In Chain-of-Thought Prompting Elicits Reasoning, researchers show that ...") == [
        "Chain-of-Thought Prompting Elicits Reasoning"
    ]


def test_quoted_title_after_paper():
    assert titles('The paper "Language Models are Few-Shot Learners" introduced ...') == [
        "Language Models are Few-Shot Learners"
    ]


def test_models_dates_and_plain_phrases_are_not_titles():
    text = "In 2022, researchers found more. In this work, they show a lot. The GPT-4 paper was short."
    assert titles(text, known={"GPT-4"}) == []


def test_long_quoted_title_case_string_is_a_title():
    text = 'NVIDIA grew GANs layer by layer ("Progressive Growing of GANs for Improved Quality, Stability, and Variation").'
    assert titles(text) == ["Progressive Growing of GANs for Improved Quality, Stability, and Variation"]
    assert titles('He said "Not Now" and "we will see what happens next".') == []


def test_lower_case_quoted_title_in_a_sentence_about_research():
    text = 'Other results on small models show "the surprising power of tiny kites, or why size is overrated," again.'
    assert titles(text) == ["the surprising power of tiny kites"]


def test_quoted_speech_without_a_research_cue_is_not_a_title():
    assert titles('The CEO said "the future of kites is bright and windy" on stage.') == []
    assert titles('The paper\'s authors wrote "we think this will change everything" in a post.') == []


def test_technical_report_of_a_model():
    text = "GPT-4 is large. The GPT-4 technical report says little about the data."
    assert titles(text) == ["GPT-4 technical report"]
    assert titles("The annual technical report is out.") == []


def test_technical_report_of_a_known_family_name_and_not_of_a_common_word():
    text = "Gemini is new. The Gemini technical report is long."
    assert titles(text, known={"Gemini"}) == ["Gemini technical report"]
    assert titles("Annual technical report of the board.") == []


def test_quoted_title_after_in_and_unquoted_title_after_a_paper_called():
    assert titles('As shown in "the unreasonable effectiveness of kites", size matters.') == [
        "the unreasonable effectiveness of kites"
    ]
    assert titles("A paper called Kites Are Few-Shot Flyers, out this week, argues ...") == ["Kites Are Few-Shot Flyers"]


def test_technical_report_needs_the_model_named_elsewhere():
    assert titles("The KiteLM 2 technical report is out.") == []
    assert titles("KiteLM 2 flies. The KiteLM 2 technical report is out.") == ["KiteLM 2 technical report"]


def test_quoted_ui_labels_after_in_are_not_titles():
    assert titles('Changes are listed in "Build from tarball" and in "two reading modes" of the docs.') == []


def test_lower_case_quoted_title_right_beside_the_word_paper():
    assert titles('Since the "kites are few-shot flyers" paper, everyone flies.') == ["kites are few-shot flyers"]
    assert titles('A preprint titled "small kites fly far" argues the opposite.') == ["small kites fly far"]
    assert titles('It is "a model called X" in the docs.') == []


def test_sentence_case_title_quoted_alone_in_brackets():
    text = 'Kites now steer themselves ("A learned controller for kites in gusty wind"), and ("Fly")'
    assert titles(text) == ["A learned controller for kites in gusty wind"]


def test_title_case_quote_after_a_possessive():
    assert titles('KiteLab\'s "Scaling Kite Strings" trained a huge kite.') == ["Scaling Kite Strings"]
    assert titles('KiteLab\'s "Superkite" team left.') == []


def test_paper_fields_and_link_marks_in_lists():
    text = (
        "Paper: Kites Are Few-Shot Flyers\n"
        "- Wind Is All You Need [paper]\n"
        "- Tethered flight: long strings at scale (arXiv)\n"
        "- our notes on the week [pdf]\n"
        "Paper: we found nothing new. It was fine.\n"
    )
    assert titles(text) == ["Kites Are Few-Shot Flyers", "Wind Is All You Need", "Tethered flight: long strings at scale"]


def test_quoted_title_followed_by_an_author_year_citation():
    text = 'Long strings help ("kites are few-shot flyers" (Lovelace et al., 2021)), says the post.'
    assert titles(text) == ["kites are few-shot flyers"]


def test_cue_lines_found_by_plain_string_scans_equal_the_one_pattern():
    from aigraph.extract import papers

    texts = [
        "Intro line\nIn Sparse Experts, they find gains.\nA PAPER on scale.\nNo cue here.\n\"Quoted title\" follows.",
        "İstanbul lab: a preprint\nxIn A\nIn\n\"b\nThe Technical Report of Quillon-2",
        "",
    ]
    for text in texts:
        one = list(papers._lines_with(lambda at: papers._CUE.search(text, at), text))
        assert list(papers._cue_lines(text)) == one
    assert [line for _, line in papers._cue_lines(texts[0])] == [
        "In Sparse Experts, they find gains.", "A PAPER on scale.", "\"Quoted title\" follows."]
