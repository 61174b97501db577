"""The curated knowledge compiled for the pipeline, built once and loaded from the cache.

:func:`compile_knowledge` turns the gazetteer's phrase patterns into token-hash
sequences (what a :class:`~spacy.matcher.PhraseMatcher` stores) and gathers the
sets the rule and resolver components look names up in. The result is cached
(:mod:`aigraph.diskcache`) under a key made of the knowledge data and the
package's code, so a new process loads it instead of tokenising thousands of
patterns again.

Pipeline components receive it through the registered function
``aigraph.knowledge.v1``, named in their config::

    [components.aigraph_rules.knowledge]
    @misc = "aigraph.knowledge.v1"
    data = null
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.util import registry

from aigraph.knowledge import DATA_FILES, OUTSIDE_FILES, Knowledge, KnowledgeError

#: Keyword: the token hashes of one pattern under the matcher's attribute.
Keyword = tuple[int, ...]


@dataclass(frozen=True)
class PhrasePatterns:
    """Phrase patterns ready for a PhraseMatcher on token attribute ``attr``.

    ``ids`` maps ``(label, keyword)`` to the curated ids of the entries written that
    way; the matcher's keys are the labels alone, so loading costs one matcher rule
    per label rather than one per entry.
    """

    attr: str
    ids: dict[tuple[str, Keyword], tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.ids)

    def by_label(self) -> dict[str, list[Keyword]]:
        """Label -> its keywords."""
        out: dict[str, list[Keyword]] = {}
        for label, keyword in self.ids:
            out.setdefault(label, []).append(keyword)
        return out


@dataclass(frozen=True)
class CompiledKnowledge:
    """What the pipeline components need from the curated knowledge."""

    #: Gazetteer patterns by name: ``"exact"`` (ORTH) and ``"lower"`` (LOWER).
    patterns: dict[str, PhrasePatterns]
    #: Casefolded surface forms of datasets.
    datasets: frozenset[str] = frozenset()
    #: Surface forms of models, organisations, datasets and software, as written.
    known: frozenset[str] = frozenset()
    #: Ids of entries whose name is also an ordinary word.
    ambiguous_ids: frozenset[str] = field(default_factory=frozenset)
    #: Model family names a version can be glued to (``GPT`` of ``GPT-4``, ``Qwen``, ``GLM``).
    model_families: frozenset[str] = frozenset()

    def is_dataset(self, name: str) -> bool:
        """Whether ``name`` (or its singular) is a curated dataset, whatever its case."""
        folded = name.casefold()
        return folded in self.datasets or folded.rstrip("s") in self.datasets

    def is_known(self, name: str) -> bool:
        """Whether ``name`` is written exactly as a curated model, organisation, dataset or software."""
        return name in self.known


def _phrase_patterns(tokenizer, patterns: list[dict], attr: str) -> PhrasePatterns:
    ids: dict[tuple[str, Keyword], list[str]] = {}
    texts = [p["pattern"] for p in patterns]
    for pattern, doc in zip(patterns, tokenizer.pipe(texts)):
        if not len(doc):
            continue
        keyword = tuple(int(h) for h in doc.to_array(attr))
        bucket = ids.setdefault((pattern["label"], keyword), [])
        if pattern.get("id", "") not in bucket:
            bucket.append(pattern.get("id", ""))
    return PhrasePatterns(attr, {k: tuple(v) for k, v in ids.items()})


def compile_knowledge(knowledge: Knowledge) -> CompiledKnowledge:
    """Compile curated knowledge for the pipeline (slow: tokenises every pattern).

    The patterns are those of :func:`aigraph.extract.gazetteer.gazetteer_patterns`,
    tokenised by ``spacy.blank("en")``, the tokenizer the pipeline uses.
    """
    import spacy

    from aigraph.extract.gazetteer import gazetteer_patterns

    tokenizer = spacy.blank("en").tokenizer
    exact, lower = gazetteer_patterns(knowledge)
    return CompiledKnowledge(
        patterns={"exact": _phrase_patterns(tokenizer, exact, "ORTH"), "lower": _phrase_patterns(tokenizer, lower, "LOWER")},
        datasets=frozenset(f.casefold() for e in knowledge.by_label("DATASET") for f in e.surface_forms),
        known=frozenset(
            f for e in knowledge for f in e.surface_forms if e.label in ("MODEL", "ORG", "DATASET", "SOFTWARE")
        ),
        ambiguous_ids=frozenset(e.id for e in knowledge if e.ambiguous),
        model_families=model_families(knowledge),
    )


_FAMILY = re.compile(r"[A-Z][A-Za-z]+")
_VERSIONED = re.compile(r"(?P<family>[A-Z][A-Za-z]+)[- ]?v?\d")


def model_families(knowledge: Knowledge) -> frozenset[str]:
    """Names of model families: curated models named by letters alone, and what comes
    before the version of versioned ones (``GPT`` of ``GPT-4``), common words aside.

    Entries that are ambiguous on their own count too: with a version glued on,
    ``LLaMa-2`` is no ordinary word.
    """
    from aigraph.lexicon import is_common_word, words

    found = set()
    for e in knowledge.by_label("MODEL"):
        for form in e.surface_forms:
            if _FAMILY.fullmatch(form):
                found.add(form)
            elif (m := _VERSIONED.match(form)) is not None:
                found.add(m.group("family"))
    stop = words("stop_names")
    return frozenset(f for f in found if len(f) >= 2 and f not in stop and not is_common_word(f))


@functools.cache
def compiled_knowledge(data: str | None = None) -> CompiledKnowledge:
    """The compiled knowledge of the packaged data (or of the data files in directory ``data``).

    Loaded from the cache when its key (data files + code + spaCy version) matches,
    else compiled and stored. Once per process.
    """
    from aigraph.diskcache import cached, code_key, hash_files
    from aigraph.knowledge import load_knowledge, read_knowledge

    root = Path(data) if data else resources.files("aigraph.knowledge").joinpath("data")
    try:
        # The packaged knowledge also holds the outside data's names (OUTSIDE_FILES).
        names = (*DATA_FILES, *(() if data else (n for n in OUTSIDE_FILES if root.joinpath(n).is_file())))
        key = hash_files([root.joinpath(name) for name in names], code_key(), str(data))
    except OSError as err:
        raise KnowledgeError(f"cannot read curated knowledge in {root}: {err}") from err

    def build() -> CompiledKnowledge:
        return compile_knowledge(read_knowledge(root) if data else load_knowledge())

    # Other data directories get files of their own, so they never displace the packaged one.
    name = "gazetteer" if not data else "gazetteer-" + hashlib.sha256(str(data).encode()).hexdigest()[:8]
    return cached(name, key, build)


@registry.misc("aigraph.knowledge.v1")
def knowledge_for_pipeline(data: str | None = None) -> CompiledKnowledge:
    """Registered function the components' ``knowledge`` setting names.

    Parameters
    ----------
    data : str, optional
        A directory of knowledge data files; default: the data shipped with the package.
    """
    return compiled_knowledge(data)
