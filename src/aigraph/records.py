"""Small typed records that the stages hand each other.

ingest -> :class:`Document` (text + :class:`Block` s with slide numbers)
extract -> :class:`Extraction` (:class:`Entity` with :class:`Mention` s, :class:`Relation` with :class:`Evidence`,
           :class:`Prediction` s and the :class:`Outcome` s a scorecard gives earlier ones)
graph  -> built from a list of :class:`Extraction`.

Character offsets (``start``/``end``) always index ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Entity labels the extractor produces, and the graph node label of each.
NODE_LABELS: dict[str, str] = {
    "ORG": "Organization",
    "MODEL": "Model",
    "PAPER": "Paper",
    "DATASET": "Dataset",
    "METRIC": "Metric",
    "PERSON": "Person",
    "COUNTRY": "Country",
    "SOFTWARE": "Software",
    "MONEY": "Money",
}

#: Graph node labels of the entities, in the order they are listed to people.
ENTITY_LABELS: tuple[str, ...] = tuple(NODE_LABELS.values())

#: Graph node labels of the document structure and of the reports' forecasts: nodes
#: the reports are made of, not things they talk about.
STRUCTURE_LABELS: tuple[str, ...] = ("Report", "Slide", "Prediction", "Outcome")

#: The labels the annotation guide scores.
SCORED_LABELS: tuple[str, ...] = ("ORG", "MODEL", "PAPER", "DATASET", "METRIC")

#: Relation types and the (head label, tail label) each connects.
RELATION_TYPES: dict[str, tuple[str, str]] = {
    "DEVELOPED": ("ORG", "MODEL"),
    "ACHIEVES": ("MODEL", "METRIC"),
    "MEASURED_ON": ("METRIC", "DATASET"),
    "INTRODUCES": ("PAPER", "MODEL"),
    "PART_OF": ("ORG", "ORG"),
}

#: Kinds of :class:`Block`. Only ``CONTENT_KINDS`` are read for entities.
BLOCK_KINDS = ("heading", "text", "bullet", "slide", "chrome")
CONTENT_KINDS = frozenset({"heading", "text", "bullet", "slide"})


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of document text: a heading, a paragraph, a bullet or a slide body.

    ``slides`` are the slide numbers the text is attributed to (empty when the
    text stands outside any slide). ``kind == "chrome"`` marks navigation bars,
    page footers and other furniture that must not produce entities.
    """

    start: int
    end: int
    kind: str
    slides: tuple[int, ...] = ()
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested report or summary."""

    source: str
    text: str
    blocks: tuple[Block, ...]
    year: int | None = None
    title: str | None = None
    format: str = "text"
    sha256: str = ""
    #: Slide number -> slide title, where the reader could tell.
    slide_titles: dict[int, str] = field(default_factory=dict)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def slide_numbers(self) -> tuple[int, ...]:
        return tuple(sorted({n for b in self.blocks for n in b.slides}))

    def section_of(self, slide: int) -> str | None:
        for b in self.blocks:
            if slide in b.slides and b.section:
                return b.section
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text."""

    text: str
    label: str
    start: int
    end: int
    slides: tuple[int, ...] = ()
    section: str | None = None
    #: Span of the sentence the mention stands in (the evidence).
    sentence_start: int = 0
    sentence_end: int = 0
    #: Which component found it: "gazetteer", "rule:metric", "rule:acronym", ...
    extractor: str = ""
    #: Id of the curated entry the mention names, when the gazetteer knows it.
    curated_id: str = ""


@dataclass(slots=True)
class Entity:
    """A real-world thing named in one document, under its canonical name."""

    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Extra properties: ``kind`` for organisations; ``value``, ``unit``,
    #: ``measure`` for metrics; ``curated_id`` when the curated knowledge knows it.
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def slides(self) -> tuple[int, ...]:
        return tuple(sorted({s for m in self.mentions for s in m.slides}))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where and how a relation was found."""

    slide: int | None
    start: int
    end: int
    sentence: str
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two entities of one document (by canonical name).

    ``curated`` is true when the link comes from the curated knowledge only,
    not from the text; such links are never passed off as read.
    """

    type: str
    head: str
    head_label: str
    tail: str
    tail_label: str
    evidence: tuple[Evidence, ...] = ()
    curated: bool = False

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True, slots=True)
class Prediction:
    """One prediction a report makes: its text, the report year, its slide and place.

    ``number`` counts the document's predictions from 1; ``entities`` are the
    (label, canonical name) pairs of the entities the prediction names, sorted.
    """

    text: str
    year: int | None
    slide: int | None
    start: int
    end: int
    number: int
    entities: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """A later report's grade (``yes``, ``partly``, ``no``) of an earlier prediction.

    ``claim`` is the prediction as the grading report restates it; the prediction it
    grades is found at build time (by text similarity, among the year before's).
    """

    claim: str
    grade: str
    evidence: str
    year: int | None
    slide: int | None
    start: int
    end: int


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity]
    relations: list[Relation]
    predictions: list[Prediction] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
