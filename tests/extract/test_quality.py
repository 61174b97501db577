"""Extraction quality on the shared dev corpus, by the annotation guide's scorer, summed over the corpus."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aigraph.evaluate import evaluate_files

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
GOLD = sorted((SHARED / "gold").glob("*.json")) if SHARED.exists() else []

pytestmark = pytest.mark.skipif(not GOLD, reason=f"no gold files at {SHARED} (../shared is absent on this machine)")


# A ratchet: the corpus-level scores the extractor reaches today on ../shared/eval/gold.
# Raise a floor when a change lifts a score; never lower one to let a change land.
FLOORS = {
    "micro_f1": 0.98,
    "micro_precision": 0.99,
    "labels_f1": {"ORG": 0.98, "MODEL": 0.98, "PAPER": 0.99, "DATASET": 0.92, "METRIC": 0.99},
    "relation_f1": 0.98,
    "slide_recall": 0.97,
}


@pytest.fixture(scope="module")
def corpus():
    from aigraph.evaluate import combine

    return combine(evaluate_files(GOLD).values())


def test_corpus_micro_scores_hold(corpus):
    assert corpus["micro"]["f1"] >= FLOORS["micro_f1"], corpus["micro"]
    assert corpus["micro"]["precision"] >= FLOORS["micro_precision"], corpus["micro"]


@pytest.mark.parametrize("label", sorted(FLOORS["labels_f1"]))
def test_corpus_label_f1_holds(corpus, label):
    counts = corpus["labels"][label]
    assert counts["f1"] >= FLOORS["labels_f1"][label], {k: counts[k] for k in ("tp", "fp", "fn", "fn_names")}


def test_corpus_slide_recall_holds(corpus):
    assert corpus["slide_recall"] >= FLOORS["slide_recall"], corpus["slides"]


def test_corpus_relation_f1_holds(corpus):
    assert corpus["relations"]["f1"] >= FLOORS["relation_f1"], corpus["relations"]["fn_names"]


def test_combined_counts_are_the_sum_of_the_files():
    from aigraph.evaluate import combine

    per_file = evaluate_files(GOLD[:2])
    total = combine(per_file.values())
    for label in total["labels"]:
        assert total["labels"][label]["tp"] == sum(r["labels"][label]["tp"] for r in per_file.values())
    assert total["slides"] == [sum(r["slides"][0] for r in per_file.values()), sum(r["slides"][1] for r in per_file.values())]


def test_our_scorer_agrees_with_the_shared_one(tmp_path):
    """aigraph eval and ../shared/eval/score.py give the same numbers on the same output."""
    from aigraph.extract import extract_document
    from aigraph.extract.output import extractions_to_json
    from aigraph.ingest import read_document

    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text())
        doc = read_document(SHARED.parent / "corpus" / gold["source"])
        out = tmp_path / "out.json"
        out.write_text(json.dumps(extractions_to_json([extract_document(doc)])))
        theirs = json.loads(
            subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold_path), str(out), "--json"],
                           check=True, capture_output=True, text=True).stdout
        )
        ours = evaluate_files([gold_path], pred=out)[gold_path.name]
        for label, c in theirs["labels"].items():
            assert (ours["labels"][label]["tp"], ours["labels"][label]["fp"], ours["labels"][label]["fn"]) == (
                c["tp"], c["fp"], c["fn"]), label
        assert ours["slide_recall"] == pytest.approx(theirs["slide_recall"])
        assert (ours["relations"]["tp"], ours["relations"]["fp"], ours["relations"]["fn"]) == (
            theirs["relations"]["tp"], theirs["relations"]["fp"], theirs["relations"]["fn"])
