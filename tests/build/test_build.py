"""build_graph end to end on small real report files: cache, determinism, atomicity, bad input."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import aigraph.extract as extract
import aigraph.build.pipeline as build_module
from aigraph.errors import GraphError
from aigraph.build import build_graph
from aigraph.graph import GraphPaths, load_graph
from aigraph.graph.store import generate_graph_json

REPORT_2022 = """# State of AI Report 2022: notes for a test

## Research

- Slide 12: DeepMind's AlphaFold 2 predicted the structure of nearly every catalogued protein.
- Slide 14: OpenAI trained Whisper, a speech model, on 680,000 hours of audio.
- Slide 15: Meta AI's ConvNeXt reached 87.8% top-1 accuracy on ImageNet.
"""

REPORT_2023 = """# State of AI Report 2023: notes for a test

## Research

- Slide 20: OpenAI released GPT-4, which passed a simulated bar exam in the top 10% of takers.
- Slide 21: Google DeepMind shipped Gemini and kept working on AlphaFold.
- Slide 22: Anthropic and OpenAI both published work on model evaluations.
"""


def _snapshot(out):
    """The files of the build ``out`` currently stands for."""
    root = GraphPaths(out).root
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _write_raw(folder):
    folder.mkdir()
    (folder / "soai-2022.md").write_text(REPORT_2022, encoding="utf-8")
    (folder / "soai-2023.md").write_text(REPORT_2023, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """One cold build shared by the tests that only read it."""
    root = tmp_path_factory.mktemp("first")
    raw = _write_raw(root / "raw")
    return raw, root / "graph", build_graph(raw, root / "graph")


@pytest.fixture
def built(first, tmp_path):
    """A private copy of the cold build, for tests that change it."""
    raw, out, result = first
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copytree(out, tmp_path / "graph", symlinks=True)
    return tmp_path / "raw", tmp_path / "graph", result


def test_cold_build_writes_a_complete_graph_dir(first):
    raw, out, result = first
    paths = GraphPaths(out)
    assert paths.is_complete() and paths.merge_log.is_file()
    assert sorted(result.extracted) == ["soai-2022.md", "soai-2023.md"] and not result.cached
    assert not result.up_to_date
    graph = load_graph(out)
    assert {"report:2022", "report:2023", "slide:2022:12", "slide:2023:20"} <= set(graph)
    assert graph.has_edge("slide:2022:12", "report:2022", "IN_REPORT")
    assert result.nodes == graph.number_of_nodes() and result.edges == graph.number_of_edges()
    # The build writes graph.json a line at a time: the same bytes as the whole-text form.
    assert paths.graph_json.read_bytes() == generate_graph_json(graph).encode("utf-8")
    openai = [n for n, d in graph.nodes(data=True) if d["label"] == "Organization" and d["name"] == "OpenAI"]
    assert len(openai) == 1 and graph.nodes[openai[0]]["years"] == [2022, 2023]
    assert graph.nodes["report:2022"]["source"] == "soai-2022.md"  # relative to RAW_DIR
    log = [json.loads(line) for line in paths.merge_log.read_text().splitlines()]
    assert any(r["node"] == openai[0] and r["rule"] != "new" for r in log)


def test_manifest_lists_inputs_counts_and_versions(first):
    raw, out, result = first
    manifest = json.loads(GraphPaths(out).manifest.read_text())
    inputs = {i["source"]: i for i in manifest["inputs"]}
    assert set(inputs) == {"soai-2022.md", "soai-2023.md"}
    assert len(inputs["soai-2022.md"]["sha256"]) == 64
    assert manifest["counts"]["nodes"] == result.node_counts
    assert manifest["counts"]["total_edges"] == result.edges
    assert {"networkx", "python", "aigraph"} <= set(manifest["versions"])
    assert manifest["extractor_version"] == str(extract.EXTRACTOR_VERSION)
    assert set(manifest["timings"]) >= {"extract", "assemble", "write"}


def test_no_change_keeps_the_build_and_cache_rebuilds_byte_identical(built):
    raw, out, _ = built
    paths = GraphPaths(out)
    before = _snapshot(out)
    again = build_graph(raw, out)
    assert again.up_to_date and sorted(again.cached) == ["soai-2022.md", "soai-2023.md"]
    assert _snapshot(out) == before
    # A damaged output is rebuilt, from the cache, to the same bytes.
    paths.merge_log.write_text("")
    rebuilt = build_graph(raw, out)
    assert not rebuilt.up_to_date and not rebuilt.extracted and len(rebuilt.cached) == 2
    assert paths.merge_log.read_bytes() == b""  # a reader that opened the old build keeps it
    paths.refresh()
    assert paths.graph_json.read_bytes() == before["graph.json"]
    assert paths.merge_log.read_bytes() == before["merge_log.jsonl"]
    forced = build_graph(raw, out, force=True)
    assert len(forced.extracted) == 2
    assert paths.refresh().graph_json.read_bytes() == before["graph.json"]


def test_changed_file_is_the_only_one_extracted(built):
    raw, out, _ = built
    (raw / "soai-2023.md").write_text(REPORT_2023 + "- Slide 23: Mistral AI released Mistral 7B.\n")
    result = build_graph(raw, out)
    assert result.extracted == ("soai-2023.md",) and result.cached == ("soai-2022.md",)
    assert len(list(GraphPaths(out).cache.iterdir())) == 2  # the stale entry is gone


def test_bad_files_are_reported_and_the_rest_builds(built):
    raw, out, _ = built
    (raw / "empty.md").write_text("")
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    result = build_graph(raw, out)
    errors = dict(result.errors)
    assert set(errors) == {"empty.md", "broken.pdf"}
    assert all(message and "\n" not in message for message in errors.values())
    assert len(result.cached) == 2
    manifest = json.loads(GraphPaths(out).manifest.read_text())
    assert {i["source"]: i["status"] for i in manifest["inputs"]}["empty.md"] == "error"
    assert dict(build_graph(raw, out).errors) == errors  # still reported when up to date


def test_nothing_buildable_raises_and_keeps_the_previous_graph(built, tmp_path):
    raw, out, _ = built
    before = _snapshot(out)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_text("")
    with pytest.raises(GraphError, match="nothing could be built"):
        build_graph(bad, out)
    assert _snapshot(out) == before


def test_missing_or_empty_raw_dir(tmp_path):
    with pytest.raises(GraphError, match="no such input directory"):
        build_graph(tmp_path / "nope", tmp_path / "graph")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GraphError, match="no report files"):
        build_graph(tmp_path / "empty", tmp_path / "graph")
    assert not (tmp_path / "graph").exists()


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError])
def test_a_build_that_fails_midway_leaves_the_previous_graph(built, monkeypatch, failure):
    raw, out, _ = built
    before = _snapshot(out)
    (raw / "soai-2022.md").write_text(REPORT_2022 + "- Slide 16: A change that must not land.\n")

    def fail(*args, **kwargs):
        raise failure("stopped while writing the manifest")

    monkeypatch.setattr(build_module, "write_manifest", fail)
    with pytest.raises(failure):
        build_graph(raw, out)
    assert _snapshot(out) == before
    assert sorted(os.listdir(out.parent)) == ["graph", "raw"]
    monkeypatch.undo()
    # The failed build's extraction was kept: the next build extracts nothing.
    again = build_graph(raw, out)
    assert not again.extracted and len(again.cached) == 2
    assert len([p for p in out.iterdir() if p.name.startswith("v")]) == 2  # new and previous


def test_cli_build_prints_a_summary_and_reports_bad_files(built, capsys):
    from aigraph.cli import main

    raw, out, _ = built
    (raw / "empty.md").write_text("")
    code = main(["build", str(raw), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert "nodes:" in captured.out and "2 cached" in captured.out and "1 failed" in captured.out
    assert captured.err.splitlines() == ["aigraph: skipped empty.md: the file is empty"]
    assert main(["build", str(raw), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Up to date:")


def test_cli_build_fails_only_when_nothing_builds(tmp_path, capsys):
    from aigraph.cli import main

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_text("")
    code = main(["build", str(bad), "--out", str(tmp_path / "graph")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("aigraph: error: nothing could be built")
    assert not GraphPaths(tmp_path / "graph").is_complete()
    assert not [p for p in (tmp_path / "graph").iterdir() if not p.name.startswith(".")]
