"""Build the spaCy pipeline and run it over a document's blocks.

``spacy.blank("en")`` + ``aigraph_sentences`` + two ``aigraph_gazetteer`` instances
(exact and case-blind curated names) + ``aigraph_rules`` + ``aigraph_resolver``. Every
component comes from a registered factory whose settings are in ``nlp.config``; the
curated data reaches them through the registered ``aigraph.knowledge.v1`` function
(compiled once and cached, see :mod:`aigraph.extract.compiled`), so the pipeline can be
saved with ``nlp.to_disk`` and read back with ``spacy.load``. When a statistical
pipeline is installed and named (``--spacy-model`` or ``AIGRAPH_SPACY_MODEL``), its
entities join as low-ranked candidates.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator

from aigraph.errors import ExtractionError
from aigraph.records import CONTENT_KINDS, Block, Document, Mention


@functools.cache
def build_nlp(spacy_model: str | None = None):
    """Return the extraction pipeline (cached per process).

    Parameters
    ----------
    spacy_model : str, optional
        Name of an installed statistical spaCy pipeline (e.g. ``en_core_web_sm``)
        whose entities become extra candidates. Default: ``$AIGRAPH_SPACY_MODEL``.
    """
    import spacy

    from aigraph.extract import candidates, gazetteer_pipe, statistical  # noqa: F401  (register the factories)
    from aigraph.extract.gazetteer import EXACT_KEY, LOWER_KEY

    nlp = _english_with_link_infix().from_config({}, vocab=True, meta={})  # spacy.blank("en"), one infix more
    nlp.add_pipe("aigraph_sentences")
    nlp.add_pipe("aigraph_gazetteer", config={"spans_key": EXACT_KEY, "patterns": "exact"})
    nlp.add_pipe("aigraph_gazetteer", name="aigraph_gazetteer_lower", config={"spans_key": LOWER_KEY, "patterns": "lower"})
    nlp.add_pipe("aigraph_rules")
    nlp.add_pipe("aigraph_resolver")
    name = spacy_model or os.environ.get("AIGRAPH_SPACY_MODEL") or None
    if name:
        nlp.add_pipe("aigraph_statistical", before="aigraph_resolver", config={"model": name})
    return nlp


#: Between a Markdown link's text and its address: "[Title](https://...)" splits at "](".
LINK_INFIX = r"\]\("

#: A sentence's full stop after a size ("... Llama 3 70B."): English keeps "70B." whole, as it
#: does abbreviations such as "U.S."; a digit and a capital before the stop make it a size.
SIZE_STOP_SUFFIX = r"(?<=\d[A-Z])\."


@functools.cache
def _english_with_link_infix():
    """spaCy's English with :data:`LINK_INFIX` and :data:`SIZE_STOP_SUFFIX` added (saved with the tokenizer by ``to_disk``).

    The tokenizer is built with the extra infix from the start: setting
    ``tokenizer.infix_finditer`` afterwards reloads every special case a second time.
    """
    from spacy.lang.en import English

    class LinkDefaults(English.Defaults):
        infixes = [*English.Defaults.infixes, LINK_INFIX]
        suffixes = [*English.Defaults.suffixes, SIZE_STOP_SUFFIX]

    class LinkEnglish(English):
        """English whose tokenizer also splits ``](`` and a size's full stop (spaCy config ``lang`` stays ``en``)."""

        Defaults = LinkDefaults

    return LinkEnglish


def load_pipeline(path: str | os.PathLike[str]):
    """Load a pipeline saved with ``build_nlp().to_disk(path)``.

    Imports the modules that register aigraph's factories and its
    ``aigraph.knowledge.v1`` function first, then calls :func:`spacy.load`.
    """
    import spacy

    from aigraph.extract import candidates, gazetteer_pipe, statistical  # noqa: F401  (register the factories)

    return spacy.load(path)


_NOT_NEWLINE = re.compile(r"[^\n]")

#: Contiguous content blocks are processed together, in chunks of about this many characters.
CHUNK_CHARS = 20_000


def content_chunks(doc: Document, normalized: str) -> list[tuple[int, str, tuple[Block, ...]]]:
    """Split the readable text into chunks of whole content blocks: ``(offset, text, blocks)``.

    Text between blocks and chrome (navigation bars, footers) is blanked to spaces (line
    breaks kept), so offsets stay valid and furniture yields nothing.
    """
    chunks: list[tuple[int, str, tuple[Block, ...]]] = []
    current: list[Block] = []

    def flush() -> None:
        if not current:
            return
        lo, hi = current[0].start, current[-1].end
        parts, at = [], lo
        for b in current:
            parts.append(_NOT_NEWLINE.sub(" ", normalized[at : b.start]))
            parts.append(normalized[b.start : b.end])
            at = b.end
        chunks.append((lo, "".join(parts), tuple(current)))
        current.clear()

    for block in doc.blocks:
        if block.kind not in CONTENT_KINDS or block.end <= block.start:
            continue
        if current and (block.end - current[0].start > CHUNK_CHARS):
            flush()
        current.append(block)
    flush()
    return chunks


def run_chunks(doc: Document, *, spacy_model: str | None = None, batch_size: int = 16, normalized: str | None = None):
    """Yield ``(offset, blocks, spacy_doc)`` for each chunk of the document's content."""
    from aigraph.extract.textnorm import normalize

    try:
        nlp = build_nlp(spacy_model)
    except OSError as err:
        raise ExtractionError(f"cannot load spaCy pipeline {spacy_model!r}: {err}") from err
    from aigraph.extract.candidates import TEXT_KEY

    if normalized is None:
        normalized = normalize(doc.text)
    chunks = content_chunks(doc, normalized)

    def docs():
        for offset, text, blocks in chunks:
            sdoc = nlp.make_doc(text)
            sdoc.user_data[TEXT_KEY] = text  # spaCy rebuilds doc.text on every access
            yield sdoc, (offset, blocks)

    for sdoc, (offset, blocks) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield offset, blocks, sdoc


def mentions_of(offset: int, blocks: tuple[Block, ...], sdoc, source_text: str) -> list[Mention]:
    """Turn a processed chunk into :class:`Mention` records (offsets into the document)."""
    import bisect

    from aigraph.extract.candidates import METRICS_KEY, doc_text

    starts = [b.start for b in blocks]
    sents = sdoc._.aig_sents or [0]
    chunk_len = len(doc_text(sdoc))
    out: list[Mention] = []
    for span in (*sdoc.ents, *sdoc.spans.get(METRICS_KEY, ())):
        start, end = offset + span.start_char, offset + span.end_char
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or blocks[i].end < end:
            continue  # straddles two blocks
        block = blocks[i]
        j = bisect.bisect_right(sents, span.start_char) - 1
        sent_start = offset + sents[j]
        sent_end = offset + (sents[j + 1] if j + 1 < len(sents) else chunk_len)
        out.append(
            Mention(
                text=source_text[start:end],
                label=span.label_,
                start=start,
                end=end,
                slides=block.slides,
                section=block.section,
                sentence_start=max(block.start, sent_start),
                sentence_end=min(block.end, sent_end),
                extractor=span.kb_id_ or "gazetteer",
                curated_id=span.id_ if span.label_ != "METRIC" else "",
            )
        )
    out.sort(key=lambda m: (m.start, m.end))
    return out
