"""Import Epoch AI's *Data on Notable AI Models* as outside facts about models.

The CSV (the public download, or the snapshot in ``shared/data/epoch``) becomes
``knowledge/data/epoch_models.jsonl``: one record per model, facts only (names,
organisations, dates, numbers, links, paper titles), each carrying its source,
licence and access date. Prose columns (``Abstract``, the ``... notes`` columns)
are never read. Parsing is pure (:func:`parse_epoch_csv`); :func:`import_epoch`
is the thin file-writing edge.

Credit, wherever these facts are shown: :data:`CREDIT`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from aigraph.files import replace_file
from aigraph.knowledge import KnowledgeError, slugify

__all__ = [
    "CREDIT",
    "EPOCH_FILE",
    "EpochImport",
    "EpochModel",
    "import_epoch",
    "load_epoch",
    "parse_epoch_csv",
]

#: The data file the import writes, beside the curated knowledge.
EPOCH_FILE = "epoch_models.jsonl"
#: The credit line the licence asks for, shown wherever these facts are shown.
CREDIT = 'Data: Epoch AI, "Data on Notable AI Models" (CC BY 4.0)'
SOURCE_NAME = "Epoch AI, Data on Notable AI Models"
SOURCE_URL = "https://epoch.ai/data/notable-ai-models"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

#: CSV column -> record field. ``Model`` is required; a missing other column is reported.
COLUMNS = {
    "Model": "name",
    "Organization": "organizations",
    "Publication date": "date_published",
    "Domain": "domain",
    "Parameters": "parameters",
    "Training compute (FLOP)": "training_compute",
    "Link": "link",
    "Reference": "paper_title",
    "Country (of organization)": "countries",
    "Organization categorization": "organization_kinds",
    "Base model": "base_model",
    "Model accessibility": "accessibility",
}
_LISTS = {"organizations", "domain", "countries", "organization_kinds"}
_NUMBERS = {"parameters", "training_compute"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5}|[a-z-]+/\d{7})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EpochModel:
    """One model as Epoch AI records it (facts only)."""

    id: str
    name: str
    organizations: tuple[str, ...] = ()
    date_published: str | None = None
    domain: tuple[str, ...] = ()
    parameters: float | None = None
    training_compute: float | None = None
    link: str | None = None
    arxiv_id: str | None = None
    paper_title: str | None = None
    countries: tuple[str, ...] = ()
    organization_kinds: tuple[str, ...] = ()
    base_model: str | None = None
    accessibility: str | None = None
    source: str = SOURCE_NAME
    licence: str = LICENCE
    accessed: str | None = None

    def to_json(self) -> dict:
        """The record as a JSON object, empty fields left out."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if v not in (None, (), "")}

    @classmethod
    def from_json(cls, obj: dict) -> "EpochModel":
        return cls(**{k: tuple(v) if k in _LISTS else v for k, v in obj.items() if k in cls.__slots__})


@dataclass
class EpochImport:
    """What an import read: the records kept and one line per problem met."""

    models: list[EpochModel] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


def _number(value: str) -> float:
    number = float(value.replace(",", "").strip())
    if number != number or number < 0:  # NaN or negative
        raise ValueError(value)
    return number


def _date(value: str) -> str:
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(value)
    date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))  # raises on 2024-13-40
    return value.strip()


def parse_epoch_csv(text: str, *, accessed: str | None = None) -> EpochImport:
    """Parse Epoch's CSV text into :class:`EpochModel` records.

    A row with an unparseable number or date keeps its other facts and gives one
    problem line naming the row (numbered as in a spreadsheet, the header being 1);
    a second row with the name of an earlier one is skipped and reported.

    Raises
    ------
    KnowledgeError
        When the text has no header or no ``Model`` column: nothing is usable.

    Examples
    --------
    >>> text = "Model,Organization,Parameters,Publication date\\nChinchilla,DeepMind,70000000000,2022-03-29\\n"
    >>> result = parse_epoch_csv(text)
    >>> m = result.models[0]
    >>> (m.id, m.organizations, m.parameters, m.date_published)
    ('chinchilla', ('DeepMind',), 70000000000.0, '2022-03-29')
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    if not header:
        raise KnowledgeError("the Epoch CSV is empty (no header row)")
    if "Model" not in header:
        raise KnowledgeError(f"the Epoch CSV has no 'Model' column (columns: {', '.join(header[:8])}...)")
    result = EpochImport()
    for column in COLUMNS:
        if column not in header:
            result.problems.append(f"column {column!r} is missing: its facts are left empty")
    seen: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        name = (row.get("Model") or "").strip()
        if not name:
            result.problems.append(f"row {line}: no model name, skipped")
            continue
        key = slugify(name)
        if key in seen:
            result.problems.append(f"row {line}: {name!r} repeats row {seen[key]}, skipped")
            continue
        seen[key] = line
        values: dict[str, object] = {}
        for column, attr in COLUMNS.items():
            raw = (row.get(column) or "").strip()
            if attr == "name" or not raw:
                continue
            try:
                if attr in _LISTS:
                    values[attr] = _split(raw)
                elif attr in _NUMBERS:
                    values[attr] = _number(raw)
                elif attr == "date_published":
                    values[attr] = _date(raw)
                else:
                    values[attr] = raw
            except ValueError:
                result.problems.append(f"row {line}: {name!r}: {column} {raw!r} is not a {'date' if attr == 'date_published' else 'number'}, left empty")
        link = values.get("link")
        arxiv = _ARXIV.search(link) if isinstance(link, str) else None
        result.models.append(EpochModel(id=key, name=name, arxiv_id=arxiv.group(1) if arxiv else None,
                                        accessed=accessed, **values))
    if not result.models:
        raise KnowledgeError("the Epoch CSV has no usable rows")
    result.models.sort(key=lambda m: m.id)
    return result


def default_data_path() -> Path:
    """Where the package keeps the imported records."""
    return Path(__file__).with_name("data") / EPOCH_FILE


def import_epoch(csv_path: str | os.PathLike, *, out: str | os.PathLike | None = None,
                 accessed: str | None = None) -> EpochImport:
    """Read Epoch's CSV and write the records to ``out`` (default: the package's data).

    The file is replaced in one rename, only when the CSV was usable, so a bad
    file leaves the previous knowledge as it was. ``accessed`` defaults to the
    CSV file's modification date, so re-importing one file gives the same bytes.
    """
    path = Path(csv_path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise KnowledgeError(f"{path}: cannot read ({err.strerror or err})") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if accessed is None:
        accessed = date.fromtimestamp(path.stat().st_mtime).isoformat()
    result = parse_epoch_csv(text, accessed=accessed)
    target = Path(out) if out is not None else default_data_path()
    body = "".join(json.dumps(m.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for m in result.models)
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(target, body)
    return result


def load_epoch(path: str | os.PathLike | None = None) -> list[EpochModel]:
    """The imported records (the package's own file by default); none when it is absent."""
    target = Path(path) if path is not None else default_data_path()
    if not target.exists():
        return []
    models = []
    for number, line in enumerate(target.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                models.append(EpochModel.from_json(json.loads(line)))
            except (ValueError, TypeError) as err:
                raise KnowledgeError(f"{target}:{number}: not an Epoch record ({err})") from err
    return models
