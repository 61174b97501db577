"""Importing Epoch AI's Notable AI Models: facts kept, prose dropped, bad rows reported."""

import json
from pathlib import Path

import pytest

from aigraph.cli import main
from aigraph.knowledge import KnowledgeError
from aigraph.knowledge.epoch import CREDIT, import_epoch, load_epoch, parse_epoch_csv

HEADER = ("Model,Organization,Publication date,Domain,Parameters,Training compute (FLOP),Link,Reference,"
          "Country (of organization),Organization categorization,Abstract,Parameters notes\n")
ROWS = (
    'Zephyrine 7B,"Acme Labs,Example University",2023-05-01,Language,7000000000,1.2e+23,'
    'https://arxiv.org/abs/2305.01234v2,Zephyrine: A Small Model,United States of America,"Industry,Academia",'
    'A long abstract someone else wrote.,Counted by hand.\n'
    "Orbweaver,Acme Labs,2021-11,Vision,,,https://example.org/orbweaver,,,Industry,Prose.,\n"
)


def test_facts_are_parsed_and_prose_columns_never_kept():
    result = parse_epoch_csv(HEADER + ROWS, accessed="2026-01")
    assert result.problems == [
        "column 'Base model' is missing: its facts are left empty",
        "column 'Model accessibility' is missing: its facts are left empty",
    ]
    zeph, orb = sorted(result.models, key=lambda m: m.name, reverse=True)
    assert zeph.organizations == ("Acme Labs", "Example University")
    assert (zeph.parameters, zeph.training_compute) == (7e9, 1.2e23)
    assert zeph.arxiv_id == "2305.01234" and zeph.paper_title == "Zephyrine: A Small Model"
    assert zeph.accessed == "2026-01" and zeph.licence == "CC BY 4.0"
    assert orb.date_published == "2021-11" and orb.parameters is None and orb.arxiv_id is None
    dumped = json.dumps([m.to_json() for m in result.models])
    assert "abstract" not in dumped.lower() and "by hand" not in dumped


def test_bad_numbers_dates_and_repeated_names_give_one_line_each_and_keep_the_rest():
    text = HEADER + ROWS + (
        "Stormcrow,Acme Labs,2022-13-45,Language,about a billion,3e21,,,,,,\n"
        "zephyrine-7b,Other Org,2020-01-01,Language,1,1,,,,,,\n"
        ",Nobody,2020-01-01,,,,,,,,,\n"
    )
    result = parse_epoch_csv(text)
    lines = [p for p in result.problems if p.startswith("row")]
    assert lines == [
        "row 4: 'Stormcrow': Publication date '2022-13-45' is not a date, left empty",
        "row 4: 'Stormcrow': Parameters 'about a billion' is not a number, left empty",
        "row 5: 'zephyrine-7b' repeats row 2, skipped",
        "row 6: no model name, skipped",
    ]
    storm = next(m for m in result.models if m.name == "Stormcrow")
    assert storm.training_compute == 3e21 and storm.date_published is None and storm.parameters is None
    assert len(result.models) == 3


@pytest.mark.parametrize("text", ["", "Name,Organization\nX,Y\n", "Model,Organization\n"])
def test_an_unusable_file_raises_and_leaves_the_previous_records(tmp_path, text):
    out = tmp_path / "epoch.jsonl"
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROWS)
    import_epoch(good, out=out, accessed="2026-01")
    before = out.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(text)
    with pytest.raises(KnowledgeError):
        import_epoch(bad, out=out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".epoch-")]


def test_reimporting_the_same_file_gives_the_same_bytes(tmp_path):
    src = tmp_path / "models.csv"
    src.write_text(HEADER + ROWS)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    import_epoch(src, out=a)
    import_epoch(src, out=b)
    assert a.read_bytes() == b.read_bytes()
    assert [m.name for m in load_epoch(a)] == ["Orbweaver", "Zephyrine 7B"]


def test_the_command_reports_problems_on_stderr_and_credits_the_source(tmp_path, capsys):
    src = tmp_path / "models.csv"
    src.write_text(HEADER + ROWS)
    assert main(["knowledge", "import-epoch", str(src), "--out", str(tmp_path / "o.jsonl")]) == 0
    out, err = capsys.readouterr()
    assert "imported 2 models" in out and CREDIT in out
    assert "column 'Base model' is missing" in err
    assert main(["knowledge", "import-epoch", str(tmp_path / "absent.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_the_packaged_snapshot_holds_known_facts():
    models = {m.id: m for m in load_epoch()}
    assert len(models) > 900
    chinchilla = models["chinchilla"]
    assert chinchilla.parameters == 70e9 and chinchilla.date_published == "2022-03-29"
    assert chinchilla.organizations == ("DeepMind",)
    assert all(m.source.startswith("Epoch AI") and m.licence == "CC BY 4.0" for m in models.values())
