"""Text from the reports made safe for Streamlit's Markdown, with mentions highlighted.

Report sentences hold characters Markdown would act on: ``$`` starts LaTeX in
Streamlit, ``*`` and ``_`` emphasis, ``[...]`` links, ``:name[...]`` colour directives.
:func:`escape_markdown` backslash-escapes all ASCII punctuation, which CommonMark turns
back into the plain character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

#: How a highlighted mention is wrapped (Streamlit's background-colour directive, bold).
HIGHLIGHT = ":orange-background[**{}**]"


def escape_markdown(text: str) -> str:
    """Return ``text`` with every ASCII punctuation character backslash-escaped.

    Newlines become spaces (a sentence stays one paragraph).

    Examples
    --------
    >>> print(escape_markdown("$5bn for *GPT-4* [sic]: 50%"))
    \\$5bn for \\*GPT\\-4\\* \\[sic\\]\\: 50\\%
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def highlighted_markdown(parts: Iterable[tuple[str, bool]]) -> str:
    """Return Markdown for ``(text, is_mention)`` pieces, mentions highlighted.

    Examples
    --------
    >>> highlighted_markdown([("Google ", False), ("DeepMind", True), ("'s lab", False)])
    "Google :orange-background[**DeepMind**]\\\\'s lab"
    """
    out = []
    for text, is_mention in parts:
        escaped = _PUNCTUATION.sub(r"\\\1", text.replace("\n", " "))
        if is_mention and escaped.strip():
            out.append(HIGHLIGHT.format(escaped))
        else:
            out.append(escaped)
    return "".join(out)


#: The entity page's URL path, relative to any other page of the explorer.
ENTITY_PATH = "entity"


def entity_href(node_id: str) -> str:
    """Return the relative URL of a node's entity page.

    Examples
    --------
    >>> entity_href("model:alphafold-2")
    'entity?id=model%3Aalphafold-2'
    """
    from urllib.parse import quote

    return f"{ENTITY_PATH}?id={quote(node_id, safe='')}"


def linked_names(items: Iterable[tuple[str, str]], separator: str = ", ") -> str:
    """Return Markdown links to the entity pages of ``(node_id, name)`` pairs.

    Examples
    --------
    >>> linked_names([("model:gpt-4", "GPT-4"), ("model:o1", "o1")])
    '[GPT\\\\-4](entity?id=model%3Agpt-4), [o1](entity?id=model%3Ao1)'
    """
    return separator.join(f"[{escape_markdown(name)}]({entity_href(node)})" for node, name in items)


def markdown_table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """Return a Markdown table; cells are Markdown already (text escaped with :func:`escape_markdown`).

    Examples
    --------
    >>> print(markdown_table(["year", "models"], [["2020", "A, B"]]))
    | year | models |
    |---|---|
    | 2020 | A, B |
    """
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)
