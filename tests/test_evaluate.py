"""The scorer's rules on small hand-made gold and predictions."""

from aigraph.evaluate import score_document
from aigraph.keys import gold_key, metric_number

GOLD = {
    "source": "x.txt",
    "entities": [
        {"label": "ORG", "name": "DeepMind", "aliases": ["Google DeepMind"], "slides": [3, 4]},
        {"label": "MODEL", "name": "RoseTTAFold", "aliases": ["RoseTTA fold"], "slides": [5]},
        {"label": "MODEL", "name": "Transformer", "optional": True},
        {"label": "METRIC", "name": "84.2% top-1 accuracy", "slides": [5]},
    ],
    "relations": [
        {"type": "DEVELOPED", "head": "DeepMind", "tail": "RoseTTAFold"},
        {"type": "ACHIEVES", "head": "RoseTTAFold", "tail": "84.2% top-1 accuracy", "optional": True},
    ],
}


def ent(label, name, *slides, text=None):
    return {"label": label, "name": name, "mentions": [{"text": text or name, "slide": s} for s in slides or (None,)]}


def test_names_normalise_case_spacing_and_leading_the():
    assert gold_key("The RoseTTA fold") == gold_key("RoseTTAFold")
    assert metric_number("cut the 12-hour forecast error by 9%") == "9%"
    assert metric_number("0.72 AUC") == "0.72"


def test_duplicates_count_once_and_optional_costs_nothing():
    pred = {"entities": [
        ent("ORG", "DeepMind", 3, 4), ent("ORG", "Google DeepMind", 4),
        ent("MODEL", "RoseTTA fold", 5), ent("MODEL", "Transformer"), ent("MODEL", "Gato"),
        ent("METRIC", "84.2% top-1", 5),
    ], "relations": [
        {"type": "DEVELOPED", "head": "DeepMind", "tail": "RoseTTA fold"},
        {"type": "ACHIEVES", "head": "RoseTTAFold", "tail": "84.2%"},
        {"type": "DEVELOPED", "head": "DeepMind", "tail": "Gato"},
    ]}
    result = score_document(GOLD, pred)
    org, model = result["labels"]["ORG"], result["labels"]["MODEL"]
    assert (org["tp"], org["fp"], org["fn"]) == (1, 1, 0)
    assert (model["tp"], model["fp"], model["fn"]) == (1, 1, 0)
    assert result["slide_recall"] == 1.0
    rel = result["relations"]
    assert (rel["tp"], rel["fp"], rel["fn"]) == (1, 1, 0)


def test_missing_slides_and_entities_are_counted():
    result = score_document(GOLD, {"entities": [ent("ORG", "DeepMind", 3)], "relations": []})
    assert result["slides"] == [1, 4]  # unmatched gold entities keep their slides in the total
    assert result["labels"]["MODEL"]["fn"] == 1 and result["relations"]["fn"] == 1
