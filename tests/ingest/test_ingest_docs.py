"""The examples in the ingest docstrings run and give what they show."""

import doctest
import importlib

import pytest

MODULES = ["__init__", "decode", "deck", "htmltext", "meta", "patterns", "readers", "summary"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module("aigraph.ingest" if name == "__init__" else f"aigraph.ingest.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
