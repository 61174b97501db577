"""The table of canned questions: each declaration is complete and binds its argument."""

from __future__ import annotations

import re

import pytest

from aigraph.errors import QueryError
from aigraph.questions import QUESTIONS, get_question
from aigraph.questions.graph import NOT_IN_YEAR_LABELS

#: The only string literals a canned text may hold: the label names it leaves out.
_LABELS = {*NOT_IN_YEAR_LABELS, "Organization"}


@pytest.mark.parametrize("name", list(QUESTIONS))
@pytest.mark.parametrize("via", ["sparql", "cypher"])
def test_the_argument_is_bound_never_pasted(name, via):
    question = QUESTIONS[name]
    value = question.parse_argument("Sentinel Labs" if question.arg_type is str else 2021)
    text = question.text(via)
    assert "sentinel" not in text.lower()
    literals = set(re.findall(r"'([^']*)'" if via == "cypher" else r'"([^"]*)"', text))
    assert literals <= _LABELS, literals
    params = question.params(via, value)
    if question.arg_type is str:
        assert params == {"key": "sentinel labs"}
    for key in params:
        assert re.search(("[?$]" if via == "sparql" else r"\$") + key + r"\b", text)


def test_a_question_with_an_optional_argument_takes_none_and_all():
    question = QUESTIONS["hit-rate"]
    assert question.parse_argument(None) is None and question.parse_argument("all") is None
    with pytest.raises(QueryError, match="needs its argument"):
        QUESTIONS["new-in"].parse_argument(None)
    with pytest.raises(QueryError, match="unknown question .*known: models-by-org"):
        get_question("who-knows")
