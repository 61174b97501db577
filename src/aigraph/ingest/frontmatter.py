"""A metadata header at the top of a text file, which is not part of the text.

Two shapes are recognised:

* YAML front matter: a ``---`` line, ``key: value`` lines, and a closing ``---``
  (or ``...``) line;
* a plain header: ``key: value`` lines straight away, closed by a ``---`` line
  (two keys at least, or one well-known key such as ``source`` or ``year``, so
  that a one-line Markdown heading underlined with dashes stays a heading).

The header's keys give the document's year (``year``, else a year in ``date``)
and title; its text is page furniture and yields no entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: How many lines a header may have, and how long a key may be.
MAX_LINES = 60
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_ .-]{0,39}?)[ \t]*:(?:[ \t]+(?P<value>[^\n]*?))?[ \t]*$")
#: A continuation of a YAML value: an indented line or a list item.
_CONTINUED = re.compile(r"(?:[ \t]+\S|-[ \t])[^\n]*$")
_FENCE = re.compile(r"---[ \t]*$")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*$")
_WELL_KNOWN = frozenset({"source", "url", "year", "date", "format", "title", "author", "published", "lang"})
_YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Where a header ends (``end``: the offset after its closing line) and its fields.

    ``end == 0`` when the text has no header.
    """

    end: int = 0
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> int | None:
        """The ``year`` field, else the first year in ``date``/``published``."""
        for key in ("year", "date", "published"):
            m = _YEAR.search(self.fields.get(key, ""))
            if m:
                return int(m.group(1))
        return None

    @property
    def title(self) -> str | None:
        value = self.fields.get("title", "").strip().strip("\"'")
        return value[:200] or None


def _lines(text: str, pos: int):
    """``(start, end)`` of the lines from ``pos``, at most :data:`MAX_LINES` + 2."""
    for _ in range(MAX_LINES + 2):
        if pos >= len(text):
            return
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def split_front_matter(text: str) -> FrontMatter:
    """Find a metadata header at the start of ``text``.

    Parameters
    ----------
    text : str
        The whole text, with ``\\n`` line ends (a leading BOM is allowed).

    Returns
    -------
    FrontMatter
        The header's end offset and its fields (keys lower-cased), or an empty
        FrontMatter when the text does not open with one.

    Examples
    --------
    >>> fm = split_front_matter("source: https://example.org/a\\nyear: 2024\\n---\\nText.\\n")
    >>> fm.end, fm.year, fm.fields["source"]
    (45, 2024, 'https://example.org/a')
    >>> split_front_matter("Title\\n---\\nText.\\n").end
    0
    """
    pos = 1 if text.startswith("\ufeff") else 0
    lines = _lines(text, pos)
    first = next(lines, None)
    if first is None:
        return FrontMatter()
    fenced = _FENCE.match(text, *first) is not None
    fields: dict[str, str] = {}
    key = None
    pending = [] if fenced else [first]
    for ls, le in (*pending, *lines):
        if (_CLOSE if fenced else _FENCE).match(text, ls, le):
            if not fields:
                return FrontMatter()
            if not fenced and len(fields) < 2 and not (fields.keys() & _WELL_KNOWN):
                return FrontMatter()
            return FrontMatter(min(le + 1, len(text)), fields)
        kv = _KEY_VALUE.match(text, ls, le)
        if kv is not None:
            key = kv["key"].strip().lower()
            fields[key] = (kv["value"] or "").strip()
        elif fenced and key is not None and _CONTINUED.match(text, ls, le):
            fields[key] = (fields[key] + " " + text[ls:le].strip()).strip()
        elif fenced and not text[ls:le].strip():
            continue
        else:
            return FrontMatter()
    return FrontMatter()
