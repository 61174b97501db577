"""Years: two report years side by side; entities new, no longer mentioned and continuing, per label."""

import altair as alt
import streamlit as st

from aigraph.explore.labels import report_years
from aigraph.explore.years import year_diff
from aigraph.explore.markdown import linked_names, markdown_table
from aigraph.app.explorer_support import PAGES, cached_graph, require_graph

loaded = require_graph()


@st.cache_data(show_spinner=False, max_entries=64)
def diff_of(root: str, stamp: str, first: int, second: int):
    return year_diff(cached_graph(root, stamp), first, second)


st.title("Years")
years = report_years(loaded.graph)
st.page_link(PAGES["trends"], label="Every report year at once: the Trends page \u2192", icon=":material/trending_up:")
if len(years) < 2:
    st.info("Comparing years needs reports of at least two years; this graph has "
            f"{len(years)} ({', '.join(map(str, years)) or 'none'}).")
    st.stop()

left, right = st.columns(2)
first = left.selectbox("From", years, index=len(years) - 2, key="years_first")
second = right.selectbox("To", years, index=len(years) - 1, key="years_second")
if first == second:
    st.warning("Pick two different years.")
    st.stop()

diff = diff_of(loaded.root, loaded.stamp, int(first), int(second))
counts = diff.counts()
st.caption(f"Counts entities (not mentions). **New**: mentioned in {second} but not in {first}. "
           f"**No longer mentioned**: mentioned in {first} but not in {second} (the report is silent on it; "
           f"nothing says it ended). **Continuing**: in both. Metrics and money amounts are left out "
           f"(each belongs to one report).")
shown_counts = [{"label": row["label"], "new": row["new"], "no longer mentioned": row["dropped"],
                 "continuing": row["continuing"]} for row in counts]
# A Markdown table, not st.dataframe: the grid's script loads on its first use in a tab,
# which would hold this page's first paint back by most of a second.
st.markdown(markdown_table(["label", "new", "no longer mentioned", "continuing"],
                           [[row["label"], *(str(row[c]) for c in ("new", "no longer mentioned", "continuing"))]
                            for row in shown_counts]))
long_rows = [{"label": row["label"], "change": change, "entities": row[change]}
             for row in shown_counts for change in ("new", "no longer mentioned", "continuing")]
chart = alt.Chart(alt.Data(values=long_rows)).mark_bar().encode(
    y=alt.Y("label:N", sort=[row["label"] for row in counts], title=None, axis=alt.Axis(labelOverlap=False)),
    x=alt.X("entities:Q", stack="zero"),
    color=alt.Color("change:N", scale=alt.Scale(domain=["new", "no longer mentioned", "continuing"],
                                                range=["#009E73", "#D55E00", "#9A9A9A"])),
    tooltip=["label:N", "change:N", "entities:Q"],
)
st.altair_chart(chart.properties(height=max(120, 30 * len(counts))), width="stretch")

labels = [d.label for d in diff.labels]
label = st.selectbox("Show the entities of", labels, index=labels.index("Model") if "Model" in labels else 0,
                     key="years_label")
chosen = next(d for d in diff.labels if d.label == label)
columns = st.columns(3)
for column, title, group in zip(columns, ("New", "No longer mentioned", "Continuing"),
                                (chosen.new, chosen.dropped, chosen.continuing)):
    with column:
        st.subheader(f"{title} ({len(group)})")
        with st.container(height=420, border=False):
            if not group:
                st.caption("None.")
            else:
                # One Markdown list per column: a page link per entity costs a widget each.
                st.markdown("\n".join(f"- {linked_names([(named.id, named.name)])}" for named in group))
