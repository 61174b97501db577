"""The Streamlit explorer, shipped inside the package.

``streamlit_app.py`` is the entry file: it declares the pages, each a script in
``views/``; ``explorer_support.py`` holds what the pages share. The page scripts run
only under Streamlit (``aigraph explore`` starts it); importing this package is cheap
and runs none of them.
"""

from __future__ import annotations

from pathlib import Path

#: The explorer's entry file, inside the installed package.
ENTRY = Path(__file__).resolve().parent / "streamlit_app.py"


def entry_file() -> Path:
    """Return the path of the packaged explorer's entry file.

    Examples
    --------
    >>> entry_file().name, entry_file().parent.name
    ('streamlit_app.py', 'app')
    """
    return ENTRY
