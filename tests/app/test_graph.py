def test_neighbourhood_view_around_deepmind(open_app):
    at = open_app("graph")
    assert not at.exception
    assert at.selectbox(key="graph_focus").value == "org:deepmind"
    caption = at.caption[0].value
    assert "within 1 step of DeepMind" in caption
    assert url_param(at, "id") == "org:deepmind"


def test_focus_from_link_depth_and_cap(open_app):
    at = open_app("graph", id="model:alphafold-2")
    assert at.selectbox(key="graph_focus").value == "model:alphafold-2"
    at.radio(key="graph_depth").set_value(2).run()
    at.number_input(key="graph_cap").set_value(5).run()
    assert not at.exception
    caption = at.caption[0].value
    assert caption.startswith("5 of ") and "node cap reached" in caption
    # Changing the picker moves the focus (the URL follows, and does not pull it back).
    at.selectbox(key="graph_focus").set_value("org:openai").run()
    assert at.selectbox(key="graph_focus").value == "org:openai"
    at.run()
    assert at.selectbox(key="graph_focus").value == "org:openai"


def url_param(at, name):
    """A query parameter of the page's URL (AppTest keeps some as lists)."""
    value = at.query_params[name]
    return value if isinstance(value, str) else value[-1]
