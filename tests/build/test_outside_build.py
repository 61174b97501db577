"""A build links its models to Epoch AI's records, logs each decision, and re-builds when the data changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aigraph.build import build_graph
from aigraph.graph import GraphPaths, load_graph
from aigraph.build.fingerprint import READERS, package_fingerprint
from aigraph.graph.outside import OUTSIDE_LOG
from aigraph.knowledge.epoch import CREDIT, EPOCH_FILE

REPORT = """# State of AI Report 2022: notes for a test

## Research

- Slide 3: DeepMind trained MuZero to plan in games whose rules it had to learn.
- Slide 4: OpenAI described GPT-3, a language model of 175B parameters.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("outside")
    raw = root / "raw"
    raw.mkdir()
    (raw / "state-of-ai-2022.md").write_text(REPORT, encoding="utf-8")
    build_graph(raw, root / "graph")
    return GraphPaths(root / "graph")


def test_linked_models_carry_epoch_facts_in_the_graph(built):
    graph = load_graph(built.folder)
    muzero = graph.nodes["model:muzero"]
    assert muzero["date_published"] == "2019-11-19" and muzero["facts_source"] == CREDIT
    assert muzero["epoch_id"] == "muzero" and muzero["arxiv_id"] == "1911.08265"


def test_manifest_and_log_say_what_was_linked(built):
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    outside = manifest["outside"]
    assert outside["credit"] == CREDIT and outside["licence"] == "CC BY 4.0"
    assert outside["records"] > 900
    lines = [json.loads(line) for line in (built.root / OUTSIDE_LOG).read_text().splitlines()]
    models = [n for n, a in load_graph(built.folder).nodes(data=True) if a["label"] == "Model"]
    assert sorted(line["node"] for line in lines) == sorted(models)
    assert outside["models"] == len(models)
    assert outside["linked"] + len(outside["ambiguous"]) + outside["unmatched"] == len(models)
    linked = {line["node"]: line for line in lines if line["decision"] == "linked"}
    assert linked["model:muzero"]["epoch_name"] == "MuZero"
    assert OUTSIDE_LOG in manifest["files"]


def test_the_epoch_data_is_part_of_the_build_fingerprint(tmp_path):
    # The package's data files count (knowledge/ is not a reader part): a re-import
    # of the Epoch CSV changes the fingerprint, so the next build is not skipped.
    assert "knowledge" not in READERS
    data = tmp_path / "knowledge" / "data"
    data.mkdir(parents=True)
    (data / EPOCH_FILE).write_text('{"id": "a", "name": "A"}\n')
    before = package_fingerprint(tmp_path, READERS)
    (data / EPOCH_FILE).write_text('{"id": "a", "name": "A", "parameters": 1.0}\n')
    assert package_fingerprint(tmp_path, READERS) != before
    packaged = Path(__import__("aigraph").__file__).parent / "knowledge" / "data" / EPOCH_FILE
    assert packaged.is_file()
