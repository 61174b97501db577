"""Score an extraction against gold annotations, by the annotation guide's rules.

An entity is right when its label matches a gold entity and one of its names
(canonical name or a mention's text) equals one of the gold names after
normalisation: NFKC, case-folded, a leading "the" dropped, only letters, digits,
``μ`` and ``%`` kept. Metrics are compared by the number they are known by
(``84.2%``). Optional gold entries and relations neither reward nor cost.
A second prediction for an already matched gold entity is a false positive.
Relation ends are resolved to gold entities by name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from aigraph.errors import InputError
from aigraph.keys import gold_key, metric_number
from aigraph.records import SCORED_LABELS

_SCORED_RELATIONS = ("DEVELOPED", "ACHIEVES")


def _keys(label: str, names) -> set[str]:
    convert = metric_number if label == "METRIC" else gold_key
    return {k for k in map(convert, names) if k}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_names: list[str] = field(default_factory=list)
    fn_names: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict:
        p, r, f = self.prf()
        return {"precision": p, "recall": r, "f1": f, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "fp_names": self.fp_names, "fn_names": self.fn_names}


def score_document(gold: dict, predicted: dict) -> dict:
    """Scores of one predicted document (``aigraph extract --json`` shape) against its gold file."""
    golds = [(g, _keys(g["label"], [g["name"], *(g.get("aliases") or [])])) for g in gold["entities"]]
    per_label, matched = _score_entities(golds, predicted.get("entities", []))
    slides_found, slides_total = _slides(golds, matched)
    relations = _score_relations(gold.get("relations", []), golds, predicted.get("relations", []))
    micro = Counts(*(sum(getattr(c, f) for c in per_label.values()) for f in ("tp", "fp", "fn")))
    return {
        "labels": {label: c.as_dict() for label, c in per_label.items()},
        "micro": micro.as_dict(),
        "slide_recall": slides_found / slides_total if slides_total else None,
        "slides": [slides_found, slides_total],
        "relations": relations.as_dict(),
    }


def _score_entities(golds: list[tuple[dict, set[str]]], entities: list[dict]) -> tuple[dict[str, Counts], dict[int, list[dict]]]:
    """Counts per label, and the predicted entities each gold entity was matched by (by ``id``)."""
    per_label = {label: Counts() for label in SCORED_LABELS}
    matched: dict[int, list[dict]] = {}
    seen: set[tuple[str, str | None]] = set()
    for p in entities:
        label = p.get("label")
        if label not in per_label:
            continue
        name = p.get("name", "")
        identity = (label, metric_number(name) if label == "METRIC" else gold_key(name))
        if identity in seen:
            continue
        seen.add(identity)
        keys = _keys(label, [name, *(m.get("text", "") for m in p.get("mentions", []))])
        candidates = [(g, k) for g, k in golds if g["label"] == label and keys & k]
        required = next((g for g, _ in candidates if not g.get("optional")), None)
        if required is None:
            if any(g.get("optional") for g, _ in candidates):
                continue
            per_label[label].fp += 1
            per_label[label].fp_names.append(name)
            continue
        if id(required) in matched:
            per_label[label].fp += 1
            per_label[label].fp_names.append(f"{name} (duplicate of {required['name']})")
        else:
            per_label[label].tp += 1
        matched.setdefault(id(required), []).append(p)
    for g, _ in golds:
        if not g.get("optional") and id(g) not in matched:
            per_label[g["label"]].fn += 1
            per_label[g["label"]].fn_names.append(g["name"])
    return per_label, matched


def _slides(golds: list[tuple[dict, set[str]]], matched: dict[int, list[dict]]) -> tuple[int, int]:
    """(found, total) of the gold entities' slides among their matched predictions' mentions."""
    found = total = 0
    for g, _ in golds:
        if g.get("optional") or not g.get("slides"):
            continue
        got = {m.get("slide") for p in matched.get(id(g), []) for m in p.get("mentions", [])}
        total += len(g["slides"])
        found += sum(s in got for s in g["slides"])
    return found, total


def _score_relations(gold_list: list[dict], golds: list[tuple[dict, set[str]]], predicted: list[dict]) -> Counts:
    """Relation counts; each end is resolved to a gold entity by name (its label first)."""
    index: dict[tuple[str, str], dict] = {}
    for g, keys in golds:
        for k in keys:
            index.setdefault((g["label"], k), g)

    def resolve(name: str, label: str | None):
        for lab in ([label] if label else []) + list(SCORED_LABELS):
            for k in _keys(lab, [name]):
                if (lab, k) in index:
                    return index[(lab, k)]
        return None

    gold_relations = {}
    for r in gold_list:
        gold_relations[(r["type"], id(resolve(r["head"], None)), id(resolve(r["tail"], None)))] = r
    relations = Counts()
    hit: set = set()
    for r in predicted:
        if r.get("type") not in _SCORED_RELATIONS:
            continue
        head, tail = resolve(r.get("head", ""), r.get("head_label")), resolve(r.get("tail", ""), r.get("tail_label"))
        key = (r["type"], id(head), id(tail))
        g = gold_relations.get(key) if head is not None and tail is not None else None
        if g is None:
            relations.fp += 1
            relations.fp_names.append(f"{r.get('head')} -{r.get('type')}-> {r.get('tail')}")
        elif not g.get("optional") and key not in hit:
            hit.add(key)
            relations.tp += 1
    for key, g in gold_relations.items():
        if not g.get("optional") and key not in hit:
            relations.fn += 1
            relations.fn_names.append(f"{g['head']} -{g['type']}-> {g['tail']}")
    return relations


def pick_document(output: dict, source: str) -> dict:
    docs = output.get("documents", [])
    if len(docs) == 1:
        return docs[0]
    for d in docs:
        if str(d.get("source", "")).endswith(source):
            return d
    raise InputError(f"no document in the extraction ends with {source!r}")


def _load_json(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not a JSON file ({err})") from err


def gold_paths_in(paths) -> list[Path]:
    """Gold files named, with a folder standing for the ``*.json`` files in it."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return found


def gold_source(path: Path, gold: dict, corpus: Path | None = None) -> Path:
    """The corpus text a gold file annotates: in ``corpus``, or ``../corpus`` beside the gold folder."""
    for folder in ([Path(corpus)] if corpus else []) + [path.parent.parent.parent / "corpus", path.parent.parent / "corpus"]:
        if (folder / gold["source"]).exists():
            return folder / gold["source"]
    return (Path(corpus) if corpus else path.parent.parent / "corpus") / gold["source"]


def gold_formats(gold_paths, corpus: Path | None = None) -> dict[str, str]:
    """Each gold file's name -> the format its source declares in its header."""
    return {Path(p).name: corpus_format(gold_source(Path(p), _load_json(p), corpus)) for p in gold_paths}


def evaluate_files(gold_paths, *, pred: Path | None = None, corpus: Path | None = None) -> dict[str, dict]:
    """Score each gold file; without ``pred``, extract its source text now.

    The source is looked for in ``corpus`` (default: ``../corpus`` beside the gold folder).
    """
    from aigraph.extract import extract_document
    from aigraph.extract.output import extraction_to_json
    from aigraph.ingest import read_document

    saved = _load_json(pred) if pred is not None else None
    results = {}
    for path in map(Path, gold_paths):
        gold = _load_json(path)
        if saved is not None:
            doc = pick_document(saved, gold["source"])
        else:
            source = gold_source(path, gold, corpus)
            ex = extract_document(read_document(source, year=gold.get("year")))
            doc = extraction_to_json(ex)
        results[path.name] = score_document(gold, doc)
    return results


def corpus_format(source: Path) -> str:
    """The ``format:`` line of a corpus file's header, or ``(no header)``."""
    try:
        with open(source, encoding="utf-8") as f:
            for _, line in zip(range(6), f):
                if line.startswith("format:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "(no header)"


def combine(results) -> dict:
    """Add up per-document scores into one result of the same shape (corpus-level counts)."""
    labels = {label: Counts() for label in SCORED_LABELS}
    relations = Counts()
    slides = [0, 0]
    for result in results:
        for label, c in result["labels"].items():
            for f in ("tp", "fp", "fn"):
                setattr(labels[label], f, getattr(labels[label], f) + c[f])
            labels[label].fn_names += c["fn_names"]
            labels[label].fp_names += c["fp_names"]
        for f in ("tp", "fp", "fn"):
            setattr(relations, f, getattr(relations, f) + result["relations"][f])
        relations.fn_names += result["relations"]["fn_names"]
        relations.fp_names += result["relations"]["fp_names"]
        slides[0] += result["slides"][0]
        slides[1] += result["slides"][1]
    micro = Counts(*(sum(getattr(c, f) for c in labels.values()) for f in ("tp", "fp", "fn")))
    return {
        "labels": {label: c.as_dict() for label, c in labels.items()},
        "micro": micro.as_dict(),
        "slide_recall": slides[0] / slides[1] if slides[1] else None,
        "slides": slides,
        "relations": relations.as_dict(),
    }


def render_corpus(results: dict[str, dict], formats: dict[str, str]) -> str:
    """Corpus totals per label, then entity micro and relation F1 per format and per file."""
    total = combine(results.values())
    lines = [render_scores(total, names=False), "", "per format (entity micro P / R / F1, relation F1, slides):"]
    for fmt in sorted(set(formats.values())):
        part = combine(r for name, r in results.items() if formats[name] == fmt)
        m, found_total = part["micro"], part["slides"]
        lines.append(f"  {fmt:16} {m['precision']:.2f} / {m['recall']:.2f} / {m['f1']:.2f}"
                     f"   rel {part['relations']['f1']:.2f}   slides {found_total[0]}/{found_total[1]}")
    lines += ["", "per file (entity micro F1, relation F1):"]
    for name, r in results.items():
        lines.append(f"  {r['micro']['f1']:.2f}  {r['relations']['f1']:.2f}  {name}")
    return "\n".join(lines)


def render_scores(result: dict, *, names: bool = True) -> str:
    """The scores as a small text table, per label, then relations, slides and micro."""
    lines = [f"{'label':8} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
    for label, c in result["labels"].items():
        lines.append(f"{label:8} {c['precision']:6.2f} {c['recall']:6.2f} {c['f1']:6.2f} {c['tp']:4} {c['fp']:3} {c['fn']:3}")
        if names and c["fn_names"]:
            lines.append("         missed: " + "; ".join(c["fn_names"]))
        if names and c["fp_names"]:
            lines.append("         wrong:  " + "; ".join(c["fp_names"]))
    r = result["relations"]
    lines.append(f"relations P {r['precision']:.2f} R {r['recall']:.2f} F1 {r['f1']:.2f}")
    found, total = result["slides"]
    lines.append(f"slide recall {found}/{total}")
    m = result["micro"]
    lines.append(f"entities micro P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f}")
    return "\n".join(lines)
