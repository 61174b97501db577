"""Names that grow from curated ones.

* sizes, tiers and versions on a known model: ``Koala-13B``, ``Llama 3 8B Instruct``,
  ``Phi-3 mini``, ``Gemini 4 Argon``, ``CodeT5+``;
* splits and versions of a known benchmark: ``SWE-bench Lite``, ``Kinetics-600``;
  names built on "Bench";
* label spreading along a list that holds a known organisation or dataset;
* ``Benchmark: Measure`` headings of report contents.

Pure functions: text (and the curated spans found in it) in, :class:`~aigraph.extract.names.NameMatch` out.
"""

from __future__ import annotations

import re

from aigraph.lexicon import is_common_word, words
from aigraph.extract.name_shapes import _COMPOUND_ADJECTIVE, _OPENERS, SIZE, NameMatch, is_novel

# ---------------------------------------------------------------- model variants
#: Words that name a size or tier of a model family: "Phi-3-mini", "Llama 3 8B Instruct".
_TIERS = (
    "instruct|chat|turbo|mini|small|medium|large|base|pro|plus|ultra|flash|lite|nano|max|tuned|alpha|beta|"
    "preview|coder|vision|opus|sonnet|haiku|raven|omni|reasoner|thinking|distill|deep"
)
_SIZE = SIZE
_VERSION = r"[vV]?\d+(?:\.\d+)*"
#: A piece glued to a known name by a hyphen: a size, a version, a tier or a name-shaped word.
_GLUED = rf"(?:{_SIZE}|{_VERSION}|(?i:{_TIERS})|[A-Z][A-Za-z0-9]*[A-Za-z0-9])(?![\w])"
_GLUED_AFTER = re.compile(rf"(?:-{_GLUED})+")
_GLUED_BEFORE = re.compile(r"(?<![\w.-])(?:[A-Z][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*-)+$")
_SPACED_TIER = rf"(?:Instruct|Chat|Turbo|Mini|Small|Medium|Large|Base|Pro|Plus|Ultra|Flash|Lite|Nano|Max|Opus|Sonnet|Haiku|Coder|Vision|mini|small|medium|turbo)"
_SPACED_AFTER = re.compile(rf"(?:\s(?:{_SIZE})(?![\w])|\s{_SPACED_TIER}(?:\s{_VERSION}(?![\w.]))?(?![\w-]))+(?:\s(?:Instruct|Chat)(?![\w-]))?")
_FAMILY_VERSION = re.compile(r"[- ]v?\d{1,2}(?:\.\d+)?(?![\w%]|\.\d)")
_CODENAME = re.compile(r"(?: |[ \t]*\n[ \t]*)([A-Z][a-z]{2,})(?![\w-])(?! [A-Z])")
_PLUS = re.compile(r"\+{1,2}(?![\w+])")
_VARIANT_SUFFIX = re.compile(rf"^(?:[- ](?:{_SIZE}|{_VERSION}|(?i:{_TIERS})))+$")


def find_model_variants(text: str, models: list[tuple[int, int]], known_starts: frozenset[int] = frozenset()) -> list[NameMatch]:
    """Sizes, tiers and versions written onto a known model name.

    ``models`` are (start, end) spans the gazetteer names as MODEL. ``Koala-13B``,
    ``GPT-3.5-turbo``, ``Oasst-Pythia-12B``, ``Llama 3 8B Instruct``, ``Phi-3 mini``
    and ``Claude Opus 5.5`` become MODEL names of their own (rule ``rule:model-variant``).
    Compound adjectives (``GPT-4-based``) are left alone; a codename after a family and
    version (``Gemini 4 Argon``) may not be a known name itself (``known_starts``).
    """
    out = []
    for start, known_end in models:
        end = known_end
        if not any(map(str.isdigit, text[start:end])):
            # A family name and a version: "Gemini 4 Argon", "Qwen 3.7-Plus".
            version = _FAMILY_VERSION.match(text, end)
            if version:
                end = version.end()
                codename = _CODENAME.match(text, end)
                if codename and not is_common_word(codename.group(1)) and codename.group(1) not in words("stop_names") \
                        and codename.start(1) not in known_starts:
                    end = codename.end()
        new_start, new_end = start, end
        glued = _GLUED_AFTER.match(text, end)
        if glued and not _COMPOUND_ADJECTIVE.search(glued.group(0)):
            new_end = glued.end()
        # a glued piece ends in "-" (the search's "$" also stands before a final line break)
        before = _GLUED_BEFORE.search(text, max(0, start - 40), start) if "-" in text[max(0, start - 2) : start] else None
        if before:
            new_start = before.start()
        spaced = _SPACED_AFTER.match(text, new_end)
        if spaced:
            new_end = spaced.end()
        plus = _PLUS.match(text, new_end)  # "CodeT5+": a successor named with a plus
        if plus:
            new_end = plus.end()
        if (new_start, new_end) == (start, known_end) or (new_end < len(text) and text[new_end] == "-" and text[new_end + 1 : new_end + 2].islower()):
            continue
        out.append(NameMatch(new_start, new_end, "MODEL", "rule:model-variant"))
    return out


def is_variant_of(name: str, base: str) -> bool:
    """True when ``name`` is ``base`` with a size, version or tier added.

    >>> is_variant_of("Llama 3 70B", "Llama 3"), is_variant_of("Phi-3-mini", "phi-3")
    (True, True)
    >>> is_variant_of("Llama 3", "Llama 3"), is_variant_of("Llama Guard", "Llama")
    (False, False)
    """
    if len(name) <= len(base) or name[: len(base)].casefold() != base.casefold():
        return False
    return bool(_VARIANT_SUFFIX.match(name[len(base) :]))


# ---------------------------------------------------------------- known-name extensions
_DS_TIERS = r"(?:Veri(?:fi|\ufb01)ed|Lite|Pro|Hard|Mobile|Multimodal|Full|Extended|Diamond|Plus|Easy|Mini|Live|Multilingual|Challenge)"
_DS_GLUED = re.compile(rf"-(?:\d+[A-Za-z]?|{_DS_TIERS}|(?i:pro|hard|lite|verified|plus))(?![\w-])")
_DS_SPACED = re.compile(rf"(?:\s{_DS_TIERS}(?![\w-])|\s\d+\.\d+(?![\w.%]))+")
#: Benchmarks named as one: ``AuditBench``, ``Terminal-Bench``, ``SWE-Bench Mobile`` (the tier via the rule above).
_BENCH_NAME = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Za-z0-9]*(?:Bench|-[Bb]ench)(?:-[A-Z0-9][\w]*)?(?![\w-])")
#: The gap between two items of one list.
_LIST_SEP = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
#: A list item ending where the text ends. Its capital comes before its look-behind (the
#: engine then skips to capitals instead of trying the look-behind at every character).
_LIST_ITEM_BEFORE = re.compile(r"[A-Z](?<![\w.-][A-Z])(?:[\w.&+-]*[\w+]|)(?:\s(?:(?:of|for)\s)?[A-Z][\w.&+-]*[\w+])*$")
#: The gap before a list item, and how it ends with the whitespace stripped (tested first).
_SEP_BEFORE = re.compile(r"(?:,\s*|\s+(?:and|or|&)\s+)$")
_SEP_ENDS = (",", "and", "or", "&")
_LIST_ITEM = re.compile(r"(?:[A-Z][\w.&+-]*[\w+]|[A-Z])(?:\s(?:(?:of|for)\s)?[A-Z][\w.&+-]*[\w+])*")


def find_dataset_variants(text: str, datasets: list[tuple[int, int]]) -> list[NameMatch]:
    """Splits and versions written onto a known benchmark: ``SWE-bench Lite``, ``Kinetics-600``,
    ``Terminal-Bench 2.0``, ``MMLU-Pro``."""
    out = []
    for start, end in datasets:
        new_end = end
        glued = _DS_GLUED.match(text, end)
        if glued:
            new_end = glued.end()
        spaced = _DS_SPACED.match(text, new_end)
        if spaced:
            new_end = spaced.end()
        if new_end != end:
            out.append(NameMatch(start, new_end, "DATASET", "rule:dataset-variant"))
    return out


def find_bench_names(text: str) -> list[NameMatch]:
    """Names built on "Bench" (``AuditBench``, ``Weave-Bench``): benchmarks by their own word."""
    out = []
    for m in _bench_matches(text):
        end = m.end()
        spaced = _DS_SPACED.match(text, end)
        if spaced:
            end = spaced.end()
        out.append(NameMatch(m.start(), end, "DATASET", "rule:dataset-bench"))
    return out


def _bench_matches(text: str):
    """``_BENCH_NAME.finditer(text)``, searched only on the lines that hold "ench".

    A match never spans a line and its look-ahead sees only the line break after the
    line's end, so searching each such line up to its end finds the same matches.
    """
    at = 0
    while (hit := text.find("ench", at)) != -1:
        lo = text.rfind("\n", 0, hit) + 1
        hi = text.find("\n", hit)
        hi = len(text) if hi == -1 else hi
        yield from _BENCH_NAME.finditer(text, lo, hi)
        at = hi + 1


def spread_along_lists(text: str, known: list[tuple[int, int, str]], labels=("ORG", "DATASET")) -> list[NameMatch]:
    """Unknown names coordinated with known ones take their label.

    ``Kinetics-400, Kinetics-900 and Vexabench`` (one known dataset) makes the others
    datasets; ``Acme, Quillfield and Google`` makes organisations. The new names must be
    name-shaped and not ordinary words; a list holding two labels spreads neither.
    """
    by_start = {s: (e, lab) for s, e, lab in known}
    by_end = {e: (s, lab) for s, e, lab in known}
    out: list[NameMatch] = []
    seen: set[int] = set()
    for start, end, label in known:
        if label not in labels or start in seen:
            continue
        # walk right, then left, over items of the list this name is in
        items: list[tuple[int, int, str | None]] = [(start, end, label)]
        at = end
        while True:
            sep = _LIST_SEP.match(text, at)
            if not sep or "\n\n" in sep.group(0):
                break
            nxt = _LIST_ITEM.match(text, sep.end())
            if not nxt:
                break
            lab = by_start.get(nxt.start(), (None, None))[1]
            item_end = by_start[nxt.start()][0] if lab else nxt.end()
            items.append((nxt.start(), item_end, lab))
            at = item_end
        at = start
        while True:
            before = text[max(0, at - 8) : at]
            sep = _SEP_BEFORE.search(before) if before.rstrip().endswith(_SEP_ENDS) else None
            if not sep:
                break
            sep_start = at - len(sep.group(0))
            if sep_start in by_end:
                s0, lab = by_end[sep_start]
                items.insert(0, (s0, sep_start, lab))
                at = s0
                continue
            prev = _LIST_ITEM_BEFORE.search(text[max(0, sep_start - 50) : sep_start])
            if not prev:
                break
            item = prev.group(0)
            while item.split(" ", 1)[0] in _OPENERS and " " in item:
                item = item.split(" ", 1)[1]
            items.insert(0, (sep_start - len(item), sep_start, None))
            at = sep_start - len(item)
        if len(items) < 2 or {lab for *_, lab in items if lab} != {label} or not _is_list(text, items):
            continue
        for s, e, lab in items:
            if lab is not None:
                seen.add(s)
                continue
            name = text[s:e]
            if name in _OPENERS or name in words("stop_names") or not (is_novel(name) or any(c.isdigit() for c in name)):
                continue
            if label == "ORG" and any(c.isdigit() for c in name):
                continue  # "GPT-6 Astra and Google's ...": a model among organisations
            out.append(NameMatch(s, e, label, "rule:list-spread"))
    return out


#: A conjunction between list items, or after the last one before a phrase the walk stops at ("and the").
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")
_AND_THE = re.compile(r"\s*,?\s*(?:and|or)\s+the\b")


def _is_list(text: str, items: list[tuple[int, int, str | None]]) -> bool:
    """Two names and a comma are no list ("Vexora, Google's partner"): a list has three items or a conjunction."""
    if len(items) >= 3 or _AND_THE.match(text, items[-1][1]):
        return True
    return any(_CONJUNCTION.search(text, a[1], b[0]) for a, b in zip(items, items[1:]))


def find_known_extensions(text: str, known: list[tuple[int, int, str]]) -> list[NameMatch]:
    """All rules that grow from curated names: variants, list spreading, Bench names.

    ``known`` are (start, end, label) of the exact gazetteer matches.
    """
    models = [(s, e) for s, e, lab in known if lab == "MODEL"]
    datasets = [(s, e) for s, e, lab in known if lab == "DATASET"]
    starts = frozenset(s for s, _, _ in known)
    return [*find_model_variants(text, models, starts), *find_dataset_variants(text, datasets),
            *find_bench_names(text), *spread_along_lists(text, known), *find_headed_measures(text)]


#: ``ImageNet: Top-1 Accuracy``, ``Leeds Poses: Percentage of Correct Keypoints``: a benchmark
#: heading that names its measure (report tables of contents and figure titles).
_MEASURE_WORDS = (r"(?:Top-[15]|Fr[eé]chet|Percentage|Average|Mean|Accuracy|Error|F1|BLEU|ROUGE|Word Error|Success|"
                  r"Exact Match|Pass@|mAP|AUC|Elo|Win Rate|Perplexity)\b")
_HEADED_MEASURE = re.compile(
    r"(?:^|(?<=\n)|(?<=\s{2}))[ \t]*(?P<name>(?:[A-Z][\w.+-]*[\w+]|[A-Z])(?: [A-Z][\w.+-]*[\w+]){0,2}):[ \t]+"
    rf"(?P<measure>{_MEASURE_WORDS})",
    re.MULTILINE,
)
#: What every heading has; only the lines holding it are searched (a heading never spans lines).
_COLON_MEASURE = re.compile(rf":[ \t]+{_MEASURE_WORDS}")


def _headings(text: str):
    at = 0
    while (hit := _COLON_MEASURE.search(text, at)) is not None:
        lo = text.rfind("\n", 0, hit.start()) + 1
        hi = text.find("\n", hit.start())
        hi = len(text) if hi == -1 else hi
        yield from _HEADED_MEASURE.finditer(text, lo, hi)
        at = hi + 1


def find_headed_measures(text: str) -> list[NameMatch]:
    """Benchmarks named at the head of a line before the measure they report on."""
    out = []
    for m in _headings(text):
        name = m.group("name")
        if name in _OPENERS or name in words("stop_names") or not (is_novel(name) or any(c.isdigit() for c in name)):
            continue
        out.append(NameMatch(m.start("name"), m.end("name"), "DATASET", "rule:dataset-measure-heading"))
    return out
