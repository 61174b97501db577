"""Entity: one node with every mention (slide and sentence), its relations, neighbours and merges.

The node comes from the URL (``?id=model:alphafold-2``), so any entity page can be linked.
"""

import streamlit as st

from aigraph.explore.entity import entity_view
from aigraph.explore.labels import entities, label_sort_key
from aigraph.explore.markdown import escape_markdown, highlighted_markdown
from aigraph.explore.mergelog import MERGE_COLUMNS
from aigraph.app.explorer_support import PAGES, entity_label, entity_link, merge_log_index, query_param, require_graph

loaded = require_graph()
graph = loaded.graph


@st.cache_data(show_spinner=False, max_entries=256)
def view_of(root: str, stamp: str, node: str):
    from aigraph.app.explorer_support import cached_graph

    return entity_view(cached_graph(root, stamp), node, merge_log_index(root, stamp).get(node, ()))


@st.cache_data(show_spinner=False, max_entries=4)
def choices(root: str, stamp: str) -> list[str]:
    from aigraph.app.explorer_support import cached_graph

    g = cached_graph(root, stamp)
    return sorted((n for n, _ in entities(g)),
                  key=lambda n: (label_sort_key(g.nodes[n].get("label", "")), str(g.nodes[n].get("name", n)).lower()))


def pick_entity() -> None:
    st.session_state["entity_pending"] = st.session_state["entity_pick"]


node = query_param("id")
if st.session_state.get("entity_pending"):
    node = st.session_state.pop("entity_pending")
    st.query_params["id"] = node

if not node:
    st.title("Entity")
    st.write("Pick an entity, or find one on the Search page.")
    options = choices(loaded.root, loaded.stamp)
    st.selectbox("Entity", options, index=None, key="entity_pick", on_change=pick_entity,
                 format_func=lambda n: entity_label(str(graph.nodes[n].get("name", n)), graph.nodes[n].get("label", "")),
                 placeholder="Type a name...")
    st.page_link(PAGES["search"], label="Search names and aliases", icon=":material/search:")
    st.stop()

if node not in graph:
    st.title("Entity")
    st.warning(f"There is no node `{node}` in this graph (it may come from another build).")
    st.page_link(PAGES["search"], label="Search names and aliases", icon=":material/search:")
    st.stop()

view = view_of(loaded.root, loaded.stamp, node)

st.title(view.name)
st.caption(f"{view.label} \u00b7 `{view.id}`")
if view.aliases:
    st.markdown("**Also called:** " + ", ".join(escape_markdown(a) for a in view.aliases))
st.markdown("**Report years:** " + (", ".join(str(y) for y in view.years) or "none (known from curated knowledge only)"))
if view.properties:
    shown = {k: v for k, v in view.properties.items() if v not in (None, "", [])}
    st.markdown(" \u00b7 ".join(f"**{escape_markdown(k)}:** {escape_markdown(str(v))}" for k, v in shown.items()))
st.page_link(PAGES["graph"], label="Show in the graph view", icon=":material/hub:", query_params={"id": view.id})

mentions_tab, relations_tab, neighbours_tab, merges_tab = st.tabs([
    f"Mentions ({len(view.mentions)})",
    f"Relations ({len(view.relations_out) + len(view.relations_in)})",
    f"Neighbours ({len(view.neighbours) + len(view.co_mentioned)})",
    f"Merge log ({len(view.merges)})",
])

with mentions_tab:
    if not view.mentions:
        st.caption("No sentence of the reports mentions this node.")
    current_year = object()
    for mention in view.mentions:
        if mention.year != current_year:
            current_year = mention.year
            st.markdown(f"#### {mention.year if mention.year is not None else 'No year'}")
        where = [f"slide {mention.slide}" if mention.slide is not None else "outside the slides"]
        if mention.section:
            where.append(escape_markdown(mention.section))
        if mention.slide_title:
            where.append(f"\u201c{escape_markdown(mention.slide_title)}\u201d")
        source = f" \u00b7 {escape_markdown(mention.source)}" if mention.source else ""
        heading = " \u00b7 ".join(where)
        st.markdown(f"**{heading}**{source}  \n{highlighted_markdown(mention.parts)}")

with relations_tab:
    for title, relations in (("Outgoing", view.relations_out), ("Incoming", view.relations_in)):
        st.subheader(title)
        if not relations:
            st.caption("None.")
            continue
        st.dataframe(
            [{"relation": r.type, "other": r.other_name, "label": r.other_label, "count": r.count,
              "years": ", ".join(map(str, r.years)), "curated": r.curated, "id": r.other_id} for r in relations],
            hide_index=True, width="stretch",
        )
        with st.expander(f"Evidence of {title.lower()} relations"):
            for r in relations:
                sentences = [e for e in r.evidence if e.sentence]
                if not sentences:
                    continue
                st.markdown(f"**{r.type}** \u2192 {escape_markdown(r.other_name)}")
                for e in sentences:
                    place = f"{e.year}, slide {e.slide}" if e.slide is not None else f"{e.year}"
                    st.markdown(f"- {escape_markdown(place)}: {escape_markdown(e.sentence)}")

with neighbours_tab:
    st.subheader("Linked by relations")
    if not view.neighbours:
        st.caption("None.")
    columns = st.columns(3)
    for i, neighbour in enumerate(view.neighbours):
        with columns[i % 3]:
            entity_link(neighbour.id, f"{neighbour.name} ({neighbour.label})", help=", ".join(neighbour.via))
    if view.co_mentioned:
        st.subheader("On the same slides")
        columns = st.columns(3)
        for i, neighbour in enumerate(view.co_mentioned):
            with columns[i % 3]:
                plural = "s" if neighbour.shared_slides != 1 else ""
                entity_link(neighbour.id, f"{neighbour.name} ({neighbour.label}) \u00b7 {neighbour.shared_slides} slide{plural}")

with merges_tab:
    if not view.merges:
        st.caption("The merge log has no entry for this node.")
    else:
        st.caption("One line per document that named this node: the name it used and the rule that joined it here "
                   "(`new` made the node).")
        st.dataframe(
            [{c: (", ".join(r.get(c) or []) if c == "aliases" else r.get(c)) for c in MERGE_COLUMNS} for r in view.merges],
            hide_index=True, width="stretch",
        )
