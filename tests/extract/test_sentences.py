"""The one sentence splitter: stops, abbreviations, wrapped lines, windows."""

from __future__ import annotations

from aigraph.extract.sentences import sentence_at, sentence_starts


def _sentences(text):
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)])]


def test_stops_before_a_capital_or_digit_but_not_after_an_abbreviation():
    text = "Zorblax Inc. raised money. 2024 was busy! Was it? yes it was."
    assert _sentences(text) == ["Zorblax Inc. raised money.", "2024 was busy!", "Was it? yes it was."]


def test_a_wrapped_line_goes_on_and_a_blank_line_ends():
    text = "The model by\nQuillworks scored well,\nAnd kept going\n\nNew paragraph here."
    assert _sentences(text) == ["The model by\nQuillworks scored well,\nAnd kept going", "New paragraph here."]


def test_indented_pdf_lines_go_on_until_a_stop():
    text = "A Heading Line\n  On the Foo Index, Model A leads at 58 and Model\n  B ties at 53. Then more.\n"
    lo, hi = sentence_at(text, text.index("53"))
    assert text[lo:hi] == "On the Foo Index, Model A leads at 58 and Model\n  B ties at 53."
    assert "Heading" not in text[lo:hi]


def test_bounds_inside_a_block_and_a_window():
    text = "One. Two words here. Three."
    assert sentence_at(text, text.index("words")) == (5, 20)
    assert sentence_at(text, text.index("words"), 7, 12) == (7, 12)
    long = "x " * 5000 + "end."
    lo, hi = sentence_at(long, 9000, window=100)
    assert (lo, hi) == (8900, 9100 - 1)
