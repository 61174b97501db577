"""New names no curated list holds, found from how the text introduces them.

* an acronym defined in parentheses: ``Self-supervised Vision Transformers (SSViT)``,
  ``SEALS (Similarity Search for ...)`` (short and long form become aliases);
* ``a method called X``, ``a company named X``;
* organisation cues: ``University of X``, ``X Labs``, ``researchers at X``,
  ``X, an AI-first drug company``, ``X's computer vision models``, ``X raised ...``;
* model cues on name-shaped words (CamelCase, letters with digits):
  ``the ConvMixer architecture``, ``X outperforms``.

Every function is pure: text in, :class:`NameMatch` list out, offsets into the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aigraph.extract.lexicon import is_common_word, lower_words, words


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    label: str
    rule: str
    #: For an acronym definition: (start, end) of the other form.
    partner: tuple[int, int] | None = None


# A word that can be part of a name: starts upper-case or has an inner capital/digit.
_NW = r"(?:[A-Z][\w&+.-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w-]*|[a-zμ]?[A-Z0-9][\w-]*[A-Za-z][\w-]*|μ[A-Z][\w-]*)"
NAME_SEQ = rf"(?:{_NW}(?:\s+(?:of|for|de|and|&|To|the)\s+{_NW}|\s+{_NW}){{0,4}})"


def _alternation(name: str) -> str:
    terms = sorted(lower_words(name), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:focused|based|powered|first|driven|native|led|backed|scale|level|like|style|specific|generated|related|sized|ready|friendly|only|free)$"
)


@functools.lru_cache(maxsize=65536)
def is_novel(name: str) -> bool:
    """True when ``name`` could be a name: not a stop-listed acronym, not all ordinary words."""
    if name in words("stop_names"):
        return False
    parts = [p for p in re.split(r"[\s]+", name) if p]
    if not parts or parts[0] in {"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "Its"}:
        return False
    if any(_COMPOUND_ADJECTIVE.search(p) for p in parts):
        return False
    significant = [p for p in parts if p not in {"of", "for", "de", "and", "&", "To", "the"}]
    return any(not is_common_word(p.rstrip(".,")) and p not in words("stop_names") for p in significant)


# ---------------------------------------------------------------- acronyms
_PAREN = re.compile(r"\(\s*(?P<inner>[^()\n]{1,120}?)\s*\)")
_ACRONYM = re.compile(r"^(?=[\w-]*[A-Z][\w-]*[A-Z])[A-Za-zμ][\w-]{1,14}$")
_WORD = re.compile(r"[\w][\w'-]*")


def _long_form(short: str, before: str) -> int | None:
    """Where, in ``before``, the spelled-out form of ``short`` starts (Schwartz-Hearst style).

    Walks the short form's characters from the end, matching each against the
    long form right to left; the first character must start a word.
    """
    chars = [c.lower() for c in short if c.isalnum()]
    if len(chars) < 2:
        return None
    text = before.lower()
    li = len(text) - 1
    for si in range(len(chars) - 1, -1, -1):
        c = chars[si]
        while li >= 0:
            word_start = li == 0 or not text[li - 1].isalnum()
            if text[li] == c and (si > 0 or word_start):
                break
            li -= 1
        if li < 0:
            return None
        li -= 1
    return li + 1


def find_acronyms(text: str) -> list[NameMatch]:
    """Acronym definitions ``Long Form (LF)`` and ``LF (Long Form)`` as name pairs."""
    out: list[NameMatch] = []
    for m in _PAREN.finditer(text):
        inner = m.group("inner").strip("\"' ")
        if _ACRONYM.match(inner) and inner not in words("stop_names"):
            # Long Form (LF): look back over at most len+5 words.
            words_before = list(_WORD.finditer(text, max(0, m.start() - 200), m.start()))
            window = words_before[-min(len(inner) + 5, 2 * len(inner) + 2) :]
            if not window:
                continue
            base = window[0].start()
            chunk = text[base : m.start()].rstrip(" \"'")
            at = _long_form(inner, chunk)
            if at is None:
                continue
            long_start = base + at
            while long_start > 1 and text[long_start - 1] == "-" and text[long_start - 2].isalnum():
                long_start -= 1
                while long_start > 0 and text[long_start - 1].isalnum():
                    long_start -= 1
            long_text = text[long_start : base + len(chunk)]
            if len(long_text.split()) < 2 or long_text.lower().startswith(inner.lower()):
                continue
            short = (m.start("inner") + m.group("inner").index(inner), 0)
            short = (short[0], short[0] + len(inner))
            long_ = (long_start, base + len(chunk))
            out.append(NameMatch(*short, "", "rule:acronym", long_))
            out.append(NameMatch(*long_, "", "rule:acronym-long", short))
        else:
            # LF (Long Form): the acronym is the word right before the parenthesis.
            prev = re.search(r"([A-Za-zμ][\w-]{1,14})\s*$", text[max(0, m.start() - 40) : m.start()])
            if not prev or len(inner.split()) < 2 or not _ACRONYM.match(prev.group(1)):
                continue
            acro = prev.group(1)
            if acro in words("stop_names") or _long_form(acro, inner) != 0:
                continue
            s_start = m.start() - len(text[max(0, m.start() - 40) : m.start()]) + prev.start(1)
            short = (s_start, s_start + len(acro))
            long_ = (m.start("inner") + m.group("inner").index(inner), 0)
            long_ = (long_[0], long_[0] + len(inner))
            out.append(NameMatch(*short, "", "rule:acronym", long_))
            out.append(NameMatch(*long_, "", "rule:acronym-long", short))
    return out


_TASK_OR_MEASURE = frozenset(
    "reasoning answering recognition detection estimation understanding segmentation classification generation "
    "translation summarization comprehension retrieval prediction localization tracking captioning "
    "distance error errors keypoints score rate ratio accuracy precision recall similarity divergence "
    "olympiad competition contest".split()
)


def label_of_long_form(short: str, long_form: str) -> str | None:
    """The label an acronym definition gives its two forms, or None when it is generic.

    ``Convolution and self-Attention Networks (CoAtNets)`` -> MODEL;
    ``Eletric System Operator (ESO)`` -> ORG; ``Natural Language Processing (NLP)`` -> None.
    """
    if short in words("stop_names"):
        return None
    tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", long_form)]
    if not tokens or ", " in long_form or ";" in long_form:
        return None  # "Research, Development and Innovation (RDI)": a list, not a name
    if any(w in lower_words("org_suffixes") for w in tokens[-1:]):
        return "ORG"
    if tokens[-1] in lower_words("dataset_nouns"):
        return "DATASET"
    if any(w in lower_words("model_nouns") for w in tokens[-2:]):
        return "MODEL"
    if any(w in lower_words("dataset_nouns") for w in tokens[1:]):
        return "DATASET"  # "Reading Comprehension Dataset Requiring Logical Reasoning (ReClor)"
    if tokens[-1] in _TASK_OR_MEASURE or tokens[-1] == "test" or "wild" in tokens[-2:]:
        # "Visual Commonsense Reasoning (VCR)", "Percentage of Correct Keypoints (PCK)":
        # a task, a measure or a test set, not a model.
        return "DATASET" if tokens[-1] in ("test", "wild") else None
    words_ = long_form.split()
    title_case = sum(w[:1].isupper() for w in words_) >= max(2, len(words_) - 2)
    if short.isupper() and len(short) >= 3 and title_case:
        return "MODEL"
    return None


# ---------------------------------------------------------------- "called X"
_SOFTWARE_NOUNS = r"(?:framework|library|toolkit|app|application|tool|platform|package|browser|plugin)"


_CALLED = re.compile(
    r"(?:called|named|dubbed|nicknamed|known\s+as|branded)\s+(?:\"(?P<q>[^\"\n]{2,60})\")?"
)
_NOUN_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][\w-]*)\s*,?\s+$")
_CALLED_NOUN_EXTRA = frozenset(
    "environment program device copilot product game simulator service ai framework library toolkit app "
    "application tool platform package browser plugin".split()
)


def _label_for_noun(noun: str) -> str:
    noun = noun.lower()
    if noun in lower_words("org_nouns"):
        return "ORG"
    if noun in lower_words("dataset_nouns"):
        return "DATASET"
    if re.fullmatch(_SOFTWARE_NOUNS, noun):
        return "SOFTWARE"
    return "MODEL"


def find_called(text: str, *, runs: list[tuple[int, int]] | None = None) -> list[NameMatch]:
    """``a method called X``, ``a startup named X``, ``a benchmark dubbed "X"``."""
    known_nouns = lower_words("model_nouns") | lower_words("org_nouns") | lower_words("dataset_nouns") | _CALLED_NOUN_EXTRA
    run_end: dict[int, int] | None = None
    out = []
    for m in _CALLED.finditer(text):
        before = _NOUN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        noun = before.group("noun").lower()
        if noun not in known_nouns:
            continue
        label = _label_for_noun(noun)
        if m.group("q"):
            out.append(NameMatch(m.start("q"), m.end("q"), label, "rule:called"))
            continue
        if run_end is None:
            run_end = dict(runs if runs is not None else name_runs(text))
        end = run_end.get(m.end())
        if end is None:
            continue
        name = text[m.end() : end]
        if not is_novel(name) and not any(c.isdigit() or c.isupper() for c in name[1:]):
            continue
        out.append(NameMatch(m.end(), end, label, "rule:called"))
    return out


# ---------------------------------------------------------------- name runs
_OPENERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "Its", "In", "On", "At", "But", "And", "So", "If", "When", "While", "After", "Before", "Yet",
                      "Unless", "Although", "Though", "Because", "Since", "Once", "Until", "Whether", "As", "For", "With", "Without",
                      "By", "From", "To", "Of", "Unlike", "Despite", "Given", "Meanwhile", "However", "Also", "Even", "Only",
                      "Now", "Then", "Here", "There", "Today", "Instead", "Still", "Thus", "Hence", "Why", "How", "What", "Where"})


def name_runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of name-shaped words (``University of Washington``), left to right.

    One linear pass; leading sentence openers ("The", "In") are dropped. The rule
    component computes them once per text and hands them to each finder.
    """
    out = []
    for m in _RUN_RE.finditer(text):
        start, end = m.start(), m.end()
        if text.count(" ", start, end) > 7:
            continue  # a headline in Title Case, not a name
        while True:
            first = text[start:end].split(" ", 1)
            if len(first) == 2 and first[0] in _OPENERS:
                start += len(first[0]) + 1
                continue
            break
        out.append((start, end))
    return out


_RUN_RE = re.compile(rf"(?<![\w$€£-]){_NW}(?:(?: | of | for | de | & | To | the ){_NW})*(?![\w])")


@functools.cache
def _contexts():
    org_nouns = _alternation("org_nouns")
    org_verbs = "|".join(re.escape(v) for v in sorted(words("org_verbs"), key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in sorted(words("org_suffixes"), key=len, reverse=True))
    model_nouns = _alternation("model_nouns")
    ds_nouns = _alternation("dataset_nouns")
    i = re.IGNORECASE
    return {
        "suffix_org": re.compile(rf"(?:^|\s)(?:{suffixes})$"),
        "strong_suffix": re.compile(r"\s(?:Inc\.?|Ltd\.?|LLC|Labs|Laboratories|Academy|Institute|Foundation|Therapeutics|Robotics|Technologies|Corporation)$"),
        "university": re.compile(r"^(?:University|Institute|School|College|Academy)\s+of\s+\S|\sUniversity$|Institute of Technology$"),
        # context after the run
        "after_researchers": re.compile(r"^\s+(?:researchers|scientists|engineers)\b"),
        "after_apposition_org": re.compile(rf"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{org_nouns})\b", i),
        "after_possessive_org": re.compile(
            r"^'s\s+(?:[\w-]+\s+){0,3}?(?:AI|models?|systems?|platform|software|products?|chips?|team|researchers|"
            r"CEO|founders?|course|app|technology|tools?|service|engine|API|valuation|shares|revenue|investors?|"
            r"acquisition|IPO|funding)\b"
        ),
        "after_org_verb": re.compile(rf"^\s+(?:has\s+|have\s+|just\s+|also\s+|recently\s+)?(?:{org_verbs})\b"),
        "after_modal": re.compile(r"^\s+(?:can|will|is able to|uses|helps)\s+[a-z]"),
        "after_model_noun": re.compile(rf"^\s+(?:{model_nouns})\b(?!\s+(?:company|startup|lab))", i),
        "after_model_verb": re.compile(
            r"^\s+(?:achieves|achieved|achieving|outperforms|outperformed|beats|matches|matched|surpasses|"
            r"surpassed|scores|scored|predicts|generates|solves|solved|reaches|reached)\b"
        ),
        "after_is_model": re.compile(rf"^,?\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{model_nouns})\b", i),
        "after_ds_noun": re.compile(rf"^\s+(?:{ds_nouns})\b", i),
        # context before the run
        "before_researchers_at": re.compile(
            r"\b(?:researchers?|scientists?|engineers?|team|teams|founders?|co-founders?|cofounders?|CEO|CTO|COO|CFO|"
            r"chief\s+\w+\s+officer|staff|partners?|director|chair(?:man|woman)?|president|professors?|lecturers?|"
            r"fellows?|students?|alumni|alumnus|PhD|Ph\.D\.|doctorate|graduates?)\s+(?:at|from|of)\s+(?:the\s+)?$"
        ),
        "before_affiliation": re.compile(
            r"\b(?:PhD|Ph\.D\.?|doctorate|professor|Professor|lecturer|researchers?|scientists?)\s+(?:at|from)\s+(?:the\s+)?$"
        ),
        "before_org_noun": re.compile(r"\b(?:startup|start-up|company|lab|firm|unicorn|chipmaker|investor)\s+$"),
        "before_org_object": re.compile(r"\b(?:acquired|acquire|acquisition\s+of|invested\s+in|investment\s+in|partnership\s+with|partnered\s+with|backed)\s+$"),
        "sentence_start": re.compile(r"(?:^|[.!?:]\s*|\n\s*[-*•]?\s*)$"),
    }


_UNIVERSITY_HEADS = ("University of", "Institute of", "School of", "College of", "Academy of")
_UNIVERSITY_WORDS = frozenset({"University", "Technology"})


def find_orgs(
    text: str, *, known: frozenset[tuple[int, int]] = frozenset(), runs: list[tuple[int, int]] | None = None
) -> list[NameMatch]:
    """Organisation names given away by their context.

    ``known`` holds (start, end) spans the gazetteer already names; runs equal to one
    are skipped. ``runs`` are :func:`name_runs` of ``text`` when the caller has them.
    """
    cx = _contexts()
    out = []
    for start, end in runs if runs is not None else name_runs(text):
        if (start, end) in known:
            continue
        name = text[start:end]
        last = name.rsplit(" ", 1)[-1]
        institutional = last in _UNIVERSITY_WORDS or any(w in name for w in _UNIVERSITY_HEADS)
        suffixed = " " in name and last in words("org_suffixes")
        if not institutional and not suffixed and not is_novel(name):
            # the cheap test first: most runs are ordinary capitalised words; a strong
            # affiliation cue ("PhD from Cambridge", "professor at Duke") names one anyway
            if len(name) < 3 or name in _OPENERS or name in words("stop_names") \
                    or not cx["before_affiliation"].search(text, max(0, start - 40), start):
                continue
            out.append(NameMatch(start, end, "ORG", "rule:org-affiliation"))
            continue
        before = text[max(0, start - 60) : start]
        after = text[end : end + 80]
        rule = None
        if institutional and cx["university"].search(name):
            rule = "rule:org-university"
        elif suffixed and (
            is_novel(name.rsplit(" ", 1)[0]) or (cx["strong_suffix"].search(name) and len(name.split()) >= 3)
        ):
            rule = "rule:org-suffix"
        elif not is_novel(name):
            continue
        elif cx["before_researchers_at"].search(before) or cx["after_researchers"].match(after):
            rule = "rule:org-researchers"
        elif cx["after_apposition_org"].match(after):
            rule = "rule:org-apposition"
        elif cx["before_org_noun"].search(before) or cx["before_org_object"].search(before):
            rule = "rule:org-object"
        elif cx["after_possessive_org"].match(after):
            rule = "rule:org-possessive"
        elif cx["sentence_start"].search(before) and (
            cx["after_org_verb"].match(after) or cx["after_modal"].match(after)
        ):
            rule = "rule:org-subject"
        if rule:
            out.append(NameMatch(start, end, "ORG", rule))
    return [*out, *find_funding_list(text), *find_handles(text), *find_domain_names(text)]


#: ``Character.ai``, ``Hume.io``: a company named by its domain (not a link to it).
_DOMAIN_NAME = re.compile(r"(?<![\w./@:-])(?P<n>[A-Z][A-Za-z0-9-]*\.(?:ai|AI|io|IO))(?![\w/-]|\.\w)")


def find_domain_names(text: str) -> list[NameMatch]:
    """Company names written as their domain; URLs (``https://x.ai/``, ``www.y.io``) are left out."""
    return [NameMatch(m.start("n"), m.end("n"), "ORG", "rule:org-domain") for m in _DOMAIN_NAME.finditer(text)]


#: ``Name ($120M)``: a company and the amount it raised.
_FUNDED = re.compile(
    r"(?:(?<=^)|(?<=[\s,;:(—–]))(?P<name>(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w.&'-]*(?: (?:[A-Z][\w.&'-]*|of|&|for)){0,3})"
    r"\s\(\s*(?:US)?[$€£¥]\s?\d[\d.,]*\s?(?:[BMK]|bn|million|billion)?\+?\s*\)"
)


def find_funding_list(text: str) -> list[NameMatch]:
    """Companies in a funding list: ``Cursorly ($2.3B), Vexa Labs ($8M) and Quill ($5M)``.

    Two or more ``Name ($amount)`` items within one stretch of text make a list; a single
    one is left to the other rules.
    """
    items = [m for m in _FUNDED.finditer(text) if m.group("name") not in _OPENERS
             and m.group("name") not in words("stop_names")]
    out = []
    for i, m in enumerate(items):
        near = (i > 0 and m.start() - items[i - 1].end() < 80) or (i + 1 < len(items) and items[i + 1].start() - m.end() < 80)
        if near:
            out.append(NameMatch(m.start("name"), m.end("name"), "ORG", "rule:org-funding"))
    return out


#: ``@GoogleDeepMind``, ``.@AnthropicAI's`` (quote marks glued on are not part of it).
_HANDLE = re.compile(r"(?<![\w@])@(?P<h>[A-Za-z][A-Za-z0-9_]{1,30})(?![\w])")


def find_handles(text: str) -> list[NameMatch]:
    """Social-media handles; the canonicaliser keeps those it can map to a known organisation."""
    return [NameMatch(m.start("h"), m.end("h"), "ORG", "rule:org-handle") for m in _HANDLE.finditer(text)]


def handle_forms(handle: str) -> list[str]:
    """Names a handle may stand for, most specific first.

    >>> handle_forms("GoogleDeepMind")[:2]
    ['GoogleDeepMind', 'Google Deep Mind']
    >>> handle_forms("deepseek_ai")[:2]
    ['deepseek_ai', 'deepseek ai']
    >>> handle_forms("AnthropicAI")[-1]
    'Anthropic'
    """
    handle = handle.lstrip("@")
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", handle.replace("_", " ")).strip()
    forms = [handle, spaced]
    for tail in (" AI", " ai", "AI", " HQ", "HQ", " Research", " Labs", " Lab", " Inc"):
        for form in (handle.replace("_", " "), spaced):
            if form.endswith(tail) and len(form) > len(tail) + 1:
                forms.append(form[: -len(tail)].strip())
    first = spaced.split(" ")[0]
    if first not in forms and len(first) >= 3:
        forms.append(first)
    return list(dict.fromkeys(forms))


def find_models(
    text: str, *, known: frozenset[tuple[int, int]] = frozenset(), runs: list[tuple[int, int]] | None = None
) -> list[NameMatch]:
    """Name-shaped words that the context marks as a model (or a dataset); see :func:`find_orgs`."""
    cx = _contexts()
    out = []
    for start, end in runs if runs is not None else name_runs(text):
        if (start, end) in known:
            continue
        name = text[start:end]
        distinctive = any(c.isdigit() for c in name) or any(c.isupper() for c in name[1:])
        if not distinctive or is_bare_size(name) or not is_novel(name):
            continue
        after = text[end : end + 80]
        if cx["after_ds_noun"].match(after):
            out.append(NameMatch(start, end, "DATASET", "rule:dataset-cue"))
        elif cx["after_model_noun"].match(after) or cx["after_model_verb"].match(after) or cx["after_is_model"].match(after):
            out.append(NameMatch(start, end, "MODEL", "rule:model-cue"))
    return out


_MONEY = re.compile(
    r"(?<![\w])(?:US)?[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s?(?:[BMKT]\b|bn\b|billion\b|million\b|trillion\b|thousand\b)?\+?"
)
_PERSON = re.compile(rf"\b(?:Dr\.?|Prof\.?|Professor)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){{1,2}})")


def find_money(text: str) -> list[NameMatch]:
    return [NameMatch(m.start(), m.end(), "MONEY", "rule:money") for m in _MONEY.finditer(text)]


def find_people(text: str) -> list[NameMatch]:
    return [NameMatch(m.start("n"), m.end("n"), "PERSON", "rule:person-title") for m in _PERSON.finditer(text)]


# ---------------------------------------------------------------- model variants
#: Words that name a size or tier of a model family: "Phi-3-mini", "Llama 3 8B Instruct".
_TIERS = (
    "instruct|chat|turbo|mini|small|medium|large|base|pro|plus|ultra|flash|lite|nano|max|tuned|alpha|beta|"
    "preview|coder|vision|opus|sonnet|haiku|raven|omni|reasoner|thinking|distill|deep"
)
_SIZE = r"\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BM]"
_VERSION = r"[vV]?\d+(?:\.\d+)*"
#: A piece glued to a known name by a hyphen: a size, a version, a tier or a name-shaped word.
_GLUED = rf"(?:{_SIZE}|{_VERSION}|(?i:{_TIERS})|[A-Z][A-Za-z0-9]*[A-Za-z0-9])(?![\w])"
_GLUED_AFTER = re.compile(rf"(?:-{_GLUED})+")
_GLUED_BEFORE = re.compile(r"(?<![\w.-])(?:[A-Z][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*-)+$")
_SPACED_TIER = rf"(?:Instruct|Chat|Turbo|Mini|Small|Medium|Large|Base|Pro|Plus|Ultra|Flash|Lite|Nano|Max|Opus|Sonnet|Haiku|Coder|Vision|mini|small|medium|turbo)"
_SPACED_AFTER = re.compile(rf"(?:\s(?:{_SIZE})(?![\w])|\s{_SPACED_TIER}(?:\s{_VERSION}(?![\w.]))?(?![\w-]))+(?:\s(?:Instruct|Chat)(?![\w-]))?")
_FAMILY_VERSION = re.compile(r"[- ]v?\d{1,2}(?:\.\d+)?(?![\w%]|\.\d)")
_CODENAME = re.compile(r"(?: |[ \t]*\n[ \t]*)([A-Z][a-z]{2,})(?![\w-])(?! [A-Z])")
_BARE_SIZE = re.compile(rf"^(?:{_SIZE}|\d+(?:\.\d+)?[x×])$")
_VARIANT_SUFFIX = re.compile(rf"^(?:[- ](?:{_SIZE}|{_VERSION}|(?i:{_TIERS})))+$")


def is_bare_size(name: str) -> bool:
    """True for a parameter count standing alone (``7B``, ``8x7B``): never a model name."""
    return bool(_BARE_SIZE.match(name.strip()))


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
        if not any(c.isdigit() for c in text[start:end]):
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
        before = _GLUED_BEFORE.search(text, max(0, start - 40), start)
        if before:
            new_start = before.start()
        spaced = _SPACED_AFTER.match(text, new_end)
        if spaced:
            new_end = spaced.end()
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
_BENCH_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*(?:Bench|-[Bb]ench)(?:-[A-Z0-9][\w]*)?(?![\w-])")
#: The gap between two items of one list.
_LIST_SEP = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
_LIST_ITEM_BEFORE = re.compile(r"(?<![\w.-])(?:[A-Z][\w.&+-]*[\w+]|[A-Z])(?:\s(?:(?:of|for)\s)?[A-Z][\w.&+-]*[\w+])*$")
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
    for m in _BENCH_NAME.finditer(text):
        end = m.end()
        spaced = _DS_SPACED.match(text, end)
        if spaced:
            end = spaced.end()
        out.append(NameMatch(m.start(), end, "DATASET", "rule:dataset-bench"))
    return out


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
            sep = re.search(r"(?:,\s*|\s+(?:and|or|&)\s+)$", text[max(0, at - 8) : at])
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
        found = {lab for *_, lab in items if lab}
        if len(items) < 2 or found != {label}:
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
_HEADED_MEASURE = re.compile(
    r"(?:^|(?<=\n)|(?<=\s{2}))[ \t]*(?P<name>(?:[A-Z][\w.+-]*[\w+]|[A-Z])(?: [A-Z][\w.+-]*[\w+]){0,2}):[ \t]+"
    r"(?P<measure>(?:Top-[15]|Fr[eé]chet|Percentage|Average|Mean|Accuracy|Error|F1|BLEU|ROUGE|Word Error|Success|"
    r"Exact Match|Pass@|mAP|AUC|Elo|Win Rate|Perplexity)\b)",
    re.MULTILINE,
)


def find_headed_measures(text: str) -> list[NameMatch]:
    """Benchmarks named at the head of a line before the measure they report on."""
    out = []
    for m in _HEADED_MEASURE.finditer(text):
        name = m.group("name")
        if name in _OPENERS or name in words("stop_names") or not (is_novel(name) or any(c.isdigit() for c in name)):
            continue
        out.append(NameMatch(m.start("name"), m.end("name"), "DATASET", "rule:dataset-measure-heading"))
    return out
