"""Relation rules on hand-made mentions, and DEVELOPED on short texts of our own."""

from aigraph.extract import relations as rel


def _ment(text, name, label, sent, kind=""):
    start = text.index(name)
    return rel.BlockMention(name, label, start, start + len(name), sent, kind)


def relations(ex, kind):
    return {(r.head, r.tail) for r in ex.relations if r.type == kind}


def test_developed_links_within_each_sentence_of_a_long_paragraph():
    unit = "Zentrop Labs released Quillon-4. Everyone liked it. "
    text = unit * 300
    ments = []
    for i in range(300):
        base = i * len(unit)
        sent = (base, base + unit.index("Everyone"))
        ments.append(rel.BlockMention("Zentrop Labs", "ORG", base, base + 12, sent))
        at = base + unit.index("Quillon")
        ments.append(rel.BlockMention("Quillon-4", "MODEL", at, at + 9, sent))
    found = rel.developed(ments, text)
    # one link per model name; the org-verb rule fires in the first sentence
    assert [(f.head.name, f.tail.name, f.rule) for f in found][:1] == [("Zentrop Labs", "Quillon-4", "rule:org-verb-model")]


def test_pronoun_subject_takes_the_organisation_of_an_earlier_sentence():
    text = "Brindle AI works on proteins. Yet they produced a method called FoldQuill."
    s1, s2 = (0, 30), (30, len(text))
    ments = [_ment(text, "Brindle AI", "ORG", s1), _ment(text, "FoldQuill", "MODEL", s2)]
    found = rel.developed(ments, text)
    assert [(f.head.name, f.tail.name, f.rule) for f in found] == [("Brindle AI", "FoldQuill", "rule:pronoun-subject")]


def test_developed_in_a_long_single_paragraph_text(extract_text):
    text = " ".join(["Anthropic released Claude 2 to the public.", "The weather was fine that day."] * 200)
    ex = extract_text(text)
    assert ("Anthropic", "Claude 2") in relations(ex, "DEVELOPED")


def test_size_and_tier_variants_are_models_of_their_own_built_by_the_family_developer(extract_text):
    ex = extract_text(
        "Meta shipped Llama 3 70B and later Llama 3 8B Instruct. Microsoft released Phi-3-mini; "
        "reviewers liked phi-3-mini and the Phi-3 mini demo.\n"
    )
    models = {e.name: e for e in ex.entities if e.label == "MODEL"}
    assert {"Llama 3 70B", "Llama 3 8B Instruct"} <= set(models)
    phi = [e for e in models.values() if "phi-3" in e.name.lower()]
    assert len(phi) == 1 and {"phi-3-mini", "Phi-3 mini"} <= {phi[0].name, *phi[0].aliases}
    got = relations(ex, "DEVELOPED")
    assert ("Microsoft", phi[0].name) in got and ("Meta", "Llama 3 70B") in got


def test_row_rule_on_mentions():
    text = "3 Koala-13B 1022 a dialogue model fine-tuned from LLaMA by Berkeley AI Research\n"
    sent = (0, len(text))
    ments = [_ment(text, "Koala-13B", "MODEL", sent), _ment(text, "LLaMA", "MODEL", sent),
             _ment(text, "Berkeley AI Research", "ORG", sent)]
    found = rel.developed(ments, text)
    assert [(f.head.name, f.tail.name, f.rule) for f in found] == [("Berkeley AI Research", "Koala-13B", "rule:row-by-org")]
    text2 = "The Koala-13B model was outperformed by Berkeley AI Research\n"
    ments2 = [_ment(text2, "Koala-13B", "MODEL", (0, len(text2))), _ment(text2, "Berkeley AI Research", "ORG", (0, len(text2)))]
    assert all(f.rule != "rule:row-by-org" for f in rel.developed(ments2, text2))


def test_proposed_by_org_before_the_model():
    text = "Proposed by Zentrop Labs in Oslo, Quillon-4 is a pure MLP model."
    sent = (0, len(text))
    ments = [_ment(text, "Zentrop Labs", "ORG", sent), _ment(text, "Quillon-4", "MODEL", sent)]
    found = rel.developed(ments, text)
    assert [(f.head.name, f.tail.name, f.rule) for f in found] == [("Zentrop Labs", "Quillon-4", "rule:proposed-by")]


def test_sentence_with_one_organisation_and_curated_agreement(extract_text):
    ex = extract_text("The launch of Claude 2, tuned with care, shows Anthropic's focus on safety.\n")
    assert ("Anthropic", "Claude 2") in relations(ex, "DEVELOPED")
    ex = extract_text("Researchers at Anthropic found that models trained like GPT-4 behave alike.\n")
    assert relations(ex, "DEVELOPED") == set()


def test_row_without_by_uses_its_one_organisation_when_curated_agrees():
    text = "9 Quillon-7B 906 Zentrop Labs language models CC-BY\n"
    sent = (0, len(text))
    ments = [_ment(text, "Quillon-7B", "MODEL", sent), _ment(text, "Zentrop Labs", "ORG", sent)]
    agree = lambda org, model, exact=False: (org, model) == ("Zentrop Labs", "Quillon-7B")
    assert [(f.head.name, f.rule) for f in rel.developed(ments, text, curated_dev=agree)] == [("Zentrop Labs", "rule:row-by-org")]
    assert rel.developed(ments, text) == []


def test_byline_organisation_built_the_model_the_page_presents(extract_text):
    head = "Scaling Quill Networks\n\nAda Lovelace, Alan Turing\nDeepMind\n\nAbstract\n"
    ex = extract_text(head + "We present Quillon-4, a new model. Quillon-4 beats GPT-4 on MMLU.\n")
    assert ("DeepMind", "Quillon-4") in relations(ex, "DEVELOPED")
    assert not any(t == "GPT-4" for _, t in relations(ex, "DEVELOPED"))
    ex = extract_text(head + "We compare Quillon-4 with GPT-4 on MMLU.\n")
    assert relations(ex, "DEVELOPED") == set()


def test_appositive_and_parenthesised_organisation():
    text = "Quillon-4, a small open language model by Zentrop Labs, was released. Wallaby-2 (Brindle AI) followed."
    s1 = (0, text.index("Wallaby"))
    s2 = (s1[1], len(text))
    ments = [_ment(text, "Quillon-4", "MODEL", s1), _ment(text, "Zentrop Labs", "ORG", s1),
             _ment(text, "Wallaby-2", "MODEL", s2), _ment(text, "Brindle AI", "ORG", s2)]
    got = [(f.head.name, f.tail.name, f.rule) for f in rel.developed(ments, text)]
    assert got == [("Zentrop Labs", "Quillon-4", "rule:appositive-by-org"), ("Brindle AI", "Wallaby-2", "rule:appositive-by-org")]
    text = "Quillon-4 (Brindle AI and others) and a model trained on data from Zentrop Labs."
    sent = (0, len(text))
    ments = [_ment(text, "Quillon-4", "MODEL", sent), _ment(text, "Brindle AI", "ORG", sent)]
    assert rel.developed(ments, text) == []


def test_prose_sentence_opening_with_a_model_is_not_a_row():
    text = "Quillon-4 was trained on data collected by Zentrop Labs.\n"
    sent = (0, len(text))
    ments = [_ment(text, "Quillon-4", "MODEL", sent), _ment(text, "Zentrop Labs", "ORG", sent)]
    assert rel.developed(ments, text) == []


def test_base_model_is_not_the_by_organisations():
    text = "Wallaby, a chat model fine-tuned from Quillon by Zentrop Labs, is out."
    sent = (0, len(text))
    ments = [_ment(text, "Wallaby", "MODEL", sent), _ment(text, "Quillon", "MODEL", sent), _ment(text, "Zentrop Labs", "ORG", sent)]
    got = {(f.head.name, f.tail.name) for f in rel.developed(ments, text)}
    assert ("Zentrop Labs", "Quillon") not in got


def test_by_org_links_every_organisation_of_its_list():
    text = "Critics praised Quillon-4 from Zentrop Labs, Brindle AI and Vexora last year."
    sent = (0, len(text))
    ments = [_ment(text, n, lab, sent) for n, lab in
             (("Quillon-4", "MODEL"), ("Zentrop Labs", "ORG"), ("Brindle AI", "ORG"), ("Vexora", "ORG"))]
    found = {(f.head.name, f.tail.name) for f in rel.developed(ments, text)}
    assert found == {("Zentrop Labs", "Quillon-4"), ("Brindle AI", "Quillon-4"), ("Vexora", "Quillon-4")}


def test_by_org_list_stops_at_a_possessive_and_after_its_conjunction():
    text = "Quillon-4 from Zentrop Labs and Brindle AI and Vexora's FoldQuill were shown."
    sent = (0, len(text))
    ments = [_ment(text, n, lab, sent) for n, lab in (("Quillon-4", "MODEL"), ("Zentrop Labs", "ORG"),
             ("Brindle AI", "ORG"), ("Vexora", "ORG"), ("FoldQuill", "MODEL"))]
    found = {(f.head.name, f.tail.name) for f in rel.developed(ments, text)}
    assert found == {("Zentrop Labs", "Quillon-4"), ("Brindle AI", "Quillon-4"), ("Vexora", "FoldQuill")}


def test_a_possessive_list_stops_at_a_model_with_another_known_maker():
    text = "Zentrop Labs's Quillon-4, FoldQuill and Orbis-2 were compared."
    sent = (0, len(text))
    ments = [_ment(text, n, lab, sent) for n, lab in
             (("Zentrop Labs", "ORG"), ("Quillon-4", "MODEL"), ("FoldQuill", "MODEL"), ("Orbis-2", "MODEL"))]
    makers = {"FoldQuill": "Brindle AI"}  # what the curated knowledge would say

    def curated_dev(org, model, exact=False):
        return None if model not in makers else makers[model] == org

    found = {(f.head.name, f.tail.name) for f in rel.developed(ments, text, curated_dev=curated_dev)}
    assert found == {("Zentrop Labs", "Quillon-4")}
    found = {(f.head.name, f.tail.name) for f in rel.developed(ments, text)}
    assert found == {("Zentrop Labs", "Quillon-4"), ("Zentrop Labs", "FoldQuill"), ("Zentrop Labs", "Orbis-2")}


def test_an_appositive_classifier_or_family_names_its_maker():
    for noun in ("classifier", "family", "series"):
        text = f"Orbis-2, a protein {noun} developed by Halcyon Bio, tops the chart."
        sent = (0, len(text))
        ments = [_ment(text, "Orbis-2", "MODEL", sent), _ment(text, "Halcyon Bio", "ORG", sent)]
        assert [(f.head.name, f.rule) for f in rel.developed(ments, text)] == [("Halcyon Bio", "rule:appositive-by-org")]


def test_researchers_at_a_list_of_organisations_after_a_bullet_glyph():
    text = "Chips\n\u25cf Researchers at Zentrop Labs and Brindle AI introduced Quillon-4, a small model."
    sent = (text.index("Researchers"), len(text))
    ments = [_ment(text, n, lab, sent) for n, lab in
             (("Zentrop Labs", "ORG"), ("Brindle AI", "ORG"), ("Quillon-4", "MODEL"))]
    found = {(f.head.name, f.tail.name) for f in rel.developed(ments, text)}
    assert found == {("Zentrop Labs", "Quillon-4"), ("Brindle AI", "Quillon-4")}


def test_an_organisations_best_set_off_by_commas_is_its_model():
    text = "On the arena, Zentrop Labs's best, Quillon-4, ranks #20; Vexora's researchers, Orbis-2 fans, disagree."
    sent = (0, len(text))
    ments = [_ment(text, n, lab, sent) for n, lab in
             (("Zentrop Labs", "ORG"), ("Quillon-4", "MODEL"), ("Vexora", "ORG"), ("Orbis-2", "MODEL"))]
    assert {(f.head.name, f.tail.name) for f in rel.developed(ments, text)} == {("Zentrop Labs", "Quillon-4")}


def test_a_listed_papers_credit_built_the_model_its_title_opens_with(extract_text):
    abstract = ("We propose a routing method for tiny experts. In this paper we show that Quillon-4 outperforms dense "
                "baselines on every benchmark we tried, with experiments on three tasks.")
    ex = extract_text(f"Top papers\n\n1) Quillon-4: Sparse Routing for Tiny Experts (Zentrop Labs)\n\n{abstract}\n")
    assert "Quillon-4: Sparse Routing for Tiny Experts" in {e.name for e in ex.entities if e.label == "PAPER"}
    assert relations(ex, "DEVELOPED") == {("Zentrop Labs", "Quillon-4")}
    ex = extract_text(f"Top papers\n\n1) Quillon-4: Sparse Routing for Tiny Experts (Zentrop Labs and others)\n\n{abstract}\n")
    assert relations(ex, "DEVELOPED") == set()
