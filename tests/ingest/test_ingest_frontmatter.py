"""A metadata header at the top of a text: recognised, its year used, nothing in it extracted."""

import pytest

from aigraph.ingest import parse_text, read_document
from aigraph.ingest.frontmatter import split_front_matter

PLAIN = "source: https://example.org/state-of-ai-2019\nyear: 2024\nformat: summary\n---\n"
YAML = '---\ntitle: "Notes on the 2022 report"\ndate: 2022-10-11\ntags:\n  - ai\n  - reports\n---\n'
BODY = "- Slide 12: Acme Labs ships Foo-3, which reaches 91.2% on Bench-X.\n"


def test_plain_header_is_chrome_and_gives_the_year():
    doc = parse_text(PLAIN + BODY, source="notes.txt")
    assert doc.year == 2024  # the header beats the year in its own URL
    header, bullet = doc.blocks
    assert header.kind == "chrome" and doc.block_text(header) == PLAIN.rstrip("\n")
    assert bullet.kind == "bullet" and bullet.slides == (12,) and doc.block_text(bullet).startswith("Acme Labs")


def test_yaml_front_matter_gives_year_and_title():
    doc = parse_text(YAML + "\n" + BODY, source="notes.md")
    assert doc.year == 2022 and doc.title == "Notes on the 2022 report"
    assert doc.blocks[0].kind == "chrome" and "tags:" in doc.block_text(doc.blocks[0])
    assert [b.slides for b in doc.blocks[1:]] == [(12,)]


def test_the_year_given_by_the_caller_still_wins():
    assert parse_text(PLAIN + BODY, year=2030).year == 2030


def test_a_deck_after_a_header_is_still_a_deck():
    text = PLAIN + "\fIntroduction | Research | Industry | Politics | Safety | Predictions   |7\nSeven\nbody\n"
    doc = parse_text(text)
    assert [b.slides for b in doc.blocks if b.kind == "slide"] == [(7,)]


@pytest.mark.parametrize(
    "text",
    [
        "Title of the post\n---\nBody text.\n",  # a Markdown heading underlined with dashes
        "Note: this is a remark\n---\nBody.\n",  # one unknown key
        "source: x\nyear: 2024\nNo closing line here.\n",
        "---\nJust a rule, then prose.\n---\n",
        "",
    ],
)
def test_text_that_only_looks_like_a_header_is_left_alone(text):
    assert split_front_matter(text).end == 0


def test_nothing_in_the_header_is_extracted(tmp_path):
    from aigraph.extract import extract_document

    path = tmp_path / "notes.txt"
    header = "source: DeepMind's AlphaFold 3 paper\nyear: 2024\nformat: news\n---\n"
    path.write_text(header + "A quiet week.\n", encoding="utf-8")
    assert extract_document(read_document(path)).entities == []
    # The same words in the body are found, so the header is skipped for what it is.
    path.write_text(header + "DeepMind's AlphaFold 3 paper is out.\n", encoding="utf-8")
    ex = extract_document(read_document(path))
    assert {e.name for e in ex.entities} >= {"DeepMind", "AlphaFold 3"}
    assert all(m.start >= len(header) for e in ex.entities for m in e.mentions)
