"""Linking graph models to Epoch records: variants linked, doubtful names left unlinked."""

import pytest

from aigraph.knowledge import load_knowledge
from aigraph.knowledge.epoch import EpochModel
from aigraph.knowledge.linking import ModelRef, link_models


def rec(name, orgs=("OpenAI",), date="2020-05-28"):
    from aigraph.knowledge import slugify
    return EpochModel(id=slugify(name), name=name, organizations=tuple(orgs), date_published=date)


RECORDS = [
    rec("GPT-3 175B (davinci)"),
    rec("GPT3-2.7B (FlashAttention-2)", ("Stanford University",), "2023-07-17"),
    rec("GPT-4 (Jun 2023)", date="2023-03-15"),
    rec("GPT-4 (Mar 2023)", date="2023-03-15"),
    rec("Llama 2-70B", ("Meta AI",), "2023-07-18"),
    rec("Llama 2-7B", ("Meta AI",), "2023-07-18"),
    rec("AlphaFold 2", ("DeepMind",), "2021-07-15"),
    rec("Gemini 1.5 Pro", ("Google DeepMind",), "2024-02-15"),
    rec("ViT-22B", ("Google",), "2023-02-10"),
    rec("XLNet", ("Carnegie Mellon University (CMU)", "Google Brain"), "2019-06-01"),
    rec("Stable Diffusion (LDM-KL-8-G)", ("Runway", "Heidelberg University"), "2022-04-13"),
]


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def linked(refs, knowledge):
    report = link_models(refs, RECORDS, knowledge=knowledge)
    return {l.key: (l.epoch_id, l.how) for l in report.links}, report


def test_names_and_their_variants_link(knowledge):
    links, _ = linked([
        ModelRef("m:alphafold2", "AlphaFold2", developers=("Google DeepMind",)),  # spacing; parent org agrees
        ModelRef("m:gpt3", "GPT-3", developers=("OpenAI",), first_year=2020),
        ModelRef("m:gemini", "Gemini Pro 1.5", first_year=2024),
    ], knowledge)
    assert links == {
        "m:alphafold2": ("alphafold-2", "name"),
        "m:gpt3": ("gpt-3-175b-davinci", "variant"),  # the Stanford replication disagrees on the developer
        "m:gemini": ("gemini-1-5-pro", "word order"),
    }


def test_dated_releases_resolve_to_the_first(knowledge):
    links, _ = linked([ModelRef("m:gpt4", "GPT-4", developers=("OpenAI",))], knowledge)
    assert links == {"m:gpt4": ("gpt-4-mar-2023", "variant")}


def test_size_variants_and_disagreeing_developers_stay_unlinked_with_their_candidates(knowledge):
    links, report = linked([
        ModelRef("m:llama2", "Llama 2", developers=("Meta",)),
        ModelRef("m:sd", "Stable Diffusion", developers=("Stability AI",)),
    ], knowledge)
    assert links == {}
    assert report.ambiguous == {"m:llama2": ("Llama 2-70B", "Llama 2-7B"),
                                "m:sd": ("Stable Diffusion (LDM-KL-8-G)",)}


def test_an_organisation_written_with_its_short_form_agrees(knowledge):
    links, _ = linked([ModelRef("m:xlnet", "XLNet", developers=("Carnegie Mellon University",))], knowledge)
    assert links == {"m:xlnet": ("xlnet", "name")}


def test_a_model_published_after_the_report_that_names_it_is_another_model(knowledge):
    links, report = linked([ModelRef("m:vit", "Vision Transformer", aliases=("ViT",), first_year=2020)], knowledge)
    assert links == {} and report.unmatched == ["m:vit"]
    links, _ = linked([ModelRef("m:vit", "ViT", first_year=2023)], knowledge)
    assert links == {"m:vit": ("vit-22b", "variant")}


def test_unknown_models_are_reported_unmatched(knowledge):
    _, report = linked([ModelRef("m:x", "Quuxformer 9000")], knowledge)
    assert report.unmatched == ["m:x"] and not report.links and not report.ambiguous


def test_a_size_word_joined_by_a_hyphen_is_a_variant_but_a_product_word_is_not(knowledge):
    records = [rec("BERT-Large", ("Google",), "2018-10-11"), rec("Mistral Large", ("Mistral AI",), "2024-02-26"),
               rec("Jurassic-1-Jumbo", ("AI21 Labs",), "2021-08-11")]
    refs = [ModelRef("model:bert", "BERT", developers=("Google",), first_year=2019),
            ModelRef("model:mistral", "Mistral", developers=("Mistral AI",), first_year=2024),
            ModelRef("model:jurassic-1", "Jurassic-1", first_year=2021)]
    report = link_models(refs, records, knowledge=knowledge)
    assert {l.key: (l.epoch_id, l.how) for l in report.links} == {
        "model:bert": ("bert-large", "variant"), "model:jurassic-1": ("jurassic-1-jumbo", "variant")}
    assert report.unmatched == ["model:mistral"]
