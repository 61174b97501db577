from aigraph.explore.years import year_diff


def test_two_years_new_dropped_continuing(open_app, graph):
    at = open_app("years")
    assert not at.exception
    first, second = at.selectbox(key="years_first").value, at.selectbox(key="years_second").value
    assert first < second
    expected = {row["label"]: row for row in year_diff(graph, first, second).counts()}
    table = next(m.value for m in at.markdown if m.value.startswith("| label | new |"))
    rows = [line.strip("|").split("|") for line in table.splitlines()[2:]]
    assert {cells[0].strip(): int(cells[1]) for cells in rows} == {k: v["new"] for k, v in expected.items()}
    assert at.selectbox(key="years_label").value == "Model"
    subheaders = [s.value for s in at.subheader]
    assert subheaders == [f"New ({expected['Model']['new']})", f"No longer mentioned ({expected['Model']['dropped']})",
                          f"Continuing ({expected['Model']['continuing']})"]


def test_same_year_is_refused_politely(open_app):
    at = open_app("years")
    at.selectbox(key="years_first").set_value(at.selectbox(key="years_second").value).run()
    assert not at.exception
    assert "two different years" in at.warning[0].value
