from aigraph.extract.names import find_acronyms, find_called, find_models, find_orgs, label_of_long_form


def spans(text, matches):
    return [(text[m.start : m.end], m.label) for m in matches]


def test_acronym_after_long_form_pairs_both_forms():
    text = "They propose Sparse Mixture Routers (SMoR) for speed."
    got = spans(text, find_acronyms(text))
    assert ("SMoR", "") in got and ("Sparse Mixture Routers", "") in got


def test_acronym_before_long_form():
    text = "The GRAIL (Graph Reasoning And Inference Learner) system reads graphs."
    got = [t for t, _ in spans(text, find_acronyms(text))]
    assert got == ["GRAIL", "Graph Reasoning And Inference Learner"]


def test_a_long_form_does_not_reach_back_over_a_sentence_end():
    text = "The board met in Kyoto. Tensor Mixer (KTM) was shown."
    assert find_acronyms(text) == []
    text = "The board met in Kyoto. Kernel Tensor Mixer (KTM) was shown."
    assert [t for t, _ in spans(text, find_acronyms(text))] == ["KTM", "Kernel Tensor Mixer"]


def test_long_form_decides_the_label():
    assert label_of_long_form("SMoR", "Sparse Mixture Routers") is None
    assert label_of_long_form("CoRN", "Convolutional Routing Networks") == "MODEL"
    assert label_of_long_form("NAIO", "National AI Office") == "ORG"
    assert label_of_long_form("NLP", "Natural Language Processing") is None


def test_called_takes_the_label_of_the_noun():
    text = "Researchers built a planner called Quillbot-7 and a startup named Fenwick Labs."
    assert spans(text, find_called(text)) == [("Quillbot-7", "MODEL"), ("Fenwick Labs", "ORG")]


def test_organisation_cues():
    text = (
        "Slide 40: Varrowind raised $20M to build wind forecasts. Lumetric, an AI-first radiology company, "
        "expanded. Researchers at Quorvex Robotics agreed. The University of Tartu joined. "
        "Kelptide's vision models spot seaweed."
    )
    got = {t for t, label in spans(text, find_orgs(text)) if label == "ORG"}
    assert {"Varrowind", "Lumetric", "Quorvex Robotics", "University of Tartu", "Kelptide"} <= got


def test_ordinary_capitalised_words_are_not_organisations():
    text = "Military AI is stepping up. Researchers found more. Transformative AI may come. Some entities want rules."
    assert find_orgs(text) == []


def test_name_shaped_words_with_model_cues():
    text = "The simple HexaMixer architecture works, and Zephyr-9B outperforms its peers on the TinyQA benchmark."
    got = spans(text, find_models(text))
    assert ("HexaMixer", "MODEL") in got and ("Zephyr-9B", "MODEL") in got and ("TinyQA", "DATASET") in got


def test_a_name_run_drops_the_joining_word_an_opener_leaves():
    from aigraph.extract.names import name_runs

    text = "On the PoseQuill benchmark, Bank of Kestrel leads."
    assert [text[s:e] for s, e in name_runs(text)] == ["PoseQuill", "Bank of Kestrel"]


def test_a_size_in_front_of_a_name_is_not_part_of_it():
    from aigraph.extract.names import name_runs

    text = "The 70B Quillmind beats the 8x7B Zentrix-2 and Zentrix 8B."
    assert [text[s:e] for s, e in name_runs(text)] == ["Quillmind", "Zentrix-2", "Zentrix 8B"]


def test_a_versioned_name_an_organisation_owns_is_a_model():
    text = "Vexora's Quill-V2.6-Pro, scores 46. Kestrel's Q3-2024 results and Kestrel's TPU-v7 chips. Vexora's Orbis led."
    got = [(text[m.start : m.end], m.label) for m in find_models(text)]
    assert got == [("Quill-V2.6-Pro", "MODEL")]


def test_a_cue_after_a_name_does_not_reach_over_a_blank_line():
    text = "Vexora Quillworks & Zentrop\n\nTransformer models spread compute evenly."
    assert find_models(text) == []
    text = "Zentrix-9\nmodel is new."  # a wrapped line still reads on
    assert [text[m.start : m.end] for m in find_models(text)] == ["Zentrix-9"]


def test_the_fast_run_scan_finds_what_the_run_pattern_finds():
    """run_matches skips to the characters a run can open with; it must agree with RUN.finditer."""
    import random

    from aigraph.extract.name_scan import RUN, run_matches

    texts = [
        "Researchers at University of Washington built iPhone apps and xLSTM, then μZero and 70B Zentrix 8B.",
        "$GPT-4 €Claude -Gemini a-Bcd qWERTY ÄBC the Quill of Vale & Ash To Go de Paris",
        "", "a", "A", "9", "μ", "iP", "9b", "x9 y",
    ]
    rng = random.Random(3)
    alphabet = "aAbBzZ09μ$€£- .&+_,'\n" + "of the de To for "
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in run_matches(text)] == [m.span() for m in RUN.finditer(text)], text


def test_matches_at_finds_what_finditer_finds_from_the_literal_starts():
    import re

    from aigraph.extract.name_scan import matches_at, occurrences

    pattern = re.compile(r"(?:Dr|Prof)\.? [A-Z]\w+(?: [A-Z]\w+)?")
    text = "Dr. Vale and Prof Quill Ash met Dr.Nope and Dr. Ash Dr. Lin"
    assert [m.span() for m in matches_at(pattern, text, occurrences(text, ("Dr", "Prof")))] == [
        m.span() for m in pattern.finditer(text)]
