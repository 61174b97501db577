"""The spaCy pipeline: registered components, settings in the config, save and load."""

from __future__ import annotations

import json

import pytest
import spacy

from aigraph.extract.compiled import compile_knowledge
from aigraph.extract.gazetteer import EXACT_KEY, LOWER_KEY, gazetteer_patterns
from aigraph.extract.gazetteer_pipe import Gazetteer
from aigraph.extract.pipeline import build_nlp
from aigraph.knowledge import Knowledge, KnownEntity, read_knowledge

TEXT = (
    "Slide 4: Anthropic released Claude 3 Opus, which scored 86.8% on MMLU.\n"
    "Researchers at Vexora Labs built Zentrix, and google deepmind trained AlphaFold 2."
)


def _ents(doc):
    return [(e.start_char, e.end_char, e.label_, e.id_, e.kb_id_) for e in doc.ents]


def _spans(doc, key):
    return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get(key, ())]


def test_components_are_factories_with_settings_in_the_config():
    nlp = build_nlp()
    assert nlp.pipe_names == [
        "aigraph_sentences", "aigraph_gazetteer", "aigraph_gazetteer_lower", "aigraph_rules", "aigraph_resolver",
    ]
    components = nlp.config["components"]
    assert components["aigraph_gazetteer_lower"] == {
        "factory": "aigraph_gazetteer", "spans_key": LOWER_KEY, "patterns": "lower",
        "knowledge": {"@misc": "aigraph.knowledge.v1", "data": None},
    }
    for name in ("aigraph_rules", "aigraph_resolver"):
        assert components[name]["knowledge"]["@misc"] == "aigraph.knowledge.v1"
    # Everything in the config is plain data: it survives a trip through its text form.
    assert spacy.util.load_config_from_str(nlp.config.to_str())["components"] == components


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = build_nlp()
    before = nlp(TEXT)
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    after = loaded(TEXT)
    assert loaded.pipe_names == nlp.pipe_names
    assert _ents(after) == _ents(before)
    labels = {label for *_, label, _, _ in _ents(before)}
    assert {"ORG", "MODEL", "DATASET"} <= labels
    for key in (EXACT_KEY, LOWER_KEY, "aig.rules", "aig.metrics"):
        assert _spans(after, key) == _spans(before, key)
    assert [s.text for s in after.spans["aig.metrics"]] == ["86.8% on MMLU"]


def test_saved_gazetteer_keeps_its_own_patterns(tmp_path):
    """A saved gazetteer carries its patterns: loading reads them back from disk."""
    nlp = spacy.blank("en")
    small = compile_knowledge(Knowledge([KnownEntity("quillbot-9", "MODEL", "Quillbot-9")]))
    gaz = Gazetteer(nlp, "g", spans_key="k", patterns="exact", knowledge=small)
    gaz.to_disk(tmp_path / "g")
    other = Gazetteer(nlp, "g", spans_key="k", patterns="exact",
                      knowledge=compile_knowledge(Knowledge([KnownEntity("x", "ORG", "Xyzzy Corp")])))
    other.from_disk(tmp_path / "g")
    doc = other(nlp("We tried Quillbot-9 and Xyzzy Corp."))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["k"]] == [("Quillbot-9", "MODEL", "quillbot-9")]


def _entries() -> Knowledge:
    return Knowledge([
        KnownEntity("brightwave", "ORG", "Brightwave Labs", ("Brightwave",)),
        KnownEntity("brightwave-model", "MODEL", "Brightwave", ()),
        KnownEntity("corvid-2", "MODEL", "Corvid 2", ("Corvid-2",)),
        KnownEntity("pebble", "DATASET", "Pebble", (), ambiguous=True),
        KnownEntity("pebble-qa", "DATASET", "PebbleQA", ("Pebble QA",)),
    ])


@pytest.mark.parametrize("kind, attr, key", [("exact", "ORTH", EXACT_KEY), ("lower", "LOWER", LOWER_KEY)])
def test_gazetteer_finds_what_a_span_ruler_finds(kind, attr, key):
    """The compiled PhraseMatcher gives the spans a SpanRuler fed the same patterns gives."""
    knowledge = _entries()
    text = ("Brightwave Labs trained Corvid2 and corvid-2; Brightwave scored well on PebbleQA, "
            "pebble qa and Pebble. BRIGHTWAVE LABS agreed.")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": key, "phrase_matcher_attr": attr})
    exact, lower = gazetteer_patterns(knowledge)
    ruler.add_patterns(exact if kind == "exact" else lower)
    expected = _spans(nlp(text), key)
    gaz = Gazetteer(nlp, "g", spans_key=key, patterns=kind, knowledge=compile_knowledge(knowledge))
    got = _spans(gaz(nlp.make_doc(text)), key)
    assert got == expected
    assert got  # the example has matches of both kinds


def test_gazetteer_rows_are_its_spans_after_earlier_ones():
    """The rows the rules read are the span group, earlier spans under the key included."""
    from spacy.tokens import Span

    from aigraph.extract.gazetteer_pipe import rows_key

    nlp = spacy.blank("en")
    gaz = Gazetteer(nlp, "g", spans_key=EXACT_KEY, patterns="exact", knowledge=compile_knowledge(_entries()))
    doc = nlp.make_doc("Earlier text, then Brightwave Labs trained Corvid 2.")
    doc.spans[EXACT_KEY] = [Span(doc, 0, 2, label="NOTE", kb_id="k", span_id="n")]
    gaz(doc)
    group = [(s.start_char, s.end_char, s.start, s.end, s.label, s.kb_id, s.id) for s in doc.spans[EXACT_KEY]]
    assert doc.user_data[rows_key(EXACT_KEY)] == group
    assert [doc.text[r[0]:r[1]] for r in group] == ["Earlier text", "Brightwave", "Brightwave", "Brightwave Labs", "Corvid 2"]


def test_knowledge_setting_reads_a_data_directory(tmp_path, monkeypatch):
    """``data`` in the components' knowledge setting points them at other curated files."""
    from aigraph.knowledge import DATA_FILES

    monkeypatch.setenv("AIGRAPH_CACHE_DIR", str(tmp_path / "cache"))

    rows = {"models.jsonl": {"id": "quillbot-9", "name": "Quillbot-9"},
            "organizations.jsonl": {"id": "nimbus-ai", "name": "Nimbus AI Lab"}}
    for name in DATA_FILES:
        row = rows.get(name)
        (tmp_path / name).write_text(json.dumps(row) + "\n" if row else "", encoding="utf-8")
    assert len(read_knowledge(tmp_path)) == 2
    nlp = spacy.blank("en")
    nlp.add_pipe("aigraph_sentences")
    cfg = {"knowledge": {"@misc": "aigraph.knowledge.v1", "data": str(tmp_path)}}
    nlp.add_pipe("aigraph_gazetteer", config=cfg)
    nlp.add_pipe("aigraph_rules", config=cfg)
    nlp.add_pipe("aigraph_resolver", config=cfg)
    doc = nlp("Nimbus AI Lab built Quillbot-9, not GPT-4.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents if e.id_] == [
        ("Nimbus AI Lab", "ORG", "nimbus-ai"), ("Quillbot-9", "MODEL", "quillbot-9"),
    ]


def test_saved_pipeline_loads_in_a_fresh_process(tmp_path):
    """load_pipeline registers the factories itself: a new interpreter reads the saved pipeline."""
    import subprocess
    import sys

    nlp = build_nlp()
    nlp.to_disk(tmp_path / "pipe")
    expected = [[e.text, e.label_, e.id_] for e in nlp(TEXT).ents]
    code = (
        "import json, sys\n"
        "from aigraph.extract.pipeline import load_pipeline\n"
        "nlp = load_pipeline(sys.argv[1])\n"
        "print(json.dumps([[e.text, e.label_, e.id_] for e in nlp(sys.argv[2]).ents]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipe"), TEXT],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == expected


def _token_columns(doc):
    return [(t.ent_iob_, t.ent_type_, t.ent_kb_id_, t.ent_id_) for t in doc]


@pytest.mark.parametrize("seed", range(20))
def test_set_entities_writes_what_set_ents_writes(seed):
    """The resolver's array writer against spaCy's own, on prior annotation and edge cases."""
    import random

    from spacy.tokens import Span

    from aigraph.extract.candidates import set_entities

    rng = random.Random(seed)
    nlp = spacy.blank("en")
    words = " ".join(f"w{i}" for i in range(rng.randint(0, 40)))
    ours, theirs = nlp(words), nlp(words)
    if len(ours) > 2:  # an earlier component's entity, with kb and entity ids, to overwrite or keep
        for doc in (ours, theirs):
            doc.set_ents([Span(doc, 1, 3, label="OLD", kb_id="Q1", span_id="old")])
    labels = ["", "ORG", "MODEL"]  # "" names no entity: its tokens stay outside
    entities, at = [], 0
    while at < len(ours):
        start = at + rng.randint(0, 3)
        end = min(len(ours), start + rng.randint(1, 4))
        if start < end:
            entities.append((start, end, rng.choice(labels), rng.choice(["", "Q7"]), rng.choice(["", "e"])))
        at = end
    def hashed(value):
        return nlp.vocab.strings.add(value) if value else 0

    set_entities(ours, [(s, e, hashed(l), hashed(k), hashed(i)) for s, e, l, k, i in entities])
    theirs.set_ents([Span(theirs, s, e, label=l, kb_id=k, span_id=i) for s, e, l, k, i in entities if l],
                    default="outside")
    assert _token_columns(ours) == _token_columns(theirs)
    assert [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in ours.ents] == [
        (e.start, e.end, e.label_, e.kb_id_, e.id_) for e in theirs.ents]
