"""Organisation -> models by year: which models an organisation developed, per report year."""

import altair as alt
import streamlit as st

from aigraph.explore.timeline import default_organisation, models_by_year, models_per_year, organisations
from aigraph.app.explorer_support import PAGES, cached_graph, entity_link, query_param, require_graph

loaded = require_graph()
graph = loaded.graph


@st.cache_data(show_spinner=False, max_entries=4)
def choices_of(root: str, stamp: str):
    g = cached_graph(root, stamp)
    return organisations(g), default_organisation(g)


@st.cache_data(show_spinner=False, max_entries=256)
def rows_of(root: str, stamp: str, org: str, include_parts: bool):
    return models_by_year(cached_graph(root, stamp), org, include_parts=include_parts)


choices, default = choices_of(loaded.root, loaded.stamp)
st.title("Organisation \u2192 models by year")
if not choices:
    st.info("The graph has no organisations.")
    st.stop()

ids = [c.id for c in choices]
names = {c.id: f"{c.name} ({c.models} model{'s' if c.models != 1 else ''})" for c in choices}
wanted = query_param("org")
if "org_pick" not in st.session_state or st.session_state["org_pick"] not in ids:
    st.session_state["org_pick"] = wanted if wanted in ids else (default or ids[0])

left, right = st.columns([3, 2])
org = left.selectbox("Organisation", ids, key="org_pick", format_func=names.__getitem__)
include_parts = right.toggle("Include its parts (e.g. DeepMind for Google)", key="org_parts")
rows = rows_of(loaded.root, loaded.stamp, org, include_parts)
org_name = str(graph.nodes[org].get("name", org))

if not rows:
    st.info(f"The reports name no model developed by {org_name}.")
    entity_link(org, f"Open {org_name}'s entity page")
    st.stop()

first_rows: dict[str, object] = {}
for r in rows:  # rows come ordered by year: the first row of a model is its first year
    first_rows.setdefault(r.model_id, r)
models = sorted(first_rows.values(), key=lambda r: (r.year, r.model.lower()))
years = sorted({r.year for r in rows})
m1, m2, m3 = st.columns(3)
m1.metric("Models", len(models))
m2.metric("Report years", len(years))
m3.metric("Span", f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else str(years[0]))

st.subheader(f"{org_name}'s models per report year")
st.dataframe(models_per_year(rows), hide_index=True, width="stretch",
             column_config={"year": st.column_config.NumberColumn("year", format="%d"),
                            "names": st.column_config.TextColumn("models named in that year's report")})

first_seen = [m.model for m in models]
chart_rows = [{"year": r.year, "model": r.model, "developer": r.org} for r in rows]
chart = alt.Chart(alt.Data(values=chart_rows)).mark_circle(size=120).encode(
    x=alt.X("year:O", title="report year", axis=alt.Axis(labelAngle=0)),
    y=alt.Y("model:N", sort=first_seen, title=None, axis=alt.Axis(labelOverlap=False)),
    color=alt.Color("developer:N", legend=alt.Legend(orient="bottom") if include_parts else None),
    tooltip=["model:N", "year:O", "developer:N"],
)
line = alt.Chart(alt.Data(values=chart_rows)).mark_line(opacity=0.35).encode(
    x="year:O", y=alt.Y("model:N", sort=first_seen), detail="model:N",
)
st.altair_chart((line + chart).properties(height=max(160, 22 * len(models))), width="stretch")

st.subheader("Open a model")
columns = st.columns(3)
for i, model in enumerate(models):
    model_years = [r.year for r in rows if r.model_id == model.model_id]
    span = ", ".join(str(y) for y in model_years)
    with columns[i % 3]:
        entity_link(model.model_id, f"{model.model} \u00b7 {span}")
st.page_link(PAGES["entity"], label=f"{org_name}'s own entity page", query_params={"id": org}, icon=":material/label:")
