"""The grade a scorecard gives a prediction: yes, partly or no, from a word or a mark.

Grade words (``Yes``, ``Sort of``, ``Not yet``), fields (``Grade: yes``) and marks
(✅ ❌ 🟡) as :mod:`aigraph.extract.predictions` reads them in scorecard lines and cells.
"""

from __future__ import annotations

import re

from aigraph.extract.textnorm import may_hold_any

#: The grades an outcome can have.
GRADES = ("yes", "partly", "no")

# Grade vocabulary: marks and words. Longer phrases first, so "sort of" wins over "of".
_MARKS = {"✅": "yes", "✔": "yes", "✔️": "yes", "✓": "yes", "☑": "yes", "☑️": "yes", "👍": "yes",
          "❌": "no", "✗": "no", "✘": "no", "✕": "no", "✖": "no", "✖️": "no", "☒": "no", "👎": "no", "⛔": "no",
          "🟡": "partly", "🟠": "partly", "🟨": "partly", "🟧": "partly", "⚠️": "partly", "⚠": "partly",
          "〰": "partly", "🤷": "partly"}
_WORDS = {"yes": "yes", "correct": "yes", "hit": "yes", "true": "yes",
          "no": "no", "incorrect": "no", "wrong": "no", "miss": "no", "false": "no", "not yet": "no",
          "sort of": "partly", "kind of": "partly", "partly": "partly", "partially": "partly",
          "partial": "partly", "half": "partly", "mixed": "partly", "somewhat": "partly"}
_WORD_ALT = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_MARK_ALT = "|".join(sorted(map(re.escape, _MARKS), key=len, reverse=True))
#: The field names (lower-cased) of which :data:`_GRADE_FIELD` needs one.
_FIELD_NAMES = ("grade", "verdict", "outcome", "result", "score")
# "Grade: yes", "(Yes)", "— Sort of.", "Yes:", a mark anywhere.
_GRADE_FIELD = re.compile(rf"\b(?:grade|verdict|outcome|result|score)\s*[:=]\s*(?P<word>{_WORD_ALT})\b", re.IGNORECASE)
_GRADE_PAREN = re.compile(rf"[(\[]\s*(?P<word>{_WORD_ALT})\s*[)\]]", re.IGNORECASE)
_GRADE_DASH = re.compile(rf"(?:^|\s[-–—:|]\s*)(?P<word>{_WORD_ALT})\s*(?:[.!:;,–—-]|$)", re.IGNORECASE)
_GRADE_MARK = re.compile(rf"(?P<mark>{_MARK_ALT})")
#: :data:`_GRADE_DASH` past the line's start, matched from its dash (a plain character the
#: engine scans for quickly; a leading ``\s`` or alternation is tried at every position).
_GRADE_DASH_ON = re.compile(rf"[-–—:|](?<=\s[-–—:|])\s*(?P<word>{_WORD_ALT})\s*(?:[.!:;,–—-]|$)", re.IGNORECASE)


def grade_of(text: str) -> tuple[str, int, int] | None:
    """The grade a scorecard line gives, with the span of the grade in the line.

    Examples
    --------
    >>> grade_of("Nvidia would pass $1T in value. Grade: Yes, it did in May.")[0]
    'yes'
    >>> grade_of("🟠 A lab would go dark")[0]
    'partly'
    >>> grade_of("No self-driving firm would pass 15M miles") is None
    True
    """
    # Each pattern needs a character the cheap ``in`` tests look for first.
    if (":" in text or "=" in text) and may_hold_any(text, _FIELD_NAMES):
        m = _GRADE_FIELD.search(text)
        if m:
            return _WORDS[m.group("word").casefold()], m.start(), m.end()
    if "(" in text or "[" in text:
        m = _GRADE_PAREN.search(text)
        if m:
            return _WORDS[m.group("word").casefold()], m.start(), m.end()
    m = None if text.isascii() else _GRADE_MARK.search(text)  # every mark is outside ASCII
    if m:
        return _MARKS[m.group("mark")], m.start(), m.end()
    # The first match of _GRADE_DASH: at the start, else the first after the start.
    m = _GRADE_DASH.match(text)
    if m is not None:
        word = m.group("word")
        # "No" opening a plain sentence ("No company would ...") is a claim, not a grade.
        if re.match(rf"\s*{re.escape(word)}\s*[.!:;,–—-]", text):
            return _WORDS[word.casefold()], m.start("word"), m.end()
    # Found from the dash, one character into the match; past a rejected opening match.
    m = _GRADE_DASH_ON.search(text, 1 if m is None else m.end() + 1)
    if m is not None:
        return _WORDS[m.group("word").casefold()], m.start("word"), m.end()
    return None


__all__ = ["GRADES", "grade_of"]
