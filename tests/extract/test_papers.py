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
