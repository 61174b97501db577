"""Prose forms of a result, and the numbers that are not results (see the annotation guide)."""

from aigraph.keys import metric_number
from aigraph.extract.metrics import find_metrics

DATASETS = {"MMLU", "GPQA", "SWE-bench", "ImageNet", "LibriSpeech", "HumanEval", "OSWorld"}


def found(text):
    return [m.text for m in find_metrics(text, is_dataset=lambda s: s in DATASETS)]


def test_from_to_keeps_the_end_point():
    assert found("Fine-tuning raised Wren-2 from 41.0% with a plain prompt to 55.5% on HumanEval.") == ["55.5% on HumanEval"]
    assert found("A new harness cut the error rate from 20% to 9% on the test.") == ["9%"]
    assert found("The index went from 2021 to 2024 and the model from 3 to 5 layers.") == []


def test_arrows_and_qualified_end_points():
    assert found("OSWorld: 12% → ~66% in one year; MMLU: 70% -> near 100% soon.") == ["~66%", "near 100%"]


def test_benchmark_colon_value_and_signed_deltas():
    assert found("- MMLU: 86.4%\n- GPQA: +48.9 percentage points\n") == ["86.4%", "+48.9 percentage points"]
    got = find_metrics("Gains in a year (GPQA +12.5pp, SWE-bench +30.1pp).", is_dataset=DATASETS.__contains__)
    assert [(m.text, m.unit, m.kind, m.dataset) for m in got] == [
        ("+12.5", "pp", "delta", "GPQA"), ("+30.1", "pp", "delta", "SWE-bench")]


def test_a_version_after_a_benchmark_name_is_not_a_score():
    assert found("Zeta-Bench 2.0 rises sharply, and Revenue: 45% of sales.") == []


def test_share_of_the_work_done():
    assert found("The agent solved 31.5% of the problems and closed 20-60% of the gap.") == [
        "31.5% of the problems", "20-60% of the gap"]


def test_n_of_m_needs_a_verb_of_success():
    assert found("It solved 7 of 10 puzzles, and answered 45 out of 50 questions.") == [
        "7 of 10 puzzles", "45 out of 50 questions"]
    assert found("Reviewers flagged leaks in 12 of 1,250 logs; 3 of 8 staff quit.") == []


def test_n_percent_and_qualified_scores():
    assert found("The model scored 90 percent, and then reaches just over 50% on hard cases.") == [
        "scored 90 percent", "reaches just over 50%"]


def test_slash_pairs_are_one_result():
    got = found("It gets 2.1/4.0 WER on the two test sets.")
    assert got == ["2.1/4.0 WER"] and metric_number(got[0]) == "2.1"


def test_ratings_with_thousands_separators():
    assert found("Its rating stands at 1,250 Elo.") == ["1,250 Elo"]


def test_scores_on_a_ranking_without_a_unit():
    assert found("On the Reasoning Index, Falcon-Q leads at 61 and Wren-2 and Gale-3 tie at 57.") == ["61", "57"]
    assert found("The lab leads at 14 sites and opened an office at 3 locations.") == []


def test_a_compared_value_is_a_baseline():
    got = find_metrics("The router reaches 62% on the math split versus Wren-2's 48%.")
    assert [(m.text, m.kind) for m in got] == [("reaches 62%", "absolute"), ("48%", "baseline")]


def test_a_score_of_n():
    assert found("It beats Gale-3 with a score of 66.") == ["score of 66"]


def test_not_results_shares_money_multiples_sizes_and_counts():
    text = (
        "Open models take 38% of citations, up from 7% of citations in 2023 to 26%. "
        "The share of daily users rose from 2.1% in May to 25.6% in June. "
        "It raised $120M at a 12x revenue multiple; adoption grew 108x. "
        "Wren-2 (280B) was trained on 1.4T tokens with a 128k context, 5-shot, in 2023, see pp. 12-14. "
        "Models up to 4.7x larger were tried."
    )
    assert found(text) == []


def test_the_same_delta_written_twice_is_kept_once():
    text = "Big gains (GPQA +48.9pp).\n- GPQA: +48.9 percentage points\n"
    assert found(text) == ["+48.9 percentage points"]


def test_pushed_to_and_a_measure_brought_down():
    assert found("The new agent pushed the state of the art on SWE-bench to 49%.") == ["49%"]
    assert found("Its word error rate dropped to 3.2% after tuning.") == ["3.2%"]
    assert found("The share of daily users rose to 40%, and funding was cut to $3M.") == []


def test_gains_in_points_are_deltas():
    got = find_metrics("The new model improved by 12 points on MATH.")
    assert [(m.text, m.kind) for m in got] == [("12 points", "delta")]


def test_percentile_among_competitors():
    assert found("The system ranked in the top 54% of participants.") == ["top 54% of participants"]
    assert found("The top 1% of earners hold most of the wealth.") == []


def test_a_percentage_that_closes_a_with_clause():
    assert found("It is the first model to beat experts on MMLU, with 90.0%.") == ["90.0%"]
    assert found("It ships with 30% fewer parameters and with 40% of the budget.") == []


def test_a_list_of_benchmark_scores_after_a_colon():
    assert found("Wren-2: MMLU 82.0, GPQA 53.0, HumanEval 81.7, Tokens 12.5.") == ["82.0", "53.0", "81.7"]


def test_measure_colon_value_and_its_compared_value():
    got = find_metrics("Word error rate: 5.5% (vs. 5.1% for human transcribers).")
    assert [(m.text, m.kind) for m in got] == [("Word error rate: 5.5%", "absolute"), ("5.1%", "baseline")]


def test_above_a_share_of_players():
    assert found("The agent reached the top league, ranking above 99.8% of active players.") == [
        "above 99.8% of active players"]


def test_fast_scanning_forms_of_two_patterns_find_what_the_plain_ones_find():
    import re

    from aigraph.extract import metric_forms as mf
    from aigraph.extract import metrics

    plain = re.compile(r"(?:\bof|\bat|:|=|\breach(?:ing|ed)|\babove|\bover|\baround)\s+"
                       r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?[~≈]?\d")
    text = ("of 5 at 3 :4 =2 reaching 9 reached 1 above 2 over 3 around 4 sofa 5 cat 3 coverover 4 x: 5\n"
            "It ranked in the top 5% of players, above 99.8% of all human programmers; Top 3 % of the teams.")
    assert [m.span() for m in metrics._CONNECTOR_NUM.finditer(text)] == [m.span() for m in plain.finditer(text)]
    near = mf._near(mf._TOP_PCT, mf._PCT_OF_TRIGGER, text, 80, 120)
    assert [m.span() for m in near] == [m.span() for m in mf._TOP_PCT.finditer(text)]
    assert len(near) == 3


def test_each_trigger_finds_what_its_pattern_finds():
    """A trigger is tried only where its literal anchors point; its hits must be the pattern's own."""
    import random

    from aigraph.extract import metric_triggers
    from aigraph.extract.metric_triggers import Trigger

    triggers = {name: t for name, t in vars(metric_triggers).items() if isinstance(t, Trigger)}
    assert len(triggers) >= 7
    texts = [
        "xat at 5 and At 7, AT ~9; scored 91%, Scoring 4 pts, up by 3 percentage points, by 2.5 pp.",
        "5 out  of 7, 3 of the 10, 12 of\n4; from 2 to 3, FROM x, prom 9; 2.1/4.0; vs GPT, Versus, compared",
        "MMLU: +3.4, -2 and 71.5 on Qwen 12.5; 45.6%; 8pp; relative to; against 4 percent of tasks",
        "", "%", "a", "5%", ":1.2", "out of", "of 5",
    ]
    rng = random.Random(5)
    pieces = ["at", "At", "aT", "AT", "scor", "SCOR", "es ", "ed ", "ing ", "from ", "From ", "FROM ", "of ", "out ",
              "the ", "%", "pp", " ", "  ", "\n", "1", "23", "4.5", ".", ":", "+", "-", "/", "by ", "By ", "BY ",
              "points", "percent", "ercentage ", "vs", "Vs", "versus", "compared", "against", "relative", "x", "Q"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(4000)]
    for name, trigger in triggers.items():
        for text in texts:
            assert [m.span() for m in trigger.finditer(text)] == [m.span() for m in trigger.pattern.finditer(text)], (name, text)
