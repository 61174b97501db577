"""Organisation -> models by year: which models an organisation developed, per report year;
and up to four organisations side by side."""

import altair as alt
import streamlit as st

from aigraph.explore.labels import report_years
from aigraph.explore.markdown import linked_names, markdown_table
from aigraph.explore.timeline import (
    comparison,
    comparison_csv,
    default_organisation,
    model_years,
    models_by_year,
    models_per_year,
    organisations,
    timeline_points,
    year_table,
)
from aigraph.explore.trends import rows_to_csv
from aigraph.app.explorer_support import PAGES, cached_graph, entity_link, query_param, require_graph

#: How many organisations the comparison shows side by side.
MAX_COMPARED = 4

loaded = require_graph()
graph = loaded.graph


@st.cache_data(show_spinner=False, max_entries=4)
def choices_of(root: str, stamp: str):
    g = cached_graph(root, stamp)
    return organisations(g), default_organisation(g), report_years(g)


@st.cache_data(show_spinner=False, max_entries=256)
def rows_of(root: str, stamp: str, org: str, include_parts: bool):
    return models_by_year(cached_graph(root, stamp), org, include_parts=include_parts)


@st.cache_data(show_spinner=False, max_entries=64)
def comparison_of(root: str, stamp: str, orgs: tuple[str, ...], include_parts: bool):
    return comparison(cached_graph(root, stamp), list(orgs), include_parts=include_parts)


choices, default, all_years = choices_of(loaded.root, loaded.stamp)
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
if st.query_params.get("org") != org:
    st.query_params["org"] = org

single, compare = st.tabs(["One organisation", f"Compare up to {MAX_COMPARED}"])

with single:
    if not rows:
        st.info(f"The reports name no model developed by {org_name}.")
        entity_link(org, f"Open {org_name}'s entity page")
    else:
        years_of = model_years(rows)
        first_rows: dict[str, object] = {}
        for r in rows:  # rows come ordered by year: the first row of a model is its first year
            first_rows.setdefault(r.model_id, r)
        models = sorted(first_rows.values(), key=lambda r: (r.year, r.model.lower()))
        years = sorted({r.year for r in rows})
        m1, m2, m3 = st.columns(3)
        m1.metric("Models", len(models), help="Distinct models (entities), not mentions.")
        m2.metric("Report years", len(years), help="Report years that name at least one of these models.")
        m3.metric("Span", f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else str(years[0]))

        st.subheader(f"{org_name}'s models per report year")
        st.caption("Each model once per report year it appears in; click a name for its entity page "
                   "(in a new tab, so this table stays)."
                   + (" Models of its parts count too." if include_parts else ""))
        table = year_table(rows)
        st.markdown(markdown_table(
            ["Report year", "Models", "Named in that year's report"],
            [[str(row["year"]), str(len(row["models"])), linked_names(row["models"])] for row in table],
        ))
        per_year = models_per_year(rows)
        st.download_button("Download this table (CSV)", rows_to_csv(per_year),
                           file_name=f"{org.split(':')[-1]}-models-by-year.csv", mime="text/csv",
                           key="org_csv", on_click="ignore", icon=":material/download:")
        with st.expander("The same as a sortable table"):
            st.dataframe(per_year, hide_index=True, width="stretch",
                         column_config={"year": st.column_config.NumberColumn("year", format="%d"),
                                        "names": st.column_config.TextColumn("models named in that year's report")})

        st.subheader("Timeline")
        st.caption("A dot per report year that names the model; a line joins consecutive reports only, "
                   "so a report year without the model leaves a gap.")
        points = timeline_points(rows, all_years)
        first_seen = [m.model for m in models]
        x = alt.X("year:O", title="report year", scale=alt.Scale(domain=all_years), axis=alt.Axis(labelAngle=0))
        y = alt.Y("model:N", sort=first_seen, title=None, axis=alt.Axis(labelOverlap=False))
        dots = alt.Chart(alt.Data(values=points)).mark_circle(size=120, opacity=1).encode(
            x=x, y=y, color=alt.Color("developer:N", legend=alt.Legend(orient="bottom") if include_parts else None),
            tooltip=["model:N", "year:O", "developer:N"],
        )
        lines = alt.Chart(alt.Data(values=points)).mark_line(opacity=0.35).encode(x=x, y=y, detail="run:N")
        st.altair_chart((lines + dots).properties(height=max(160, 22 * len(models))), width="stretch")

        from aigraph.app.outside import size_chart  # the models' sizes from Epoch AI, log scale

        size_chart(graph, [(r.model_id, r.year) for r in rows], key="org_sizes")

        st.subheader("Open a model")
        columns = st.columns(3)
        for i, model in enumerate(models):
            span = ", ".join(str(y) for y in years_of[model.model_id])
            with columns[i % 3]:
                entity_link(model.model_id, f"{model.model} \u00b7 {span}")
    st.page_link(PAGES["entity"], label=f"{org_name}'s own entity page", query_params={"id": org},
                 icon=":material/label:")

with compare:
    with_models = [c.id for c in choices if c.models] or ids
    picked = st.multiselect(
        "Organisations", with_models, default=[org] if org in with_models else [],
        max_selections=MAX_COMPARED, key="org_compare", format_func=names.__getitem__,
        help=f"Up to {MAX_COMPARED}; the 'include its parts' switch above applies to each.",
    )
    if not picked:
        st.caption("Pick organisations to compare their models year by year.")
    else:
        compared = comparison_of(loaded.root, loaded.stamp, tuple(picked), include_parts)
        short = {o: str(graph.nodes[o].get("name", o)) for o in picked}
        st.caption("One row per report year any of them has a model in; each cell lists that year's models.")
        st.markdown(markdown_table(
            ["Report year", *(f"{name} ({sum(1 for row in compared if row[o])} report years)"
                              for o, name in short.items())],
            [[str(row["year"]), *(linked_names(row[o]) or "\u2014" for o in picked)] for row in compared],
        ))
        st.download_button("Download the comparison (CSV)", comparison_csv(compared, short),
                           file_name="organisations-compared.csv", mime="text/csv", key="org_compare_csv",
                           on_click="ignore", icon=":material/download:")
