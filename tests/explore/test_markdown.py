import pytest

from aigraph.explore.markdown import escape_markdown, highlighted_markdown


@pytest.mark.parametrize(
    "text",
    ["$5bn and $10bn", "**not bold**", "[a link](http://x)", ":red[colour]", "a_b_c", "<b>html</b>", "# heading"],
)
def test_every_markdown_trigger_is_escaped(text):
    escaped = escape_markdown(text)
    # Each ASCII punctuation character is preceded by a backslash, so Markdown shows it as is.
    for i, ch in enumerate(escaped):
        if not ch.isalnum() and not ch.isspace() and ch != "\\":
            assert escaped[i - 1] == "\\", (text, escaped)
    assert escaped.replace("\\", "") == text


def test_newlines_do_not_break_the_paragraph():
    assert escape_markdown("one\n\n# two") == "one \\# two"


def test_highlight_wraps_only_mentions():
    md = highlighted_markdown([("Costs ", False), ("$5bn", True), (" [sic]", False), ("  ", True)])
    assert md == "Costs :orange-background[**\\$5bn**] \\[sic\\]  "
