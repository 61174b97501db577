"""Epoch's names widen the knowledge after the curated entries, with guards for unsafe names."""

import pytest

from aigraph.knowledge import KnownEntity
from aigraph.knowledge.epoch import EpochModel
from aigraph.knowledge.epoch_names import EPOCH_SOURCE, epoch_entities, name_guard

CURATED = [
    KnownEntity("deepmind", "ORG", "DeepMind", ("Google DeepMind",)),
    KnownEntity("gpt-3", "MODEL", "GPT-3"),
]


def entities(records):
    return {(e.label, e.name): e for e in epoch_entities(CURATED, records)}


@pytest.mark.parametrize(("name", "guard"), [
    ("Quokka-7B", "safe"), ("ZebraNet", "safe"), ("Noisy Student", "careful"), ("Gato", "careful"),
    ("Switch", None), ("Transformer", None), ("T5", None), ("AI", None), ("2048", None),
    ("data2vec", "safe"), ("word", None),
])
def test_name_guards(name, guard):
    assert name_guard(name) == guard


def test_models_organisations_and_titles_become_entries_marked_as_epochs():
    found = entities([EpochModel(id="quokka-7b", name="Quokka-7B (chat)",
                                 organizations=("Wombat Research Institute (WRI)", "Google DeepMind"),
                                 paper_title="Quokkas Learn Language from Very Little Data")])
    model = found["MODEL", "Quokka-7B"]  # the name as text writes it, without Epoch's note
    assert model.aliases == () and not model.ambiguous and model.developer == ()
    org = found["ORG", "Wombat Research Institute"]
    assert org.aliases == ("WRI",) and org.id == "wombat-research-institute"
    assert ("PAPER", "Quokkas Learn Language from Very Little Data") in found
    assert {e.attrs["source"] for e in found.values()} == {EPOCH_SOURCE}


def test_curated_names_are_never_taken_over_and_unsafe_names_are_left_out():
    found = entities([
        EpochModel(id="gpt-3-175b", name="GPT-3 175B (davinci)", organizations=("DeepMind",)),  # curated
        EpochModel(id="switch", name="Switch", paper_title="Short Title Here"),  # common word; 3-word title
        EpochModel(id="gato", name="Gato"),
    ])
    # A size or note on a curated name is that model: no longer pattern to cut its mentions short.
    assert set(found) == {("MODEL", "Gato")}
    assert found["MODEL", "Gato"].ambiguous


def test_a_base_name_several_records_share_names_none_and_a_name_is_claimed_once():
    found = entities([EpochModel(id="clip-a", name="Clipper (A-50)"), EpochModel(id="clip-b", name="Clipper (B-14)"),
                      EpochModel(id="orca", name="OrcaNet", organizations=("OrcaNet",))])
    assert not any(label == "MODEL" and name.startswith("Clipper") for label, name in found)
    assert ("ORG", "OrcaNet") not in found  # the model claimed the name first


def test_the_packaged_knowledge_has_epoch_names_after_the_curated_ones():
    from aigraph.knowledge import load_knowledge

    knowledge = load_knowledge()
    gshard = knowledge.get("gshard", "MODEL")
    assert gshard is not None and gshard.attrs.get("source") == EPOCH_SOURCE
    chinchilla = knowledge.get("chinchilla", "MODEL")
    assert chinchilla.attrs.get("source") != EPOCH_SOURCE  # curated, kept as it was
    assert all(e.attrs.get("source") != EPOCH_SOURCE for e in knowledge.lookup("DeepMind"))


def test_extraction_recognises_epoch_only_names_and_paper_titles():
    from aigraph.extract import extract_document
    from aigraph.ingest import parse_text

    text = ("- Slide 3: Google scaled GShard to 600 billion parameters for translation.\n"
            "- Slide 4: See Accurate structure prediction of biomolecular interactions with AlphaFold 3 "
            "for the method.\n")
    found = {(e.label, e.name) for e in extract_document(parse_text(text, source="x.md", year=2021)).entities}
    assert ("MODEL", "GShard") in found
    assert ("PAPER", "Accurate structure prediction of biomolecular interactions with AlphaFold 3") in found
