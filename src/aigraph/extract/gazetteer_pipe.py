"""``aigraph_gazetteer``: curated names found by a PhraseMatcher fed compiled patterns.

It writes what a :class:`~spacy.pipeline.SpanRuler` with phrase patterns would (every
match, deduplicated and sorted, with the curated id as ``span.id_``) to
``doc.spans[spans_key]``, but takes its patterns as token-hash sequences from
:mod:`aigraph.extract.compiled`, so no pattern is tokenised at start-up. Two
instances run in the pipeline: ``exact`` patterns on ``ORTH`` and ``lower`` ones on
``LOWER``. The patterns are saved with the pipeline (``to_disk``) and read back
(``from_disk``).
"""

from __future__ import annotations

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from aigraph.extract.compiled import CompiledKnowledge, PhrasePatterns

_FILE = "patterns.msgpack"


class Gazetteer:
    """Matches the compiled phrase patterns of one kind and stores the spans under a key."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, patterns: str,
                 knowledge: CompiledKnowledge) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.kind = patterns
        self._set_patterns(knowledge.patterns[patterns])

    def _set_patterns(self, patterns: PhrasePatterns) -> None:
        self.patterns = patterns
        #: Curated id -> its string-store hash (added once).
        self._hashes: dict[str, int] = {}
        self.matcher = PhraseMatcher(self.vocab, attr=patterns.attr)
        for label, keywords in patterns.by_label().items():
            self.vocab.strings.add(label)
            self.matcher.add(label, keywords)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        found: set[tuple[int, int, int, int]] = set()
        if matches:
            # The matched attribute of every token, read at once; only the matched stretches
            # become Python ints (most tokens match nothing).
            values = doc.to_array(self.patterns.attr)
            strings, ids, hashes = self.vocab.strings, self.patterns.ids, self._hashes
            labels: dict[int, str] = {}
            for match_id, start, end in matches:
                label = labels.get(match_id)
                if label is None:
                    label = labels[match_id] = strings[match_id]
                for ident in ids.get((label, tuple(values[start:end].tolist())), ()):
                    key = hashes.get(ident)
                    if key is None:
                        key = hashes[ident] = strings.add(ident)
                    found.add((start, end, match_id, key))
        # Sorted as spaCy sorts spans (start, end, label hash, kb id, span id), as a SpanRuler does.
        ordered = sorted(found)
        new = [Span(doc, start, end, label=label, span_id=ident) for start, end, label, ident in ordered]
        # The same spans as plain rows for the rules and the resolver: reading a span
        # group back builds every Span object anew. A new span's kb id is 0.
        rows = [(span.start_char, span.end_char, start, end, label, 0, ident)
                for span, (start, end, label, ident) in zip(new, ordered)]
        if self.spans_key in doc.spans:
            earlier = doc.spans[self.spans_key]
            new = [*earlier, *new]
            rows = [(s.start_char, s.end_char, s.start, s.end, s.label, s.kb_id, s.id) for s in earlier] + rows
        strings = self.vocab.strings
        label_names = {label: strings[label] for label in {row[4] for row in rows}}
        doc.spans[self.spans_key] = new
        doc.user_data[rows_key(self.spans_key)] = rows
        doc.user_data[chars_key(self.spans_key)] = [(start_char, end_char, label_names[label])
                                                    for start_char, end_char, _, _, label, _, _ in rows]
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = [[label, list(keyword), list(ids)] for (label, keyword), ids in self.patterns.ids.items()]
        srsly.write_msgpack(path / _FILE, {"attr": self.patterns.attr, "patterns": rows})

    def from_disk(self, path, *, exclude=()) -> Gazetteer:
        data = srsly.read_msgpack(ensure_path(path) / _FILE)
        ids = {(label, tuple(keyword)): tuple(idents) for label, keyword, idents in data["patterns"]}
        self._set_patterns(PhrasePatterns(attr=data["attr"], ids=ids))
        return self


def chars_key(spans_key: str) -> str:
    """``doc.user_data`` key of a gazetteer's spans as (start_char, end_char, label) tuples."""
    return spans_key + ".chars"


def rows_key(spans_key: str) -> str:
    """``doc.user_data`` key of a gazetteer's spans as rows (see :func:`gazetteer_rows`)."""
    return spans_key + ".rows"


def gazetteer_rows(doc: Doc, spans_key: str) -> list[tuple[int, int, int, int, int, int, int]]:
    """The spans under ``spans_key`` as ``(start_char, end_char, start, end, label, kb_id, id)``
    (string-store hashes), in the group's order.

    The gazetteer's own copy when it is there and matches the group, else read from the group.
    """
    rows = doc.user_data.get(rows_key(spans_key))
    group = doc.spans.get(spans_key, ())
    if rows is None or len(rows) != len(group):
        rows = [(s.start_char, s.end_char, s.start, s.end, s.label, s.kb_id, s.id) for s in group]
    return rows


@Language.factory(
    "aigraph_gazetteer",
    default_config={"spans_key": "aig.gaz", "patterns": "exact", "knowledge": {"@misc": "aigraph.knowledge.v1", "data": None}},
)
def make_gazetteer(nlp: Language, name: str, *, spans_key: str, patterns: str, knowledge: CompiledKnowledge) -> Gazetteer:
    """Factory of :class:`Gazetteer`: ``patterns`` is ``"exact"`` or ``"lower"``."""
    return Gazetteer(nlp, name, spans_key=spans_key, patterns=patterns, knowledge=knowledge)
