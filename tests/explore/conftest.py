"""The sample graph (three hand-made report years) and its merge log."""

from __future__ import annotations

import pytest

from aigraph.graph.assemble import graph_from_extractions
from aigraph.graph.sample import sample_extractions, sample_knowledge


@pytest.fixture(scope="session")
def built():
    return graph_from_extractions(sample_extractions(), sample_knowledge())


@pytest.fixture(scope="session")
def graph(built):
    return built[0]


@pytest.fixture(scope="session")
def merge_log(built):
    return built[1]
