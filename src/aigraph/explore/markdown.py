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
