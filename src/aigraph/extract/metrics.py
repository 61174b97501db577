"""Metric results: a number together with what it measures.

``84.2% top-1 accuracy on ImageNet``, ``0.72 AUC``, ``an accuracy of 92%``,
``reduced MAE ... by 14%``, ``99.4% win rate``, ``90.0% on MMLU``, ``3x more
citations``. Shares of papers, money, head counts and dates are not metrics.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aigraph.lexicon import lower_words

#: A number not glued to a word, a dot, a currency sign, a slash or a hyphen. Its first
#: character is matched before the look-behind, so a pattern starting with it scans for
#: digits at C speed; the same matches as
#: ``(?<![\w.$€£/-])(?P<num>[~≈]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[~≈]?\d+(?:\.\d+)?)``.
_NUM = (r"(?P<num>[~≈\d](?<![\w.$€£/-][~≈\d])(?:(?<=[~≈])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        r"|(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)))")
_PCT = r"(?P<unit>\s?%|\s?percent\b|\s?pp\b|\s?percentage points?\b)"
_MULT = r"(?P<unit>\s?[x×])(?![\w])"
_FILLER = r"(?:(?!(?:of|at|in|on|for|to|and|or|than|the|with)\b)(?:[a-z][\w-]*|\d+-shot|\d+-[a-z]+)\s+){0,2}?"
_DATASET_TAIL = (
    r"(?:\s+(?:on|in|at|for)\s+(?:the\s+)?(?P<ds>[A-Z][\w+-]*(?:\.[\w+-]+)*(?:\s+(?:[A-Z0-9][\w+-]*(?:\.[\w+-]+)*)){0,2}))?"
)
_COMPARATIVE = (
    r"(?:less|fewer|more|faster|slower|cheaper|higher|lower|better|"
    r"speed-?up|efficient|more efficient|improvement|reduction|increase|gain)"
)
_DELTA_VERBS = (
    r"(?:reduc|improv|cut|lower|decreas|increas|boost|rais|halv|shrink|speed(?:ing)? up|sped up|"
    r"outperform|beat)\w*"
)


@dataclass(frozen=True, slots=True)
class MetricMatch:
    """One metric found in a text; offsets index the text searched."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    measure: str
    kind: str  # "absolute", "delta" or "multiplier"
    dataset: str | None = None


@functools.cache
def _measure_alternation() -> str:
    """The measure terms, longest first, grouped by first letter: ``a(?:ccuracy|uc)|f(?:1)``.

    Ignoring case, the engine cannot skip an alternative by its first letter, so a flat
    list of the ~100 terms is entered term by term at every place; grouped, it enters
    one group per letter. Only the group of the letter at hand can match, and within it
    the terms keep their order, so the matches are those of the flat list.
    """
    groups: dict[str, list[str]] = {}
    for t in sorted(lower_words("measures"), key=len, reverse=True):
        groups.setdefault(t[0], []).append(re.escape(t[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    m = _measure_alternation()
    measure = rf"(?P<measure>(?<![\w-])(?:{m})(?![\w-]))"
    flags = re.IGNORECASE
    return (
        # 84.2% top-1 accuracy on ImageNet / 0.72 AUC / 99.4% win rate
        ("absolute", re.compile(rf"{_NUM}(?:{_PCT})?\s+{_FILLER}{measure}{_DATASET_TAIL}", flags)),
        # an accuracy of 92% / AUC of 0.72 / a GDT score of 92.4
        (
            "absolute",
            re.compile(
                rf"{measure}(?:\s*[:=]|\s+(?:of|at|reaching|reached|above|over|around))\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?"
                rf"{_NUM}(?:{_PCT})?{_DATASET_TAIL}",
                flags,
            ),
        ),
        # cut the forecast error of a 12-hour window by 9%
        (
            "delta",
            re.compile(
                rf"\b{_DELTA_VERBS}\s+(?:the\s+|its\s+|their\s+)?{measure}(?:\s+[\w-]+){{0,6}}?\s+by\s+"
                rf"(?:up\s+to\s+|about\s+|around\s+|nearly\s+|over\s+)?{_NUM}{_PCT}",
                flags,
            ),
        ),
        # 23x less data / 3x more citations
        ("multiplier", re.compile(rf"{_NUM}{_MULT}\s+{_COMPARATIVE}(?:\s+(?!(?:at|and|or|than|the|a|an|of|in|on|to|for|with|while|but|as)\b)[A-Za-z][\w-]*(?:\s+(?:hours|tokens|parameters|compute|data|memory|cost))?)?", flags)),
    )


_ON_DATASET = re.compile(
    rf"{_NUM}(?:{_PCT}|(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d))\s+(?:on|in)\s+(?:the\s+)?(?P<ds>[A-Z][\w+-]*(?:\.[\w+-]+)*(?:\s+[A-Z0-9][\w+-]*(?:\.[\w+-]+)*){{0,2}})"
)
#: What every :data:`_ON_DATASET` match holds: " on"/" in" before a capital (a fast scan for "n").
_ON_NAME_AHEAD = re.compile(r"n(?<=\s[oi]n)\s+(?:the\s+)?[A-Z]")
_ON_NAME = re.compile(r"\s+on\s+(?:the\s+)?(?P<ds>[A-Z][\w+-]*(?:\.[\w+-]+)*(?:\s+[A-Z0-9][\w+-]*(?:\.[\w+-]+)*){0,2})")
_BY_BEFORE = re.compile(r"\bby\s+(?:up\s+to\s+|about\s+|around\s+|nearly\s+|over\s+)?$")
_TRAILING_PREP = re.compile(r"\s+(?:on|in|at|for)\s+(?:the\s+)?$")
_BARE_MEASURES = frozenset({"score", "scores", "points", "performance", "error", "return", "compute", "latency", "throughput", "agreement", "reward"})
_MONEY_OR_COUNT = re.compile(r"^\s?(?:[BMKT]\b|bn\b|billion|million|trillion|thousand|k\b)", re.IGNORECASE)


#: "scoring 90.0%", "achieved 67%": a percentage reported as what a model scored.
_SCORED = re.compile(
    rf"\b(?:scor(?:es|ed|ing)|achiev(?:es|ed|ing)|reach(?:es|ed|ing)|obtain(?:s|ed|ing)|post(?:s|ed|ing)|hit(?:s|ting)?|attain(?:s|ed|ing))\s+"
    rf"(?:an?\s+(?:average\s+)?(?:of\s+)?)?(?P<q>(?:(?:just\s+)?(?:about|around|roughly|nearly|almost|over|under|above|only|more\s+than)\s+)?)"
    rf"{_NUM}(?P<unit>\s?%|\s?percent\b)(?!\s+(?:of|in|at)\b)"
    # "..., with 90.0%." - a bare percentage after "with" that ends the clause
    rf"|\bwith\s+(?:an?\s+(?:average\s+|score\s+)?(?:of\s+)?)?(?P<q2>(?:(?:just\s+)?(?:about|around|nearly|almost|over|only)\s+)?)"
    rf"(?P<num2>(?<![\w.$€£/-])[~≈]?\d+(?:\.\d+)?)(?P<unit2>\s?%)(?=\s*(?:[,.;)]|$|\s+on\b))"
)


def _value(num: str) -> float:
    return float(num.lstrip("~≈").replace(",", ""))


#: What every metric pattern needs somewhere: a number with a unit, a decimal, or thousands.
_DIGIT = re.compile(r"\d(?:\s?(?:%|[x×](?!\w)|percent\b|pp\b|percentage)|[.,]\d|(?<=\bof \d)|\s+(?i:elo)\b)")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around numbers, cut at line breaks: the only places a metric can be."""
    spans: list[list[int]] = []
    for m in _DIGIT.finditer(text):
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 160)
        hi = text.find("\n", m.start())
        hi = min(len(text) if hi == -1 else hi, m.start() + 200)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def find_metrics(text: str, *, is_dataset=lambda name: False) -> list[MetricMatch]:
    """Return the metric results in ``text``, left to right, without overlaps.

    ``is_dataset`` tells whether a capitalised name after "N% on" names a dataset
    or benchmark (``90.0% on MMLU``); without it, that form is not used.

    Examples
    --------
    >>> [m.text for m in find_metrics("SEER reaches 84.2% top-1 accuracy on ImageNet.", is_dataset={"ImageNet"}.__contains__)]
    ['84.2% top-1 accuracy on ImageNet']
    >>> find_metrics("26% of papers share code; it raised $3B.")
    []
    """
    found: list[MetricMatch] = []
    for lo, hi in _windows(text):
        for m in _find_in(text[lo:hi], is_dataset):
            found.append(_shifted(m, lo))
    prose = _without_overlaps(found)
    prose = _without_overlaps(prose + _forms(text, is_dataset, [(f.start, f.end) for f in prose]))
    prose = _without_glued_repeats(text, prose)
    cells = table_metrics(text, is_dataset=is_dataset)
    if not cells:
        return prose
    return sorted(cells + [f for f in prose if not any(c.start < f.end and f.start < c.end for c in cells)],
                  key=lambda f: f.start)


def _without_glued_repeats(text: str, found: list[MetricMatch]) -> list[MetricMatch]:
    """Drop ``+18.8pp`` (its token reads as "18") when the text also writes the same result apart."""
    apart = {(f.value, f.unit) for f in found if not text.startswith("pp", f.end)}
    return [f for f in found if not (text.startswith("pp", f.end) and (f.value, f.unit) in apart)]


def _shifted(m: MetricMatch, by: int) -> MetricMatch:
    return MetricMatch(m.start + by, m.end + by, m.text, m.value, m.unit, m.measure, m.kind, m.dataset)


def _forms(text: str, is_dataset, found: list[tuple[int, int]]) -> list[MetricMatch]:
    """Results in the prose forms of :mod:`aigraph.extract.metric_forms`."""
    from aigraph.extract import metric_forms as mf

    measures = lower_words("measures")
    is_measure = measures.__contains__
    tuples = (*mf.from_to(text), *mf.share_of_tasks(text), *mf.benchmark_values(text, is_dataset),
              *mf.n_of_m(text), *mf.slash_pairs(text, lambda w: w.lower() in measures), *mf.ranked_scores(text),
              *mf.pushed_to(text, is_measure, is_dataset), *mf.by_points(text), *mf.top_percent(text))
    tuples = (*tuples, *mf.versus_partners(text, found + [(t[0], t[1]) for t in tuples]))
    return [MetricMatch(start, end, text[start:end], value, unit, measure, kind, ds)
            for start, end, value, unit, kind, measure, ds in tuples]


def table_metrics(text: str, *, is_dataset=lambda name: False) -> list[MetricMatch]:
    """One metric per score cell of the result tables in ``text`` (see :mod:`aigraph.extract.tables`).

    The benchmark is the row label or the column header that ``is_dataset`` knows
    (a trailing ``(5-shot)`` dropped); otherwise the header names the measure.

    Examples
    --------
    >>> text = "| Benchmark | Model-A |\\n|---|---|\\n| MMLU (5-shot) | 81.2 |\\n"
    >>> [(m.text, m.dataset) for m in table_metrics(text, is_dataset={"MMLU"}.__contains__)]
    [('81.2', 'MMLU')]
    """
    from aigraph.extract.tables import find_tables

    out: list[MetricMatch] = []
    for table in find_tables(text):
        for c in table.cells:
            label = text[c.label[0] : c.label[1]] if c.label else ""
            head = text[c.header[0] : c.header[1]] if c.header else ""
            ds = next((core for core in map(_core_name, (label, head)) if core and is_dataset(core)), None)
            measure = "score" if ds or not head else head.lower()
            raw = c.text.strip()
            unit = "%" if raw.endswith("%") else ""
            out.append(MetricMatch(c.start, c.end, c.text, _value(raw.rstrip("% ").lstrip("+")), unit, measure, "absolute", ds))
    return out


def _core_name(cell: str) -> str:
    """``MMLU (5-shot)`` -> ``MMLU``; ``**GSM8K**`` -> ``GSM8K``."""
    return re.sub(r"\s*[(\[].*$", "", cell).strip(" *_")


#: "of 92", "reaching 90", ": 0.72": a connector before a number. Written as alternatives
#: that each begin with a plain character (the engine scans for those first characters
#: fast, and passes over an alternative whose first character differs) rather than \b;
#: the same matches as ``(?:\bof|\bat|:|=|\breach(?:ing|ed)|\babove|\bover|\baround)\s+...``.
_CONNECTOR_NUM = re.compile(
    r"(?:o(?<!\wo)(?:f|ver)|a(?<!\wa)(?:t|bove|round)|:|=|r(?<!\wr)each(?:ing|ed))"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?[~≈]?\d"
)


@functools.cache
def _starts():
    """Where each pattern of :func:`_patterns` can begin, as functions text -> positions.

    Numbers with a unit or a decimal point (bare integers such as years and counts start
    nothing); a measure written just before "of 92%", found from the connector back;
    an improvement verb.
    """
    # The same matches as
    # ``{_NUM}(?=\s?(?:%|[x×](?!\w)|percent\b|pp\b|percentage))|(?<![\w.$€£/-])[~≈]?\d+\.\d+``
    # ``|(?<![\w.$€£/-])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\w.$€£/-])\d+(?=\s+(?i:elo)\b)``:
    # the first character, common to all four, is matched first (fast to scan for) and
    # each branch goes on from the second.
    number = re.compile(
        r"[~≈\d](?<![\w.$€£/-][~≈\d])"
        r"(?:(?:(?<=[~≈])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
        r"(?=\s?(?:%|[x×](?!\w)|percent\b|pp\b|percentage))"
        r"|(?<=[~≈])\d+\.\d+|(?<=\d)\d*\.\d+"
        r"|(?<=\d)\d{0,2}(?:,\d{3})+(?![\d.])"
        r"|(?<=\d)\d*(?=\s+(?i:elo)\b))"
    )
    terms = lower_words("measures")
    word_start = re.compile(r"(?<![\w-])\w")
    verb = re.compile(r"\b(?i:reduc|improv|cut|lower|decreas|increas|boost|rais|halv|shrink|sp[ee]+d|outperform|beat)")
    # the delta pattern's ending, "... by N%": without it no delta form can be there
    by_percent = re.compile(rf"\sby\s+(?:up\s+to\s+|about\s+|around\s+|nearly\s+|over\s+)?{_NUM}{_PCT}", re.IGNORECASE)
    times = re.compile(r"[~≈]?[\d,.]+\s?[xX×]")

    last: list = [None, ()]  # the text last asked about and its number starts (two patterns ask)

    def numbers(text: str):
        if last[0] is not text:
            last[:] = [text, [m.start() for m in number.finditer(text)]]
        return iter(last[1])

    def measure_at_end(text: str, lo: int, hi: int) -> int | None:
        # The earliest word start (a letter after no word character or hyphen) in
        # text[lo:hi] from which a measure runs to the end (trailing spaces aside; a
        # space in a term matches any run of whitespace).
        end = hi
        while end > lo and text[end - 1].isspace():
            end -= 1
        for w in word_start.finditer(text, lo, end):
            p = w.start()
            if text[p].isalpha() and " ".join(text[p:end].split()).lower() in terms:
                return p
        return None

    def measures(text: str):
        for c in _CONNECTOR_NUM.finditer(text):
            at = measure_at_end(text, max(0, c.start() - 40), c.start())
            if at is not None:
                yield at

    def verbs(text: str):
        if not by_percent.search(text):
            return iter(())
        return (m.start() for m in verb.finditer(text))

    def multipliers(text: str):
        # numbers with an "x" after them: the multiplier form cannot start anywhere else
        return (at for at in numbers(text) if times.match(text, at))

    return (numbers, measures, verbs, multipliers)


def _anchored(pattern: re.Pattern[str], starts, text: str):
    """``pattern.finditer(text)``, tried only at the given start positions (far fewer places)."""
    end = -1
    for at in starts(text):
        if at < end:
            continue
        m = pattern.match(text, at)
        if m:
            end = m.end()
            yield m


def _find_in(text: str, is_dataset) -> list[MetricMatch]:
    found: list[MetricMatch] = []
    for (base_kind, pattern), start in zip(_patterns(), _starts()):
        for m in _anchored(pattern, start, text):
            kind = base_kind
            num = m.group("num")
            unit = (m.group("unit") or "").strip().lower() if "unit" in m.groupdict() else ""
            measure = (m.groupdict().get("measure") or "").lower()
            if _MONEY_OR_COUNT.match(text, m.end("num")):
                continue
            if kind == "absolute" and not unit:
                bare_int = "." not in num
                score_of = measure in ("score", "rating", "elo", "elo score", "elo rating") and m.start("measure") < m.start("num")
                if bare_int and not score_of and (measure in _BARE_MEASURES or m.start("measure") - m.end("num") > 1):
                    continue
                if bare_int and re.fullmatch(r"(?:19|20)\d\d", num.lstrip("~≈")):
                    continue
            if kind == "absolute" and measure in _BARE_MEASURES and not unit and m.start("measure") > m.start("num"):
                continue
            if kind == "absolute" and _BY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                kind = "delta"
            unit = {"percent": "%", "×": "x", "pp": "pp"}.get(unit, unit)
            if unit.startswith("percentage"):
                unit = "pp"
            ds = m.groupdict().get("ds")
            end = m.end()
            if ds and not is_dataset(ds):
                ds = None
                head = text[m.start() : m.start("ds")]
                end = m.start() + len(_TRAILING_PREP.sub("", head))
            found.append(
                MetricMatch(m.start(), end, text[m.start() : end], _value(num), unit, measure, kind, ds)
            )
    for m in _SCORED.finditer(text) if "%" in text or "percent" in text else ():  # every match holds one
        num = "num" if m.group("num") else "num2"
        if any(f.start <= m.start(num) < f.end for f in found):
            continue  # a fuller form ("91.1% top-1 accuracy on ImageNet") already has it
        tail = _ON_NAME.match(text, m.end())
        if tail and is_dataset(tail.group("ds")):
            continue  # "67.0% on HumanEval" below names it with its benchmark
        start = m.start() if num == "num" else (m.start("q2") if m.group("q2") else m.start(num))
        found.append(MetricMatch(start, m.end(), text[start : m.end()], _value(m.group(num)), "%", "score", "absolute"))
    for m in _ON_DATASET.finditer(text) if _ON_NAME_AHEAD.search(text) else ():
        ds = m.group("ds")
        if is_dataset(ds):
            raw_unit = (m.group("unit") or "").lower()
            unit = "" if not raw_unit else "pp" if "p" in raw_unit and "%" not in raw_unit else "%"
            found.append(MetricMatch(m.start(), m.end(), m.group(0), _value(m.group("num")), unit, "", "absolute", ds))
    return found


def _without_overlaps(found: list[MetricMatch]) -> list[MetricMatch]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[MetricMatch] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            prev = kept[-1]
            if (f.end - f.start) > (prev.end - prev.start) and f.kind == "delta":
                kept[-1] = f
            continue
        kept.append(f)
    return kept
