"""Export: download the graph in every format ``aigraph export`` writes."""

import streamlit as st

from aigraph.explore.downloads import download_name, export_file, export_formats
from aigraph.app.explorer_support import cached_graph, require_graph

loaded = require_graph()


@st.cache_data(show_spinner=False, max_entries=16)
def exported(root: str, stamp: str, fmt: str):
    return export_file(cached_graph(root, stamp), fmt)


@st.cache_data(show_spinner=False, max_entries=4)
def breakdown(root: str, stamp: str) -> str:
    from aigraph.explore.overview import overview

    return overview(cached_graph(root, stamp)).breakdown()


def contents(fmt: str):
    return lambda: exported(loaded.root, loaded.stamp, fmt).data


st.title("Export")
st.caption(f"The whole graph: {breakdown(loaded.root, loaded.stamp)}; {loaded.graph.number_of_edges():,} edges "
           "(mentions included). "
           "Each file is made when you click; folder formats come as a zip. "
           "The same files come from `aigraph export --format FORMAT --out PATH`.")
for fmt, description in export_formats():
    name, action = st.columns([3, 1])
    name.markdown(f"**{fmt}** \u2014 {description}")
    file_name, mime = download_name(fmt)
    action.download_button("Download", contents(fmt), file_name=file_name, mime=mime, key=f"export_{fmt}",
                           on_click="ignore", icon=":material/download:")
