"""`aigraph build --out`: only an empty folder or a build's own is written; a single file builds."""

from __future__ import annotations

import pytest

from aigraph.cli import main
from aigraph.build import build_graph
from aigraph.graph import GraphPaths, load_graph

REPORT = """# State of AI Report 2022: notes for a test

- Slide 12: DeepMind's AlphaFold 2 predicted the structure of nearly every catalogued protein.
- Slide 14: OpenAI trained Whisper, a speech model, on 680,000 hours of audio.
"""


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "data" / "raw"
    folder.mkdir(parents=True)
    (folder / "soai-2022.md").write_text(REPORT, encoding="utf-8")
    return folder


def _refused(args, capsys):
    code = main(["build", *map(str, args)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("aigraph: error: refusing to write the graph into")
    return err


def test_a_folder_of_user_files_is_left_untouched(raw, tmp_path, capsys):
    mine = tmp_path / "mine"
    (mine / "sub").mkdir(parents=True)
    (mine / "thesis.md").write_text("years of work")
    (mine / "sub" / "data.csv").write_text("a,b\n")
    before = _tree(mine)
    err = _refused([raw, "--out", mine], capsys)
    assert "no build wrote" in err
    assert _tree(mine) == before and sorted(p.name for p in mine.iterdir()) == ["sub", "thesis.md"]


@pytest.mark.parametrize("where", ["input", "parent", "inside"])
def test_the_input_folder_its_parent_and_a_folder_inside_it_are_refused(raw, capsys, where):
    out = {"input": raw, "parent": raw.parent, "inside": raw / "graph"}[where]
    before = _tree(raw.parent)
    _refused([raw, "--out", out], capsys)
    assert _tree(raw.parent) == before and not (raw / "graph").exists()


def test_an_empty_committed_folder_is_built_and_keeps_its_gitkeep(raw, tmp_path, capsys):
    out = tmp_path / "data" / "graph"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    assert main(["build", str(raw), "--out", str(out)]) == 0
    assert (out / ".gitkeep").is_file() and GraphPaths(out).is_complete()
    summary = capsys.readouterr().out
    assert f"see {out / 'current' / 'merge_log.jsonl'}" in summary
    assert (out / "current" / "merge_log.jsonl").is_file()
    # A folder a build wrote is a build's own, even with an extra file the user left there.
    (out / "NOTES.txt").write_text("mine")
    assert main(["build", str(raw), "--out", str(out), "--force"]) == 0
    assert (out / "NOTES.txt").read_text() == "mine"


def test_a_single_file_build_names_its_source_after_the_file(raw, tmp_path):
    result = build_graph(raw / "soai-2022.md", tmp_path / "graph")
    assert [i.source for i in result.inputs] == ["soai-2022.md"]
    graph = load_graph(tmp_path / "graph")
    assert graph.nodes["report:2022"]["source"] == "soai-2022.md"


@pytest.mark.parametrize("via", ["graph", "sparql", "cypher"])
def test_readers_open_the_current_build_and_move_to_the_next(raw, tmp_path, via):
    from aigraph.questions import ask, close_stores

    out = tmp_path / "graph"
    build_graph(raw, out)
    try:
        first = {r["model"] for r in ask("models-by-org", "OpenAI", via=via, graph_dir=out)}
        (raw / "soai-2022.md").write_text(REPORT + "- Slide 15: OpenAI released GPT-4.\n")
        build_graph(raw, out)
        second = {r["model"] for r in ask("models-by-org", "OpenAI", via=via, graph_dir=out)}
    finally:
        close_stores()
    assert "Whisper" in first and "GPT-4" not in first
    assert second == first | {"GPT-4"}
