"""Curated knowledge of the AI field: organisations, models, datasets, software,
people and countries.

The data lives in ``knowledge/data/*.jsonl`` (one JSON object per line, sorted by
``id``). :func:`load_knowledge` reads it once per process; importing this module
reads nothing.

Every entry has an ``id`` (the :func:`slugify` of its name), a ``name`` (the
canonical form), ``aliases`` (other surface forms met in text) and optionally
``ambiguous`` (the name or an alias is also an ordinary word or a first name, so
it should only be matched with care), ``kind``, ``developer``, ``year``,
``parent`` and ``notes``. Any other field is kept in :attr:`KnownEntity.attrs`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path

from aigraph.errors import AigraphError
from aigraph.keys import surface_key

__all__ = [
    "DATA_FILES",
    "OUTSIDE_FILES",
    "Knowledge",
    "KnowledgeError",
    "KnownEntity",
    "load_knowledge",
    "parse_knowledge_lines",
    "read_knowledge",
    "slugify",
    "surface_key",
]

#: Data file name -> entity label of its entries, in the order labels are preferred.
DATA_FILES: dict[str, str] = {
    "organizations.jsonl": "ORG",
    "models.jsonl": "MODEL",
    "datasets.jsonl": "DATASET",
    "software.jsonl": "SOFTWARE",
    "people.jsonl": "PERSON",
    "countries.jsonl": "COUNTRY",
}

#: Outside data whose names join the curated entries at low priority, never in their place
#: (:func:`aigraph.knowledge.epoch_names.widen`): Epoch AI's models, organisations, paper titles.
OUTSIDE_FILES: tuple[str, ...] = ("epoch_models.jsonl",)

_LABEL_ORDER = {label: i for i, label in enumerate(DATA_FILES.values())}
_KNOWN_FIELDS = frozenset(
    {"id", "name", "aliases", "kind", "ambiguous", "developer", "year", "parent"}
)
_NON_ALNUM_RUN = re.compile(r"[\W_]+")


class KnowledgeError(AigraphError):
    """A curated knowledge file is missing or malformed."""


def slugify(text: str) -> str:
    """Return the id slug of a name.

    NFKC-normalise, casefold, replace every run of non-alphanumeric characters
    with ``-`` and strip ``-`` from both ends.

    Examples
    --------
    >>> slugify("Google DeepMind")
    'google-deepmind'
    >>> slugify("AlphaFold 2")
    'alphafold-2'
    >>> slugify("µZero")
    'μzero'
    """
    return _NON_ALNUM_RUN.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-")


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One curated entry.

    ``developer`` holds organisation ids (for models, datasets and software);
    ``parent`` the id of a parent organisation (for organisations). Fields a
    file carries beyond the common ones (``country``, ``affiliation``,
    ``notes``, ``iso2``, ...) are in ``attrs``.
    """

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    ambiguous: bool = False
    developer: tuple[str, ...] = ()
    year: int | None = None
    parent: str | None = None
    attrs: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


class Knowledge:
    """All curated entries, indexed by id, label and surface form.

    Ids are unique within a label; the same id may occur under two labels
    (a company and its product), in which case :meth:`get` without a label
    prefers the label listed first in :data:`DATA_FILES`.
    """

    def __init__(self, entities: Iterable[KnownEntity]) -> None:
        ordered = sorted(entities, key=lambda e: (_LABEL_ORDER.get(e.label, 99), e.label, e.id))
        self._entities: tuple[KnownEntity, ...] = tuple(ordered)
        self._by_id: dict[str, list[KnownEntity]] = {}
        self._by_label: dict[str, list[KnownEntity]] = {}
        self._exact: dict[str, list[KnownEntity]] = {}
        self._keyed: dict[str, list[KnownEntity]] = {}
        for entity in self._entities:
            self._by_id.setdefault(entity.id, []).append(entity)
            self._by_label.setdefault(entity.label, []).append(entity)
            for form in entity.surface_forms:
                _add_once(self._exact, form, entity)
                key = surface_key(form)
                if key:
                    _add_once(self._keyed, key, entity)

    def __iter__(self) -> Iterator[KnownEntity]:
        return iter(self._entities)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels that have at least one entry."""
        return tuple(self._by_label)

    def get(self, entity_id: str, label: str | None = None) -> KnownEntity | None:
        """Return the entry with this id (and label, when given), or ``None``."""
        for entity in self._by_id.get(entity_id, ()):
            if label is None or entity.label == label:
                return entity
        return None

    def by_label(self, label: str) -> tuple[KnownEntity, ...]:
        """Return every entry of one label, sorted by id."""
        return tuple(self._by_label.get(label, ()))

    def lookup(self, surface: str, label: str | None = None) -> list[KnownEntity]:
        """Return the entries a surface form may name.

        Exact matches on a name or alias come first; when there are none, the
        surface is compared by :func:`surface_key` (case, spacing, hyphens and
        punctuation ignored).

        Examples
        --------
        >>> k = Knowledge([KnownEntity("hugging-face", "ORG", "Hugging Face", ("HuggingFace",))])
        >>> [e.id for e in k.lookup("hugging-face")]
        ['hugging-face']
        """
        found = self._exact.get(surface) or self._keyed.get(surface_key(surface), [])
        return [e for e in found if label is None or e.label == label]

    def developers_of(self, entity_id: str) -> tuple[KnownEntity, ...]:
        """Return the organisations that developed a model (or dataset, software).

        References that name no known organisation are left out.
        """
        entity = self._first_with_developer(entity_id)
        if entity is None:
            return ()
        orgs = (self.get(org_id, "ORG") for org_id in entity.developer)
        return tuple(org for org in orgs if org is not None)

    def parent_of(self, org_id: str) -> KnownEntity | None:
        """Return the parent organisation of an organisation, or ``None``."""
        org = self.get(org_id, "ORG")
        if org is None or org.parent is None:
            return None
        return self.get(org.parent, "ORG")

    def ancestors_of(self, org_id: str) -> tuple[KnownEntity, ...]:
        """Return the chain of parents of an organisation, nearest first."""
        chain: list[KnownEntity] = []
        seen = {org_id}
        parent = self.parent_of(org_id)
        while parent is not None and parent.id not in seen:
            chain.append(parent)
            seen.add(parent.id)
            parent = self.parent_of(parent.id)
        return tuple(chain)

    def _first_with_developer(self, entity_id: str) -> KnownEntity | None:
        candidates = self._by_id.get(entity_id, ())
        for entity in candidates:
            if entity.developer:
                return entity
        return candidates[0] if candidates else None


def _add_once(index: dict[str, list[KnownEntity]], key: str, entity: KnownEntity) -> None:
    bucket = index.setdefault(key, [])
    if entity not in bucket:
        bucket.append(entity)


def parse_knowledge_lines(lines: Iterable[str], label: str, source: str) -> list[KnownEntity]:
    """Parse JSON Lines of curated entries into :class:`KnownEntity` records.

    Parameters
    ----------
    lines
        The file's lines; blank lines are skipped.
    label
        The entity label every entry gets (``"ORG"``, ``"MODEL"``, ...).
    source
        The file name, used in error messages.

    Raises
    ------
    KnowledgeError
        On a line that is not a JSON object with a string ``id`` and ``name``,
        on a field of the wrong type, or on an id used twice.

    Examples
    --------
    >>> [e] = parse_knowledge_lines(['{"id": "mila", "name": "Mila"}'], "ORG", "x.jsonl")
    >>> (e.label, e.name, e.aliases)
    ('ORG', 'Mila', ())
    """
    entities: list[KnownEntity] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise KnowledgeError(f"{where}: not valid JSON ({err.msg})") from err
        entity = _entity_from(raw, label, where)
        if entity.id in first_line:
            raise KnowledgeError(
                f"{where}: id {entity.id!r} already used on line {first_line[entity.id]}"
            )
        first_line[entity.id] = number
        entities.append(entity)
    return entities


def _entity_from(raw: object, label: str, where: str) -> KnownEntity:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: expected a JSON object, got {type(raw).__name__}")
    for name in ("id", "name"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise KnowledgeError(f"{where}: field {name!r} must be a non-empty string")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise KnowledgeError(f"{where}: field 'aliases' must be a list of non-empty strings")
    developer = raw.get("developer", [])
    if isinstance(developer, str):
        developer = [developer]
    if not isinstance(developer, list) or not all(isinstance(d, str) for d in developer):
        raise KnowledgeError(f"{where}: field 'developer' must be a string or a list of strings")
    year = raw.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise KnowledgeError(f"{where}: field 'year' must be an integer")
    for name in ("kind", "parent"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise KnowledgeError(f"{where}: field {name!r} must be a string")
    ambiguous = raw.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise KnowledgeError(f"{where}: field 'ambiguous' must be true or false")
    return KnownEntity(
        id=raw["id"],
        label=label,
        name=raw["name"],
        aliases=tuple(aliases),
        kind=raw.get("kind"),
        ambiguous=ambiguous,
        developer=tuple(developer),
        year=year,
        parent=raw.get("parent"),
        attrs={k: v for k, v in raw.items() if k not in _KNOWN_FIELDS},
    )


def read_knowledge(directory: str | PathLike[str] | Traversable) -> Knowledge:
    """Read every data file of :data:`DATA_FILES` from a directory.

    Raises
    ------
    KnowledgeError
        When a file is missing, unreadable or malformed.
    """
    root = directory if isinstance(directory, Traversable) else Path(directory)
    entities: list[KnownEntity] = []
    for file_name, label in DATA_FILES.items():
        path = root.joinpath(file_name)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as err:
            raise KnowledgeError(f"curated knowledge file {file_name} is missing") from err
        except (OSError, UnicodeDecodeError) as err:
            raise KnowledgeError(f"cannot read curated knowledge file {file_name}: {err}") from err
        entities.extend(parse_knowledge_lines(text.splitlines(), label, file_name))
    return Knowledge(entities)


@functools.lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """Return the curated knowledge shipped with the package (read once).

    The parsed entries are kept in the user cache (see :mod:`aigraph.diskcache`),
    keyed by a hash of the data files and this module, so later processes load them
    without parsing the JSON again.

    Examples
    --------
    >>> k = load_knowledge()  # doctest: +SKIP
    >>> k.parent_of("deepmind").name  # doctest: +SKIP
    'Google'
    """
    data = resources.files(__package__).joinpath("data")
    try:
        from aigraph.diskcache import cached, hash_files
    except ImportError:  # pragma: no cover - the knowledge package used on its own
        return _with_outside_names(read_knowledge(data), data)
    files = [data.joinpath(name) for name in (*DATA_FILES, *OUTSIDE_FILES) if data.joinpath(name).is_file()]
    code = [resources.files(__package__).joinpath(name) for name in ("__init__.py", "epoch.py", "epoch_names.py")]
    try:
        key = hash_files([*files, *code], "knowledge")
    except OSError:
        return read_knowledge(data)  # a missing file: let the reader say which
    return cached("knowledge", key, lambda: _with_outside_names(read_knowledge(data), data))


def _with_outside_names(curated: Knowledge, data: Traversable) -> Knowledge:
    """The curated entries, then the outside data's names they lack (low priority)."""
    from aigraph.knowledge.epoch_names import widen

    return widen(curated, data.joinpath(OUTSIDE_FILES[0]))
