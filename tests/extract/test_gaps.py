"""General rules for gaps seen on real text, each on a short text of our own."""


def _metric_names(ex):
    return [e for e in ex.entities if e.label == "METRIC"]


def test_one_metric_per_value_however_many_decimals_it_is_written_with(extract_text):
    ex = extract_text("Quillon-7B gets a score of 7.9 on MT-Bench. With tuning, Quillon-7B reaches a score of 7.90 on MT-Bench.")
    metrics = _metric_names(ex)
    assert len(metrics) == 1
    assert {m.text for m in metrics[0].mentions} == {"score of 7.9 on MT-Bench", "score of 7.90 on MT-Bench"}


def test_a_percentage_and_a_bare_number_stay_two_metrics(extract_text):
    ex = extract_text("Quillon-7B scores 81% on MMLU. Brindle-2 gets a score of 81.0 on MT-Bench.")
    assert len(_metric_names(ex)) == 2


def test_arxiv_subject_codes_and_page_chips_name_nothing(extract_text):
    text = ("Sparse Experts for Frugal Language Models\n\n"
            "Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)\n\n"
            "[Kimi1] [Copy]\n\n"
            "The model reaches 71.2% on MMLU, and LG Electronics sponsored the work.\n")
    ex = extract_text(text)
    orgs = {e.name: [m.text for m in e.mentions] for e in ex.entities if e.label in ("ORG", "MODEL", "SOFTWARE")}
    assert all("cs." not in text[m.start - 3 : m.start] for e in ex.entities for m in e.mentions)
    assert not any(name.startswith("Kimi") for name in orgs)
    assert "MMLU" in {e.name for e in ex.entities if e.label == "DATASET"}


def test_a_version_glued_to_a_known_family_is_a_model_of_its_own():
    from aigraph.extract.name_families import find_family_versions

    families = frozenset({"GPT", "Qwen", "Llama"})
    text = "GPT-9 and Qwen7-Max beat Llama-6-70b; a GPT-9-based tool; GPT-9 Vesper\n  leads; GPT-9.5%"
    found = [text[m.start : m.end] for m in find_family_versions(text, families)]
    assert found == ["GPT-9", "Qwen7-Max", "Llama-6-70b", "GPT-9 Vesper"]


def test_family_versions_in_a_text_take_the_family_and_its_developer(extract_text):
    ex = extract_text("Zhipu shipped GLM-9.2 in May. OpenAI released GPT-9 Vesper, a model for agents, in June.")
    models = {e.name: e for e in ex.entities if e.label == "MODEL"}
    assert {"GLM-9.2", "GPT-9 Vesper"} <= set(models)
    assert models["GLM-9.2"].attrs.get("variant_of") == "glm"
    dev = {(r.head, r.tail) for r in ex.relations if r.type == "DEVELOPED"}
    assert ("OpenAI", "GPT-9 Vesper") in dev


def test_an_ambiguous_curated_name_beside_another_curated_name_stands(extract_text):
    ex = extract_text("Most labs moved to Facebooks PyTorch. Later we compared Anthropic Claude's answers.")
    names = {(e.label, e.name) for e in ex.entities}
    assert ("MODEL", "Claude") in names
    assert any(label == "ORG" and name in ("Facebook", "Meta", "Facebooks") for label, name in names)


def test_an_ambiguous_curated_name_inside_a_longer_capitalised_name_is_dropped(extract_text):
    ex = extract_text("She joined the Claude Shannon Institute for a year.")
    assert "Claude" not in {e.name for e in ex.entities if e.label == "MODEL"}


def test_a_funding_list_names_companies_even_when_a_product_shares_the_name(extract_text):
    ex = extract_text("This week's rounds: Docker ($310M), Zentrop Labs ($42M) and Brindle AI ($9M).")
    labels = {e.name: e.label for e in ex.entities}
    assert labels.get("Docker") == "ORG" and labels.get("Zentrop Labs") == "ORG"


def test_a_product_named_outside_a_funding_list_stays_a_product(extract_text):
    ex = extract_text("The team ships every service in Docker containers.")
    assert {e.name: e.label for e in ex.entities}.get("Docker") != "ORG"


def test_a_column_name_that_is_also_a_curated_name_is_not_an_entity(extract_text):
    text = "| Benchmark | Quillon 9B | Brindle 70B |\n|---|---|---|\n| MMLU | 66.1 | 80.2 |\n"
    ex = extract_text(text)
    assert "Benchmark" not in {e.name for e in ex.entities}
    assert "MMLU" in {e.name for e in ex.entities if e.label == "DATASET"}


def test_a_table_cell_metric_is_named_with_its_benchmark(extract_text):
    text = "| Benchmark | Quillon 9B |\n|---|---|\n| MMLU | 66.1 |\n| GSM8K | 71.4 |\n"
    ex = extract_text(text)
    names = {e.name for e in ex.entities if e.label == "METRIC"}
    assert names == {"66.1 on MMLU", "71.4 on GSM8K"}


def test_numbered_editions_of_one_curated_dataset_are_datasets_of_their_own(extract_text):
    ex = extract_text("Video models are scored on Kinetics-400, Kinetics-600 and Kinetics-700 every year.")
    datasets = {e.name for e in ex.entities if e.label == "DATASET"}
    assert {"Kinetics-400", "Kinetics-600", "Kinetics-700"} <= datasets


def test_one_edition_of_a_curated_dataset_keeps_its_curated_entity(extract_text):
    ex = extract_text("The new model tops Kinetics-700. Kinetics-700 is hard.")
    datasets = [e for e in ex.entities if e.label == "DATASET"]
    assert len(datasets) == 1 and len(datasets[0].mentions) == 2


def test_markdown_link_text_of_a_paper_link_is_a_title(extract_text):
    ex = extract_text(
        "Reading list:\n\n"
        "- [Sparse Experts Make Frugal Language Models](https://arxiv.org/abs/2409.01234)\n"
        "- [Why Small Models Forget Less](https://arxiv.org/pdf/2410.04321)\n"
    )
    papers = {e.name for e in ex.entities if e.label == "PAPER"}
    assert papers == {"Sparse Experts Make Frugal Language Models", "Why Small Models Forget Less"}


def test_the_tokenizer_splits_link_text_from_its_address():
    from aigraph.extract.pipeline import build_nlp

    tokens = [t.text for t in build_nlp().make_doc("[Wind Models](https://example.org/a)")]
    assert "Models" in tokens and "](" in tokens


def test_a_size_at_the_end_of_a_sentence_leaves_the_full_stop_out(extract_text):
    ex = extract_text("Slide 3: Meta released Llama 3 70B. The 8B came later.\n")
    models = {e.name: [m.text for m in e.mentions] for e in ex.entities if e.label == "MODEL"}
    assert models["Llama 3 70B"] == ["Llama 3 70B"]
    assert ("Meta", "Llama 3 70B") in {(r.head, r.tail) for r in ex.relations if r.type == "DEVELOPED"}


def test_a_version_glued_to_a_family_whose_bare_name_is_ambiguous(extract_text):
    ex = extract_text("Open weights spread fast. Claude-7 and LLaMa-5 were both released in spring.")
    assert {"Claude-7", "LLaMa-5"} <= {e.name for e in ex.entities if e.label == "MODEL"}


def test_page_chips_after_a_title_are_not_models(extract_text):
    ex = extract_text("#4 Frugal Experts for Long Contexts [PDF2] [Copy] [Kimi2]\n\nAuthors: A. Writer, B. Reader\n")
    assert not any(e.name.startswith(("Kimi", "PDF", "Copy")) for e in ex.entities)
