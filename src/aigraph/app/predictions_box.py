"""The entity page's box of the predictions that name the entity (with their grades)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from aigraph.explore.markdown import escape_markdown
from aigraph.explore.predictions import GRADE_TEXT, predictions_naming


def predictions_box(graph: Any, node: str) -> None:
    """Draw an expander listing the predictions that name ``node``; nothing when there are none."""
    from aigraph.app.explorer_support import PAGES

    cards = predictions_naming(graph, node)
    if not cards:
        return
    with st.expander(f"Predictions naming it ({len(cards)})", expanded=False):
        for card in cards:
            graded = GRADE_TEXT[card.grade]
            if card.graded_in is not None:
                graded += f" (graded in {card.graded_in})"
            st.markdown(f"**{card.year}** #{card.number}: {escape_markdown(card.text)}  \n*{graded}*"
                        + (f": {escape_markdown(card.evidence)}" if card.evidence else ""))
        years = sorted({c.year for c in cards if c.year is not None})
        if years:
            st.page_link(PAGES["predictions"], label="All predictions of a year", icon=":material/online_prediction:",
                         query_params={"year": str(years[-1])})
