"""Predictions and their scorecard grades, read from texts of our own in several layouts."""

import json
import re
from pathlib import Path

import pytest

from aigraph.extract.predictions import empty_prediction_sections, Outcome, Prediction, find_outcomes, find_predictions, grade_of, match_outcomes
from aigraph.ingest import read_document

SET = Path(__file__).parent / "predictions_set"
GOLD = json.loads((SET / "gold.json").read_text())


def score_set():
    """Prediction precision/recall and grade-matching accuracy over the test set."""
    # The year is given: the reader only tells years up to 2035, and these texts are set later.
    docs = {name: read_document(SET / name, year=int(re.search(r"\d{4}", name).group()))
            for name in GOLD["predictions"]}
    found = {name: find_predictions(doc) for name, doc in docs.items()}
    tp = fp = fn = 0
    for name, expected in GOLD["predictions"].items():
        got = [p.text for p in found[name]]
        hits = {i for i, e in enumerate(expected) for g in got if e.casefold() in g.casefold()}
        tp += len(hits)
        fn += len(expected) - len(hits)
        fp += sum(not any(e.casefold() in g.casefold() for e in expected) for g in got)
    every = [p for ps in found.values() for p in ps]
    right = total = 0
    for name, rows in GOLD["outcomes"].items():
        matches, unmatched, repeats = match_outcomes(find_outcomes(docs[name]), every)
        for claim, prediction, grade in rows:
            total += 1
            tied = [m for m in matches if m.outcome.claim.startswith(claim)]
            if prediction is None:
                right += not tied and any(o.claim.startswith(claim) for o in unmatched)
            else:
                right += bool(tied) and prediction.casefold() in tied[0].prediction.text.casefold() \
                    and tied[0].outcome.grade == grade
    return tp / (tp + fp), tp / (tp + fn), right / total


def test_the_set_meets_the_targets():
    precision, recall, accuracy = score_set()
    print(f"predictions P {precision:.2f} R {recall:.2f}; grades tied right {accuracy:.2f}")
    assert precision >= 0.95 and recall >= 0.90 and accuracy >= 0.90


@pytest.mark.parametrize("line, grade", [
    ("Open weights for Zeta-2. Grade: Partially — only the small one.", "partly"),
    ("A chip ban would widen (No)", "no"),
    ("❌ A merger of two labs", "no"),
    ("Yes – a lab listed in Paris", "yes"),
    ("A national champion emerges — sort of.", "partly"),
    ("✓ Quill opens a lab abroad", "yes"),
    ("✕ A chip beats the best GPU", "no"),
    ("A lab lists in Paris. Verdict: correct - it did in June.", "yes"),
])
def test_grade_words_and_marks(line, grade):
    assert grade_of(line)[0] == grade


@pytest.mark.parametrize("line", ["No company would drive 15M miles", "Nothing here is graded", "Yesterday a lab said so"])
def test_plain_sentences_carry_no_grade(line):
    assert grade_of(line) is None


def _p(text, year=2030, n=1):
    return Prediction(text, year, None, 0, len(text), n)


def _o(claim, grade="yes", year=2031):
    return Outcome(claim, grade, "", year, None, 0, len(claim))


def test_a_second_grade_for_one_prediction_is_reported_and_the_first_kept():
    preds = [_p("Acme would open-source its flagship model"), _p("A robot maker would ship 10,000 units", n=2)]
    first, second = _o("Acme open-sources its flagship model"), _o("Acme open-sourced its flagship model", "no")
    matches, unmatched, repeats = match_outcomes([first, second], preds)
    assert [m.outcome for m in matches] == [first] and [m.outcome for m in repeats] == [second]
    assert not unmatched


def test_grades_only_match_the_year_before_and_never_a_guess():
    preds = [_p("Acme would open-source its flagship model", year=2028)]
    matches, unmatched, _ = match_outcomes([_o("Acme open-sources its flagship model")], preds)
    assert not matches and len(unmatched) == 1
    matches, unmatched, _ = match_outcomes([_o("Quantum computers break RSA")], [_p("Acme would open-source its model")])
    assert not matches and len(unmatched) == 1


def test_a_predictions_section_with_no_items_gives_nothing(tmp_path):
    path = tmp_path / "r-2030.md"
    path.write_text("# A review 2030\n\n## Predictions\n\nWe make no predictions this year.\n")
    doc = read_document(path)
    assert find_predictions(doc) == [] and find_outcomes(doc) == []


def test_a_scorecard_table_with_tick_marks_and_row_numbers():
    doc = read_document(SET / "notes-2035.md", year=2035)
    rows = [(o.grade, o.evidence) for o in find_outcomes(doc)]
    assert ("partly", "A deal was announced but is not yet signed.") in rows  # "~" as a whole cell
    assert all(not e[:1].isdigit() for _, e in rows)  # the row number is not evidence


def test_a_restated_second_grade_in_the_set_is_a_repeat():
    made = find_predictions(read_document(SET / "notes-2035.md", year=2035))
    graded = find_outcomes(read_document(SET / "memo-2036.txt", year=2036))
    matches, unmatched, repeats = match_outcomes(graded, made)
    assert [m.outcome.grade for m in repeats] == ["partly"]
    assert [o.claim for o in unmatched] == ["A quantum computer factors a 2048-bit key"]
    assert len(matches) == 3


def test_prose_about_predictions_is_not_a_prediction():
    doc = read_document(SET / "deck-2034.txt", year=2034)
    texts = [p.text for p in find_predictions(doc)]
    assert len(texts) == 6 and not any("protein contacts" in t or "forecasting team" in t for t in texts)


def test_a_heading_after_the_predictions_closes_their_section(tmp_path):
    path = tmp_path / "digest-2030.txt"
    path.write_text(
        "AI digest 2030\n\nResearch\n\nZephyr Labs trained a model.\n\nPredictions\n\n"
        "- Zephyr Labs would list on a stock exchange.\n- A robot maker would ship 10,000 units.\n\n"
        "Further reading\n\nThanks to everyone who sent links this month.\n\n"
        "- A long list item about courses that we run for beginners and experts.\n")
    doc = read_document(path)
    found = find_predictions(doc)
    assert [p.text for p in found] == ["Zephyr Labs would list on a stock exchange.",
                                       "A robot maker would ship 10,000 units."]
    assert empty_prediction_sections(doc, found) == []


def test_a_deck_navigation_bar_naming_predictions_opens_no_section(tmp_path):
    path = tmp_path / "deck-2030.txt"
    nav = "Introduction | Research | Industry | Predictions\n"
    path.write_text(
        "Frontier Review 2030\n" + nav + "Three things labs shipped\n1. Zephyr Labs shipped a speech model.\n"
        "2. Quill Systems shipped a coding agent.\n#stateofai | 12\n"
        + nav + "Predictions for the next 12 months\n1. Zephyr Labs would open a lab in Lagos.\n#stateofai | 90\n")
    doc = read_document(path)
    assert [(p.slide, p.text) for p in find_predictions(doc)] == [(90, "Zephyr Labs would open a lab in Lagos.")]


def test_deck_scorecard_rows_with_the_grade_on_its_own_line():
    doc = read_document(SET / "deck-2037.txt", year=2037)
    assert [(o.grade, o.claim, o.slide) for o in find_outcomes(doc)] == [
        ("partly", "A city runs its bus network with driverless buses.", 5),
        ("no", "An AI-designed drug wins regulatory approval.", 5)]
    assert find_outcomes(doc)[0].evidence.startswith("Two districts")
