def names(ex, label):
    return {e.name for e in ex.entities if e.label == label}


def relations(ex, kind):
    return {(r.head, r.tail) for r in ex.relations if r.type == kind}


def test_curated_names_with_slides_and_aliases(extract_text):
    ex = extract_text("- Slide 7: Open AI released GPT‑4o and Deepmind showed AlphaFold2.\n")
    assert {"OpenAI", "DeepMind"} <= names(ex, "ORG")
    models = {e.name: e for e in ex.entities if e.label == "MODEL"}
    assert "GPT-4o" in models or "GPT‑4o" in {a for e in models.values() for a in e.aliases} | set(models)
    alphafold = next(e for e in ex.entities if "AlphaFold2" in (e.name, *e.aliases))
    assert alphafold.slides == (7,)


def test_text_outside_slides_has_no_slide(extract_text):
    ex = extract_text("Intro: we liked DeepMind.\n\n- Slide 3: DeepMind built Gato.\n")
    deepmind = next(e for e in ex.entities if e.name == "DeepMind")
    assert sorted({m.slides for m in deepmind.mentions}) == [(), (3,)]


def test_developed_from_possessive_verb_and_by(extract_text):
    ex = extract_text(
        "- Slide 4: Meta's Llama 2 and Code Llama arrived.\n"
        "- Slide 5: Anthropic released Claude 2 to the public.\n"
        "- Slide 6: Stable Diffusion, by Stability AI, went viral.\n"
    )
    got = relations(ex, "DEVELOPED")
    assert ("Anthropic", "Claude 2") in got
    assert ("Stability AI", "Stable Diffusion") in got
    assert any(h.startswith("Meta") and t == "Llama 2" for h, t in got)


def test_developed_needs_the_model_as_object(extract_text):
    ex = extract_text("- Slide 9: Anthropic publishes work on the level of GPT-4 and AlphaGo.\n")
    assert relations(ex, "DEVELOPED") == set()


def test_achieves_and_measured_on(extract_text):
    ex = extract_text("- Slide 12: GPT-4 scores 86.4% on MMLU, ahead of its peers.\n")
    assert ("GPT-4", "86.4% on MMLU") in relations(ex, "ACHIEVES")
    assert ("86.4% on MMLU", "MMLU") in relations(ex, "MEASURED_ON")


def test_new_names_are_found_everywhere_once_introduced(extract_text):
    ex = extract_text(
        "- Slide 20: Varrowind raised $20M for wind forecasts.\n"
        "- Slide 21: Grid operators now buy forecasts from Varrowind.\n"
    )
    varrowind = next(e for e in ex.entities if e.name == "Varrowind")
    assert varrowind.label == "ORG" and varrowind.slides == (20, 21)


def test_acronym_definition_merges_forms(extract_text):
    ex = extract_text("- Slide 2: Convolutional Routing Networks (CoRNs) beat older designs.\n")
    corn = next(e for e in ex.entities if e.label == "MODEL" and "Convolutional Routing Networks" in (e.name, *e.aliases))
    assert corn.name == "CoRN"


def test_relation_evidence_records_rule_and_sentence(extract_text):
    ex = extract_text("- Slide 5: Anthropic released Claude 2 to the public.\n")
    rel = next(r for r in ex.relations if r.type == "DEVELOPED")
    ev = rel.evidence[0]
    assert ev.slide == 5 and "Anthropic released Claude 2" in ev.sentence and ev.extractor.startswith("rule:")
    assert not rel.curated


def test_developed_from_anaphora_and_co_development(extract_text):
    ex = extract_text(
        "- Slide 8: At CASP14, AlphaFold 2 reached a median GDT score of 92.4. DeepMind described the system in Nature.\n"
        "- Slide 9: AlphaFold 3, built with Isomorphic Labs, models complexes.\n"
    )
    got = relations(ex, "DEVELOPED")
    assert ("DeepMind", "AlphaFold 2") in got
    assert ("Isomorphic Labs", "AlphaFold 3") in got


def test_sentence_subject_with_curated_developer_but_not_comparisons(extract_text):
    ex = extract_text(
        "- Slide 3: DeepMind entered the CASP13 assessment with AlphaFold and won.\n"
        "- Slide 4: OpenAI researchers found that models trained like BERT generalise.\n"
    )
    got = relations(ex, "DEVELOPED")
    assert ("DeepMind", "AlphaFold") in got
    assert not any(t == "BERT" for _, t in got)


def test_organisation_after_a_preposition_is_not_the_subject(extract_text):
    ex = extract_text("- Slide 24: Google announced Gemini, a model trained by Google DeepMind, and shipped PaLM 2 the same day.\n")
    got = relations(ex, "DEVELOPED")
    assert ("Google", "PaLM 2") in got and ("DeepMind", "PaLM 2") not in got


DECK = """Introduction | Research | Industry | Politics | Safety | Predictions
OpenAI's Whisper transcribes speech robustly
● Whisper was trained on 680,000 hours of multilingual audio.
● On LibriSpeech test-clean it reaches a word error rate of 2.7%, and it is far more robust
on other datasets than models trained only on LibriSpeech.
#stateofai | 25
stateof.ai 2022
"""


def test_deck_text_slides_and_relations(extract_text):
    ex = extract_text(DECK, year=None)
    assert ex.document.year == 2022
    slides = {e.name: e.slides for e in ex.entities}
    assert slides["Whisper"] == (25,) and slides["OpenAI"] == (25,) and slides["LibriSpeech"] == (25,)
    assert ("OpenAI", "Whisper") in relations(ex, "DEVELOPED")
    metric = next(e.name for e in ex.entities if e.label == "METRIC")
    assert ("Whisper", metric) in relations(ex, "ACHIEVES")
    assert (metric, "LibriSpeech") in relations(ex, "MEASURED_ON")
    assert not any(e.name in ("Research", "Industry", "Safety") for e in ex.entities)


def test_sentences_end_after_acronyms_but_not_initials():
    from aigraph.extract.sentences import sentence_starts

    text = "It scaled up RL. IMPALA followed. The U.S. Air Force flew it. Dr. Smith agreed."
    starts = sentence_starts(text)
    assert [text[s : s + 6] for s in starts] == ["It sca", "IMPALA", "The U.", "Dr. Sm"]


def test_word_like_company_names_at_sentence_start(extract_text):
    ex = extract_text("- Slide 5: Apple released new on-device models. Apple pie is not a company.\n")
    apple = [m for e in ex.entities if e.name == "Apple" for m in e.mentions]
    assert len(apple) == 1 and apple[0].text == "Apple"


def test_organisations_listed_after_a_preposition_and_lower_case_phrases(extract_text):
    ex = extract_text(
        "- Slide 92: Inflection raised $1.3B, led by Microsoft and NVIDIA, to build its personal assistant Pi.\n"
        "- Slide 31: Researchers at Stanford built generative agents that simulate a town.\n"
    )
    got = relations(ex, "DEVELOPED")
    assert not any(h in ("Microsoft", "NVIDIA") for h, _ in got)
    assert ("Inflection", "Pi") in got
    assert "Generative Agents" not in names(ex, "MODEL")


def test_model_is_organisations_model(extract_text):
    ex = extract_text(
        "- Slide 11: GPT-4 is OpenAI's latest large language model.\n"
        "- Slide 12: Gato, DeepMind's generalist agent, plays Atari.\n"
    )
    got = relations(ex, "DEVELOPED")
    assert ("OpenAI", "GPT-4") in got and ("DeepMind", "Gato") in got


def test_it_is_a_model_not_an_organisation(extract_text):
    ex = extract_text("- Slide 11: GPT-4 is OpenAI's latest model. It is, of course, trained using RLHF.\n")
    assert ("OpenAI", "RLHF") not in relations(ex, "DEVELOPED")


def test_organisation_inside_an_apposition_is_not_the_developer(extract_text):
    ex = extract_text("- Slide 40: EvolutionaryScale, a start-up founded by former Meta researchers, released ESM3.\n")
    got = relations(ex, "DEVELOPED")
    assert ("EvolutionaryScale", "ESM3") in got and ("Meta", "ESM3") not in got


def test_the_model_outperformed_is_not_the_achiever(extract_text):
    ex = extract_text(
        "- Slide 14: Chinchilla showed most models were undertrained. The 70 billion parameter model "
        "outperformed the 280 billion parameter Gopher on the same budget, and scored 67.5% on MMLU.\n"
    )
    assert relations(ex, "ACHIEVES") == {("Chinchilla", "67.5% on MMLU")}


def test_a_method_in_a_benchmarks_setting_is_not_a_model_mention(extract_text):
    ex = extract_text(
        "Slide 5: Zentrix-2 scores 71.2 on GSM8K (8-shot, CoT) and 60.1 on MMLU (Chain of Thought).\n\n"
        "Slide 6: Google introduced Chain-of-Thought prompting in 2022.\n"
    )
    cot = [e for e in ex.entities if e.name == "Chain-of-Thought"]
    assert [m.slides for e in cot for m in e.mentions] == [(6,)]


def test_extract_paths_raises_the_collector_threshold_only_while_it_runs(tmp_path):
    import gc

    from aigraph.extract import YOUNG_GC_THRESHOLD, extract_paths

    for i in range(2):
        (tmp_path / f"{i}.md").write_text("Zephyrion Labs released Quillstar 2.\n", encoding="utf-8")
    before = gc.get_threshold()
    run = extract_paths([tmp_path])
    first = next(run)
    assert gc.get_threshold()[0] >= YOUNG_GC_THRESHOLD
    assert first.entities and len(list(run)) == 1
    assert gc.get_threshold() == before
