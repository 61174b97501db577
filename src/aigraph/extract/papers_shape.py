"""What a paper title, an author list and a venue look like: shared by the paper finders.

A title is a short run of words that is not a sentence, a field label, an author
list, a venue or a year. These checks are cheap string tests on one candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PaperMatch:
    """A paper title found in a text: character offsets, the title as written, the rule."""

    start: int
    end: int
    title: str
    rule: str


#: First words that open a sentence or a pointer, never a title.
_NOT_FIRST = frozenset(
    "see read check click download view here link links we i you they he she it its this these those there "
    "our my your please also and but so or source sources photo image figure fig table note thanks "
    "abstract authors author pdf code copy share cite bibtex doi published submitted posted updated accepted last".split()
)
#: ``Label:`` prefixes of metadata fields; ``BERT: Pre-training ...`` is a title, ``Authors: ...`` is not.
FIELD_NAMES = frozenset(
    "abstract author authors total date dates published submitted comments comment subjects subject keywords "
    "source year format tags tag category categories doi venue url urls link links code pdf journal "
    "conference citation citations cite affiliation affiliations email license note notes posted updated "
    "version by tldr summary status type title".split()
)
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:")
_VENUE = re.compile(
    r"^(?:In[:\s]|Proc(?:eedings|\.)|Advances in|arXiv\b|Journal\b|Transactions\b|Conference\b|Workshop\b|"
    r"International\b|Annual\b|IEEE\b|ACM\b|Springer\b|Nature\b|Science\b|pp\.|vol\.|Vol\.)"
)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)*[A-Z]\.?$")
_NAME_WORD = r"(?:[A-Z][\w'\u00c0-\u024f-]*\.?|van|von|de|der|den|la|le|da|di|du|del|dos|ten|ter|bin|al|el)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}$")
_VANCOUVER = re.compile(r"^[A-Z][\w'\u00c0-\u024f-]+(?:\s[A-Z][\w'\u00c0-\u024f-]+)?\s[A-Z]{1,3}$")
#: A lower-case word that no name list holds (particles such as "van" and "et al." aside).
_PROSE_WORD = re.compile(r"\b(?!(?:and|van|von|der|den|del|dos|ten|ter|bin|et|al|de|la|le|da|di|du)\b)[a-z]{2,}\b")
_NOT_IN_TITLE = re.compile(r"[.!?]\s+[A-Z]|[=_{}<>\\|]")
#: A year 1950-2049 not inside a longer number. The first digit is matched before the
#: look-behind, so the engine skips ahead to a 1 or a 2 (same matches as
#: ``(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)``).
YEAR = re.compile(r"[12](?<!\d[12])(?:(?<=1)9[5-9]|(?<=2)0[0-4])\d(?!\d)")


def is_field_line(text: str) -> bool:
    """True for ``Authors: ...``, ``Total: 1`` and other ``Label:`` metadata lines."""
    m = _FIELD.match(text)
    return bool(m) and m.group(1).strip().lower() in FIELD_NAMES


def looks_like_venue(text: str) -> bool:
    """True for ``In: Proceedings ...``, ``arXiv preprint ...``, ``NeurIPS 2019`` and the like."""
    t = text.strip()
    if _VENUE.match(t):
        return True
    words = t.split()
    return len(words) <= 3 and bool(YEAR.search(t)) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def looks_like_authors(text: str) -> bool:
    """True when ``text`` is a list of person names (``Devlin, J., Chang, M.W.``, ``A. Smith and B. Jones``).

    Needs at least one initial, ``et al.``, a semicolon-separated list, or two or more full names.
    """
    t = text.strip().rstrip(".:,")
    if not t or len(t) > 1200 or _PROSE_WORD.search(t):
        return False
    has_etal = bool(re.search(r"\bet\s+al\b", t))
    t = re.sub(r",?\s*\bet\s+al\b\.?", "", t)
    parts = [p.strip() for p in re.split(r"\s*(?:[,;&]|\band\b)\s*", t) if p.strip()]
    if not parts:
        return has_etal
    if (len(parts) >= 2 and _NAME.match(parts[0]) and _NAME.match(parts[1]) and " " not in parts[0] + parts[1]
            and not _INITIALS.match(parts[1])):
        parts = [f"{parts[1]} {parts[0]}", *parts[2:]]  # "Surname, Given" for the first author
    initials = 0
    for p in parts:
        if _INITIALS.match(p) or _VANCOUVER.match(p):
            initials += 1
        elif _NAME.match(p):
            if re.match(r"^(?:[A-Z]\.\s?-?)+\s*[A-Z]", p):
                initials += 1
        else:
            return False
    if has_etal or initials:
        return True
    return len(parts) >= 2 and (";" in text or all(len(p.split()) >= 2 for p in parts))


def looks_like_person(text: str) -> bool:
    """True for one person's name as an author line lists it (``Jordan Smith,``)."""
    t = text.strip().rstrip(",;").strip()
    return bool(_NAME.match(t)) and 2 <= len(t.split()) <= 4


def title_like(title: str, *, min_words: int = 2, max_words: int = 25) -> bool:
    """True when ``title`` could be a paper title: a few words, not a sentence or a field.

    Examples
    --------
    >>> title_like("Deep Residual Learning for Image Recognition")
    True
    >>> title_like("We show that it works. Then we stop")
    False
    """
    t = title.strip()
    words = t.split()
    if not min_words <= len(words) <= max_words:
        return False
    if not t[:1].isalnum() or t.endswith((",", ";", ":", "-")):
        return False
    if _NOT_IN_TITLE.search(t) or "http" in t or "www." in t or "@" in t:
        return False
    if words[0].lower().strip("\"'") in _NOT_FIRST or is_field_line(t):
        return False
    letters = sum(map(str.isalpha, t))
    return letters >= 0.6 * len(t.replace(" ", "")) and not YEAR.fullmatch(t)


_SMALL = frozenset(
    "a an the and or but of for to in on at by with via from is are all you your we our it its as "
    "vs versus not no do does can be into over under than".split()
)


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def is_title_case(title: str) -> bool:
    """True when most content words of ``title`` start with a capital letter."""
    words = _WORD.findall(title)
    content = [w for w in words if w.lower() not in _SMALL]
    if len(words) < 2 or not content:
        return False
    caps = sum(w[0].isupper() for w in content)
    return caps / len(content) >= 0.7
