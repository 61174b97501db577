"""Paper titles: what no list can hold, found by how text cites or lays out a paper.

In sentences: ``the Deep Residual Learning paper``, ``Scaling Laws Revisited is a paper
that``, ``In Sparse Mixtures at Scale, the authors show``, ``the paper "X"``, a
quoted lower-case title when the sentence talks about research, ``the X technical
report``. By layout (:mod:`papers_layout`): a title line over its abstract, ``Title:``
fields, paper-link texts. In reference lists (:mod:`papers_refs`): numbered entries in
the common citation styles and the lines under a "References" heading.
"""

from __future__ import annotations

import re

from aigraph.extract.papers_layout import find_layout_titles
from aigraph.extract.papers_refs import find_reference_titles
from aigraph.extract.papers_shape import PaperMatch, is_title_case, title_like
from aigraph.extract.papers_text import PaperText
from aigraph.extract.sentences import sentence_at

__all__ = ["PaperMatch", "find_papers", "is_title_case"]

_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b"
)
_Q_OPEN, _Q_CLOSE = "\"'", "\"'"
_TITLE = r"[\"']?(?P<t>[A-Z0-9][^.;:\n\"]{2,120}?[?!]?)[\"']?"
_VERBS = (
    r"(?:find|finds|found|show|shows|showed|shown|propose|proposes|proposed|demonstrate|demonstrates|"
    r"demonstrated|introduce|introduces|introduced|present|presents|presented|argue|argues|argued|"
    r"report|reports|reported|suggest|suggests|suggested|study|studied|describe|described)"
)
_SUBJECTS = r"(?:they|researchers|the researchers|the authors|authors|scientists|the team|we|[A-Z][\w-]+ researchers)"

_PATTERNS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # the Deep Residual Learning paper
    ("rule:paper-the-x-paper", re.compile(rf"\b(?:the|their|a|this|that|his|her|our|its)\s+{_TITLE}\s+(?:paper|preprint|publication)\b"), True),
    # Scaling Laws Revisited is a paper that ...
    (
        "rule:paper-x-is-a-paper",
        re.compile(
            r"(?:^|(?<=[:;.!?])\s+|^\s*[-*•]\s+)[\"']?(?P<t>[A-Z][^.;:\n\"]{2,100}?[?!]?)[\"']?\s+(?:is|was)\s+"
            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:paper|preprint|study)\b",
            re.MULTILINE,
        ),
        False,
    ),
    # In Sparse Mixtures at Scale they find ... ("In" matched before the look-behind that
    # stands for \b, so the engine skips ahead to the next "In")
    ("rule:paper-in-x-they-find", re.compile(rf"In(?<!\wIn)\s+{_TITLE},?\s+{_SUBJECTS}\s+{_VERBS}\b"), True),
    # the paper "X" / a paper titled X
    (
        "rule:paper-titled",
        re.compile(
            r"\b(?:paper|preprint|study|article)\s*,?\s+(?:titled|entitled|called|named)?\s*\"(?P<t>[A-Z0-9][^\"\n]{6,150})\""
        ),
        False,
    ),
    ("rule:paper-titled", re.compile(r"\b(?:paper|preprint|study)\s+(?:titled|entitled|called|named)\s+(?P<t>[A-Z][^.;\n]{4,120}?)(?=[,.;]|\s+\()"), True),
    # "X", a paper ...
    ("rule:paper-quoted", re.compile(r"\"(?P<t>[A-Z][^\"\n]{6,150})\",?\s+(?:a|the|their)\s+(?:new\s+)?(?:paper|preprint|study)\b"), True),
    # a long quoted title in Title Case: ("Progressive Growing of GANs for Improved Quality, ...")
    ("rule:paper-quoted-title", re.compile(r"\"(?P<t>[A-Z][^\"\n]{15,200}?)\""), True),
)


def find_papers(text: str, *, known=lambda name: False, links: bool = False) -> list[PaperMatch]:
    """Return paper titles cited in ``text``.

    ``known`` tells whether a span is already a known entity (a model named like
    ``the GPT-3 paper`` is about that model, not a title). ``links`` adds the text of
    Markdown links (``[Title](https://arxiv.org/abs/...)``); turn it on only where the
    tokenizer splits ``](``, or a title's span runs into the URL.

    Examples
    --------
    >>> [p.title for p in find_papers("Ever since the Deep Residual Learning paper, depth won.")]
    ['Deep Residual Learning']
    """
    page = PaperText.of(text)  # split and lower-cased once for all the finders
    found: list[PaperMatch] = [*find_reference_titles(page, links=links), *find_layout_titles(page, known=known, links=links)]
    for lo, line in _cue_lines(page):
        found.extend(_find_in(line, lo, known))
        found.extend(_quoted_with_cue(line, lo, known))
        found.extend(_labelled(line, lo, known))
        found.extend(r for r in _technical_reports(line, lo, known) if _named_elsewhere(text, r))
    found = [p for p in found if not known(p.title)]
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PaperMatch] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


#: Within one line (the whole text is searched, a match never crosses a line break).
_CUE = re.compile(
    r"(?i:paper|preprint|study|article|publication|technical report|arxiv|pdf)|\bIn[^\S\n]+[\"'A-Z]|\"[A-Za-z]"
)
#: The same cues as plain strings found with ``str.find`` (much faster than a regex scan),
#: the words in the lower-cased text; a mark's literal is then checked where it stands.
_CUE_WORDS = ("paper", "preprint", "study", "article", "publication", "technical report", "arxiv", "pdf")
_CUE_MARKS = (("In", re.compile(r"(?<!\w)In[^\S\n]+[\"'A-Z]")), ('"', re.compile(r"\"[A-Za-z]")))


def _cue_lines(text: str | PaperText):
    """Lines that mention a paper at all (the patterns need one of these cues), in order."""
    page = PaperText.of(text)
    text = page.text
    if not page.low_aligned:  # a character whose lower case is longer: the one pattern
        yield from _lines_with(lambda at: _CUE.search(text, at), text)
        return
    starts: set[int] = set()
    for word in _CUE_WORDS:
        starts.update(page.line_starts_holding(word, lower=True))
    for literal, mark in _CUE_MARKS:
        starts.update(page.line_starts_holding(literal, mark=mark))
    for lo in sorted(starts):
        hi = text.find("\n", lo)
        hi = len(text) if hi == -1 else hi
        yield lo, text[lo:hi]


def _lines_with(search, text: str):
    at = 0
    while (m := search(at)) is not None:
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.start())
        hi = len(text) if hi == -1 else hi
        yield lo, text[lo:hi]
        at = hi + 1


#: Words each of :data:`_PATTERNS` cannot match without (one of each group), checked
#: before the pattern is run on a line.
_PATTERN_NEEDS: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(group) for group in needs)
    for needs in (
        (("paper", "preprint", "publication"),),
        (("paper", "preprint", "study"),),
        (("In",),),
        (('"',), ("paper", "preprint", "study", "article")),
        (("titled", "entitled", "called", "named"), ("paper", "preprint", "study")),
        (('"',), ("paper", "preprint", "study")),
        (('"',),),
    )
)
_NEED_WORDS = frozenset().union(*(group for needs in _PATTERN_NEEDS for group in needs))
#: A cheap pattern a line must match before the costly one of :data:`_PATTERNS` is run on
#: it: every match of the costly one holds a match of the gate.
_PATTERN_GATES: tuple[re.Pattern[str] | None, ...] = (
    None,
    re.compile(r"\s(?:is|was)\s+(?:a|an|the)\s"),  # "X is a paper": its look-behind is tried everywhere
    None,
    None,
    None,
    None,
    None,
)


def _find_in(text: str, offset: int, known) -> list[PaperMatch]:
    found: list[PaperMatch] = []
    present = {w for w in _NEED_WORDS if w in text}  # each word looked for once, not once per pattern
    for (rule, pattern, need_title_case), needs, gate in zip(_PATTERNS, _PATTERN_NEEDS, _PATTERN_GATES, strict=True):
        if any(map(present.isdisjoint, needs)):
            continue  # a group none of whose words is in the line
        if gate is not None and not gate.search(text):
            continue
        for m in pattern.finditer(text):
            raw = m.group("t")
            title = raw.strip().strip("\"'").rstrip(",.")
            start = m.start("t") + (len(raw) - len(raw.lstrip().lstrip("\"'")))
            n_words = len(title.split())
            if n_words < (4 if rule == "rule:paper-quoted-title" else 2) or n_words > 20 or _MONTHS.search(title):
                continue
            if need_title_case and not is_title_case(title):
                continue
            if known(title):
                continue
            found.append(PaperMatch(offset + start, offset + start + len(title), title, rule))
    return found


#: Words that make a sentence about research, so a quoted phrase in it may be a title.
_RESEARCH_CUE = re.compile(
    r"\b(?:papers?|preprints?|study|studies|titled|entitled|article|publication|results?|findings|"
    r"research|researchers|authors|work|published|arxiv)\b",
    re.IGNORECASE,
)
#: A quote not right after a word character. The quote is matched before the look-behind,
#: so the engine skips ahead to the next quote (same matches as ``(?<![\w])"...``).
_QUOTE_ANY = re.compile(r"\"(?<!\w\")(?P<t>[A-Za-z][^\"\n]{8,200}?)[,.]?\"")
#: How titles quoted in lower case start ("the false promise of ...", "on the dangers of ...").
_LOWER_TITLE_START = frozenset("the on towards toward how why what when where whether beyond rethinking revisiting".split())
_NEWS_VERBS = frozenset("said says introduced released launched announced unveiled raised acquired built made".split())
#: A cue right beside a quoted title: "the paper", "titled", or an author-year citation after it.
_CUE_BEFORE = re.compile(r"\b(?:paper|preprint|study|titled|entitled)\s*,?\s*$", re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"\s*,?\s*(?:paper|preprint|study)\b|\s*\([^()\n]{0,60}(?:et al|\b(?:19|20)\d\d\b)[^()\n]{0,20}\)", re.IGNORECASE
)
_NOT_TITLE_START = frozenset("i we you he she they it this that there these those my our your his her their".split())
_TECH_REPORT = re.compile(
    r"\b(?P<t>(?P<n>(?!(?:The|This|A|An|Our|Its|Their|In|On)\b)[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,2})"
    r"\s+(?:[Tt]echnical\s+[Rr]eport|TECHNICAL\s+REPORT))\b"
)


#: How far around a quote its cues and its sentence are looked for (a line can be a whole book).
_WINDOW = 1000
#: ``"X, or Y"``: what follows ``, or`` is the writer's gloss, not the title.
_OR_GLOSS = re.compile(r",\s+or\s")
#: What a quoted phrase has and a title has not: a percentage, an ellipsis, "a/an" after a comma, a quote inside.
_NOT_TITLE_TEXT = re.compile(r"\d%|\.\.\.|\u2026|,\s+an?\s|'\w[^']*'")
#: ``in "X"``, ``from "X"``, ``see "X"``, ``the authors' "X"``: a quote cited as a work.
_CITED_BEFORE = re.compile(r"(?:\b(?:in|from|see)|\w's)\s*$", re.IGNORECASE)
#: ``"Settings" tab``: a quoted name of a place in a document or an interface.
_UI_PLACE = re.compile(r"\W*\s*(?:section|chapter|tab|page|table|menu|button|field|column|folder)\b")


def _search_tail(pattern: re.Pattern[str], before: str, longest: int) -> re.Match[str] | None:
    """``pattern.search(before)`` for a pattern that ends in a word, spaces, commas and ``$``.

    Such a match starts at most ``longest`` characters (its longest word) before where
    the trailing spaces and commas begin, so the engine is started there rather than at
    every position of a window that can be a thousand characters long.
    """
    trimmed = len(before.rstrip().rstrip(",").rstrip())
    return pattern.search(before, max(0, trimmed - longest))


def _sentence(line: str, at: int) -> str:
    lo, hi = sentence_at(line, at, window=_WINDOW)
    return line[lo:hi]


def _quoted_with_cue(line: str, offset: int, known) -> list[PaperMatch]:
    """A quoted phrase in a sentence about research, whatever its case.

    ``results show "the limits of scale, or why ..."`` gives ``the limits of scale``
    (an alternative title after ``, or`` is the writer's gloss).
    """
    found = []
    if '"' not in line:
        return found
    for m in _QUOTE_ANY.finditer(line):
        title = m.group("t")
        cut = _OR_GLOSS.search(title)
        if cut:
            title = title[: cut.start()]
        title = title.rstrip(" ,.")
        words = title.split()
        if len(words) < 3 or words[0].lower() in _NOT_TITLE_START or not title_like(title, max_words=20):
            continue
        before = line[max(0, m.start() - _WINDOW) : m.start()]
        beside = _search_tail(_CUE_BEFORE, before, len("entitled")) or _CUE_AFTER.match(line, m.end())
        if title[0].islower() and words[0] not in _LOWER_TITLE_START and not beside:
            continue  # "a model called X", "from X to Y": phrases, not titles
        if _NOT_TITLE_TEXT.search(title) or not _NEWS_VERBS.isdisjoint(w.lower() for w in words[1:]):
            continue
        in_brackets = line[max(0, m.start() - 2) : m.start()] == " (" and line[m.end() : m.end() + 1] == ")"
        if in_brackets and title[0].isupper() and len(words) >= 4 and not known(title):
            start = offset + m.start("t")  # ("A method for X"): a citation by title
            found.append(PaperMatch(start, start + len(title), title, "rule:paper-quoted-cue"))
            continue
        if beside and not known(title):
            start = offset + m.start("t")
            found.append(PaperMatch(start, start + len(title), title, "rule:paper-quoted-cue"))
            continue
        context = _sentence(line, m.start()).replace(m.group(0), " ")
        cited_in = _search_tail(_CITED_BEFORE, before, len("from")) and (
            title[0].islower() or is_title_case(title)
        ) and not _UI_PLACE.match(line, m.end())
        if not (cited_in or _RESEARCH_CUE.search(context)) or known(title):
            continue
        start = offset + m.start("t")
        found.append(PaperMatch(start, start + len(title), title, "rule:paper-quoted-cue"))
    return found


def _technical_reports(line: str, offset: int, known) -> list[PaperMatch]:
    """``the GPT-4 technical report``: a model's report is a publication of its own."""
    found = []
    if "echnical" not in line and "TECHNICAL" not in line:
        return found
    for m in _TECH_REPORT.finditer(line):
        title, name = m.group("t"), m.group("n")
        if not (re.search(r"\d|[a-z][A-Z]|[A-Z]{2}", name) or known(name)):
            continue  # "Annual technical report": not a model's name
        found.append(PaperMatch(offset + m.start("t"), offset + m.end("t"), title, "rule:paper-technical-report"))
    return found


def _named_elsewhere(text: str, report: PaperMatch) -> bool:
    """Whether the model a technical report is named after is mentioned outside the title too.

    The report's title takes its words, so without another mention the model would be lost.
    """
    name = report.title.rsplit(None, 2)[0]
    return any(m.start() != report.start for m in re.finditer(re.escape(name), text))


_LABEL_FIELD = re.compile(
    r"^[ \t]*(?:[-*\u2022]\s*)?(?:paper|publication|preprint)(?:\s+title)?\s*:\s*(?P<t>\S[^\n]{3,250}?)\s*$", re.IGNORECASE
)
_LINK_MARK = re.compile(
    r"^[ \t]*(?:[-*\u2022]\s*|\d{1,3}[.)]\s*)?(?P<t>[A-Z][^\n()\[\]]{4,250}?)\s*[(\[](?:paper|arxiv|pdf|preprint)[)\]]",
    re.IGNORECASE,
)


def _labelled(line: str, offset: int, known) -> list[PaperMatch]:
    """``Paper: Title`` fields and ``Title [paper]`` / ``Title (arXiv)`` link marks in lists."""
    # Each pattern is tried only where the plain characters it needs are in the line.
    m = _LABEL_FIELD.match(line) if ":" in line else None
    rule = "rule:paper-field"
    if m is None:
        has_marks = ("(" in line or "[" in line) and (")" in line or "]" in line)
        m, rule = _LINK_MARK.match(line) if has_marks else None, "rule:paper-link-mark"
    if m is None:
        return []
    title = m.group("t").rstrip(" .,:-")
    if not title_like(title, max_words=35) or known(title):
        return []
    if rule == "rule:paper-link-mark" and not (is_title_case(title) or ": " in title):
        return []
    start = offset + m.start("t")
    return [PaperMatch(start, start + len(title), title, rule)]
