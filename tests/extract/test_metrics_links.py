"""ACHIEVES and MEASURED_ON through the whole extractor, on short texts of our own."""


def relations(ex, kind):
    return {(r.head, r.tail) for r in ex.relations if r.type == kind}


def metric_names(ex):
    return {e.name for e in ex.entities if e.label == "METRIC"}


def test_table_with_models_as_columns(extract_text):
    ex = extract_text(
        "Results below.\n\n"
        "| Benchmark | PaLM 2 | Claude 2 |\n|---|---|---|\n"
        "| HellaSwag (10-shot) | 86.8 | 81.0 |\n| GSM8K (8-shot) | 80.7 | 88.0 |\n"
    )
    # a bare cell is named with the benchmark it carries
    assert metric_names(ex) == {"86.8 on HellaSwag", "81.0 on HellaSwag", "80.7 on GSM8K", "88.0 on GSM8K"}
    assert relations(ex, "ACHIEVES") == {("PaLM 2", "86.8 on HellaSwag"), ("Claude 2", "81.0 on HellaSwag"),
                                         ("PaLM 2", "80.7 on GSM8K"), ("Claude 2", "88.0 on GSM8K")}
    assert relations(ex, "MEASURED_ON") == {("86.8 on HellaSwag", "HellaSwag"), ("81.0 on HellaSwag", "HellaSwag"),
                                            ("80.7 on GSM8K", "GSM8K"), ("88.0 on GSM8K", "GSM8K")}


def test_one_score_in_two_cells_is_one_metric_of_both_models(extract_text):
    ex = extract_text("| Benchmark | PaLM 2 | Claude 2 |\n|---|---|---|\n| HellaSwag | 84.0 | 84.0 |\n")
    assert metric_names(ex) == {"84.0 on HellaSwag"}
    assert relations(ex, "ACHIEVES") == {("PaLM 2", "84.0 on HellaSwag"), ("Claude 2", "84.0 on HellaSwag")}


def test_leaderboard_rows(extract_text):
    ex = extract_text(
        "Rank Model Elo Description\n"
        "1 PaLM 2 1150 a model by Google\n"
        "2 Claude 2 1120 a model by Anthropic\n"
    )
    assert relations(ex, "ACHIEVES") == {("PaLM 2", "1150"), ("Claude 2", "1120")}


def test_prose_subject_list_and_baseline(extract_text):
    ex = extract_text(
        "- Slide 3: On the Reasoning Index, DBRX leads at 61, and Grok-1 and Google's PaLM 2 tie at 57.\n"
        "- Slide 4: Claude 2 outperformed Falcon 40B and scored 71.2% on HellaSwag.\n"
    )
    got = relations(ex, "ACHIEVES")
    assert {("DBRX", "61"), ("Grok-1", "57"), ("PaLM 2", "57")} <= got
    assert any(h == "Claude 2" and t.startswith("scored 71.2%") or t.startswith("71.2%") for h, t in got)
    assert not any(h.startswith("Falcon") for h, _ in got)


def test_the_model_a_number_is_written_against(extract_text):
    ex = extract_text("- Slide 5: DBRX reaches 62% on the math split versus Grok-1's 48%.\n")
    got = relations(ex, "ACHIEVES")
    assert ("DBRX", "reaches 62%") in got
    assert not any(t == "48%" and h == "DBRX" for h, t in got)


def test_from_to_belongs_to_the_raised_model_not_the_tool(extract_text):
    ex = extract_text("- Slide 6: A new harness raised Claude 2 from 27.5% with Gemini Ultra to 37.6% on HellaSwag.\n")
    assert ("Claude 2", "37.6% on HellaSwag") in relations(ex, "ACHIEVES")
    assert not any(h == "Gemini Ultra" for h, _ in relations(ex, "ACHIEVES"))


def test_the_sentence_before_only_when_this_one_refers_back(extract_text):
    ex = extract_text(
        "Gemini Ultra was released in December. It scored 90.0% on MMLU.\n\n"
        "Tests ran on many PaLM 2 copies. The auditor finds the flaw in about 41% of trials.\n"
    )
    got = relations(ex, "ACHIEVES")
    assert ("Gemini Ultra", "90.0% on MMLU") in got
    assert not any(h == "PaLM 2" for h, _ in got)


def test_deltas_shares_and_sizes_have_no_achiever(extract_text):
    ex = extract_text("- Slide 8: Claude 2 (137B) holds 42% of mentions and improved MMLU by 3%.\n")
    assert relations(ex, "ACHIEVES") == set()


def test_tab_separated_rows_map_cells_by_index(extract_text):
    ex = extract_text("Results:\n\nModel\tMMLU\tGSM8K\nPaLM 2\t78.3\t80.7\nClaude 2\t78.5\t88.0\n")
    assert relations(ex, "ACHIEVES") == {("PaLM 2", "78.3 on MMLU"), ("PaLM 2", "80.7 on GSM8K"),
                                         ("Claude 2", "78.5 on MMLU"), ("Claude 2", "88.0 on GSM8K")}
    measured = relations(ex, "MEASURED_ON")
    assert ("78.5 on MMLU", "MMLU") in measured and ("88.0 on GSM8K", "GSM8K") in measured


def test_a_size_column_is_not_the_row_name(extract_text):
    ex = extract_text("| Model | Params | MMLU |\n|---|---|---|\n| Claude 2 | 137B | 78.5 |\n| PaLM 2 | 340B | 78.3 |\n")
    assert relations(ex, "ACHIEVES") == {("Claude 2", "78.5 on MMLU"), ("PaLM 2", "78.3 on MMLU")}
    assert not any(e.name in ("137B", "340B") for e in ex.entities)


def test_models_as_columns_in_rows_that_ran_together(extract_text):
    ex = extract_text("Benchmark Claude 2 PaLM 2\nHellaSwag 86.1% 86.8%\nGSM8K 88.0% 80.7%\n")
    assert relations(ex, "ACHIEVES") == {("Claude 2", "86.1% on HellaSwag"), ("PaLM 2", "86.8% on HellaSwag"),
                                         ("Claude 2", "88.0% on GSM8K"), ("PaLM 2", "80.7% on GSM8K")}


def test_the_benchmark_of_a_list_item_or_of_the_clause(extract_text):
    ex = extract_text(
        "Gains:\n\n- HellaSwag (commonsense): agents leapt from 40% → ~70% in a year.\n\n"
        "Results improved. HumanEval rises from 30.5% to 48.0% with the new harness.\n"
    )
    got = relations(ex, "MEASURED_ON")
    assert ("~70%", "HellaSwag") in got and ("48.0%", "HumanEval") in got
