"""Extraction quality on the shared dev set, by the annotation guide's scorer (issue 2, section 6)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aigraph.evaluate import evaluate_files

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
GOLD = sorted((SHARED / "gold").glob("*.json")) if SHARED.exists() else []

pytestmark = pytest.mark.skipif(not GOLD, reason=f"no gold files at {SHARED} (../shared is absent on this machine)")


@pytest.fixture(scope="module")
def scores():
    return evaluate_files(GOLD)


def test_micro_f1_and_every_label(scores):
    for name, result in scores.items():
        assert result["micro"]["f1"] >= 0.90, name
        for label, counts in result["labels"].items():
            if counts["tp"] + counts["fn"]:
                assert counts["f1"] >= 0.80, (name, label, counts)


def test_slide_recall(scores):
    for name, result in scores.items():
        assert result["slide_recall"] >= 0.95, name


def test_relation_f1(scores):
    for name, result in scores.items():
        assert result["relations"]["f1"] >= 0.70, name


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
