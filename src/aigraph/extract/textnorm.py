"""Length-preserving text normalisation, so offsets into the original stay valid.

Curly quotes, non-breaking hyphens and odd spaces become their plain forms one
character for one character; matching then sees ``GPT-4o`` and ``DeepMind's``
however the source typed them.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2212": "-",  # minus sign
        "\u00ad": "-",  # soft hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\u00b5": "\u03bc",  # micro sign -> Greek mu
    }
)

_PAIRS = tuple((chr(k), v) for k, v in _TABLE.items())


def normalize(text: str) -> str:
    """Return ``text`` with look-alike characters replaced; the length never changes.

    Examples
    --------
    >>> normalize("DeepMind\u2019s GPT\u20114o")
    "DeepMind's GPT-4o"
    """
    if text.isascii():
        return text  # every character the table replaces is outside ASCII
    # One replace per look-alike present: a scan for a character is much cheaper than
    # translate's lookup of every character (no replacement is itself replaced).
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def may_hold_any(text: str, words: tuple[str, ...]) -> bool:
    """False when ``text`` is ASCII and holds none of ``words`` (lower case) in any case.

    The prefilter before a case-blind pattern every match of which holds one of the
    words: such a pattern is tried at every position, a plain ``in`` test is not.
    Text outside ASCII is let through, so the pattern's own case folding (``ı``,
    ``ſ``, ``K``) decides there.

    >>> may_hold_any("GRADE: yes", ("grade", "verdict")), may_hold_any("No field", ("grade",))
    (True, False)
    """
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)
