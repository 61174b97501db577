"""The explorer shows Epoch AI's facts apart, with their credit: a Model's box, an organisation's size chart."""

from aigraph.knowledge.epoch import CREDIT


def _texts(at):
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


def test_model_page_has_the_outside_facts_box_with_credit(open_app, graph):
    assert graph.nodes["model:chinchilla"]["parameters"] == 70e9
    at = open_app("entity", id="model:chinchilla")
    assert not at.exception
    texts = _texts(at)
    box = next(t for t in texts if t.startswith("**Published:**"))
    assert "2022\\-03\\-29" in box and "**Parameters:** 70B" in box
    assert any("Training Compute\\-Optimal Large Language Models" in t and "arxiv.org/abs/2203.15556" in t
               for t in texts)
    assert any("Epoch AI" in t and "epoch.ai/data/notable-ai-models" in t for t in at.caption.values)
    # The reports' property line does not repeat the outside facts.
    assert not any(t.startswith("**parameters:**") or "**date\\_published:**" in t for t in texts)


def test_a_model_epoch_does_not_describe_has_no_box(open_app, graph):
    bare = next(n for n, a in graph.nodes(data=True) if a["label"] == "Model" and not a.get("facts_source"))
    at = open_app("entity", id=bare)
    assert not at.exception
    assert not any(t.startswith("**Published:**") for t in _texts(at))


def test_organisation_page_charts_its_models_sizes(open_app):
    at = open_app("organisation", org="org:deepmind")
    assert not at.exception
    assert "Model sizes over report years" in [h.value for h in at.subheader]
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert any('"type": "log"' in s and "training compute (FLOP)" in s for s in specs)
    assert any('"type": "log"' in s and '"title": "parameters"' in s for s in specs)


def test_the_credit_is_in_every_page_footer(open_app):
    at = open_app()
    assert not at.exception
    assert CREDIT.startswith("Data: Epoch AI")
    assert any("Epoch AI" in c.value and "notable-ai-models" in c.value for c in at.sidebar.caption)
