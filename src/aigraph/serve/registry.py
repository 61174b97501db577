"""Where a running endpoint can be found: the explorer links to it.

``AIGRAPH_SPARQL_ENDPOINT`` names an endpoint URL outright. Otherwise ``aigraph serve``
leaves a small note (URL and process id) in this user's temporary folder while it runs,
keyed by the graph directory it serves, and :func:`endpoint_for` finds the note of a
live server for a graph directory. No network is touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

#: Environment variable naming the endpoint URL the explorer links to.
ENDPOINT_ENV = "AIGRAPH_SPARQL_ENDPOINT"


def _notes_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"aigraph-serve-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def note_path(graph_dir: str | os.PathLike[str]) -> Path:
    """The note file of the endpoint serving ``graph_dir``."""
    key = hashlib.sha256(str(Path(graph_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return _notes_dir() / f"{key}.json"


def announce(graph_dir: str | os.PathLike[str], url: str) -> Path:
    """Leave the note that this process serves ``graph_dir`` at ``url``; returns its path."""
    path = note_path(graph_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"url": url, "pid": os.getpid(), "graph": str(Path(graph_dir).resolve())}),
                    encoding="utf-8")
    return path


def withdraw(graph_dir: str | os.PathLike[str]) -> None:
    """Remove this process's note for ``graph_dir`` (another server's note is left alone)."""
    path = note_path(graph_dir)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def endpoint_for(graph_dir: str | os.PathLike[str] | None = None) -> str | None:
    """Return the URL of a SPARQL endpoint for ``graph_dir``, or ``None`` when none is known.

    ``$AIGRAPH_SPARQL_ENDPOINT`` first; then the note of a live ``aigraph serve`` over the
    same directory.

    Examples
    --------
    >>> endpoint_for("/nonexistent/graph") is None or bool(os.environ.get(ENDPOINT_ENV))
    True
    """
    named = os.environ.get(ENDPOINT_ENV, "").strip()
    if named:
        return named
    if graph_dir is None:
        return None
    try:
        note = json.loads(note_path(graph_dir).read_text(encoding="utf-8"))
        url, pid = str(note["url"]), int(note["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return url if _alive(pid) else None


__all__ = ["ENDPOINT_ENV", "announce", "endpoint_for", "note_path", "withdraw"]
