"""One reader per file format, found by suffix in a registry.

A reader takes the path of an existing, non-empty file and the ``year`` the
caller gave, and returns a :class:`~aigraph.records.Document`; it raises
:class:`~aigraph.errors.InputError` for content it cannot read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest.decode import decode_text, expand_ligatures, normalise_newlines, read_text_file
from aigraph.ingest.deck import looks_like_deck, segment_deck
from aigraph.ingest.frontmatter import split_front_matter
from aigraph.ingest.inline import split_inline_citations
from aigraph.ingest.meta import REPORT_NAME_WINDOW, detect_title, detect_year
from aigraph.ingest.summary import content_bounds, segment_summary
from aigraph.records import Block, Document

Reader = Callable[[Path, "int | None"], Document]

#: Suffix (lower case, with the dot) -> reader.
READERS: dict[str, Reader] = {}


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of ``suffixes``."""

    def register(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = reader
        return reader

    return register


def parse_text(
    text: str, *, source: str = "<text>", year: int | None = None, format: str = "text", sha256: str = ""
) -> Document:
    """Segment a text (a slide-citing summary or slide-deck text) into a Document.

    Slide-deck text (with ``12 of 188``, ``#stateofai | 12`` or navigation-bar page
    markers) is cut into slides; any other text is read as a summary that cites
    slides. A metadata header at the top (``key: value`` lines closed by ``---``, or
    YAML front matter) is a ``chrome`` block: its ``year`` and ``title`` are used,
    and nothing in it is extracted.

    Parameters
    ----------
    text : str
        The text; ``\\r\\n`` and ``\\r`` line ends become ``\\n``.
    source : str
        The name the document goes by (a file name gives the year too).
    year : int, optional
        The report year; found in ``source`` or the text when not given.
    format : str
        Recorded in :attr:`Document.format`.
    sha256 : str
        The file's hash; by default the hash of the text's UTF-8 bytes.

    Returns
    -------
    Document

    Examples
    --------
    >>> doc = parse_text("State of AI Report 2021\\n\\n- Slides 163 + 164: EleutherAI ships GPT-J.\\n")
    >>> doc.year, [(doc.block_text(b), b.slides) for b in doc.blocks][1]
    (2021, ('EleutherAI ships GPT-J.', (163, 164)))
    """
    text = expand_ligatures(normalise_newlines(text))
    front = split_front_matter(text)
    body = front.end
    blocks: list[Block] = []
    if body:
        blocks.append(Block(*content_bounds(text, 0, body), "chrome"))
    if looks_like_deck(text, body):
        found = segment_deck(text, body)
        blocks.extend(found.blocks)
        titles = found.slide_titles
    else:
        summary = segment_summary(text, body)
        blocks.extend(split_inline_citations(text, summary.blocks))
        titles = summary.slide_titles
    return Document(
        source=source,
        text=text,
        blocks=tuple(blocks),
        year=year if year is not None else front.year or detect_year(source, text[body : body + REPORT_NAME_WINDOW]),
        title=front.title or detect_title(text, blocks),
        format=format,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        slide_titles=titles,
    )


@register_reader(".txt", ".text")
def read_text(path: Path, year: int | None) -> Document:
    """A plain-text summary or slide-deck text."""
    text, digest = read_text_file(path)
    return parse_text(text, source=str(path), year=year, format="text", sha256=digest)


@register_reader(".md", ".markdown")
def read_markdown(path: Path, year: int | None) -> Document:
    """A Markdown summary (headings and lists are read by the summary segmenter)."""
    text, digest = read_text_file(path)
    return parse_text(text, source=str(path), year=year, format="markdown", sha256=digest)


@register_reader(".html", ".htm", ".xhtml")
def read_html(path: Path, year: int | None) -> Document:
    """An HTML page: its visible text, segmented as a summary."""
    from aigraph.ingest.htmltext import html_to_text

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if data.isspace():
        raise InputError(f"{path}: the file is empty")
    markup, _ = decode_text(data, str(path))
    del data
    visible, title = html_to_text(markup)
    del markup
    if not visible.strip():
        raise InputError(f"{path}: the page has no visible text")
    if looks_like_deck(visible):  # a deck viewer's page ("1 of 177", ...)
        deck = segment_deck(visible)
        blocks, titles = deck.blocks, deck.slide_titles
    else:
        summary = segment_summary(visible)
        blocks, titles = split_inline_citations(visible, summary.blocks), summary.slide_titles
    return Document(
        source=str(path),
        text=visible,
        blocks=tuple(blocks),
        year=detect_year(str(path), ((title or "") + "\n" + visible[:20_000]), year),
        title=title or detect_title(visible, blocks),
        format="html",
        sha256=digest,
        slide_titles=titles,
    )


@register_reader(".pdf")
def read_pdf(path: Path, year: int | None) -> Document:
    """A PDF slide deck: one page is one slide."""
    from aigraph.ingest.pdf import extract_pdf

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if data.isspace():
        raise InputError(f"{path}: the file is empty")
    found = extract_pdf(data, str(path))
    del data
    return Document(
        source=str(path),
        text=found.text,
        blocks=tuple(found.blocks),
        year=detect_year(str(path), found.first_page, year),
        title=detect_title(found.text, found.blocks),
        format="pdf",
        sha256=digest,
        slide_titles=found.slide_titles,
    )
