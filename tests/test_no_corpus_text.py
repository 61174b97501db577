"""No sentence of the shared dev corpus is copied into the project (skipped without ../shared).

The corpus is other people's text, for tests and benchmarks only: a run of seven words
from it found in our sources, tests, docs or data is a copy. Paper titles are facts, not
prose: a run inside a title Epoch AI records (imported under CC BY 4.0) does not count.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RUN = 7
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")


def shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def our_files():
    for folder in ("src", "app", "tests", "docs", "bench", "scripts", "data/raw"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md", ".txt", ".json", ".jsonl", ".html", ".toml", ".sh"}:
                yield path
    yield ROOT / "README.md"


#: Paper titles and venues that Epoch AI does not record (names are facts, not prose).
OTHER_TITLES = ("The False Promise of Imitating Proprietary LLMs",
                "In Advances in Neural Information Processing Systems")


def titles() -> set[tuple[str, ...]]:
    from aigraph.knowledge.epoch import load_epoch

    every = [m.paper_title for m in load_epoch() if m.paper_title] + list(OTHER_TITLES)
    return {s for title in every for s in shingles(title)}


def test_no_seven_word_run_of_the_corpus_stands_in_our_files():
    corpus: dict[tuple[str, ...], str] = {}
    for path in CORPUS.glob("*.txt"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for s in shingles(body):
            corpus.setdefault(s, path.name)
    for s in titles():
        corpus.pop(s, None)
    copies = []
    for path in our_files():
        if "epoch_models" in path.name:
            continue  # Epoch AI's facts (titles of papers), imported under CC BY 4.0
        for s in shingles(path.read_text(encoding="utf-8", errors="replace")) & corpus.keys():
            copies.append(f"{path.relative_to(ROOT)}: '{' '.join(s)}' ({corpus[s]})")
    assert not copies, "\n".join(sorted(copies)[:40])
