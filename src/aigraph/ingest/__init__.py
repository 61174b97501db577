"""Ingest: report files in, :class:`~aigraph.records.Document` s out.

``read_document`` picks a reader by suffix (``.txt``, ``.md``, ``.markdown``,
``.html``, ``.htm``, ``.pdf``) and cuts the text into blocks that carry slide
numbers and sections; ``iter_sources`` expands the paths a user names;
``parse_text`` does the same work on a string. See :mod:`aigraph.ingest.summary`
and :mod:`aigraph.ingest.deck` for how blocks are cut.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest.readers import READERS, parse_text, register_reader
from aigraph.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "iter_sources", "parse_text", "read_document", "register_reader"]

#: File suffixes a reader is registered for.
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)

_SKIPPED_NAMES = frozenset({"readme.md", "readme.txt", "readme.markdown", "readme"})


def read_document(path: str | Path, *, year: int | None = None) -> Document:
    """Read one report file into a Document.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm`` or ``.pdf`` file.
    year : int, optional
        The report year; by default taken from the file name, else the text.

    Returns
    -------
    Document

    Raises
    ------
    InputError
        With one sentence naming the file, when it is missing, a directory,
        empty, binary, of an unknown kind, or a corrupt, encrypted or textless PDF.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "soai-2021.md"
    >>> _ = p.write_text("- Slide 12: SEER reaches 84.2% on ImageNet.\\n", encoding="utf-8")
    >>> doc = read_document(p)
    >>> doc.year, doc.blocks[0].slides, doc.block_text(doc.blocks[0])
    (2021, (12,), 'SEER reaches 84.2% on ImageNet.')
    """
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(f"{path}: {_why_missing(path)}")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, expected a file")
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            kinds = ", ".join(sorted(READERS))
            what = f"'{path.suffix}' files are" if path.suffix else "files without a suffix are"
            raise InputError(f"{path}: {what} not supported (supported: {kinds})")
        if path.stat().st_size == 0:
            raise InputError(f"{path}: the file is empty")
        return reader(path, year)
    except PermissionError as err:
        raise InputError(f"{path}: permission denied") from err
    except IsADirectoryError as err:  # a race with the checks above
        raise InputError(f"{path}: is a directory, expected a file") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from err


def _why_missing(path: Path) -> str:
    """Why ``path`` cannot be found: a symlink loop, a dangling symlink, or nothing there."""
    import errno
    import os

    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "is a symlink loop (following its links leads back to it)"
    if path.is_symlink():
        return f"is a broken symlink (its target {os.readlink(path)} does not exist)"
    return "no such file"


def iter_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Expand the paths a user named into the files to read, in order.

    A directory gives the files under it (recursively, sorted) whose suffix a
    reader supports, skipping ``README`` files and hidden files and folders. A
    file is kept as given, even with an unsupported suffix, and so is a path that
    does not exist, so that :func:`read_document` reports each of them in turn.

    Examples
    --------
    >>> [str(p) for p in iter_sources(["missing.txt"])]
    ['missing.txt']
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = (
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in READERS
                and p.name.lower() not in _SKIPPED_NAMES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found = iter((path,))
        for p in found:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out
