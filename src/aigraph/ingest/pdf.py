"""PDF slide decks: one page is one slide.

Text comes from PDFium (pypdfium2), which keeps lines whole. Exported decks draw
the header and footer before the body, so line order says nothing about which
line is furniture: a line is chrome when it stands in the top 12% or bottom 10%
of the page *and* looks like a navigation bar, a page marker, a ``stateof.ai``
footer or a bare page number. Each page's text is laid out as its header chrome,
its body (in PDFium's order), then its footer chrome; pages are joined with a
blank line between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest import patterns
from aigraph.ingest.decode import expand_ligatures
from aigraph.ingest.summary import content_bounds
from aigraph.records import Block

TOP_SHARE = 0.12
BOTTOM_SHARE = 0.10


@dataclass(slots=True)
class PdfText:
    """The text of a PDF laid out as :mod:`aigraph.ingest.pdf` describes."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    slide_titles: dict[int, str] = field(default_factory=dict)
    first_page: str = ""


@dataclass(slots=True)
class _Line:
    text: str
    y: float  # vertical centre as a share of the page height, 0 = bottom
    chrome: bool = False
    marker: int | None = None


def _open(data: bytes, source: str):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise InputError(f"{source}: the PDF is encrypted with a password; save an unprotected copy") from err
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError(f"{source}: the PDF uses an unsupported security handler") from err
        raise InputError(f"{source}: not a readable PDF (damaged or truncated)") from err


def _page_lines(page) -> list[_Line]:
    """The page's lines with their vertical position, in PDFium's order."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        raw_text = textpage.get_text_range()
        _, bottom, _, top = page.get_bbox()
        height = (top - bottom) or 1.0
        lines: list[_Line] = []
        pos = 0
        for part in raw_text.split("\r\n"):
            start, end = content_bounds(part, 0, len(part))
            if start < end:
                y = 0.5
                index = raw.FPDFText_GetCharIndexFromTextIndex(textpage, pos + start)
                if index >= 0:
                    _, b, _, t = textpage.get_charbox(index)
                    y = ((b + t) / 2 - bottom) / height
                # A stray line break inside a line becomes a space, keeping it one line.
                lines.append(_Line(expand_ligatures(part[start:end].replace("\r", " ").replace("\n", " ")), y))
            pos += len(part) + 2
        return lines
    finally:
        textpage.close()


def _classify(line: _Line) -> None:
    """Mark header and footer lines as chrome, and read a page marker."""
    text = line.text
    top, bottom = line.y >= 1 - TOP_SHARE, line.y <= BOTTOM_SHARE
    if not (top or bottom):
        return
    n = len(text)
    nav = patterns.NAV_BAR.match(text)
    marker = patterns.HASH_MARKER.search(text)
    if marker is None and nav is not None:
        marker = patterns.NAV_NUMBER.match(text, nav.end())  # "... | Predictions   |5"
    rest = text[nav.end() if nav else 0 :]
    if marker:
        line.marker = int(marker["n"])
        rest = rest.replace(marker.group(0), "")
    if nav or marker:
        line.chrome = not rest.strip() or bool(patterns.FOOTER.match(rest.strip()))
        return
    m = patterns.PAGE_OF.match(text) or patterns.PAGE_ALONE.match(text)
    if m and 0 < int(m["n"]) and (m.re is patterns.PAGE_ALONE or int(m["n"]) <= int(m["total"])):
        line.chrome, line.marker = True, int(m["n"])
    elif patterns.FOOTER.match(text, 0, n):
        line.chrome = True
    elif patterns.BAR_NUMBER.match(text, 0, n):  # "|5" drawn apart from the navigation bar
        line.chrome, line.marker = True, int(patterns.BAR_NUMBER.match(text, 0, n)["n"])
    elif bottom and patterns.PAGE_NUMBER.match(text, 0, n):
        line.chrome, line.marker = True, int(text)


def extract_pdf(data: bytes, source: str) -> PdfText:
    """Read a PDF's pages into text and blocks (one ``slide`` block per page).

    Parameters
    ----------
    data : bytes
        The PDF file.
    source : str
        Named in error messages.

    Returns
    -------
    PdfText
        The laid-out text, blocks indexing it, slide titles and the first
        page's text (for the year and title).

    Raises
    ------
    InputError
        For an encrypted, damaged or truncated PDF, or one without a text layer.
    """
    pdf = _open(data, source)
    pages: list[str] = []
    blocks: list[Block] = []
    titles: dict[int, str] = {}
    first_page = ""
    offset = 0  # where the current page starts in the joined text
    section: str | None = None
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                lines = _page_lines(page)
            finally:
                page.close()
            for line in lines:
                _classify(line)
            header = [ln for ln in lines if ln.chrome and ln.y >= 0.5]
            body = [ln for ln in lines if not ln.chrome]
            footer = [ln for ln in lines if ln.chrome and ln.y < 0.5]
            number = next((ln.marker for ln in header + footer if ln.marker is not None), index + 1)
            chunks: list[str] = []
            local = 0
            for group, kind in ((header, "chrome"), (body, "slide"), (footer, "chrome")):
                if not group:
                    continue
                chunk = "\n".join(ln.text for ln in group)
                if chunks:
                    local += 1  # the "\n" that joins the chunks
                start = offset + local
                if kind == "slide":
                    titles.setdefault(number, group[0].text)
                    m = patterns.SECTION_TITLE.match(group[0].text)
                    if m:
                        section = patterns.section_name(m["name"])
                    blocks.append(Block(start, start + len(chunk), "slide", (number,), section))
                else:
                    blocks.append(Block(start, start + len(chunk), "chrome", (), section))
                chunks.append(chunk)
                local += len(chunk)
            page_text = "\n".join(chunks)
            pages.append(page_text)
            offset += len(page_text) + 2  # the blank line between pages
            if index == 0:
                first_page = "\n".join(ln.text for ln in lines)
    finally:
        pdf.close()
    text = "\n\n".join(pages)
    if not any(b.kind == "slide" for b in blocks) and not text.strip():
        raise InputError(f"{source}: the PDF has no text layer (scanned images?); run OCR on it first")
    return PdfText(text, blocks, titles, first_page)
