"""A tiny hand-made corpus of extraction records, for tests, examples and demos.

Three report years (2020-2022) written for this project, with the situations the
graph must get right: one organisation under several spellings and years, a curated
id, two distinct models with close names (AlphaFold and AlphaFold 2), metrics on a
dataset in two years, a mention outside any slide, and co-occurring organisations.
:func:`sample_knowledge` is a matching slice of curated knowledge (DeepMind is part
of Google, Google of Alphabet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aigraph.records import Block, Document, Entity, Evidence, Extraction, Mention, Outcome, Prediction, Relation

if TYPE_CHECKING:
    import networkx as nx

    from aigraph.knowledge import Knowledge


@dataclass
class _Doc:
    """Writes a document slide by slide and finds mentions and sentences by their text."""

    source: str
    year: int | None
    title: str
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    predictions: list[Prediction] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    def para(self, text: str, slide: int | None = None, section: str | None = None,
             title: str | None = None) -> tuple[int, int]:
        start = len(self.text)
        self.text += text + "\n"
        slides = (slide,) if slide is not None else ()
        self.blocks.append(Block(start, start + len(text), "slide" if slides else "text", slides, section))
        if slide is not None and title:
            self.titles[slide] = title
        return start, start + len(text)

    def _sentence(self, at: int) -> tuple[int, int]:
        """Return the span of the sentence around ``at`` (sentences end in ". " or a newline)."""
        stop = self.text.rfind(". ", 0, at)
        start = max(stop + 2 if stop != -1 else 0, self.text.rfind("\n", 0, at) + 1)
        ends = [i + 1 for i in (self.text.find(". ", at), self.text.find(".\n", at)) if i != -1]
        return start, min(ends, default=len(self.text))

    def mention(self, label: str, name: str, surface: str | None = None, *, after: int = 0,
                aliases: tuple[str, ...] = (), **attrs: object) -> Entity:
        surface = surface or name
        start = self.text.index(surface, after)
        block = next(b for b in self.blocks if b.start <= start < b.end)
        s_start, s_end = self._sentence(start)
        entity = self.entities.setdefault((label, name), Entity(label, name))
        for alias in (*aliases, surface):
            if alias != name and alias not in entity.aliases:
                entity.aliases.append(alias)
        entity.attrs.update(attrs)
        entity.mentions.append(Mention(
            surface, label, start, start + len(surface), block.slides, block.section,
            s_start, s_end, "sample",
        ))
        return entity

    def relate(self, kind: str, head: tuple[str, str], tail: tuple[str, str], *,
               sentence_of: str, confidence: float = 0.9) -> None:
        at = self.text.index(sentence_of)
        block = next(b for b in self.blocks if b.start <= at < b.end)
        s_start, s_end = self._sentence(at)
        evidence = Evidence(block.slides[0] if block.slides else None, s_start, s_end,
                            self.text[s_start:s_end], f"rule:{kind.lower()}", confidence)
        self.relations.append(Relation(kind, head[1], head[0], tail[1], tail[0], (evidence,)))

    def predict(self, text: str, slide: int, *names: tuple[str, str]) -> None:
        """A prediction on its own slide, naming entities already mentioned in it."""
        start, end = self.para(f"Prediction: {text}", slide, "Predictions")
        self.predictions.append(Prediction(text, self.year, slide, start, end, len(self.predictions) + 1,
                                           tuple(sorted(names))))

    def grade(self, claim: str, grade: str, evidence: str, slide: int) -> None:
        start, end = self.para(f"{claim}. Grade: {grade}. {evidence}", slide, "Scorecard")
        self.outcomes.append(Outcome(claim, grade.lower(), evidence, self.year, slide, start, end))

    def extraction(self) -> Extraction:
        doc = Document(self.source, self.text, tuple(self.blocks), self.year, self.title,
                       "markdown", "", dict(self.titles))
        return Extraction(doc, list(self.entities.values()), list(self.relations),
                          list(self.predictions), list(self.outcomes))


def _report_2020() -> Extraction:
    d = _Doc("soai-2020.md", 2020, "State of AI Report 2020")
    d.para("MuZero from DeepMind learns the rules of a game while it plans.",
           10, "Research", "Planning without rules")
    d.para("DeepMind entered AlphaFold in CASP14 and scored a median GDT of 92.4 across targets.",
           11, "Research", "Protein structure")
    d.para("OpenAI scaled GPT-3 to 175 billion parameters. Google and DeepMind answered with "
           "their own large models.", 12, "Industry")
    d.mention("ORG", "DeepMind", curated_id="deepmind", kind="lab")
    d.mention("MODEL", "MuZero")
    d.mention("ORG", "DeepMind", after=d.text.index("DeepMind entered"))
    d.mention("MODEL", "AlphaFold")
    d.mention("DATASET", "CASP14")
    d.mention("METRIC", "92.4 median GDT", "median GDT of 92.4", value=92.4, unit="GDT",
              measure="median GDT")
    d.mention("ORG", "OpenAI", curated_id="openai")
    d.mention("MODEL", "GPT-3")
    d.mention("ORG", "Google", curated_id="google")
    d.mention("ORG", "DeepMind", after=d.text.index("and DeepMind"))
    d.relate("DEVELOPED", ("ORG", "DeepMind"), ("MODEL", "MuZero"), sentence_of="MuZero from")
    d.relate("DEVELOPED", ("ORG", "DeepMind"), ("MODEL", "AlphaFold"), sentence_of="DeepMind entered")
    d.relate("ACHIEVES", ("MODEL", "AlphaFold"), ("METRIC", "92.4 median GDT"),
             sentence_of="DeepMind entered")
    d.relate("MEASURED_ON", ("METRIC", "92.4 median GDT"), ("DATASET", "CASP14"),
             sentence_of="DeepMind entered")
    d.relate("DEVELOPED", ("ORG", "OpenAI"), ("MODEL", "GPT-3"), sentence_of="OpenAI scaled")
    return d.extraction()


def _report_2021() -> Extraction:
    d = _Doc("soai-2021.md", 2021, "State of AI Report 2021")
    d.para("This year OpenAI and others kept scaling.")
    d.para("Deepmind released AlphaFold2 and the database of predicted structures.",
           15, "Research", "Structures for everyone")
    d.para("Facebook AI trained SEER on a billion images; it reached 84.2% top-1 accuracy on "
           "ImageNet.", 16, "Research")
    d.para("Google Brain and Deepmind both published on sparse models.", 17, "Research")
    d.mention("ORG", "OpenAI")
    d.mention("ORG", "Deepmind")
    d.mention("MODEL", "AlphaFold2", aliases=("AlphaFold 2",))
    d.mention("ORG", "Facebook AI", aliases=("Facebook",))
    d.mention("MODEL", "SEER")
    d.mention("METRIC", "84.2% top-1 accuracy", value=84.2, unit="%", measure="top-1 accuracy")
    d.mention("DATASET", "ImageNet")
    d.mention("ORG", "Google Brain")
    d.mention("ORG", "Deepmind", after=d.text.index("and Deepmind"))
    d.relate("DEVELOPED", ("ORG", "Deepmind"), ("MODEL", "AlphaFold2"), sentence_of="Deepmind released")
    d.relate("DEVELOPED", ("ORG", "Facebook AI"), ("MODEL", "SEER"), sentence_of="Facebook AI trained")
    d.relate("ACHIEVES", ("MODEL", "SEER"), ("METRIC", "84.2% top-1 accuracy"),
             sentence_of="Facebook AI trained")
    d.relate("MEASURED_ON", ("METRIC", "84.2% top-1 accuracy"), ("DATASET", "ImageNet"),
             sentence_of="Facebook AI trained")
    # Predictions for the next year (graded by the 2022 report), without entity mentions
    # of their own so the sample's other answers stay as they are.
    d.predict("Deepmind would release the structures of every known protein.", 30, ("ORG", "Deepmind"))
    d.predict("OpenAI would sell access to a model larger than GPT-3.", 31, ("ORG", "OpenAI"))
    return d.extraction()


def _report_2022() -> Extraction:
    d = _Doc("soai-2022.md", 2022, "State of AI Report 2022")
    d.para("Google DeepMind's AlphaFold 2 now covers nearly every known protein.",
           20, "Research", "The protein universe")
    d.para("ConvNeXt from Meta AI reached 87.8% top-1 accuracy on ImageNet, and a plain "
           "linear probe reached 76.1% top-1 accuracy on ImageNet.", 21, "Research")
    d.para("OpenAI, Meta AI and DeepMind each hired from the same labs.", 22, "Talent")
    d.mention("ORG", "DeepMind", "Google DeepMind", curated_id="deepmind")
    d.mention("MODEL", "AlphaFold 2")
    d.mention("MODEL", "ConvNeXt")
    d.mention("ORG", "Meta AI", aliases=("Facebook AI",))
    d.mention("METRIC", "87.8% top-1 accuracy", value=87.8, unit="%", measure="top-1 accuracy")
    d.mention("DATASET", "ImageNet")
    d.mention("METRIC", "76.1% top-1 accuracy", value=76.1, unit="%", measure="top-1 accuracy")
    d.mention("DATASET", "ImageNet", after=d.text.index("76.1%"))
    d.mention("ORG", "OpenAI", after=d.text.index("OpenAI, Meta"), curated_id="openai")
    d.mention("ORG", "Meta AI", after=d.text.index("Meta AI and"))
    d.mention("ORG", "DeepMind", after=d.text.index("and DeepMind"))
    d.relate("DEVELOPED", ("ORG", "DeepMind"), ("MODEL", "AlphaFold 2"), sentence_of="Google DeepMind's")
    d.relate("DEVELOPED", ("ORG", "Meta AI"), ("MODEL", "ConvNeXt"), sentence_of="ConvNeXt from")
    d.relate("ACHIEVES", ("MODEL", "ConvNeXt"), ("METRIC", "87.8% top-1 accuracy"),
             sentence_of="ConvNeXt from")
    for metric in ("87.8% top-1 accuracy", "76.1% top-1 accuracy"):
        d.relate("MEASURED_ON", ("METRIC", metric), ("DATASET", "ImageNet"), sentence_of="ConvNeXt from")
    d.grade("Deepmind releasing the structures of every known protein", "Yes",
            "The structure database grew to over 200 million entries.", 5)
    return d.extraction()


def sample_extractions() -> list[Extraction]:
    """Return the three sample reports (2020, 2021, 2022) as extraction records.

    Examples
    --------
    >>> [x.document.year for x in sample_extractions()]
    [2020, 2021, 2022]
    """
    return [_report_2020(), _report_2021(), _report_2022()]


def sample_knowledge() -> Knowledge:
    """Return the curated knowledge the sample refers to."""
    from aigraph.knowledge import Knowledge, KnownEntity

    return Knowledge([
        KnownEntity("alphabet", "ORG", "Alphabet", kind="company"),
        KnownEntity("google", "ORG", "Google", ("Google AI",), kind="company", parent="alphabet"),
        KnownEntity("deepmind", "ORG", "DeepMind", ("Google DeepMind",), kind="lab", parent="google"),
        KnownEntity("openai", "ORG", "OpenAI", kind="lab"),
        KnownEntity("meta-ai", "ORG", "Meta AI", ("FAIR", "Facebook AI Research"), kind="lab"),
        KnownEntity("imagenet", "DATASET", "ImageNet"),
    ])


def sample_graph() -> nx.MultiDiGraph:
    """Return the graph of the sample reports with the sample knowledge.

    As in a build, Epoch AI's facts sit on the models they describe
    (:func:`aigraph.graph.outside.sample_epoch_records`).
    """
    from aigraph.graph.assemble import graph_from_extractions
    from aigraph.graph.outside import add_outside_facts, sample_epoch_records

    knowledge = sample_knowledge()
    graph, _ = graph_from_extractions(sample_extractions(), knowledge)
    add_outside_facts(graph, knowledge, sample_epoch_records())
    return graph
