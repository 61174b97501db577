from aigraph.explore.entity import entity_view
from aigraph.explore.mentions import PAGE_SIZE, sentence_rows


def mention_blocks(at):
    return [m.value for m in at.markdown if m.value.startswith("**slide") or m.value.startswith("**outside")]


def test_one_row_per_sentence_with_paging(open_page, raw_graph):
    at = open_page("entity", id="org:deepmind")
    rows = sentence_rows(entity_view(raw_graph, "org:deepmind").mentions)
    assert len(rows) > PAGE_SIZE  # enough to need a second page
    shown = mention_blocks(at)
    assert len(shown) == PAGE_SIZE
    # No sentence is shown twice on a page, and a folded one names its slide range.
    sentences = [block.split("  \n", 1)[1] for block in shown]
    assert len(set(sentences)) == len(sentences)
    at.number_input(key="entity_page").set_value(2).run()
    assert not at.exception
    second = mention_blocks(at)
    assert second and not set(second) & set(shown)


def test_year_filter_and_exact_highlights(open_page, raw_graph):
    at = open_page("entity", id="org:deepmind")
    at.multiselect(key="entity_years").set_value([2019]).run()
    assert not at.exception
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert headings == ["#### 2019"]
    for block in mention_blocks(at):
        assert ":orange-background[**DeepMind**]" in block or "Google DeepMind" in block
        assert ":orange-background[**Google\\, DeepMind**]" not in block


def test_relation_evidence_says_how_it_was_known(open_page):
    at = open_page("entity", id="org:deepmind")
    summary = at.dataframe[0].value
    assert {"DEVELOPED", "PART_OF"} <= set(summary["relation"])
    evidence = at.dataframe[1].value
    assert {"relation", "how", "rule", "confidence", "evidence"} <= set(evidence.columns)
    assert "known from curated knowledge" in set(evidence["how"])  # DeepMind is part of Google
    assert "read from the sentence" in set(evidence["how"])
    # Only relations to organisations: the models go.
    at.multiselect(key="entity_labels").set_value(["Organization"]).run()
    assert set(at.dataframe[0].value["label"]) == {"Organization"}


def test_money_amounts_listed_under_their_organisation(open_page, raw_graph):
    from aigraph.explore.money import attach_amounts

    org = next(a.org_id for a in attach_amounts(raw_graph) if a.org_id and a.kind == "funding round")
    at = open_page("entity", id=org)
    tab = next(t.label for t in at.tabs if t.label.startswith("Money amounts ("))
    assert int(tab.split("(")[1].rstrip(")")) >= 1
    amounts = next(d.value for d in at.dataframe if "amount" in d.value.columns)
    assert "funding round" in set(amounts["kind"])
