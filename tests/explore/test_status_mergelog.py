import json

import pytest

from aigraph.errors import GraphError
from aigraph.explore.mergelog import index_merge_log, is_merge, parse_merge_log, read_merge_log
from aigraph.explore.status import build_stamp, graph_status


def test_missing_and_half_written_graph_dirs(tmp_path):
    missing = graph_status(tmp_path / "nope")
    assert not missing.ok and "no graph at" in missing.message
    assert "aigraph build" in missing.hint
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "graph.json").write_text("{}")
    half = graph_status(tmp_path / "half")
    assert not half.ok and "incomplete" in half.message
    assert build_stamp(tmp_path / "half") == ""


def test_complete_graph_dir_and_stamp_changes_on_rebuild(tmp_path):
    (tmp_path / "graph.json").write_text("{}")
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1}))
    status = graph_status(tmp_path)
    assert status.ok and status.manifest == {"format": 1} and status.stamp
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "built_at": "later"}))
    assert build_stamp(tmp_path) != status.stamp


def test_merge_log_round_trip(tmp_path, merge_log):
    from aigraph.graph.store import write_jsonl

    write_jsonl(merge_log, tmp_path / "merge_log.jsonl")
    records = read_merge_log(tmp_path)
    assert len(records) == len(merge_log)
    groups = index_merge_log(records)
    deepmind = groups["org:deepmind"]
    assert [r["year"] for r in deepmind] == sorted(r["year"] for r in deepmind)
    assert any(is_merge(r) for r in deepmind) and not is_merge({"rule": "new"})


def test_merge_log_missing_or_broken(tmp_path):
    assert read_merge_log(tmp_path) == []
    (tmp_path / "merge_log.jsonl").write_text('{"node": "a"}\nnot json\n')
    with pytest.raises(GraphError, match="line 2"):
        read_merge_log(tmp_path)
    with pytest.raises(GraphError, match="not a JSON object"):
        parse_merge_log(["[1]"])
