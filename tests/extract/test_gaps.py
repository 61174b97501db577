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
