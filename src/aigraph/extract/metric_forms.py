"""Prose forms of a result that carry no measure word next to the number.

``rose from 52.5% to 65.5%`` (the end point), ``4.4% → 71.7%``, ``MMLU: 86.4%``,
``GPQA +48.9pp``, ``closed 26-96% of the gap``, ``solved 7 of 10 problems``,
``2.1/4.0 WER``, ``leads at 1525`` on a ranking, ``62% versus Model-X's 46%``.

Each finder takes a text and returns ``(start, end, value, unit, kind, measure, dataset)``
tuples; :mod:`aigraph.extract.metrics` turns them into metric matches. Shares of
users, papers or mentions, money and years are never results.
"""

from __future__ import annotations

import re

from aigraph.extract.metric_triggers import (ARROW_NEEDS, ARROW_TRIGGER, AT_TRIGGER, BENCH_TRIGGER, BY_POINTS_TRIGGER,
                                             FROM_TRIGGER, N_OF_M_TRIGGER, OF_TRIGGER, SLASH_TRIGGER, VERSUS_TRIGGER, Trigger)
from aigraph.extract.sentences import sentence_at

#: A qualifier: "about", "nearly", "up to", "~". The words are grouped by first letter (in
#: their order within a letter): ignoring case, the engine cannot pass over an alternative
#: by its first letter, so it would enter every word at every place.
_Q = (r"(?:(?:just\s+)?(?:a(?:bout|round|lmost|pproximately|bove)|roughly|n(?:early|ear)|o(?:ver|nly)|u(?:nder|p\s+to)|below"
      r"|more\s+than|less\s+than)\s+|[~≈]\s?)?")
_N = r"(?<![\w.$€£/-])[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.$€£/-])[-+]?\d+(?:\.\d+)?"
#: A number with a result's unit: a percentage, percentage points, or a decimal.
_VALUE = rf"(?P<q>{_Q})(?P<num>{_N})(?P<unit>\s?%|\s?percent\b|(?=pp\b)|\s?percentage\s+points?\b)?"

#: Words that make a percentage a share of people, papers or money, not a result.
SHARE_CONTEXT = re.compile(
    r"\bshare\b|\b(?:users?|mentions?|papers?|respondents?|companies|firms|workers|staff|employees|headcount|"
    r"fine-?tunes|capital|funding|revenue|organi[sz]ations|adoption|usage|population|people|adults|developers|"
    r"market|investors?|startups?|deals?|downloads|traffic|visits)\b",
    re.IGNORECASE,
)

#: Nouns of what a model solved: "N% of the problems", "26-96% of the gap".
_TASK_NOUNS = (
    r"(?:problems?|tasks?|questions?|puzzles?|challenges?|issues?|bugs?|test\s+cases|cases|runs|attempts|trials|episodes|"
    r"games|gaps?|headroom|benchmarks?|assignments|exercises|prompts|examples|queries|instances|the\s+time|"
    r"(?:expert|human|oracle|baseline)\s+(?:scores?|performance|level))"
)
_RANGE = rf"(?P<num>(?<![\w.$€£/-])\d+(?:\.\d+)?)(?:\s?[-–]\s?\d+(?:\.\d+)?)?"


def _share_sentence(text: str, pos: int) -> bool:
    lo, hi = sentence_at(text, pos, window=400)
    return bool(SHARE_CONTEXT.search(text, lo, hi))


def _near(pattern: re.Pattern[str], trigger: re.Pattern[str] | Trigger, text: str, back: int, ahead: int,
          needs: tuple[str, ...] = ()):
    """``pattern``'s matches that start near the cheap ``trigger``'s hits (fast on long text).

    Each search may run 80 characters past its window, so a match is not cut short;
    of two matches at one place the longer is kept. ``needs``: strings of which every
    trigger hit holds one; without any of them in ``text`` nothing is searched.
    """
    if needs and not any(n in text for n in needs):
        return []
    return _around(pattern, trigger.finditer(text), text, back, ahead)


def _around(pattern: re.Pattern[str], hits, text: str, back: int, ahead: int) -> list[re.Match[str]]:
    """``pattern``'s matches that start from ``back`` characters before each of the trigger
    ``hits`` (in text order) to ``ahead`` after it; see :func:`_near`."""
    best: dict[int, re.Match[str]] = {}
    for t in hits:
        lo, hi = max(0, t.start() - back), t.end() + ahead
        for m in pattern.finditer(text, lo, min(len(text), hi + 80)):
            if m.start() > hi:
                break
            if m.start() not in best or m.end() > best[m.start()].end():
                best[m.start()] = m
    return [best[k] for k in sorted(best)]


def _money_or_count_after(text: str, end: int) -> bool:
    return bool(re.match(r"\s?(?:[BMKT]\b|bn\b|billion|million|trillion|thousand|k\b|x\b|×)", text[end : end + 10], re.IGNORECASE))


def _unit(raw: str | None, text_after: str = "") -> str:
    raw = (raw or "").strip().lower()
    if raw.startswith("percentage") or text_after.startswith("pp"):
        return "pp"
    return "%" if raw in ("%", "percent") else ""


def _num_value(num: str) -> float:
    return float(num.replace(",", ""))


#: "from" written to begin with a case-sensitive class (the only characters ignoring case
#: matches with "f"), which the engine scans for fast; the same matches as ``\bfrom``.
_FROM_TO = re.compile(
    rf"(?-i:[Ff])(?<!\w[Ff])rom\s+{_Q}(?P<x>{_N})(?P<xu>\s?%|\s?percent\b)?(?:\s+(?![^\n]*?\bfrom\b)[^\n.;]{{0,48}}?)?\s+to\s+{_VALUE}",
    re.IGNORECASE,
)
_ARROW = re.compile(rf"(?P<x>{_N})(?P<xu>\s?%)?\s*(?:→|->|⟶|=>)\s*{_VALUE}")


def from_to(text: str) -> list[tuple]:
    """The end point of "from X to Y" and "X → Y" (X is only the baseline)."""
    out = []
    for m in (*_near(_FROM_TO, FROM_TRIGGER, text, 0, 160), *_near(_ARROW, ARROW_TRIGGER, text, 25, 40, ARROW_NEEDS)):
        unit = _unit(m.group("unit"), text[m.end() : m.end() + 2])
        if not unit and ("." not in m.group("num") or m.re is _ARROW) and not m.group("xu"):
            continue  # "from 2023 to 2024", "from 3 to 5 layers", "version 2.0 → 3.5"
        if "$" in text[max(0, m.start("x") - 2) : m.start("x")] or _money_or_count_after(text, m.end("num")):
            continue
        if re.match(r"\s+of\s+(?:the\s+|all\s+)?(?!" + _TASK_NOUNS + r")", text[m.end() : m.end() + 40], re.IGNORECASE):
            continue  # "to 31% of mentions"
        if _share_sentence(text, m.start()):
            continue
        start = m.start("q") if m.group("q") else m.start("num")
        out.append((start, m.end(), _num_value(m.group("num")), unit, "absolute", "", None))
    return out


#: The leading look-ahead holds the characters a match can begin with (a qualifier's
#: first letter, a digit); the engine then passes over other positions quickly.
_OF_TASKS = re.compile(
    rf"(?=[~≈\djarnoubml]){_Q}{_RANGE}(?P<unit>\s?%|\s?percent\b)\s+of\s+(?:the\s+|its\s+|all\s+)?(?:[\w’'-]+\s+){{0,5}}?{_TASK_NOUNS}\b",
    re.IGNORECASE,
)


def share_of_tasks(text: str) -> list[tuple]:
    """``N% of the problems``, ``26-96% of the gap``: a share of the work a system did."""
    out = []
    for m in _near(_OF_TASKS, OF_TRIGGER, text, 40, 80):
        span = m.group(0)
        if SHARE_CONTEXT.search(span):
            continue
        out.append((m.start(), m.end(), _num_value(m.group("num")), "%", "absolute", "share of tasks", None))
    return out


#: A benchmark's name by its shape, when the curated knowledge does not hold it.
_BENCH_SHAPE = re.compile(r"^[\w.+-]*(?:Bench|bench|BENCH|QA|Eval|eval|EVAL|Arena|MMLU|GLUE)[\w.+-]*$")
_BENCH_VALUE = re.compile(
    rf"[ \t]*(?P<ds>[A-Z][\w.+-]*(?:[ \t]+[A-Z][\w.+-]*){{0,2}})(?P<colon>[ \t]*:[ \t]*|[ \t]+)"
    rf"(?P<sign>[-+])?{_VALUE}",
    re.MULTILINE,
)


_BENCH_LEAD = re.compile(r"(?:[(\n,;:•●]|[*-](?=[ \t]))(?:(?![(\n,;:•●]|[*-][ \t]).){0,60}$")


def _bench_matches(text: str):
    """``_BENCH_VALUE`` tried where a benchmark name could start: after a line break, bracket,
    comma or bullet shortly before a number with a unit."""
    tried: set[int] = set()
    for t in BENCH_TRIGGER.finditer(text):
        lead = _BENCH_LEAD.search(text, max(0, t.start() - 61), t.start())
        at = lead.start() + 1 if lead else (0 if t.start() <= 60 else -1)
        if at < 0 or at in tried:
            continue
        tried.add(at)
        m = _BENCH_VALUE.match(text, at)
        if m is not None:
            yield m


def benchmark_values(text: str, is_dataset) -> list[tuple]:
    """``MMLU: 86.4%``, ``GPQA +48.9pp``, ``SWE-bench: +67.3 percentage points``."""
    out = []
    for m in _bench_matches(text):
        ds = m.group("ds")
        unit = _unit(m.group("unit"), text[m.end() : m.end() + 2])
        if not unit and ("." not in m.group("num") or (":" not in m.group("colon")
                                                       and not (is_dataset(ds) and _num_value(m.group("num").lstrip("+-")) >= 10))):
            continue  # "Terminal-Bench 2.0" is a version; "MMLU: 86.4" and "MMLU 82.0," are scores
        if not (is_dataset(ds) or _BENCH_SHAPE.match(ds.split()[0])):
            continue  # "EBITDA: 12.5%", "AI: 45%"
        if _money_or_count_after(text, m.end("num")) or SHARE_CONTEXT.search(ds):
            continue
        if re.match(r"\s+of\b|\s*(?:→|->|⟶|=>)|\s+to\s+\S*\d", text[m.end() : m.end() + 12]):
            continue  # a share, or the start point of "X → Y" (only Y is the result)
        signed = bool(m.group("sign")) or unit == "pp" or m.group("num")[:1] in "+-"
        start = m.start("sign") if m.group("sign") else (m.start("q") if m.group("q") else m.start("num"))
        out.append((start, m.end(), _num_value(m.group("num").lstrip("+-")), unit, "delta" if signed else "absolute", "", ds))
    return out


_SUCCESS = r"(?:solv|pass|answer|complet|succeed|correctly|scor|won|win|fix|resolv|identif)\w*"
_N_OF_M = re.compile(
    rf"\b{_SUCCESS}\s+(?:\w+\s+){{0,2}}?(?P<num>\d+)\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<m>\d{{1,3}}(?:,\d{{3}})*|\d+)"
    rf"(?:\s+(?:[\w-]+\s+){{0,2}}?{_TASK_NOUNS})?",
    re.IGNORECASE,
)


def n_of_m(text: str) -> list[tuple]:
    """``solved 7 of 10 problems``, ``answered 45 out of 50 questions``."""
    out = []
    for m in _near(_N_OF_M, N_OF_M_TRIGGER, text, 60, 60):
        n, total = int(m.group("num")), int(m.group("m").replace(",", ""))
        if n > total or total < 2:
            continue
        out.append((m.start("num"), m.end(), float(n), "", "absolute", "solved", None))
    return out


_SLASH = re.compile(rf"(?P<num>{_N})/\d+(?:\.\d+)?(?P<unit>\s?%)?\s+(?P<measure>[A-Za-z][\w@-]*(?:\s+[a-z][\w-]*)?)")


def slash_pairs(text: str, is_measure) -> list[tuple]:
    """``2.1/4.0 WER``: two results of one measure (e.g. two test splits)."""
    out = []
    for m in _near(_SLASH, SLASH_TRIGGER, text, 20, 50):
        words = m.group("measure").split()
        for k in range(len(words), 0, -1):
            if is_measure(" ".join(words[:k])):
                end = m.start("measure") + len(" ".join(words[:k]))
                if "." in m.group("num") or m.group("unit"):
                    out.append((m.start(), end, _num_value(m.group("num")), "%" if m.group("unit") else "", "absolute",
                                " ".join(words[:k]).lower(), None))
                break
    return out


_RANK_CONTEXT = re.compile(r"\b(?:index|ranking|leaderboard|scores?|elo|arena|benchmarks?|bench|eval|rating)\b", re.IGNORECASE)
#: Led by a look-ahead of the verbs' first letters (see :data:`_OF_TASKS`).
_AT_SCORE = re.compile(
    rf"(?=[ltsrfcpd])(?:\b(?:leads?|leading|ties?|tied|sits?|ranks?|ranked|stands?|follows?|comes?\s+in|tops?|peaks?|lands?|"
    rf"scor(?:es|ed|ing)|debuts?|debuted)\s+at\s+{_Q}(?P<num>{_N})(?P<unit>\s?%)?(?![\w.,]\d)"
    rf"|\bscor(?:es|ed|ing)\s+{_Q}(?P<num2>{_N})(?P<unit2>\s?%)?\s+on\b)",
    re.IGNORECASE,
)


#: What may follow a ranked score: the sentence goes on, it does not count something ("12 points apart").
_SCORE_END = re.compile(
    r"\s*(?:$|[,.;:)]|\s*\n|(?:and|or|on|in|with|while|but|versus|vs\.?|ahead|behind|after|among|from|points?|elo)\b(?!\s+apart))",
    re.IGNORECASE,
)


def ranked_scores(text: str) -> list[tuple]:
    """``leads at 58`` / ``tie at 53`` / ``scores 46 on the index`` in a sentence about a ranking."""
    out = []
    for m in _near(_AT_SCORE, AT_TRIGGER, text, 30, 60):
        group = "num" if m.group("num") else "num2"
        num = m.group(group)
        if re.fullmatch(r"(?:19|20)\d\d", num) or _money_or_count_after(text, m.end(group)):
            continue
        lo, hi = sentence_at(text, m.start(), window=400)
        if not _RANK_CONTEXT.search(text, lo, hi) or (group == "num" and not _SCORE_END.match(text, m.end())):
            continue
        q = m.group(0)[: m.start(group) - m.start()]
        qual = re.search(rf"{_Q}$", q)
        start = m.start(group) - (len(qual.group(0)) if qual and qual.group(0) else 0)
        unit_group = "unit" if group == "num" else "unit2"
        end = m.end(unit_group) if m.group(unit_group) else m.end(group)
        out.append((start, end, _num_value(num), "%" if m.group(unit_group) else "", "absolute", "score", None))
    return out


_VERSUS = re.compile(
    rf"\b(?:versus|vs\.?|compared\s+(?:to|with)|against|relative\s+to)\s+(?:the\s+)?(?:[\w.+-]+(?:'s|’s)\s+)?{_VALUE}",
    re.IGNORECASE,
)


#: How far after a result's end a compared value may start; how far after a "versus"
#: (at most 8 characters: "compared") it is searched for.
_PARTNER_GAP, _VERSUS_AHEAD, _VERSUS_LONGEST = 60, 70, 8


def versus_partners(text: str, found: list[tuple[int, int]]) -> list[tuple]:
    """``62% on X versus Model-Y's 46%``: the compared value, when a result comes just before."""
    out = []
    for m in _around(_VERSUS, _versus_hits(text, found), text, 0, _VERSUS_AHEAD):
        unit = _unit(m.group("unit"))
        if not unit and "." not in m.group("num"):
            continue
        if not any(0 <= m.start() - e <= _PARTNER_GAP and "\n\n" not in text[e : m.start()] for _, e in found):
            continue
        if re.match(r"\s+of\s+(?!" + _TASK_NOUNS + ")", text[m.end() : m.end() + 30], re.IGNORECASE):
            continue
        start = m.start("q") if m.group("q") else m.start("num")
        out.append((start, m.end(), _num_value(m.group("num")), unit, "baseline", "", None))
    return out


def _versus_hits(text: str, found: list[tuple[int, int]]):
    """The "versus" trigger's hits that can lead to a compared value: those that begin from
    ``_VERSUS_AHEAD + _VERSUS_LONGEST`` characters before a result's end to ``_PARTNER_GAP``
    after it (the others' matches start too far from every result). Each hit is a whole
    word, so scanning only these stretches finds the same hits there as scanning all."""
    spans: list[list[int]] = []
    for lo, hi in sorted((max(0, e - _VERSUS_AHEAD - _VERSUS_LONGEST), e + _PARTNER_GAP) for _, e in found):
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    for lo, hi in spans:
        for t in VERSUS_TRIGGER.pattern.finditer(text, lo, min(len(text), hi + 2 * _VERSUS_LONGEST)):
            if t.start() <= hi:
                yield t


#: Led, like :data:`_OF_TASKS`, by a look-ahead of the verbs' first letters.
_TOWARD = re.compile(
    rf"(?=[pbrlitdfcj])\b(?P<verb>push(?:es|ed|ing)?|br(?:ing|ings|inging|ought)|rais(?:es|ed|ing)|lift(?:s|ed|ing)?|improv(?:es|ed|ing)|"
    rf"boost(?:s|ed|ing)?|t(?:ook|akes|aking)|drop(?:s|ped|ping)?|f(?:ell|alls|alling)|cut(?:s|ting)?|reduc(?:es|ed|ing)|"
    rf"lower(?:s|ed|ing)?|decreas(?:es|ed|ing)|increas(?:es|ed|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|r(?:ose|ises|ising))\b"
    rf"(?P<mid>(?:(?!\bfrom\b)[^.;\n]){{0,60}}?)\bto\s+{_VALUE}",
    re.IGNORECASE,
)
_TOWARD_TRIGGER = re.compile(r"t(?<!\wt)o\s+(?:\w+\s+)?[~≈]?\s?\d")
_RESULT_WORDS = re.compile(r"\b(?:state[- ]of[- ]the[- ]art|sota|performance|scores?|accuracy|error|results?|record)\b", re.IGNORECASE)


def pushed_to(text: str, is_measure, is_dataset) -> list[tuple]:
    """``pushed the state of the art on X to 49%``, ``its error rate dropped to 3.2%``."""
    out = []
    for m in _near(_TOWARD, _TOWARD_TRIGGER, text, 90, 40):
        unit = _unit(m.group("unit"), text[m.end() : m.end() + 2])
        if not unit and "." not in m.group("num"):
            continue
        if _money_or_count_after(text, m.end("num")) or "$" in m.group("mid") or _share_sentence(text, m.start()):
            continue
        if re.match(r"\s+of\s+(?!" + _TASK_NOUNS + ")", text[m.end() : m.end() + 30], re.IGNORECASE):
            continue
        context = text[max(0, m.start() - 40) : m.start("num")]
        words = re.findall(r"[A-Za-z][\w@.+-]*(?:\s+[a-z][\w-]*)?", context)
        if not (m.group("verb").lower().startswith("push") or _RESULT_WORDS.search(context)
                or any(is_measure(w.lower()) or is_measure(w.split()[0].lower()) or is_dataset(w.split()[0]) for w in words)):
            continue
        start = m.start("q") if m.group("q") else m.start("num")
        out.append((start, m.end(), _num_value(m.group("num")), unit, "absolute", "", None))
    return out


_BY_POINTS = re.compile(
    rf"\b(?:improv|increas|boost|gain|rais|jump|rose|rise|climb|add)\w*\s+(?:[\w-]+\s+){{0,4}}?by\s+{_Q}"
    rf"(?P<num>{_N})\s*(?P<unit>points|pts|percentage\s+points?|pp)\b",
    re.IGNORECASE,
)


def by_points(text: str) -> list[tuple]:
    """``improved by 12 points on MATH``: a gain in points (a delta)."""
    out = []
    for m in _near(_BY_POINTS, BY_POINTS_TRIGGER, text, 80, 10):
        if _share_sentence(text, m.start()):
            continue
        out.append((m.start("num"), m.end(), _num_value(m.group("num")), "pp", "delta", "points", None))
    return out


#: Every match of :data:`_TOP_PCT` holds one "N% of", found fast by its plain "%".
_PCT_OF_TRIGGER = re.compile(r"%\s+(?i:of)\b")
#: Led by a look-ahead of its first words' first letters (see :data:`_OF_TASKS`).
_TOP_PCT = re.compile(
    rf"(?=[tba])\b(?:top|bottom|above|better\s+than|ahead\s+of)\s+{_Q}(?P<num>\d+(?:\.\d+)?)\s?%\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:participants|competitors|contestants|entrants|players|programmers|humans|human\s+\w+|test[- ]takers|teams)\b",
    re.IGNORECASE,
)


def top_percent(text: str) -> list[tuple]:
    """``ranked in the top 54% of participants``, ``above 99.8% of players``: a percentile among competitors."""
    if "%" not in text:
        return []
    return [(m.start(), m.end(), _num_value(m.group("num")), "%", "absolute", "percentile", None)
            for m in _near(_TOP_PCT, _PCT_OF_TRIGGER, text, 80, 120)]
