"""graph.json round trip, load_graph on missing or half-written directories, record serialisation."""

from __future__ import annotations

import json

import pytest

from aigraph.errors import GraphError
from aigraph.graph import GraphPaths, load_graph
from aigraph.graph.sample import sample_extractions, sample_graph
from aigraph.build.serial import extraction_from_dict, extraction_to_dict
from aigraph.graph.store import generate_graph_json, parse_graph_json, write_graph_json, write_manifest


def _complete_dir(tmp_path):
    paths = GraphPaths(tmp_path / "graph")
    paths.root.mkdir()
    write_graph_json(sample_graph(), paths.graph_json)
    write_manifest({"format": 1}, paths.manifest)
    return paths


def test_graph_json_round_trips_exactly(tmp_path):
    graph = sample_graph()
    text = generate_graph_json(graph)
    again = parse_graph_json(text)
    assert generate_graph_json(again) == text
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    data = json.loads(text)
    assert data["directed"] and data["multigraph"] and "edges" in data


def test_graph_json_is_stable_and_sorted():
    text = generate_graph_json(sample_graph())
    assert text == generate_graph_json(sample_graph())
    data = json.loads(text)
    ids = [n["id"] for n in data["nodes"]]
    ends = [(e["source"], e["target"], e["key"]) for e in data["edges"]]
    assert ids == sorted(ids) and ends == sorted(ends)
    assert all(list(n) == sorted(n) for n in data["nodes"])


def test_load_graph_reads_a_complete_dir(tmp_path):
    paths = _complete_dir(tmp_path)
    graph = load_graph(paths.root)
    assert graph.nodes["org:deepmind"]["years"] == [2020, 2021, 2022]
    assert graph.is_multigraph() and graph.is_directed()


def test_missing_dir_says_to_build(tmp_path):
    with pytest.raises(GraphError, match=r"no graph at .*aigraph build"):
        load_graph(tmp_path / "nowhere")


def test_dir_without_manifest_is_incomplete(tmp_path):
    paths = _complete_dir(tmp_path)
    paths.manifest.unlink()
    with pytest.raises(GraphError, match=r"incomplete \(no manifest.json\).*aigraph build"):
        load_graph(paths.root)


@pytest.mark.parametrize("content", [b"", b'{"nodes": [', b"\xff\xfe\x00", b'{"a": 1}'])
def test_unreadable_graph_json_says_to_build(tmp_path, content):
    paths = _complete_dir(tmp_path)
    paths.graph_json.write_bytes(content)
    with pytest.raises(GraphError) as err:
        load_graph(paths.root)
    message = str(err.value)
    assert "aigraph build" in message and "\n" not in message


def test_extraction_records_round_trip():
    for extraction in sample_extractions():
        data = json.loads(json.dumps(extraction_to_dict(extraction)))
        assert extraction_from_dict(data) == extraction


def test_malformed_record_is_a_graph_error():
    data = extraction_to_dict(sample_extractions()[0])
    del data["document"]["text"]
    with pytest.raises(GraphError):
        extraction_from_dict(data)
    with pytest.raises(GraphError, match="format"):
        extraction_from_dict({**data, "format": 99})
