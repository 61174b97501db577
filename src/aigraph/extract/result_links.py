"""ACHIEVES (MODEL -> METRIC) and MEASURED_ON (METRIC -> DATASET) for one block of text.

A score in a result table belongs to the model named by its row label or column
header and to the benchmark named by the other one. In prose, a result belongs to
the model it is written against (``Model-X with a score of 66``, ``Model-Y's 46%``),
else to the sentence's subject before it, else to the model the sentence names
after it, else to the model of the sentence just before. A model named as the one
outperformed, or as a tool used (``with``/``using``), is not the achiever.
"""

from __future__ import annotations

import bisect
import re

from aigraph.extract.relation_parts import BlockMention, FoundRelation
from aigraph.extract.tables import Cell, cell_at, find_tables
from aigraph.extract.textnorm import may_hold_any
from aigraph.keys import surface_key

#: Between a model and its own number: "'s 46%", " (86.4%)", " with a score of 66", ": 90%".
_TIGHT = re.compile(
    r"^(?:'s|’s)?\s*[(:,–-]?\s*(?:(?:with|at|scor(?:es|ed|ing)|reach(?:es|ed|ing)|achiev(?:es|ed|ing)|posts|posted|gets|got|hits)\s+)?"
    r"(?:(?:an?|the|its)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:score|rating|accuracy|result)\s+of\s+)?$",
    re.IGNORECASE,
)
#: A model named after a comparison word: the one outperformed, not the achiever.
_BASELINE = re.compile(
    r"\b(?:over|than|vs\.?|versus|against|compared\s+(?:to|with)|relative\s+to|beating|beats|beat|"
    r"outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|ahead\s+of|like|rivals?|rivaling|matching|matches)\s+"
    r"(?:the\s+|[\w-]+(?:'s|’s)\s+)?(?:[\w.-]+\s+){0,3}?$",
    re.IGNORECASE,
)
#: Words (lower-cased) one of which every match of :data:`_BASELINE` holds.
_BASELINE_WORDS = ("over", "than", "vs", "versus", "against", "compared", "relative", "beat", "outperform",
                   "surpass", "ahead", "like", "rival", "match")


def _after_comparison(text: str, at: int) -> bool:
    """Whether the model named at ``at`` follows a comparison word (:data:`_BASELINE`).

    The case-blind pattern is tried at every position of the 60 characters before;
    an ASCII stretch without any of :data:`_BASELINE_WORDS` is not searched.
    """
    lo = max(0, at - 60)
    return may_hold_any(text[lo:at], _BASELINE_WORDS) and _BASELINE.search(text, lo, at) is not None


#: A model used as a tool or named as the benchmark's subject ("with Claude Code", "on Gemini math").
_TOOL = re.compile(r"\b(?:with|using|via|through|on|in|at|of)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_SUBJECT_AFTER = re.compile(r"\b(?:on|in|at|of|than|versus|vs\.?|over|against|like|to|from)\s+(?:the\s+)?$", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:it|its|they|their|these|this)\b|\b(?:the|that|such)\s+(?:[\w-]+\s+){0,3}?(?:models?|system|version|variant|approach|method)\b",
    re.IGNORECASE,
)
#: "... outperforms Model-X with a score of 66": the number is the compared model's.
_ATTACHED = re.compile(r"\bwith\s+(?:an?\s+)?(?P<words>(?:[\w-]+\s+){0,2}?(?:score|rating|accuracy|result)\s+of\s+)?$", re.IGNORECASE)
_MEASURE_HEAD = re.compile(r"(?:score|rating|accuracy|result)\b", re.IGNORECASE)
#: A clause of its own between a result and a model named after it ("..., while Model-Y gets ...").
_OTHER_CLAUSE = re.compile(r";|\b(?:while|whereas|but)\b", re.IGNORECASE)
_COMPARISON = re.compile(r"\b(?:outperform\w*|beat\w*|surpass\w*|than|versus|vs\.?|compared|rivals?|rivaling)\b", re.IGNORECASE)
_LIST = re.compile(r"^\s*(?:,|and|&|,\s*and)\s+(?:[\w-]+(?:'s|’s)\s+)?$")
_ON_AFTER = re.compile(r"^\s*(?:on|in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\b(?:[Oo]n|[Ii]n|[Aa]cross)\s+(?:the\s+)?$")
_COLON_BEFORE = re.compile(r"^\s*:?\s*$")
_ITEM_HEAD = re.compile(r"^\s*(?:[-*•●▪◦]\s*)?$")
_HEAD_COLON = re.compile(r"\s*(?:\([^)\n]{0,80}\))?\s*:")
_SUBJECT_GAP = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:rises|rose|climbs?|climbed|jumps?|jumped|improves?|improved|goes|went|moves?|moved)\s+"
                          r"(?:from\s+\S+\s+(?:[\w-]+\s+){0,4}?)?to\s+$|^\s+from\s+\S+\s+to\s+$", re.IGNORECASE)


def _tables(metrics: list[BlockMention], text: str):
    """The result tables around this block's metrics (its METRIC mentions, in order), in ``text``'s offsets."""
    lo = max(0, metrics[0].start - 3000)
    lo = text.rfind("\n", 0, lo) + 1 if lo else 0
    hi = text.find("\n", metrics[-1].end)
    hi = len(text) if hi == -1 else hi
    if not _any_table_line(text, metrics):
        return []
    from aigraph.extract.tables import Table

    out = []
    for t in find_tables(text[lo:hi]):
        cells = tuple(
            Cell(c.start + lo, c.end + lo, c.text, _shift(c.label, lo), _shift(c.header, lo), _shift(c.header_line, lo), c.column)
            for c in t.cells
        )
        out.append(Table(t.start + lo, t.end + lo, t.layout, cells))
    return out


# The shapes of a line a table cell can be on (see :func:`_table_line`).
_RANK_FIRST = re.compile(r"\s*\d{1,3}[.)]?\s")
_TWO_LAST = re.compile(r"\d%?\s+[~≈+-]?\d[\d.,]*%?\s*$")
#: A non-space, then two or more whitespace characters or a tab, then a number. Found from
#: the gap's first whitespace character (a leading ``\S`` would be tried at every position).
_WIDE_GAP = re.compile(r"\s(?<=\S\s)(?:\s+|(?<=\t))[~≈+-]?\d")


def _table_line(line: str) -> bool:
    """Whether a line is shaped like a table row.

    Two bars, a rank first, two scores last, or a wide gap before a number. The cheap
    tests go first; the two scores are looked for only when the line ends in a digit
    (a ``.``, ``,`` or ``%`` after it aside).
    """
    if line.count("|") >= 2 or _RANK_FIRST.match(line):
        return True
    if line.rstrip().removesuffix("%").rstrip(".,")[-1:].isdigit() and _TWO_LAST.search(line):
        return True
    return _WIDE_GAP.search(line) is not None


#: A line longer than this is prose, never a table row (and is not searched).
_MAX_TABLE_LINE = 2000


def _any_table_line(text: str, metrics: list[BlockMention]) -> bool:
    """Whether a metric stands on a line shaped like a table row; each line is read once.

    Each metric's line is found from the metric outwards, not by indexing the whole
    text: ``text`` is the document's, and this runs once per block.
    """
    seen: set[int] = set()
    for m in metrics:
        start = text.rfind("\n", 0, m.start) + 1
        if start in seen:
            continue
        seen.add(start)
        end = text.find("\n", m.start)
        end = len(text) if end == -1 else end
        if end - start <= _MAX_TABLE_LINE and _table_line(text[start:end]):
            return True
    return False


def _shift(span, by):
    return (span[0] + by, span[1] + by) if span else None


def _covering(ments: list[BlockMention], label: str, span, text: str) -> BlockMention | None:
    """The ``label`` mention that names the whole cell (a trailing "(5-shot)" aside)."""
    if span is None:
        return None
    raw = text[span[0] : span[1]]
    core = re.sub(r"\s*[(\[].*$", "", raw).strip(" *_")
    if not core:
        return None
    lo = span[0] + raw.find(core)
    hi = lo + len(core)
    i = bisect.bisect_left(ments, span[0], key=lambda m: m.start)
    inside = []
    while i < len(ments) and ments[i].start < span[1]:
        if ments[i].label == label and ments[i].end <= span[1]:
            inside.append(ments[i])
        i += 1
    found = next((m for m in inside if m.start <= lo + 1 and m.end >= hi - 1), None)
    if found is not None:
        name, cell = surface_key(found.name), surface_key(core)
        if name != cell and cell.startswith(name):
            return None  # the cell names a more specific model ("Llama 3 8B") than the entity ("Llama 3")
    return found


def _table_model(cell: Cell, ments: list[BlockMention], text: str) -> tuple[BlockMention | None, tuple | None]:
    """The model of a cell and the span of the other axis (its benchmark)."""
    by_row = _covering(ments, "MODEL", cell.label, text)
    if by_row is not None:
        return by_row, cell.header
    by_col = _covering(ments, "MODEL", cell.header, text)
    if by_col is not None:
        return by_col, cell.label
    if cell.header_line is not None and cell.column >= 0:
        # "Benchmark Model-A 2 Model-B" over "MMLU 86.4 78.5": the header's models, in order
        lo, hi = cell.header_line
        models = [m for m in ments if m.label == "MODEL" and lo <= m.start and m.end <= hi]
        if models and len(models) == _columns(cell, text):
            return models[cell.column], cell.label
    return None, None


def _columns(cell: Cell, text: str) -> int:
    """How many scores the row of ``cell`` has."""
    lo = text.rfind("\n", 0, cell.start) + 1
    hi = text.find("\n", cell.start)
    line = text[lo : len(text) if hi == -1 else hi]
    return len(line.split()) - len(text[lo : cell.label[1]].split()) if cell.label else 0


def _prose_models(metric: BlockMention, models: list[BlockMention], text: str) -> tuple[list[BlockMention], str]:
    """The achievers of a result written in prose (``models``: the MODEL mentions near it, in order)."""
    # "Model-X with a score of 66", "Model-Y's 46%", "Model-Z (86.4%)"
    close = [m for m in models if m.end <= metric.start and metric.start - m.end <= 45]
    if close and _TIGHT.match(text[close[-1].end : metric.start]) and "\n\n" not in text[close[-1].end : metric.start]:
        return [close[-1]], "rule:metric-next-to-model"
    # a model wrapped over a line break may begin in the sentence before ("Gemini 4\n Argon tie at 53")
    in_sent = [m for m in models if m.end > metric.sent[0] and m.start < metric.sent[1]]
    before = [
        m for m in in_sent if m.end <= metric.start
        and not _after_comparison(text, m.start)
    ]
    tools = [m for m in before if _TOOL.search(text, max(0, m.start - 16), m.start)]
    subjects = [m for m in before if m not in tools] or []
    if subjects:
        between = text[subjects[-1].end : metric.start]
        attached = _ATTACHED.search(text, max(0, metric.start - 40), metric.start)
        if attached and not attached.group("words") and not _MEASURE_HEAD.match(text, metric.start):
            attached = None  # "..., with 90.0%" names no one else's score
        if _COMPARISON.search(between) and attached:
            return [], ""  # the number belongs to a compared model the text does not name as a model
        chosen = [subjects[-1]]
        i = models.index(subjects[-1])
        while i > 0 and models[i - 1].end > min(metric.sent[0], models[i].sent[0]) and _LIST.match(text[models[i - 1].end : models[i].start]):
            i -= 1
            chosen.append(models[i])  # "Model-A and Lab's Model-B tie at 53"
        return chosen, "rule:metric-same-sentence"
    after = [
        m for m in in_sent if m.start >= metric.end
        and not _NOT_SUBJECT_AFTER.search(text, max(0, m.start - 16), m.start)
        and not _OTHER_CLAUSE.search(text, metric.end, m.start)
        and not _after_comparison(text, m.start)
    ]
    if after:
        return [after[0]], "rule:metric-same-sentence"
    if any(not _after_comparison(text, m.start) for m in in_sent):
        return [], ""  # the sentence names its own models, none of them the achiever
    # "Model-X was released. It reaches 62%": the sentence just before, when this one
    # refers back to a model ("it", "this model").
    prev = [m for m in models if m.sent[1] <= metric.sent[0]]
    if prev and not text[prev[-1].sent[1] : metric.sent[0]].strip(" \t\n-*•●") \
            and _ANAPHOR.search(text, metric.sent[0], metric.sent[1]):
        sent = prev[-1].sent
        firsts = [m for m in prev if m.sent == sent and not _after_comparison(text, m.start)]
        if firsts:
            return [firsts[0]], "rule:metric-previous-sentence"
    return [], ""


def achieves(ments: list[BlockMention], text: str) -> list[FoundRelation]:
    """ACHIEVES: the model each result of this block belongs to (see the module docstring)."""
    metrics = [m for m in ments if m.label == "METRIC"]
    if not metrics:
        return []  # most blocks: nothing to link
    out: list[FoundRelation] = []
    tables = _tables(metrics, text)
    models = [m for m in ments if m.label == "MODEL"]
    starts = [m.start for m in models]
    for metric in metrics:
        cell = cell_at(tables, metric.start, metric.end) if tables else None
        if cell is not None:
            model, _ = _table_model(cell, ments, text)
            if model is not None:
                out.append(FoundRelation("ACHIEVES", model, metric, "rule:table-cell", 0.85))
            continue
        if metric.kind != "absolute":
            continue
        # the models of this sentence and of the few before it (linear in a long block)
        lo = bisect.bisect_left(starts, metric.sent[0] - 1500)
        hi = bisect.bisect_right(starts, metric.sent[1])
        models_near, rule = _prose_models(metric, models[lo:hi], text)
        conf = {"rule:metric-next-to-model": 0.85, "rule:metric-same-sentence": 0.8}.get(rule, 0.6)
        out.extend(FoundRelation("ACHIEVES", model, metric, rule, conf) for model in models_near)
    return out


def measured_on(ments: list[BlockMention], dataset_of_metric: dict[tuple[int, int], str], text: str = "") -> list[FoundRelation]:
    """MEASURED_ON: the benchmark a result was measured on (table axis, ``... on X``, ``X: N%``)."""
    out: list[FoundRelation] = []
    datasets = [m for m in ments if m.label == "DATASET"]
    if not datasets:
        return out
    metrics = [m for m in ments if m.label == "METRIC"]
    if not metrics:
        return out
    tables = _tables(metrics, text)
    starts = [d.start for d in datasets]
    for metric in metrics:
        cell = cell_at(tables, metric.start, metric.end) if tables else None
        if cell is not None:
            model, other = _table_model(cell, ments, text)
            spans = [other] if model is not None else [cell.label, cell.header]
            ds = next((d for span in spans if span for d in datasets if span[0] <= d.start and d.end <= span[1]), None)
            if ds is not None:
                out.append(FoundRelation("MEASURED_ON", metric, ds, "rule:table-cell", 0.85))
            continue
        near = datasets[bisect.bisect_left(starts, metric.sent[0]) : bisect.bisect_right(starts, metric.sent[1])]
        inside = [d for d in near if metric.start <= d.start and d.end <= metric.end]
        if inside:
            out.append(FoundRelation("MEASURED_ON", metric, inside[0], "rule:metric-on-dataset", 0.85))
            continue
        after = next((d for d in near if d.start >= metric.end and d.sent == metric.sent
                      and _ON_AFTER.match(text[metric.end : d.start])), None)
        if after is not None:
            out.append(FoundRelation("MEASURED_ON", metric, after, "rule:metric-on-dataset", 0.8))
            continue
        before = [d for d in near if d.end <= metric.start and d.sent == metric.sent]
        if before and _COLON_BEFORE.match(text[before[-1].end : metric.start].replace("+", "")):
            out.append(FoundRelation("MEASURED_ON", metric, before[-1], "rule:dataset-colon-metric", 0.8))
            continue
        on = [d for d in before if _ON_BEFORE.search(text, max(0, d.start - 8), d.start)]
        if len(on) == 1 and metric.kind == "absolute":
            out.append(FoundRelation("MEASURED_ON", metric, on[0], "rule:on-dataset-same-sentence", 0.6))
            continue
        if not before or metric.kind == "baseline":
            continue
        lead = before[0]
        line_start = text.rfind("\n", 0, lead.start) + 1
        if _ITEM_HEAD.match(text[line_start : lead.start]) and _HEAD_COLON.match(text, lead.end) \
                and "\n" not in text[lead.end : metric.start]:
            # "- OSWorld (computer tasks): agents leapt from 12% → ~66%": the item's benchmark
            out.append(FoundRelation("MEASURED_ON", metric, lead, "rule:item-benchmark", 0.7))
            continue
        last = before[-1]
        between = [m for m in ments if last.end <= m.start and m.end <= metric.start and m.label in ("METRIC", "MODEL", "DATASET")]
        gap = text[last.end : metric.start]
        if not between and len(gap) <= 40 and not re.search(r"[.;]\s", gap) and _SUBJECT_GAP.match(gap):
            # "HumanEval rises from 61.0% to 70.5%": the benchmark is the clause's subject
            out.append(FoundRelation("MEASURED_ON", metric, last, "rule:benchmark-subject", 0.55))
    return out

