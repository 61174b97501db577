"""Overview: how big the graph is, per label and report year, and who is mentioned most."""

import altair as alt
import streamlit as st

from aigraph.explore.labels import LABEL_COLORS
from aigraph.explore.overview import NOT_ENTITY_LABELS
from aigraph.explore.status import graph_status
from aigraph.app.explorer_support import PAGES, cached_graph, entity_link, require_graph

loaded = require_graph()


@st.cache_data(show_spinner=False, max_entries=4)
def overview_of(root: str, stamp: str):
    from aigraph.explore.overview import overview

    return overview(cached_graph(root, stamp))


view = overview_of(loaded.root, loaded.stamp)

st.title("aigraph explorer")
st.caption("A knowledge graph of AI industry reports: every fact links back to the slide and sentence it came from.")

counts = st.columns(4)
counts[0].metric("Report years", len(view.years), help="Reports in the graph, one per year.")
counts[1].metric("Entities", f"{view.entity_count:,}",
                 help="Things the reports name: organisations, models, papers, datasets, metrics, people, ... "
                      "Not slides or reports, and not money amounts (counted with what they are about).")
counts[2].metric("Slides", f"{view.label_counts.get('Slide', 0):,}", help="Slides (or sections) of all reports.")
counts[3].metric("Relations", f"{view.edges:,}",
                 help="Every edge, mentions (entity \u2192 slide) included; per type under Build details.")
st.caption(f"What is counted: {view.breakdown()} (the build and the Export page count all nodes). "
           f"Money amounts are listed under the organisation they are about, on its entity page.")

left, right = st.columns(2)
with left:
    st.subheader("Entities per label")
    st.caption("Distinct entities of each label, all report years together.")
    label_rows = [{"label": label, "nodes": n} for label, n in view.label_counts.items()
                  if label not in NOT_ENTITY_LABELS]
    labels = [row["label"] for row in label_rows]
    colour = alt.Color("label:N", scale=alt.Scale(domain=labels, range=[LABEL_COLORS.get(x, "#666") for x in labels]),
                       legend=None)
    chart = alt.Chart(alt.Data(values=label_rows)).mark_bar().encode(
        x=alt.X("nodes:Q", title="entities"),
        y=alt.Y("label:N", sort=labels, title=None, axis=alt.Axis(labelOverlap=False)),
        color=colour,
        tooltip=["label:N", "nodes:Q"],
    )
    st.altair_chart(chart, width="stretch")
with right:
    st.subheader("Entities per report year")
    st.caption("Distinct entities each report mentions (one entity counts in every year it appears).")
    year_rows = [{"year": str(y), "label": label, "entities": n} for y, label, n in view.year_counts]
    year_labels = list(dict.fromkeys(row["label"] for row in year_rows))
    chart = alt.Chart(alt.Data(values=year_rows)).mark_bar().encode(
        x=alt.X("year:O", title="report year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("entities:Q", stack="zero"),
        color=alt.Color("label:N", scale=alt.Scale(domain=year_labels,
                                                   range=[LABEL_COLORS.get(x, "#666") for x in year_labels])),
        order=alt.Order("label:N"),
        tooltip=["year:O", "label:N", "entities:Q"],
    )
    st.altair_chart(chart, width="stretch")

st.page_link(PAGES["organisation"], label="Which models did an organisation develop, year by year? \u2192",
             icon=":material/apartment:")
st.page_link(PAGES["trends"], label="How does the field move across report years? \u2192",
             icon=":material/trending_up:")

top_left, top_right = st.columns(2)
for column, title, ranked in ((top_left, "Top organisations", view.top_organizations),
                              (top_right, "Top models", view.top_models)):
    with column:
        st.subheader(title)
        st.caption("Ranked by the number of slides that mention them.")
        for entity in ranked:
            entity_link(entity.id, f"{entity.name} \u2014 {entity.slides} slides, {entity.years} report years")

with st.expander("Build details"):
    status = graph_status(loaded.root)
    st.write(f"Built {status.manifest.get('built_at', 'at an unknown time')} from "
             f"{len(status.manifest.get('inputs', []))} input files into `{loaded.root}`.")
    st.caption("Every node of the graph per label (entities, money amounts, slides and reports).")
    st.dataframe([{"label": k, "nodes": v} for k, v in view.label_counts.items()], hide_index=True)
    st.dataframe([{"relation": k, "edges": v} for k, v in view.edge_counts.items()], hide_index=True)
