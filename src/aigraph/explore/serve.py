"""Run Streamlit with the explorer's heavy libraries already imported.

``python -m aigraph.explore.serve run ENTRY.py [streamlit options]`` is
``python -m streamlit ...`` with one difference: pandas, Altair, networkx and the
explorer's own modules are imported while the server starts, not during the first
visitor's page load (they cost about a second on a small machine).
``aigraph explore`` runs it on the packaged entry file, :func:`aigraph.app.entry_file`.
"""

from __future__ import annotations

import importlib
import sys

#: Modules the first page run would otherwise import. Not Streamlit components
#: (``st_link_analysis``): they register their files with the running server when
#: imported, so importing them before the server exists leaves their frames empty.
PRELOAD = (
    "pandas", "pyarrow", "altair", "networkx", "rapidfuzz",
    "aigraph.graph.store", "aigraph.explore.overview", "aigraph.explore.search",
    "aigraph.explore.entity", "aigraph.explore.timeline", "aigraph.explore.years",
    "aigraph.explore.neighbourhood", "aigraph.explore.console",
)


def preload(modules: tuple[str, ...] = PRELOAD) -> list[str]:
    """Import ``modules``, skipping any that fail; return those that loaded."""
    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        loaded.append(name)
    return loaded


def main() -> None:
    """Preload, then hand the command line to Streamlit's own ``streamlit`` command."""
    preload()
    from streamlit.web.cli import main as streamlit_main

    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
