from aigraph.explore.entity import MentionView, highlight
from aigraph.explore.mentions import filter_rows, page_count, page_of, sentence_rows, slide_range
from aigraph.explore.provenance import CURATED, HEADING, NEARBY, READ, how_known, relation_rows


def mention(year, slide, sentence, source="r.md"):
    return MentionView(year, slide, f"slide:{year}:{slide}", "Research", None, sentence,
                       tuple(highlight(sentence, ["Acme"])), source, "gazetteer", 1.0)


def test_a_sentence_under_a_slide_range_is_one_row():
    mentions = [mention(2021, 10, "Acme grew."), mention(2021, 11, "Acme grew."), mention(2021, 12, "Acme grew."),
                mention(2022, 3, "Acme grew.")]
    rows = sentence_rows(mentions)
    assert [(r.year, r.where, r.mentions) for r in rows] == [(2021, "slides 10\u201312", 3), (2022, "slide 3", 1)]
    assert [r.year for r in filter_rows(rows, [2022])] == [2022]
    assert slide_range([1, 2, 5]) == "slides 1\u20132, 5"


def test_paging_clamps_to_the_pages_there_are():
    rows = list(range(41))
    assert page_count(len(rows), 20) == 3
    assert page_of(rows, 3, 20) == [40]
    assert page_of(rows, 0, 20) == rows[:20] and page_of(rows, 99, 20) == [40]


def test_one_span_per_name():
    parts = highlight("Acme, Beta Labs and Acme Beta released it.", ["Acme Beta", "Acme", "Beta Labs"])
    assert [t for t, marked in parts if marked] == ["Acme", "Beta Labs", "Acme Beta"]
    parts = highlight("Nova-2 and Nova 2 and Nova2", ["Nova 2"])
    assert [t for t, marked in parts if marked] == ["Nova-2", "Nova 2", "Nova2"]


def test_how_a_relation_was_known():
    assert how_known("rule:possessive") == READ
    assert how_known("rule:heading+curated") == HEADING
    assert how_known("rule:metric-previous-sentence") == NEARBY
    assert how_known("knowledge", curated=True) == CURATED


def test_relation_rows_filter_by_year_and_label(graph):
    from aigraph.explore.entity import entity_view

    view = entity_view(graph, "org:deepmind")
    rows = relation_rows(view.relations_out)
    assert {r.how for r in rows if r.relation == "PART_OF"} == {CURATED}
    developed = [r for r in rows if r.relation == "DEVELOPED"]
    assert developed and all(r.evidence and r.rule for r in developed)
    only_2021 = relation_rows(view.relations_out, years=[2021], labels=["Model"])
    assert only_2021 and {r.year for r in only_2021} == {2021} and {r.other_label for r in only_2021} == {"Model"}
