"""Model names with sizes, tiers and versions written onto a known name."""

import re

from aigraph.extract.name_variants import find_model_variants, is_variant_of
from aigraph.extract.names import is_bare_size


def _variants(text, known):
    spans = [(m.start(), m.end()) for name in known for m in re.finditer(re.escape(name), text)]
    return [text[m.start : m.end] for m in find_model_variants(text, spans)]


def test_glued_and_spaced_sizes_and_tiers_extend_a_known_name():
    text = "Koala-13B beat GPT-3.5-turbo, Oasst-Pythia-12B and Mixtral 8x7B Instruct; Claude Opus 5.5 led."
    got = _variants(text, ["Koala", "GPT-3.5", "Pythia", "Mixtral 8x7B", "Claude"])
    assert got == ["Koala-13B", "GPT-3.5-turbo", "Oasst-Pythia-12B", "Mixtral 8x7B Instruct", "Claude Opus 5.5"]


def test_compound_adjectives_and_plain_words_do_not_extend():
    text = "GPT-4-based tools, a Llama 2 base model and Claude itself."
    assert _variants(text, ["GPT-4", "Llama 2", "Claude"]) == []


def test_variant_of_and_bare_sizes():
    assert is_variant_of("Llama 2 13B", "Llama 2") and is_variant_of("Claude-v1", "Claude")
    assert not is_variant_of("Llama Guard", "Llama") and not is_variant_of("GPT-4", "GPT-4")
    assert is_bare_size("7B") and is_bare_size("8x7B") and not is_bare_size("Phi-3")


def test_family_name_with_version_and_codename():
    text = "Gemini 4\n  Argon ties with Qwen 3.7-Plus; Gemini 2024 results and Gemini is fine."
    assert _variants(text, ["Gemini", "Qwen"]) == ["Gemini 4\n  Argon", "Qwen 3.7-Plus"]


def test_acronym_long_forms_of_tasks_measures_and_tests():
    from aigraph.extract.names import label_of_long_form

    assert label_of_long_form("VQR", "Visual Question Reasoning") is None
    assert label_of_long_form("MPE", "Mean Position Error") is None
    assert label_of_long_form("QRVT", "Quill Recognition Vendor Test") == "DATASET"
    assert label_of_long_form("QFW", "Quilted Faces in the Wild") == "DATASET"
    assert label_of_long_form("TFT", "Temporal Fusion Transformer") == "MODEL"


def test_sentence_openers_and_multipliers_are_not_names():
    from aigraph.extract.names import find_orgs, is_bare_size

    text = "Unless Quokkas can reverse the trend, nothing changes."
    assert all(text[m.start : m.end] != "Unless Quokkas" for m in find_orgs(text))
    assert is_bare_size("7.8x")


def test_case_blind_gazetteer_skips_phrases_of_common_words_and_acronyms():
    from aigraph.extract.gazetteer import _distinctive

    assert not _distinctive("Open AI") and _distinctive("US Air Force")


def test_benchmark_heading_before_its_measure_and_dataset_long_forms():
    from aigraph.extract.name_variants import find_headed_measures
    from aigraph.extract.names import label_of_long_form

    text = "Chapter\nQuillNet: Top-1 Accuracy 52\nLeeds Otter Poses: Percentage of Correct\nNote: Average of runs"
    assert [text[m.start : m.end] for m in find_headed_measures(text)] == ["QuillNet", "Leeds Otter Poses"]
    assert label_of_long_form("QRD", "Quill Reading Dataset Requiring Logical Reasoning") == "DATASET"


def test_word_order_and_plus_tier(extract_text):
    ex = extract_text("Google shipped Gemini Pro 1.5 in February; Gemini 1.5 Pro then went wide. Qwen 3.5-Plus followed.\n")
    models = {e.name: e for e in ex.entities if e.label == "MODEL"}
    assert "Gemini Pro 1.5" in models["Gemini 1.5 Pro"].aliases
    assert "Qwen 3.5-Plus" in models


def test_list_items_do_not_swallow_a_trailing_preposition():
    from aigraph.extract.name_variants import spread_along_lists

    text = "We thank Meta, Stanford and Brightwater for support."
    known = [(text.index(n), text.index(n) + len(n), "ORG") for n in ("Meta", "Stanford")]
    assert [text[m.start : m.end] for m in spread_along_lists(text, known)] == ["Brightwater"]


def test_codename_is_not_a_known_name():
    text = "Llama 3 Meta weights and Gemini 4 Argon"
    spans = [(0, 5), (text.index("Gemini"), text.index("Gemini") + 6)]
    starts = frozenset({0, text.index("Meta"), text.index("Gemini")})
    got = [text[m.start : m.end] for m in find_model_variants(text, spans, starts)]
    assert got == ["Llama 3", "Gemini 4 Argon"]


def test_two_names_and_a_comma_are_no_list_to_spread_along():
    from aigraph.extract.name_variants import spread_along_lists

    def spread(text):
        known = [(text.index("Google"), text.index("Google") + 6, "ORG")]
        return [text[m.start : m.end] for m in spread_along_lists(text, known)]

    assert spread("Its backer Google, Quillfield's owner, declined.") == []
    assert spread("Backers: Google, Quillfield, Zentrop.") == ["Quillfield", "Zentrop"]
    assert spread("Backers: Google, Quillfield, and the Kestrel fund.") == ["Quillfield"]
    assert spread("Backers were Google or Quillfield.") == ["Quillfield"]


def test_a_plus_after_a_known_model_names_its_successor(extract_text):
    ex = extract_text("Slide 3: Salesforce released CodeT5+, a successor to CodeT5.\n")
    models = {e.name for e in ex.entities if e.label == "MODEL"}
    assert models == {"CodeT5+", "CodeT5"}
    assert ("Salesforce", "CodeT5+") in {(r.head, r.tail) for r in ex.relations if r.type == "DEVELOPED"}
