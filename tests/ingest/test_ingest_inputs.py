"""Bad input, encodings, source expansion and the report year."""

import codecs
import logging

import pytest

from aigraph.errors import InputError
from aigraph.ingest import SUPPORTED_SUFFIXES, iter_sources, read_document
from aigraph.ingest.decode import looks_binary
from aigraph.ingest.meta import year_from_name, year_from_text


def one_line_error(path, match):
    with pytest.raises(InputError, match=match) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message
    return message


# --- bad input ----------------------------------------------------------------


def test_missing_path(tmp_path):
    one_line_error(tmp_path / "nowhere.txt", "no such file")


def test_directory_where_a_file_is_expected(tmp_path):
    one_line_error(tmp_path, "is a directory")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.pdf"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    one_line_error(path, "empty")


@pytest.mark.parametrize("content", [b"   \n\t\r\n  \n", "\ufeff \u00a0\n".encode("utf-8")])
def test_whitespace_only_file(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    one_line_error(path, "empty")


def test_binary_file_with_a_text_suffix(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    one_line_error(path, "binary")


def test_control_bytes_without_nul_are_binary():
    assert looks_binary(bytes(range(1, 32)) * 20)
    assert not looks_binary("Plain text with a tab\tand a form feed\f.\n".encode())


def test_unknown_extension(tmp_path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"PK\x03\x04 not read")
    message = one_line_error(path, "not supported")
    assert ".pptx" in message and ".pdf" in message


def test_no_extension(tmp_path):
    path = tmp_path / "NOTES"
    path.write_text("Slide 1: x")
    one_line_error(path, "without a suffix")


# --- encodings ------------------------------------------------------------------


def test_cp1252_file_with_curly_quotes_and_euro_is_decoded(tmp_path, caplog):
    text = "\u201cMistral AI\u201d raised \u20ac385M \u2013 Slide 7\u2019s news.\n- Slide 7: Mistral\u2019s model.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="aigraph.ingest"):
        doc = read_document(path)
    assert doc.text == text
    assert doc.blocks[-1].slides == (7,)
    assert any("cp1252" in r.getMessage() for r in caplog.records)


def test_latin1_file_is_decoded(tmp_path):
    # 0x81 is undefined in cp1252, so only Latin-1 reads this file.
    text = "Caf\u00e9 na\u00efve \u00b5Zero \u00a9 2021 \x81\n- Slide 3: \u00c9cole polytechnique.\n"
    path = tmp_path / "latin1.md"
    path.write_bytes(text.encode("latin-1"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.block_text(doc.blocks[-1]) == "\u00c9cole polytechnique."


def test_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "- Slide 5: GPT\u20114o ships.\r\n- Slide 6: Next.\r".encode("utf-8"))
    doc = read_document(path)
    assert doc.text == "- Slide 5: GPT\u20114o ships.\n- Slide 6: Next.\n"
    assert [b.slides for b in doc.blocks] == [(5,), (6,)]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("- Slide 9: Gemini \u00e9.\n".encode("utf-16"))
    assert read_document(path).blocks[0].slides == (9,)


# --- sources ------------------------------------------------------------------


def test_iter_sources_expands_directories_and_keeps_named_files(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2021").mkdir(parents=True)
    (raw / ".cache").mkdir()
    for name in ("b.md", "a.txt", "2021/c.pdf", "2021/d.HTML", "README.md", "readme.txt", "notes.docx", ".hidden.txt", ".cache/x.txt"):
        (raw / name).write_text("x")
    named = tmp_path / "other.pptx"
    missing = tmp_path / "missing.txt"
    got = iter_sources([raw, named, missing, raw / "a.txt"])
    assert got == [raw / "2021" / "c.pdf", raw / "2021" / "d.HTML", raw / "a.txt", raw / "b.md", named, missing]


def test_supported_suffixes():
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"} <= SUPPORTED_SUFFIXES


# --- year -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("state-of-ai-2021.txt", 2021),
        ("soai2023.md", 2023),
        ("State_of_AI_Report_2019_v2.pdf", 2019),
        ("000_15f0cdcb7780c36f.txt", None),  # digits inside a hash are not a year
        ("report-1999.txt", None),
        ("notes.txt", None),
    ],
)
def test_year_from_name(name, year):
    assert year_from_name(name) == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Highlights of the State of AI Report 2021, published in 2021.", 2021),
        ("Copied slides\nstateof.ai 2020\n#stateofai | 3", 2020),
        ("Posted on October 12, 2021 by a reader.", 2021),
        ("Posted 12 October 2022.", 2022),
        ("In 2019 the field moved fast; costs were $2,023 per run.", 2019),
        ("Next to last year's State of AI Report 2020, this State of AI Report 2021 and State of AI 2021 say more.", 2021),
        ("No year here, only 1,000 GPUs and 2048 tokens.", None),
    ],
)
def test_year_from_text(text, year):
    assert year_from_text(text) == year


def test_year_argument_beats_name_and_text(tmp_path):
    path = tmp_path / "soai-2020.txt"
    path.write_text("State of AI Report 2021\n\n- Slide 1: x\n")
    assert read_document(path).year == 2020
    assert read_document(path, year=2018).year == 2018
    other = tmp_path / "notes.txt"
    other.write_text("State of AI Report 2021\n\n- Slide 1: x\n")
    assert read_document(other).year == 2021


def test_ligatures_of_pdf_text_are_spelled_out(tmp_path):
    path = tmp_path / "slides.txt"
    path.write_text("Slide 4: The Arti\ufb01cial Intelligence O\ufb03ce of Kestrel \ufb02agged work\ufb02ows.\n", encoding="utf-8")
    doc = read_document(path)
    assert "Artificial Intelligence Office of Kestrel flagged workflows." in doc.text
    assert not any("\ufb00" <= c <= "\ufb06" for c in doc.text)
