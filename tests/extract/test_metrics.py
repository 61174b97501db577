from aigraph.extract.metrics import find_metrics

DATASETS = {"ImageNet", "MMLU", "HumanEval", "GSM8K"}


def found(text):
    return [(m.text, m.kind) for m in find_metrics(text, is_dataset=lambda s: s in DATASETS)]


def test_number_then_measure_with_dataset():
    assert found("The model reaches 91.1% top-1 accuracy on ImageNet.") == [("91.1% top-1 accuracy on ImageNet", "absolute")]


def test_decimal_score_without_unit():
    assert found("The classifier separates them with 0.81 AUROC.") == [("0.81 AUROC", "absolute")]


def test_measure_then_number():
    assert found("It posts an F1 score of 88.5 and a GDT score of 92.4 at CASP14.") == [
        ("F1 score of 88.5", "absolute"),
        ("GDT score of 92.4", "absolute"),
    ]


def test_percent_on_known_benchmark_only():
    assert found("It scores 67.0% on HumanEval and 12% on Tuesday.") == [("67.0% on HumanEval", "absolute")]


def test_improvement_is_a_delta():
    assert found("The new loss cut the word error rate on noisy audio by 23%.") == [
        ("cut the word error rate on noisy audio by 23%", "delta")
    ]
    assert found("Tricks improve results by 3% top-1 accuracy.")[0][1] == "delta"


def test_multiplier():
    assert found("It needs 4x fewer parameters.") == [("4x fewer parameters", "multiplier")]


def test_shares_money_counts_and_years_are_not_metrics():
    text = (
        "In 2023, 41% of papers came from industry and the startup raised $1.3B at a $10B valuation; "
        "the lab hired 300 people and 7 of 10 founders left."
    )
    assert found(text) == []


def test_metric_spans_stop_before_function_words():
    assert found("It trains 6.1x faster at scale and costs 8.4x less and more.") == [
        ("6.1x faster", "multiplier"), ("8.4x less", "multiplier")]
    assert found("The run used 20% of the compute and 87.5% at high compute.") == []


def test_decimal_score_on_a_known_benchmark():
    assert found("GPT-4 reached 92.5 on GSM8K but 12 on Tuesday.") == [("92.5 on GSM8K", "absolute")]


def test_a_scored_percentage_is_a_metric():
    assert found("Gemini Ultra reached human-level performance on the test, scoring 90.0%.") == [
        ("scoring 90.0%", "absolute")]
    assert found("The party scored 25% of the vote.") == []


def test_a_size_multiple_is_not_a_metric():
    assert found("The student is 4.7x smaller, and models up to 3x larger were tried.") == []
