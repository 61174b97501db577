"""`aigraph extract` and `aigraph eval` on good and bad inputs (issue 2, sections 4 and 8)."""

import json

import pytest

from aigraph.cli import main

GOOD = "- Slide 12: DeepMind's AlphaFold 2 reached a median GDT score of 92.4 at CASP14.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "state-of-ai-2021.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_json_contract(capsys, good):
    code, out, err = run(capsys, "extract", str(good), "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)["documents"][0]
    assert doc["source"].endswith("state-of-ai-2021.md") and doc["year"] == 2021
    model = next(e for e in doc["entities"] if e["name"] == "AlphaFold 2")
    assert model["label"] == "MODEL"
    assert model["mentions"][0]["slide"] == 12
    assert GOOD[model["mentions"][0]["start"] : model["mentions"][0]["end"]] == "AlphaFold 2"
    assert {"type": "DEVELOPED", "head": "DeepMind", "tail": "AlphaFold 2"}.items() <= next(
        r for r in doc["relations"] if r["type"] == "DEVELOPED").items()


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("empty.md", b"", "empty"),
        ("blob.txt", b"\x00\x01\x02binary\x00data" * 50, "binary"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("notes.docx", b"PK\x03\x04 not ours", "docx"),
    ],
)
def test_bad_file_gets_one_line_and_leaves_no_partial_json(capsys, tmp_path, good, name, content, says):
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, "extract", str(good), str(bad), "--json")
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and says.lower() in lines[0].lower() and "Traceback" not in err
    assert out == ""


def test_every_bad_input_is_named_once_and_stdout_stays_empty(capsys, tmp_path, good):
    code, out, err = run(capsys, "extract", str(tmp_path / "nope.md"), str(good), str(tmp_path / "gone.txt"), "--json")
    assert code != 0 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "nope.md" in lines[0] and "no such file" in lines[0] and "gone.txt" in lines[1]


def test_a_failure_inside_extraction_leaves_no_partial_json(capsys, good):
    # A spaCy pipeline that is not installed fails after the JSON has begun.
    code, out, err = run(capsys, "extract", str(good), "--json", "--spacy-model", "xx_no_such_pipeline")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "xx_no_such_pipeline" in err


def test_a_folder_of_inputs_gives_one_complete_json_object(capsys, tmp_path, good):
    (tmp_path / "second-2022.txt").write_text("- Slide 4: OpenAI's GPT-3 writes code.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path), "--json")
    assert code == 0 and err == ""
    assert [d["year"] for d in json.loads(out)["documents"]] == [2022, 2021]


def test_a_folder_with_no_inputs_is_an_error(capsys, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK")
    for argv in (["extract", str(folder)], ["extract", str(folder), "--json"]):
        code, out, err = run(capsys, *argv)
        assert code != 0 and out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "reports" in lines[0] and "no report files" in lines[0]


def test_a_symlink_loop_is_called_one(capsys, tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    code, out, err = run(capsys, "extract", str(tmp_path / "a.md"), "--json")
    assert code != 0 and out == "" and "symlink loop" in err and len(err.strip().splitlines()) == 1


def test_cp1252_text_is_read(capsys, tmp_path):
    path = tmp_path / "summary-2022.txt"
    path.write_bytes("- Slide 3: DeepMind\u2019s Gato costs \u20ac1M \u2014 a \u201cgeneralist\u201d agent.\n".encode("cp1252"))
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert code == 0
    names = {e["name"] for e in json.loads(out)["documents"][0]["entities"]}
    assert {"DeepMind", "Gato"} <= names


def test_eval_agrees_with_a_saved_prediction(capsys, tmp_path, good):
    gold = tmp_path / "gold" / "g.json"
    gold.parent.mkdir()
    gold.write_text(json.dumps({"source": good.name, "entities": [
        {"label": "ORG", "name": "DeepMind", "slides": [12]},
        {"label": "MODEL", "name": "AlphaFold 2", "slides": [12]},
        {"label": "MODEL", "name": "AlphaGo", "slides": [3]},
    ], "relations": [{"type": "DEVELOPED", "head": "DeepMind", "tail": "AlphaFold 2"}]}))
    _, out, _ = run(capsys, "extract", str(good), "--json")
    pred = tmp_path / "pred.json"
    pred.write_text(out)
    code, out, _ = run(capsys, "eval", str(gold), "--pred", str(pred), "--json")
    result = json.loads(out)["g.json"]
    assert code == 0
    assert result["labels"]["MODEL"]["tp"] == 1 and result["labels"]["MODEL"]["fn"] == 1
    assert result["relations"]["tp"] == 1


def test_eval_of_a_missing_gold_file_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "eval", str(tmp_path / "none.json"))
    assert code == 1 and err.startswith("aigraph: error:") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["query", "--bogus"], ["extract"], ["no-such-command"]])
def test_usage_errors_are_one_message_not_a_traceback(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2 and "Traceback" not in err and ("No such" in err or "Missing" in err)


def test_streamed_json_equals_the_document_object(tmp_path):
    import io

    from aigraph.extract import extract_document
    from aigraph.extract.output import extraction_to_json, write_extraction_json
    from aigraph.ingest import parse_text

    ex = extract_document(parse_text(GOOD + "- Slide 13: OpenAI's GPT-4 scored 86.4% on MMLU.\n", source="s.md"))
    out = io.StringIO()
    write_extraction_json(ex, out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(extraction_to_json(ex)))
