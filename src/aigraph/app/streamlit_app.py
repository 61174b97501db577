"""aigraph explorer: the entry file. It declares the pages; each page lives in ``views/``.

The folder is not called ``pages/``: Streamlit treats a ``pages/`` folder next to the entry
file as a version-1 multipage app until ``st.navigation`` first runs, so a fresh server
whose first visitor opens ``/query`` directly would run that page without this file.

Run it with ``aigraph explore`` (or ``streamlit run app/streamlit_app.py`` in a checkout); the graph
directory comes from ``$AIGRAPH_GRAPH_DIR`` (default ``data/graph``).
"""

import streamlit as st

from aigraph.app.explorer_support import PAGES, graph_dir

st.set_page_config(page_title="aigraph explorer", page_icon="\U0001F578\ufe0f", layout="wide")

pages = {
    "Explore": [
        st.Page(PAGES["overview"], title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES["search"], title="Search", icon=":material/search:"),
        st.Page(PAGES["entity"], title="Entity", icon=":material/label:"),
        st.Page(PAGES["organisation"], title="Organisation \u2192 models by year", icon=":material/apartment:",
                url_path="organisation"),
        st.Page(PAGES["years"], title="Years", icon=":material/compare_arrows:"),
        st.Page(PAGES["trends"], title="Trends", icon=":material/trending_up:"),
        st.Page(PAGES["predictions"], title="Predictions", icon=":material/online_prediction:"),
        st.Page(PAGES["graph"], title="Graph", icon=":material/hub:"),
    ],
    "Data": [
        st.Page(PAGES["query"], title="Query", icon=":material/terminal:"),
        st.Page(PAGES["export"], title="Export", icon=":material/download:"),
    ],
}

page = st.navigation(pages)
st.sidebar.caption(f"Graph: `{graph_dir()}`")
# Footer: the credit the outside facts' licence asks for (aigraph.knowledge.epoch.CREDIT).
from aigraph.app.outside import credit_markdown  # noqa: E402

st.sidebar.caption(credit_markdown())
page.run()
