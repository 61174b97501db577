"""`aigraph export` on a graph directory."""

from __future__ import annotations

import csv

import pytest

from aigraph.cli import main
from aigraph.graph import GraphPaths
from aigraph.graph.sample import sample_graph
from aigraph.graph.store import write_graph_json, write_manifest


@pytest.fixture
def graph_dir(tmp_path):
    paths = GraphPaths(tmp_path / "graph")
    paths.root.mkdir()
    write_graph_json(sample_graph(), paths.graph_json)
    write_manifest({"format": 1}, paths.manifest)
    return paths.root


def test_export_csv_from_a_graph_dir(graph_dir, tmp_path, capsys):
    code = main(["export", "--format", "csv", "--out", str(tmp_path / "csv"), "--graph", str(graph_dir)])
    assert code == 0
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8") as handle:
        ids = {row["id"] for row in csv.DictReader(handle)}
    assert "org:deepmind" in ids and len(ids) == sample_graph().number_of_nodes()
    assert "nodes.csv" in capsys.readouterr().out


def test_export_without_a_build_is_one_clear_line(tmp_path, capsys):
    code = main(["export", "--format", "csv", "--out", str(tmp_path / "x"), "--graph", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "aigraph build" in err
    assert not (tmp_path / "x").exists()


def test_half_written_graph_dir_is_refused(graph_dir, tmp_path, capsys):
    GraphPaths(graph_dir).manifest.unlink()
    code = main(["export", "--format", "jsonl", "--out", str(tmp_path / "g.jsonl"), "--graph", str(graph_dir)])
    assert code == 1 and "incomplete" in capsys.readouterr().err


def test_unknown_format_is_one_clear_line(graph_dir, tmp_path, capsys):
    code = main(["export", "--format", "xlsx", "--out", str(tmp_path / "x"), "--graph", str(graph_dir)])
    err = capsys.readouterr().err
    assert code == 1 and "unknown export format 'xlsx'" in err and err.count("\n") == 1
