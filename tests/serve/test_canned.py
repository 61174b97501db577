from aigraph.serve.canned import bind_values, sparql_term, standalone_query


def test_values_are_written_as_escaped_terms():
    assert sparql_term('a "quoted" \\ name\n') == '"a \\"quoted\\" \\\\ name\\n"'
    assert sparql_term(2022) == "2022"
    assert sparql_term(1.5) == '"1.5"^^<http://www.w3.org/2001/XMLSchema#double>'
    assert sparql_term(True) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'


def test_a_value_cannot_break_out_of_its_literal():
    from aigraph.readonly import find_sparql_write

    text = bind_values("SELECT ?key WHERE { ?s ?p ?key }", {"key": '" } } ; INSERT DATA { <a:b> <a:c> 1 } #'})
    assert find_sparql_write(text) is None


def test_every_group_opened_with_where_gets_the_values():
    text = standalone_query("co-occurring", "DeepMind")
    assert text.count('VALUES (?key) { ("deepmind") }') == 2
    assert "VALUES (?year ?last_year) { (2021 2020) }" in standalone_query("dropped-in", "2021")
