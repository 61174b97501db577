"""Switch a graph directory to a new build in one atomic step, one build at a time.

A graph directory ``DIR`` written by ``aigraph build`` holds::

    DIR/.aigraph-graph        marker: the directory is a build's own
    DIR/.aigraph-build.lock   locked (``flock``) while a build runs; holds its pid
    DIR/v<time>-<pid>-<x>/    build folders, each marked by .aigraph-version inside
    DIR/current -> v...       symbolic link to the finished build readers use

A build writes a new folder, then replaces ``current`` with one ``os.replace`` of
a new link: a reader sees the old build or the new one, never none. A killed build
leaves an unfinished folder that the next build takes the extraction cache from
and then removes; the previous build stays until the new one is in place. Only
entries a build wrote are ever removed; a directory that is neither empty nor a
build's own is refused as a whole.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from aigraph.errors import GraphError
from aigraph.graph.paths import CURRENT_LINK, resolve_version

MARKER = ".aigraph-graph"
LOCK = ".aigraph-build.lock"
VERSION_MARKER = ".aigraph-version"
#: Entries an empty graph directory may hold (``data/graph`` is committed with one).
EMPTY_OK = frozenset({".gitkeep"})
#: What a build of aigraph before versioned folders wrote straight into the directory.
LEGACY_OUTPUTS = (
    "graph.json", "graph.ttl", "oxigraph", "cypher", "manifest.json", "merge_log.jsonl", "cache",
)
_LINK_TMP = ".current.tmp-"


def _is_legacy_build(folder: Path) -> bool:
    """True when ``folder`` holds a build written straight into it (no versions)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "fingerprint" in manifest and "inputs" in manifest


def is_build_directory(folder: str | os.PathLike[str]) -> bool:
    """Return true when a build may write ``folder``: absent, empty, or a build's own.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> mine = pathlib.Path(tempfile.mkdtemp())
    >>> is_build_directory(mine)
    True
    >>> _ = (mine / "notes.txt").write_text("mine")
    >>> is_build_directory(mine)
    False
    """
    folder = Path(folder)
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    entries = set(os.listdir(folder))
    return entries <= EMPTY_OK or MARKER in entries or _is_legacy_build(folder)


def check_output_directory(out: str | os.PathLike[str], inputs: str | os.PathLike[str]) -> None:
    """Refuse an output directory a build must not write.

    Raises
    ------
    GraphError
        When ``out`` is the input, lies inside it or contains it, is a file, or is a
        directory of other files (not empty, not written by ``aigraph build``).
    """
    out, inputs = Path(out), Path(inputs)
    o, i = out.resolve(), inputs.resolve()
    if o == i:
        raise GraphError(f"refusing to write the graph into {out}: it is the input itself")
    if o in i.parents:
        raise GraphError(f"refusing to write the graph into {out}: it contains the input {inputs}")
    if i in o.parents:
        raise GraphError(f"refusing to write the graph into {out}: it is inside the input {inputs}")
    if out.exists() and not out.is_dir():
        raise GraphError(f"refusing to write the graph into {out}: it exists and is not a directory")
    if (o / VERSION_MARKER).is_file():
        raise GraphError(
            f"refusing to write the graph into {out}: it is one build of {o.parent} "
            f"(give {o.parent} itself)"
        )
    if not is_build_directory(out):
        raise GraphError(
            f"refusing to write the graph into {out}: it holds files that no build wrote "
            "(give an empty or new folder, or one a build wrote)"
        )


@contextmanager
def build_lock(
    out: str | os.PathLike[str], on_wait: Callable[[str], None] | None = None
) -> Iterator[Path]:
    """Hold the build lock of ``out`` (created, and marked as a build's own, if need be).

    When another build holds it, ``on_wait`` gets one line saying so and this one
    waits for it to finish. Yields ``out`` as a :class:`~pathlib.Path`.
    """
    import fcntl

    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        if not (out / MARKER).exists():
            (out / MARKER).write_text(json.dumps({"written_by": "aigraph build"}) + "\n")
        handle = open(out / LOCK, "a+", encoding="utf-8")
    except OSError as err:
        raise GraphError(f"cannot write {out}: {err.strerror or err}") from err
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            if on_wait is not None:
                on_wait(f"another build is writing {out} (pid {holder}); waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield out
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def versions(out: str | os.PathLike[str]) -> list[Path]:
    """Return the build folders in ``out`` (finished or not), oldest first."""
    out = Path(out)
    try:
        entries = sorted(os.listdir(out))
    except OSError:
        return []
    return [out / name for name in entries
            if name.startswith("v") and (out / name / VERSION_MARKER).is_file()
            and not (out / name).is_symlink()]


def current_version(out: str | os.PathLike[str]) -> Path | None:
    """Return the build folder ``out/current`` names, or ``None``."""
    out = Path(out)
    resolved = resolve_version(out)
    return None if resolved == out else resolved


def donors(out: str | os.PathLike[str]) -> list[Path]:
    """Folders whose extraction cache a new build may reuse: the current build first,
    then other build folders (unfinished ones a killed build left included), then a
    build written straight into ``out`` by an older aigraph, then its staging leftovers."""
    out = Path(out)
    current = current_version(out)
    found = [current] if current is not None else []
    found += [v for v in reversed(versions(out)) if v != current]
    if _is_legacy_build(out) or (out / "cache").is_dir():
        found.append(out)
    found += _legacy_leftovers(out)
    return found


def _legacy_leftovers(out: Path) -> list[Path]:
    """Staging folders of older aigraph builds killed outright, beside ``out``."""
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.(?:building|old)-(\d+)-")
    try:
        entries = sorted(out.parent.iterdir())
    except OSError:
        return []
    return [e for e in entries
            if (m := pattern.match(e.name)) and e.is_dir() and not _pid_alive(int(m.group(1)))]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _new_folder(out: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"v{stamp}-{os.getpid()}-", dir=out))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(folder, 0o777 & ~umask)
        (folder / VERSION_MARKER).write_text(
            json.dumps({"pid": os.getpid(), "started": stamp}) + "\n", encoding="utf-8"
        )
    except OSError as err:
        raise GraphError(f"cannot write into {out}: {err.strerror or err}") from err
    return folder


def switch_to(out: Path, folder: Path) -> None:
    """Make ``out/current`` name ``folder`` in one step (a new link renamed over the old)."""
    link = out / f"{_LINK_TMP}{os.getpid()}"
    try:
        link.unlink()
    except FileNotFoundError:
        pass
    os.symlink(folder.name, link)
    try:
        os.replace(link, out / CURRENT_LINK)
    except OSError as err:
        link.unlink(missing_ok=True)
        if err.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST):
            raise GraphError(f"cannot switch {out}: {out / CURRENT_LINK} is a real folder") from err
        raise
    try:
        fd = os.open(out, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_old(out: Path, keep: set[Path]) -> None:
    """Remove what earlier builds left in and beside ``out``, except the folders in ``keep``.

    Removed: build folders, leftover link files, the outputs an older aigraph wrote
    straight into ``out``, and its staging folders beside ``out``. Call it with the
    build lock held and the new build switched in.
    """
    keep = {k.resolve() for k in keep}
    for folder in versions(out):
        if folder.resolve() not in keep:
            shutil.rmtree(folder, ignore_errors=True)
    for name in os.listdir(out):
        if name.startswith(_LINK_TMP):
            (out / name).unlink(missing_ok=True)
    if (out / CURRENT_LINK).is_symlink() and _is_legacy_build(out):
        for name in LEGACY_OUTPUTS:
            target = out / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
    for leftover in _legacy_leftovers(out):
        shutil.rmtree(leftover, ignore_errors=True)


def _keep_only_cache(folder: Path) -> None:
    """After a failed build: keep its extraction cache for the next one, drop the rest."""
    cache = folder / "cache"
    if not (cache.is_dir() and any(cache.iterdir())):
        shutil.rmtree(folder, ignore_errors=True)
        return
    for entry in folder.iterdir():
        if entry.name in ("cache", VERSION_MARKER):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


@contextmanager
def staged_version(out: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a new, empty build folder in ``out``; on success switch ``current`` to it.

    Call it with :func:`build_lock` held. After the switch the build folder that was
    current stays (a reader may still be answering from it) and older ones go. On
    any exception, ``KeyboardInterrupt`` included, ``current`` is untouched and the
    new folder keeps only its extraction cache, for the next build to reuse.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph"
    >>> with build_lock(out), staged_version(out) as folder:
    ...     _ = (folder / "graph.json").write_text("{}")
    >>> (out / "current" / "graph.json").read_text()
    '{}'
    """
    out = Path(out)
    previous = current_version(out)
    folder = _new_folder(out)
    try:
        yield folder
        switch_to(out, folder)
    except BaseException:
        _keep_only_cache(folder)
        raise
    remove_old(out, {folder} | ({previous} if previous is not None else set()))
