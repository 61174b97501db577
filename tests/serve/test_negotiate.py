from aigraph.serve.negotiate import GRAPH_FORMATS, RESULT_FORMATS, choose, parse_accept, rating


def test_no_accept_header_gives_json_for_results_and_turtle_for_graphs():
    assert choose(None, RESULT_FORMATS).media_type == "application/sparql-results+json"
    assert choose("", GRAPH_FORMATS).media_type == "text/turtle"
    assert choose("*/*", RESULT_FORMATS).name == "json"


def test_highest_q_value_wins_whatever_the_order():
    assert choose("application/sparql-results+json;q=0.2, text/csv;q=0.8", RESULT_FORMATS).name == "csv"
    assert choose("text/tab-separated-values, text/csv;q=0.9", RESULT_FORMATS).name == "tsv"
    assert choose("application/n-triples;q=0.5, application/ld+json", GRAPH_FORMATS).name == "jsonld"


def test_most_specific_range_decides_a_types_rating():
    ranges = parse_accept("text/*;q=0.3, text/csv;q=0.9, */*;q=0.1")
    assert rating(ranges, "text/csv") == 0.9
    assert rating(ranges, "text/tab-separated-values") == 0.3
    assert rating(ranges, "application/sparql-results+json") == 0.1
    assert choose("text/*;q=0.3, text/csv;q=0.9, */*;q=0.1", RESULT_FORMATS).name == "csv"


def test_q_zero_excludes_a_type():
    assert choose("application/sparql-results+json;q=0, */*", RESULT_FORMATS).name == "xml"
    assert choose("text/csv;q=0", RESULT_FORMATS) is None


def test_browser_accept_header_still_gets_a_result():
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert choose(browser, RESULT_FORMATS).name == "xml"
    assert choose(browser, GRAPH_FORMATS).name == "turtle"


def test_unknown_types_are_not_acceptable():
    assert choose("image/png", RESULT_FORMATS) is None
    assert choose("image/png, application/pdf;q=0.5", GRAPH_FORMATS) is None


def test_malformed_entries_and_q_values_are_skipped():
    assert parse_accept("text/csv;q=2, text/tsv;q=-1, junk, /x, */json") == []
    assert choose("text/csv;q=abc, application/sparql-results+xml", RESULT_FORMATS).name == "xml"


def test_json_means_sparql_results_for_select_and_json_ld_for_construct():
    assert choose("application/json", RESULT_FORMATS).content_type == "application/sparql-results+json"
    assert choose("application/json", GRAPH_FORMATS).content_type == "application/ld+json"
