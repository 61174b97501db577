"""aigraph explorer, started from a checkout: ``streamlit run app/streamlit_app.py``.

The explorer itself ships inside the package (``src/aigraph/app/``), so an installed
aigraph serves it with ``aigraph explore`` and no checkout. This file only runs the
packaged entry file on every rerun; its pages are found by absolute path, so they work
from here too. The graph directory comes from ``$AIGRAPH_GRAPH_DIR`` (default ``data/graph``).
"""

import runpy

from aigraph.app import entry_file

runpy.run_path(str(entry_file()), run_name="__main__")
