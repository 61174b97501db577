"""Search: fuzzy search over the names and aliases of every node; hits open entity pages."""

import streamlit as st

from aigraph.explore.labels import present_labels
from aigraph.explore.search import search
from aigraph.app.explorer_support import entity_link, query_param, require_graph, search_index

loaded = require_graph()
index = search_index(loaded.root, loaded.stamp)

st.title("Search")
if "search_text" not in st.session_state:
    st.session_state["search_text"] = query_param("q") or ""
text = st.text_input("Name or alias", key="search_text", placeholder="e.g. Google DeepMind, AlphaFold 2, ImageNet")
all_labels = present_labels(loaded.graph)
entity_labels = [label for label in all_labels if label not in ("Slide", "Report")]
labels = st.multiselect("Labels", all_labels, default=entity_labels, key="search_labels")
limit = st.slider("Results", 5, 100, 20, step=5, key="search_limit")

if text.strip():
    hits = search(index, text, labels=labels, limit=limit)
    if not hits:
        st.warning(f"Nothing in the graph is named like \u201c{text}\u201d. Try fewer letters or another spelling.")
    else:
        st.caption(f"{len(hits)} result{'s' if len(hits) != 1 else ''}, best first.")
        for hit in hits:
            years = f"{hit.years[0]}\u2013{hit.years[-1]}" if len(hit.years) > 1 else "".join(map(str, hit.years))
            alias = f"alias \u201c{hit.matched}\u201d \u00b7 " if hit.via_alias else ""
            left, right = st.columns([2, 3])
            with left:
                entity_link(hit.id, f"{hit.name}")
            right.caption(f"{hit.label} \u00b7 {alias}{years or 'no report year'} \u00b7 score {hit.score:.0f}")
else:
    st.caption(f"{len(index):,} nodes indexed by name and alias. Case, spaces and punctuation do not matter.")
