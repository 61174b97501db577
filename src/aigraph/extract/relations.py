"""Relation rules: DEVELOPED (ORG -> MODEL), ACHIEVES (MODEL -> METRIC), MEASURED_ON (METRIC -> DATASET).

Each rule reads one block of text and its resolved mentions; every relation keeps
the sentence it came from, the rule's name and a confidence. The curated knowledge
only ever confirms what the text already puts side by side.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter
from collections.abc import Callable
from dataclasses import dataclass, field

from aigraph.extract import result_links
from aigraph.extract.relation_parts import BlockMention, FoundRelation
from aigraph.records import Block, Evidence

_DEV_VERBS = (
    r"(?:creates?|created|creating|releases?|released|releasing|builds?|built|building|build|develops?|developed|"
    r"developing|introduces?|introduced|unveils?|unveiled|launch(?:es)?|launched|trains?|trained|open-sourced|"
    r"open\s+sourced|produces?|produced|designs?|designed|presents?|presented|announces?|announced|publishe[sd]|"
    r"debuts?|debuted|makes|made|ships?|shipped|rolls?\s+out|rolled\s+out|proposes?|proposed|reveals?|revealed|"
    r"demos?|demoed|showcases?|showcased|follows?\s+up\s+with|followed\s+up\s+with|has|have)"
)
_VERB_RE = re.compile(rf"\b{_DEV_VERBS}\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:yet\s+|and\s+|but\s+|so\s+)?(?:they|the company|the lab|the startup|the team|its researchers|their researchers)\b", re.IGNORECASE)
_BY_ORG = re.compile(
    r"^\s*,?\s*(?:\(\s*)?(?:(?:developed|built|released|created|trained|introduced|made|designed|published|proposed|unveiled|launched)\s+"
    r"(?:together\s+with|jointly\s+with|in\s+collaboration\s+with|with)\s+|(?:(?:developed|built|released|created|trained|introduced|made|designed|published|proposed|unveiled|launched)\s+)?(?:by|from)\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_BY = re.compile(
    r"^\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?:model|models|system|LLM|agent|network|architecture|method|chatbot|assistant|classifier|family|series)"
    r"\s+(?:(?:developed|built|released|created|trained|introduced|made|designed|published|proposed|unveiled|launched)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "fine-tuned from LLaMA by LMSYS": LLaMA is the base, not LMSYS's model.
_BASE_MODEL_BEFORE = re.compile(r"\b(?:fine-?tuned|distilled|derived|built|based|trained|adapted)\s+(?:from|on|upon)\s+(?:the\s+)?$", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"^\s*\(\s*$")
_CLOSE_PAREN = re.compile(r"\s*\)")
#: "DeepMind described the system in ..." - the model of the sentence before.
_ORG_THEN_ANAPHOR = re.compile(
    r"^\s*(?:described|released|open-sourced|published|introduced|unveiled|detailed|presented|trained|built|developed)\s+"
    r"(?:the|this|its|their)\s+(?:new\s+)?(?:system|model|method|architecture|network|algorithm|agent|work)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^'s?\s+(?:(?:new|latest|open[- ]source|own|recent|flagship|upcoming|first|second|next)\s+|[\w-]+\s+){0,3}?$"
                         r"|^'s?\s+(?:best|latest|newest|flagship|top|strongest|largest|biggest|answer|entry|contender),\s+$")  # "Org's best, X"
#: Between a verb and its object: articles, adjectives, "called", but no preposition.
_OBJECT_GAP = re.compile(
    r"^\s+(?:(?!(?:on|of|to|than|like|with|from|at|for|in|as|against|by|over|about|into|beyond|using|via|through|upon)\b)[\w-]+\s+){0,7}?(?:(?:called|named|dubbed)\s+)?$",
    re.IGNORECASE,
)
#: Close enough to read as one phrase: "GPT-4 (OpenAI)", "OpenAI GPT-4", "Google and DeepMind's Gemini".
_NEAR = re.compile(r"^(?:\s*[(,/-]?\s*|'s\s+|\s+and\s+[\w-]+'s\s+)$")
#: A model named after a metric as the baseline it is compared with.
_BASELINE = re.compile(
    r"\b(?:over|than|vs\.?|versus|against|compared\s+(?:to|with)|relative\s+to|beating|beats|beat|"
    r"outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|ahead\s+of)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?$"
)
#: A model named as a point of comparison, not as the subject's work.
_COMPARED = re.compile(r"\b(?:like|than|as|unlike|versus|vs\.?|over|beyond|of|to|against|including|such\s+as)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_COMPARED_ONLY = re.compile(r"\b(?:like|than|unlike|versus|vs\.?|over|beyond|against|including|such\s+as)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|from|with|at|of|for|to|than|like)\s+(?:the\s+)?(?:(?:former|ex-|its|their|rival|partner|[a-z]+'s)\s+)?$",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(r"\b(?:[Oo]n|[Ii]n|[Aa]cross)\s+(?:the\s+)?$")
#: "the team at Org", "researchers from Org": the organisation stands for the subject.
_TEAM_AT = re.compile(r"(?:^|(?<=\n)[\s\u2022\u25cf\u25aa\u25e6*-]*|[.;:]\s+|\b(?:and|while|but|then)\s+)(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:team|teams|researchers|scientists|engineers|group)\s+"
                      r"(?:at|from)\s+(?:the\s+)?$", re.IGNORECASE)
_IS_ORGS = re.compile(r"^\s*(?:,|is|was|\(|-|–|—|,\s+(?:the|a|an))\s*$|^\s+(?:is|was)\s+(?:the\s+|a\s+|an\s+)?$")
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|&|,\s*and)\s*$")


#: Before a row's first model: a rank or a table bar (and medals), no words.
_ROW_LEAD = re.compile(r"^[^A-Za-z]*[\d|][^A-Za-z]*$")
_ROW_BY = re.compile(
    r"(?<!\bused )(?<!\bbeaten )(?<!\boutperformed )(?<!\bsurpassed )(?<!\bcited )(?<!\bfollowed )\bby\s+(?:the\s+)?$"
)
_LEAD_BY = re.compile(
    r"\W*(?:[Pp]roposed|[Dd]eveloped|[Cc]reated|[Ii]ntroduced|[Rr]eleased|[Bb]uilt|[Dd]esigned|[Tt]rained|[Pp]ublished)"
    r"\s+(?:jointly\s+)?by\s+(?:the\s+)?"
)


def _after_preposition(org: BlockMention, orgs: list[BlockMention], text: str) -> bool:
    """True when ``org`` (or the list it ends, "by Microsoft and NVIDIA") follows a preposition."""
    i = orgs.index(org)
    while i > 0 and _LIST_GAP.match(text[orgs[i - 1].end : orgs[i].start]):
        i -= 1
    first = orgs[i]
    if _TEAM_AT.search(text, max(0, first.start - 40), first.start):
        return False  # "the team at Org released X": the organisation is the subject
    return bool(_PREPOSITION_BEFORE.search(text, max(0, first.start - 24), first.start))


def _last_verb(text: str):
    found = None
    for found in _VERB_RE.finditer(text):
        pass
    return found


def _evidence(found: FoundRelation, block: Block, text: str) -> Evidence:
    s, e = found.head.sent if found.head.sent[0] <= found.tail.start < found.head.sent[1] else found.tail.sent
    return Evidence(block.slides[0] if block.slides else None, s, e, text[s:e].strip(), found.rule, found.confidence)


def _by_sentence(ments: list[BlockMention]) -> dict[tuple[int, int], list[BlockMention]]:
    """Mentions grouped by their sentence, in text order (one pass)."""
    out: dict[tuple[int, int], list[BlockMention]] = {}
    for m in ments:
        out.setdefault(m.sent, []).append(m)
    return out


def _last_before(ments: list[BlockMention], ends: list[int], at: int) -> BlockMention | None:
    """The last of ``ments`` (sorted, ``ends`` their sentence ends) whose sentence ends by ``at``."""
    i = bisect.bisect_right(ends, at)
    return ments[i - 1] if i else None


@dataclass(slots=True)
class _Block:
    """One block's mentions, indexed for the DEVELOPED rules, and what they found so far."""

    text: str
    ments: list[BlockMention]
    curated_dev: Callable[..., bool | None]
    context_org: BlockMention | None
    sents: dict[tuple[int, int], list[BlockMention]] = field(init=False)
    orgs: list[BlockMention] = field(init=False)
    models: list[BlockMention] = field(init=False)
    org_ends: list[int] = field(init=False)
    model_ends: list[int] = field(init=False)
    out: list[FoundRelation] = field(default_factory=list)
    #: Models already given their developer (one rule per model).
    linked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sents = _by_sentence(self.ments)
        self.orgs = [m for m in self.ments if m.label == "ORG"]
        self.models = [m for m in self.ments if m.label == "MODEL"]
        self.org_ends = [o.sent[1] for o in self.orgs]
        self.model_ends = [m.sent[1] for m in self.models]

    def found(self, org: BlockMention, model: BlockMention, rule: str, confidence: float) -> None:
        self.out.append(FoundRelation("DEVELOPED", org, model, rule, confidence))
        self.linked.add(model.name)


def developed(ments: list[BlockMention], text: str, *, context_org: BlockMention | None = None, curated_dev=lambda org, model, exact=False: None) -> list[FoundRelation]:
    """DEVELOPED relations of one block (``text`` is the whole document text).

    Mentions are indexed by sentence, so the work is linear in the mentions of the block.
    The rules run in order of confidence; a model linked by one is not linked again.
    """
    if not any(m.label == "MODEL" for m in ments) or (context_org is None and not any(m.label == "ORG" for m in ments)):
        return []  # every rule links a model of the block to an organisation (of the block, or its heading's)
    block = _Block(text, sorted(ments, key=lambda m: m.start), curated_dev, context_org)
    _possessive(block)
    _model_is_orgs(block)
    _org_described_model(block)
    _row_by_org(block)
    _proposed_by(block)
    for model in block.models:
        if model.name not in block.linked:
            _link_model(block, model)
    return block.out


def _possessive(b: _Block) -> None:
    """DeepMind's Perceiver and Perceiver IO."""
    for org in b.orgs:
        prev_end = None
        group = b.sents[org.sent]  # sorted by start: the mentions after the organisation are a tail
        for m in group[bisect.bisect_left(group, org.end, key=attrgetter("start")):]:
            gap = b.text[(prev_end or org.end) : m.start]
            if prev_end is None:
                if not _POSSESSIVE.match(gap):
                    break
            elif not _LIST_GAP.match(gap):
                break
            # A list item the curated knowledge gives to another maker ends the list:
            # "Meta's Llama 3, GPT-4 and Claude" (a None means it cannot say).
            if m.label != "MODEL" or (prev_end is not None and b.curated_dev(org.name, m.name) is False):
                break
            b.found(org, m, "rule:possessive", 0.9)
            prev_end = m.end


def _model_is_orgs(b: _Block) -> None:
    """GPT-4 is OpenAI's latest model / Gato, DeepMind's generalist agent."""
    for org in b.orgs:
        if b.text[org.end : org.end + 2] == "'s":
            prior = [m for m in b.sents[org.sent] if m.label == "MODEL" and m.end <= org.start]
            if prior and prior[-1].name not in b.linked and _IS_ORGS.match(b.text[prior[-1].end : org.start]):
                b.found(org, prior[-1], "rule:model-is-orgs", 0.85)


def _org_described_model(b: _Block) -> None:
    """DeepMind described the system in ... -> the previous sentence's model."""
    for org in b.orgs:
        if _ORG_THEN_ANAPHOR.match(b.text[org.end : org.end + 80]):
            last = _last_before(b.models, b.model_ends, org.sent[0])
            if last is not None and last.name not in b.linked:
                first = next(m for m in b.sents[last.sent] if m.label == "MODEL")
                b.found(org, first, "rule:org-described-model", 0.7)


def _row_by_org(b: _Block) -> None:
    """Leaderboard and listing rows: "3 Orca-Mini-7B 1012 an assistant tuned from Mistral
    ... by Example Lab" - the "by" organisation built the row's first model; the other
    models of the row are what it was built from."""
    for sent, group in b.sents.items():
        head = group[0] if group[0].label == "MODEL" else None
        if head is None or not _ROW_LEAD.match(b.text[sent[0] : head.start]):
            continue
        by = next((o for o in group if o.label == "ORG" and o.start > head.end
                   and _ROW_BY.search(b.text, max(head.end, o.start - 40), o.start)), None)
        if by is None:
            # "7 Gemma-2-9B-It 980 Google open models": the row's one
            # organisation, when the curated knowledge says it builds that family.
            row_orgs = {o.name: o for o in group if o.label == "ORG" and o.start > head.end}
            if len(row_orgs) == 1:
                only = next(iter(row_orgs.values()))
                by = only if b.curated_dev(only.name, head.name, exact=True) else None
        if by is not None and head.name not in b.linked:
            b.found(by, head, "rule:row-by-org", 0.8)
            b.linked.update(m.name for m in group if m.label == "MODEL")


def _proposed_by(b: _Block) -> None:
    """A sentence led by "Proposed by Meta AI in Paris, DINO is ..."."""
    for sent, group in b.sents.items():
        lead = _LEAD_BY.match(b.text, sent[0])
        if lead is None:
            continue
        org = next((o for o in group if o.label == "ORG"), None)
        model = next((m for m in group if m.label == "MODEL" and org is not None and m.start > org.end), None)
        if org is not None and model is not None and org.start == lead.end() and model.name not in b.linked \
                and "," in b.text[org.end : model.start] and len(b.text[org.end : model.start]) < 60:
            b.found(org, model, "rule:proposed-by", 0.8)


def _link_model(b: _Block, model: BlockMention) -> None:
    """The first rule that names the developer of a model not linked yet."""
    sent_orgs = [o for o in b.sents[model.sent] if o.label == "ORG"]
    for rule in (_org_after, _subject_verb, _pronoun_subject, _curated_in_sentence):
        if rule(b, model, sent_orgs):
            return


def _org_after(b: _Block, model: BlockMention, sent_orgs: list[BlockMention]) -> bool:
    """Stable Diffusion, by Stability AI / Llama 2 from Meta / "GPT-4 (OpenAI)"."""
    after = [o for o in sent_orgs if o.start >= model.end]
    if not after:
        return False
    gap = b.text[model.end : after[0].start]
    if _APPOSITIVE_BY.match(gap) or (_OPEN_PAREN.match(gap) and _CLOSE_PAREN.match(b.text, after[0].end)):
        b.found(after[0], model, "rule:appositive-by-org", 0.8)
        return True
    if _BY_ORG.match(gap) and not _BASE_MODEL_BEFORE.search(b.text, max(0, model.start - 40), model.start):
        b.found(after[0], model, "rule:by-org", 0.85)
        # "X from A and B": every organisation of the list, up to the one after the conjunction
        # (an "A's" is a new phrase: "from A, B's Y").
        for prev, org in zip(after, after[1:]):
            gap = b.text[prev.end : org.start]
            if not _LIST_GAP.match(gap) or b.text.startswith("'s", prev.end) or b.text.startswith("'s", org.end):
                break
            b.found(org, model, "rule:by-org", 0.85)
            if gap.strip(" ,") in ("and", "&"):
                break
        return True
    return False


def _subject_verb(b: _Block, model: BlockMention, sent_orgs: list[BlockMention]) -> bool:
    """Facebook AI creates SEER / US air force build ... called µZero.

    "... trained by Google DeepMind, and shipped PaLM 2": an organisation after a
    preposition is not the subject; the one before it may be.
    """
    before = [o for o in sent_orgs if o.end <= model.start]
    # The subject is the last of them (the others are only read once it links).
    org = next((o for o in reversed(before) if not _after_preposition(o, before, b.text)), None)
    if org is None:
        return False
    between = b.text[org.end : model.start]
    verb = _last_verb(between) if len(between) < 160 else None  # a long gap is not one clause
    if not (verb and _OBJECT_GAP.match(between[verb.end() :])
            and not re.search(r"[;]|\bwhich\b|\bwhile\b|\bbut\b", between[: verb.start()])):
        return False
    b.found(org, model, "rule:org-verb-model", 0.8)
    subjects = [o for o in before if not _after_preposition(o, before, b.text)]
    # Isomorphic Labs and Google DeepMind introduced ...
    for other in reversed(subjects[:-1]):
        if not _LIST_GAP.match(b.text[other.end : org.start]):
            break
        b.out.append(FoundRelation("DEVELOPED", other, model, "rule:org-verb-model", 0.75))
        org = other
    return True


def _pronoun_subject(b: _Block, model: BlockMention, sent_orgs: list[BlockMention]) -> bool:
    """Then they built a system called FoldNet (the subject is the previous sentence's)."""
    lead = b.text[model.sent[0] : model.start]
    if any(o.end <= model.start for o in sent_orgs) or not _PRONOUN_SUBJECT.match(lead) \
            or not (verb := _last_verb(lead)) or not _OBJECT_GAP.match(lead[verb.end() :]):
        return False
    prev = _last_before(b.orgs, b.org_ends, model.sent[0])
    if prev is None:
        return False
    b.found(prev, model, "rule:pronoun-subject", 0.7)
    return True


def _curated_in_sentence(b: _Block, model: BlockMention, sent_orgs: list[BlockMention]) -> bool:
    """Side by side in the text, and the curated knowledge says that organisation built it."""
    text, curated = b.text, b.curated_dev
    # The organisation opens the sentence.
    opener = sent_orgs[0] if sent_orgs else None
    if opener is not None and opener.start < model.start and not text[opener.sent[0] : opener.start].strip(" \t\"'(-*") \
            and not _COMPARED.search(text, max(0, model.start - 25), model.start) \
            and curated(opener.name, model.name, exact=True):
        b.found(opener, model, "rule:subject+curated", 0.6)
        return True
    # Next to each other.
    same = [o for o in sent_orgs if curated(o.name, model.name, exact=True)
            and _NEAR.match(text[min(o.end, model.end) : max(o.start, model.start)])]
    if same:
        b.found(same[0], model, "rule:cooccurrence+curated", 0.65)
        return True
    # The sentence's one organisation and its first model: "The release of X ...
    # underscores Org's commitment".
    first_model = next(m for m in b.sents[model.sent] if m.label == "MODEL")
    if len({o.name for o in sent_orgs}) == 1 and first_model.name == model.name \
            and not _COMPARED_ONLY.search(text, max(0, model.start - 25), model.start) \
            and curated(sent_orgs[0].name, model.name, exact=True):
        b.found(sent_orgs[0], model, "rule:sentence+curated", 0.6)
        return True
    # A model under an organisation's heading paragraph.
    if b.context_org is not None and not b.orgs and curated(b.context_org.name, model.name):
        b.found(b.context_org, model, "rule:heading+curated", 0.6)
        return True
    return False


_WE_PRESENT = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+){0,2}?(?:present|introduce|propose|release|train|develop|build|describe|call)\w*\s+"
    r"(?:(?!(?:on|than|like|against|over|with|to|from|versus)\b)[\w-]+\s+){0,6}?(?:(?:called|named|dubbed)\s+)?$"
)
#: The document head in which a byline or an affiliation line may stand.
BYLINE_CHARS = 2000


def byline(ments: list[BlockMention], text: str) -> list[FoundRelation]:
    """A paper page's own models and the organisations of its byline.

    An organisation on a short line at the head of the page (an author affiliation,
    "DeepMind" under the title) built the model the page says "we present / introduce /
    propose"; ``ments`` are the whole document's, in text order.
    """
    models = [m for m in ments if m.label == "MODEL" and _WE_PRESENT.search(text, max(0, m.start - 120), m.start)]
    if not models:
        return []
    first = models[0].start
    orgs: dict[str, BlockMention] = {}
    for o in ments:
        if o.label != "ORG" or o.start >= min(first, BYLINE_CHARS):
            continue
        line_start = text.rfind("\n", 0, o.start) + 1
        line_end = text.find("\n", o.end)
        line = text[line_start : len(text) if line_end == -1 else line_end]
        if len(line.split()) <= 12 and not _VERB_RE.search(line):
            orgs.setdefault(o.name, o)
    if not 1 <= len(orgs) <= 3:
        return []
    seen: set[str] = set()
    out = []
    for model in models:
        if model.name in seen:
            continue
        seen.add(model.name)
        out.extend(FoundRelation("DEVELOPED", o, model, "rule:byline-we-present", 0.6) for o in orgs.values())
    return out


def achieves(ments: list[BlockMention], text: str) -> list[FoundRelation]:
    """ACHIEVES: the model each result belongs to (table cell, next to it, its sentence); see :mod:`result_links`."""
    return result_links.achieves(ments, text)


def measured_on(ments: list[BlockMention], dataset_of_metric: dict[tuple[int, int], str], text: str = "") -> list[FoundRelation]:
    """MEASURED_ON: the benchmark a result names (table axis, ``... on ImageNet``); see :mod:`result_links`."""
    return result_links.measured_on(ments, dataset_of_metric, text)
