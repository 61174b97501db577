"""Organisations no list holds: funding lists, @handles, affiliation cues, lost apostrophes."""

from aigraph.extract.gazetteer import surface_variants
from aigraph.extract.name_cues import find_funding_list, find_handles, handle_forms
from aigraph.extract.names import find_orgs


def _names(text, matches):
    return [text[m.start : m.end] for m in matches]


def test_funding_list_items_are_organisations_but_a_lone_amount_is_not():
    text = "The top deals—Brindlewood ($2.3B), Applied Quux ($787.5M), q-Matrix ($275M), and Vexa Web Systems ($100M)—led."
    assert _names(text, find_funding_list(text)) == ["Brindlewood", "Applied Quux", "q-Matrix", "Vexa Web Systems"]
    lone = "Brindlewood ($2.3B) was the largest round this year by far and more."
    assert find_funding_list(lone) == []


def test_handles_lose_the_at_sign_and_glued_quotes():
    text = "Congrats .@AnthropicAI‘s team and @GoogleDeepMind’s; email me@example.com"
    assert _names(text, find_handles(text)) == ["AnthropicAI", "GoogleDeepMind"]
    assert "Anthropic" in handle_forms("AnthropicAI") and "Alibaba" in handle_forms("Alibaba_Qwen")


def test_role_cues_mark_the_organisation_but_not_the_role():
    text = "She is a professor at Quillfield Polytechnic and earned a PhD from Brantwick College."
    got = _names(text, find_orgs(text))
    assert "Quillfield Polytechnic" in got and "Brantwick College" in got
    assert not any("professor" in g.lower() or "PhD" in g for g in got)


def test_possessive_without_apostrophe_is_a_variant_of_an_organisation():
    assert "Googles" in set(surface_variants("Google", "ORG"))
    assert set(surface_variants("Apple", "ORG")) == {"Apple"}  # "Apples" is a word


def test_handles_resolve_to_known_organisations(extract_text):
    ex = extract_text("Big week for .@AnthropicAI‘s Claude and @someperson123 too.\n")
    orgs = {e.name: e for e in ex.entities if e.label == "ORG"}
    assert "Anthropic" in orgs and "AnthropicAI" in orgs["Anthropic"].aliases
    assert not any("someperson" in n for n in orgs)


def test_list_spreading_and_benchmark_names():
    from aigraph.extract.name_variants import find_bench_names, find_dataset_variants, spread_along_lists

    text = "We ran Kinetics-400, Kinetics-900 and Vexaset. The firms Acme Robotics, Quillfield and Google signed. " \
           "GPT-9 Nova and Google agreed."
    known = [(text.index(n), text.index(n) + len(n), lab) for n, lab in [("Kinetics-400", "DATASET"), ("Google", "ORG")]]
    got = {(text[m.start : m.end], m.label) for m in spread_along_lists(text, known)}
    assert got == {("Kinetics-900", "DATASET"), ("Vexaset", "DATASET"), ("Acme Robotics", "ORG"), ("Quillfield", "ORG")}
    text = "AuditBench and SWE-Bench Mobile; SWE-bench Lite and Terminal-Bench 2.0, a workbench."
    assert _names(text, find_bench_names(text)) == ["AuditBench", "SWE-Bench Mobile", "SWE-bench Lite", "Terminal-Bench 2.0"]
    s = text.index("SWE-bench Lite")
    assert _names(text, find_dataset_variants(text, [(s, s + 9)])) == ["SWE-bench Lite"]


def test_version_spellings_share_a_key():
    from aigraph.extract.canonical import merge_key

    assert merge_key("Terminal-Bench 2.0", "DATASET") == merge_key("TerminalBench-2", "DATASET")
    assert merge_key("Quill v2.0", "MODEL") == merge_key("Quill 2", "MODEL")
    assert merge_key("GPT-3.5", "MODEL") != merge_key("GPT-3", "MODEL")


def test_domain_names_but_not_urls():
    from aigraph.extract.name_cues import find_domain_names

    text = "Quillmind.ai and Otterly.io raised; see https://x.ai/news, www.Foo.io and Brindle.ai."
    assert _names(text, find_domain_names(text)) == ["Quillmind.ai", "Otterly.io", "Brindle.ai"]


def test_acronym_of_a_list_is_not_a_name():
    from aigraph.extract.names import label_of_long_form

    assert label_of_long_form("RDI", "Research, Development and Innovation") is None


def test_mit_as_a_licence_but_not_as_the_institute(extract_text):
    def orgs(text):
        return {e.name for e in extract_text(text).entities if e.label == "ORG"}

    assert "MIT" not in orgs("12 Quokka-12B 863 an open model by Databricks MIT\n13 Wallaby 800 other\n")
    assert "MIT" not in orgs("The weights are released under the MIT license.\n")
    assert "MIT" in orgs("Researchers at MIT\nbuilt a robot.\n")


def test_strong_affiliation_cue_names_a_word_like_institution():
    text = "She earned a PhD from Reading and is a professor of Economics. The fellow of Yesterday left."
    got = _names(text, find_orgs(text))
    assert got == ["Reading"]


def test_a_venue_subtitle_after_its_colon_is_not_an_organisation():
    venue = "In: Proceedings of the 2021 Meeting of the Nordic Chapter: Spoken Language Technologies, pp. 1-9 (2021)"
    assert "Spoken Language Technologies" not in _names(venue, find_orgs(venue))
    news = "Investors: Kestrel Language Technologies raised $4M."
    assert "Kestrel Language Technologies" in _names(news, find_orgs(news))


def test_the_source_of_a_finding_is_an_organisation():
    text = "Quillbook data shows that seed rounds grew, and Vexalytics analysis reveals a slowdown. Our analysis shows more."
    assert _names(text, find_orgs(text)) == ["Quillbook", "Vexalytics"]
