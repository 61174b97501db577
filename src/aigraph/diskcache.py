"""A small on-disk cache for data that is slow to compile and cheap to load.

Compiled gazetteer patterns, the parsed curated knowledge and the filtered word
frequencies are built once and kept as pickles under the user cache directory
(``$AIGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/aigraph``, else ``~/.cache/aigraph``).
Each file is named by a key: a hash of everything its content depends on (the
data files, the package's code, the spaCy version), so a change to any of them
builds a fresh file. Writes are atomic (a temporary file renamed into place); a
file that cannot be read back is rebuilt, and a cache directory that cannot be
written only costs the rebuild at the next start.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TypeVar

from aigraph.files import replace_file

T = TypeVar("T")

#: Bumped when the layout of a cache file changes.
CACHE_FORMAT = "1"
#: Hex digits of the key in a cache file's name.
_KEY_CHARS = 24


def cache_dir() -> Path:
    """The directory cache files live in (not created here)."""
    explicit = os.environ.get("AIGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aigraph"


def hash_files(paths: Iterable, *extra: str) -> str:
    """A hex digest of the files' names and bytes, in the given order, plus ``extra`` strings."""
    digest = hashlib.sha256()
    for part in extra:
        digest.update(part.encode("utf-8") + b"\0")
    for path in paths:
        digest.update(str(getattr(path, "name", path)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


#: Modules whose code decides what the compiled caches hold (with whatever they import).
ROOT_MODULES = ("aigraph.extract.compiled", "aigraph.extract.gazetteer", "aigraph.lexicon", "aigraph.knowledge")



def module_files(roots: Iterable[str] = ROOT_MODULES, package: str = "aigraph") -> list[Path]:
    """Source files of ``roots`` and of every ``package`` module they import, transitively, sorted."""
    p = re.escape(package)
    imports = re.compile(rf"^\s*(?:from\s+({p}(?:\.\w+)*)\s+import\s+([\w, ()]+)|import\s+({p}(?:\.\w+)*))", re.M)
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None  # a name imported from a module, not a module
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        path = seen[name] = Path(spec.origin)
        for m in imports.finditer(path.read_text(encoding="utf-8")):
            if m.group(3):
                todo.append(m.group(3))
                continue
            todo.append(m.group(1))
            # "from aigraph.extract import names": names may be a module
            todo.extend(f"{m.group(1)}.{w.strip()}" for w in m.group(2).strip("() ").split(",") if w.strip())
    return sorted(seen.values())


@functools.cache
def code_key() -> str:
    """A digest of the code the compiled caches depend on, its word lists and versions.

    Covers :data:`ROOT_MODULES` and the ``aigraph`` modules they import (so an edit
    to an unrelated rule module does not throw the cache away), the lexicon files,
    and the spaCy and Python versions.
    """
    import spacy

    lexicon = resources.files("aigraph.lexicon")
    files = [
        *module_files(),
        *sorted((p for p in lexicon.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name),
    ]
    return hash_files(files, CACHE_FORMAT, spacy.__version__, sys.version)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """Return the value cached under ``name`` and ``key``, building and storing it when absent.

    Parameters
    ----------
    name
        What the file holds (``"knowledge"``, ``"gazetteer"``); older files of the
        same name with another key are removed when a new one is written.
    key
        A digest of every input of ``build``.
    build
        Computes the value; it must be picklable.

    A missing, unreadable or corrupt file, or one whose stored key differs, is rebuilt;
    a failed write leaves nothing behind and is not an error.
    """
    directory = cache_dir()
    path = directory / f"{name}-{key[:_KEY_CHARS]}.pickle"
    try:
        with open(path, "rb") as fh:
            stored_key, value = pickle.load(fh)
        if stored_key == key:
            return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged cache file of any kind is rebuilt
        pass
    value = build()
    _write(directory, path, name, key, value)
    return value


def _write(directory: Path, path: Path, name: str, key: str, value: object) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        replace_file(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
        for old in directory.glob(f"{name}-{'[0-9a-f]' * _KEY_CHARS}.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the value is still returned, built again next time
