"""Predictions: each report year's predictions with their grade, the evidence, the hit rate.

The report year comes from the URL (``?year=2023``), so a year's predictions can be linked.
"""

import altair as alt
import streamlit as st

from aigraph.explore.markdown import escape_markdown
from aigraph.explore.predictions import (
    GRADE_COLORS, GRADE_TEXT, hit_rate_long, hit_rate_rows, prediction_cards, prediction_years,
)
from aigraph.app.explorer_support import cached_graph, entity_link, query_param, require_graph

#: Streamlit's named colour of each grade's badge (close to GRADE_COLORS).
BADGE = {"yes": "green", "partly": "orange", "no": "red", "ungraded": "gray"}

loaded = require_graph()


@st.cache_data(show_spinner=False, max_entries=64)
def cards_of(root: str, stamp: str, year: int):
    return prediction_cards(cached_graph(root, stamp), year)


@st.cache_data(show_spinner=False, max_entries=4)
def rates_of(root: str, stamp: str):
    return hit_rate_rows(cached_graph(root, stamp))


st.title("Predictions")
years = prediction_years(loaded.graph)
if not years:
    st.info("This graph has no predictions: no report read had a predictions section "
            "(`Prediction: ...` lines, or items under a heading that names predictions).")
    st.stop()

rates = rates_of(loaded.root, loaded.stamp)
st.subheader("Hit rate by report year")
st.caption("How a report year's predictions were graded by the next report's scorecard. "
           "**Not graded**: no later report in this graph graded it (or the grade could not be tied to it).")
grades = [GRADE_TEXT[g] for g in ("yes", "partly", "no", "ungraded")]
chart = alt.Chart(alt.Data(values=hit_rate_long(rates))).mark_bar().encode(
    x=alt.X("year:N", title="Report year that made the predictions"),
    y=alt.Y("predictions:Q", stack="zero", title="Predictions"),
    color=alt.Color("grade:N", scale=alt.Scale(domain=grades, range=[GRADE_COLORS[g] for g in
                                                                       ("yes", "partly", "no", "ungraded")])),
    order=alt.Order("order:Q"),
    tooltip=["year:N", "grade:N", "predictions:Q"],
)
st.altair_chart(chart.properties(height=260), width="stretch")
st.dataframe(
    [{"year": r["year"], "predictions": r["predictions"], "yes": r["yes"], "partly": r["partly"], "no": r["no"],
      "not graded": r["ungraded"], "yes of graded": r["hit_rate"]} for r in rates],
    hide_index=True, width="stretch",
    column_config={"year": st.column_config.NumberColumn(format="%d"),
                   "yes of graded": st.column_config.NumberColumn(format="%.2f")},
)

asked = query_param("year")
default = int(asked) if asked and asked.isdigit() and int(asked) in years else years[-1]
year = st.selectbox("Report year", years, index=years.index(default), key="predictions_year")
cards = cards_of(loaded.root, loaded.stamp, int(year))
st.subheader(f"The {year} report's predictions ({len(cards)})")
for card in cards:
    where = f"slide {card.slide}" if card.slide is not None else "no slide"
    badge = f":{BADGE[card.grade]}-background[**{GRADE_TEXT[card.grade]}**]"
    st.markdown(f"{card.number}. {escape_markdown(card.text)}  \n{badge} \u00b7 {where}")
    with st.expander("Evidence and entities", expanded=False):
        if card.grade == "ungraded":
            st.caption("No later report in this graph grades this prediction.")
        else:
            graded = f"Graded in the {card.graded_in} report" + (
                f", slide {card.graded_slide}" if card.graded_slide is not None else "")
            st.markdown(f"**{graded}:** {escape_markdown(card.claim or '')}")
            st.markdown(escape_markdown(card.evidence or "(no evidence given)"))
        if card.entities:
            st.caption("Names:")
            columns = st.columns(3)
            for i, named in enumerate(card.entities):
                with columns[i % 3]:
                    entity_link(named.id, f"{named.name} ({named.label})")
