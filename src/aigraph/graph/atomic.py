"""Replace a directory as a whole: build beside it, then swap it in.

A reader sees either the old directory or the new one, never a half-written one;
an exception or ``KeyboardInterrupt`` while building leaves the old one as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aigraph.errors import GraphError


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _directory_mode(target: Path) -> int:
    """The permissions the new directory should have: the old one's, else the umask's."""
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _remove_stale(target: Path) -> None:
    """Remove staging dirs left behind by builds that were killed outright."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(?:building|old)-(\d+)-")
    if not target.parent.is_dir():
        return
    for entry in target.parent.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_dir() and not _pid_alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def staged_directory(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty directory next to ``target``; swap it in on success.

    On a normal exit the staged directory replaces ``target`` (two renames on the
    same file system; hidden files such as ``.gitkeep`` are carried over). On any
    exception, ``KeyboardInterrupt`` included, the staged directory is removed and
    ``target`` is untouched.

    Raises
    ------
    GraphError
        When ``target`` exists and is not a directory, or its parent cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph"
    >>> with staged_directory(out) as tmp:
    ...     _ = (tmp / "graph.json").write_text("{}")
    >>> sorted(p.name for p in out.iterdir())
    ['graph.json']
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise GraphError(f"{target} exists and is not a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        staged = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-", dir=target.parent)
        )
        os.chmod(staged, _directory_mode(target))
    except OSError as err:
        raise GraphError(f"cannot write next to {target}: {err.strerror or err}") from err
    try:
        yield staged
        _swap_in(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def _swap_in(staged: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staged, target)
        return
    for entry in target.iterdir():
        if entry.name.startswith(".") and entry.is_file() and not (staged / entry.name).exists():
            shutil.copy2(entry, staged / entry.name)
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(staged, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
