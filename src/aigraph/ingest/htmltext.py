"""The visible text of an HTML page, laid out as lines a summary segmenter reads.

Scripts, styles, navigation, the head and hidden elements are dropped; block
elements become paragraphs separated by blank lines; ``<li>`` becomes a ``- ``
bullet line (indented by its nesting depth); ``<h1>``–``<h6>`` become Markdown
``#`` headings; ``<br>`` breaks a line; ``<pre>`` keeps its spacing; a link to a paper host
stays a Markdown link (``[Title](https://arxiv.org/abs/...)``); a table row
becomes a Markdown pipe row (``| Model | MMLU |``), its first row followed by a
``|---|`` line, so cells stay apart for the table reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from aigraph.ingest.patterns import PAPER_HOSTS

_SKIP = frozenset({"script", "style", "nav", "head", "title", "noscript", "template", "svg", "iframe", "object", "select", "button"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "li", "main", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_CELLS = frozenset({"td", "th"})
_ROW_GROUPS = ("thead", "tbody", "tfoot")
_SPACE = re.compile(r"\s+")
_PAPER_LINK = re.compile(rf"https?://(?:www\.)?(?:{PAPER_HOSTS})", re.IGNORECASE)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.skip: list[str] = []  # open elements whose content is invisible
        self.list_depth = 0
        self.prefix = ""  # what the next line starts with ("- ", "## ")
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False
        self.row: list[str] | None = None  # cells of the open table row
        self.in_cell = False
        self.rows = 0  # rows of the open table written so far
        self.tables = 0  # depth of open tables
        self.link: tuple[int, int, str] | None = None  # open paper link: (line count, inline index, address)

    # -- lines ----------------------------------------------------------------
    def flush(self, *, blank: bool = True) -> None:
        raw = "".join(self.inline)
        self.inline = []
        text = raw.strip("\n") if self.pre else _SPACE.sub(" ", raw).strip()
        if text:
            self.lines.append(self.prefix + text)
            self.prefix = ""
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    # -- parser callbacks ----------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if self.skip:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        attributes = dict(attrs)
        if tag in _SKIP or "hidden" in attributes or attributes.get("aria-hidden") == "true":
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "a" and _PAPER_LINK.match(attributes.get("href") or ""):
            self.link = (len(self.lines), len(self.inline), attributes["href"].replace(")", "%29"))
        if self.in_cell and (tag == "br" or tag in _HEADINGS or (tag in _BLOCK and tag not in _CELLS)):
            self.inline.append(" ")  # a cell stays on its row's line
        elif tag == "table":
            self.flush()
            self.rows = 0
            self.tables += 1
        elif tag in _ROW_GROUPS and self.tables:
            pass  # rows follow one another without blank lines
        elif tag == "tr":
            self.flush(blank=False)
            self.row = []
        elif tag in _CELLS and self.row is not None:
            self._end_cell()
            self.in_cell = True
        elif tag == "br":
            self.flush(blank=False)
        elif tag in _HEADINGS:
            self.flush()
            self.prefix = "#" * _HEADINGS[tag] + " "
        elif tag == "li":
            self.flush(blank=False)
            self.prefix = "  " * max(self.list_depth - 1, 0) + "- "
        elif tag in _CELLS:
            self.inline.append("\t")
        elif tag in _BLOCK:
            self.flush(blank=self.list_depth == 0)
        if tag in ("ul", "ol"):
            self.list_depth += 1
        elif tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip:
            # Close up to the matching element; tolerate unclosed children.
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "a" and self.link is not None:
            lines, at, href = self.link
            self.link = None
            raw = "".join(self.inline[at:])
            text = _SPACE.sub(" ", raw).strip().replace("]", ")").replace("[", "(")
            if lines == len(self.lines) and text:  # the link text stayed on one line
                lead, trail = " " * raw[:1].isspace(), " " * raw[-1:].isspace()
                self.inline[at:] = [f"{lead}[{text}]({href}){trail}"]
            return
        if tag in _CELLS and self.row is not None:
            self._end_cell()
            return
        if tag in ("tr", "table") and self.row is not None:
            self._end_row()
        if tag == "table":
            self.tables = max(self.tables - 1, 0)
        elif self.in_cell or (self.tables and tag in (*_ROW_GROUPS, "tr")):
            return
        if tag in ("ul", "ol"):
            self.list_depth = max(self.list_depth - 1, 0)
            self.flush(blank=self.list_depth == 0)
        elif tag == "pre":
            self.flush()
            self.pre = max(self.pre - 1, 0)
        elif tag == "li":
            self.flush(blank=False)
        elif tag in _HEADINGS or (tag in _BLOCK and tag not in _CELLS):
            self.flush(blank=self.list_depth == 0)

    def _end_cell(self) -> None:
        if self.in_cell and self.row is not None:
            self.row.append(_SPACE.sub(" ", "".join(self.inline)).strip().replace("|", "/"))
            self.inline = []
        self.in_cell = False

    def _end_row(self) -> None:
        self._end_cell()
        row, self.row = self.row or [], None
        self.inline = []
        if any(row):
            self.lines.append("| " + " | ".join(row) + " |")
            if self.rows == 0:
                self.lines.append("|" + "---|" * len(row))
            self.rows += 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.inline.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, and its ``<title>``.

    Parameters
    ----------
    markup : str
        The page's HTML.

    Returns
    -------
    (str, str or None)
        Lines of visible text (``\\n`` line ends, blank lines between blocks) and
        the page title.

    Examples
    --------
    >>> html_to_text("<title>T</title><script>x=1</script><h2>Research</h2><ul><li>Slide 3: A</li></ul>")
    ('## Research\\n\\n- Slide 3: A\\n', 'T')
    """
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    parser.flush()
    title = _SPACE.sub(" ", "".join(parser.title)).strip() or None
    lines = parser.lines
    while lines and lines[-1] == "":
        lines.pop()
    return ("\n".join(lines) + "\n" if lines else ""), title
