"""The curated knowledge files and their loader."""

from __future__ import annotations

import collections
import doctest
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import aigraph.knowledge as knowledge
from aigraph.errors import AigraphError
from aigraph.knowledge import (
    DATA_FILES,
    Knowledge,
    KnowledgeError,
    KnownEntity,
    load_knowledge,
    parse_knowledge_lines,
    read_knowledge,
    slugify,
    surface_key,
)

DATA = resources.files("aigraph.knowledge").joinpath("data")
#: Files written by the models/datasets helper; checked once they exist.
LATER_FILES = {"models.jsonl", "datasets.jsonl"}
#: Files this module's authors own; held to the stricter within-label checks.
OWN_FILES = ("organizations.jsonl", "software.jsonl", "people.jsonl", "countries.jsonl")
MIN_COUNTS = {
    "organizations.jsonl": 500,
    "software.jsonl": 150,
    "people.jsonl": 150,
    "countries.jsonl": 190,
    "models.jsonl": 400,
    "datasets.jsonl": 200,
}
KINDS = {
    "ORG": {
        "lab", "company", "startup", "university", "government", "military",
        "nonprofit", "investor", "exchange", "consortium", "media",
    },
    "SOFTWARE": {"framework", "library", "tool", "platform", "product", "hardware"},
    "COUNTRY": {"country", "territory", "region", "bloc"},
    "DATASET": {"dataset", "benchmark"},
}


def _present(name: str) -> bool:
    return DATA.joinpath(name).is_file()


def _parsed(name: str) -> list[KnownEntity]:
    if not _present(name):
        if name in LATER_FILES:
            pytest.skip(f"{name} is not written yet (the models/datasets helper owns it)")
        pytest.fail(f"{name} is missing from aigraph/knowledge/data")
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return parse_knowledge_lines(lines, DATA_FILES[name], name)


def _all_present() -> list[KnownEntity]:
    return [e for name in DATA_FILES if _present(name) for e in _parsed(name)]


# --- the data files ---------------------------------------------------------


@pytest.mark.parametrize("name", list(DATA_FILES))
def test_file_parses_sorted_with_slug_ids(name):
    entities = _parsed(name)
    ids = [e.id for e in entities]
    assert ids == sorted(ids), f"{name} is not sorted by id"
    wrong = [(e.id, e.name) for e in entities if e.id != slugify(e.name)]
    assert not wrong, f"{name}: ids that are not the slug of the name: {wrong[:10]}"


@pytest.mark.parametrize("name", list(DATA_FILES))
def test_aliases_are_other_forms(name):
    bad = [
        e.name
        for e in _parsed(name)
        if e.name in e.aliases or len(set(e.aliases)) != len(e.aliases)
        or any(a != a.strip() for a in e.aliases)
    ]
    assert not bad, f"{name}: alias repeats the name or another alias: {bad[:10]}"


@pytest.mark.parametrize("name", [n for n, label in DATA_FILES.items() if label in KINDS])
def test_kinds_are_known(name):
    allowed = KINDS[DATA_FILES[name]]
    bad = [(e.id, e.kind) for e in _parsed(name) if e.kind is not None and e.kind not in allowed]
    assert not bad, f"{name}: unknown kinds {bad[:10]}"


@pytest.mark.parametrize("name", list(DATA_FILES))
def test_minimum_count(name):
    assert len(_parsed(name)) >= MIN_COUNTS[name]


def test_surface_forms_of_different_labels_do_not_clash_unless_ambiguous():
    owners: dict[str, set[KnownEntity]] = collections.defaultdict(set)
    for entity in _all_present():
        for form in entity.surface_forms:
            if surface_key(form):
                owners[surface_key(form)].add(entity)
    clashes = sorted(
        (key, sorted(f"{e.label}:{e.id}" for e in found))
        for key, found in owners.items()
        if len({e.label for e in found}) > 1 and not any(e.ambiguous for e in found)
    )
    assert not clashes, f"surface forms shared across labels (mark one ambiguous): {clashes[:10]}"


@pytest.mark.parametrize("name", OWN_FILES)
def test_surface_forms_within_a_file_are_unique_unless_ambiguous(name):
    owners: dict[str, set[str]] = collections.defaultdict(set)
    ambiguous = set()
    for entity in _parsed(name):
        if entity.ambiguous:
            ambiguous.add(entity.id)
        for form in entity.surface_forms:
            if surface_key(form):
                owners[surface_key(form)].add(entity.id)
    clashes = sorted(
        (key, sorted(ids)) for key, ids in owners.items() if len(ids) > 1 and not ids & ambiguous
    )
    assert not clashes, f"{name}: one surface form names two entries: {clashes[:10]}"


def test_references_resolve_to_organisations():
    orgs = {e.id for e in _parsed("organizations.jsonl")}
    unresolved = []
    for entity in _all_present():
        refs = list(entity.developer)
        if entity.parent:
            refs.append(entity.parent)
        if isinstance(entity.attrs.get("affiliation"), str):
            refs.append(entity.attrs["affiliation"])
        unresolved += [f"{entity.label}:{entity.id} -> {r}" for r in refs if r not in orgs]
    assert not unresolved, f"references to unknown organisations: {unresolved[:20]}"


def test_organisation_countries_are_known_codes():
    codes = {e.attrs.get("iso2") for e in _parsed("countries.jsonl")} - {None}
    bad = [
        (e.id, e.attrs["country"])
        for e in _parsed("organizations.jsonl")
        if "country" in e.attrs and e.attrs["country"] not in codes
    ]
    assert not bad, f"organisations with a country code missing from countries.jsonl: {bad[:10]}"


def test_parent_chains_end():
    parents = {e.id: e.parent for e in _parsed("organizations.jsonl") if e.parent}
    for start in parents:
        seen, current = set(), start
        while current in parents:
            assert current not in seen, f"parent cycle through {start}"
            seen.add(current)
            current = parents[current]


def test_well_known_facts():
    orgs = {e.id: e for e in _parsed("organizations.jsonl")}
    assert orgs["deepmind"].parent == "google"
    assert orgs["google"].parent == "alphabet"
    assert "Google DeepMind" in orgs["deepmind"].aliases
    assert orgs["comma-ai"].name == "comma.ai"
    assert orgs["scale-ai"].ambiguous and "Scale" in orgs["scale-ai"].aliases
    countries = {e.id: e for e in _parsed("countries.jsonl")}
    assert {"US", "USA", "U.S."} <= set(countries["united-states"].aliases)
    assert countries["european-union"].kind == "bloc"


# --- the loader ---------------------------------------------------------------

SMALL = {
    "organizations.jsonl": [
        {"id": "alphabet", "name": "Alphabet", "kind": "company", "ambiguous": True},
        {"id": "deepmind", "name": "DeepMind", "aliases": ["Google DeepMind"], "kind": "lab",
         "parent": "google", "country": "GB"},
        {"id": "google", "name": "Google", "kind": "company", "parent": "alphabet"},
        {"id": "midjourney", "name": "Midjourney", "kind": "startup", "ambiguous": True},
    ],
    "models.jsonl": [
        {"id": "alphafold-2", "name": "AlphaFold 2", "aliases": ["AlphaFold2"],
         "developer": ["deepmind", "no-such-org"], "year": 2020, "kind": "model"},
        {"id": "midjourney", "name": "Midjourney", "developer": ["midjourney"]},
    ],
    "datasets.jsonl": [{"id": "casp14", "name": "CASP14", "kind": "benchmark", "year": 2020}],
    "software.jsonl": [{"id": "jax", "name": "JAX", "kind": "framework", "developer": "google"}],
    "people.jsonl": [{"id": "demis-hassabis", "name": "Demis Hassabis", "affiliation": "deepmind"}],
    "countries.jsonl": [{"id": "united-kingdom", "name": "United Kingdom", "aliases": ["UK"],
                         "kind": "country", "iso2": "GB"}],
}


def _write(directory: Path, files: dict[str, list]) -> Path:
    for name, rows in files.items():
        text = "".join(json.dumps(r) + "\n" if isinstance(r, dict) else r for r in rows)
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def small(tmp_path) -> Knowledge:
    return read_knowledge(_write(tmp_path, SMALL))


def test_labels_and_fields(small):
    assert [e.id for e in small.by_label("ORG")] == ["alphabet", "deepmind", "google", "midjourney"]
    assert len(small) == 10 and set(small.labels) == set(DATA_FILES.values())
    fold = small.get("alphafold-2")
    assert (fold.label, fold.year, fold.kind, fold.developer) == (
        "MODEL", 2020, "model", ("deepmind", "no-such-org"))
    assert small.get("jax").developer == ("google",)
    assert small.get("deepmind").attrs == {"country": "GB"}
    assert small.get("demis-hassabis").attrs == {"affiliation": "deepmind"}
    assert small.get("alphabet").ambiguous and not small.get("google").ambiguous
    assert "casp14" in small and "nothing" not in small and small.get("nothing") is None


def test_get_prefers_labels_in_file_order(small):
    assert small.get("midjourney").label == "ORG"
    assert small.get("midjourney", "MODEL").label == "MODEL"
    assert small.get("casp14", "ORG") is None


def test_lookup_exact_then_normalised(small):
    assert [e.id for e in small.lookup("Google DeepMind")] == ["deepmind"]
    assert [e.id for e in small.lookup("alphafold  2")] == ["alphafold-2"]
    assert [e.id for e in small.lookup("U.K.")] == ["united-kingdom"]
    assert [e.label for e in small.lookup("Midjourney")] == ["ORG", "MODEL"]
    assert [e.label for e in small.lookup("Midjourney", label="MODEL")] == ["MODEL"]
    assert small.lookup("DeepMinds") == [] and small.lookup("...") == []


def test_developers_and_parents(small):
    assert [e.id for e in small.developers_of("alphafold-2")] == ["deepmind"]
    assert [e.id for e in small.developers_of("midjourney")] == ["midjourney"]
    assert small.developers_of("casp14") == () and small.developers_of("nothing") == ()
    assert small.parent_of("deepmind").id == "google"
    assert small.parent_of("alphabet") is None and small.parent_of("jax") is None
    assert [e.id for e in small.ancestors_of("deepmind")] == ["google", "alphabet"]


def test_missing_file_is_named(tmp_path):
    files = dict(SMALL)
    del files["people.jsonl"]
    with pytest.raises(KnowledgeError, match="people.jsonl is missing"):
        read_knowledge(_write(tmp_path, files))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json\n", "not valid JSON"),
        ("[1, 2]\n", "expected a JSON object"),
        ('{"id": "x"}\n', "'name' must be a non-empty string"),
        ('{"id": "x", "name": "X", "aliases": "X1"}\n', "'aliases' must be a list"),
        ('{"id": "x", "name": "X", "year": "2020"}\n', "'year' must be an integer"),
        ('{"id": "x", "name": "X", "ambiguous": "yes"}\n', "'ambiguous' must be true or false"),
        ('{"id": "deepmind", "name": "DeepMind"}\n', "already used on line 2"),
    ],
)
def test_malformed_line_is_named(tmp_path, line, message):
    files = dict(SMALL)
    files["organizations.jsonl"] = [*SMALL["organizations.jsonl"], "\n", line]
    with pytest.raises(KnowledgeError, match=message) as caught:
        read_knowledge(_write(tmp_path, files))
    assert "organizations.jsonl, line 6" in str(caught.value)
    assert isinstance(caught.value, AigraphError)


def test_slug_and_key():
    assert slugify("Google DeepMind") == "google-deepmind"
    assert slugify("AlphaFold 2") == "alphafold-2"
    assert slugify("  comma.ai ") == "comma-ai"
    assert slugify("µZero") == "μzero"
    assert surface_key("Hugging-Face") == surface_key("huggingface") == "huggingface"
    assert surface_key("ＧＰＴ－３") == "gpt3"


def test_docstring_examples_run():
    failures, _ = doctest.testmod(knowledge, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_import_reads_nothing():
    code = (
        "import aigraph.knowledge as k, sys; "
        "print(k.load_knowledge.cache_info().currsize, 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]


def test_load_knowledge_reads_the_package_once():
    if not all(_present(name) for name in DATA_FILES):
        with pytest.raises(KnowledgeError, match="is missing"):
            load_knowledge.__wrapped__()
        pytest.skip("models.jsonl / datasets.jsonl are not written yet")
    loaded = load_knowledge()
    assert loaded is load_knowledge()
    assert loaded.parent_of("deepmind").name == "Google"
    assert [e.id for e in loaded.lookup("Hugging Face Inc.")] == ["hugging-face"]
    assert len(loaded.by_label("ORG")) >= MIN_COUNTS["organizations.jsonl"]
