"""Trends: how the field moves across report years, one chart per question, each chart's data downloadable."""

import altair as alt
import streamlit as st

from aigraph.explore.labels import LABEL_COLORS, OTHER_COLOR
from aigraph.explore.trends import arrivals_and_departures, mentions_per_label, rows_to_csv, top_per_year
from aigraph.app.explorer_support import PAGES, cached_graph, require_graph

loaded = require_graph()


@st.cache_data(show_spinner=False, max_entries=4)
def tables_of(root: str, stamp: str, top: int):
    g = cached_graph(root, stamp)
    return (mentions_per_label(g), top_per_year(g, "Organization", top=top), top_per_year(g, "Model", top=top),
            arrivals_and_departures(g))


def download(rows: list[dict], name: str, key: str) -> None:
    st.download_button("Download the chart's data (CSV)", rows_to_csv(rows), file_name=f"{name}.csv",
                       mime="text/csv", key=key, on_click="ignore", icon=":material/download:",
                       disabled=not rows)


def label_colour(labels: list[str]) -> alt.Color:
    return alt.Color("label:N", sort=labels, title="label",
                     scale=alt.Scale(domain=labels, range=[LABEL_COLORS.get(x, OTHER_COLOR) for x in labels]))


st.title("Trends")
st.caption("Per report year. Each chart says what it counts; under each, the table it draws as a CSV file. "
           "Money amounts are not counted as entities (they belong to an organisation).")
top = st.slider("Top entities per year", 3, 10, 5, key="trends_top")
mentions, top_orgs, top_models, changes = tables_of(loaded.root, loaded.stamp, int(top))
if not mentions:
    st.info("No report year mentions any entity.")
    st.stop()
years = sorted({row["year"] for row in mentions})

st.subheader("Mentions per label")
st.caption("Sentences mentioning an entity of the label (one per entity, slide and sentence), per report year. "
           "Reports differ in length, so compare the shares as much as the heights.")
labels = list(dict.fromkeys(row["label"] for row in mentions))
x = alt.X("year:O", title="report year", scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0))
chart = alt.Chart(alt.Data(values=mentions)).mark_bar().encode(
    x=x, y=alt.Y("mentions:Q", stack="zero"), color=label_colour(labels), order=alt.Order("label:N"),
    tooltip=["year:O", "label:N", "mentions:Q", "entities:Q"],
)
st.altair_chart(chart.properties(height=300), width="stretch")
download(mentions, "mentions-per-label", "trends_mentions_csv")

ranked = (("Top organisations", top_orgs, "top-organisations"), ("Top models", top_models, "top-models"))
for title, rows, name in ranked:
    st.subheader(f"{title} per report year")
    st.caption(f"The {top} most mentioned each year, by the number of that report's slides naming them; "
               "the label of a bar is its rank.")
    if not rows:
        st.caption("None.")
        continue
    bars = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("year:O", title="report year"), x=alt.X("slides:Q", title="slides", stack="zero"),
        color=alt.Color("name:N", legend=None, scale=alt.Scale(scheme="tableau20")),
        order=alt.Order("rank:Q"), tooltip=["year:O", "rank:Q", "name:N", "slides:Q"],
    )
    text = alt.Chart(alt.Data(values=rows)).mark_text(color="white", fontSize=10, align="center").encode(
        y="year:O", x=alt.X("slides:Q", stack="zero", bandPosition=0.5), detail="name:N", order=alt.Order("rank:Q"),
        text="name:N",
    )
    st.altair_chart((bars + text).properties(height=max(160, 34 * len(years))), width="stretch")
    download(rows, name, f"trends_{name}_csv")

st.subheader("New and no longer mentioned entities")
st.caption("Each report year against the report before it: **new** = mentioned for the first time in any report; "
           "**no longer mentioned** = in the previous report, not in this one (the report is silent on it; nothing "
           "says it ended). Entities, not mentions; metrics and money amounts are left out.")
if changes:
    change_labels = list(dict.fromkeys(row["label"] for row in changes))
    signed = [{**row, "signed": row["entities"] if row["change"] == "new" else -row["entities"]} for row in changes]
    chart = alt.Chart(alt.Data(values=signed)).mark_bar().encode(
        x=alt.X("year:O", title="report year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("signed:Q", title="entities (new above, no longer mentioned below)", stack="zero"),
        color=label_colour(change_labels), order=alt.Order("label:N"),
        tooltip=["year:O", "label:N", "change:N", "entities:Q"],
    )
    st.altair_chart(chart.properties(height=320), width="stretch")
else:
    st.caption("One report year only: nothing to compare.")
download(changes, "new-and-no-longer-mentioned", "trends_changes_csv")
st.page_link(PAGES["years"], label="Which entities exactly? Compare two years on the Years page \u2192",
             icon=":material/compare_arrows:")
