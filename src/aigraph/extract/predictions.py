"""Predictions a report makes, and the grades a later report gives them.

A report's predictions section lists what it expects of the next twelve months;
the next report opens its own predictions section with a scorecard that grades
them (yes / no / sort of, with the evidence). Both are read from a document's
blocks here; :func:`match_outcomes` (:mod:`.predictions_matching`) ties each
grade to the prediction it grades by text similarity (rapidfuzz), and reports
what it cannot tie, never guessing.

Forms read: bullets or numbered items under a heading that names predictions,
``Prediction: ...`` and ``We predict ...`` anywhere; scorecard lines with a
grade word or mark (``Yes``, ``No``, ``Sort of``, ``Partly``, ✅ ❌ 🟡 🟠,
``Grade: yes``), and scorecard table rows (``| prediction | grade | evidence |``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from aigraph.extract.grades import _MARKS, _WORDS, GRADES, grade_of
from aigraph.extract.predictions_matching import OutcomeMatch, match_outcomes
from aigraph.extract.textnorm import may_hold_any
from aigraph.records import Document, Outcome, Prediction

__all__ = [
    "GRADES",
    "Outcome",
    "empty_prediction_sections",
    "name_entities",
    "OutcomeMatch",
    "Prediction",
    "find_outcomes",
    "find_predictions",
    "grade_of",
    "match_outcomes",
]

_SCORECARD_SECTION = re.compile(
    r"scorecard|score ?card|how did (?:we|our predictions) do|review of (?:last|our|the \d{4}) predictions|"
    r"(?:last|previous) year'?s predictions|predictions? (?:graded|reviewed)|grading", re.IGNORECASE)
_PREDICTION_SECTION = re.compile(
    r"\bpredictions?\b|\bforecasts?\b|next (?:12|twelve) months|the year ahead|what we expect", re.IGNORECASE)
_PREDICTION_LEAD = re.compile(r"^\s*(?:prediction\s*(?:\d+\s*)?[:.\-–—]\s*|we predict(?:\s+that)?\s+)", re.IGNORECASE)
_EXPECT_LEAD = re.compile(r"^\s*we (?:expect|forecast|anticipate)(?:\s+that)?\s+", re.IGNORECASE)
#: A block this short that names predictions or a scorecard acts as a heading in plain text.
_HEADING_CHARS = 90
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•▪●◦]|#\d{1,2}:?)\s+")
_TALK_ABOUT = re.compile(r"\bpredictions\b|:\s*$", re.IGNORECASE)
#: What a ``Prediction: ...`` or ``We predict ...`` line (:data:`_PREDICTION_LEAD`) holds.
_PREDICT = re.compile(r"predict", re.IGNORECASE)


def _may_lead(text: str) -> bool:
    """Whether ``text`` holds "predict" in any case, as every line with a prediction lead does.

    A cheap test that lets most blocks outside a predictions section or scorecard be
    skipped unread. ASCII text is lower-cased and scanned for the word (several times
    faster than the case-blind pattern); other text keeps the pattern's case folding.
    """
    return "predict" in text.lower() if text.isascii() else _PREDICT.search(text) is not None


def _slide(block) -> int | None:
    return block.slides[0] if block.slides else None


def _clean(text: str) -> str:
    return " ".join(_NUMBERING.sub("", text).split())


def _walk(doc: Document):
    """Each block with the context it stands in and whether it opens that context.

    The context is ``"scorecard"``, ``"predictions"`` or ``None``. The section heading
    decides; in plain text, a short line that names a scorecard or predictions opens
    such a context until the next heading. A deck slide's context is its title's (its
    first line), for that slide only. Page furniture (a navigation bar that lists a
    "Predictions" section on every slide) opens nothing. Heading-like blocks come with ``True``.
    """
    current: str | None = None
    closed: str | None = None  # a predictions section a later heading closed (e.g. "Resources")
    by_section: dict[str, str | None] = {}  # a section name's context, read once per document
    for block in doc.blocks:
        if block.kind == "chrome":
            yield block, current, False
            continue
        # Only a slide (by its title), a heading or a block outside slides can name a
        # section by its text; the text of most blocks, items of a slide, is not needed.
        raw = doc.block_text(block).strip() if block.kind in ("slide", "heading") or not block.slides else ""
        if block.kind == "slide" and "\n" in raw:
            title = raw.split("\n", 1)[0]
            named = len(title) <= _HEADING_CHARS and may_hold_any(title, _SECTION_WORDS)
            if named and _SCORECARD_SECTION.search(title):
                yield block, "scorecard", False
                continue
            if named and _PREDICTION_SECTION.search(title) and not _PREDICTION_LEAD.match(title):
                yield block, "predictions", False
                continue
        short = block.kind == "heading" or (len(raw) <= _HEADING_CHARS and "\n" not in raw and not block.slides)
        if short:
            named = may_hold_any(raw, _SECTION_WORDS)
            if named and _SCORECARD_SECTION.search(raw):
                current, closed = "scorecard", None
                yield block, current, True
                continue
            if named and _PREDICTION_SECTION.search(raw) and not raw.startswith(("Prediction:", "We predict")):
                current, closed = "predictions", None
                if block.kind == "heading" or raw.endswith((":", "?")) or len(raw.split()) <= 6:
                    yield block, current, True
                    continue
            elif block.kind == "heading":
                current, closed = None, block.section
                yield block, current, True
                continue
        if block.section and block.section != closed:
            if block.section not in by_section:
                by_section[block.section] = _section_context(block.section)
            if by_section[block.section] is not None:
                yield block, by_section[block.section], False
                continue
        yield block, current, False


#: Words (lower-cased) one of which every match of :data:`_SCORECARD_SECTION` or
#: :data:`_PREDICTION_SECTION` holds.
_SECTION_WORDS = ("score", "how did", "review of", "predict", "grading", "forecast", "months", "year ahead", "expect")


def _section_context(name: str) -> str | None:
    """The context a section's name gives its blocks: ``"scorecard"``, ``"predictions"`` or ``None``."""
    if _SCORECARD_SECTION.search(name):
        return "scorecard"
    if _PREDICTION_SECTION.search(name):
        return "predictions"
    return None


def _contexts(doc: Document):
    """Each content block with what it stands under (see :func:`_walk`)."""
    for block, context, heading in _walk(doc):
        if not heading:
            yield block, context


def empty_prediction_sections(doc: Document, predictions: Sequence[Prediction]) -> list[tuple[str, int]]:
    """The predictions sections of a document in which no prediction was read.

    Returns ``(heading, start)`` per such section: its heading text (or section name)
    and where it starts, so a build can report it. A scorecard is not such a section.

    Examples
    --------
    >>> from aigraph.records import Block, Document
    >>> text = "Predictions\\nWe make none this year."
    >>> doc = Document("x.md", text, (Block(0, 11, "heading", section="Predictions"),
    ...                               Block(12, 35, "text", section="Predictions")))
    >>> empty_prediction_sections(doc, [])
    [('Predictions', 0)]
    """
    sections: list[list] = []  # [heading, start, end, has a body yet]
    opened = False
    for block, context, heading in _walk(doc):
        if context != "predictions":
            opened = False
            continue
        name = " ".join(doc.block_text(block).split()) if heading else (block.section or "")
        # An intro line ending in a colon right under the heading belongs to its section.
        if not opened or (heading and sections[-1][3]):
            sections.append([name, block.start, block.end, not heading])
            opened = True
            continue
        sections[-1][2] = block.end
        sections[-1][3] = sections[-1][3] or not heading
    starts = [p.start for p in predictions]
    return [(name, start) for name, start, end, _ in sections
            if not any(start <= at < end for at in starts)]


def name_entities(predictions: Sequence[Prediction], entities: Iterable) -> list[Prediction]:
    """The predictions with the entities each names: those with a mention inside its span.

    ``entities`` are :class:`~aigraph.records.Entity` records of the same document;
    metrics are left out (a measured result is not what a prediction is about).

    Examples
    --------
    >>> from aigraph.records import Entity, Mention
    >>> p = Prediction("Acme would raise $1B.", 2030, 3, 10, 31, 1)
    >>> acme = Entity("ORG", "Acme Corp", mentions=[Mention("Acme", "ORG", 10, 14)])
    >>> name_entities([p], [acme])[0].entities
    (('ORG', 'Acme Corp'),)
    """
    import bisect
    from dataclasses import replace

    if not predictions:
        return []
    # The mentions between the first prediction's start and the last one's end (most of
    # a document's lie outside), in order of start: each prediction reads only its own.
    lo, hi = min(p.start for p in predictions), max(p.end for p in predictions)
    spans = sorted((m.start, m.end, e.label, e.name) for e in entities if e.label != "METRIC"
                   for m in e.mentions if lo <= m.start <= hi)
    starts = [span[0] for span in spans]
    out = []
    for p in predictions:
        inside = spans[bisect.bisect_left(starts, p.start) : bisect.bisect_right(starts, p.end)]
        named = tuple(sorted({(label, name) for _, end, label, name in inside if end <= p.end}))
        out.append(p if named == p.entities else replace(p, entities=named))
    return out


def find_predictions(doc: Document) -> list[Prediction]:
    """The predictions a document makes (see the module docstring for the forms).

    Examples
    --------
    >>> from aigraph.records import Block, Document
    >>> text = "Predictions\\nWe made three.\\nAcme would raise $1B.\\nPrediction: Zeta would open-source its model."
    >>> blocks = (Block(0, 11, "heading", section="Predictions"), Block(12, 26, "text", section="Predictions"),
    ...           Block(27, 48, "bullet", (9,), "Predictions"), Block(49, 94, "text", (), "Other"))
    >>> [(p.text, p.slide) for p in find_predictions(Document("x.md", text, blocks, year=2024))]
    [('Acme would raise $1B.', 9), ('Zeta would open-source its model.', None)]
    """
    found: list[Prediction] = []
    for block, context in _contexts(doc):
        if block.kind not in ("bullet", "text", "slide") or context == "scorecard":
            continue
        raw = doc.block_text(block)
        if context is None and not _may_lead(raw):
            continue  # outside a predictions section, only a line with a prediction lead is read
        for line_start, line in _lines(raw, block.start):
            bare = _NUMBERING.sub("", line)
            lead = _PREDICTION_LEAD.match(bare) or (context == "predictions" and _EXPECT_LEAD.match(bare))
            is_item = block.kind == "bullet" or bool(_NUMBERING.match(line))
            if not lead and not (context == "predictions" and is_item):
                continue
            if grade_of(line):
                continue  # a graded line is an outcome, wherever it stands
            text = " ".join(bare.split())  # _clean(line), its numbering already taken off
            if lead:
                text = _EXPECT_LEAD.sub("", _PREDICTION_LEAD.sub("", text))
            if len(text.split()) < 3 or (not lead and _TALK_ABOUT.search(text)):
                continue
            text = text[:1].upper() + text[1:]
            found.append(Prediction(text, doc.year, _slide(block), line_start, line_start + len(line), len(found) + 1))
    return found


def _lines(raw: str, offset: int):
    at = 0
    for line in raw.split("\n"):
        if line.strip():
            yield offset + at, line
        at += len(line) + 1


#: Marks that grade only as a whole table cell (too common in prose to read anywhere).
_CELL_MARKS = {"~": "partly", "≈": "partly", "½": "partly", "±": "partly"}
_NUMBER_CELL = re.compile(r"#?\d{1,3}[.)]?")


def _table_outcome(line: str) -> tuple[str, str, str] | None:
    if "|" not in line:
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 2:
        return None
    # A row number ("| 3 |") is neither the claim nor evidence.
    cells = [c for c in cells if not _NUMBER_CELL.fullmatch(c)]
    for i, cell in enumerate(cells):
        grade = _MARKS.get(cell) or _CELL_MARKS.get(cell) or _WORDS.get(cell.casefold().strip(" .*_"))
        if grade is None:
            hit = grade_of(cell)
            grade = hit[0] if hit and len(cell) - (hit[2] - hit[1]) <= 3 else None
        if grade:
            claim = max(cells[:i] or cells[i + 1:], key=len)
            evidence = " ".join(c for j, c in enumerate(cells) if j != i and c != claim)
            return claim, grade, evidence
    return None


_RULE_LINE = re.compile(r"[\s|:\-]+")
_CLAIM_END = re.compile(r":\s|\s[-–—]\s")


def _claim_and_evidence(text: str) -> tuple[str, str]:
    m = _CLAIM_END.search(text)
    return (text[: m.start()], text[m.end():]) if m else (text, "")


def find_outcomes(doc: Document) -> list[Outcome]:
    """The grades a document gives earlier predictions (scorecard lines and table rows)."""
    found: list[Outcome] = []
    for block, context in _contexts(doc):
        if block.kind not in ("bullet", "text", "slide"):
            continue
        raw = doc.block_text(block)
        if context != "scorecard" and "|" not in raw and not _may_lead(raw):
            continue  # outside a scorecard, only a table row or a line with a prediction lead is graded
        lines = list(_lines(raw, block.start))
        used: set[int] = set()
        for i, (line_start, line) in enumerate(lines):
            if i in used or _RULE_LINE.fullmatch(line):
                continue  # a table's rule line, or a line a lone grade took
            table = _table_outcome(line)
            lone = _lone_grade(line) if context == "scorecard" else None
            if table:
                claim, grade, evidence = table
            elif lone:
                # Deck text of a scorecard table: the claim, its grade alone on a line, the evidence.
                claim, evidence = _lone_neighbours(lines, i, found, used)
                grade = lone
                if claim is None:
                    continue
                line_start = lines[i - 1][0]
                line = doc.text[line_start : lines[i][0] + len(lines[i][1])]
            else:
                # the cheap test first: only a scorecard's or a prediction's line is graded
                if not (context == "scorecard" or _PREDICTION_LEAD.match(_NUMBERING.sub("", line))):
                    continue
                hit = grade_of(line)
                if hit is None:
                    continue
                grade, lo, hi = hit
                before, after = _clean(line[:lo]).strip(" -–—:;,."), line[hi:].lstrip(" -–—:;,.").rstrip()
                if len(before.split()) >= 3:
                    claim, evidence = before, after
                else:  # the grade opens the line: the claim, then its evidence after a colon or dash
                    claim, evidence = _claim_and_evidence(after)
            claim = _PREDICTION_LEAD.sub("", _clean(claim))
            if len(claim.split()) < 3:
                continue
            found.append(Outcome(claim, grade, " ".join(evidence.split()), doc.year, _slide(block),
                                 line_start, line_start + len(line)))
    return found


def _lone_grade(line: str) -> str | None:
    """The grade of a line that is nothing but a grade word or mark (``Sort of``, ``✅``)."""
    bare = line.strip().strip(" .!*_")
    return _MARKS.get(bare) or _WORDS.get(bare.casefold())


def _lone_neighbours(lines, i: int, found: list, used: set[int]) -> tuple[str | None, str]:
    """The claim above a lone grade line and the evidence below it (when that is not a claim)."""
    if i == 0 or (i - 1) in used or _lone_grade(lines[i - 1][1]):
        return None, ""
    claim = lines[i - 1][1]
    if len(claim.split()) < 3 or (found and found[-1].end > lines[i - 1][0]):
        return None, ""
    evidence = ""
    after = i + 1
    if after < len(lines) and not _lone_grade(lines[after][1]) and not (
            after + 1 < len(lines) and _lone_grade(lines[after + 1][1])):
        evidence = lines[after][1]
        used.add(after)
    used.add(i - 1)
    return claim, evidence
