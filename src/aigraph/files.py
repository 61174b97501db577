"""Write a file so that a reader sees the old content or the new, never half of it.

:func:`replace_file` writes to a temporary file beside the target and renames it into
place (``os.replace`` is atomic on one file system); on any failure the temporary
file is removed and the target is left as it was.

Examples
--------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> replace_file(target, "first\\n")
>>> replace_file(target, b"second\\n")
>>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
('second\\n', ['notes.txt'])
"""

from __future__ import annotations

import os
import tempfile
from os import PathLike
from pathlib import Path


def replace_file(path: str | PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file and a rename.

    Raises
    ------
    OSError
        When the directory cannot be written; the target is then unchanged.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["replace_file"]
