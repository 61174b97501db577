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

from aigraph.extract import name_cues, name_variants
from aigraph.extract.name_scan import NAME_WORD, matches_at, name_runs, occurrences
from aigraph.extract.name_shapes import _COMPOUND_ADJECTIVE, _OPENERS, SIZE, NameMatch, is_bare_size, is_novel, is_versioned_name  # noqa: F401
from aigraph.lexicon import lower_words, words

__all__ = [
    "NAME_SEQ", "SIZE", "NameMatch", "find_acronyms", "find_called", "find_known_extensions", "find_models",
    "find_money", "find_orgs", "find_people", "is_bare_size", "is_novel", "label_of_long_form", "name_runs",
]

NAME_SEQ = rf"(?:{NAME_WORD}(?:\s+(?:of|for|de|and|&|To|the)\s+{NAME_WORD}|\s+{NAME_WORD}){{0,4}})"


def _alternation(name: str) -> str:
    terms = sorted(lower_words(name), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


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
            if len(long_text.split()) < 2 or long_text.lower().startswith(inner.lower()) \
                    or re.search(r"[.!?;]\s", long_text):  # a long form stays inside its sentence
                continue
            at_inner = m.start("inner") + m.group("inner").index(inner)
            short, long_ = (at_inner, at_inner + len(inner)), (long_start, base + len(chunk))
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
            at_inner = m.start("inner") + m.group("inner").index(inner)
            short, long_ = (s_start, s_start + len(acro)), (at_inner, at_inner + len(inner))
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
        return "DATASET"  # "Question Answering Dataset for Legal Texts (QADLT)"
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

_CALLED = re.compile(r"(?:called|named|dubbed|nicknamed|known\s+as|branded)\s+(?:\"(?P<q>[^\"\n]{2,60})\")?")
#: What a :data:`_CALLED` match starts with.
_CALLED_WORDS = ("called", "named", "dubbed", "nicknamed", "known", "branded")
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
    for m in matches_at(_CALLED, text, occurrences(text, _CALLED_WORDS)):
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


# ---------------------------------------------------------------- context cues
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
        # "Vexora analysis reveals ...", "Quillbook data shows ...": the source of a finding
        "after_source": re.compile(r"^\s+(?:analysis|data|research|survey|estimates|figures|tracking)\s+(?:shows?|showed|reveals?|revealed|finds|found|suggests?|indicates?)\b"),
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
        "before_possessive": re.compile(r"\b[A-Z][\w&.-]*'s\s+$"),
        "sentence_start": re.compile(r"(?:^|[.!?:]\s*|\n\s*[-*•]?\s*)$"),
    }


#: How the text before a cue ends, whitespace stripped ("PhD from (the)", "researchers at",
#: "the startup", "acquired"): a cue's regex is searched only when its ending is there.
_AFFILIATION_ENDS = ("at", "from", "the")
_RESEARCHERS_AT_ENDS = ("at", "from", "of", "the")
_ORG_NOUN_ENDS = ("startup", "start-up", "company", "lab", "firm", "unicorn", "chipmaker", "investor")
_ORG_OBJECT_ENDS = ("acquired", "acquire", "of", "in", "with", "backed")
#: What the text before an object cue holds ("acquisition of", "invested in", "partnered with"):
#: most text ending in "of" or "in" holds none of these.
_ORG_OBJECT_STEMS = ("acqui", "invest", "partner", "backed")
_UNIVERSITY_HEADS = ("University of", "Institute of", "School of", "College of", "Academy of")
_UNIVERSITY_WORDS = frozenset({"University", "Technology"})


def find_orgs(
    text: str, *, known: frozenset[tuple[int, int]] = frozenset(), runs: list[tuple[int, int]] | None = None
) -> list[NameMatch]:
    """Organisation names given away by their context.

    ``known`` holds (start, end) spans the gazetteer already names; runs equal to one
    are skipped. ``runs`` are :func:`name_runs` of ``text`` when the caller has them.
    """
    contexts = _contexts()
    org_suffixes, stop_names = words("org_suffixes"), words("stop_names")
    out = []
    for start, end in runs if runs is not None else name_runs(text):
        if (start, end) in known:
            continue
        name = text[start:end]
        last = name.rsplit(" ", 1)[-1]
        # every head ends in " of": most names are ruled out without the loop
        institutional = last in _UNIVERSITY_WORDS or (" of" in name and any(w in name for w in _UNIVERSITY_HEADS))
        suffixed = " " in name and last in org_suffixes
        if not institutional and not suffixed and not is_novel(name):
            # the cheap test first: most runs are ordinary capitalised words; a strong
            # affiliation cue ("PhD from Cambridge", "professor at Duke") names one anyway
            if len(name) < 3 or name in _OPENERS or name in stop_names \
                    or not text[max(0, start - 40) : start].rstrip().endswith(_AFFILIATION_ENDS) \
                    or not contexts["before_affiliation"].search(text, max(0, start - 40), start):
                continue
            out.append(NameMatch(start, end, "ORG", "rule:org-affiliation"))
            continue
        before = text[max(0, start - 60) : start]
        before_end = before.rstrip()
        after = text[end : end + 80].split("\n\n", 1)[0]  # a cue never reaches over a blank line
        spaced = after[:1].isspace()  # the cues after a name open with whitespace, but for ", a" and "'s"
        rule = None
        if institutional and contexts["university"].search(name):
            rule = "rule:org-university"
        elif suffixed and not name_cues.in_venue_title(text, start) and (
            is_novel(name.rsplit(" ", 1)[0]) or (contexts["strong_suffix"].search(name) and len(name.split()) >= 3)
        ):
            rule = "rule:org-suffix"
        elif not is_novel(name):
            continue
        elif (before_end.endswith(_RESEARCHERS_AT_ENDS) and contexts["before_researchers_at"].search(before)) \
                or (spaced and contexts["after_researchers"].match(after)):
            rule = "rule:org-researchers"
        elif after.startswith(",") and contexts["after_apposition_org"].match(after):
            rule = "rule:org-apposition"
        elif (before_end.endswith(_ORG_NOUN_ENDS) and contexts["before_org_noun"].search(before)) \
                or (before_end.endswith(_ORG_OBJECT_ENDS) and any(stem in before for stem in _ORG_OBJECT_STEMS)
                    and contexts["before_org_object"].search(before)):
            rule = "rule:org-object"
        elif after.startswith("'s") and contexts["after_possessive_org"].match(after):
            rule = "rule:org-possessive"
        elif spaced and contexts["after_source"].match(after):
            rule = "rule:org-source"
        elif spaced and (contexts["after_org_verb"].match(after) or contexts["after_modal"].match(after)) \
                and contexts["sentence_start"].search(before):  # the anchored cues first: they fail fast
            rule = "rule:org-subject"
        if rule:
            out.append(NameMatch(start, end, "ORG", rule))
    return [*out, *name_cues.find_funding_list(text), *name_cues.find_handles(text), *name_cues.find_domain_names(text)]


#: A digit or a capital: searched from a name's second character (ASCII names).
_DIGIT_OR_CAPITAL = re.compile(r"[0-9A-Z]")


def find_models(
    text: str, *, known: frozenset[tuple[int, int]] = frozenset(), runs: list[tuple[int, int]] | None = None
) -> list[NameMatch]:
    """Name-shaped words that the context marks as a model (or a dataset); see :func:`find_orgs`."""
    contexts = _contexts()
    out = []
    for start, end in runs if runs is not None else name_runs(text):
        if (start, end) in known:
            continue
        name = text[start:end]
        if name.isascii():  # the common case, one regex search instead of two generators
            distinctive = name[0].isdigit() or _DIGIT_OR_CAPITAL.search(name, 1) is not None
        else:
            distinctive = any(c.isdigit() for c in name) or any(c.isupper() for c in name[1:])
        if not distinctive or is_bare_size(name) or not is_novel(name):
            continue
        after = text[end : end + 80].split("\n\n", 1)[0]  # a cue never reaches over a blank line
        if contexts["after_ds_noun"].match(after):
            out.append(NameMatch(start, end, "DATASET", "rule:dataset-cue"))
        elif contexts["after_model_noun"].match(after) or contexts["after_model_verb"].match(after) \
                or contexts["after_is_model"].match(after):
            out.append(NameMatch(start, end, "MODEL", "rule:model-cue"))
        elif is_versioned_name(name) and contexts["before_possessive"].search(text, max(0, start - 40), start):
            out.append(NameMatch(start, end, "MODEL", "rule:model-possessed"))  # "Xiaomi's MiMo-V2.6-Pro"
    return out


_MONEY = re.compile(
    r"(?<![\w])(?:US)?[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s?(?:[BMKT]\b|bn\b|billion\b|million\b|trillion\b|thousand\b)?\+?"
)
_PERSON = re.compile(rf"\b(?:Dr\.?|Prof\.?|Professor)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){{1,2}})")

#: Where a :data:`_MONEY` match can start (or two characters before, for ``US``).
_CURRENCIES = ("$", "€", "£", "¥")


def find_money(text: str) -> list[NameMatch]:
    """Amounts of money (``$1.2B``, ``US$ 30 million``).

    The same matches as ``_MONEY.finditer(text)``, tried only at each currency sign
    (and two characters before it, for ``US``) instead of at every character.
    """
    out, pos = [], 0
    for at in occurrences(text, _CURRENCIES):
        if at < pos:
            continue
        for start in (at - 2, at):
            m = _MONEY.match(text, start) if start >= pos else None
            if m is not None:
                out.append(NameMatch(m.start(), m.end(), "MONEY", "rule:money"))
                pos = m.end()
                break
    return out


def find_people(text: str) -> list[NameMatch]:
    """Names after a title (``Dr. Ada Quill``, ``Professor Sam Vale``)."""
    return [NameMatch(m.start("n"), m.end("n"), "PERSON", "rule:person-title")
            for m in matches_at(_PERSON, text, occurrences(text, ("Dr", "Prof")))]


def find_known_extensions(text: str, known: list[tuple[int, int, str]]) -> list[NameMatch]:
    """Names that grow from curated ones (variants, lists, benchmarks); see :mod:`name_variants`."""
    return name_variants.find_known_extensions(text, known)
