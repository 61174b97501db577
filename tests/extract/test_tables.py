from aigraph.extract.table_models import model_spans
from aigraph.extract.tables import find_tables


def cells(text):
    out = []
    for t in find_tables(text):
        for c in t.cells:
            label = text[slice(*c.label)] if c.label else None
            head = text[slice(*c.header)] if c.header else None
            out.append((t.layout, c.text, label, head))
    return out


def test_pipe_table_with_models_as_columns_and_ragged_rows():
    text = (
        "Scores of two invented models:\n"
        "| Group | Benchmark | Zeta-7B | Orca-Nova 12B |\n"
        "|---|---|---|---|\n"
        "| Reasoning | ARC-Easy (25-shot) | 71.5 | 80.2 |\n"
        "| HellaSwag (10-shot) | 64 | 77.9 | |\n"
        "| Code | HumanEval (0-shot) | 12.2% | - |\n"
    )
    assert cells(text) == [
        ("pipe", "71.5", "ARC-Easy (25-shot)", "Zeta-7B"),
        ("pipe", "80.2", "ARC-Easy (25-shot)", "Orca-Nova 12B"),
        ("pipe", "64", "HellaSwag (10-shot)", "Zeta-7B"),  # the merged "Group" cell is missing
        ("pipe", "77.9", "HellaSwag (10-shot)", "Orca-Nova 12B"),
        ("pipe", "12.2%", "HumanEval (0-shot)", "Zeta-7B"),
    ]
    assert [text[s:e] for s, e in model_spans(text)] == ["Zeta-7B", "Orca-Nova 12B"]


def test_pipe_table_with_models_as_rows_skips_size_and_year_columns():
    text = (
        "| Model | Params | Year | MMLU | GSM8K |\n"
        "|:--|--:|--:|--:|--:|\n"
        "| Falcon-Q | 40 | 2023 | 55.4 | 19.6 |\n"
        "| Wren 2 | 13 | 2024 | 60.1 | 33.0 |\n"
    )
    got = cells(text)
    assert [(c[1], c[2], c[3]) for c in got] == [
        ("55.4", "Falcon-Q", "MMLU"), ("19.6", "Falcon-Q", "GSM8K"),
        ("60.1", "Wren 2", "MMLU"), ("33.0", "Wren 2", "GSM8K"),
    ]
    assert [text[s:e] for s, e in model_spans(text)] == ["Falcon-Q", "Wren 2"]


def test_leaderboard_whose_cells_ran_together():
    text = (
        "Rank Model Arena Score Description License\n"
        "1 🥇 Falcon-Q 1,250 a chat model by Example Labs Proprietary\n"
        "2 🥈 Wren 2.5 72B 1198 an open model by Somewhere University Apache 2.0\n"
        "3 Gale-3 Mini 1103 a small model MIT\n"
    )
    got = cells(text)
    assert [(c[0], c[1], c[2], c[3]) for c in got] == [
        ("ranked", "1,250", "Falcon-Q", "Arena Score"),
        ("ranked", "1198", "Wren 2.5 72B", "Arena Score"),  # "2.5" and "72B" belong to the name
        ("ranked", "1103", "Gale-3 Mini", "Arena Score"),
    ]


def test_a_percentage_before_a_size_column_is_the_rows_score():
    text = "Rank Model Accuracy Parameters\n1 Wren 3 70B 82.0% 70B\n2 Gale-3 Mini 64.5% 8x7B\n"
    assert [(c[1], c[2]) for c in cells(text)] == [("82.0%", "Wren 3 70B"), ("64.5%", "Gale-3 Mini")]


def test_space_aligned_columns_map_by_position():
    text = (
        "                 Reading      Math      Code\n"
        "Falcon-Q          81.0        62.5      48.1\n"
        "Wren 2            77.3          -       51.9\n"
    )
    got = cells(text)
    assert [(c[1], c[2], c[3]) for c in got] == [
        ("81.0", "Falcon-Q", "Reading"), ("62.5", "Falcon-Q", "Math"), ("48.1", "Falcon-Q", "Code"),
        ("77.3", "Wren 2", "Reading"), ("51.9", "Wren 2", "Code"),
    ]


def test_single_spaced_rows_under_single_word_headers():
    text = "Model MMLU GSM8K\nFalcon-Q 70.5 61.0\nWren 2 66.1 58.2\n"
    assert [(c[1], c[2], c[3]) for c in cells(text)] == [
        ("70.5", "Falcon-Q", "MMLU"), ("61.0", "Falcon-Q", "GSM8K"),
        ("66.1", "Wren 2", "MMLU"), ("58.2", "Wren 2", "GSM8K"),
    ]


def test_contents_pages_navigation_bars_and_prose_are_not_tables():
    toc = "Image Classification     34\nObject Detection         36\nSpeech Recognition       41\n"
    nav = "Introduction | Research | Industry | Safety |12\n\nSome text about 12.5% growth.\n"
    prose = "The model scored 81.2 on one test\nand 77.0 on another in 2024 2025\n"
    assert not find_tables(toc) and not find_tables(nav) and not find_tables(prose)


def test_charts_of_shares_are_not_result_tables():
    assert not find_tables("Share of mentions (%)\nRegion 2024 2025 2026\nUS 42 31 23\nChina 9 31 40\n")
    assert not find_tables("Users by region\n             Q1     Q2\nUS           42     31\nChina         9     31\n")
    assert find_tables("Scores by region\n             Q1     Q2\nModel-A      42.5   31.0\nModel-B       9.1   31.4\n")


def test_hash_headed_leaderboard_but_not_a_markdown_heading_over_a_numbered_list():
    board = "#   Model        Arena Score\n1   Falcon-Q     1150\n2   Wren 2       1120\n"
    assert [(c[1], c[2]) for c in cells(board)] == [("1150", "Falcon-Q"), ("1120", "Wren 2")]
    listing = "# Model cards and what they say\n1. Wren 2 scored 68.9 on one test\n2. Falcon-Q came out in 2023\n"
    assert not find_tables(listing)


def test_a_pipe_table_without_its_outer_pipes():
    text = "Intro | not a table\n\nModel | Quill Bench | Zeta QA\nWren 3 | 94.4 | 57.3\nGale-3 Mini | 81.2 | 55.9\n"
    assert [(c[1], c[2], c[3]) for c in cells(text)] == [
        ("94.4", "Wren 3", "Quill Bench"), ("57.3", "Wren 3", "Zeta QA"),
        ("81.2", "Gale-3 Mini", "Quill Bench"), ("55.9", "Gale-3 Mini", "Zeta QA"),
    ]
    assert cells("Home | Blog | Wren 3 scores 94.4 | Contact\nMore text.\n") == []

