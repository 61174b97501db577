"""The spaCy components that turn a block of text into entity candidates and picks.

``aigraph_rules`` adds rule-found names (acronyms, "called X", organisation and
model cues, papers, money, people) to ``doc.spans["aig.rules"]`` and metrics to
``doc.spans["aig.metrics"]``; ``aigraph_resolver`` chooses one label per stretch
of text among gazetteer, rule and statistical candidates and writes ``doc.ents``.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from aigraph.extract import metrics, names, papers, table_models
from aigraph.extract.compiled import CompiledKnowledge
from aigraph.extract.gazetteer import EXACT_KEY, LOWER_KEY
from aigraph.extract.gazetteer_pipe import chars_key, gazetteer_rows
from aigraph.extract.name_families import find_family_versions
from aigraph.extract.sentences import sentence_starts
from aigraph.extract.statistical import STAT_KEY
from aigraph.lexicon import is_common_word, words

RULES_KEY = "aig.rules"
METRICS_KEY = "aig.metrics"
#: ``doc.user_data`` key of the Doc's text, set once (see :func:`doc_text`).
TEXT_KEY = "aig.text"

#: Lower rank wins a tie between overlapping candidates of equal length.
_RANK = {EXACT_KEY: 0, RULES_KEY: 1, LOWER_KEY: 2, STAT_KEY: 3}
_STRONG_RULES = frozenset({"rule:paper-the-x-paper", "rule:paper-x-is-a-paper", "rule:paper-in-x-they-find",
                           "rule:paper-titled", "rule:paper-quoted", "rule:called", "rule:acronym", "rule:acronym-long"})

if not Doc.has_extension("aig_pairs"):
    Doc.set_extension("aig_pairs", default=None)
    Doc.set_extension("aig_sents", default=None)
    Span.set_extension("aig_metric", default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _span(doc: Doc, text: str, start: int, end: int, label: str, rule: str) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    # ``span.text`` as a slice of the Doc's text (the property joins its tokens' texts)
    if span is None or not text[span.start_char : span.end_char].strip():
        return None
    span.kb_id_ = rule
    return span


@Language.component("aigraph_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence boundaries from punctuation and line breaks, in one pass over the text.

    Sets ``Token.is_sent_start`` (so ``doc.sents`` works) and keeps the start offsets in
    ``doc._.aig_sents`` for the rules, which look them up by bisection.
    """
    starts = sentence_starts(doc_text(doc))
    if len(doc):
        positions = numpy.searchsorted(doc.to_array("IDX"), starts)
        flags = numpy.full(len(doc), -1, dtype="int32")  # -1: not a sentence start
        flags[positions[positions < len(doc)]] = 1
        flags[0] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
    doc._.aig_sents = starts
    return doc


class RuleCandidates:
    """Runs the pattern rules of :mod:`names`, :mod:`papers` and :mod:`metrics` on a Doc."""

    def __init__(self, nlp: Language, name: str, *, knowledge: CompiledKnowledge) -> None:
        self.name = name
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans: list[Span] = []
        pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for m in names.find_acronyms(text):
            pairs.append(((m.start, m.end), m.partner))
        curated = doc.user_data.get(chars_key(EXACT_KEY))
        if curated is None or EXACT_KEY not in doc.spans:
            curated = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(EXACT_KEY, ())]
        known = frozenset((start, end) for start, end, _ in curated)
        runs = names.name_runs(text)
        for m in (*names.find_called(text, runs=runs), *names.find_orgs(text, known=known, runs=runs),
                  *names.find_models(text, known=known, runs=runs),
                  *names.find_money(text), *names.find_people(text), *table_models.model_cells(text),
                  *names.find_known_extensions(text, curated),
                  *find_family_versions(text, self.knowledge.model_families, frozenset(s for s, _ in known))):
            span = _span(doc, text, m.start, m.end, m.label, m.rule)
            if span is not None:
                spans.append(span)
        for p in papers.find_papers(text, known=self.knowledge.is_known, links=True):
            span = _span(doc, text, p.start, p.end, "PAPER", p.rule)
            if span is not None:
                spans.append(span)
        metric_spans = []
        for mm in metrics.find_metrics(text, is_dataset=self.knowledge.is_dataset):
            span = _span(doc, text, mm.start, mm.end, "METRIC", f"rule:metric-{mm.kind}")
            if span is not None:
                span._.aig_metric = mm
                metric_spans.append(span)
        doc.spans[RULES_KEY] = spans
        doc.spans[METRICS_KEY] = metric_spans
        doc._.aig_pairs = pairs
        return doc


#: The ``knowledge`` setting of the components: the packaged data, compiled and cached.
_KNOWLEDGE = {"@misc": "aigraph.knowledge.v1", "data": None}


@Language.factory("aigraph_rules", default_config={"knowledge": _KNOWLEDGE})
def make_rule_candidates(nlp: Language, name: str, *, knowledge: CompiledKnowledge) -> RuleCandidates:
    """Factory of :class:`RuleCandidates`; ``knowledge`` names the curated data it looks names up in."""
    return RuleCandidates(nlp, name, knowledge=knowledge)




def _starts_sentence(starts: list[int], text: str, char: int) -> bool:
    """Whether only bullets, quotes and spaces stand between the sentence start before ``char`` and it."""
    import bisect

    i = bisect.bisect_right(starts, char) - 1
    return not text[starts[i] : char].strip(" \t-*•●▪◦○■\"'(")


#: Text that names nothing: arXiv subject codes ("(cs.LG)", "stat.ML"; the span starts at
#: the dot, so the scan runs on a plain character) and bracketed page chips ("[Kimi1] [Copy]",
#: buttons of a paper page): a line of them, or two or more ending a line.
_SUBJECT_CODE = re.compile(
    r"\.(?:" + "|".join(rf"(?<=\b{area}\.)" for area in (
        "cs", "stat", "math", "eess", "econ", "q-bio", "q-fin", "physics", "astro-ph", "cond-mat", "quant-ph", "nlin",
        "hep-[a-z][a-z]")) + r")[A-Z]{2}\b"
)
_CHIPS = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)+$|(?:\[[^\]\n]{1,24}\](?!\()[ \t]*){2,}$", re.MULTILINE)


def _chrome_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _SUBJECT_CODE.finditer(text)] if "." in text else []
    if "[" in text:
        spans += [m.span() for m in _chips(text)]
    return spans


def _chips(text: str):
    """``_CHIPS.finditer(text)`` on the lines that hold a ``[`` (a match never leaves its line)."""
    at = text.find("[")
    while at != -1:
        lo = text.rfind("\n", 0, at) + 1
        hi = text.find("\n", at)
        hi = len(text) if hi == -1 else hi
        yield from _CHIPS.finditer(text, lo, hi)
        at = text.find("[", hi)


#: The header row of a Markdown table: the line above its ``|---|---|`` separator.
_HEADER_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*(?=\n[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*\|)", re.MULTILINE)


def _header_rows(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _HEADER_ROW.finditer(text)] if "|" in text else []


class LabelChooser:
    """Picks non-overlapping entities among the candidates and writes ``doc.ents``.

    Longer candidates win; on equal length the exact gazetteer beats the rules,
    which beat the case-blind gazetteer and the statistical model. Ambiguous
    curated names are dropped at the start of a sentence. Acronym definitions
    label both forms alike.

    Candidates are plain tuples ``(length, rank, start, end, start_char, end_char,
    label, kb_id, id)`` (string-store hashes), and so are the chosen ones (see :func:`set_entities`).
    """

    def __init__(self, nlp: Language, name: str, *, knowledge: CompiledKnowledge) -> None:
        self.name = name
        self.ambiguous_ids = knowledge.ambiguous_ids
        #: The same ids as string-store hashes (what the gazetteer rows carry).
        self._ambiguous_hashes = frozenset(get_string_id(i) for i in knowledge.ambiguous_ids)

    def _ambiguous_ok(self, doc: Doc, start_char: int, start: int, end: int) -> bool:
        """Whether a curated name (tokens ``start:end``) that is also an ordinary word stands as a name here."""
        first = _starts_sentence(self._sents, self._text, start_char)
        right = doc[end] if end < len(doc) else None
        following = right.text if right is not None else ""
        acts = following in ("'s", "'") or following in words("org_verbs") or following in words("subject_verbs")
        if first and not acts and all(is_common_word(doc[i].text) for i in range(start, end)):
            return False
        # Part of a longer capitalised name ("Data Science Bootcamp"): not this entry. A
        # neighbour that is a curated name of its own is a second name beside it
        # ("Anthropic Claude's", "Facebooks PyTorch").
        left = doc[start - 1] if start > 0 else None
        left_capital = left is not None and not first and left.text[:1].isupper()
        right_capital = following[:1].isupper() and following not in ("'s", "'")
        if not (left_capital or right_capital):
            return True
        named = self._named_tokens()
        return not ((left_capital and left.i not in named) or (right_capital and right.i not in named))

    def _named_tokens(self) -> set[int]:
        """Tokens of the Doc's curated names that are not ordinary words (built when first needed)."""
        if self._named is None:
            self._named = {i for _, _, lo, hi, _, _, ident in self._exact if ident not in self._ambiguous_hashes
                           for i in range(lo, hi)}
        return self._named

    def __call__(self, doc: Doc) -> Doc:
        text = self._text = doc_text(doc)
        self._sents = doc._.aig_sents or [0]
        stop = words("stop_names")
        headers = _header_rows(text)
        ambiguous = self._ambiguous_hashes
        self._exact, self._named = gazetteer_rows(doc, EXACT_KEY), None
        cands: list[tuple[int, int, int, int, int, int, int, int, int]] = []
        for key in (EXACT_KEY, RULES_KEY, LOWER_KEY, STAT_KEY):
            rank = _RANK[key]
            if key in (EXACT_KEY, LOWER_KEY):
                for start_char, end_char, start, end, label, kb_id, ident in (
                        self._exact if key == EXACT_KEY else gazetteer_rows(doc, key)):
                    surface = text[start_char:end_char]
                    # A case-blind match written all in lower case is a phrase, not a name
                    # ("built generative agents"); "US air force" keeps its capitals.
                    if surface in stop or (key == LOWER_KEY and surface.islower()):
                        continue
                    if ident in ambiguous and (not self._ambiguous_ok(doc, start_char, start, end)
                                               or any(lo <= start_char < hi for lo, hi in headers)):
                        continue  # an ordinary word here, or a column name ("| Benchmark | ...")
                    cands.append((end_char - start_char, rank, start, end, start_char, end_char, label, kb_id, ident))
                continue
            for span in doc.spans.get(key, ()):
                start_char, end_char, span_rank = span.start_char, span.end_char, rank
                if key == STAT_KEY:
                    if all(is_common_word(w) or w in stop for w in text[start_char:end_char].split()):
                        continue
                elif span.kb_id_ in _STRONG_RULES:
                    span_rank = -1 if span.label_ == "PAPER" or span.kb_id_ == "rule:called" else 0
                elif span.kb_id_ == "rule:org-funding":
                    span_rank = -1  # "Cursor ($900M)": a company raising money, whatever product shares its name
                cands.append((end_char - start_char, span_rank, span.start, span.end, start_char, end_char,
                              span.label, span.kb_id, span.id))
        # Acronym pairs: a form without a label takes its partner's.
        strings = doc.vocab.strings
        acronym = strings.add("rule:acronym")
        pairs = doc._.aig_pairs or ()
        by_chars = {(c[4], c[5]): c for c in cands} if pairs else {}
        for a, b in pairs:
            for this, other in ((a, b), (b, a)):
                if this in by_chars or other not in by_chars:
                    continue
                partner = by_chars[other]
                if strings[partner[6]] == "PAPER":
                    continue  # a method named after its paper is not the paper
                span = doc.char_span(*this, label=partner[6], alignment_mode="expand")
                if span is not None:
                    by_chars[this] = cand = (span.end_char - span.start_char, 1, span.start, span.end,
                                             span.start_char, span.end_char, partner[6], acronym, partner[8])
                    cands.append(cand)
        for a, b in pairs:
            if a in by_chars or b in by_chars:
                continue
            short = doc.char_span(*a, alignment_mode="expand")
            long_ = doc.char_span(*b, alignment_mode="expand")
            if short is None or long_ is None:
                continue
            label = names.label_of_long_form(short.text, long_.text)
            if label is None:
                continue
            label_id = strings.add(label)
            for span in (short, long_):
                cands.append((span.end_char - span.start_char, 1, span.start, span.end, span.start_char, span.end_char,
                              label_id, acronym, 0))
        chrome = _chrome_spans(text)
        if chrome:
            cands = [c for c in cands if not any(lo < c[5] and c[4] < hi for lo, hi in chrome)]
        cands.sort(key=lambda c: (-c[0], c[1], c[2]))
        taken = [False] * len(doc)
        chosen: list[tuple[int, int, int, int, int]] = []
        for _, _, start, end, _, _, label, kb_id, ident in cands:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            chosen.append((start, end, label, kb_id, ident))
        set_entities(doc, chosen)
        return doc


def set_entities(doc: Doc, entities: list[tuple[int, int, int, int, int]]) -> None:
    """Write non-overlapping ``(start, end, label, kb_id, id)`` (hashes) as the Doc's entities.

    What ``doc.set_ents`` with Spans of these values and ``default="outside"`` writes (a
    label of 0 names no entity; tokens outside keep their kb and entity ids), in one
    :meth:`~spacy.tokens.Doc.from_array` instead of a Span and set operations per entity.
    """
    columns = numpy.zeros((len(doc), 4), dtype="uint64")
    columns[:, 0] = 2  # ENT_IOB "O"
    columns[:, 2:] = doc.to_array([ENT_KB_ID, ENT_ID])
    ents = numpy.array([e for e in entities if e[2] and e[0] < e[1]], dtype="uint64").reshape(-1, 5)
    starts, lengths = ents[:, 0].astype("int64"), (ents[:, 1] - ents[:, 0]).astype("int64")
    # Each entity's row repeated once per token, and the token indices it covers.
    owner = numpy.repeat(numpy.arange(len(ents)), lengths)
    tokens = starts[owner] + numpy.arange(len(owner)) - (numpy.cumsum(lengths) - lengths)[owner]
    columns[tokens, 0] = 1  # "I", and "B" on each first token
    columns[starts, 0] = 3
    columns[tokens, 1:3] = ents[owner, 2:4]
    with_id = ents[owner, 4] != 0  # as set_ents: an entity without an id keeps the token's
    columns[tokens[with_id], 3] = ents[owner, 4][with_id]
    doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID], columns)


@Language.factory("aigraph_resolver", default_config={"knowledge": _KNOWLEDGE})
def make_resolver(nlp: Language, name: str, *, knowledge: CompiledKnowledge) -> LabelChooser:
    """Factory of :class:`LabelChooser`; ``knowledge`` says which curated names are ambiguous."""
    return LabelChooser(nlp, name, knowledge=knowledge)
