"""Relation rules on hand-made mentions, and DEVELOPED on short texts of our own."""

from aigraph.extract import relations as rel
from aigraph.extract.document import _metric_windows


def _ment(text, name, label, sent, kind=""):
    start = text.index(name)
    return rel.Ment(name, label, start, start + len(name), sent, kind)


def relations(ex, kind):
    return {(r.head, r.tail) for r in ex.relations if r.type == kind}


def test_developed_links_within_each_sentence_of_a_long_paragraph():
    unit = "Zentrop Labs released Quillon-4. Everyone liked it. "
    text = unit * 300
    ments = []
    for i in range(300):
        base = i * len(unit)
        sent = (base, base + unit.index("Everyone"))
        ments.append(rel.Ment("Zentrop Labs", "ORG", base, base + 12, sent))
        at = base + unit.index("Quillon")
        ments.append(rel.Ment("Quillon-4", "MODEL", at, at + 9, sent))
    found = rel.developed(ments, text)
    # one link per model name; the org-verb rule fires in the first sentence
    assert [(f.head.name, f.tail.name, f.rule) for f in found][:1] == [("Zentrop Labs", "Quillon-4", "rule:org-verb-model")]


def test_pronoun_subject_takes_the_organisation_of_an_earlier_sentence():
    text = "Brindle AI works on proteins. Yet they produced a method called FoldQuill."
    s1, s2 = (0, 30), (30, len(text))
    ments = [_ment(text, "Brindle AI", "ORG", s1), _ment(text, "FoldQuill", "MODEL", s2)]
    found = rel.developed(ments, text)
    assert [(f.head.name, f.tail.name, f.rule) for f in found] == [("Brindle AI", "FoldQuill", "rule:pronoun-subject")]


def test_metric_windows_carry_the_models_of_the_last_sentence_that_had_one():
    text = "Quillon-4 is new. It is fast. It reaches 91.0% accuracy. Zentrop-2 reaches 88.0%."
    sents = [(0, 18), (18, 30), (30, 57), (57, len(text))]
    q = _ment(text, "Quillon-4", "MODEL", sents[0])
    m1 = _ment(text, "91.0% accuracy", "METRIC", sents[2], "absolute")
    z = _ment(text, "Zentrop-2", "MODEL", sents[3])
    m2 = _ment(text, "88.0%", "METRIC", sents[3], "absolute")
    windows = _metric_windows([q, m1, z, m2])
    assert windows == [[q, m1], [q, z, m2]]
    assert _metric_windows([q]) == []


def test_developed_in_a_long_single_paragraph_text(extract_text):
    text = " ".join(["Anthropic released Claude 2 to the public.", "The weather was fine that day."] * 200)
    ex = extract_text(text)
    assert ("Anthropic", "Claude 2") in relations(ex, "DEVELOPED")
