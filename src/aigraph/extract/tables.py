"""Result tables in plain text: which model and which benchmark each number belongs to.

Four layouts, all found from the text alone:

``pipe``
    Markdown tables (``| Benchmark | Model A | Model B |``), with ragged rows whose
    leading label cells were merged away (an HTML ``rowspan`` copied to text).
``aligned``
    Columns kept apart by two or more spaces (``pdftotext -layout``), mapped to the
    header cell above them by horizontal position.
``ranked``
    Leaderboards whose cells ran together on single spaces: a header with ``Rank``
    and ``Model``, then ``1 🥇 Model-X 1274 a description ...`` rows.
``runs``
    Single-spaced rows ending in the same number of scores under a header of
    single words (``Model MMLU GSM8K`` / ``Model-X 88.7 90.5``).

Each number becomes a :class:`Cell` carrying the span of its row label and of its
column header; the caller decides which of the two names the model (the relation
rules look for a MODEL mention there) and which the benchmark.
"""

from __future__ import annotations

import functools
import re

from aigraph.extract.metric_forms import SHARE_CONTEXT
from aigraph.extract.table_cells import (
    _NOT_RESULT,
    _SEPARATOR,
    _TOKEN_NUM,
    _YEAR,
    Cell,
    Span,
    Table,
    _cell,
    _has_letters,
    _is_value,
    _lines,
    _numeric,
)

_MEDAL = re.compile(r"^[\U0001F947-\U0001F949\U0001F3C5\U0001F3C6⭐★☆*]+$")
#: Header words of text columns in a leaderboard (the scores stop before them).
_TEXT_COLUMNS = re.compile(r"\b(?:description|licen[cs]e|organi[sz]ation|org|provider|link|type|notes?|knowledge\s+cutoff|"
                           r"developers?|developed\s+by|company|lab|creators?|vendors?|authors?|publishers?|maker)\b",
                           re.IGNORECASE)
_RANK_HEADER = re.compile(r"^\s*(?:rank\b.*|#\s+)\b(?:model|name|system|entry)\b", re.IGNORECASE)
_RANK_ROW = re.compile(r"^\s*(?P<rank>\d{1,3})[.)]?\s+")
_SIZE_TOKEN = re.compile(r"^(?:\d+(?:\.\d+)?[BMKbmk]|\d+x\d+[BMb]?|v\d[\w.]*)$")


# --- pipe tables -------------------------------------------------------------------------

def _pipe_cells(line: str, at: int) -> list[tuple[int, int, str]]:
    """``| a | b |`` -> ``[(start, end, "a"), (start, end, "b")]`` (outer pipes dropped)."""
    cells, pos = [], 0
    pieces = line.split("|")
    for i, piece in enumerate(pieces):
        lo = pos
        pos += len(piece) + 1
        if (i == 0 or i == len(pieces) - 1) and not piece.strip():
            continue
        stripped = piece.strip()
        off = piece.find(stripped) if stripped else 0
        cells.append((at + lo + off, at + lo + off + len(stripped), stripped))
    while cells and not cells[-1][2]:
        cells.pop()
    return cells


def _pipe_tables(text: str) -> list[Table]:
    out: list[Table] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if len(block) >= 2:
            table = _pipe_table(block)
            if table is not None:
                out.append(table)
        block.clear()

    for at, line in _lines(text):
        if line.count("|") >= 2 and line.lstrip().startswith("|"):
            block.append((at, line))
        elif " | " in line and "|" not in line.strip()[:1] + line.strip()[-1:]:
            # a table without its outer pipes ("Model | MMLU"): rows of one cell count only
            if block and (block[0][1].lstrip().startswith("|") or block[0][1].count("|") != line.count("|")):
                flush()
            block.append((at, line))
        else:
            flush()
    flush()
    return out


def _pipe_table(block: list[tuple[int, str]]) -> Table | None:
    rows = [_pipe_cells(line, at) for at, line in block]
    rows = [r for r in rows if r and not all(_SEPARATOR.match(c[2]) for c in r)]
    if len(rows) < 2 or any(_numeric(c[2]) for c in rows[0]):
        return None
    header, data = rows[0], rows[1:]
    value_cols = sorted({i for r in data if len(r) == len(header) for i, c in enumerate(r) if i and _is_value(c[2])})
    cells: list[Cell] = []
    for row in data:
        values = [i for i, c in enumerate(row) if _is_value(row[i][2]) and i > 0]
        if not values:
            continue
        # the row's name: the last text cell before the scores that is not a size ("40B") or
        # under a header such as "Params" or "License"
        k = values[0] - 1
        while k > 0 and (_SIZE_TOKEN.match(row[k][2]) or (len(row) == len(header) and (
                _NOT_RESULT.search(header[k][2]) or _TEXT_COLUMNS.search(header[k][2])))):
            k -= 1
        if not _has_letters(row[k][2]) or _SIZE_TOKEN.match(row[k][2]):
            continue
        label_cell = row[k]
        if len(row) == len(header):
            cols = values
        elif value_cols and len(values) == len(value_cols):
            cols = value_cols  # leading label cells merged away
        else:
            shift = len(header) - len(row)
            cols = [i + shift for i in values] if shift > 0 and not _has_letters(row[-1][2]) else values
        for i, col in zip(values, cols):
            c = row[i]
            head = header[col] if col < len(header) else None
            cell = _cell(c[0], c[2], label_cell, head)
            if cell is not None:
                cells.append(cell)
    if not cells:
        return None
    return Table(block[0][0], block[-1][0] + len(block[-1][1]), "pipe", tuple(cells))


# --- space-aligned tables ----------------------------------------------------------------

_GAP = re.compile(r"\S+(?:[ ]\S+)*")


def _aligned_cells(line: str, at: int) -> list[tuple[int, int, str]]:
    """Cells kept apart by two or more spaces or a tab."""
    return [(at + m.start(), at + m.end(), m.group()) for m in _GAP.finditer(line)]


def _aligned_row(cells) -> bool:
    return (
        len(cells) >= 2 and _has_letters(cells[0][2]) and not cells[0][2].rstrip().endswith((".", ":", ";"))
        and all(_is_value(c[2]) for c in cells[1:]) and any(_numeric(c[2]) for c in cells[1:])
    )


def _aligned_tables(text: str) -> list[Table]:
    lines = list(_lines(text))
    out: list[Table] = []
    i = 0
    while i < len(lines):
        run = []
        j = i
        while j < len(lines):
            at, line = lines[j]
            cells = _aligned_cells(line, at)
            if _aligned_row(cells) and "|" not in line:
                run.append((at, line, cells))
                j += 1
            elif not line.strip() and run and j + 1 < len(lines) and _aligned_row(_aligned_cells(lines[j + 1][1], lines[j + 1][0])):
                j += 1
            else:
                break
        header = _header_above(lines, i) if len(run) >= 2 else None
        if header is not None and SHARE_CONTEXT.search(text[max(0, header[0] - 200) : lines[i][0]].split("\n\n")[-1]):
            header = None  # a chart of shares of users, mentions or money
        if header is not None:  # without a header, aligned numbers may be page numbers of a contents list
            table = _aligned_table(run, header)
            if table is not None:
                out.append(table)
        i = max(j, i + 1)
    return out


def _header_above(lines, i: int):
    for k in range(i - 1, max(-1, i - 3), -1):
        at, line = lines[k]
        if not line.strip():
            continue
        cells = _aligned_cells(line, at)
        if len(cells) >= 2 and not any(_numeric(c[2]) for c in cells):
            return at, cells
        return None
    return None


def _aligned_table(run, header) -> Table | None:
    cells: list[Cell] = []
    for at, _line, row in run:
        label = row[0]
        for i, c in enumerate(row[1:], 1):
            head = None
            if header is not None:
                h_at, h_cells = header
                if len(h_cells) == len(row):
                    head = h_cells[i]  # one header cell per column (tab-separated text)
                elif len(h_cells) == len(row) - 1:
                    head = h_cells[i - 1]  # no header over the names
                else:
                    centre = (c[0] - at + c[1] - at) / 2
                    head = min(h_cells, key=lambda h: abs((h[0] - h_at + h[1] - h_at) / 2 - centre))
            cell = _cell(c[0], c[2], label, head)
            if cell is not None:
                cells.append(cell)
    if not cells:
        return None
    return Table(run[0][0], run[-1][0] + len(run[-1][1]), "aligned", tuple(cells))


# --- rows that ran together on single spaces ---------------------------------------------

_WORD = re.compile(r"\S+")


def _ranked_tables(text: str) -> list[Table]:
    lines = list(_lines(text))
    out: list[Table] = []
    for k, (h_at, h_line) in enumerate(lines):
        if not _RANK_HEADER.match(h_line):
            continue
        measure = _score_header(h_line, h_at)
        cells: list[Cell] = []
        end = h_at + len(h_line)
        for at, line in lines[k + 1 :]:
            if not line.strip():
                if cells:
                    continue
                continue
            m = _RANK_ROW.match(line)
            if m is None:
                break
            cell = _ranked_row(line, at, m.end(), measure)
            if cell is not None:
                cells.append(cell)
                end = at + len(line)
        if len(cells) >= 2:
            out.append(Table(h_at, end, "ranked", tuple(cells)))
    return out


def _score_header(line: str, at: int) -> Span | None:
    """The header words between ``Model`` and the first text column (``Elo Rating``)."""
    m = re.search(r"\b(?:model|name|system|entry)\b", line, re.IGNORECASE)
    if m is None:
        return None
    rest = line[m.end() :]
    stop = _TEXT_COLUMNS.search(rest)
    chunk = rest[: stop.start()] if stop else rest
    words = list(_WORD.finditer(chunk))[:3]
    if not words:
        return None
    return at + m.end() + words[0].start(), at + m.end() + words[-1].end()


def _ranked_row(line: str, at: int, start: int, measure: Span | None) -> Cell | None:
    tokens = [(at + t.start(), at + t.end(), t.group()) for t in _WORD.finditer(line, start)]
    while tokens and _MEDAL.match(tokens[0][2]):
        tokens.pop(0)
    for i, (s, e, tok) in enumerate(tokens):
        if i == 0 or not _TOKEN_NUM.match(tok):
            continue
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        value = tok.lstrip("~≈+-").rstrip("%*†‡").replace(",", "")
        small = float(value) < 10 and "%" not in tok
        # a percentage is a score even when a size column follows it ("82.0% 70B")
        if (_SIZE_TOKEN.match(nxt) and "%" not in tok) or (small and (nxt[:1].isupper() or _TOKEN_NUM.match(nxt) or "." not in value)):
            continue  # a version or size inside the model's name ("Qwen 2.5 72B", "PaLM 2 1150", "Llama 2 scored")
        if _YEAR.match(value):
            return None
        label = (tokens[0][0], tokens[i - 1][1])
        num_end = s + len(tok.rstrip("*†‡"))
        return Cell(s, num_end, line[s - at : num_end - at], label, measure)
    return None


def _run_tables(text: str) -> list[Table]:
    """``Model MMLU GSM8K`` over ``Model-X 88.7 90.5`` rows (single spaces, same count of scores)."""
    lines = list(_lines(text))
    out: list[Table] = []
    i = 1
    while i < len(lines):
        if _trailing_numbers(lines[i][1]) < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and _trailing_numbers(lines[j][1]) >= 2:
            j += 1
        k = min(_trailing_numbers(line) for _, line in lines[i:j])  # "Wren 2 66.1": the "2" is the name's
        h_at, h_line = lines[i - 1]
        h_words = [(h_at + w.start(), h_at + w.end(), w.group()) for w in _WORD.finditer(h_line)]
        plain = not any(_TOKEN_NUM.match(w[2]) for w in h_words)
        if plain and 2 <= len(h_words) - 1 <= k:
            k = len(h_words) - 1  # one header word per score: "Model MMLU GSM8K" over "Wren 2 66.1 58.2"
        title = lines[i - 2][1] if i >= 2 else ""
        if j - i >= 2 and len(h_words) >= k + 1 and _trailing_numbers(h_line) < 2 and _has_letters(h_line) and "|" not in h_line \
                and not SHARE_CONTEXT.search(h_line + "\n" + title):
            heads = h_words[-k:] if plain and len(h_words) == k + 1 else [None] * k
            h_span = None if heads[0] is not None else (h_words[0][0], h_words[-1][1])
            cells: list[Cell] = []
            for at, line in lines[i:j]:
                tokens = [(at + t.start(), at + t.end(), t.group()) for t in _WORD.finditer(line)]
                label = (tokens[0][0], tokens[-k - 1][1])
                for col, ((s, e, tok), head) in enumerate(zip(tokens[-k:], heads)):
                    cell = _cell(s, tok, label, head)
                    if cell is not None:
                        cells.append(Cell(cell.start, cell.end, cell.text, cell.label, cell.header, h_span, col))
            if cells:
                out.append(Table(lines[i][0], lines[j - 1][0] + len(lines[j - 1][1]), "runs", tuple(cells)))
        i = j
    return out


def _trailing_numbers(line: str) -> int:
    if not line.rstrip()[-1:].isdigit() and not line.rstrip().endswith(("%", "*", "†")):
        return 0
    tokens = line.split()
    if "|" in line or len(tokens) < 3:
        return 0
    k = 0
    while k < len(tokens) and _TOKEN_NUM.match(tokens[-1 - k]):
        k += 1
    if k == len(tokens) or not _has_letters(" ".join(tokens[: len(tokens) - k])):
        return 0
    if any(_YEAR.match(t.lstrip("~≈+-").rstrip("%")) for t in tokens[-k:]):
        return 0
    return k


@functools.lru_cache(maxsize=8)
def find_tables(text: str) -> tuple[Table, ...]:
    """The result tables of ``text``, in order, without overlaps.

    Examples
    --------
    >>> t = find_tables("| Benchmark | Model-A | Model-B |\\n|---|---|---|\\n| MMLU | 81.2 | 77.0 |\\n")[0]
    >>> [(c.text, t_text[slice(*c.header)]) for t_text in [
    ...     "| Benchmark | Model-A | Model-B |\\n|---|---|---|\\n| MMLU | 81.2 | 77.0 |\\n"] for c in t.cells]
    [('81.2', 'Model-A'), ('77.0', 'Model-B')]
    """
    if not any(ch.isdigit() for ch in text):
        return ()
    found = _pipe_tables(text) + _ranked_tables(text)
    for extra in (_aligned_tables(text), _run_tables(text)):
        found += [t for t in extra if not any(t.start < f.end and f.start < t.end for f in found)]
    return tuple(sorted(found, key=lambda t: t.start))


def cell_at(tables: list[Table], start: int, end: int) -> Cell | None:
    """The cell of ``tables`` whose number is the span ``start``-``end`` (or lies inside it)."""
    for t in tables:
        if t.start <= start < t.end:
            for c in t.cells:
                if start <= c.start and c.end <= end:
                    return c
    return None
