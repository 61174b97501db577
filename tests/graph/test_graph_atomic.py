"""staged_directory: a failed or interrupted write leaves the old directory as it was."""

from __future__ import annotations

import os

import pytest

from aigraph.errors import GraphError
from aigraph.graph.atomic import staged_directory


def _snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _old(tmp_path):
    out = tmp_path / "graph"
    out.mkdir()
    (out / "graph.json").write_text("old")
    (out / ".gitkeep").write_text("")
    return out


def test_success_replaces_and_keeps_hidden_files(tmp_path):
    out = _old(tmp_path)
    with staged_directory(out) as staged:
        (staged / "graph.json").write_text("new")
    assert _snapshot(out) == {"graph.json": b"new", ".gitkeep": b""}
    assert sorted(os.listdir(tmp_path)) == ["graph"]


@pytest.mark.parametrize("failure", [RuntimeError("boom"), KeyboardInterrupt()])
def test_failure_leaves_the_old_directory(tmp_path, failure):
    out = _old(tmp_path)
    before = _snapshot(out)
    with pytest.raises(type(failure)):
        with staged_directory(out) as staged:
            (staged / "graph.json").write_text("half")
            raise failure
    assert _snapshot(out) == before
    assert sorted(os.listdir(tmp_path)) == ["graph"]


def test_stale_staging_dirs_of_dead_builds_are_removed(tmp_path):
    out = _old(tmp_path)
    stale = tmp_path / ".graph.building-999999999-abc"
    stale.mkdir()
    with staged_directory(out):
        pass
    assert not stale.exists()


def test_target_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "graph"
    target.write_text("not a dir")
    with pytest.raises(GraphError, match="not a directory"):
        with staged_directory(target):
            pass
