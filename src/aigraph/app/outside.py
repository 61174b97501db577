"""Streamlit parts that show outside facts: a Model page's facts box and an organisation's size chart.

The data come from :mod:`aigraph.explore.outside`; these functions only draw them, each
with the source's credit line and link (the licence asks for it wherever the facts show).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx


def credit_markdown() -> str:
    """The credit line of Epoch AI's data, linked to the dataset's page (Markdown)."""
    from aigraph.explore.markdown import escape_markdown
    from aigraph.knowledge.epoch import CREDIT, SOURCE_URL

    return f"[{escape_markdown(CREDIT)}]({SOURCE_URL})"


def outside_box(attrs: Mapping[str, Any]) -> None:
    """Draw a node's outside facts in a box of their own; nothing for a node without any."""
    import streamlit as st

    from aigraph.explore.markdown import escape_markdown
    from aigraph.explore.outside import outside_facts

    box = outside_facts(attrs)
    if box is None:
        return
    with st.container(border=True):
        st.markdown("**Facts from outside the reports**")
        if box.rows:
            st.markdown("  \n".join(f"**{label}:** {escape_markdown(value)}" for label, value in box.rows))
        if box.paper_title or box.paper_url:
            title = escape_markdown(box.paper_title or box.paper_url or "")
            paper = f"[{title}]({box.paper_url})" if box.paper_url else title
            arxiv = f" \u00b7 arXiv {escape_markdown(box.arxiv_id)}" if box.arxiv_id else ""
            st.markdown(f"**Paper:** {paper}{arxiv}")
        source = f"[{escape_markdown(box.credit)}]({box.source_url})" if box.source_url else escape_markdown(box.credit)
        st.caption(source)


def size_chart(graph: nx.MultiDiGraph, model_years: Iterable[tuple[str, int]], *, key: str = "sizes") -> None:
    """Chart parameters and training compute of some models over the report years they appear in (log scale)."""
    import altair as alt
    import streamlit as st

    from aigraph.explore.outside import MEASURES, size_points

    points = size_points(graph, model_years)
    st.subheader("Model sizes over report years")
    if not points:
        st.caption("None of these models is in Epoch AI's data, so there is no size to chart.")
        return
    st.caption("Each model at each report year that names it: its parameters and training compute as Epoch AI "
               "records them (log scale). " + credit_markdown())
    columns = st.columns(len(MEASURES))
    for column, (_, measure) in zip(columns, MEASURES):
        values = [p for p in points if p["measure"] == measure]
        with column:
            if not values:
                st.caption(f"No {measure} known.")
                continue
            chart = alt.Chart(alt.Data(values=values)).mark_circle(size=90, opacity=0.85).encode(
                x=alt.X("year:O", title="report year", axis=alt.Axis(labelAngle=0)),
                y=alt.Y("value:Q", title=measure, scale=alt.Scale(type="log")),
                color=alt.Color("model:N", legend=None),
                tooltip=["model:N", "year:O", alt.Tooltip("value:Q", format=".3~s"), "published:N"],
            )
            st.altair_chart(chart.properties(height=260), width="stretch", key=f"{key}-{measure}")
