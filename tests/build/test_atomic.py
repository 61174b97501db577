"""Versioned build folders behind a `current` link: one-step switch, lock, leftovers, refusals."""

from __future__ import annotations

import json
import os
import threading

import pytest

from aigraph.errors import GraphError
from aigraph.build.atomic import (
    build_lock,
    check_output_directory,
    donors,
    is_build_directory,
    staged_version,
    versions,
)
from aigraph.graph.paths import GraphPaths


def _build(out, text, *, cache=None):
    """Write one finished build whose graph.json holds ``text``."""
    with build_lock(out), staged_version(out) as folder:
        (folder / "graph.json").write_text(text)
        (folder / "manifest.json").write_text("{}")
        if cache:
            (folder / "cache").mkdir()
            (folder / "cache" / "k.json").write_text(cache)
    return folder


def test_switch_keeps_the_previous_build_and_removes_older_ones(tmp_path):
    out = tmp_path / "graph"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    first = _build(out, "one")
    reader = GraphPaths(out)  # opened while `first` is current
    second = _build(out, "two")
    assert reader.graph_json.read_text() == "one"  # a reader keeps the build it opened
    assert reader.refresh().graph_json.read_text() == "two"
    assert os.readlink(out / "current") == second.name
    third = _build(out, "three")
    assert versions(out) == sorted([second, third])
    assert not first.exists() and (out / ".gitkeep").exists()
    assert GraphPaths(out).graph_json.read_text() == "three"


@pytest.mark.parametrize("failure", [RuntimeError("boom"), KeyboardInterrupt()])
def test_failure_keeps_current_and_only_the_new_cache(tmp_path, failure):
    out = tmp_path / "graph"
    kept = _build(out, "old")
    with pytest.raises(type(failure)):
        with build_lock(out), staged_version(out) as folder:
            (folder / "cache").mkdir()
            (folder / "cache" / "new.json").write_text("extracted")
            (folder / "graph.json").write_text("half")
            raise failure
    assert GraphPaths(out).root == kept and GraphPaths(out).graph_json.read_text() == "old"
    assert sorted(p.name for p in folder.iterdir()) == [".aigraph-version", "cache"]
    assert folder in donors(out) and donors(out)[0] == kept
    _build(out, "next")
    assert not folder.exists()  # taken in, then removed


def test_failure_with_nothing_worth_keeping_leaves_no_folder(tmp_path):
    out = tmp_path / "graph"
    with pytest.raises(RuntimeError):
        with build_lock(out), staged_version(out):
            raise RuntimeError("boom")
    assert versions(out) == [] and not GraphPaths(out).is_complete()


def test_a_second_build_waits_for_the_lock(tmp_path):
    out = tmp_path / "graph"
    holding, release = threading.Event(), threading.Event()

    def first():
        with build_lock(out):
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait(30)
    messages = []

    def on_wait(message):
        messages.append(message)
        release.set()

    with build_lock(out, on_wait):
        pass
    thread.join()
    assert len(messages) == 1 and f"pid {os.getpid()}" in messages[0]
    assert "another build is writing" in messages[0]


def test_a_flat_build_of_an_older_aigraph_is_taken_over(tmp_path):
    out = tmp_path / "graph"
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "k.json").write_text("old extraction")
    (out / "graph.json").write_text("flat")
    (out / "manifest.json").write_text(json.dumps({"fingerprint": "x", "inputs": []}))
    (out / ".gitkeep").write_text("")
    assert GraphPaths(out).graph_json.read_text() == "flat"
    assert is_build_directory(out) and out in donors(out)
    _build(out, "new")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("v")) == [
        ".aigraph-build.lock", ".aigraph-graph", ".gitkeep", "current"]
    assert GraphPaths(out).graph_json.read_text() == "new"


def test_leftovers_of_an_older_aigraph_beside_the_folder_are_cleared(tmp_path):
    out = tmp_path / "graph"
    stale = tmp_path / ".graph.building-999999999-abc"
    (stale / "cache").mkdir(parents=True)
    assert stale in donors(out)
    _build(out, "new")
    assert not stale.exists()


@pytest.mark.parametrize("where", ["itself", "parent", "inside"])
def test_output_nested_with_the_input_is_refused(tmp_path, where):
    raw = tmp_path / "raw"
    raw.mkdir()
    out = {"itself": raw, "parent": tmp_path, "inside": raw / "graph"}[where]
    with pytest.raises(GraphError, match="refusing to write the graph into"):
        check_output_directory(out, raw)
    with pytest.raises(GraphError, match="contains the input"):
        check_output_directory(tmp_path, raw / "one.md")  # a single input file, too


def test_folders_of_other_files_are_refused(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(GraphError, match="holds files that no build wrote"):
        check_output_directory(mine, raw)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(GraphError, match="not a directory"):
        check_output_directory(tmp_path / "afile", raw)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".gitkeep").write_text("")
    check_output_directory(empty, raw)
    check_output_directory(tmp_path / "new", raw)


def test_one_build_of_a_graph_folder_is_refused(tmp_path):
    out = tmp_path / "graph"
    _build(out, "one")
    check_output_directory(out, tmp_path / "raw")
    with pytest.raises(GraphError, match="is one build of"):
        check_output_directory(out / "current", tmp_path / "raw")
